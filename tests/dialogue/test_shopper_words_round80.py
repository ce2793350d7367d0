"""Shopper words met in blind rounds 80-81: "nice one, thank you" (thanks, not goodbye), "friday night, glass of
wine, ... something velvet" (velvet, not glass), "a queen mattress that actually sleeps cool" (cooling), "she's
obsessed with green and anything velvet" (a gift's recipient's taste, which gives way), "one with cable
management, the wires drive me mad" (a wish for what is shown, not a complaint), "is there any way to spread the
cost over a few months?" (instalments), "two payments of $459 for order 71845" (the order, not the amount) and
"how soon will the extra one come back to me?" (the money back)."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.manager import _ONE_WITH
from bot.nlu.normalize import normalize_slots
from retrieval.demo_catalog import catalog_vocabulary


@pytest.mark.parametrize("text, only_thanks", [
    ("nice one, thank you", True),
    ("perfect, thanks so much!", True),
    ("thanks, bye", False),
    ("cheers, that's me done", False),
    ("thank you so much, have a good day", False),
])
def test_thanks_and_nothing_else(text, only_thanks):
    assert (phrases.closing(text) == "thanks") is only_thanks


def test_the_glass_of_a_drink_is_no_material(catalog):
    vocab = catalog_vocabulary(catalog)
    text = "friday night, glass of wine, finally looking at sofas 🍷 something velvet, max 1500"
    assert ground({"material": "glass", "category": "Sofas"}, text, vocab, shopping=True).get("material") == "velvet"
    assert ground({"material": "glass"}, "a glass of water would be nice, and a glass coffee table", vocab,
                  shopping=True).get("material") == "glass"  # the table's glass is asked for


@pytest.mark.parametrize("text, cooling", [
    ("Need a new queen mattress that actually sleeps cool, medium-firm if possible", "yes"),
    ("one that stays cool at night", "yes"),
    ("a queen mattress under 1000", None),
])
def test_sleeping_cool_asks_for_cooling(catalog, text, cooling):
    said, _ = asked_attributes(text, [p for p in catalog if p.leaf_category == "Mattresses"])
    assert said.get("cooling") == cooling


@pytest.mark.parametrize("text, theirs", [
    ("she's obsessed with green and anything velvet", True),
    ("they're really into boho", True),
    ("he is a fan of leather", True),
    ("she loves green", True),
    ("the sheets are into the wash", False),
])
def test_someone_elses_taste(text, theirs):
    assert bool(phrases.THEIR_TASTE.search(text)) is theirs


@pytest.mark.parametrize("text, wish", [
    ("one with cable management, the wires drive me mad", True),
    ("ok something with drawers pls", True),
    ("I want to complain about the one with the broken drawer", False),
])
def test_one_with_a_feature(text, wish):
    assert bool(_ONE_WITH.match(text)) is wish


def test_spreading_the_cost_is_instalments():
    assert service.asks_installments("And is there any way to spread the cost over a few months?")
    assert service.asks_installments("can I split the payment?")
    assert not service.asks_installments("how much is delivery?")


def test_an_amount_is_not_the_order_number():
    text = "Hi, my bank shows two payments of $459 for order 71845. I only ordered once!"
    slots = normalize_slots(text, [("price_max", "$459"), ("order_id", "459"), ("order_id", "71845")])
    assert slots["order_id"] == "71845"
    assert normalize_slots("order 459 is late", [("order_id", "459")])["order_id"] == "459"


def test_the_extra_one_back_is_money_back():
    assert phrases.MONEY_BACK.search("how soon will the extra one come back to me?")
    assert not phrases.MONEY_BACK.search("will the extra chair come with cushions?")
