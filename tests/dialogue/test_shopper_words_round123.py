"""Shopper words met in blind round 123 (the Wednesday before Memorial Day and a Valentine's-week Sunday): "no bar
stools lol, actual chairs" under chairs suggested for a table, "we need literally everything but sofa first", "ok i'll
wait till march to buy but thank you!!", "sweet, 2 packs pls", "my father in law is a light sleeper" (no lighting),
"drawers that close softly", "just browsing after putting the kids to bed" (no beds), "it has to stand on the floor"
(no TV stands), "not a floating one", "I don't love the recliners", "a king wont fit in a studio", "is the green one a
full or a queen", "can the driver leave it in the garage", "can it be delivered after the 29th instead", "i took the
whole day off work for this!!", "where do we even start", "add that one to my cart. and do you have a desk to go with
it" and "the beige quilt set is perfect 😍 add it"."""

from __future__ import annotations

from bot.dialogue import manager, phrases, product_qa, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground


def test_words_that_name_no_product(vocab):
    assert "category" not in ground({"category": "Beds"}, "hiii 👋 just browsing after putting the kids to bed", vocab, shopping=True)
    assert ground({"category": "Beds"}, "a queen bed frame under 400", vocab, shopping=True)["category"] == "Beds"
    assert "category" not in ground({"category": "TV Stands"}, "not a floating one, it has to stand on the floor", vocab,
                                    shopping=True)
    assert "category" not in ground({"category": "Lighting"}, "drawers that close softly, my father in law is a light sleeper",
                                    vocab, shopping=True)
    read = ground({"category": "Desks", "size": "King", "price_max": 150.0},
                  "a king wont fit in a studio lol. what about a desk under 150 instead", vocab, shopping=True)
    assert "size" not in read and read["category"] == "Desks"
    first = ground({"exclude_category": "Sofas", "item_ref": [1]}, "we need literally everything but sofa first. budget around 800",
                   vocab, shopping=True)
    assert first.get("category") == "Sofas" and "exclude_category" not in first and "item_ref" not in first


def test_kinds_and_features(catalog):
    assert phrases.NOT_THAT_KIND.search("no bar stools lol, actual chairs").group(1) == "stool"
    assert phrases.NOT_THAT_KIND.search("I don't love the recliners, I want a proper accent chair").group(1) == "recliner"
    assert phrases.NOT_THAT_KIND.search("not a floating one").group(1) == "floating"
    nightstands = [p for p in catalog if p.leaf_category == "Nightstands"]
    assert asked_attributes("something with drawers that close softly", nightstands)[0] == {"soft-close drawers": "yes"}


def test_the_size_of_a_bed_asked(catalog):
    king = next(p for p in catalog if p.leaf_category == "Beds" and p.size == "King")
    text, known = product_qa.answer("is the green one a full or a queen", king)
    assert known and "King" in text and not text.startswith(("Yes", "No"))
    text, _ = product_qa.answer("is it a queen?", king)
    assert text.startswith("No")
    assert not product_qa._BED_SIZES_ASKED.findall("does the king bed come with slats?")


def test_cart_and_service_words():
    assert manager._SO_MANY_OF_IT.match("sweet, 2 packs pls") and not manager._SO_MANY_OF_IT.match("2 packs of what?")
    assert phrases.PUTS_OFF.search("ok i'll wait till march to buy but thank you!!")
    found = manager._CHOSEN_THEN_MATCH.search("ok add that one to my cart. and do you have a desk to go with it, something small")
    assert found and found.group(2) == "desk"
    assert manager._GETTING_THE_ONE.search("the beige quilt set is perfect 😍 add it")
    assert service.topic("delivery_options", "can the driver leave it in the garage if nobody answers the door") == "safe_place"
    assert service.ANOTHER_DAY.search("also can it be delivered after the 29th instead of this friday?")
    assert manager._WHERE_TO_START.search("morning! we get the keys on saturday and have no furniture. where do we even start")
