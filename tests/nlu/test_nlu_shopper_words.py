"""Shopper phrasing the NLU's rules must read right: negated price directions, "budget around",
shopper words for catalog categories/styles (synonyms, compounds, typos), rooms, size exclusions."""

from __future__ import annotations

import random

import pytest

from bot.nlu.data import generate_examples, price_phrase
from bot.nlu.normalize import (
    CatalogVocabulary,
    negated_slot,
    normalize_slots,
    parse_price,
    price_lead,
    widen_price_spans,
)
from bot.nlu.synonyms import GROUPS, is_room, lexicon, synonyms_of

# The demo catalog's vocabulary (retrieval/data/demo_catalog.jsonl), as vocabulary_from_products builds it.
DEMO = {
    "category": ["Armchairs", "Bedding", "Bedroom", "Beds", "Bookcases", "Coffee Tables", "Curtains", "Decor",
                 "Desks", "Dining Chairs", "Dining Room", "Dining Tables", "Dressers", "Floor Lamps", "Furniture",
                 "Lighting", "Living Room", "Mattresses", "Mirrors", "Nightstands", "Office", "Office Chairs",
                 "Outdoor", "Outdoor Chairs", "Patio Sets", "Pillows", "Rugs", "Sectionals", "Sheets & Duvets",
                 "Sofas", "Table Lamps", "Throw Pillows", "TV Stands"],
    "style": ["bohemian", "coastal", "farmhouse", "industrial", "mid-century", "modern", "scandinavian", "traditional"],
    "color": ["beige", "black", "charcoal", "cream", "green", "grey", "navy", "rust", "white"],
    "material": ["leather", "linen", "memory foam", "metal", "rattan", "solid oak", "velvet", "vegan leather"],
    "size": ["California King", "Full", "King", "Queen", "Twin"],
    "brand": ["IKEA", "West Elm"],
}


@pytest.fixture(scope="module")
def demo_vocab() -> CatalogVocabulary:
    return CatalogVocabulary(DEMO)


# ------------------------------------------------------------------ prices

@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("nothing over 900 bucks", (None, 900.0)),
        ("not over $500", (None, 500.0)),
        ("not above 300", (None, 300.0)),
        ("nothing above 250 dollars", (None, 250.0)),
        ("no more than 450", (None, 450.0)),
        ("not more than 450", (None, 450.0)),
        ("no higher than 700", (None, 700.0)),
        ("max 200", (None, 200.0)),
        ("at most 80", (None, 80.0)),
        ("up to 1.5k", (None, 1500.0)),
        ("300 tops", (None, 300.0)),
        ("don't want to spend more than 600", (None, 600.0)),
        ("nothing that costs over 900", (None, 900.0)),
        ("over 900", (900.0, None)),
        ("more than 75", (75.0, None)),
        ("above 120", (120.0, None)),
        ("at least 100", (100.0, None)),
        ("no less than 50", (50.0, None)),
        ("not under 200", (200.0, None)),
        ("nothing below 150", (150.0, None)),
        ("around 500", (400.0, 600.0)),
        ("about 1000", (800.0, 1200.0)),
        ("roughly 250", (200.0, 300.0)),
        ("budget around 1000", (None, 1200.0)),
        ("my budget is about 500", (None, 600.0)),
        ("spend roughly 300", (None, 360.0)),
    ],
)
def test_price_directions_with_negation_and_budget(phrase, expected):
    assert parse_price(phrase) == expected


def test_negation_wins_over_the_tags_hint():
    assert parse_price("nothing over 900 bucks", hint="price_min") == (None, 900.0)
    assert parse_price("no less than 50", hint="price_max") == (50.0, None)


def test_price_spans_take_the_words_before_them():
    text = "my living room needs a sofa, nothing over 900 bucks"
    start = text.index("over")
    assert text[price_lead(text, start):] == "nothing over 900 bucks"
    text = "a sofa, under 500"  # a comma ends the lead; "sofa" is no price word
    assert price_lead(text, text.index("under")) == text.index("under")
    text = "i need a rug that is not over 300"
    assert text[price_lead(text, text.index("over")):] == "not over 300"


def test_neighbouring_price_pieces_are_read_together():
    text = "looking for a comfy sofa, budget around 1000"
    spans = [("category", text.index("sofa"), text.index("sofa") + 4),
             ("price", text.index("around"), text.index("around") + 6),
             ("price_max", text.index("1000"), len(text))]
    widened = widen_price_spans(text, spans)
    assert [(slot, text[a:b]) for slot, a, b in widened] == [("category", "sofa"), ("price_max", "budget around 1000")]
    slots = normalize_slots(text, [(slot, text[a:b]) for slot, a, b in widened])
    assert slots["price_max"] == 1200.0 and "price_min" not in slots


def test_generated_price_phrases_read_in_their_tagged_direction():
    rng = random.Random(7)
    for _ in range(400):
        low, high = parse_price(price_phrase("price_max", rng), hint="price_max")
        assert low is None and high is not None
        low, high = parse_price(price_phrase("price_min", rng), hint="price_min")
        assert low is not None and high is None


# ------------------------------------------------------------------ shopper words for catalog values

@pytest.mark.parametrize(
    ("field", "phrase", "expected"),
    [
        ("category", "bedside table", "Nightstands"),
        ("category", "night stand", "Nightstands"),
        ("category", "nighstand", "Nightstands"),
        ("category", "bookshelf", "Bookcases"),
        ("category", "bookshelves", "Bookcases"),
        ("category", "shelves", "Bookcases"),
        ("category", "bed frame", "Beds"),
        ("category", "duvet cover", "Sheets & Duvets"),
        ("category", "sheets", "Sheets & Duvets"),
        ("category", "comforter", "Sheets & Duvets"),
        ("category", "bedding", "Bedding"),  # the catalog's own word first
        ("category", "couch", "Sofas"),
        ("category", "settee", "Sofas"),
        ("category", "l-shaped couch", "Sectionals"),
        ("category", "chest of drawers", "Dressers"),
        ("category", "media console", "TV Stands"),
        ("category", "cofee table", "Coffee Tables"),
        ("category", "white bedside table", "Nightstands"),
        ("style", "boho", "bohemian"),
        ("style", "mid century", "mid-century"),
        ("style", "mid-century modern", "mid-century"),
        ("style", "scandi", "scandinavian"),
        ("style", "boho style", "bohemian"),
        ("color", "gray", "grey"),
        ("color", "navy blue", "navy"),
        ("material", "faux leather", "vegan leather"),
        ("material", "velour", "velvet"),
        ("size", "king size", "King"),
        ("size", "cal king", "California King"),
    ],
)
def test_shopper_words_reach_the_catalogs_values(demo_vocab, field, phrase, expected):
    assert demo_vocab.match(field, phrase) == expected


def test_synonyms_need_the_target_in_the_catalog():
    assert CatalogVocabulary({"category": ["Sofas"]}).match("category", "bedside table") is None
    assert CatalogVocabulary({"category": ["Bedside Tables"]}).match("category", "nightstand") == "Bedside Tables"
    assert CatalogVocabulary({"style": ["modern"]}).match("style", "minimalist") == "modern"
    assert CatalogVocabulary({"style": ["minimalist", "modern"]}).match("style", "minimal") == "minimalist"


def test_typos_pick_one_value_and_common_words_are_not_typos():
    words = lexicon("category", DEMO["category"])
    assert words.fuzzy("cofee table") == "Coffee Tables"
    assert words.fuzzy("bokshelf") == "Bookcases"
    assert words.fuzzy("certain") is None  # not "curtain"
    assert words.fuzzy("table") is None
    assert words.resolve("tv stnd") == "TV Stands"


def test_groups_are_well_formed():
    for field, groups in GROUPS.items():
        for group in groups:
            assert len(group) >= 2, (field, group)
    assert "couch" in synonyms_of("category", "sofa")
    assert is_room("home office") and is_room("Living Room") and not is_room("office chair")


# ------------------------------------------------------------------ rooms, exclusions, typo'd spans

def test_room_words_are_not_product_categories(demo_vocab):
    slots = normalize_slots("for a small home office, under 200", [("category", "home office"), ("price_max", "under 200")],
                            demo_vocab)
    assert slots == {"room": "home office", "price_max": 200.0}
    assert normalize_slots("office chairs", [("category", "office chairs")], demo_vocab) == {"category": "Office Chairs"}


def test_negated_sizes_become_exclusions(demo_vocab):
    text = "not in king size"
    assert negated_slot(text, "size", text.index("king")) == "exclude_size"
    assert negated_slot("in king size", "size", 3) == "size"
    assert normalize_slots(text, [("exclude_size", "king")], demo_vocab) == {"exclude_size": "King"}


def test_a_span_naming_a_catalog_value_beats_an_earlier_unknown_one(demo_vocab):
    slots = normalize_slots("stlye cofee table", [("category", "stlye"), ("category", "cofee table")], demo_vocab)
    assert slots["category"] == "Coffee Tables"
    slots = normalize_slots("cofee table, mid century stlye", [("category", "cofee table"), ("category", "stlye")], demo_vocab)
    assert slots["category"] == "Coffee Tables"


# ------------------------------------------------------------------ training data

def test_training_data_covers_the_new_phrasings():
    examples = generate_examples(DEMO | {"brand": DEMO["brand"]}, scale=1.0, seed=13)
    texts = {e.intent: [] for e in examples}
    for e in examples:
        texts[e.intent].append(e.text.lower())
    assert any("arrived" in t and any(w in t for w in ("torn", "broken", "damaged", "scratch", "crack", "dent"))
               for t in texts["return_item"])
    assert any(w in t for t in texts["search_product"] for w in ("redo my", "furnish", "makeover", "redecorat"))
    rooms = [span for e in examples for slot, span in e.span_texts() if slot == "category" and span.lower() in
             ("living room", "bedroom", "office", "dining room")]
    assert not rooms, "room names are untagged context, never a tagged category"


def test_a_lone_filler_word_or_its_typo_is_no_value(demo_vocab):
    text = "cofee table, mid century stlye"
    slots = normalize_slots(text, [("category", "cofee table"), ("style", "mid century"), ("brand", "stlye")], demo_vocab)
    assert slots == {"category": "Coffee Tables", "style": "mid-century"}
    assert normalize_slots("west elm", [("brand", "west elm")], demo_vocab) == {"brand": "West Elm"}
    assert normalize_slots("nordhaus", [("brand", "nordhaus")], demo_vocab) == {"brand": "nordhaus"}  # unknown, kept
