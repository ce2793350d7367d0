"""Ranking metrics for graded relevance (WANDS: Exact=2, Partial=1, Irrelevant=0)."""

from __future__ import annotations

import math
from typing import Mapping, Sequence


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain with linear gains: ``sum g_i / log2(i + 1)``."""
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(ranked_ids: Sequence[str], labels: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k: unjudged products count 0; the ideal ranking is the judged labels sorted."""
    ideal = dcg(sorted(labels.values(), reverse=True)[:k])
    if ideal <= 0:
        return 0.0
    return dcg([labels.get(pid, 0) for pid in ranked_ids[:k]]) / ideal


def recall_at_k(ranked_ids: Sequence[str], labels: Mapping[str, int], k: int = 100) -> float:
    """Share of the relevant (gain > 0: Exact or Partial) products found in the top k."""
    relevant = {pid for pid, g in labels.items() if g > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked_ids[:k])) / len(relevant)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest-rank on sorted values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]
