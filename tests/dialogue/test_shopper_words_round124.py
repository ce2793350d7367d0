"""Shopper words met in blind round 124 (an April Thursday after tax day and a payday Black Friday): "he hates grey"
(refused), "cool thanks, that's me sorted till my student loan comes in" and "thanks, gotta do the school run"
(closings, no refund, no cart), "how much would delivery be for two beds?", "the grey velvet one looks cosy ❤️",
"put it in the cart. now sheets for it", "perfect, 2 of the linen one please", "the cream one then, 2 of those", "ok
the casper one then, 2 pls", "a freezing cold bedroom floor" (a rug), "it's the bed frame" after an order number,
"the rust runner, can it go outside on the porch too?", "tax refund finally hit 💸 and we want to redo our bedroom",
"with cable management pls" under TV stands, "checked spam too. can a human sort it out?", "adding it 🛒 thanks",
"add it, back to work", "I will ask my granddaughter to order it" and "is this the furniture shop?"."""

from __future__ import annotations

from bot.dialogue import manager, phrases
from bot.dialogue.grounding import unnegated_exclusions
from bot.dialogue.problems import problem_in


def test_refusals_and_closings():
    assert unnegated_exclusions({"price_max": 300.0, "exclude_color": "grey"}, "under 300 and he hates grey") == {
        "price_max": 300.0, "exclude_color": "grey"}
    assert phrases.PUTS_OFF.search("Thank you, you have been very patient with me. I will ask my granddaughter to order it.")
    assert phrases.TALK_TO_PERSON.search("checked spam too. can a human sort it out?")
    assert not phrases.TALK_TO_PERSON.search("can a human really sit on it all day?")


def test_cart_words():
    for text in ("perfect, 2 of the linen one please", "the cream one then, 2 of those", "ok the casper one then, 2 pls"):
        assert manager._GETTING_THE_ONE.search(text), text
    assert phrases.ADD_IT.search("adding it 🛒 thanks, you're better company than my insomnia")
    found = manager._ADDED_THEN_FOR_IT.search("put it in the cart. now sheets for it, something warm, rust or mustard maybe")
    assert found and found.group(2) == "sheets"
    assert manager._LIKED_IT.search("the grey velvet one looks cosy ❤️") and not manager._LIKED_IT.search("the grey one looks small")


def test_questions_and_problems():
    assert phrases.DELIVERY_FEE.search("how much would delivery be for two beds?")
    assert problem_in("what's the best thing for a freezing cold bedroom floor").category == "rug"
    asked = manager._THE_ONE_THEN_ASKED.match("the rust runner, can it go outside on the porch too?")
    assert asked and asked.group(1) == "the rust runner"
