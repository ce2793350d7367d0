"""The benchmark's measuring code measures what it says (small sizes)."""

import numpy as np

from bot.bench import _exact_top, edge_store_scaling, percentiles, qdrant_local_baseline, synthetic_vectors


def test_percentiles_in_ms():
    p = percentiles([0.001] * 98 + [0.1, 0.2])
    assert p["p50"] == 1.0 and p["p99"] > 99 and p["n"] == 100


def test_exact_search_is_exact():
    vectors = synthetic_vectors(500, dim=16)
    top = _exact_top(vectors, vectors[:3], 10)
    assert [row[0] for row in top] == [0, 1, 2]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_edge_store_scaling_reports_recall_against_exact():
    result = edge_store_scaling(3000, n_queries=20, progress=False)
    assert result["n"] == 3000 and result["recall_at_10"] >= 0.9
    assert result["query_ms"]["p50"] > 0
    baseline = qdrant_local_baseline(1000, n_queries=5)
    assert baseline["query_ms"]["n"] == 5
