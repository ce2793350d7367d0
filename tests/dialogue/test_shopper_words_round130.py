"""Shopper words met in blind rounds 129-131 (a foggy November Sunday, a June Tuesday, a rainy tax-refund Monday,
a heatwave Saturday, the day before Thanksgiving and a January clear-out Friday): "more like the rust one but in
grey", "8x10 or bigger", "not a fan of the dark wood look, anything lighter?", "the green one wont work with our
floors. anything more neutral?", "it has to be teak, we've had enough of cheap plastic", "not dropping 2k on a
mattress ... under 700", "hmm 3.2 stars", "up since 5", "tax refund landed", "never came", "take it out", "2 packs
please", the sad desk salad and a mattress that is too soft for someone who sleeps hot."""

from __future__ import annotations

from bot.dialogue import manager, phrases
from bot.dialogue.constraints import asked_attributes, catalog_sizes_at_least
from bot.dialogue.grounding import ground, names_idiom
from bot.dialogue.kinds import kinds_named
from bot.dialogue.problems import problem_in
from bot.dialogue.requests import split_requests
from bot.dialogue_tests import _as_number
from bot.nlu.normalize import _not_money_in, parse_item_refs
from retrieval.product import Product

_VOCABULARY = {"categories": ["Rugs", "Desks", "Sofas", "Desks"],
               "colors": ["rust", "grey", "green", "walnut", "espresso", "natural oak", "honey pine", "beige", "cream", "white"],
               "materials": ["teak", "molded plastic", "recycled plastic", "wool"],
               "sizes": ["5' x 8'", "9' x 12'", "6' round", "2' x 3'", "22\" x 22\""]}


def test_colours_said_of_a_shown_one():
    assert ground({"color": "rust", "item_ref": [2]}, "hmm more like the rust one but in grey?", _VOCABULARY,
                  shopping=True)["color"] == "grey"
    slots = ground({"color": "green", "item_ref": [2]}, "the green one wont work with our floors. anything more neutral?",
                   _VOCABULARY, shopping=True)
    assert slots["exclude_color"] == "green" and "grey" in slots["color"] and "green" not in slots["color"]
    slots = ground({"exclude_material": "wood"}, "not a fan of the dark wood look, anything lighter?", _VOCABULARY, shopping=True)
    assert set(slots["exclude_color"]) == {"walnut", "espresso"} and "natural oak" in slots["color"]
    assert "exclude_material" not in slots


def test_sizes_from_there_up():
    assert catalog_sizes_at_least("8x10", _VOCABULARY["sizes"]) == ["9' x 12'"]
    slots = ground({"category": "Rugs", "size": "8x10", "size_relative": "bigger"},
                   "want a big rug for the living room, 8x10 or bigger", _VOCABULARY, shopping=True)
    assert slots["size"] == "9' x 12'" and "size_relative" not in slots


def test_materials_and_amounts():
    slots = ground({"material": "plastic"}, "It has to be teak, we've had enough of cheap plastic.", _VOCABULARY, shopping=True)
    assert slots["material"] == "teak" and "molded plastic" in slots["exclude_material"]
    assert ground({"price_max": 2000.0, "category": "Mattresses"}, "not dropping 2k on a mattress at 1am lol. under 700",
                  _VOCABULARY, shopping=True)["price_max"] == 700.0
    assert _not_money_in("up since 5 with a stiff neck AGAIN", "5")
    assert parse_item_refs("hmm 3.2 stars 😬 anything better rated?") == []
    assert parse_item_refs("hmm a bit bigger maybe? got a second monitor for my bday") == []


def test_sets_and_packs():
    chairs = [Product(id="DC-1", title="Oak Dining Chair", category=["Dining Chairs"], attributes={"set of": "4"}),
              Product(id="DC-2", title="Velvet Dining Chair", category=["Dining Chairs"], attributes={"set of": "2"})]
    assert asked_attributes("we need 8 so sets of 4 would be easiest", chairs)[0] == {"set of": "4"}
    assert phrases.quantity("the pink ones are perfect, 2 packs please")[0] == 2
    assert phrases.quantity("i need 2 packs of batteries") is None


def test_service_readings():
    assert manager._REFUND_OF_THEIRS.search("tax refund landed overnight so the saggy old couch is getting replaced")
    assert manager._REFUND_OF_THEIRS.search("under 1000 though, the refund isn't THAT big lol")
    assert not manager._REFUND_OF_THEIRS.search("where is my refund for order 44518?")
    assert manager._NEVER_CAME.search("the matching side table from the same order never came, order #39015")
    assert manager._ORDER_NOT_YET_PLACED.search("can i order tonight and still have it ship friday?")
    assert manager._DRIVER_ASKED.search("and when it finally comes can the driver call 30 mins before?")
    assert manager._ORDERED_THE_WRONG_ONE.search("i ordered a queen mattress this afternoon but we actually need the king")
    assert manager._TO_THE_OLD_ADDRESS.search("just realised my patio set order is going to the old flat!!")
    assert manager._NO_ORDER_NUMBER.search("i don't have the order number, it's on her account")
    assert split_requests("my mum bought me a mustard velvet armchair for christmas and i want to send it back", True) == [
        "my mum bought me a mustard velvet armchair for christmas and i want to send it back"]


def test_cart_and_requests():
    assert phrases.CART_REMOVE.search("wait actually take it out, i should ask my partner first lol")
    assert not phrases.CART_REMOVE.search("can you take it out of the box for me")
    assert phrases.ADD_THE_ONE.match("ok add the grey linen one")
    assert split_requests("ok add the white one. and a desk lamp under 60 to go with it", True) == [
        "ok add the white one", "a desk lamp under 60 to go with it"]
    assert split_requests("add it, and show me a floor lamp that'd go with it", True) == [
        "add it", "show me a floor lamp that'd go with it"]


def test_troubles_and_kinds():
    both = problem_in("pretty sure it's the mattress, it's way too soft and i sleep really hot")
    assert both.features == {"firmness": "firmer", "cooling": "yes"}
    assert problem_in("the pillow my sister got me is way too soft, like sleeping on a marshmallow").features == {"firmness": "firm"}
    assert problem_in("bedroom faces south, need curtains that actually keep the sun out").category == "curtain"
    assert [k.name for k, _ in kinds_named("do you have floor cushions?")] == ["floor cushions"]
    assert [k.name for k, _ in kinds_named("oh and a washable runner for the hallway")] == ["runner rugs"]
    assert names_idiom("lol your chat thing popped up while i was eating my sad desk salad")


def test_numbers_with_units_compare():
    assert _as_number('85"') == 85.0 and _as_number("300 lbs") == 300.0 and _as_number("$1,299") == 1299.0
    assert _as_number("5' x 8'") is None and _as_number("yes") is None


def test_a_rating_to_beat():
    assert ground({}, "hmm 3.2 stars 😬 anything better rated? doesnt have to be velvet", {}, shopping=True)["min_rating"] == 3.3
    assert ground({}, "a jute rug with at least 4.5 stars", {}, shopping=True)["min_rating"] == 4.5
