"""Hybrid search logic shared by both Qdrant stores.

A search runs up to two branches in one batch, each with the same payload
filter: dense (cosine on the MiniLM vector) and sparse (BM25 with IDF). The
ranked lists are fused in Python (see :class:`FusionConfig`), which keeps each
branch's own score: ``Candidate.dense_score`` and ``Candidate.bm25_score`` are
the re-ranker's features. A candidate that one branch did not return gets that
branch's score from a second, id-restricted batch (0 when BM25 shares no term
with it).

Positive / negative example products use Qdrant's ``average_vector``
recommendation strategy, computed here so that it works the same on both
backends: ``2 * mean(positives) - mean(negatives)`` (the query embedding
counts as one positive), normalized; the examples themselves are excluded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal, Sequence

import numpy as np
from pydantic import BaseModel, Field

from retrieval.product import Product
from retrieval.sparse import BM25_AVG_LEN, encode_query
from retrieval.types import Candidate, SearchFilter, SearchQuery


class FusionConfig(BaseModel):
    """How the dense and BM25 lists are fused.

    - ``convex`` (default): both scores are known for every candidate of the
      union of the two lists; each is z-normalized over that union and
      ``score = alpha * dense_z + (1 - alpha) * bm25_z`` (convex combination,
      which Bruch et al. 2022 found more accurate than RRF).
    - ``rrf``: weighted reciprocal rank fusion, ``sum_b weight_b / (k + rank_b)``.
    """

    method: Literal["convex", "rrf"] = "convex"
    alpha: float = Field(default=0.5, ge=0.0, le=1.0)
    k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    branch_limit: int = 100  # each branch returns max(limit, branch_limit) hits before fusion


@dataclass
class Branch:
    """One backend-neutral query: a dense vector or a BM25 sparse vector (or
    neither: browse by rating), with the filter and optional id restriction."""

    kind: str  # "dense" | "sparse" | "browse"
    limit: int
    filter: SearchFilter
    dense: list[float] | None = None
    sparse: tuple[list[int], list[float]] | None = None
    exclude_ids: Sequence[str] = ()
    only_ids: Sequence[str] | None = None


@dataclass
class Hits:
    ids: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def rrf(rankings: Sequence[tuple[Sequence[str], float]], k: int) -> dict[str, float]:
    """Weighted reciprocal-rank fusion of ranked id lists ``[(ids, weight)]``."""
    fused: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, pid in enumerate(ids, start=1):
            fused[pid] = fused.get(pid, 0.0) + weight / (k + rank)
    return fused


def convex(ids: Sequence[str], dense: dict[str, float], bm25: dict[str, float], alpha: float) -> dict[str, float]:
    """``alpha * z(dense) + (1 - alpha) * z(bm25)`` over ``ids`` (z: standard score over the ids)."""
    if not ids:
        return {}
    d = np.array([dense.get(i, 0.0) for i in ids], dtype=np.float64)
    b = np.array([bm25.get(i, 0.0) for i in ids], dtype=np.float64)

    def z(x: np.ndarray) -> np.ndarray:
        std = x.std()
        return (x - x.mean()) / std if std > 1e-12 else np.zeros_like(x)

    fused = alpha * z(d) + (1 - alpha) * z(b)
    return dict(zip(ids, fused.tolist()))


def example_vector(query_vec: np.ndarray | None, positives: np.ndarray, negatives: np.ndarray) -> np.ndarray | None:
    """Qdrant's average_vector recommendation target (normalized)."""
    pos = [v for v in ([query_vec] if query_vec is not None else []) + list(positives)]
    if not pos and not len(negatives):
        return None
    target = np.mean(pos, axis=0) if pos else np.zeros(negatives.shape[1], dtype=np.float32)
    if len(negatives):
        target = (2 * target if pos else target) - np.mean(negatives, axis=0)
    norm = float(np.linalg.norm(target))
    return (target / norm).astype(np.float32) if norm > 0 else None


class HybridSearchMixin:
    """``search`` for a store that implements ``_run(branches) -> list[Hits]``,
    ``get``, and ``vectors``."""

    fusion: FusionConfig
    bm25_avg_len: float = BM25_AVG_LEN
    last_query_ms: float = 0.0  # time spent in the store's queries by the last search (no embedding)

    def _run(self, branches: list[Branch]) -> list[Hits]:  # pragma: no cover - implemented by stores
        raise NotImplementedError

    def get(self, ids: Sequence[str]) -> list[Product]:  # pragma: no cover
        raise NotImplementedError

    def vectors(self, ids: Sequence[str]) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def search(self, query: SearchQuery) -> list[Candidate]:
        started = time.perf_counter()
        examples = [*query.positive_ids, *query.negative_ids]
        exclude = tuple(dict.fromkeys([*query.filter.exclude_ids, *examples]))
        dense_vec = np.asarray(query.dense, dtype=np.float32) if query.dense is not None else None
        if query.positive_ids or query.negative_ids:
            pos = self.vectors(query.positive_ids) if query.positive_ids else np.zeros((0, 1), np.float32)
            neg = self.vectors(query.negative_ids) if query.negative_ids else np.zeros((0, 1), np.float32)
            dense_vec = example_vector(dense_vec, pos, neg)
        dense = dense_vec.tolist() if dense_vec is not None else None
        text = query.text.strip()
        sparse = encode_query(text, self.bm25_avg_len) if text else None
        if sparse is not None and not sparse[0]:
            sparse = None  # only stop words

        use_dense = dense is not None and query.mode in ("hybrid", "dense")
        use_sparse = sparse is not None and query.mode in ("hybrid", "bm25")
        if query.mode == "dense" and dense is None:
            raise ValueError("a dense search needs SearchQuery.dense or positive/negative examples")
        per_branch = max(query.limit, self.fusion.branch_limit) if (use_dense and use_sparse) else query.limit
        branches: list[Branch] = []
        if use_dense:
            branches.append(Branch("dense", per_branch, query.filter, dense=dense, exclude_ids=exclude))
        if use_sparse:
            branches.append(Branch("sparse", per_branch, query.filter, sparse=sparse, exclude_ids=exclude))
        if not branches:
            if query.mode == "bm25" and text:
                return []  # no indexable term
            branches.append(Branch("browse", query.limit, query.filter, exclude_ids=exclude))
        results = self._run(branches)

        dense_scores: dict[str, float] = {}
        bm25_scores: dict[str, float] = {}
        rankings = []
        for branch, hits in zip(branches, results):
            if branch.kind == "dense":
                dense_scores = dict(zip(hits.ids, hits.scores))
                rankings.append((hits.ids, self.fusion.dense_weight))
            elif branch.kind == "sparse":
                bm25_scores = dict(zip(hits.ids, hits.scores))
                rankings.append((hits.ids, self.fusion.bm25_weight))
            else:
                rankings.append((hits.ids, 1.0))
        convex_fusion = len(branches) == 2 and self.fusion.method == "convex"
        if len(branches) == 1:
            hits = results[0]
            ranked = list(zip(hits.ids, hits.scores if branches[0].kind != "browse" else [0.0] * len(hits.ids)))
        elif convex_fusion:
            ranked = list(dict.fromkeys([*results[0].ids, *results[1].ids]).items())  # the union; scored below
        else:
            fused = rrf(rankings, self.fusion.k)
            ranked = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[: query.limit]
        ids = [pid for pid, _ in ranked]

        # Fill the other branch's score for candidates it did not return.
        lookups: list[Branch] = []
        need_dense = [pid for pid in ids if pid not in dense_scores] if dense is not None else []
        need_bm25 = [pid for pid in ids if pid not in bm25_scores] if sparse is not None else []
        if need_dense:
            lookups.append(Branch("dense", len(need_dense), SearchFilter(), dense=dense, only_ids=need_dense))
        if need_bm25:
            lookups.append(Branch("sparse", len(need_bm25), SearchFilter(), sparse=sparse, only_ids=need_bm25))
        for branch, hits in zip(lookups, self._run(lookups) if lookups else []):
            target = dense_scores if branch.kind == "dense" else bm25_scores
            for pid, score in zip(hits.ids, hits.scores):
                target.setdefault(pid, score)
        if convex_fusion:
            fused = convex(ids, dense_scores, bm25_scores, self.fusion.alpha)
            ranked = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[: query.limit]
        self.last_query_ms = (time.perf_counter() - started) * 1000

        products = {p.id: p for p in self.get([pid for pid, _ in ranked])}
        return [
            Candidate(product=products[pid], score=float(score),
                      dense_score=float(dense_scores.get(pid, 0.0)), bm25_score=float(bm25_scores.get(pid, 0.0)))
            for pid, score in ranked
            if pid in products
        ]
