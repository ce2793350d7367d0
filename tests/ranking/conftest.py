"""Fixtures of the re-ranker tests: the real packaged MiniLM and helpers that build RankRequests from Products."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pytest

from bot.dialogue.profile import UserProfile
from ranking.types import RankRequest
from retrieval.product import Product
from retrieval.types import Candidate

WANDS_MINI = Path(__file__).parent / "data" / "wands_mini"


@pytest.fixture(scope="session")
def embed() -> Callable[[Sequence[str]], np.ndarray]:
    """Unit-length MiniLM embeddings (real model weights, CPU)."""
    from ranking.train import minilm_embedder

    return minilm_embedder("cpu")


@pytest.fixture(scope="session")
def wands_mini() -> Path:
    return WANDS_MINI


@pytest.fixture
def make_request(embed) -> Callable[..., RankRequest]:
    """RankRequest for ``products`` and ``query``: real MiniLM vectors, dense score = cosine, identical fused scores.

    ``vectors_from`` optionally maps a product id to the text whose embedding it
    gets (to make two products share a vector).
    """

    def build(
        products: Sequence[Product],
        query: str,
        profile: UserProfile | None = None,
        *,
        use_profile: bool = True,
        vectors_from: dict[str, str] | None = None,
    ) -> RankRequest:
        texts = [(vectors_from or {}).get(p.id, p.text()) for p in products]
        vectors = embed(texts)
        q = embed([query])[0]
        candidates = [Candidate(product=p, score=0.5, dense_score=float(v @ q), bm25_score=1.0) for p, v in zip(products, vectors)]
        return RankRequest(
            candidates=candidates,
            candidate_vectors=vectors.tolist(),
            query_vector=q.tolist(),
            profile=profile or UserProfile(),
            use_profile=use_profile,
        )

    return build
