"""Grounding shopper words in the demo catalog's vocabulary: synonyms, one best category for a typo,
rooms that never replace the product category, styles written in the text, size exclusions."""

from __future__ import annotations

import pytest

from bot.dialogue.grounding import category_matches, ground

VOCAB = {
    "categories": ["Armchairs", "Bedding", "Bedroom", "Beds", "Bookcases", "Coffee Tables", "Curtains", "Desks",
                   "Dining Chairs", "Dining Room", "Dining Tables", "Dressers", "Floor Lamps", "Furniture", "Living Room",
                   "Nightstands", "Office", "Office Chairs", "Outdoor", "Outdoor Chairs", "Patio Sets", "Pillows", "Rugs",
                   "Sheets & Duvets", "Sofas", "Table Lamps", "Throw Pillows", "TV Stands"],
    "colors": ["white", "black", "grey", "rust", "natural"],
    "materials": ["linen", "oak", "velvet", "brass"],
    "styles": ["bohemian", "mid-century", "scandinavian", "modern", "coastal"],
    "brands": ["IKEA", "West Elm"],
    "sizes": ["Queen", "King", "California King", "Full", "Twin"],
}


@pytest.mark.parametrize(
    ("slots", "text", "expected"),
    [
        ({"color": "white", "category": "bedside table"}, "white bedside table pls", {"color": "white", "category": "Nightstands"}),
        ({"brand": "IKEA"}, "bookshelf from ikea", {"brand": "IKEA", "category": "Bookcases"}),
        ({"category": "bookshelf", "brand": "IKEA"}, "bookshelf from ikea", {"brand": "IKEA", "category": "Bookcases"}),
        ({"style": "scandinavian"}, "scandinavian bed frame", {"style": "scandinavian", "category": "Beds"}),
        ({"material": "linen", "category": "duvet cover"}, "linen duvet cover, king size",
         {"material": "linen", "category": "Sheets & Duvets", "size": "King"}),  # the size the model missed, read too
        ({"price_max": 100.0}, "cheap sheets, under 100", {"price_max": 100.0, "category": "Sheets & Duvets"}),
        ({"category": "Rugs"}, "boho rug for the living room", {"category": "Rugs", "style": "bohemian", "room": "Living Room"}),
        ({"category": "table", "style": "mid-century"}, "cofee table, mid century stlye",
         {"category": "Coffee Tables", "style": "mid-century"}),
        ({}, "a nighstand in oak", {"category": "Nightstands", "material": "oak"}),
        ({}, "a couch please", {"category": "Sofas"}),
    ],
)
def test_shopper_words_ground_in_the_catalog(slots, text, expected):
    assert ground(slots, text, VOCAB, shopping=True) == expected


def test_a_typo_picks_one_category_and_head_words_keep_their_family():
    assert category_matches("cofee table", VOCAB["categories"]) == ["Coffee Tables"]
    assert category_matches("table", VOCAB["categories"]) == ["Coffee Tables", "Dining Tables"]  # not Table Lamps
    assert category_matches("chairs", VOCAB["categories"]) == ["Armchairs", "Dining Chairs", "Office Chairs",
                                                               "Outdoor Chairs"]  # an armchair is a chair too
    assert category_matches("a", VOCAB["categories"]) == []  # no short word names a compound by its ending
    assert category_matches("spaceship", VOCAB["categories"]) == []


def test_rooms_are_kept_apart_from_the_product_category():
    # after a desk search: "for a small home office" must not turn into the Office category
    assert ground({"price_max": 200.0}, "for a small home office, under 200", VOCAB, shopping=True) == {
        "price_max": 200.0, "room": "home office"}
    assert ground({"category": "Office", "price_max": 200.0}, "for my office, under 200", VOCAB, shopping=True) == {
        "price_max": 200.0, "room": "Office"}
    assert ground({}, "i want to redo my bedroom", VOCAB, shopping=True) == {"room": "Bedroom"}
    # a category that holds a room word is still the category
    assert ground({"category": "Office Chairs"}, "an office chair", VOCAB, shopping=True) == {"category": "Office Chairs"}
    assert ground({}, "dining tables for the dining room", VOCAB, shopping=True) == {"category": "Dining Tables",
                                                                                     "room": "Dining Room"}


def test_everyday_words_are_not_typos_of_categories():
    assert ground({}, "i am certain about it", VOCAB, shopping=True) == {}
    assert ground({}, "something cheaper please", VOCAB, shopping=True) == {}
    assert ground({"category": "Sofas"}, "a sofa in a tabled layout", VOCAB, shopping=True) == {"category": "Sofas"}


def test_negated_synonyms_are_not_searched_for_and_exclusions_pass_through():
    assert ground({}, "no boho stuff please", VOCAB, shopping=True) == {"exclude_style": "bohemian"}
    assert ground({"exclude_size": "King"}, "not in king size", VOCAB, shopping=True) == {"exclude_size": "King"}
    assert ground({"exclude_size": "king size"}, "not in king size", VOCAB, shopping=True) == {"exclude_size": "King"}
    assert ground({"size": "cal king"}, "cal king sheets", VOCAB, shopping=True)["size"] == "California King"


def test_pieces_of_one_catalog_value_join_up_and_unknown_brands_filter_nothing():
    vocab = {**VOCAB, "materials": [*VOCAB.get("materials", []), "solid oak", "oak", "performance fabric", "fabric"],
             "colors": [*VOCAB.get("colors", []), "natural oak"]}
    slots = ground({"material": "solid", "color": "oak"}, "a dining table, solid oak if possible", vocab, shopping=True)
    assert slots.get("material") == "solid oak" and "color" not in slots
    slots = ground({"material": "fabric"}, "a sectional in performance fabric please", vocab, shopping=True)
    assert slots.get("material") == "performance fabric"
    assert "brand" not in ground({"brand": "lumbar"}, "an office chair with lumbar support", vocab, shopping=True)


def test_a_word_read_as_another_attribute_is_not_a_category():
    from bot.dialogue.grounding import ground

    vocabulary = {"categories": ["Sheets & Duvets", "Curtains", "Armchairs"], "materials": ["linen", "walnut", "velvet"],
                  "colors": ["walnut", "green"], "styles": [], "brands": []}
    # "linen please" under shown armchairs: the material, not bed linen
    assert ground({"material": "linen"}, "linen please", vocabulary, shopping=True) == {"material": "linen"}
    assert ground({}, "bed linen please", vocabulary, shopping=True)["category"] == "Sheets & Duvets"


def test_a_value_that_is_a_colour_and_a_material_is_the_material_when_the_words_say_so():
    from bot.dialogue.grounding import ground

    vocabulary = {"categories": ["Dining Tables"], "materials": ["walnut", "oak"], "colors": ["walnut", "white"],
                  "styles": [], "brands": []}
    for text in ("made of walnut", "I want it made of walnut", "solid walnut please", "walnut wood"):
        assert ground({"color": "walnut"}, text, vocabulary, shopping=True) == {"material": "walnut"}, text
    assert ground({"color": "walnut"}, "in walnut please", vocabulary, shopping=True) == {"color": "walnut"}
    assert ground({"exclude_color": "walnut"}, "nothing made of walnut", vocabulary, shopping=True) == {"exclude_material": "walnut"}


def test_misread_words_are_grounded_in_the_catalog():
    from bot.dialogue.grounding import ground

    vocabulary = {"categories": ["Nightstands", "Dining Tables", "Outdoor Chairs"],
                  "materials": ["glass", "all-weather wicker", "rattan", "oak"], "colors": ["white"], "styles": [],
                  "brands": ["IKEA", "West Elm"]}
    # a misspelt category tagged as a colour (and a stray word tagged as the category)
    grounded = ground({"color": "nighstands", "category": "each", "price_max": 100},
                      "need 2 nighstands for the guest room, 100 max each", vocabulary, shopping=True)
    assert grounded["category"] == "Nightstands" and "color" not in grounded
    # the one catalog value inside a phrase
    assert ground({"exclude_material": "glass tops"}, "no glass tops", vocabulary, shopping=True) == {"exclude_material": "glass"}
    # "wicker" normalized to rattan keeps the shopper's word, which covers rattan and all-weather wicker
    assert ground({"material": "rattan"}, "outdoor chairs, wicker", vocabulary, shopping=True)["material"] == "wicker"
    assert ground({"material": "rattan"}, "a rattan chair", vocabulary, shopping=True)["material"] == "rattan"
    # exclusions joined by "or": unknown brands are dropped from the list
    assert ground({"exclude_brand": ["IKEA", "West Elm", "Acme"]}, "x", vocabulary, shopping=True) == {"exclude_brand": ["IKEA", "West Elm"]}


def test_exclusions_said_together_are_all_kept():
    from bot.dialogue.constraints import apply_slots
    from bot.nlu.normalize import coordinated_slot
    from retrieval.types import SearchFilter

    text = "a desk for under 150 that isn't IKEA or West Elm"
    start = text.index("West Elm")
    assert coordinated_slot(text, "brand", start, "exclude_brand", text.index("IKEA") + 4) == "exclude_brand"
    assert coordinated_slot("not IKEA, show me West Elm", "brand", 20, "exclude_brand", 8) == "brand"
    f = apply_slots(SearchFilter(brands=["IKEA"]), {"exclude_brand": ["IKEA", "West Elm"]})
    assert f.exclude_brands == ["IKEA", "West Elm"] and f.brands == []
    f = apply_slots(SearchFilter(), {"exclude_material": ["glass", "marble"]},
                    vocabulary={"materials": ["glass", "marble", "oak"]})
    assert f.exclude_materials == ["glass", "marble"]


def test_brand_typos_and_what_a_product_is_for():
    from bot.dialogue.grounding import brand_typo, ground

    brands = ["IKEA", "West Elm", "Casper"]
    assert brand_typo("ikae", brands) == "IKEA" and brand_typo("westelm", brands) == "West Elm"
    assert brand_typo("idea", brands) is None and brand_typo("ika", brands) is None
    vocabulary = {"categories": ["Coffee Tables", "Dining Tables", "Dining Chairs", "Outdoor Chairs", "Office Chairs"],
                  "materials": ["oak"], "colors": [], "styles": [], "brands": brands}
    assert ground({}, "no ikae", vocabulary, shopping=True) == {"exclude_brand": "IKEA"}
    assert ground({"category": "table"}, "i search one table for eat", vocabulary, shopping=True)["category"] == "Dining Tables"
    assert ground({"category": "chairs"}, "chairs for garden", vocabulary, shopping=True)["category"] == "Outdoor Chairs"


def test_measurements_and_attributes_of_other_things():
    from bot.dialogue.constraints import catalog_dimensions
    from bot.dialogue.grounding import ground
    from bot.nlu.normalize import measure_meaning

    text = "blackout curtains, 84 inches long"
    assert measure_meaning(text, "price_max", text.index("84") + 2) == "size"
    assert measure_meaning("a stand for my 65 inch tv", "size", len("a stand for my 65")) is None
    assert measure_meaning("under 84 dollars", "price_max", len("under 84 dollars")) == "price_max"
    sizes = ["5' x 8'", "8' x 10'", '50" x 84"', '50" x 96"', "6' round"]
    assert catalog_dimensions("5x8", sizes) == ["5' x 8'"] and catalog_dimensions("84 inches long", sizes) == ['50" x 84"']
    assert catalog_dimensions("6", sizes) == []  # "a patio set for six": no measurement
    vocabulary = {"categories": ["Throw Pillows", "Rugs", "Sofas"], "colors": ["green", "walnut"], "materials": ["velvet"],
                  "styles": ["bohemian"], "brands": []}
    assert ground({"category": "throw pillows", "color": "green", "material": "velvet"}, "throw pillows for a green sofa, velvet",
                  vocabulary, shopping=True) == {"category": "Throw Pillows", "material": "velvet"}
    assert "color" not in ground({"category": "rug", "color": "walnut"}, "a rug to go with my walnut floors", vocabulary, shopping=True)
    assert "color" not in ground({"category": "sofa", "color": "organic"}, "organic sofa", vocabulary, shopping=True)
