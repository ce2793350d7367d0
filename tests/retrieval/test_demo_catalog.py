"""The demo catalog: deterministic, realistic, committed."""

from __future__ import annotations

from retrieval.demo_catalog import (DEMO_CATALOG_PATH, catalog_vocabulary, generate_demo_catalog, load_demo_catalog,
                                    scaled_demo_catalog)


def test_committed_file_matches_the_generator():
    assert DEMO_CATALOG_PATH.exists()
    assert load_demo_catalog() == generate_demo_catalog()


def test_catalog_is_realistic(demo_products):
    assert 300 <= len(demo_products) <= 500
    assert len({p.id for p in demo_products}) == len(demo_products)
    leaves = {p.leaf_category for p in demo_products}
    for leaf in ("Sofas", "Sectionals", "Armchairs", "Coffee Tables", "Dining Tables", "Dining Chairs", "Office Chairs",
                 "Desks", "Beds", "Mattresses", "Nightstands", "Dressers", "Bookcases", "TV Stands", "Floor Lamps",
                 "Table Lamps", "Rugs", "Curtains", "Sheets & Duvets", "Patio Sets", "Outdoor Chairs"):
        assert leaf in leaves
    assert any(p.brand == "IKEA" for p in demo_products)
    assert all(p.price and p.price > 0 and 3.0 <= p.rating <= 5.0 for p in demo_products)
    assert 0.8 < sum(p.in_stock for p in demo_products) / len(demo_products) < 1.0
    sofas = [p.price for p in demo_products if p.leaf_category == "Sofas"]
    lamps = [p.price for p in demo_products if p.leaf_category == "Table Lamps"]
    assert min(sofas) > max(lamps) / 2 and sorted(sofas)[len(sofas) // 2] > sorted(lamps)[len(lamps) // 2]
    outdoor = [p for p in demo_products if p.leaf_category == "Outdoor Chairs"]
    assert {p.attributes["waterproof"] for p in outdoor} == {"yes", "no"}


def test_vocabulary(demo_products):
    vocab = catalog_vocabulary(demo_products)
    assert set(vocab) == {"brands", "categories", "colors", "materials", "styles", "sizes"}
    assert "IKEA" in vocab["brands"] and "Furniture" in vocab["categories"] and "Sofas" in vocab["categories"]
    assert {"modern", "mid-century", "scandinavian", "industrial", "farmhouse"} <= set(vocab["styles"])
    assert "grey" in vocab["colors"] and "velvet" in vocab["materials"] and "Queen" in vocab["sizes"]
    assert 15 <= len(vocab["brands"]) <= 40


def test_scaled_catalog_has_unique_ids():
    products = scaled_demo_catalog(1000)
    assert len(products) == 1000 and len({p.id for p in products}) == 1000
