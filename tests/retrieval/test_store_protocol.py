"""One protocol suite, run against both store backends (Qdrant Edge on disk, qdrant-client :memory:)."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.filters import matches
from retrieval.product import Product
from retrieval.sparse import bm25_text
from retrieval.types import SearchFilter, SearchQuery, VectorStore


def q(embedder, text, **kw) -> SearchQuery:
    return SearchQuery(text=text, dense=embedder.embed_query(text).tolist() if text else None, **kw)


def test_implements_protocol(shared_store, demo_products):
    assert isinstance(shared_store, VectorStore)
    assert shared_store.count() == len(demo_products)


def test_get_returns_products_in_order(shared_store, demo_products):
    ids = [demo_products[5].id, "no-such-id", demo_products[0].id]
    got = shared_store.get(ids)
    assert [p.id for p in got] == [demo_products[5].id, demo_products[0].id]
    assert got[0] == demo_products[5]


def test_vectors_are_the_indexed_embeddings(shared_store, demo_products, demo_vectors):
    vecs = shared_store.vectors([demo_products[3].id, demo_products[7].id])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(vecs, demo_vectors[[3, 7]], atol=1e-5)


@pytest.mark.parametrize("text", ["grey sofa", "a comfy gray couch for the living room"])
def test_hybrid_finds_sofas(shared_store, embedder, text):
    top = shared_store.search(q(embedder, text, limit=10))
    assert len(top) == 10
    sofas = [c for c in top[:5] if c.product.leaf_category in ("Sofas", "Sectionals")]
    assert len(sofas) >= 4, [c.product.title for c in top[:5]]
    assert any(c.product.color in ("grey", "charcoal") for c in top[:5])


def test_hybrid_finds_office_chairs_with_lumbar_support(shared_store, embedder):
    top = shared_store.search(q(embedder, "office chair with lumbar support", limit=5))
    assert all(c.product.leaf_category == "Office Chairs" for c in top), [c.product.title for c in top]
    assert sum(c.product.attributes.get("lumbar support") in ("yes", "adjustable") for c in top) >= 3


def test_scores_are_filled_and_sorted(shared_store, embedder):
    top = shared_store.search(q(embedder, "walnut desk", limit=50))
    assert [c.score for c in top] == sorted((c.score for c in top), reverse=True)
    assert all(c.dense_score > 0 for c in top)
    assert sum(c.bm25_score > 0 for c in top) >= 10
    # each branch's own score is the same whether or not that branch returned the candidate
    dense_only = {c.product.id: c.dense_score for c in shared_store.search(q(embedder, "walnut desk", limit=50, mode="dense"))}
    for c in top:
        if c.product.id in dense_only:
            assert c.dense_score == pytest.approx(dense_only[c.product.id], abs=1e-4)


def test_modes_differ_and_bm25_needs_a_term(shared_store, embedder, demo_products):
    bm25 = shared_store.search(q(embedder, "blackout curtains", limit=10, mode="bm25"))
    both = sum("blackout" in bm25_text(p).lower() and "curtain" in bm25_text(p).lower() for p in demo_products)
    assert len(bm25) == 10 and 3 <= both < 10
    assert all("blackout" in bm25_text(c.product).lower() for c in bm25[:both])
    assert [c.score for c in bm25] == [c.bm25_score for c in bm25]
    dense = shared_store.search(q(embedder, "blackout curtains", limit=10, mode="dense"))
    assert [c.score for c in dense] == [pytest.approx(c.dense_score) for c in dense]
    assert shared_store.search(q(embedder, "zzzqqq", limit=10, mode="bm25")) == []


@pytest.mark.parametrize("price_max", [50.0, 300.0, 999.0])
def test_price_max_is_never_exceeded(shared_store, embedder, price_max):
    for text in ("sofa", "luxury king bed", "expensive marble dining table"):
        found = shared_store.search(q(embedder, text, limit=200, filter=SearchFilter(price_max=price_max)))
        assert found, text
        assert all(c.product.price is not None and c.product.price <= price_max for c in found)


def test_exclude_brand_category_and_color(shared_store, embedder):
    f = SearchFilter(exclude_brands=["ikea"], categories=["SOFAS"], colors=["Grey", "navy"])
    found = shared_store.search(q(embedder, "ikea sofa", limit=100, filter=f))
    assert found
    for c in found:
        assert c.product.brand != "IKEA"
        assert c.product.leaf_category == "Sofas"
        assert c.product.color in ("grey", "navy")


def test_category_matches_any_level(shared_store, embedder, demo_products):
    found = shared_store.search(q(embedder, "", limit=1000, filter=SearchFilter(categories=["bedroom"])))
    expected = {p.id for p in demo_products if "Bedroom" in p.category}
    assert {c.product.id for c in found} == expected


def test_min_rating_in_stock_and_exclude_ids(shared_store, embedder, demo_products):
    banned = [p.id for p in demo_products[:40]]
    f = SearchFilter(min_rating=4.5, in_stock_only=True, exclude_ids=banned)
    found = shared_store.search(q(embedder, "chair", limit=300, filter=f))
    assert found
    assert all(c.product.rating >= 4.5 and c.product.in_stock and c.product.id not in banned for c in found)


def test_positive_and_negative_examples(shared_store, demo_products):
    liked = next(p for p in demo_products if p.leaf_category == "Office Chairs")
    rejected = next(p for p in demo_products if p.leaf_category == "Rugs")
    found = shared_store.search(SearchQuery(positive_ids=[liked.id], negative_ids=[rejected.id], limit=10))
    ids = [c.product.id for c in found]
    assert liked.id not in ids and rejected.id not in ids
    assert sum(c.product.leaf_category == "Office Chairs" for c in found[:5]) >= 4
    assert all(c.product.leaf_category != "Rugs" for c in found)


def test_examples_steer_a_text_query(shared_store, embedder, demo_products):
    plain = shared_store.search(q(embedder, "chair", limit=20))
    liked = next(p for p in demo_products if p.leaf_category == "Outdoor Chairs")
    steered = shared_store.search(q(embedder, "chair", limit=20, positive_ids=[liked.id]))
    count = lambda cs: sum(c.product.leaf_category == "Outdoor Chairs" for c in cs[:10])  # noqa: E731
    assert count(steered) > count(plain)


def test_filters_agree_with_python_twin(shared_store, demo_products):
    rng = np.random.default_rng(7)
    brands = sorted({p.brand for p in demo_products})
    colors = sorted({p.color for p in demo_products})
    materials = sorted({p.material for p in demo_products})
    cats = sorted({c for p in demo_products for c in p.category})
    styles = sorted({p.style for p in demo_products})
    sizes = sorted({p.size for p in demo_products if p.size})

    def pick(values, k):
        return [str(v).upper() if rng.random() < 0.3 else str(v) for v in rng.choice(values, size=k, replace=False)]

    for _ in range(40):
        f = SearchFilter(
            price_min=float(rng.choice([0, 100, 300])) if rng.random() < 0.4 else None,
            price_max=float(rng.choice([150, 500, 1500])) if rng.random() < 0.5 else None,
            brands=pick(brands, 5) if rng.random() < 0.3 else [],
            exclude_brands=pick(brands, 3) if rng.random() < 0.3 else [],
            categories=pick(cats, 3) if rng.random() < 0.4 else [],
            exclude_categories=pick(cats, 2) if rng.random() < 0.3 else [],
            colors=pick(colors, 6) if rng.random() < 0.3 else [],
            exclude_colors=pick(colors, 3) if rng.random() < 0.2 else [],
            materials=pick(materials, 8) if rng.random() < 0.3 else [],
            exclude_materials=pick(materials, 3) if rng.random() < 0.2 else [],
            styles=pick(styles, 3) if rng.random() < 0.3 else [],
            exclude_styles=pick(styles, 2) if rng.random() < 0.2 else [],
            sizes=pick(sizes, 4) + ["King", "queen"] if rng.random() < 0.2 else [],
            exclude_sizes=pick(sizes, 3) + ["KING"] if rng.random() < 0.2 else [],
            min_rating=float(rng.choice([3.5, 4.0, 4.5])) if rng.random() < 0.3 else None,
            in_stock_only=bool(rng.random() < 0.3),
            exclude_ids=[p.id for p in rng.choice(demo_products, size=20)] if rng.random() < 0.3 else [],
        )
        expected = {p.id for p in demo_products if matches(p, f)}
        found = {c.product.id for c in shared_store.search(SearchQuery(filter=f, limit=1000))}
        assert found == expected, f


def test_upsert_and_delete_are_visible_to_the_next_query(demo_store, embedder):
    text = "inflatable purple unicorn pool float"
    assert all("unicorn" not in c.product.title.lower() for c in demo_store.search(q(embedder, text, limit=5)))
    new = Product(id="NEW-1", title="Inflatable Purple Unicorn Pool Float", description="A giant unicorn float.",
                  category=["Outdoor", "Pool"], brand="Funboy", price=39.0, color="purple")
    demo_store.upsert([new], embedder.embed_products([new], progress=False))
    assert demo_store.search(q(embedder, text, limit=5))[0].product.id == "NEW-1"
    assert demo_store.get(["NEW-1"])[0].brand == "Funboy"
    cheaper = new.model_copy(update={"price": 19.0})
    demo_store.upsert([cheaper], embedder.embed_products([cheaper], progress=False))
    hit = demo_store.search(q(embedder, text, limit=1, filter=SearchFilter(price_max=20)))
    assert hit[0].product.id == "NEW-1" and hit[0].product.price == 19.0
    count = demo_store.count()
    demo_store.delete(["NEW-1"])
    assert demo_store.count() == count - 1
    assert all(c.product.id != "NEW-1" for c in demo_store.search(q(embedder, text, limit=50)))
    assert demo_store.get(["NEW-1"]) == []


def test_upsert_rejects_mismatched_vectors(demo_store, demo_products):
    with pytest.raises(ValueError):
        demo_store.upsert(demo_products[:2], np.zeros((3, 384), dtype=np.float32))
