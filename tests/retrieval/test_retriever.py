"""The Retriever facade on the demo catalog and on the WANDS fixture (Qdrant Edge on disk)."""

from __future__ import annotations

import pytest

from bot.errors import UserFacingError
from retrieval.product import Product
from retrieval.retriever import Retriever
from retrieval.types import SearchFilter


@pytest.fixture(scope="module")
def demo_retriever(settings, demo_vectors):  # demo_vectors: the embedding cache is warm
    retriever = Retriever.open(settings)
    yield retriever
    retriever.close()


def test_open_builds_then_loads(settings, demo_retriever, demo_products):
    assert demo_retriever.store.count() == len(demo_products)
    assert demo_retriever.index_path.parent == settings.index_dir
    demo_retriever.store.close()  # one process at a time on a shard directory
    again = Retriever.open(settings)
    try:
        assert again.index_seconds == 0 and again.index_path == demo_retriever.index_path
        assert again.products.keys() == {p.id for p in demo_products}
        assert again.search("grey sofa", limit=3)
    finally:
        again.close()
    demo_retriever.store = type(demo_retriever.store)(demo_retriever.index_path)
    demo_retriever._products = demo_retriever.store.products


def test_search_natural_queries(demo_retriever):
    top = demo_retriever.search("office chair with lumbar support", limit=5)
    assert all(c.product.leaf_category == "Office Chairs" for c in top)
    cheap = demo_retriever.search("sofa", filter=SearchFilter(price_max=800, exclude_brands=["IKEA"]), limit=20)
    assert cheap and all(c.product.price <= 800 and c.product.brand != "IKEA" for c in cheap)
    affordable_sofas = {p.id for p in demo_retriever.products.values()
                        if p.leaf_category == "Sofas" and p.price <= 800 and p.brand != "IKEA"}
    assert 3 <= len(affordable_sofas) <= 10
    assert affordable_sofas <= {c.product.id for c in cheap[:10]}
    liked = top[0].product.id
    more = demo_retriever.search("", positive_ids=[liked], limit=5)
    assert liked not in [c.product.id for c in more] and more[0].product.leaf_category == "Office Chairs"


def test_live_upsert_and_delete(demo_retriever):
    item = Product(id="LIVE-1", title="Hand-painted Moroccan Pouf", description="A leather floor pouf.",
                   category=["Decor", "Poufs"], brand="Souk", price=89.0, color="tan", material="leather")
    demo_retriever.upsert([item])
    assert demo_retriever.search("moroccan pouf", limit=1)[0].product.id == "LIVE-1"
    assert demo_retriever.products["LIVE-1"] == item and "Souk" in demo_retriever.vocabulary["brands"]
    assert demo_retriever.get(["LIVE-1"]) == [item] and demo_retriever.vectors(["LIVE-1"]).shape == (1, 384)
    demo_retriever.delete(["LIVE-1"])
    assert "LIVE-1" not in demo_retriever.products and "Souk" not in demo_retriever.vocabulary["brands"]
    assert all(c.product.id != "LIVE-1" for c in demo_retriever.search("moroccan pouf", limit=20))


def test_embed_query_is_cached(demo_retriever):
    assert demo_retriever.embed_query("oak desk") is demo_retriever.embed_query("oak desk")


def test_wands_fixture_index(settings, wands_dir):
    retriever = Retriever.open(settings, wands_dir)
    try:
        assert retriever.store.count() == 30
        assert retriever.search("gray sofa", limit=3)[0].product.category[-1] in ("Sofas", "Sectionals")
        assert retriever.search("dinosaur", limit=1)[0].product.id in ("126", "127")
    finally:
        retriever.close()


def test_missing_catalog_is_a_clear_error(settings, tmp_path):
    with pytest.raises(UserFacingError, match="not found"):
        Retriever.open(settings, tmp_path / "nope.csv")


def test_server_backend_through_the_retriever(settings, wands_dir):
    server = settings.model_copy(update={"store": "qdrant", "qdrant_url": ":memory:"})
    retriever = Retriever.open(server, wands_dir)
    try:
        assert type(retriever.store).__name__ == "QdrantServerStore" and retriever.store.count() == 30
        assert len(retriever.products) == 30
        top = retriever.search("wool rug", filter=SearchFilter(categories=["rugs"]), limit=3)
        assert top[0].product.id == "113" and all("Rugs" in c.product.category for c in top)
    finally:
        retriever.close()


def test_server_backend_needs_a_url(settings, wands_dir):
    with pytest.raises(UserFacingError, match="SHOPBOT_QDRANT_URL"):
        Retriever.open(settings.model_copy(update={"store": "qdrant"}), wands_dir)


def test_fusion_comes_from_the_settings(settings, wands_dir):
    rrf = settings.model_copy(update={"fusion": "rrf"})
    retriever = Retriever.open(rrf, wands_dir)
    try:
        assert retriever.store.fusion.method == "rrf"
        assert retriever.search("gray sofa", limit=3)[0].product.category[-1] in ("Sofas", "Sectionals")
    finally:
        retriever.close()
    blend = settings.model_copy(update={"fusion_alpha": 0.8})
    retriever = Retriever.open(blend, wands_dir)
    try:
        assert (retriever.store.fusion.method, retriever.store.fusion.alpha) == ("convex", 0.8)
    finally:
        retriever.close()
