"""MMR and near-duplicate removal on real MiniLM vectors."""

from __future__ import annotations

import numpy as np
import pytest

from ranking.diversity import diversify, normalize_title
from ranking.types import ScoredProduct
from retrieval.types import Candidate

from ranking_helpers import product


def scored_list(titles_scores):
    return [
        ScoredProduct(candidate=Candidate(product=product(str(i), t), score=s), score=s)
        for i, (t, s) in enumerate(titles_scores)
    ]


def ids(items):
    return [s.candidate.product.id for s in items]


def test_same_normalized_title_is_a_duplicate():
    assert normalize_title("Harbor Sofa, Grey!") == normalize_title("harbor  sofa grey")
    items = scored_list([("Harbor Sofa, Grey", 3.0), ("harbor sofa grey", 2.9), ("Oak table", 1.0)])
    vectors = np.eye(3)  # orthogonal: only the title makes them duplicates
    assert ids(diversify(items, vectors, k=3)) == ["0", "2"]


def test_near_identical_vectors_are_removed_keeping_the_better_one(embed):
    titles = ["Grey linen three seat sofa", "Grey linen three-seat sofa.", "Brass floor lamp", "Jute area rug"]
    items = scored_list(zip(titles, [2.0, 2.5, 1.0, 0.5]))
    vectors = embed(titles)
    assert float(vectors[0] @ vectors[1]) > 0.97
    result = diversify(items, {s.candidate.product.id: v for s, v in zip(items, vectors)}, k=4)
    assert ids(result) == ["1", "2", "3"]


def test_mmr_brings_a_different_product_above_a_similar_better_scored_one(embed):
    # the whole retrieved list: its score range scales relevance
    titles = ["Grey velvet sofa", "Charcoal velvet couch", "Dark grey velvet settee", "Brass arc floor lamp",
              "Kids bunk bed", "Garden hose reel", "Stainless steel stock pot"]
    items = scored_list(zip(titles, [1.0, 0.95, 0.9, 0.6, -0.5, -0.8, -1.0]))
    vectors = embed(titles)
    pure = diversify(items, vectors, k=3, lambda_=1.0)
    assert ids(pure) == ["0", "1", "2"]
    mixed = diversify(items, vectors, k=3, lambda_=0.7)
    assert ids(mixed)[0] == "0"
    assert "3" in ids(mixed)


def test_k_and_argument_checks():
    items = scored_list([("a", 1.0), ("b", 0.5)])
    assert diversify(items, np.eye(2), k=0) == []
    assert len(diversify(items, np.eye(2), k=5)) == 2
    with pytest.raises(ValueError):
        diversify(items, np.eye(3), k=2)
    with pytest.raises(ValueError):
        diversify(items, np.eye(2), k=2, lambda_=1.5)
