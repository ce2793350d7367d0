"""Helpers of the re-ranker tests (a module with a unique name, importable from every test file here)."""

from __future__ import annotations

from bot.dialogue.profile import Affinity, UserProfile
from retrieval.product import Product


def product(id: str, title: str, **fields) -> Product:
    """A sofa-like product with sensible defaults; ``fields`` override any Product field."""
    fields.setdefault("category", ["Furniture", "Living Room", "Sofas"])
    fields.setdefault("price", 500.0)
    fields.setdefault("rating", 4.2)
    fields.setdefault("review_count", 50)
    return Product(id=id, title=title, **fields)


def like(profile: UserProfile, field: str, value: str, weight: float) -> UserProfile:
    """Give ``profile`` an explicit affinity (weight > 0 liked, < 0 disliked) for one attribute value."""
    profile.affinities.setdefault(field, {})[value.lower()] = Affinity(weight=weight, explicit=True)
    return profile
