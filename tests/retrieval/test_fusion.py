"""Fusion functions and the average-vector example target."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.hybrid import convex, example_vector, rrf


def test_rrf_weights_and_ranks():
    fused = rrf([(["a", "b", "c"], 1.0), (["c", "a"], 2.0)], k=60)
    assert fused["a"] == pytest.approx(1 / 61 + 2 / 62)
    assert fused["c"] == pytest.approx(1 / 63 + 2 / 61)
    assert fused["b"] == pytest.approx(1 / 62)
    assert max(fused, key=fused.get) == "c"


def test_convex_is_a_blend_of_standard_scores():
    ids = ["a", "b", "c"]
    dense = {"a": 0.9, "b": 0.5, "c": 0.1}
    bm25 = {"a": 0.0, "c": 12.0}  # b: no shared term
    assert max(convex(ids, dense, bm25, alpha=1.0).items(), key=lambda kv: kv[1])[0] == "a"
    assert max(convex(ids, dense, bm25, alpha=0.0).items(), key=lambda kv: kv[1])[0] == "c"
    mixed = convex(ids, dense, bm25, alpha=0.5)
    assert mixed["b"] < mixed["a"] and mixed["b"] < mixed["c"]
    assert convex(["x", "y"], {"x": 0.3, "y": 0.3}, {}, 0.5) == {"x": 0.0, "y": 0.0}


def test_example_vector_is_qdrants_average_vector():
    q = np.array([1.0, 0.0, 0.0], np.float32)
    pos = np.array([[0.0, 1.0, 0.0]], np.float32)
    neg = np.array([[0.0, 0.0, 1.0]], np.float32)
    target = 2 * np.mean([q, pos[0]], axis=0) - neg[0]
    np.testing.assert_allclose(example_vector(q, pos, neg), target / np.linalg.norm(target), atol=1e-6)
    np.testing.assert_allclose(example_vector(None, pos, np.zeros((0, 3), np.float32)), pos[0])
    assert example_vector(None, np.zeros((0, 3)), np.zeros((0, 3))) is None
