"""Shopper words met in blind round 127 (Blue Monday in January and a Memorial Day Friday): "add it. and a rug for
next to her bed, pink if you have it" (into the cart, then rugs), "the rust one is cute. anything in green?", "in
white? to match the tablecloths", "any cheaper white ones" of "one chair" under outdoor chairs, "its a rug, the colour
is nothing like the photo" after a return question, "it's the velvet armchair, 1400 bucks" after a cancellation,
"nothing light coloured, it'll get filthy", "apparently today is blue monday", "i need one i can actually throw in the
wash" (a rug, no throw), "thank u!! now coffee ☕", "do u have bar stools? our kitchen island needs like 3", "do you
have fans? desk fan, ceiling fan, anything", "only ones that don't need one" (a box spring), "it has to be ok
outdoors", "are they rattan?", "ugh only one. fine, goodnight", "whatever, i'll deal w it tomorrow", "you've been more
helpful than my bank today", "will orders still ship monday" and "the cheapest one of those too pls"."""

from __future__ import annotations

import re

from bot.dialogue import manager, phrases
from bot.dialogue.constraints import _feature_paraphrases
from bot.dialogue.grounding import ground
from bot.dialogue.requests import split_requests
from bot.nlu.normalize import _not_money_in

_VOCABULARY = {"categories": ["Rugs", "Coffee Tables", "Throw Pillows"], "colors": ["white", "cream", "charcoal", "ivory"]}


def _asks(key: str, text: str) -> str | None:
    lowered = " " + re.sub(r"[-_/]", " ", text.lower()) + " "
    return next((value for pattern, value in _feature_paraphrases(key) if re.search(pattern, lowered)), None)


def test_two_requests_after_a_cart_command():
    assert split_requests("add it. and a rug for next to her bed, pink if you have it") == [
        "add it", "a rug for next to her bed, pink if you have it"]
    assert split_requests("add it please") == ["add it please"]


def test_grounding():
    assert "category" not in ground({"category": "coffee"}, "thank u!! now coffee ☕", _VOCABULARY, shopping=False)
    assert ground({"category": "coffee tables"}, "a coffee table", _VOCABULARY, shopping=True).get("category")
    light = ground({"price_max": 250.0, "exclude_material": "light coloured"}, "under 250 and nothing light coloured, it'll get filthy",
                   _VOCABULARY, shopping=True)
    assert "exclude_material" not in light and set(light["exclude_color"]) == {"white", "cream", "ivory"}
    assert "color" not in ground({"color": "blue"}, "apparently today is blue monday, cheer me up?", _VOCABULARY, shopping=False)
    assert _not_money_in("do u have bar stools? our kitchen island needs like 3", "3")


def test_features_and_closings():
    assert _asks("box spring required", "ugh i don't want to buy a box spring too. only ones that don't need one") == "no"
    assert _asks("indoor/outdoor", "a rug to go under the patio table, it has to be ok outdoors") == "yes"
    assert manager._ARE_THEY.match("are they rattan? going for a boho look out there")
    assert manager._ARE_THEY.match("and is boucle ok with a dog that sheds like crazy?")
    assert not manager._ARE_THEY.match("is there a fee for cancelling?")
    assert manager._LATER_THEN.search("whatever, i'll deal w it tomorrow")
    assert phrases.COMPLIMENT.search("ok thank you, you've been more helpful than my bank today")
    assert manager._THANKS_FIRST.match("ok cool, thx for being up this early lol")
    assert phrases.ADD_SUPERLATIVE.match("the cheapest one of those too pls")
