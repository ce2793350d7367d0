"""Shopper words met in blind rounds 78-79: "fine. the order number is 80215" (the order asked for, after a
cancellation question), "how long does delivery usually take to 30309?" (a postcode, never an order number),
"must have cable management, walnut-ish if possible" and "washable pls, 5x8 if poss" (the feature holds, the wish
gives way), "firmer ones only" (the firm grades), "coffee table w storage" (one with storage), "winding down for
the night" (no down filling)."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.manager import _FEATURE_ONES, _POSTCODE
from bot.dialogue.problems import problem_in
from bot.dialogue.search import _feature_said_plainly
from bot.dialogue.state import SearchFilter
from retrieval.demo_catalog import catalog_vocabulary


@pytest.mark.parametrize("text, only_id", [
    ("fine. the order number is 80215", True),
    ("ok, it's 55102", True),
    ("sorry, order A-40417 thanks", True),
    ("fine, show me sofas", False),
    ("yes it is 12 sofas", False),
])
def test_an_order_number_after_an_acknowledgement(text, only_id):
    assert bool(phrases.JUST_ORDER_ID.match(text)) is only_id


@pytest.mark.parametrize("text, postcode", [
    ("how long does delivery usually take to 30309", True),
    ("ok and how long does delivery usually take to 30309?", True),
    ("how much is shipping to 90210", True),
    ("my delivery for order 30309 is late", False),
    ("has order 81552 shipped yet?", False),
])
def test_a_postcode_after_delivery(text, postcode):
    assert bool(_POSTCODE.search(text)) is postcode


@pytest.mark.parametrize("text, plain", [
    ("need a tv stand for our new 65 inch telly, must have cable management, walnut-ish if possible", True),
    ("a tv stand with cable management, walnut if possible", True),
    ("a tv stand, cable management ideally", False),
    ("tv stand, walnut-ish, cable management would be nice", False),
    ("blue or navy if you have it", False),  # a colour asked for now, the feature said before
])
def test_a_feature_asked_plainly_beside_a_wish(text, plain):
    f = SearchFilter(categories=["TV Stands"], colors=["walnut"], attributes={"cable management": "yes"})
    assert _feature_said_plainly(text, f) is plain
    assert _feature_said_plainly(text, f.model_copy(update={"attributes": {}})) is False  # no feature: nothing holds


def _of(catalog, category: str):
    return [p for p in catalog if p.leaf_category == category]


@pytest.mark.parametrize("text, firmness", [
    ("firmer ones only", "firmer"),
    ("something softer please", "softer"),
    ("a firm one", "firm"),
    ("my mattress is way too soft, need a queen", None),  # the trouble, not the wish
])
def test_firmer_and_softer_ask_for_the_firmness(catalog, text, firmness):
    said, _ = asked_attributes(text, _of(catalog, "Mattresses"))
    assert said.get("firmness") == firmness


def test_w_for_with_asks_for_storage(catalog):
    said, _ = asked_attributes("coffee table w storage, oak ideally", _of(catalog, "Coffee Tables"))
    assert said.get("storage") == "yes"
    said, _ = asked_attributes("a coffee table, oak ideally", _of(catalog, "Coffee Tables"))
    assert "storage" not in said


@pytest.mark.parametrize("text, named", [
    ("the street lamp right outside our bedroom window keeps us up at night, need something to block the light", None),
    ("the street lamp right outside our bedroom window keeps us up at night, need something to block the light", "Lighting"),
    ("need something to block out the sun in the nursery", None),
])
def test_a_light_to_block_is_curtains(text, named):
    problem = problem_in(text, named)
    assert problem is not None and problem.category == "curtain"


def test_a_harsh_bedside_lamp_is_still_a_lamp():
    assert problem_in("my bedside lamp is way too harsh. want something dimmable, under $80", "Table Lamps") is None


@pytest.mark.parametrize("text, down", [
    ("winding down for the night and my bedside lamp is way too harsh. want something dimmable, under $80", False),
    ("can you move the shelves up and down?", False),
    ("a down duvet for winter", True),
])
def test_down_said_as_a_word_is_no_filling(catalog, text, down):
    vocab = catalog_vocabulary(catalog)
    for field in ("material", "exclude_material"):
        slots = ground({field: "down", "category": "Table Lamps"}, text, vocab, shopping=True)
        assert (slots.get(field) == "down") is down


@pytest.mark.parametrize("text, feature", [
    ("hmm we got a puppy last month, any pet friendly ones?", "pet friendly"),
    ("so cute. washable ones?", "washable"),
    ("what are the other ones like?", None),
])
def test_feature_ones_asked_after_a_clause(text, feature):
    found = _FEATURE_ONES.search(text)
    assert (found.group(1) if found else None) == feature
