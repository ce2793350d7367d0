"""`shopbot train [nlu]` and `shopbot eval nlu` argument parsing (no training here)."""

from __future__ import annotations

from pathlib import Path

from bot.cli import build_parser
from bot.nlu.commands import run_eval, run_train


def test_plain_train_is_nlu_training():
    args = build_parser().parse_args(["train", "--tiny", "--epochs", "2"])
    assert args.handler is run_train
    assert args.tiny is True and args.epochs == 2


def test_train_nlu_subcommand_keeps_options_given_on_either_side():
    args = build_parser().parse_args(["train", "--epochs", "2", "nlu", "--threads", "1"])
    assert args.handler is run_train
    assert args.epochs == 2 and args.threads == 1
    args = build_parser().parse_args(["train", "nlu", "--out", "/tmp/x"])
    assert args.out == Path("/tmp/x") and args.tiny is False and args.length_buckets is None
    assert build_parser().parse_args(["train", "nlu", "--length-buckets"]).length_buckets is True
    assert build_parser().parse_args(["train", "nlu", "--no-length-buckets"]).length_buckets is False
    assert build_parser().parse_args(["train", "--no-length-buckets", "nlu"]).length_buckets is False


def test_eval_nlu_options():
    args = build_parser().parse_args(["eval", "nlu", "--model", "m", "--json", "--bitext-limit", "50"])
    assert args.handler is run_eval
    assert args.model == Path("m") and args.json and args.bitext_limit == 50


def test_eval_without_a_model_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("SHOPBOT_HOME", str(tmp_path))
    assert main(["eval", "nlu", "--json"]) == 1
    assert "shopbot train nlu" in capsys.readouterr().err
