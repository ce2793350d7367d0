"""Shopper words met in blind round 128 (a back-to-school Thursday in a heat wave and a stormy November Saturday):
"we have 10 at christmas" (people, not $10), "trees down on our road" (no down filling), "2 single beds" (twin), "a
desk chair that won't wreck his back", "blasted with sun at 6am", "tiled floors and my feet are like ice blocks",
"is jute scratchy?", "which of these sleeps cooler?", "they said 97" (the heat), "you don't sell fence panels by any
chance?", "hey there! rough day", "stay dry out there!" and "can it at least come on a saturday?"."""

from __future__ import annotations

from bot.dialogue import manager, phrases, service
from bot.dialogue.grounding import ground
from bot.dialogue.kinds import KINDS
from bot.dialogue.problems import problem_in
from bot.nlu.normalize import _not_money_in

_VOCABULARY = {"categories": ["Beds"], "materials": ["down", "solid wood"], "sizes": ["Twin", "Queen"]}


def test_numbers_that_are_no_budget():
    assert _not_money_in("extendable ones only, we have 10 at christmas", "10")
    assert _not_money_in("lol fair. is it gonna be as hot as yesterday? they said 97 🥵", "97")
    assert not _not_money_in("a rug under 97 please", "97")


def test_grounding():
    slots = ground({"category": "Beds", "material": "down"}, "trees down on our road, school's shut. do you do bunk beds?",
                   _VOCABULARY, shopping=True)
    assert "material" not in slots
    assert ground({"category": "Pillows", "material": "down"}, "a down pillow please", _VOCABULARY, shopping=True)["material"] == "down"
    assert ground({"category": "Beds", "price_max": 400.0}, "ok then 2 single beds, under 400 each", _VOCABULARY,
                  shopping=True)["size"] == "Twin"


def test_problems_and_kinds():
    assert problem_in("he needs a desk chair that won't wreck his back, nothing over 200").features == {"lumbar support": "yes"}
    assert problem_in("my daughter's room gets blasted with sun at 6am, she needs her sleep").category == "curtain"
    assert problem_in("our kitchen diner has tiled floors and my feet are like ice blocks 🥶").category == "rug"
    assert any(k.name == "fence panels" for k in KINDS)


def test_questions_and_closings():
    assert manager._ARE_THEY.match("is jute scratchy? we walk around barefoot a lot")
    assert phrases.FAREWELL.search("ok good to know. stay dry out there!")
    assert service.shop_topic("can it at least come on a saturday? i work nights so weekdays are hard") == "delivery_options"
