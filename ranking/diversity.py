"""Diversity before the final top-k: near-duplicate removal, then Maximal Marginal Relevance.

1. Near duplicates: walking the list best first, a product is dropped when its
   vector has cosine > ``dup_threshold`` (0.97) with a kept product, or when its
   normalized title equals a kept product's title.
2. MMR: repeatedly pick ``argmax lambda * rel(i) - (1 - lambda) * max_j cos(i, j)``
   over the kept, not yet picked products, with ``rel`` the scores min-max
   scaled to [0, 1] and ``j`` the products already picked. Pass the whole
   scored list (not a pre-cut top-k): its score range sets the relevance scale.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

import numpy as np

from ranking.types import ScoredProduct

DUPLICATE_COSINE = 0.97
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize_title(title: str) -> str:
    """Lower-cased ASCII words of a title, single-spaced ("Sofa, Grey!" == "sofa grey")."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", text).strip()


def _vector_matrix(
    scored: Sequence[ScoredProduct], vectors: np.ndarray | Sequence[Sequence[float]] | Mapping[str, Sequence[float]]
) -> np.ndarray:
    if isinstance(vectors, Mapping):
        missing = [s.candidate.product.id for s in scored if s.candidate.product.id not in vectors]
        if missing:
            raise ValueError(f"no vector for products {missing[:5]}")
        matrix = np.asarray([vectors[s.candidate.product.id] for s in scored], dtype=np.float32)
    else:
        matrix = np.asarray(vectors, dtype=np.float32)
        if matrix.shape[0] != len(scored):
            raise ValueError(f"{len(scored)} products but {matrix.shape[0]} vectors")
    if matrix.ndim != 2:
        matrix = matrix.reshape(len(scored), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def remove_near_duplicates(
    scored: Sequence[ScoredProduct], unit_vectors: np.ndarray, threshold: float = DUPLICATE_COSINE
) -> list[int]:
    """Indices of the products kept, best first, skipping near duplicates of better ones."""
    order = sorted(range(len(scored)), key=lambda i: -scored[i].score)
    kept: list[int] = []
    titles: set[str] = set()
    for i in order:
        title = normalize_title(scored[i].candidate.product.title)
        if title and title in titles:
            continue
        if kept and float((unit_vectors[kept] @ unit_vectors[i]).max()) > threshold:
            continue
        kept.append(i)
        if title:
            titles.add(title)
    return kept


def diversify(
    scored: Sequence[ScoredProduct],
    vectors: np.ndarray | Sequence[Sequence[float]] | Mapping[str, Sequence[float]],
    k: int,
    lambda_: float = 0.7,
    *,
    dup_threshold: float = DUPLICATE_COSINE,
) -> list[ScoredProduct]:
    """The final top-``k``: near duplicates removed, then MMR order.

    ``vectors`` are the products' embeddings, either aligned with ``scored`` or
    a mapping from product id to vector. ``lambda_ = 1`` is pure relevance.
    """
    if k <= 0 or not scored:
        return []
    if not 0.0 <= lambda_ <= 1.0:
        raise ValueError("lambda_ must lie in [0, 1]")
    unit = _vector_matrix(scored, vectors)
    pool = remove_near_duplicates(scored, unit, dup_threshold)
    scores = np.array([scored[i].score for i in pool], dtype=np.float64)
    spread = scores.max() - scores.min()
    relevance = (scores - scores.min()) / spread if spread > 0 else np.ones_like(scores)
    sims = unit[pool] @ unit[pool].T
    picked: list[int] = []  # positions in pool
    max_sim = np.full(len(pool), -np.inf)
    remaining = np.ones(len(pool), dtype=bool)
    while len(picked) < min(k, len(pool)):
        redundancy = np.where(np.isfinite(max_sim), max_sim, 0.0)
        mmr = lambda_ * relevance - (1.0 - lambda_) * redundancy
        mmr[~remaining] = -np.inf
        best = int(np.argmax(mmr))
        picked.append(best)
        remaining[best] = False
        max_sim = np.maximum(max_sim, sims[best])
    return [scored[pool[p]] for p in picked]
