"""A tiny real training run (real MiniLM weights), then predictions, saving/loading, ensure_nlu and eval output."""

from __future__ import annotations

import json

import pytest

from bot.nlu.intents import INTENTS
from bot.nlu.types import NLUResult

pytestmark = pytest.mark.slow

FIXED_MESSAGES = [
    # (message, intent, expected slots (subset))
    ("show me grey sofas under $800", "search_product", {"color": "Grey", "category": "Sofas", "price_max": 800.0}),
    ("i'm looking for a nordhaus coffee table", "search_product", {"brand": "Nordhaus", "category": "Coffee Tables"}),
    ("cheaper", "refine", {"price_relative": "lower"}),
    ("not ikea", "refine", {"exclude_brand": "IKEA"}),
    ("in blue please", "refine", {"color": "Blue"}),
    ("show me more", "show_more", {}),
    ("compare the first and third", "compare", {"item_ref": [1, 3]}),
    ("is the second one waterproof?", "product_question", {"item_ref": [2]}),
    ("i love the first one", "feedback_like", {"item_ref": [1]}),
    ("add #2 to my cart", "add_to_cart", {"item_ref": [2]}),
    ("where is my order", "order_status", {}),
    ("i want to cancel my order", "cancel_order", {}),
    ("i want a refund", "refund", {}),
    ("i want to talk to a human", "contact_human", {}),
    ("hello", "greet", {}),
    ("thank you so much", "thanks", {}),
    ("bye", "goodbye", {}),
    ("tell me a joke", "out_of_scope", {}),
]


def test_model_directory_holds_everything(tiny_model_dir):
    names = {p.name for p in tiny_model_dir.iterdir()}
    assert {"model.safetensors", "encoder", "tokenizer", "labels.json", "vocabulary.json", "train_config.json",
            "metrics.json", "heldout.jsonl", "meta.json"} <= names
    meta = json.loads((tiny_model_dir / "meta.json").read_text())
    assert 0.05 <= meta["temperature"] <= 10
    labels = json.loads((tiny_model_dir / "labels.json").read_text())
    assert labels["intents"] == list(INTENTS)
    metrics = json.loads((tiny_model_dir / "metrics.json").read_text())["heldout"]
    assert metrics["intent_accuracy"] > 0.8
    assert metrics["train_seconds"] > 0  # CI budget: < 180 s on 2 idle cores (see the report)


@pytest.mark.parametrize(("message", "intent", "slots"), FIXED_MESSAGES)
def test_fixed_messages(tiny_nlu, message, intent, slots):
    result = tiny_nlu.predict(message)
    assert isinstance(result, NLUResult)
    assert result.intent == intent, (message, result.ranking)
    for name, value in slots.items():
        assert result.slots.get(name) == value, (message, result.slots, result.spans)


def test_batch_equals_single_and_ranking_is_sorted(tiny_nlu):
    texts = [m for m, _, _ in FIXED_MESSAGES]
    batch = tiny_nlu.predict_batch(texts)
    for text, result in zip(texts, batch):
        single = tiny_nlu.predict(text)
        assert single.intent == result.intent
        assert single.slots == result.slots
        assert abs(single.confidence - result.confidence) < 1e-3
        probs = [p for _, p in result.ranking]
        assert probs == sorted(probs, reverse=True) and len(probs) == 3


def test_low_confidence_becomes_out_of_scope_but_keeps_the_guess(tiny_nlu):
    saved = tiny_nlu.threshold
    try:
        tiny_nlu.threshold = 1.01  # nothing is ever that sure
        result = tiny_nlu.predict("where is my order")
        assert result.intent == "out_of_scope"
        assert result.ranking[0][0] == "order_status"
    finally:
        tiny_nlu.threshold = saved


def test_empty_message(tiny_nlu):
    assert tiny_nlu.predict("   ").intent == "out_of_scope"


def test_ensure_nlu_loads_the_newest_model_for_the_catalog(tiny_model_dir, nlu_products, tmp_path):
    import shutil

    from bot.config import Settings
    from bot.nlu.predictor import ensure_nlu

    settings = Settings(home=tmp_path, device="cpu")
    shutil.copytree(tiny_model_dir, settings.models_dir / "nlu" / tiny_model_dir.name)
    nlu = ensure_nlu(settings, nlu_products, progress=False)
    assert nlu.path == settings.models_dir / "nlu" / tiny_model_dir.name
    assert nlu.predict("where is my order").intent == "order_status"

    explicit = ensure_nlu(Settings(home=tmp_path / "other", device="cpu", nlu_model_dir=tiny_model_dir), nlu_products)
    assert explicit.path == tiny_model_dir

    # another catalog: reuse the model, normalizing against that catalog's vocabulary
    other = [nlu_products[0].model_copy(update={"id": "x", "brand": "Brandnew Co"})]
    reused = ensure_nlu(settings, other, progress=False, match_catalog=False)
    assert reused.path == nlu.path
    assert reused.vocabulary.match("brand", "brandnew co") == "Brandnew Co"


def test_eval_cli_prints_one_json_object(tiny_model_dir, tmp_path, capsys):
    from bot.cli import main

    data = tmp_path / "data"
    (data / "bitext").mkdir(parents=True)
    (data / "wands").mkdir()
    (data / "bitext" / "bitext_customer_support_20k.csv").write_text(
        "\ufeffflags,utterance,category,intent\n"
        "B,where is my order,ORDER,track_order\n"
        "B,i want to talk to a human,CONTACT,contact_human_agent\n"
        "B,i want a refund,REFUND,get_refund\n",
        encoding="utf-8",
    )
    (data / "wands" / "query.csv").write_text(
        "query_id\tquery\tquery_class\n0\tgrey velvet sofa\tSofas\n1\toak coffee table\tCoffee Tables\n",
        encoding="utf-8",
    )
    assert main(["eval", "nlu", "--model", str(tiny_model_dir), "--data", str(data), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"model", "heldout", "bitext", "wands", "latency"}
    assert set(report["heldout"]) == {"n", "intent_accuracy", "intent_macro_f1", "slot_precision", "slot_recall", "slot_f1"}
    assert report["bitext"]["n"] == 3 and 0 <= report["bitext"]["accuracy"] <= 1
    assert set(report["bitext"]["per_intent"]) == {"track_order", "contact_human_agent", "get_refund"}
    assert report["wands"]["n"] == 2 and 0 <= report["wands"]["search_fraction"] <= 1
    assert report["latency"]["single_ms"] > 0

