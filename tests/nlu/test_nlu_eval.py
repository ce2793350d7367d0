"""Evaluation helpers: metrics and the Bitext intent map."""

from __future__ import annotations

import csv

import pytest

from bot.nlu.evaluate import default_data_dir, load_bitext_map
from bot.nlu.intents import INTENTS
from bot.nlu.metrics import intent_accuracy, macro_f1, span_f1


def test_bitext_map_covers_all_27_intents():
    mapping = load_bitext_map()
    assert len(mapping) == 27
    assert set(mapping.values()) <= set(INTENTS)


def test_bitext_map_names_every_intent_of_the_data_set():
    path = default_data_dir() / "bitext" / "bitext_customer_support_20k.csv"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        intents = {row["intent"] for row in csv.DictReader(fh)}
    assert intents == set(load_bitext_map())


def test_intent_metrics():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "c"]
    assert intent_accuracy(gold, pred) == 0.75
    # F1: a = 2/3, b = 2/3, c = 1
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)


def test_span_f1_needs_exact_type_and_boundaries():
    gold = [[("color", 0, 4), ("category", 5, 10)], [("brand", 3, 7)]]
    pred = [[("color", 0, 4), ("category", 5, 9)], [("exclude_brand", 3, 7)]]
    scores = span_f1(gold, pred)
    assert scores["precision"] == pytest.approx(1 / 3)
    assert scores["recall"] == pytest.approx(1 / 3)
    assert span_f1([[]], [[]])["f1"] == 1.0
