"""Shopper words met in blind rounds 43-45: a mirror to "lean against the bedroom wall", "walnut and mustard tones"
for a room, "the mustard ones are way too pricey", a refund question whose return was already made, "do i get the
full amount back", "she's got a green sofa" said of a gift's recipient, "and how many nights trial", "a tiny one bed
flat", "for a king bed" said alone while bedding is chosen."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.requests import split_requests
from bot.dialogue.service import ShopPolicy
from retrieval.product import Product

VOCABULARY = {"categories": ["Sofas", "Beds", "Sheets & Duvets", "Throw Pillows", "Mirrors", "Coffee Tables",
                             "Armchairs", "Dining Chairs"],
              "colors": ["green", "walnut", "mustard", "beige"], "materials": ["velvet", "linen"], "styles": [],
              "brands": []}


def _mirror(pid: str, mounting: str) -> Product:
    return Product(id=pid, title=f"Mirror {pid}", category=["Decor", "Mirrors"], price=100.0,
                   attributes={"mounting": mounting})


def test_a_mirror_to_lean_against_the_bedroom_wall_leans():
    mirrors = [_mirror("M1", "lean"), _mirror("M2", "wall"), _mirror("M3", "wall or lean")]
    said, _ = asked_attributes("want a big mirror i can lean against the bedroom wall", mirrors)
    assert said == {"mounting": "lean"}  # the wall is where it leans, not a wall-mounted mirror
    assert asked_attributes("a mirror to hang on the wall", mirrors)[0] == {"mounting": "wall"}


@pytest.mark.parametrize("text, palette", [
    ("I'm going for a mid century vibe, walnut and mustard tones", True),
    ("a navy and white colour scheme", True),
    ("a walnut coffee table", False),
])
def test_colours_said_as_the_rooms_palette(text, palette):
    assert bool(phrases.PALETTE.search(text)) is palette


@pytest.mark.parametrize("text, all_shown", [
    ("hmm the mustard ones are way too pricey for me", True),
    ("they're all too expensive", True),
    ("these are a bit too pricey", True),
    ("something cheaper please", False),
    ("the first one is too expensive", False),
])
def test_all_of_them_too_dear_is_cheaper_than_every_one(text, all_shown):
    assert bool(phrases.ALL_TOO_DEAR.search(text)) is all_shown


@pytest.mark.parametrize("text, first", [
    ("hmm too expensive, anything under 300?", True),
    ("that's out of my budget", True),
    ("anything under 100?", True),
    ("under 300 please", False),
])
def test_the_price_put_first(text, first):
    assert bool(phrases.TOO_DEAR.search(text)) is first


def test_mustard_if_youve_got_one_is_a_wish():
    assert phrases.SAID_SOFTLY.search("now an armchair in that style, mustard if you've got one")
    assert phrases.SAID_SOFTLY.search("green if you got any")


def test_a_return_already_made_is_the_story_of_a_refund_question():
    assert split_requests("where is my refund?? sent back a dresser 2 weeks ago and nothing yet") == [
        "where is my refund?? sent back a dresser 2 weeks ago and nothing yet"]
    # a return asked for after another request still splits
    assert len(split_requests("where is my order 30417? and can I send the lamp back?")) == 2


@pytest.mark.parametrize("text", [
    "do i get the full amount back or do you take off shipping",
    "is there a restocking fee?",
    "is the shipping refunded?",
])
def test_how_much_comes_back_is_answered_from_the_policy(text):
    assert service.topic("refund", text) == "amount"
    assert not service.needs_order_id("refund", text)
    answer, _ = service.answer("refund", None, ShopPolicy(), text=text)
    assert "full price" in answer and "restocking" in answer


def test_a_restocking_fee_on_returns_needs_no_order_number():
    assert service.topic("return_item", "is there a restocking fee on returns?") == "amount"
    assert not service.needs_order_id("return_item", "is there a restocking fee on returns?")
    assert service.needs_order_id("return_item", "I want to return my chair")


def test_the_recipients_sofa_colour_is_no_wish():
    text = "hii looking for velvet throw pillows as a christmas present for my sister, she's got a green sofa"
    slots = ground({"material": "velvet", "category": "Throw Pillows", "color": "green"}, text, VOCABULARY, shopping=True)
    assert slots.get("category") == "Throw Pillows" and "color" not in slots


def test_a_one_bed_flat_is_no_bed():
    text = ("hi! just moved into a tiny one bed flat and need a sofa that wont eat the whole living room. velvet would "
            "be nice, max 1500")
    slots = ground({"material": "velvet", "price_max": 1500.0}, text, VOCABULARY, shopping=True)
    assert slots.get("category") == "Sofas"
    assert ground({}, "a bed for the spare room", VOCABULARY, shopping=True).get("category") == "Beds"


def test_for_a_king_bed_said_alone_is_where_it_goes():
    slots = ground({"size": "King", "category": "Beds"}, "for a king bed", VOCABULARY, shopping=True)
    assert "category" not in slots and slots.get("size") == "King"
    assert ground({"category": "Beds"}, "a king bed please", VOCABULARY, shopping=True).get("category") == "Beds"


@pytest.mark.parametrize("text", ["and how many nights trial do i get with it", "so what's the warranty",
                                  "ok how wide is it"])
def test_a_question_after_and_or_so(text):
    assert phrases.is_question(text)
