"""Shopper words met in blind rounds 97-100: people counted ("family of five", "has to fit at least 3 of us", "eight
of us squeezed round a table for four"), picks of the shown ones ("grab me the less expensive of the two", "the
cheapest one of those too", "perfect, that one then"), a remark or a call before leaving ("lmao over a grand for a
chair. ok i'm going to bed", "gotta jump on a call"), the shopper's own bed sizing the bedding ("she's got a king
bed, not a queen"), a password reset email that never comes, "how do #1 and #2 stack up?", "how much does my cart
come to?", "disputing it with my bank", a zip code that is no order number, "natural oak" (a colour, not oak),
"jute or something natural", "she's vegan", "the keys to our first flat" (no product #1) and "forget pillows"."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.problems import problem_in
from bot.dialogue.search import superlative_order
from bot.nlu.normalize import count_meaning


def _of(catalog, category: str) -> list:
    return [p for p in catalog if p.leaf_category == category]


def test_people_counted_are_seats_not_a_size(catalog, vocab):
    sofas, tables = _of(catalog, "Sofas"), _of(catalog, "Dining Tables")
    assert asked_attributes("has to fit at least 3 of us", sofas) == ({}, {"seats": 3.0})
    assert asked_attributes("Family of five and we do movie night every Friday", sofas)[1] == {"seats": 5.0}
    text = ("there are usually eight of us squeezed round a table for four. I need a dining table that actually fits "
            "everyone.")
    assert asked_attributes(text, tables) == ({}, {"seats": 8.0})  # not a round table, not one for four
    assert asked_attributes("just the two of us", tables)[0] == {"seats": "2"}
    assert "size" not in ground({"category": "Sofas", "size": "five"}, "Family of five, a big sectional", vocab, shopping=True)


def test_picks_of_the_shown_ones():
    for text, word in [("ok just grab me the cheapest one", "cheapest"), ("the cheaper of the two please", "cheaper"),
                       ("the cheapest one of those too", "cheapest"),
                       ("grab me the less expensive of the two then", "less expensive")]:
        picked = phrases.ADD_SUPERLATIVE.match(text)
        assert picked and next(g for g in picked.groups() if g) == word
    assert not phrases.ADD_SUPERLATIVE.match("the cheaper ones please")  # cheaper than these: a refinement
    by_price = superlative_order("less expensive")
    assert sorted([300.0, 100.0], key=lambda price: by_price(type("P", (), {"price": price})())) == [100.0, 300.0]
    assert phrases.TAKE_THAT.match("perfect, that one then")
    assert not phrases.TAKE_THAT.match("that one then?")


@pytest.mark.parametrize("text,expected", [
    ("no worries, I'll wrap a bow round it myself. cheers!", "thanks"),
    ("shame, I'll wrap it myself then. thanks!", "thanks"),
    ("ugh ok, I'll try paypal. bye", "goodbye"),
    ("ok thanks, gotta jump on a call", "goodbye"),
    ("lmao over a grand for a chair. ok i'm going to bed, night", "goodbye"),
    ("great, that's plenty for today. thanks a lot", "goodbye"),
    ("over a grand for a chair? anything cheaper?", None),
])
def test_closings(text, expected):
    assert phrases.closing(text) == expected


def test_the_shoppers_own_bed_and_things():
    assert phrases.OWNS_BED.search("oh wait, I just remembered she's got a king bed, not a queen")
    assert phrases.OWNS_BED.search("our bed is a queen")
    assert not phrases.OWNS_BED.search("looking for a king bed")


def test_a_reset_email_that_never_comes():
    assert service.topic("account_help", "i forgot my password and the reset email never shows up") == "reset_email"
    assert service.topic("account_help", "i've tried like 3 times and checked spam too") == "reset_email"
    assert service.topic("account_help", "how do i delete my account") == "request"
    text, quick = service.answer("account_help", None, service.ShopPolicy(), "the reset email never arrives")
    assert "spam" in text and quick == ["Talk to a person"]


def test_service_words():
    assert phrases.COMPARE_WORD.search("how do #1 and #2 stack up?")
    assert not phrases.COMPARE_WORD.search("do they stack up for storage?")
    assert phrases.CART_VIEW.search("how much does my cart come to?")
    assert not phrases.CART_VIEW.search("how much does it cost")  # delivery, a product: not the cart
    assert phrases.THREAT.search("fine. if it's not back by wednesday i'm disputing it with my bank")
    assert service.is_upset("this has happened before too, honestly your payment system is a mess")
    assert phrases.MY_ORDER_ARRIVING.search("and realistically when do you think it'll turn up?")
    assert service.names_a_topic("when will it turn up")
    assert phrases.JUST_BROWSING.search("winding down with a bit of online browsing")
    assert phrases.FURNISHING.search("hiii i wanna make my room look less boring")
    assert phrases.YES.match("yeah go on then, show me those")
    assert phrases.WE_NEED.match("hmm we really need washable. anything like that?")
    assert not phrases.WE_NEED.match("we need to return it")
    assert phrases.MUST_HAVE.search("they'd have to be foldable though, the shed is tiny")
    forgot = phrases.FORGET_THING.search("actually forget pillows, she has loads. what about a little table lamp")
    assert forgot and forgot.group(1).startswith("pillows")
    assert problem_in("my neck is still killing me. pretty sure it's my pillow").category == "pillow"


def test_values_read_from_the_same_words(catalog, vocab):
    assert ground({"color": "gold"}, "actually forget gold, natural oak would go better with the floor", vocab,
                  shopping=True) == {"color": "natural oak"}
    grounded = ground({"color": "natural", "material": "jute", "category": "Rugs"},
                      "starting with a rug, 5x8, jute or something natural", vocab, shopping=True)
    assert "color" not in grounded and grounded["material"] == "jute"
    grounded = ground({"exclude_material": ["leather", "vegan"]}, "my girlfriend says no leather pls, she's vegan", vocab,
                      shopping=True)
    assert grounded["exclude_material"] == "leather"
    assert "order_id" not in ground({"order_id": "30301"}, "can you get it to me by saturday? zip is 30301", vocab,
                                    shopping=False)
    text = "Our mattress has gone all saggy and soft and I wake up stiff every morning. Need a firm queen, under 800"
    assert asked_attributes(text, _of(catalog, "Mattresses"))[0] == {"firmness": "firm"}


def test_ordinals_of_a_home_are_no_product():
    text = "hiya! we just got the keys to our first flat, the second bedroom is going to be an office"
    assert count_meaning(text, "item_ref", text.index("first")) is None
    assert count_meaning(text, "item_ref", text.index("second")) is None
    assert count_meaning("add the second one", "item_ref", 8) == "item_ref"
    assert phrases.bare_count("ugh. ok add 2 anyway") == 2 and phrases.bare_count("add #2") is None


def test_round_101_102_words(catalog, vocab):
    assert phrases.CART_VIEW.search("so what have i got in the cart now?")
    assert phrases.closing("nah that's enough spending for one day haha. thanks!") == "thanks"
    assert phrases.closing("ok going to measure the stairs first, thanks!") == "goodbye"
    assert service.names_topic("return_item", "will you pick it up or do I have to ship it back myself")
    assert service.shop_topic("and i'm not paying to post broken glass back, who covers that?") == "refund"
    assert phrases.is_question("nice. and would it survive the rain? we're in seattle lol")
    assert not phrases.is_question("ok thanks. we're in seattle")
    assert not phrases.MY_ORDER_ARRIVING.search("if i ordered a bed today when would it actually arrive?")
    assert not phrases.MY_ORDER_ARRIVING.search("if I order today will it still get here before thursday?")
    assert problem_in("I wake up with a stiff back every morning, our mattress has gone all saggy").category == "mattress"
    assert asked_attributes("it needs drawers, at least 2", _of(catalog, "Desks"))[1] == {"drawers": 2.0}
    assert asked_attributes("one that goes up and down would be sick", _of(catalog, "Desks"))[0] == {"standing desk": "yes"}
    assert "price_min" not in ground({"price_min": 2.0}, "it needs drawers, at least 2", vocab, shopping=True)
    assert "price_max" not in ground({"price_max": 15.0}, "not a gaming chair tho, i'm 52 not 15", vocab, shopping=True)
    assert "size" not in ground({"size": "15", "category": "Mattresses"}, "it's probably 15 years old", vocab, shopping=True)
    assert "order_id" not in ground({"order_id": "45402"}, "it's 14 Maple Ct, Dayton OH 45402", vocab, shopping=False)
    assert ground({"exclude_brand": "boho"}, "not really into the boho look tbh", vocab, shopping=True) == {"exclude_style": "bohemian"}
