"""retrieval.filters.matches: the Python twin of the store filters (agreement is tested in test_store_protocol)."""

from __future__ import annotations

from retrieval.filters import matches
from retrieval.product import Product
from retrieval.types import SearchFilter

SOFA = Product(id="s1", title="Grey Sofa", category=["Furniture", "Living Room", "Sofas"], brand="IKEA", price=499.0,
               color="Grey", material="Linen", style="Scandinavian", size="Queen", rating=4.4, in_stock=True)
BARE = Product(id="b1", title="Mystery item")


def test_empty_filter_matches_everything():
    assert matches(SOFA, SearchFilter()) and matches(BARE, SearchFilter())


def test_price_bounds_are_inclusive_and_need_a_price():
    assert matches(SOFA, SearchFilter(price_max=499)) and not matches(SOFA, SearchFilter(price_max=498.99))
    assert matches(SOFA, SearchFilter(price_min=499)) and not matches(SOFA, SearchFilter(price_min=500))
    assert not matches(BARE, SearchFilter(price_max=1000))


def test_strings_are_case_insensitive():
    assert matches(SOFA, SearchFilter(brands=["ikea"], colors=["GREY"], materials=[" linen "], styles=["scandinavian"]))
    assert not matches(SOFA, SearchFilter(exclude_brands=["Ikea"]))
    assert not matches(SOFA, SearchFilter(exclude_colors=["grey"]))
    assert not matches(SOFA, SearchFilter(exclude_materials=["LINEN"]))
    assert matches(SOFA, SearchFilter(sizes=["queen", "King"])) and not matches(SOFA, SearchFilter(sizes=["king"]))
    assert not matches(SOFA, SearchFilter(exclude_sizes=["QUEEN"])) and not matches(SOFA, SearchFilter(exclude_styles=["scandinavian"]))
    assert matches(BARE, SearchFilter(exclude_sizes=["queen"], exclude_styles=["modern"])) and not matches(BARE, SearchFilter(sizes=["queen"]))


def test_include_needs_a_value_exclude_does_not():
    assert not matches(BARE, SearchFilter(brands=["IKEA"]))
    assert matches(BARE, SearchFilter(exclude_brands=["IKEA"], exclude_categories=["Sofas"], exclude_colors=["red"]))


def test_categories_match_any_level():
    assert matches(SOFA, SearchFilter(categories=["living room"]))
    assert matches(SOFA, SearchFilter(categories=["beds", "sofas"]))
    assert not matches(SOFA, SearchFilter(categories=["beds"]))
    assert not matches(SOFA, SearchFilter(exclude_categories=["FURNITURE"]))


def test_rating_stock_and_ids():
    assert matches(SOFA, SearchFilter(min_rating=4.4)) and not matches(SOFA, SearchFilter(min_rating=4.5))
    assert not matches(BARE, SearchFilter(min_rating=1))
    assert not matches(SOFA.model_copy(update={"in_stock": False}), SearchFilter(in_stock_only=True))
    assert not matches(SOFA, SearchFilter(exclude_ids=["s1"]))


def test_blank_values_are_no_constraint():
    assert matches(SOFA, SearchFilter(brands=["", "  "], categories=[""]))
