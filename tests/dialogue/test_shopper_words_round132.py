"""Shopper words met in blind round 132 (a windy Tuesday in late September and the Sunday of Memorial Day
weekend): "an outdoor rug for under our patio table", conversation sets, "its 5:40 on a sunday", "show
me washable ones under 400, 5x8 if poss", "2 more lounge chairs ... to match ours", "not polywood, our last ones
from them faded", "happy memorial day weekend!!", "whats the trick to keep burgers from falling apart",
"is this wind ever going to stop?", "my pillow is flat as a pancake", "can someone from your team sort it out",
"company is Brightwater Design Ltd", "we'll put it to a vote in the group chat 😂 thanks!", "the cheapest of those
too pls" and "for a 65 inch telly"."""

from __future__ import annotations

import json
from pathlib import Path

from bot.dialogue import manager, phrases
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.kinds import kinds_named
from bot.dialogue.problems import problem_in
from bot.nlu.normalize import _not_money_in, parse_item_refs
from retrieval.product import Product

_VOCABULARY = {"categories": ["Rugs", "Outdoor", "Outdoor Chairs", "Patio Sets"]}


def test_outdoor_things_and_sets():
    slots = ground({"category": "Outdoor", "room": "patio"}, "looking for an outdoor rug for under our patio table",
                   _VOCABULARY, shopping=True)
    assert slots["category"] == "Rugs"
    assert [k.name for k, _ in kinds_named("show me conversation sets first")] == ["conversation sets"]


def test_numbers():
    assert _not_money_in("ugh its 5:40 on a sunday and the sun is already blasting into our bedroom", "40")
    assert ground({}, "think it's ruined tbh. show me washable ones under 400, 5x8 if poss", {}, shopping=True)["price_max"] == 400.0
    assert "price_max" not in ground({}, "a desk under 30 inches wide", {}, shopping=True)
    assert parse_item_refs("not polywood, our last ones from them faded in a year") == []


def test_small_talk():
    assert manager._SEASON_WISHES.search("happy memorial day weekend!! 🇺🇸")
    assert manager._TIPS_ASKED.search("whats the trick to keep burgers from falling apart on the grill lol")
    assert manager._WEATHER_ASKED.search("haha fair. is this wind ever going to stop? my bins are in the neighbour's garden")
    assert phrases.TALK_TO_PERSON.search("can someone from your team sort it out for me tomorrow?")
    assert manager._COMPANY_NAMED.search("company is Brightwater Design Ltd if that helps")
    assert not phrases.ADD_THAT.search("ok we'll put it to a vote in the group chat 😂 thanks!")


def test_troubles_and_picks():
    assert problem_in("the pillow my sister got me has gone flat, need a firm one").features == {"firmness": "firm"}
    assert phrases.ADD_SUPERLATIVE.match("sweet, the cheapest of those too pls, student budget 😅")
    assert not phrases.ADD_SUPERLATIVE.match("the cheapest one please")
    stands = [Product(**json.loads(line)) for line in (Path(__file__).parents[2] / "retrieval/data/demo_catalog.jsonl").read_text().splitlines()
              if '"TV Stands"' in line]
    assert asked_attributes("need a tv stand for a 65 inch telly, with cable management", stands)[1] == {"fits tvs up to": 65.0}
