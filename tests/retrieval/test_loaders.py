"""Catalog loading: CSV / JSONL / Parquet, column mapping, bad rows reported."""

from __future__ import annotations

import json
import logging

import pytest

from bot.errors import UserFacingError
from retrieval.loaders import load_catalog, load_mapping, parse_category


def test_csv_with_mapping_reports_bad_rows(tmp_path, caplog):
    path = tmp_path / "shop.csv"
    path.write_text(
        "sku,name,unit_price,cat,maker,colour,stars,reviews,fabric_weight\n"
        "A1,Grey Sofa,\"$1,299.00\",Furniture > Sofas,IKEA,Grey,4.5,\"1,204\",heavy\n"
        "A2,,99,Furniture/Chairs,IKEA,Red,4,3,\n"
        "A3,Blue Chair,-5,Furniture/Chairs,IKEA,Blue,4,3,\n"
        "A4,Lamp,19.99,Lighting,Brightech,,9,0,\n"
        "A5,Oak Table,450,Furniture|Tables,,Natural,,,\n"
        "A1,Duplicate Sofa,10,Furniture,IKEA,Grey,4,1,\n",
        encoding="utf-8",
    )
    mapping = {"id": "sku", "title": "name", "price": "unit_price", "category": "cat", "brand": "maker",
               "color": "colour", "rating": "stars", "review_count": "reviews"}
    with caplog.at_level(logging.WARNING, logger="retrieval.loaders"):
        load = load_catalog(path, mapping=mapping)
    assert [p.id for p in load.products] == ["A1", "A5"]
    sofa = load.products[0]
    assert sofa.price == 1299.0 and sofa.category == ["Furniture", "Sofas"] and sofa.review_count == 1204
    assert sofa.attributes == {"fabric_weight": "heavy"}
    assert load.products[1].category == ["Furniture", "Tables"] and load.products[1].rating is None
    errors = {e.row: e for e in load.errors}
    assert set(errors) == {3, 4, 5, 7}
    assert all(e.file == "shop.csv" for e in load.errors)
    assert "title" in errors[3].reason
    assert "price" in errors[4].reason
    assert "rating" in errors[5].reason
    assert "duplicate" in errors[7].reason
    assert "skipped 4 invalid row(s)" in caplog.text


def test_jsonl_bad_json_and_list_category(tmp_path):
    path = tmp_path / "shop.jsonl"
    rows = [
        json.dumps({"id": 1, "title": "Rug", "category": ["Decor", "Rugs"], "price": 120, "pile": "low",
                    "attributes": {"washable": "yes"}}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 3.0, "title": "Mirror", "category": "Decor > Mirrors", "in_stock": "no"}),
    ]
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    load = load_catalog(path)
    assert [p.id for p in load.products] == ["1", "3"]
    assert load.products[0].attributes == {"washable": "yes", "pile": "low"}
    assert load.products[1].in_stock is False and load.products[1].category == ["Decor", "Mirrors"]
    assert [(e.row, "JSON" in e.reason or "object" in e.reason) for e in load.errors] == [(2, True), (3, True)]


def test_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"product_id": ["p1", "p2", "p3"], "title": ["Desk", "Chair", "Shelf"],
                      "price": [199.0, None, -1.0], "category": [["Office", "Desks"], ["Office"], ["Storage"]],
                      "width_cm": [120, 50, 80]})
    path = tmp_path / "shop.parquet"
    pq.write_table(table, path)
    load = load_catalog(path, mapping={"id": "product_id"})
    assert [p.id for p in load.products] == ["p1", "p2"]
    assert load.products[0].category == ["Office", "Desks"] and load.products[0].attributes == {"width_cm": "120"}
    assert load.products[1].price is None
    assert len(load.errors) == 1 and load.errors[0].row == 3 and load.errors[0].file == "shop.parquet"


def test_tsv_is_detected(tmp_path):
    path = tmp_path / "shop.tsv"
    path.write_text("id\ttitle\tcategory\nx\tBench\tOutdoor/Benches\n", encoding="utf-8")
    assert load_catalog(path).products[0].category == ["Outdoor", "Benches"]


@pytest.mark.parametrize("value,expected", [
    ("A > B > C", ["A", "B", "C"]), ("A/B/C", ["A", "B", "C"]), (["A", " B "], ["A", "B"]),
    ('["A", "B"]', ["A", "B"]), ("", []), (None, []), ("Rugs", ["Rugs"]),
])
def test_parse_category(value, expected):
    assert parse_category(value) == expected


def test_clear_errors(tmp_path):
    with pytest.raises(UserFacingError, match="not found"):
        load_catalog(tmp_path / "missing.csv")
    (tmp_path / "x.xlsx").write_text("")
    with pytest.raises(UserFacingError, match="--format"):
        load_catalog(tmp_path / "x.xlsx")
    (tmp_path / "ok.csv").write_text("id,title\n1,a\n")
    with pytest.raises(UserFacingError, match="unknown product fields"):
        load_catalog(tmp_path / "ok.csv", mapping={"name": "title"})
    (tmp_path / "m.json").write_text(json.dumps({"title": "name"}))
    assert load_mapping(tmp_path / "m.json") == {"title": "name"}
    (tmp_path / "m.yaml").write_text("title: name\nprice: cost\n")
    assert load_mapping(tmp_path / "m.yaml") == {"title": "name", "price": "cost"}
