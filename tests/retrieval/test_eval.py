"""nDCG / recall math, the WANDS evaluation and its CLI, on the fixture."""

from __future__ import annotations

import argparse
import json
import math
import shutil

import pytest

from bot.errors import UserFacingError
from retrieval import commands
from retrieval.evaluate import evaluate_wands
from retrieval.metrics import ndcg_at_k, percentile, recall_at_k
from retrieval.retriever import Retriever


def test_ndcg_math():
    labels = {"a": 2, "b": 1, "c": 0, "d": 1}
    ideal = 2 / math.log2(2) + 1 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at_k(["a", "b", "d"], labels) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "a", "c"], labels) == pytest.approx((2 / math.log2(3)) / ideal)  # unjudged x counts 0
    assert ndcg_at_k(["c", "x"], labels) == 0.0
    assert ndcg_at_k(["a"], {"a": 0}) == 0.0
    assert ndcg_at_k(["b", "a"], labels, k=1) == pytest.approx(1 / 2)


def test_recall_and_percentile():
    labels = {"a": 2, "b": 1, "c": 0}
    assert recall_at_k(["a", "c", "z"], labels) == 0.5
    assert recall_at_k(["z"] * 100 + ["a"], labels, k=100) == 0.0
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([1, 2, 3, 100], 99) == 100


def test_evaluate_fixture(settings, wands_dir):
    retriever = Retriever.open(settings, wands_dir)
    try:
        result = evaluate_wands(retriever, wands_dir, progress=False)
    finally:
        retriever.close()
    assert result["queries"] == 8 and result["skipped_unjudged"] == 1
    for mode in ("hybrid", "bm25_only", "dense_only", "hybrid_rrf"):
        assert 0.5 < result[mode]["ndcg@10"] <= 1.0, (mode, result)
        assert result[mode]["recall@100"] == pytest.approx(1.0)  # 30 products: every relevant one is found
    assert result["p99_ms"] >= result["p50_ms"] > 0


def _parser():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    eval_sub = sub.add_parser("eval").add_subparsers(dest="eval_command")
    train = sub.add_parser("train")
    commands.register(sub, eval_sub=eval_sub, train_sub=train.add_subparsers(), train_parser=train)
    return parser


def test_cli_eval_json(settings, wands_dir, monkeypatch, capsys):
    monkeypatch.setenv("SHOPBOT_HOME", str(settings.home))
    args = _parser().parse_args(["eval", "retrieval", "--wands", str(wands_dir), "--json", "--limit-queries", "5"])
    assert args.handler(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"hybrid", "bm25_only", "dense_only", "hybrid_rrf", "p50_ms", "p99_ms", "index_seconds"} <= set(out)
    assert out["queries"] == 5 and out["products"] == 30


def test_cli_eval_without_labels_is_a_clear_error(tmp_path, wands_dir):
    shutil.copy(wands_dir / "query.csv", tmp_path / "query.csv")
    args = _parser().parse_args(["eval", "retrieval", "--wands", str(tmp_path)])
    with pytest.raises(UserFacingError, match="product.csv, label.csv"):
        args.handler(args)


def test_cli_index(settings, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOPBOT_HOME", str(settings.home))
    catalog = tmp_path / "mini.csv"
    catalog.write_text("sku,name,cost\n1,Walnut Desk,300\n2,Oak Chair,80\n3,,1\n")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"id": "sku", "title": "name", "price": "cost"}))
    args = _parser().parse_args(["index", "--catalog", str(catalog), "--mapping", str(mapping)])
    assert args.handler(args) == 0
    assert "index built: 2 products" in capsys.readouterr().out
    assert args.handler(args) == 0
    assert "already up to date" in capsys.readouterr().out
