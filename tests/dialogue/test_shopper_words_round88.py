"""Shopper words met in blind rounds 88-89 (and the last of rounds 86-87): closing messages ("ok thanks, have to run,
will look again tonight", "brill ta"), choosing a shown product by its place ("going with the first"), "i need 4
altogether", "I want every penny back", "can it go straight to her place", "we're 6 squeezed around a table for 4 ...
seats 6", "we just moved in ... a dining table for 4", "something with storage underneath", "full or queen", "rattan
won't do ... just not rattan", "black will show every single hair", "our mattress ... has gone way too soft", "books on
every surface of my living room" and a question said with a remark ("is the black one low pile? shaggy ones and dog
hair do not mix")."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, product_qa, service
from bot.dialogue.constraints import asked_attributes, describe
from bot.dialogue.grounding import ground, wished_text
from bot.dialogue.problems import problem_in
from bot.nlu.normalize import normalize_slots
from retrieval.demo_catalog import catalog_vocabulary
from retrieval.types import SearchFilter


def _of(catalog, category: str) -> list:
    return [p for p in catalog if p.leaf_category == category]


@pytest.mark.parametrize("text,expected", [
    ("ok thanks, have to run, will look again tonight", "goodbye"),
    ("thx. going to bed now 😴", "goodbye"),
    ("great, i'll show my husband tonight and come back", "goodbye"),
    ("ok thanks, that's it for tonight, night!", "goodbye"),
    ("brill ta", "thanks"),
    ("great, appreciate you sorting that out", "thanks"),
    ("ah that's a shame. ok thanks anyway", "thanks"),
    ("cheers mate", "thanks"),
    ("ok", None),  # no thanks and no leaving: an answer to a question, maybe
    ("thanks, the first one please", None),
    ("ok thanks, can you show me sofas", None),
    ("thanks! where is my order?", None),
    ("ok, I'll look at the sofas later", None),
    ("thanks for nothing", None),
])
def test_closing_messages(text, expected):
    assert phrases.closing(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("no worries. the first one then please", True),
    ("going with the first", True),
    ("ill take the 2nd", True),
    ("the first one", False),  # which one, maybe; no choice said
    ("the first one is nice", False),
])
def test_choosing_by_place(text, expected):
    assert phrases.picks_nth(text) is expected


def test_quantities():
    assert phrases.quantity("i need 4 altogether. add them")[0] == 4
    assert phrases.quantity("we need 2 please")[0] == 2
    assert phrases.quantity("compare the two of them") is None
    assert phrases.quantity("i need 2 drawers") is None


def test_service_words():
    assert phrases.MONEY_BACK.search("I want every penny back")
    assert phrases.MONEY_BACK.search("and when do I see my money again")
    assert phrases.RETURN_PICKUP.search("how many days have I got to do it?")
    assert phrases.RETURN_PICKUP.search("ok. order number is 33907, how do i get it started")
    assert service.shop_topic("can it go straight to her place instead of mine?") == "shipping_address"
    assert phrases.OFF_TOPIC.search("do you think it'll snow on christmas day")
    assert not phrases.OFF_TOPIC.search("can it be left out in the rain?")


def test_seats_said_of_the_wish(catalog):
    tables = _of(catalog, "Dining Tables")
    text = "we're 6 squeezed around a table for 4. Looking for a dining table that seats 6, extendable"
    assert asked_attributes(text, tables)[1] == {"seats": 6.0}
    assert asked_attributes("we just moved in!! looking for a dining table for 4, something wood", tables)[1] == {"seats": 4.0}
    assert asked_attributes("a small table for 2", tables)[0] == {"seats": "2"}
    assert asked_attributes("a patio set for 4-6 people", _of(catalog, "Patio Sets"))[1] == {"seats": 4.0}
    sectionals = _of(catalog, "Sectionals")
    assert asked_attributes("our tiny 2 seater ... we need a big sectional, room for 6 or more", sectionals)[1] == {"seats": 6.0}


def test_parts_wished(catalog):
    beds = _of(catalog, "Beds")
    assert asked_attributes("something with storage underneath", beds)[0] == {"storage drawers": "yes"}
    assert asked_attributes("it has to have at least one drawer tho", _of(catalog, "Desks"))[1] == {"drawers": 1.0}
    said = describe(SearchFilter(categories=["Beds"], attributes={"storage drawers": "yes"}))
    assert said == "beds with storage drawers"
    assert describe(SearchFilter(categories=["Floor Lamps"], attributes={"dimmable": "yes"})) == "dimmable floor lamps"
    assert describe(SearchFilter(categories=["Desks"], attributes={"standing desk": "electric"})) == "electric standing desks"


def test_values_said_both_ways_and_let_go(catalog):
    vocabulary = catalog_vocabulary(catalog)
    slots = ground({"material": "rattan", "exclude_material": "rattan"},
                   "rattan won't do for his back. any style is fine, just not rattan", vocabulary, shopping=True)
    assert "material" not in slots and slots["exclude_material"] == "rattan"
    slots = ground({"color": "grey", "exclude_color": "grey"}, "none of these are grey though. I want grey", vocabulary, shopping=True)
    assert slots.get("color") == "grey" and "exclude_color" not in slots
    slots = ground({"color": ["black", "beige", "cream"]},
                   "hmm black will show every single hair. anything lighter, like beige or cream?", vocabulary, shopping=True)
    assert slots["color"] == ["beige", "cream"]
    slots = ground({"category": "Beds", "size": "Full", "price_max": 350.0}, "ok bed first. full or queen, cheap, like under 350",
                   vocabulary, shopping=True)
    assert slots["size"] == ["Full", "Queen"]


def test_problems(catalog):
    assert problem_in("our mattress is about 15 years old and has gone way too soft, we both wake up stiff").category == "mattress"
    assert problem_in("since I joined a book club there are books on every surface of my living room, help").category == "bookcase"
    back = "my lower back is killing me by 3pm. my desk chair is literally a kitchen chair"
    assert problem_in(back, "Dining Chairs").category == "office chair"


def test_the_question_of_a_remark(catalog):
    rug = next(p for p in catalog if p.title.startswith("Farmhouse Black Shag"))
    said, known = product_qa.answer("is the black one low pile? shaggy ones and dog hair do not mix", rug)
    assert known and "pile height" in said and "pet friendly" not in said


def test_round_90_words(catalog):
    vocabulary = catalog_vocabulary(catalog)
    assert phrases.closing("great, I'll run these by her and circle back") == "goodbye"
    assert phrases.closing("nah leave it as it is, sorry for the hassle. thanks") == "thanks"
    assert phrases.ARE_YOU_A_BOT.search("morning! you a real person or a bot?")
    assert phrases.SIMILAR.search("anything else along the lines of the second one?")
    assert phrases.OFF_TOPIC.search("is it supposed to rain this afternoon? trying to decide whether to bring the patio cushions in")
    assert phrases.RELAX_IN.search("fine, any colour, as long as it's velvet")
    assert phrases.GO_WITH_THE_ONE.search("glass top with a toddler running around? nope. i'll go with the marble one")
    assert service.shop_topic("I'll be at my mum's all next week, can you send it there instead?") == "shipping_address"
    assert service.names_topic("invoice", "also where can i download invoices for stuff i bought before")
    slots = ground({"size": "big", "category": "Sectionals", "material": "fabric"},
                   "big sectional, performance fabric ideally, 2k tops", vocabulary, shopping=True)
    assert slots["price_max"] == 2000.0
    slots = ground({"color": "natural oak"}, "got anything in natural oak? everything else in the room is light wood",
                   vocabulary, shopping=True)
    assert slots["color"] == "natural oak" and "material" not in slots
    text = "hosting 8 people for my husband's 40th in April and our table only seats 4. need a bigger dining table"
    assert asked_attributes(text, _of(catalog, "Dining Tables"))[1] == {"seats": 8.0}
    assert "8 people" in wished_text(text) and "seats 4" not in wished_text(text)


def test_counts_in_words_are_no_money():
    slots = normalize_slots("we've got two big dogs and three kids", [("price_max", "three")])
    assert "price_max" not in slots
    assert normalize_slots("under five hundred please", [("price_max", "under five hundred")])["price_max"] == 500.0


def test_round_91_words(catalog):
    vocabulary = catalog_vocabulary(catalog)
    assert phrases.closing("lol ok ty") == "thanks"
    assert phrases.DELIVERY_FEE.search("Is there a charge for bringing it to my house?")
    assert phrases.MY_ORDER_ARRIVING.search("and when will the navy one actually come?")
    assert not phrases.MY_ORDER_ARRIVING.search("when could the first one be delivered? we need it before the 24th")
    sofas = _of(catalog, "Sofas")
    assert asked_attributes("staying with us for two weeks in july so I'm looking for a sofa bed", sofas) == ({}, {})
    tables = _of(catalog, "Dining Tables")
    text = "we've started having friends round for dinner most weekends. want an extendable dining table"
    assert "shape" not in asked_attributes(text, tables)[0]
    assert "shape" not in asked_attributes("the whole family comes round for brunch", tables)[0]
    assert asked_attributes("a round dining table", tables)[0] == {"shape": "round"}
    slots = ground({"exclude_category": "table", "category": "Dining Tables"},
                   "our little table isn't cutting it. want an extendable dining table", vocabulary, shopping=True)
    assert "exclude_category" not in slots
