"""Training the re-ranker on the synthetic WANDS-schema fixture (real MiniLM vectors, real BM25)."""

from __future__ import annotations

import argparse
import json

import numpy as np
import pytest

from bot.config import Settings
from bot.errors import UserFacingError
from ranking import commands
from ranking.model import ProfileReranker
from ranking.reranker import Reranker, default_weights_path, save_weights
from ranking.train import (
    InMemoryCandidates,
    build_examples,
    evaluate_examples,
    load_labelled_queries,
    ndcg_at_k,
    train_model,
)


@pytest.fixture(scope="module")
def fixture_data(wands_mini, embed):
    queries, products = load_labelled_queries(wands_mini)
    source = InMemoryCandidates(list(products.values()), embed)
    return queries, products, source


@pytest.fixture(scope="module")
def examples(fixture_data):
    queries, products, source = fixture_data
    return build_examples(queries, source, products, n_candidates=30, seed=0)


def test_ndcg_at_k():
    gains = np.array([0.0, 2.0, 1.0])
    assert ndcg_at_k(np.array([0.0, 2.0, 1.0]), gains) == pytest.approx(1.0)
    assert ndcg_at_k(np.array([2.0, 0.0, 1.0]), gains) < 1.0
    assert ndcg_at_k(np.array([1.0, 2.0]), np.zeros(2)) == 0.0


def test_fixture_follows_the_wands_schema(fixture_data):
    queries, products, _ = fixture_data
    assert len(queries) == 16 and len(products) == 72
    sofa = products["0"]
    assert sofa.category[-1] == "Sofas" and sofa.color and sofa.material and sofa.style and sofa.brand
    assert {g for q in queries for g in q.gains.values()} == {0.0, 1.0, 2.0}


def test_examples_carry_simulated_profiles_without_leaking_liked_items(examples):
    with_profile = [e for e in examples if e.request.profile.liked_ids]
    assert len(with_profile) >= len(examples) // 3
    for e in with_profile:
        shown = {c.product.id for c in e.request.candidates}
        assert not shown & set(e.request.profile.liked_ids)
        assert len(e.request.profile.liked_embeddings) == len(e.request.profile.liked_ids)
        assert any(e.request.profile.affinities[f] for f in ("brand", "color", "material", "style"))
        assert len(e.request.candidate_vectors) == len(e.request.candidates) == e.gains.size


def test_training_lowers_the_loss_and_beats_the_defaults(examples, tmp_path):
    trained, report = train_model(examples, epochs=40, lr=0.1, validation_fraction=0.25, seed=0)
    assert report.losses[-1] < report.losses[0]
    before = evaluate_examples(ProfileReranker(), examples)
    after = evaluate_examples(trained, examples)
    assert after > before + 0.01, (before, after)
    assert report.ndcg_trained >= report.ndcg_default
    # the saved weights are what the served reranker loads
    path = save_weights(trained, tmp_path / "models" / "ranker" / "weights.pt", metrics={"ndcg": after})
    assert path == default_weights_path(Settings(home=tmp_path))
    served = Reranker.load(Settings(home=tmp_path), device="cpu")
    assert served.source == str(path)
    request = examples[0].request
    direct = Reranker(trained, device="cpu").rank(request)
    assert [s.score for s in served.rank(request)] == pytest.approx([s.score for s in direct], abs=1e-6)


def _parser():
    parser = argparse.ArgumentParser(prog="shopbot")
    sub = parser.add_subparsers(dest="command")
    eval_sub = sub.add_parser("eval").add_subparsers(dest="eval_command")
    train_parser = sub.add_parser("train")
    train_sub = train_parser.add_subparsers(dest="train_command")
    commands.register(sub, eval_sub=eval_sub, train_sub=train_sub, train_parser=train_parser)
    return parser


@pytest.mark.parametrize("source", ["memory", "index"])
def test_train_ranker_command_writes_weights_the_reranker_then_loads(wands_mini, tmp_path, monkeypatch, capsys, source):
    """``--source index`` trains on candidates from the real Qdrant Edge index of the fixture catalog."""
    monkeypatch.setenv("SHOPBOT_HOME", str(tmp_path))
    monkeypatch.setenv("SHOPBOT_DEVICE", "cpu")
    args = _parser().parse_args(
        ["train", "ranker", "--wands", str(wands_mini), "--epochs", "2", "--candidates", "20", "--source", source, "--json"]
    )
    assert args.handler(args) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["epochs"] == 2 and len(report["losses"]) == 2
    assert (tmp_path / "models" / "ranker" / "weights.pt").exists()
    assert Reranker.load(Settings.from_env()).source == str(tmp_path / "models" / "ranker" / "weights.pt")


def test_train_ranker_without_labels_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPBOT_HOME", str(tmp_path))
    (tmp_path / "wands").mkdir()
    (tmp_path / "wands" / "query.csv").write_text("query_id\tquery\tquery_class\n0\tsofa\tSofas\n")
    args = _parser().parse_args(["train", "ranker", "--wands", str(tmp_path / "wands")])
    with pytest.raises(UserFacingError, match="label.csv"):
        args.handler(args)
    args = _parser().parse_args(["train", "ranker"])
    with pytest.raises(UserFacingError, match="--wands"):
        args.handler(args)


def test_unreadable_weights(tmp_path, caplog):
    bad = tmp_path / "models" / "ranker" / "weights.pt"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"not a torch file")
    with pytest.raises(UserFacingError, match="cannot read ranker weights"):
        Reranker.load(Settings(home=tmp_path), weights=bad, device="cpu")
    # a broken default file falls back to the hand-set defaults with a warning
    assert Reranker.load(Settings(home=tmp_path), device="cpu").source == "defaults"
    assert "default ranker weights" in caplog.text
