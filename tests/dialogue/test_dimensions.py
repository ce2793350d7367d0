"""Measures a product must keep to: read from the shopper's words, matched against the catalog's sizes."""

from __future__ import annotations

import pytest

from bot.dialogue.constraints import apply_slots, describe
from bot.dialogue.dimensions import read_limits
from bot.dialogue.grounding import ground
from bot.reply import product_line, reasons_for
from bot.dialogue.profile import UserProfile
from ranking.types import ScoredProduct
from retrieval.filters import dimensions, matches
from retrieval.product import Product
from retrieval.types import Candidate, SearchFilter


def desk(size: str | None) -> Product:
    return Product(id="d1", title="Vale Desk", price=139.0, category=["Furniture", "Office", "Desks"], size=size, color="white")


@pytest.mark.parametrize("size, expected", [
    ('59" W x 36" D x 32" H', {"W": 59, "D": 36, "H": 32}),
    ("5' x 8'", {"W": 60, "L": 96}),          # a rug: width by length, in feet
    ("8' round", {"W": 96, "L": 96}),
    ("2'6\" x 8' runner", {"W": 30, "L": 96}),
    ('18" x 18"', {"W": 18, "L": 18}),
    ("Queen", {}), ("Standard", {}), (None, {}),
])
def test_catalog_sizes_read_as_inches_by_letter(size, expected):
    assert dimensions(size) == pytest.approx(expected)


@pytest.mark.parametrize("text, most, least", [
    ("I need a narrow bookcase, max 30 inches wide", {"W": 30}, {}),
    ("a dresser no wider than 40 inches", {"W": 40}, {}),
    ("it can't be wider than 30 in", {"W": 30}, {}),
    ("nightstand no taller than 60cm", {"H": 60 / 2.54}, {}),
    ("I've only got about 120 cm of wall, what desks would fit there?", {"W": 120 / 2.54}, {}),  # a space to fit
    ("the gap is 45 inches", {"W": 45}, {}),
    ("a sofa under 7 feet long", {"L": 84}, {}),
    ("something under 2m wide", {"W": 78.74}, {}),
    ("a rug at least 8 ft long", {}, {"L": 96}),
    ("60 inches wide or more", {}, {"W": 60}),
    ("a compact desk around 40 inches wide, under 150 dollars", {"W": 44}, {"W": 36}),  # roughly: within 10 %
])
def test_measures_said_become_bounds(text, most, least):
    limits = read_limits(text)
    assert limits.most == pytest.approx(most, rel=1e-3) and limits.least == pytest.approx(least, rel=1e-3)


@pytest.mark.parametrize("text", ["a TV stand for a 65 inch tv", "a 5x8 rug", "seats 6 in the dining room",
                                  "under 300 dollars", "at least 6 feet"])  # a TV's size, a catalog size, no measure
def test_other_numbers_are_no_bounds(text):
    assert not read_limits(text)


def test_bounds_filter_the_products_that_list_the_measure():
    narrow = SearchFilter(dimension_max={"W": 30})
    assert matches(desk('29" W x 12" D x 60" H'), narrow)
    assert not matches(desk('31" W x 12" D x 60" H'), narrow)
    assert not matches(desk("Standard"), narrow) and not matches(desk(None), narrow)  # unknown: not shown
    assert matches(desk('70" W x 30" D'), SearchFilter(dimension_max={"L": 72}))  # a sofa's length is its width
    assert not matches(desk("5' x 8'"), SearchFilter(dimension_min={"L": 120}))


def test_grounding_puts_bounds_in_place_of_a_size_or_a_price():
    vocabulary = {"categories": ["Bookcases", "Desks"]}
    slots = ground({"category": "bookcase", "size": "30 inches wide", "price_max": 30}, "a bookcase max 30 inches wide",
                   vocabulary, shopping=True)
    assert slots["dimension_max"] == {"W": 30} and "size" not in slots and "price_max" not in slots
    slots = ground({"category": "desk", "price_max": 30}, "a desk under $30, max 30 inches wide", vocabulary, shopping=True)
    assert slots["price_max"] == 30  # said as money too
    slots = ground({"category": "desk", "size_relative": "bigger", "exclude_size": "wider"},
                   "a desk no wider than 40 inches", vocabulary, shopping=True)
    assert slots["dimension_max"] == {"W": 40} and "size_relative" not in slots and "exclude_size" not in slots


def test_a_new_bound_on_a_measure_replaces_the_old_one_and_is_described():
    f = apply_slots(SearchFilter(categories=["Desks"]), {"dimension_max": {"W": 44.0}, "dimension_min": {"W": 36.0}})
    assert describe(f) == 'desks 36-44" wide'
    f = apply_slots(f, {"dimension_max": {"W": 30.0}, "dimension_min": {}})
    assert f.dimension_max == {"W": 30.0} and f.dimension_min == {}
    f = apply_slots(f, {"dimension_max": {"H": 30.0}, "dimension_min": {}})
    assert f.dimension_max == {"W": 30.0, "H": 30.0} and describe(f) == 'desks up to 30" wide and up to 30" tall'


def test_reasons_say_the_measure_asked_for_once():
    f = SearchFilter(colors=["white"], dimension_max={"W": 47.2})
    scored = ScoredProduct(candidate=Candidate(product=desk('46" W x 24" D x 30" H'), score=1.0), score=1.0)
    reasons = reasons_for(scored, f, UserProfile(), max_reasons=3)
    assert 'in white, as you asked' in reasons and '46" wide, as you asked' in reasons
    line = product_line(1, scored.candidate.product, reasons)
    assert line.count("as you asked") == 1 and 'in white and 46" wide, as you asked' in line
