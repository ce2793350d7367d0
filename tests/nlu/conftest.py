"""Fixtures of the NLU tests: a small product list and one tiny trained model shared by the slow tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from retrieval.product import Product


@pytest.fixture(scope="session")
def nlu_products() -> list[Product]:
    """A small catalog with brands and categories the generic vocabulary does not have."""
    rows = [
        ("p1", "Oslo 3-seat sofa", ["Furniture", "Living Room", "Sofas"], "Nordhaus", "Grey", "Velvet", "Scandinavian", 799),
        ("p2", "Lund wool rug", ["Home Decor", "Rugs"], "Fjellstrom", "Blue", "Wool", "Modern", 199),
        ("p3", "Tess table lamp", ["Lighting", "Table Lamps"], "Lumio", "Black", "Metal", "Industrial", 59),
        ("p4", "Bram dining chair", ["Furniture", "Dining Room", "Dining Chairs"], "Casa Verde", "Green", "Oak",
         "Mid-Century Modern", 149),
        ("p5", "Arlo coffee table", ["Furniture", "Living Room", "Coffee Tables"], "Nordhaus", "Walnut", "Walnut",
         "Mid-Century Modern", 329),
        ("p6", "Cove armchair", ["Furniture", "Living Room", "Armchairs"], "IKEA", "Beige", "Linen", "Modern", 249),
    ]
    return [
        Product(id=i, title=t, category=c, brand=b, color=col, material=m, style=s, price=p, size="Queen" if i == "p2" else None)
        for i, t, c, b, col, m, s, p in rows
    ]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, nlu_products) -> Path:
    """One tiny NLU model trained for the whole session (about a minute on 2 idle cores)."""
    from bot.nlu.train import TrainConfig, train_nlu

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    root = tmp_path_factory.mktemp("nlu-models")
    return train_nlu(root, nlu_products, TrainConfig.tiny(), progress=False)


@pytest.fixture(scope="session")
def tiny_nlu(tiny_model_dir):
    from bot.nlu.predictor import NLU

    return NLU.load(tiny_model_dir, device="cpu")
