"""The re-ranker's scores: exact decomposition and the direction of every profile signal (real MiniLM vectors)."""

from __future__ import annotations

import math

import pytest
import torch

from bot.dialogue.profile import UserProfile
from ranking.model import CONTRIBUTIONS, PROFILE_CONTRIBUTIONS
from ranking.reranker import Reranker

from ranking_helpers import like, product


@pytest.fixture(scope="module")
def reranker() -> Reranker:
    return Reranker(device="cpu")


def by_id(scored):
    return {s.candidate.product.id: s for s in scored}


def order(scored):
    return [s.candidate.product.id for s in scored]


def sofas():
    return [
        product("a", "Harbor three-seat sofa", brand="Oakline", color="Grey", material="Linen", style="Modern"),
        product("b", "Harbor three-seat sofa", brand="Northwood", color="Grey", material="Linen", style="Modern"),
    ]


def test_contributions_sum_to_score_and_names_are_stable(reranker, make_request):
    profile = like(UserProfile(budget_max=600), "brand", "oakline", 0.8)
    products = [
        product("1", "Grey velvet sofa", brand="Oakline", color="grey", price=450),
        product("2", "Blue leather armchair", brand="Casa", color="blue", price=900, in_stock=False),
        product("3", "Oak coffee table", category=["Furniture", "Tables"], price=None, rating=None),
    ]
    profile.liked_embeddings = make_request(products[:1], "x").candidate_vectors
    profile.rejected_embeddings = make_request(products[1:2], "x").candidate_vectors
    scored = reranker.rank(make_request(products, "grey sofa", profile))
    bias = float(reranker.model.bias.detach())
    assert [s.score for s in scored] == sorted((s.score for s in scored), reverse=True)
    for s in scored:
        assert list(s.contributions) == list(CONTRIBUTIONS)
        assert math.isclose(bias + sum(s.contributions.values()), s.score, rel_tol=0, abs_tol=1e-9)
    # each signal shows up in the decomposition
    c = by_id(scored)
    assert c["2"].contributions["availability"] < 0
    assert c["2"].contributions["price_fit"] < c["1"].contributions["price_fit"]
    assert c["1"].contributions["brand_affinity"] > 0


def test_liked_brand_rises_above_an_otherwise_identical_product(reranker, make_request):
    neutral = reranker.rank(make_request(sofas(), "grey linen sofa"))
    assert order(neutral)[0] == "a"  # retrieved first, nothing else differs much
    profile = like(UserProfile(), "brand", "northwood", 0.8)
    scored = reranker.rank(make_request(sofas(), "grey linen sofa", profile))
    assert order(scored)[0] == "b"
    assert by_id(scored)["b"].contributions["brand_affinity"] > 0 == by_id(scored)["a"].contributions["brand_affinity"]


def test_liked_colour_rises_and_multi_valued_colours_match(reranker, make_request):
    products = [
        product("a", "Harbor sofa", color="Grey"),
        product("b", "Harbor sofa", color="Navy/Grey"),
        product("c", "Harbor sofa", color="Blue"),
    ]
    profile = like(UserProfile(), "color", "blue", 0.9)
    scored = by_id(reranker.rank(make_request(products, "sofa", profile)))
    assert scored["c"].contributions["color_affinity"] > 0
    assert scored["a"].contributions["color_affinity"] == 0
    profile = like(UserProfile(), "color", "navy", 0.9)
    ranked = reranker.rank(make_request(products, "sofa", profile))
    assert order(ranked)[0] == "b"


def test_category_affinity_matches_any_level_of_the_path(reranker, make_request):
    products = [
        product("sofa", "Harbor seat", category=["Furniture", "Living Room", "Sofas"]),
        product("bed", "Harbor seat", category=["Furniture", "Bedroom", "Beds"]),
    ]
    profile = like(UserProfile(), "category", "living room", 0.7)
    scored = by_id(reranker.rank(make_request(products, "seat", profile)))
    assert scored["sofa"].contributions["category_affinity"] > 0
    assert scored["bed"].contributions["category_affinity"] == 0


def test_disliked_brand_falls(reranker, make_request):
    neutral = reranker.rank(make_request(sofas(), "grey linen sofa"))
    assert order(neutral)[0] == "a"
    profile = like(UserProfile(), "brand", "oakline", -0.9)
    scored = reranker.rank(make_request(sofas(), "grey linen sofa", profile))
    assert order(scored) == ["b", "a"]
    assert by_id(scored)["a"].contributions["brand_affinity"] < 0


def test_price_over_budget_is_penalised_more_the_further_over(reranker, make_request):
    products = [
        product("in", "Harbor sofa", price=700),
        product("over", "Harbor sofa", price=900),
        product("way-over", "Harbor sofa", price=1600),
    ]
    scored = by_id(reranker.rank(make_request(products, "sofa", UserProfile(budget_max=800))))
    fit = {k: v.contributions["price_fit"] for k, v in scored.items()}
    assert fit["in"] > 0 > fit["over"] > fit["way-over"]
    ranked = reranker.rank(make_request(list(reversed(products)), "sofa", UserProfile(budget_max=800)))
    assert order(ranked)[0] == "in"


def test_din_attention_favours_the_candidate_most_similar_to_liked_items(reranker, make_request, embed):
    products = [
        product("lamp", "Brass arc floor lamp with marble base", category=["Lighting", "Lamps"]),
        product("velvet", "Emerald green velvet chesterfield sofa"),
        product("rug", "Hand-woven jute area rug", category=["Rugs"]),
    ]
    profile = UserProfile(
        liked_embeddings=embed(["Dark green velvet tufted sofa", "Green velvet chesterfield loveseat"]).tolist(),
    )
    scored = by_id(reranker.rank(make_request(products, "something for the living room", profile)))
    similar = {k: v.contributions["similar_to_liked"] for k, v in scored.items()}
    assert max(similar, key=similar.get) == "velvet"
    assert similar["velvet"] > 0


def test_din_attention_weights_concentrate_on_the_closest_liked_item(reranker, make_request, embed):
    from ranking.features import build_batch

    request = make_request([product("sofa", "Grey linen three-seat sofa")], "sofa")
    request.profile.liked_embeddings = embed(["Grey fabric three-seater sofa", "Brass table lamp", "Wool rug"]).tolist()
    with torch.inference_mode():
        _, weights = reranker.model.liked_attention(build_batch([request]))
    assert int(weights[0, 0].argmax()) == 0
    assert float(weights[0, 0].sum()) == pytest.approx(1.0, abs=1e-5)


def test_resembling_a_rejected_item_is_penalised(reranker, make_request, embed):
    products = [
        product("twin", "White high-gloss plastic bar stool"),
        product("other", "Walnut mid-century sideboard"),
    ]
    profile = UserProfile(rejected_embeddings=embed(["White glossy plastic bar stool"]).tolist())
    scored = by_id(reranker.rank(make_request(products, "furniture", profile)))
    assert scored["twin"].contributions["unlike_rejected"] < 0
    assert scored["other"].contributions["unlike_rejected"] == 0


@pytest.mark.parametrize("switch", ["use_profile", "personalization"])
def test_profile_off_removes_every_profile_contribution(reranker, make_request, embed, switch):
    profile = like(UserProfile(budget_max=100), "brand", "northwood", 0.9)
    like(profile, "color", "grey", -0.8)
    profile.liked_embeddings = embed(["Grey linen sofa"]).tolist()
    profile.rejected_embeddings = embed(["Harbor three-seat sofa"]).tolist()
    if switch == "personalization":
        profile.personalization = False
        request = make_request(sofas(), "grey linen sofa", profile)
    else:
        request = make_request(sofas(), "grey linen sofa", profile, use_profile=False)
    with_profile = make_request(sofas(), "grey linen sofa", profile.model_copy(update={"personalization": True}))
    on = reranker.rank(with_profile)
    assert any(s.contributions[n] != 0 for s in on for n in PROFILE_CONTRIBUTIONS)
    off = reranker.rank(request)
    for s in off:
        assert all(s.contributions[n] == 0 for n in PROFILE_CONTRIBUTIONS)
    plain = by_id(reranker.rank(make_request(sofas(), "grey linen sofa")))
    for s in off:
        assert s.score == pytest.approx(plain[s.candidate.product.id].score, abs=1e-6)


def test_requests_of_different_sizes_score_the_same_alone_and_batched(reranker, make_request, embed):
    small = make_request(sofas(), "sofa", like(UserProfile(), "brand", "oakline", 0.5))
    big_products = [product(str(i), f"Item {i} sofa", brand="Oakline" if i % 2 else "Casa") for i in range(7)]
    big = make_request(big_products, "sofa", UserProfile(liked_embeddings=embed(["Item 3 sofa"]).tolist()))
    empty = small.model_copy(update={"candidates": [], "candidate_vectors": []})
    batched = reranker.score_batch([small, big, empty])
    assert batched[2] == []
    for request, result in zip([small, big], batched):
        alone = reranker.rank(request)
        assert order(alone) == order(result)
        for a, b in zip(alone, result):
            assert a.score == pytest.approx(b.score, abs=1e-5)


def test_mismatched_vectors_are_a_clear_error(reranker, make_request):
    request = make_request(sofas(), "sofa")
    bad = request.model_copy(update={"candidate_vectors": request.candidate_vectors[:1]})
    with pytest.raises(ValueError, match="2 candidates but 1 candidate vectors"):
        reranker.rank(bad)


def test_vectors_of_the_wrong_size_are_a_clear_error(reranker, make_request):
    request = make_request(sofas(), "sofa")
    bad = request.model_copy(update={"candidate_vectors": [v[:100] for v in request.candidate_vectors]})
    with pytest.raises(ValueError, match="384-d"):
        reranker.rank(bad)


def test_numpy_vectors_score_like_lists(reranker, make_request):
    import numpy as np

    profile = like(UserProfile(budget_max=450), "color", "grey", 0.6)
    as_lists = make_request(sofas(), "grey linen sofa", profile)
    as_arrays = as_lists.model_copy(
        update={
            "candidate_vectors": np.asarray(as_lists.candidate_vectors, dtype=np.float32),
            "query_vector": np.asarray(as_lists.query_vector, dtype=np.float32),
        }
    )
    assert isinstance(as_arrays.candidate_vectors, np.ndarray)
    a, b = reranker.rank(as_lists), reranker.rank(as_arrays)
    assert [s.score for s in a] == pytest.approx([s.score for s in b], abs=1e-7)
