"""Shopper words met in blind round 19: the cart changed in words, ages, outdoor kinds, colour pairs and shades,
"light" as a colour, refusals said politely, measures in centimetres, and more."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases
from bot.dialogue.constraints import shades_of
from bot.dialogue.grounding import ground
from bot.dialogue.product_qa import answer, metric_size
from bot.nlu.normalize import _not_money_in
from retrieval.product import Product

VOCABULARY = {"categories": ["Sofas", "Sheets & Duvets", "Dining Chairs", "Outdoor Chairs", "Throw Pillows", "Curtains",
                             "Table Lamps", "Floor Lamps", "Lighting", "Rugs", "Armchairs"],
              "colors": ["navy", "cream", "green", "emerald", "olive", "brass", "black", "natural"],
              "materials": ["linen", "velvet", "brass", "leather"], "styles": ["bohemian", "modern", "traditional"]}


@pytest.mark.parametrize("text, what", [("actually, take the rug out of my cart", "rug"), ("remove #2 from the cart", "#2"),
                                        ("delete that", "that")])
def test_taking_things_out_of_the_cart(text, what):
    found = phrases.CART_REMOVE.search(text)
    assert found and what in (found.group("what") or found.group("what2"))


def test_changing_a_quantity_and_swapping_and_the_total():
    assert phrases.CART_COUNT.search("actually make that four").group(1) == "four"
    assert phrases.CART_SWAP.search("actually I'd rather have the second one instead of the first")
    assert phrases.CART_VIEW.search("what's my total?") and phrases.CART_VIEW.search("how much does it all come to")
    assert not phrases.CART_COUNT.search("make it cheaper")


@pytest.mark.parametrize("text, span", [("My father is 85 and would like a recliner", "85"), ("a desk for a 12 year old", "12")])
def test_an_age_is_no_price(text, span):
    assert _not_money_in(text, span)


def test_a_budget_said_as_is_stays_a_price():
    assert not _not_money_in("a lamp, budget is 85", "85") and not _not_money_in("under 85 dollars", "85")


def test_outdoor_chairs_and_colour_pairs_and_light_as_a_colour():
    slots = ground({"category": "dining chairs"}, "outdoor dining chairs for the patio", VOCABULARY, shopping=True)
    assert slots["category"] == "Outdoor Chairs"
    slots = ground({"category": "throw pillows", "color": "navy"}, "my living room is all navy and cream. some throw pillows?",
                   VOCABULARY, shopping=True)
    assert slots["color"] == ["navy", "cream"]
    slots = ground({"category": "lighting", "material": "linen"}, "something light and natural, linen maybe", VOCABULARY, shopping=True)
    assert "category" not in slots
    assert ground({"category": "lighting"}, "a light for the hallway", VOCABULARY, shopping=True)["category"] == "Lighting"


def test_a_material_word_before_a_product_is_no_category_and_a_style_word_moves_to_style():
    slots = ground({"category": "Sheets & Duvets", "color": "green"}, "the Asher rolled-arm linen sofa in green, any similar?",
                   VOCABULARY, shopping=True)
    assert slots["category"] == "Sofas"
    assert ground({"category": "Sheets & Duvets"}, "white linen sheets please", VOCABULARY, shopping=True)["category"] == "Sheets & Duvets"
    moved = ground({"category": "rug", "material": "boho"}, "and a boho rug to go with it", VOCABULARY, shopping=False)
    assert moved.get("style") == "bohemian" and "material" not in moved


def test_refusals_said_politely_and_a_finish_refused_as_colour_and_material():
    slots = ground({"category": "sofa", "style": "modern"}, "we are not at all keen on anything too modern", VOCABULARY, shopping=True)
    assert slots.get("exclude_style") == "modern" and "style" not in slots
    slots = ground({"category": "armchair", "style": "modern", "exclude_material": "leather"},
                   "an armchair, but no leather and nothing modern", VOCABULARY, shopping=True)
    assert slots.get("exclude_style") == "modern"  # two refusals in two clauses are no double negative
    slots = ground({"category": "floor lamp", "exclude_material": "brass"}, "a floor lamp but no brass please", VOCABULARY, shopping=True)
    assert slots["exclude_color"] == "brass"


def test_shades_of_a_colour():
    assert shades_of(["green"], VOCABULARY["colors"]) == ["emerald", "olive"]
    assert shades_of(["purple"], VOCABULARY["colors"]) == []


def test_sizes_in_centimetres_when_asked():
    sofa = Product(id="s", title="Porto Sofa", size='66" W x 34" D x 31" H', category=["Sofas"])
    assert metric_size(sofa.size) == "W 168 cm × D 86 cm × H 79 cm" and metric_size("Queen") is None
    assert "168 cm" in answer("how wide is the second one in cm?", sofa)[0]
    assert "cm" not in answer("how wide is it?", sofa)[0]


@pytest.mark.parametrize("text, pattern", [
    ("hmm, can I see the first ones again?", phrases.BACK_TO_FIRST),
    ("I sit at my desk 8 hours a day, which of these would you pick?", phrases.WHICH),
    ("I'm buying an armchair for my dad who lives alone", phrases.SHOPPING_OPENER),
    ("what curtains would look nice with emerald?", phrases.GOES_WITH),
    ("That will be all for today, thank you for your patience.", phrases.FAREWELL),
])
def test_phrases_of_round_19(text, pattern):
    assert pattern.search(text)


def test_a_rug_to_go_under_a_bed_is_a_big_one():
    slots = ground({"category": "rug", "size": "Queen"}, "I need a rug to go under my queen bed", VOCABULARY, shopping=True)
    assert slots["dimension_min"] == {"W": 60.0} and "size" not in slots  # the queen is the bed's size
    assert "dimension_min" not in ground({"category": "rug"}, "a round rug to go under a coffee table", VOCABULARY, shopping=True)


def test_bed_sizes_stay_for_bedding():
    slots = ground({"category": "sheets", "size": "King"}, "need sheets for a king bed, under 100", VOCABULARY, shopping=True)
    assert slots["size"] == "King"


def test_a_short_value_is_read_only_with_its_name():
    from bot.dialogue.constraints import asked_attributes
    rugs = [Product(id=str(i), title="Rug", category=["Rugs"], attributes={"pile height": v})
            for i, v in enumerate(["low", "high (shag)", "medium"])]
    assert asked_attributes("a rug for the hall, a low pile please", rugs)[0] == {"pile height": "low"}
    assert asked_attributes("a rug on a low budget", rugs)[0] == {}


def test_round_is_a_look_of_the_category_named():
    from bot.dialogue.kinds import kinds_named
    (kind, _), = kinds_named("I'd like a round coffee table, no sharp corners")
    assert kind.titled == ("round",) and not kind.keep_to
