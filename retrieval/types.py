"""Contracts of the retrieval layer: filters, queries, candidates, the store protocol."""

from __future__ import annotations

from typing import Literal, Protocol, Sequence, runtime_checkable

import numpy as np
from pydantic import BaseModel, Field

from retrieval.product import Product


class SearchFilter(BaseModel):
    """Hard constraints. Every product a store returns satisfies all of them.

    String matches are case-insensitive. ``categories`` matches any level of a
    product's category path. Empty lists mean "no constraint".
    """

    price_min: float | None = None
    price_max: float | None = None
    brands: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)
    exclude_colors: list[str] = Field(default_factory=list)
    materials: list[str] = Field(default_factory=list)
    exclude_materials: list[str] = Field(default_factory=list)
    styles: list[str] = Field(default_factory=list)
    exclude_styles: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    exclude_sizes: list[str] = Field(default_factory=list)
    min_rating: float | None = None
    in_stock_only: bool = False
    exclude_ids: list[str] = Field(default_factory=list)
    # Free attributes ("dimmable": "yes"; "seats" at least 6). The stores do not index free attributes: the
    # dialogue applies these to the candidates a store returns (``retrieval.filters.matches``).
    attributes: dict[str, str] = Field(default_factory=dict)
    attribute_min: dict[str, float] = Field(default_factory=dict)
    # Measures in inches by letter ("W": 30 for "no wider than 30 inches"; W, D, H, L), read from the product's
    # size; applied like the free attributes.
    dimension_max: dict[str, float] = Field(default_factory=dict)
    dimension_min: dict[str, float] = Field(default_factory=dict)
    # Words the product's title must not contain ("not the gaming ones"); applied like the free attributes.
    exclude_words: list[str] = Field(default_factory=list)
    # Words of which the product's title must contain one ("sleeper" for a sofa bed); applied likewise.
    title_words: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return self == SearchFilter()


class SearchQuery(BaseModel):
    text: str = ""
    dense: list[float] | None = Field(default=None, description="Query embedding; computed by the retriever when None.")
    filter: SearchFilter = Field(default_factory=SearchFilter)
    positive_ids: list[str] = Field(default_factory=list, description="Products the shopper liked (recommend query).")
    negative_ids: list[str] = Field(default_factory=list, description="Products the shopper rejected.")
    limit: int = Field(default=100, ge=1, le=1000)
    mode: Literal["hybrid", "dense", "bm25"] = "hybrid"


class Candidate(BaseModel):
    """A retrieved product with the scores the re-ranker uses as features."""

    product: Product
    score: float = Field(description="Fused retrieval score (higher is better).")
    dense_score: float = 0.0
    bm25_score: float = 0.0


@runtime_checkable
class VectorStore(Protocol):
    """A product index: dense vectors + BM25 sparse vectors + payload filters.

    All methods are blocking; async callers run them in an executor.
    """

    def upsert(self, products: Sequence[Product], vectors: np.ndarray) -> None: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def search(self, query: SearchQuery) -> list[Candidate]: ...

    def get(self, ids: Sequence[str]) -> list[Product]: ...

    def vectors(self, ids: Sequence[str]) -> np.ndarray: ...

    def count(self) -> int: ...

    def close(self) -> None: ...
