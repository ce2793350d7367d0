"""Training data generation: templates cover the intent inventory, spans are right, BIO tags align with tokens."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.nlu.data import (
    Example,
    Span,
    bio_tags,
    example_from_segments,
    generate_examples,
    load_templates,
    merge_adjacent_spans,
    split_examples,
    spans_from_tags,
)
from bot.nlu.intents import INTENTS, SLOT_TYPES, bio_labels
from bot.nlu.normalize import parse_item_refs, parse_price, vocabulary_from_products


@pytest.fixture(scope="module")
def examples(nlu_products) -> list[Example]:
    return generate_examples(vocabulary_from_products(nlu_products), scale=0.25, seed=3)


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    from bot.nlu.model import base_model_path

    return AutoTokenizer.from_pretrained(str(base_model_path()))


def test_templates_cover_exactly_the_intent_inventory():
    templates = load_templates()
    assert set(templates) - {"_frames"} == set(INTENTS)
    for intent in INTENTS:
        spec = templates[intent]
        assert spec.get("sentences") or spec.get("actions"), intent


def test_every_intent_has_examples_and_texts_are_unique(examples):
    counts = Counter(e.intent for e in examples)
    assert set(counts) == set(INTENTS)
    assert all(n >= 8 for n in counts.values()), counts
    keys = [e.text.lower() for e in examples]
    assert len(keys) == len(set(keys))


def test_spans_are_inside_the_text_and_typed(examples):
    for example in examples:
        for span in example.spans:
            assert span.slot in SLOT_TYPES
            assert 0 <= span.start < span.end <= len(example.text)
            assert example.text[span.start : span.end].strip() == example.text[span.start : span.end]


def test_catalog_values_become_slot_values(examples):
    brands = {text.lower() for e in examples for slot, text in e.span_texts() if slot == "brand"}
    categories = {text.lower() for e in examples for slot, text in e.span_texts() if slot == "category"}
    assert {"nordhaus", "casa verde"} & brands
    assert {"sofas", "rugs", "coffee tables"} & categories


def test_price_and_item_spans_normalize(examples):
    prices = [(slot, text) for e in examples for slot, text in e.span_texts() if slot.startswith("price")]
    refs = [text for e in examples for slot, text in e.span_texts() if slot == "item_ref"]
    assert len(prices) > 50 and len(refs) > 50
    for slot, text in prices:
        low, high = parse_price(text, hint=slot)
        assert low is not None or high is not None, text
    for text in refs:
        assert parse_item_refs(text), text


def test_bio_tags_align_with_sub_word_tokens(examples, tokenizer):
    labels = set(bio_labels())
    checked = 0
    for example in examples:
        if not example.spans:
            continue
        enc = tokenizer(example.text, return_offsets_mapping=True)
        offsets = [tuple(o) for o in enc["offset_mapping"]]
        tags = bio_tags(offsets, example.spans)
        assert len(tags) == len(enc["input_ids"])
        assert tags[0] is None and tags[-1] is None  # [CLS], [SEP]
        assert all(t in labels for t in tags if t is not None)
        # every span starts with a B- tag on the token at its first character
        for span in example.spans:
            first = next(i for i, (s, e) in enumerate(offsets) if s == span.start and e > s)
            assert tags[first] == f"B-{span.slot}"
        # I- tags only continue a span of the same type
        for prev, tag in zip(tags, tags[1:]):
            if tag and tag.startswith("I-"):
                assert prev in (f"B-{tag[2:]}", tag)
        # decoding the gold tags gives back the gold spans
        decoded = spans_from_tags(example.text, offsets, tags)
        assert [(s.slot, s.start, s.end) for s in decoded] == [(s.slot, s.start, s.end) for s in
                                                              merge_adjacent_spans(example.text, sorted(example.spans, key=lambda s: s.start))]
        checked += 1
    assert checked > 200


def test_decoding_extends_spans_to_whole_words():
    text = "a velvety sofa"
    offsets = [(0, 0), (0, 1), (2, 7), (7, 9), (10, 14), (0, 0)]
    tags = [None, "O", "B-material", "O", "B-category", None]
    spans = spans_from_tags(text, offsets, tags)
    assert [(s.slot, text[s.start : s.end]) for s in spans] == [("material", "velvety"), ("category", "sofa")]


def test_adjacent_same_type_spans_merge():
    text = "side table or #2 and #5"
    spans = [Span(slot="category", start=0, end=4), Span(slot="category", start=5, end=10),
             Span(slot="item_ref", start=14, end=16), Span(slot="item_ref", start=21, end=23)]
    merged = merge_adjacent_spans(text, spans)
    assert [text[s.start : s.end] for s in merged] == ["side table", "#2 and #5"]


def test_segments_join_with_spaces_and_offsets():
    example = example_from_segments([("show me", None), ("grey", "color"), ("sofas", "category"), ("?", None)],
                                    "search_product")
    assert example.text == "show me grey sofas?"
    assert example.span_texts() == [("color", "grey"), ("category", "sofas")]


def test_split_is_stratified_and_disjoint(examples):
    train, heldout = split_examples(examples, heldout_fraction=0.2, seed=1)
    assert len(train) + len(heldout) == len(examples)
    assert not {e.text for e in train} & {e.text for e in heldout}
    assert {e.intent for e in heldout} == set(INTENTS)


def test_generation_is_deterministic(nlu_products):
    values = vocabulary_from_products(nlu_products)
    a = generate_examples(values, scale=0.05, seed=5)
    b = generate_examples(values, scale=0.05, seed=5)
    assert [e.model_dump() for e in a] == [e.model_dump() for e in b]
