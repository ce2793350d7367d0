"""Free attributes as hard constraints: applied by ``matches`` (the stores do not index them)."""

from __future__ import annotations

from retrieval.filters import matches
from retrieval.product import Product
from retrieval.types import SearchFilter


def lamp(**attributes) -> Product:
    return Product(id="l1", title="Arc Floor Lamp", price=120.0, category=["Lighting", "Floor Lamps"], attributes=attributes)


def test_required_attributes_and_minimums():
    dimmable = SearchFilter(attributes={"dimmable": "yes"})
    assert matches(lamp(dimmable="Yes"), dimmable)
    assert not matches(lamp(dimmable="no"), dimmable) and not matches(lamp(), dimmable)
    seats = SearchFilter(attribute_min={"seats": 6})
    assert matches(lamp(seats="6"), seats) and matches(lamp(seats="8 people"), seats)
    assert not matches(lamp(seats="4"), seats) and not matches(lamp(seats="n/a"), seats) and not matches(lamp(), seats)


def test_a_descriptive_value_is_met_by_one_containing_its_words():
    firm = SearchFilter(attributes={"firmness": "firm"})
    assert matches(lamp(firmness="firm"), firm) and matches(lamp(firmness="Extra Firm"), firm)
    assert not matches(lamp(firmness="soft"), firm) and not matches(lamp(firmness="firmer"), firm)
    electric = SearchFilter(attributes={"standing desk": "electric"})
    assert matches(lamp(**{"standing desk": "electric dual motor"}), electric)


def test_a_middle_grade_is_not_the_end_of_the_scale():
    firm = SearchFilter(attributes={"firmness": "firm"})
    assert not matches(lamp(firmness="Medium-Firm"), firm)
    medium_firm = SearchFilter(attributes={"firmness": "medium firm"})
    assert matches(lamp(firmness="Medium-Firm"), medium_firm) and not matches(lamp(firmness="firm"), medium_firm)



def test_yes_means_any_listed_kind_and_no_means_none():
    # "standing desk: electric" is a standing desk; "drawers: 0" and "headboard: none" are without
    assert matches(lamp(dimmable="yes, with remote"), SearchFilter(attributes={"dimmable": "yes"}))
    assert matches(lamp(**{"standing desk": "electric"}), SearchFilter(attributes={"standing desk": "yes"}))
    assert not matches(lamp(**{"standing desk": "no"}), SearchFilter(attributes={"standing desk": "yes"}))
    assert not matches(lamp(drawers="0"), SearchFilter(attributes={"drawers": "yes"}))
    assert matches(lamp(headboard="none"), SearchFilter(attributes={"headboard": "no"}))
    assert not matches(lamp(headboard="panel"), SearchFilter(attributes={"headboard": "no"}))
