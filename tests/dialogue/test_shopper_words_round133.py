"""Shopper words met in blind round 133 (a muggy July Thursday with a power cut and a frosty Monday in December):
"i'm vetoing mustard", "i sleep sooo hot", "my back is killing me after sitting at my desk all morning", "can
anything get here by tomorrow??", "ok stretch to 80 then", "nvm i'll grab a candle at the petrol station lol.
thanks tho", "👍", "thanks for being nicer than my partner lol" and "have a good night" said with a compliment."""

from __future__ import annotations

from bot.dialogue import manager
from bot.dialogue.grounding import ground, unnegated_exclusions
from bot.dialogue.problems import problem_in


def test_refusals_and_budgets():
    assert ground({"color": "mustard"}, "i'm vetoing mustard 🙃", {"colors": ["mustard"]}, shopping=True) == {"exclude_color": "mustard"}
    assert unnegated_exclusions({"exclude_color": "mustard"}, "i'm vetoing mustard 🙃") == {"exclude_color": "mustard"}
    assert ground({"price_min": 80.0}, "ok stretch to 80 then", {}, shopping=True) == {"price_max": 80.0}
    assert ground({}, "can you go up to 1.5k", {}, shopping=True)["price_max"] == 1500.0
    assert "price_max" not in ground({}, "a table that seats up to 6", {}, shopping=True)


def test_troubles():
    assert problem_in("i sleep sooo hot and this heat is killing me. my mattress is like an oven").features == {"cooling": "yes"}
    assert problem_in("on my lunch break and my back is killing me after sitting at my desk all morning").category == "office chair"


def test_service_and_closings():
    assert manager._ARRIVES_IN_TIME.search("i totally forgot my secret santa 😭 can anything get here by tomorrow??")
    assert manager._THANKS_ANYWAY.search("nvm i'll grab a candle at the petrol station lol. thanks tho")
