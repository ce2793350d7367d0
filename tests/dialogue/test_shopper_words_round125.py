"""Shopper words met in blind round 125 (a rainy October Saturday and the Sunday after Christmas): "ugh. ok add
the green one then" when only a charcoal one is listed now (the green one shown before goes in), "fine, 2 of the rust
ones then", "omg the pink one 😍", "ugh fine, he wins. glass it is" (a wish, no goodbye), "hmm rust is a lot. other
colours in linen?" (rust left out), "anything in linen? i want something natural" (no colour), "no leather, my mother
in law is vegan" (vegan leather not refused), "no bar stools tho, they have to work at a normal table", "do either have
soft close drawers?", "which of these come as a set?", "we need chairs too, 8 of them. what would match?" (no cart),
"got charged TWICE. 1138 instead of 569" (no order number, no wrong item), "i tried FALL20 at checkout earlier and it
said invalid??", "merry xmas to u robot", "ok gonna send it to my mom lol bye", "night/morning whatever it is",
curtains "that actually make it dark" and "my back is already wrecked"."""

from __future__ import annotations

from bot.dialogue import manager, phrases, service
from bot.dialogue.problems import problem_in


def test_picks_and_wishes():
    assert manager._GETTING_THE_ONE.search("fine, 2 of the rust ones then")
    assert manager._LIKED_IT.search("omg the pink one 😍 my daughter is obsessed with pink")
    assert manager._DO_EITHER.match("do either have soft close drawers? my partner slams them at 6am")
    assert not manager._DO_EITHER.match("do any of them come in leather?")
    assert manager._AT_A_TABLE.search("no bar stools tho, they have to work at a normal table")
    assert not manager._AT_A_TABLE.search("we need a normal table")


def test_service_and_small_talk():
    assert service.shop_topic("btw i tried FALL20 at checkout earlier and it said invalid??") == "payment_issue"
    assert service.shop_topic("i bought a sofa in the boxing day sale on friday and got charged TWICE") != "return_item"
    assert service.shop_topic("i ordered a navy rug and got a beige one") == "return_item"
    assert manager._SEASON_WISHES.search("merry xmas to u robot 🎄🍷")
    assert manager._SEASON_WISHES.search("happy new year!!")
    assert phrases.FAREWELL.search("ok good to know. night/morning whatever it is 😅")
    for text in ("night stands please", "a lamp to read by at night", "ok. night time reading lamp?"):
        assert not phrases.FAREWELL.search(text), text


def test_problems():
    dark = problem_in("the daylight through my bedroom window keeps waking me up. need curtains that actually make it dark")
    assert dark is not None and dark.features == {"light control": "blackout"}
    back = problem_in("also need a chair to go with it, my back is already wrecked from carrying boxes lol")
    assert back is not None and back.features == {"lumbar support": "yes"}


def test_measures_and_counts():
    from bot.dialogue.dimensions import read_limits
    from bot.nlu.normalize import _not_money_in

    assert read_limits("hm i need it taller than that, at least 5 feet").least == {"H": 60.0}
    assert _not_money_in("meh. something with a higher thread count, like 400+", "400")
    assert not _not_money_in("something under 400 please", "400")


def test_two_questions_and_replacements():
    from bot.dialogue.service import ShopPolicy

    assert manager._WHERE_IS_MY_ORDER.search("thanks for the help earlier! also where's my order 81244, and do you take paypal?")
    assert service.names_topic("delivery_time", "how much is delivery to 60614")
    assert service.HOW_LONG_THAT.match("how long would that take? we have people over next weekend")
    text, _ = service.right_one_arrives("61177", ShopPolicy(), replacement=True)
    assert text.startswith("The replacement is sent") and "order 61177" in text
    assert service._yes_or_no_methods("how do i use the gift card when i pay?", ShopPolicy()).startswith("Yes, we accept gift cards.")
