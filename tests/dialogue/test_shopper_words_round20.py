"""Shopper words met in blind round 20 (a representative weekday and weekend): features asked of the list,
TVs that fit, weight capacities, leaning mirrors, budgets for a whole room, dates, farewells."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.product_qa import answer
from retrieval.product import Product


@pytest.mark.parametrize("text, pattern", [
    ("do any of these come with cushions?", phrases.ANY_OF_THESE),
    ("foldable ones?", phrases.FEATURE_ONES),
    ("we need a bed delivered by friday the 12th, possible?", phrases.DELIVERED_BY),
    ("it needs adjustable shelves", phrases.IT_NEEDS),
    ("redoing the living room, got about 2000 to spend on everything", phrases.TOTAL_BUDGET),
    ("ok thanks, gotta run", phrases.FAREWELL),
    ("ok anything similar I could get now?", phrases.IN_STOCK),
])
def test_phrases_of_round_20(text, pattern):
    assert pattern.search(text)


def test_any_of_these_with_a_feature_is_still_a_filter():
    assert not phrases.ANY_OF_THESE.match("any of those with storage drawers?")


def test_a_tv_fits_or_not_by_the_largest_listed():
    stand = Product(id="t", title="Rowan TV Stand", category=["TV Stands"], attributes={"fits tvs up to": '55"'})
    assert answer("does the first one fit a 65 inch", stand)[0].startswith("No")
    assert answer('will it take a 50" tv?', stand)[0].startswith("Yes")


def test_weight_capacity_and_leaning_mirrors():
    chairs = [Product(id=str(i), title="Chair", category=["Office Chairs"], attributes={"weight capacity": v})
              for i, v in enumerate(["250 lbs", "350 lbs", "400 lbs"])]
    assert asked_attributes("office chair for a big guy, at least 350 lbs weight capacity", chairs)[1] == {"weight capacity": 350.0}
    mirrors = [Product(id=str(i), title="Mirror", category=["Mirrors"], attributes={"mounting": v})
               for i, v in enumerate(["lean", "wall", "wall or lean"])]
    assert asked_attributes("full length mirror I can just lean against the wall", mirrors)[0] == {"mounting": "lean"}


def test_lounge_chairs_for_the_deck_are_outdoor_chairs():
    vocabulary = {"categories": ["Armchairs", "Outdoor Chairs", "Sofas"]}
    assert ground({"category": "lounge chairs"}, "a couple of lounge chairs for the deck", vocabulary,
                  shopping=True)["category"] == "Outdoor Chairs"
    assert ground({"category": "armchair"}, "an armchair for the living room", vocabulary, shopping=True)["category"] == "Armchairs"


def test_service_words_of_round_20():
    assert service.topic("cancel_order", "is there a fee for cancelling?") == "policy"
    assert "address" in service.ask_order_id("shipping_address", "I need to change the delivery address on my order")
    assert service.says_damaged("hi, got my desk yesterday and one of the legs is bent")
