"""Fixtures of the retrieval tests: real MiniLM, real Qdrant Edge on disk, qdrant-client :memory:."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from bot.config import Settings
from retrieval.demo_catalog import load_demo_catalog
from retrieval.edge_store import EdgeStore
from retrieval.embedding import Embedder
from retrieval.server_store import QdrantServerStore

FIXTURES = Path(__file__).parent / "fixtures"
_collections = itertools.count()


@pytest.fixture(scope="session")
def retrieval_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shopbot_home")


@pytest.fixture(scope="session")
def settings(retrieval_home) -> Settings:
    return Settings(home=retrieval_home, device="cpu")


@pytest.fixture(scope="session")
def embedder(settings) -> Embedder:
    e = Embedder(settings)
    yield e
    e.close()


@pytest.fixture(scope="session")
def demo_products():
    return load_demo_catalog()


@pytest.fixture(scope="session")
def demo_vectors(embedder, demo_products) -> np.ndarray:
    return embedder.embed_products(demo_products, progress=False)


@pytest.fixture(scope="session")
def wands_dir() -> Path:
    return FIXTURES / "wands"


def make_store(kind: str, tmp_path: Path):
    if kind == "edge":
        return EdgeStore(tmp_path / f"edge-{next(_collections)}")
    return QdrantServerStore(":memory:", collection=f"test_{next(_collections)}")


@pytest.fixture(params=["edge", "server"])
def store_kind(request) -> str:
    return request.param


@pytest.fixture
def demo_store(store_kind, tmp_path, demo_products, demo_vectors):
    """A fresh store of either backend holding the demo catalog (for tests that change it)."""
    store = make_store(store_kind, tmp_path)
    store.upsert(demo_products, demo_vectors)
    store.optimize()
    yield store
    store.close()


@pytest.fixture(scope="module", params=["edge", "server"])
def shared_store(request, tmp_path_factory, demo_products, demo_vectors):
    """A read-only store of either backend holding the demo catalog, shared by a module."""
    store = make_store(request.param, tmp_path_factory.mktemp("store"))
    store.upsert(demo_products, demo_vectors)
    store.optimize()
    yield store
    store.close()
