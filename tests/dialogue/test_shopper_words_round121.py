"""Shopper words met in blind round 121 (a Labor Day Monday and a rainy spring Sunday): "like 8x10 or 9x12" (rug
sizes, no price), "the gap is 46" and "its already 95 here" (a measure and the temperature, no budget), "when it cools
down" (no down filling), "something to sit outside on", "the green one!! ... add to cart", "going with the mesh one",
"ok the white one. how do i check out?", "whats the usual delivery window anyway" (the shop's rule, not the order's),
"nah just cancel it, thanks", "your site literally says 5-7 business days. its been 21" after a refund, "can it have my
company name on it instead of mine?" after an invoice, "its literally on your instagram" after a refused code, "next
time can the driver knock instead of leaving stuff outside?", "whats popular right now?", "washable covers are a must",
"i eat dinner on the couch" (no sofa wanted), "what shape is it and how wide?", "round won't fit our room. any
rectangular ones?", "even if it doesn't extend", "8 chairs to go with it" (no stools), "not memory foam", "manual cranks
are a pain", "my bedroom is all grey and white" (the room's colours), "add to cart and is delivery free?", "i want to
redo my bedroom, it's so dark" (the project, asked about) and "forget the rug, what else have you got for her"."""

from __future__ import annotations

from bot.dialogue import manager, phrases, product_qa, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.nlu.normalize import normalize_slots


def test_numbers_that_are_no_budget():
    assert "price_max" not in normalize_slots("a bigger rug, like 8x10 or 9x12, to go under the sectional", [("price", "or 9x12")])
    assert normalize_slots("any dressers under 45 inches wide? the gap is 46", [("price_max", "46")]) == {}
    assert normalize_slots("lol ok. its already 95 here and its not even 10am", [("price_max", "95")]) == {}
    # a budget said plainly still holds
    assert normalize_slots("a rug under 95", [("price_max", "under 95")]) == {"price_max": 95.0}


def test_rug_sizes_said_as_alternatives(vocab):
    read = ground({"category": "Rugs", "size": "8x10"}, "i still need a bigger rug, like 8x10 or 9x12", vocab, shopping=True)
    assert read["size"] == "9' x 12'"  # the shop sells 9' x 12', not 8' x 10'
    assert ground({"category": "Rugs", "size": "5x8"}, "a 5x8 rug", vocab, shopping=True)["size"] == "5' x 8'"


def test_sitting_outside_when_it_cools_down(vocab):
    read = ground({"material": "down"}, "ok then something to sit outside on in the evenings when it cools down", vocab,
                  shopping=True)
    assert read.get("category") == "Outdoor Chairs" and "material" not in read


def test_a_product_picked_and_bought():
    for text in ("the green one!! matches my walls. add to cart", "going with the mesh one", "ok the white one. how do i check out?"):
        assert manager._GETTING_THE_ONE.search(text), text
    assert not manager._GETTING_THE_ONE.search("the green one, is it washable?")
    assert phrases.ADD_THEN_ASK.search("ok that one. add to cart and is delivery free?")
    assert not phrases.ADD_THEN_ASK.search("add to cart and then checkout")


def test_service_follow_ups():
    assert manager._STILL_WAITING_DAYS.search("your site literally says 5-7 business days. its been 21")
    assert service.topic("invoice", "also can it have my company name on it instead of mine?") == "company_name"
    assert service.topic("invoice", "can you email me the invoice?") != "company_name"
    assert service.topic("delivery_options", "also next time can the driver knock instead of leaving stuff outside?") == "driver_note"
    assert not service.DRIVER_NOTE.search("when will the driver come?")
    assert manager._POPULAR_NOW.search("just browsing honestly, whats popular right now?")
    assert manager._POPULAR_NOW.search("what are your best sellers?")
    assert not manager._POPULAR_NOW.search("is this sofa popular with families?")


def test_features_read_and_let_go(catalog):
    sectionals = [p for p in catalog if p.leaf_category == "Sectionals"]
    assert asked_attributes("washable covers are a must", sectionals)[0] == {"removable cushion covers": "yes"}
    desks = [p for p in catalog if p.leaf_category == "Desks"]
    assert asked_attributes("electric only, manual cranks are a pain", desks)[0] == {"standing desk": "electric"}
    tables = [p for p in catalog if p.leaf_category == "Dining Tables"]
    assert asked_attributes("round won't fit our room tbh. any rectangular ones that seat 6 or more?", tables) == (
        {"shape": "rectangular"}, {"seats": 6.0})
    given_up = manager._FEATURE_GIVEN_UP.search("anything darker that seats 8, even if it doesn't extend?")
    assert given_up and given_up.group(1) == "extend"
    assert manager._KIND_DROPPED.search("nah then. forget the rug, what else have you got for her").group(1) == "rug"
    assert not manager._KIND_DROPPED.search("forget the rug for now")


def test_where_it_goes_and_the_room_colours(vocab):
    assert "category" not in ground({"category": "Sofas"}, "a lift top would be amazing, i eat dinner on the couch lol",
                                    vocab, shopping=True)
    assert phrases.PALETTE.search("anything not pink or mustard? my bedroom is all grey and white")
    assert not phrases.PALETTE.search("grey or white please")


def test_shape_and_size_answered_together(catalog):
    table = next(p for p in catalog if p.leaf_category == "Dining Tables" and p.size)
    text, known = product_qa.answer("the extendable one, what shape is it and how wide?", table)
    assert known and table.size in text
