"""Shopper words met in blind rounds 84-85: "has to seat 4 people at least, under 700" (a ceiling, the count is the
seats), "a patio set that seats at least 6 and is waterproof" (one request), "do I need to keep the box for when it
gets picked up?" (the return), "can you at least tell me whether it has left your warehouse?" (the order), "the new
one is 22 Birch Lane, apt 4B" (the address), "swap it for the white version instead" (a change of order), "I
ordered a navy rug and a beige one showed up" (a wrong item), "carry a dresser up to my 3rd floor apartment"
(delivery inside), "a drawer that won't close properly" (a defect), "jute only please, no synthetics" (jute),
"shame. do any of these come with the insert?" (a question of each), books everywhere, a bedside lamp too dim and
the sun at 5:30 (the products that help), "tall please, at least 60 inches" (the height), "ok medium then" (the
middle grade itself), "pull chains drive me mad" (the trouble, not the wish), "80 lbs" (the weight capacity), "the
invoice has the wrong product on it" (the invoice) and "how's your day going?" (part of a greeting)."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.dimensions import read_limits
from bot.dialogue.grounding import ground
from bot.dialogue.problems import problem_in
from bot.dialogue.product_qa import _attribute_match
from bot.dialogue.requests import asks_about_them
from bot.nlu.normalize import parse_price
from retrieval.demo_catalog import catalog_vocabulary
from retrieval.filters import matches
from retrieval.types import SearchFilter


def _of(catalog, category):
    return [p for p in catalog if category in p.category]


def test_a_price_after_a_count_of_people_is_a_ceiling():
    assert parse_price("least, under 700") == (None, 700.0)
    assert parse_price("at least, under 700") == (None, 700.0)


@pytest.mark.parametrize("part, asks", [
    ("is waterproof. budget is 1k", False),
    ("does the first one fold?", True),
    ("how wide is it", True),
    ("is it waterproof", True),
])
def test_a_clause_that_goes_on_with_the_wish_asks_nothing(part, asks):
    assert asks_about_them(part) is asks


@pytest.mark.parametrize("text, said", [
    ("do I need to keep the box for when it gets picked up?", True),
    ("and will someone collect the broken one or do i have to drop it off somewhere", True),
    ("do i need the original box? we already put it out for recycling", True),
    ("a box frame mirror", False),
])
def test_how_a_return_goes_back(text, said):
    assert bool(phrases.RETURN_PICKUP.search(text)) is said


@pytest.mark.parametrize("text, said", [
    ("Can you at least tell me whether it has left your warehouse?", True),
    ("can you at least tell me which courier has it so i can chase them", True),
    ("how long does delivery take?", False),
])
def test_where_an_order_is_now(text, said):
    assert bool(phrases.ORDER_WHEREABOUTS.search(text)) is said


def test_an_address_and_a_swap():
    assert phrases.STREET_ADDRESS.search("the new one is 22 Birch Lane, apt 4B")
    assert not phrases.STREET_ADDRESS.search("a birch side table for the lane")
    assert phrases.SWAP_IT.search("actually could you just swap it for the white version instead")


@pytest.mark.parametrize("text, topic", [
    ("um I ordered a navy rug and a beige one showed up?? order 70388", "return_item"),
    ("can the delivery guys carry a dresser up to my 3rd floor apartment?", "delivery_options"),
    ("also the invoice has the wrong product on it, can you send me a corrected one", None),
])
def test_shop_topics_said_in_these_words(text, topic):
    assert service.shop_topic(text) == topic


def test_a_drawer_that_wont_close_is_a_defect():
    assert service.says_damaged("the dresser I bought from you last week has a drawer that won't close properly")
    assert not service.says_damaged("a dresser with drawers that close softly")


def test_a_topic_named_in_its_own_words():
    assert service.topic_named("whats the latest time in the evening you guys deliver?") == "delivery_time"
    # the box a return goes back in (round 115: "and do I need the original box?" after a refund answer)
    assert service.topic_named("do i need the original box?") == "return_item"
    assert service.topic_named("is it a big box?") is None


def test_an_exclusion_the_catalog_cannot_filter_leaves_the_wish_read(catalog):
    slots = ground({"exclude_material": "synthetics"}, "jute only please, no synthetics", catalog_vocabulary(catalog),
                   shopping=True)
    assert slots.get("material") == "jute"


def test_a_question_of_each_after_a_word_of_regret():
    assert phrases.ANY_OF_THESE.match("shame. do any of these come with the insert?")
    assert phrases.ANY_OF_THESE.match("do any of these fold?")


@pytest.mark.parametrize("text, named, category", [
    ("books everywhere in this house. stacks on the floor, on the stairs, on the dining table", "dining table", "bookcase"),
    ("I read in bed every night and my bedside lamp is way too dim. want something dimmable", "bed", "table lamp"),
    ("the sun hits my daughters room at like 5:30 and shes up for the day. please help me", None, "curtain"),
])
def test_problems_and_what_helps(text, named, category):
    problem = problem_in(text, named)
    assert problem is not None and problem.category == category


def test_tall_before_a_measure_names_the_height():
    assert read_limits("tall please, at least 60 inches, and white if you have it").least == {"H": 60.0}


def test_medium_is_the_middle_grade_itself(catalog):
    medium = SearchFilter(categories=["Mattresses"], attributes={"firmness": "medium"})
    assert {p.attributes["firmness"] for p in _of(catalog, "Mattresses") if matches(p, medium)} == {"medium"}


def test_the_trouble_is_no_wish(catalog):
    lamps = _of(catalog, "Floor Lamps")
    said, _ = asked_attributes("it has to have a touch switch, pull chains drive me mad", lamps)
    assert said.get("switch") == "touch"


def test_a_weight_asks_for_the_weight_capacity(catalog):
    stand = next(p for p in _of(catalog, "TV Stands") if "weight capacity" in p.attributes)
    assert _attribute_match("will it hold the tv plus a soundbar, like 80 lbs together?", stand)[0] == "weight capacity"


def test_hows_your_day_is_part_of_the_greeting():
    assert not phrases.ASKS_SOMETHING_ELSE.search("good morning!! how's your day going?")
    assert phrases.ASKS_SOMETHING_ELSE.search("hi, what's the weather like?")


def test_common_words_name_no_topic():
    assert service.topic_named("can you just email it to me instead?") is None
