"""Shopper words met in blind rounds 70-71: "will i be charged anything for cancelling?" (the cancellation rules,
with the fee), "do these come with a trial period? I've never bought a mattress online" (why they ask, not a
second request), "aw the green one is cute, i'll take it" (into the cart), "which one is the tallest?" and "is
the first one wider than the second?" (one measure of the listed sizes), "ok thanks, that's it for tonight,
night!" (a goodbye); rounds 72-73's "sheets for a queen bed, cotton, nothing too fancy" (cotton wanted), "6+ seats",
"foldable ones? storage is tight" (those with the feature), "still no refund. how long does it normally take?" (the
usual time, then which order), "linen would be nice" (a nicety that gives way when nothing is linen); rounds 74-75's "the sun comes up at like 6" (a
time, not a budget), "so much light comes into our bedroom at 6am" (the light is the trouble: curtains), a home office's
"chair", "a bistro set or a couple of outdoor chairs" (both kinds); rounds 76-77's "do you charge for return shipping?"
and "might just wait till spring lol. thanks anyway"."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, product_qa, service
from bot.dialogue.constraints import _SEATS
from bot.dialogue.grounding import unnegated_exclusions
from bot.dialogue.manager import _FEATURE_ONES, _OR_BETWEEN, _in_room
from bot.dialogue.problems import problem_in
from bot.dialogue.search import _nicety
from bot.nlu.normalize import _not_money_in
from bot.dialogue.requests import split_requests
from retrieval.product import Product


@pytest.mark.parametrize("text, policy", [
    ("will i be charged anything for cancelling?", True),
    ("do I get charged if I cancel?", True),
    ("does it cost anything to cancel an order?", True),
    ("is there a cancellation fee?", True),
    ("please cancel order 123456", False),
    ("i was charged twice, please cancel my order", False),
])
def test_a_question_about_the_cost_of_cancelling(text, policy):
    assert (service.topic("cancel_order", text) == "policy") is policy


def test_the_cancellation_rules_name_the_fee():
    text, _ = service._cancel_policy("your order", service.ShopPolicy(), "Talk to a person")
    assert "free of charge" in text
    priced, _ = service._cancel_policy("your order", service.ShopPolicy(cancellation_fee=15), "Talk to a person")
    assert "$15.00 cancellation fee" in priced


@pytest.mark.parametrize("text, parts", [
    ("do these come with a trial period? I've never bought a mattress online", 1),
    ("where is my order 30417? also do you accept apple pay?", 2),
])
def test_never_having_bought_online_is_why_they_ask(text, parts):
    assert len(split_requests(text)) == parts


@pytest.mark.parametrize("text, takes", [
    ("aw the green one is cute, i'll take it", True),
    ("the second looks nice, i'll take it", True),
    ("nice, we'll take that one please", True),
    ("ok, gonna get it", True),
    ("i'll take it", False),  # said alone: TAKE_THAT's
    ("the green one is cute", False),
    ("i'll take it if it comes in blue?", False),
])
def test_a_clause_then_ill_take_it(text, takes):
    assert bool(phrases.TAKE_IT_AFTER.match(text)) is takes


@pytest.mark.parametrize("text, leaving", [
    ("ok thanks, that's it for tonight, night!", True),
    ("thanks, that's all for tonight", True),
    ("that's everything for today", True),
    ("is that all for the lamp?", False),
])
def test_that_is_it_for_tonight(text, leaving):
    assert bool(phrases.FAREWELL.search(text)) is leaving


def _bookcase(pid: str, size: str, price: float) -> Product:
    return Product(id=pid, title=f"Bookcase {pid}", category=["Furniture", "Bookcases"], size=size, price=price)


SHELVES = [_bookcase("A", '47" W x 14" D x 52" H', 219), _bookcase("B", '51" W x 12" D x 37" H', 89),
           _bookcase("C", '26" W x 12" D x 63" H', 89)]


@pytest.mark.parametrize("question, winner, measure", [
    ("which one is the tallest?", "#3", 'height 63"'),
    ("which is the shortest", "#2", 'height 37"'),
    ("which one is widest?", "#2", 'width 51"'),
    ("which is the narrowest one", "#3", 'width 26"'),
    ("which is the deepest?", "#1", 'depth 14"'),
])
def test_which_one_by_one_measure(question, winner, measure):
    answer = product_qa.which(question, SHELVES, [1, 2, 3])
    assert answer.startswith(f"{winner}, the ") and measure in answer


def test_wider_is_the_width_not_the_bulk():
    # by bulk (W x D x H) the first is bigger; the second is the wider one
    assert product_qa.which("which is wider?", SHELVES[:2], [1, 2]).startswith("#2")


@pytest.mark.parametrize("question, refs, start", [
    ("is the first one wider than the second?", [1, 2], "No: #2"),
    ("is 1 taller than 2", [1, 2], "Yes: #1"),
    ("is #2 cheaper than #1?", [2, 1], "Yes: #2"),
    ("is #2 cheaper than #3?", [2, 3], "No: they're the same on price"),
])
def test_is_one_more_than_the_other(question, refs, start):
    products = [SHELVES[r - 1] for r in refs]
    assert product_qa.is_more_than(question, products, refs).startswith(start)


def test_a_comparison_that_is_not_a_yes_no_question():
    assert product_qa.is_more_than("which is wider, 1 or 2?", SHELVES[:2], [1, 2]) is None
    assert product_qa.is_more_than("is the first one in stock?", SHELVES[:2], [1, 2]) is None


def test_a_material_listed_before_nothing_too_fancy_is_wanted():
    slots = {"category": "sheets", "size": "queen", "exclude_material": "cotton"}
    read = unnegated_exclusions(slots, "need new sheets for a queen bed, cotton, nothing too fancy")
    assert read.get("material") == "cotton" and "exclude_material" not in read
    kept = unnegated_exclusions({"category": "sofa", "exclude_material": "leather"}, "a sofa, not leather, grey")
    assert kept.get("exclude_material") == "leather"


@pytest.mark.parametrize("text, seats", [
    ("a big sectional for the family room, 6+ seats, performance fabric", "6"),
    ("dining table, 8 or more people", "8"),
    ("a 3-seater sofa", "3"),
    ("a sofa under 6", None),
])
def test_seats_said_with_a_plus(text, seats):
    found = _SEATS.search(text)
    assert (next(g for g in found.groups() if g) if found else None) == seats


@pytest.mark.parametrize("text, feature", [
    ("foldable ones? storage is tight", "foldable"),
    ("any washable ones? we have a dog", "washable"),
    ("hmm, extendable ones?", "extendable"),
    ("do you have foldable chairs?", None),
])
def test_feature_ones_asked(text, feature):
    found = _FEATURE_ONES.search(text)
    assert (found.group(1) if found else None) == feature


def test_how_long_a_refund_takes_then_which_order():
    text = service.ask_order_id("refund", "I sent back a rug two weeks ago and still no refund. how long does it normally take?",
                                service.ShopPolicy())
    assert "5-10 business days" in text and "order number" in text and text.startswith("I'm sorry")
    plain = service.ask_order_id("refund", "where is my refund", service.ShopPolicy())
    assert "business days" not in plain


@pytest.mark.parametrize("text, values, nicety", [
    ("need new sheets for my queen bed. linen would be nice", {"linen"}, True),
    ("a sofa, velvet would be a bonus", {"velvet"}, True),
    ("a black floor lamp if possible", {"black"}, False),
    ("linen sheets, queen", {"linen"}, False),
])
def test_a_nicety_said_now(text, values, nicety):
    assert _nicety(text, values) is nicety


@pytest.mark.parametrize("text, span, money", [
    ("ugh the sun comes up at like 6 and blasts straight into our bedroom window", "6", False),
    ("the kids get home at 4 and wreck the sofa", "4", False),
    ("a lamp at like 6 dollars", "6", True),
    ("a rug under 60", "60", True),
])
def test_a_small_number_after_at_is_a_time(text, span, money):
    assert _not_money_in(text, span) is not money


@pytest.mark.parametrize("text, named, category", [
    ("so much light comes into our bedroom at 6am, it's driving me mad", "light", "curtain"),
    ("so much light comes into our bedroom at 6am", None, "curtain"),
    ("a light for the bedroom, reading at night", "light", None),
])
def test_too_much_light_is_the_trouble(text, named, category):
    found = problem_in(text, named)
    assert (found.category if found else None) == category


@pytest.mark.parametrize("room, level, inside", [
    ("home office", "Office", True),
    ("Dining Room", "Dining Room", True),
    ("dining room", "Living Room", False),  # "room" alone says no room
    ("Bedroom", "Bedroom", True),
    ("kids room", "Office", False),
])
def test_a_category_level_of_the_room_named(room, level, inside):
    assert _in_room(room, level) is inside


@pytest.mark.parametrize("between, either", [
    (" or a couple of ", True),
    (", or maybe a ", True),
    (" or ", True),
    (" and ", False),
    (" to go with the ", False),
])
def test_two_kinds_offered_as_alternatives(between, either):
    assert bool(_OR_BETWEEN.fullmatch(between)) is either


@pytest.mark.parametrize("text, amount", [
    ("and do you charge for return shipping?", True),
    ("is there a fee for the return label?", True),
    ("how long do I have to send stuff back", False),
])
def test_the_cost_of_return_shipping(text, amount):
    assert (service.topic("return_item", text) == "amount") is amount


@pytest.mark.parametrize("text, puts_off", [
    ("ok might just wait till spring lol. thanks anyway", True),
    ("i'll wait for the sales", True),
    ("wait, is it in stock?", False),
])
def test_waiting_for_later(text, puts_off):
    assert bool(phrases.PUTS_OFF.search(text)) is puts_off
