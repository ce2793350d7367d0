"""The WANDS adapter on a small WANDS-schema fixture."""

from __future__ import annotations

import shutil

import pytest

from bot.errors import UserFacingError
from retrieval.loaders import load_catalog
from retrieval.wands import features_to_fields, load_wands_labels, load_wands_products, load_wands_queries, parse_features


def test_products(wands_dir):
    load = load_wands_products(wands_dir)
    assert len(load.products) == 30
    assert [(e.file, e.row) for e in load.errors] == [("product.csv", 32), ("product.csv", 33)]
    assert "rating" in load.errors[0].reason and "id" in load.errors[1].reason
    by_id = {p.id: p for p in load.products}
    sofa = by_id["101"]
    assert sofa.title == "gray velvet 3-seat sofa"
    assert sofa.category == ["Furniture", "Living Room Furniture", "Sofas"]
    assert (sofa.color, sofa.material, sofa.style) == ("gray", "velvet", "modern")
    assert sofa.size == '84" W x 36" D x 33" H'
    assert sofa.rating == 4.5 and sofa.review_count == 98 and sofa.price is None and sofa.brand is None
    assert sofa.attributes["seatingcapacity"] == "3" and "color" not in sofa.attributes
    assert by_id["103"].brand == "kingsley"
    assert by_id["104"].category[-1] == "Sofa Beds"  # product_class appended when it is not the leaf
    assert by_id["110"].color == "rustic oak"  # a finish is a color
    assert by_id["121"].size == "queen"
    assert load_catalog(wands_dir).products == load.products  # format guessed from the directory


def test_feature_key_choice():
    fields, rest = features_to_fields(parse_features(
        "frame color:black|primary color:navy|frame material:steel|upholstery material:cotton|"
        "dsprimaryproductstyle:modern|manufacturer:Acme|weight:20|bad item|k:"))
    assert fields["color"] == "navy" and fields["brand"] == "Acme" and fields["style"] == "modern"
    assert fields["material"] in ("steel", "cotton")
    assert rest["weight"] == "20" and "frame color" in rest and "k" not in rest


def test_queries_and_labels(wands_dir):
    queries = load_wands_queries(wands_dir)
    assert [q.text for q in queries[:3]] == ["salon chair", "smart coffee table", "dinosaur"]
    labels = load_wands_labels(wands_dir)
    assert labels["1"]["112"] == 2 and labels["1"]["109"] == 1 and labels["1"]["130"] == 0
    assert "8" not in labels


def test_real_query_file_parses(shared_data):
    path = shared_data / "wands" / "query.csv"
    if not path.exists():
        pytest.skip("../shared/data/wands/query.csv is absent")
    queries = load_wands_queries(path.parent)
    assert len(queries) == 480 and queries[0].text == "salon chair"


def test_missing_files_are_clear_errors(tmp_path, wands_dir):
    shutil.copy(wands_dir / "query.csv", tmp_path / "query.csv")
    with pytest.raises(UserFacingError, match="product.csv"):
        load_wands_products(tmp_path)
    with pytest.raises(UserFacingError, match="label.csv"):
        load_wands_labels(tmp_path)
