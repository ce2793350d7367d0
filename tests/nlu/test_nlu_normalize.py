"""Slot normalization rules: prices, item references, relative critiques, order ids, catalog vocabulary."""

from __future__ import annotations

import pytest

from bot.nlu.normalize import (
    CatalogVocabulary,
    count_meaning,
    extract_numbers,
    measure_meaning,
    negated_slot,
    normalize_order_id,
    normalize_slots,
    parse_item_refs,
    parse_price,
    relative_critiques,
    vocabulary_from_products,
)

PRICE_CASES = [
    ("under $300", (None, 300.0)),
    ("under 200 bucks", (None, 200.0)),
    ("less than 300", (None, 300.0)),
    ("below €90", (None, 90.0)),
    ("no more than 450 dollars", (None, 450.0)),
    ("at most 80", (None, 80.0)),
    ("max 250", (None, 250.0)),
    ("up to 1500", (None, 1500.0)),
    ("300 or less", (None, 300.0)),
    ("cheaper than 400", (None, 400.0)),
    ("within 600", (None, 600.0)),
    ("$1.2k", (None, 1200.0)),
    ("under $1.2k", (None, 1200.0)),
    ("2k", (None, 2000.0)),
    ("under a grand", (None, 1000.0)),
    ("$1,500", (None, 1500.0)),
    ("no more than two hundred", (None, 200.0)),
    ("a hundred and fifty dollars", (None, 150.0)),
    ("<500", (None, 500.0)),
    ("at least 100", (100.0, None)),
    ("over 1,000 euros", (1000.0, None)),
    ("more than 75", (75.0, None)),
    ("starting at $60", (60.0, None)),
    ("500+", (500.0, None)),
    ("200 or more", (200.0, None)),
    ("from 100", (100.0, None)),
    ("between 50 and 80", (50.0, 80.0)),
    ("between fifty and eighty", (50.0, 80.0)),
    ("50-80 dollars", (50.0, 80.0)),
    ("$50 - $80", (50.0, 80.0)),
    ("from 100 to 200", (100.0, 200.0)),
    ("300 to 150", (150.0, 300.0)),
    ("in the 200-400 range", (200.0, 400.0)),
    ("between two hundred and three hundred", (200.0, 300.0)),
    ("around 500", (400.0, 600.0)),
    ("about $1k", (800.0, 1200.0)),
    ("roughly 250", (200.0, 300.0)),
    ("~300", (240.0, 360.0)),
    ("100ish", (80.0, 120.0)),
    ("what about under 150", (None, 150.0)),  # a direction said with "about" wins
    ("spend at least 1000", (1000.0, None)),  # a floor, not a budget
    ("spend more than 450 dollars", (None, 450.0)),  # ambiguous: the tag decides (a ceiling by default)
    ("60 tops", (None, 60.0)),
]


@pytest.mark.parametrize(("phrase", "expected"), PRICE_CASES)
def test_price_phrases(phrase, expected):
    assert parse_price(phrase) == expected


def test_bare_amount_uses_the_tag_direction():
    assert parse_price("$500") == (None, 500.0)
    assert parse_price("$500", hint="price_min") == (500.0, None)
    assert parse_price("no price here") == (None, None)


def test_extract_numbers_keeps_order_and_scales():
    assert extract_numbers("from $1.5k to 2,000") == [1500.0, 2000.0]
    assert extract_numbers("three hundred") == [300.0]
    assert extract_numbers("under 5 hundred") == [500.0]  # digits with a scale word are one amount
    assert extract_numbers("2 grand to 3 thousand") == [2000.0, 3000.0]


def test_durations_and_counts_are_no_prices():
    assert normalize_slots("I work from home 10h a day", [("price_min", "10h")]) == {}
    assert normalize_slots("a table for 6 people", [("price_max", "6 people")]) == {}
    assert normalize_slots("under 500", [("price_max", "under 500")]) == {"price_max": 500.0}
    # measures and counts by their neighbours in the message
    assert normalize_slots("a tiny studio, 400 square feet. under $1000", [("price_max", "400"), ("price_max", "under $1000")]) == {
        "price_max": 1000.0}
    assert normalize_slots("I'm about 260 lbs", [("price", "260")]) == {}
    assert normalize_slots("I'm 6'5 and around 280 pounds", [("price", "around 280")]) == {}
    assert normalize_slots("under 300 pounds", [("price_max", "under 300")]) == {"price_max": 300.0}
    assert normalize_slots("a table that seats 4 to 6", [("price", "4 to 6")]) == {}
    assert normalize_slots("like 9 by 12", [("price_min", "12")]) == {}
    assert normalize_slots("for 20 bucks", [("price_max", "20")]) == {"price_max": 20.0}


ITEM_CASES = [
    ("the second one", [2]),
    ("#3", [3]),
    ("number 2", [2]),
    ("no. 5", [5]),
    ("option 4", [4]),
    ("item 1", [1]),
    ("the 2nd one", [2]),
    ("the first and third", [1, 3]),
    ("the first and the fourth one", [1, 4]),
    ("1 and 3", [1, 3]),
    ("#2 and #5", [2, 5]),
    ("the last one", [-1]),
    ("the last", [-1]),
    ("second to last", [-2]),
    ("the first two", [1, 2]),
    ("first three", [1, 2, 3]),
    ("both", [1, 2]),
    ("the top one", [1]),
    ("two and three", [2, 3]),
    ("first one and the last one", [1, -1]),
    ("the 12th one", [12]),
    # ordinals that point at nothing shown
    ("on second thought, colour doesn't matter", []),
    ("it broke the first time we sat on it", []),
    ("our first flat, second-hand sofa", []),
    ("can they carry it up to the 2nd floor?", []),
    ("hmm we got a puppy last month, any pet friendly ones?", []),
    ("the last one, like the one I bought last week", [-1]),
]


@pytest.mark.parametrize(("phrase", "expected"), ITEM_CASES)
def test_item_references(phrase, expected):
    assert parse_item_refs(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cheaper", {"price_relative": "lower"}),
        ("something cheaper than that", {"price_relative": "lower"}),
        ("less expensive please", {"price_relative": "lower"}),
        ("that's too pricey", {"price_relative": "lower"}),
        ("more expensive ones", {"price_relative": "higher"}),
        ("show me something more premium", {"price_relative": "higher"}),
        ("bigger", {"size_relative": "bigger"}),
        ("a larger one", {"size_relative": "bigger"}),
        ("smaller and cheaper", {"size_relative": "smaller", "price_relative": "lower"}),
        ("in blue", {}),
    ],
)
def test_relative_critiques(text, expected):
    assert relative_critiques(text) == expected


def test_order_ids():
    assert normalize_order_id("#12345") == "12345"
    assert normalize_order_id("order A-48213") == "A-48213"
    assert normalize_order_id("ord-9981") == "ORD-9981"
    assert normalize_order_id("my order") is None


def test_vocabulary_matches_case_plurals_synonyms_and_typos(nlu_products):
    vocab = CatalogVocabulary(vocabulary_from_products(nlu_products))
    assert vocab.match("category", "sofa") == "Sofas"
    assert vocab.match("category", "SOFAS") == "Sofas"
    assert vocab.match("category", "couch") == "Sofas"
    assert vocab.match("category", "cofee table") == "Coffee Tables"
    assert vocab.match("category", "velvet sofas") == "Sofas"
    assert vocab.match("brand", "nordhaus") == "Nordhaus"
    assert vocab.match("brand", "casaverde") == "Casa Verde"
    assert vocab.match("color", "gray") == "Grey"
    assert vocab.match("size", "queen size") == "Queen"
    assert vocab.match("style", "scandinavian style") == "Scandinavian"
    assert vocab.match("material", "wooly") is None or vocab.match("material", "wooly") == "Wool"
    assert vocab.match("brand", "completely unknown") is None
    assert vocab.normalize("brand", "  Unknown Brand! ") == "unknown brand"


def test_size_vocabulary_skips_dimensions():
    from retrieval.product import Product

    products = [Product(id="1", title="x", size='84" W x 36" D'), Product(id="2", title="y", size="King")]
    assert vocabulary_from_products(products)["size"] == ["King"]


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        ("a sofa, not IKEA", "brand", "exclude_brand"),
        ("no leather please", "material", "exclude_material"),
        ("anything but black", "color", "exclude_color"),
        ("nothing from ikea", "brand", "exclude_brand"),
        ("i like IKEA", "brand", "brand"),
        ("in black", "color", "color"),
    ],
)
def test_negation_turns_attributes_into_exclusions(text, slot, expected):
    value = {"IKEA": "IKEA", "ikea": "ikea", "leather": "leather", "black": "black"}
    word = next(w for w in value if w in text)
    assert negated_slot(text, slot, text.index(word)) == expected


def test_normalize_slots_combines_spans_and_rules(nlu_products):
    vocab = CatalogVocabulary(vocabulary_from_products(nlu_products))
    text = "cheaper grey sofas from nordhaus between 200 and 500, not the second one"
    slots = normalize_slots(
        text,
        [("color", "grey"), ("category", "sofas"), ("brand", "nordhaus"), ("price", "between 200 and 500"),
         ("item_ref", "the second one")],
        vocab,
    )
    assert slots == {
        "color": "Grey", "category": "Sofas", "brand": "Nordhaus", "price_min": 200.0, "price_max": 500.0,
        "item_ref": [2], "price_relative": "lower",
    }


def test_normalize_slots_merges_item_refs_and_swaps_inverted_prices():
    slots = normalize_slots("x", [("item_ref", "#1"), ("item_ref", "#3"), ("price_min", "over 500"),
                                  ("price_max", "under 100")])
    assert slots["item_ref"] == [1, 3]
    assert slots["price_min"] == 100.0 and slots["price_max"] == 500.0


def test_windows_of_a_long_message_merge_into_one_tag_sequence():
    from bot.nlu.predictor import _merge_windows

    # two windows over tokens at offsets 0..5; the overlap (tokens 2-3) takes the tag of the window where the
    # token has more context on both sides; special tokens ((0, 0)) are dropped
    first = [(0, 0), (0, 1), (2, 3), (4, 5), (6, 7), (0, 0)]
    second = [(0, 0), (4, 5), (6, 7), (8, 9), (10, 11), (0, 0)]
    offsets, tags = _merge_windows([first, second], [["O", "O", "B-color", "O", "O", "O"],
                                                     ["O", "B-price_max", "I-price_max", "O", "B-category", "O"]])
    assert offsets == [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11)]
    # (4, 5) is the first window's 3rd of 4 tokens (margin 1) and the second's 1st (margin 0): the first wins
    # (6, 7) is the first window's last (margin 0) and the second's 2nd (margin 1): the second wins
    assert tags == ["O", "B-color", "O", "I-price_max", "O", "B-category"]
    single = _merge_windows([first], [["O"] * 6])
    assert single == (first, ["O"] * 6)


def test_stretched_words_double_negatives_and_rejections_after_a_value():
    from bot.nlu.normalize import negated_after, negated_slot, squeeze_repeats

    known = {"sofa", "please", "cheaper", "cool", "sheets", "great"}.__contains__
    assert squeeze_repeats("sooooofa under 600 pleeeease", known) == "sofa under 600 please"
    assert squeeze_repeats("cheeeeaper, coool, sheeeets", known) == "cheaper, cool, sheets"
    assert squeeze_repeats("a grey sofa", known) == "a grey sofa"
    text = "an armchair, and I don't want anything that isn't leather"
    assert negated_slot(text, "material", text.index("leather")) == "material"
    assert negated_slot(text, "exclude_material", text.index("leather")) == "material"
    assert negated_slot("no leather", "material", 3) == "exclude_material"
    text = "hmm rattan isn't cosy. do you have one in leather?"
    assert negated_after(text, "material", text.index("rattan") + len("rattan")) == "exclude_material"
    assert negated_after(text, "material", len(text)) == "material"


def test_common_misspellings_of_service_words_are_fixed():
    from bot.nlu.normalize import fix_shop_typos

    assert fix_shop_typos("cancle my oder plz") == "cancel my order plz"
    assert fix_shop_typos("Retrun policy? ADRESS change") == "Return policy? ADDRESS change"
    assert fix_shop_typos("a grey sofa, order 12345") == "a grey sofa, order 12345"


def test_counts_and_bare_budgets_are_not_positions_or_sizes():
    text = "is the first one a set of 2 or just one pillow?"
    assert count_meaning(text, "item_ref", text.index("2")) is None
    assert count_meaning(text, "item_ref", text.index("first")) == "item_ref"
    text = "table lamp, 60 tops"
    assert measure_meaning(text, "size", text.index("60") + 2) == "price_max"
    text = "a 60 inch console"
    assert measure_meaning(text, "size", text.index("60") + 2) == "size"


def test_amounts_in_words_and_shades_are_read_as_such(nlu_products):
    vocabulary = CatalogVocabulary(vocabulary_from_products(nlu_products))
    assert vocabulary.match("style", "fifty") is None  # "max two hundred fifty" is no 'fifties' style
    colors = vocabulary.values["color"]
    if "olive" in colors and "green" in colors:
        assert vocabulary.match("color", "olive green") == "olive"  # the shade the catalog lists

