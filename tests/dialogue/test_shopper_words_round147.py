"""Shopper words met in blind rounds 146-148: a quantity said "x2" or "2 panels", the cart said first and a question
or a wish after it, a remark and then a closing ("thanks anyway, bye", "ill keep looking, thanks"), a colour refused
in other words ("a bold choice", "would be destroyed by red wine", "rust tho... anything calmer?"), food that is no
material ("cranberry sauce"), a TV's size said as what the stand is for, "nothing too soft", "for a full bed",
"size can be whatever", in stock only ("tv stands you ACTUALLY have"), weather degrees that are no size, a deck
and "waterproof" (outdoor chairs), "a linen sofa" (no bedding), "carry it up 3 flights" (delivery into the home, not
when the shopper carries it), "will you match it?" (a price match), and "which ones come with inserts?" (those that do)."""

from __future__ import annotations

from bot.dialogue import manager, phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground, outdoor_kind
from bot.dialogue.problems import problem_in
from bot.dialogue.product_qa import which_have
from bot.dialogue.requests import cart_said_first, split_requests
from bot.nlu.normalize import count_meaning, negated_after
from retrieval.product import Product


def _product(pid: str, **kw) -> Product:
    return Product(id=pid, title=kw.pop("title", pid), category=kw.pop("category", ["Home"]), **kw)


def test_a_quantity_said_x2_or_in_panels():
    count, _ = phrases.quantity("the navy one x2")
    assert count == 2
    count, _ = phrases.quantity("the rust ones. 2 panels pls")
    assert count == 2
    assert phrases.quantity("i'll take 2") is None  # (said last: #2 as much as two)
    text = "the navy one x2"
    assert count_meaning(text, "item_ref", text.index("x2")) is None  # two of it, not the second one
    asked = "does the Marlow one fold? and is that 1 chair or 2?"
    assert count_meaning(asked, "item_ref", asked.index("1 chair")) is None
    assert count_meaning(asked, "item_ref", asked.index("or 2")) is None
    said = "oh nice so one set does it. add it to the cart"
    assert count_meaning(said, "item_ref", said.index("one set")) is None
    assert count_meaning("the second one please", "item_ref", 4) == "item_ref"


def test_the_cart_said_first_then_a_question_or_a_wish():
    assert split_requests("white one it is. add it - and how much is delivery to 55408?") == [
        "white one it is. add it", "how much is delivery to 55408?"]
    assert split_requests("meh ok fine add it anyway. how long is delivery right now with this strike thing?") == [
        "meh ok fine add it anyway", "how long is delivery right now with this strike thing?"]
    assert split_requests("ok the green one is kinda fun actually. add it, and i need sheets for it too") == [
        "ok the green one is kinda fun actually. add it", "i need sheets for it too"]
    assert split_requests("omg ok ordering it. does it come tomorrow if i order now lol") == [
        "omg ok ordering it", "does it come tomorrow if i order now lol"]
    assert cart_said_first("the cream velvet one, 2 of them. can you gift wrap it and leave the price out?")
    # (not a cart and a goodbye, nor an order put off till tomorrow)
    assert not cart_said_first("nice, add it. that's all, night night!")
    assert not cart_said_first("ok ordering it tomorrow when im a functioning human. gnight")


def test_a_remark_then_a_closing():
    kind, before = phrases.closing_said_last("figured. cash in a card it is 😂 thanks anyway, bye")
    assert kind == "goodbye" and "cash in a card" in before and "thanks" not in before
    kind, before = phrases.closing_said_last("shag under a dining table is a nightmare with crumbs 😬 ill keep looking, thanks")
    assert kind == "goodbye" and "shag" in before
    assert phrases.closing("ill keep looking, thanks") == "goodbye"
    assert phrases.closing_said_last("thanks, bye") is None  # only a closing
    assert phrases.closing_said_last("any cheaper ones?") is None


def test_a_choice_by_place_said_in_passing():
    assert phrases.picks_nth("nice, the second one pls")
    assert phrases.picks_nth("lol ok the first one. thanks robot")
    assert not phrases.picks_nth("the first one")
    assert not phrases.picks_nth("the second one?")


def test_colours_refused_in_other_words():
    bold = "rust is a bold choice lol. anything more neutral?"
    assert negated_after(bold, "color", len("rust")) == "exclude_color"
    wine = "the cream one would be destroyed by red wine in a week 😂 anything darker?"
    assert negated_after(wine, "color", wine.index("cream") + len("cream")) == "exclude_color"
    tho = "rust tho... anything in a calmer colour?"
    assert negated_after(tho, "color", len("rust"), 0) == "exclude_color"
    queen = "she needs a queen though. anything similar in queen?"
    start = queen.index("queen")
    assert negated_after(queen, "size", start + len("queen"), start) == "size"  # wanted, said before "though"


def test_food_and_weather_are_no_product_value():
    vocab = {"materials": ["leather"], "colors": ["red", "cream"], "categories": ["Sofas"]}
    sauce = ground({"exclude_material": ["leather", "cranberry"]}, "not leather, kids + cranberry sauce = disaster", vocab, shopping=True)
    assert sauce["exclude_material"] == "leather"
    hot = ground({"size": "32"}, "morning bot ☀️ gonna be another sticky one, 32 degrees they said. u got AC in there? 😂", vocab,
                 shopping=True)
    assert "size" not in hot
    assert manager._SMALL_TALK_ASKED.search("morning bot ☀️ gonna be another sticky one, 32 degrees they said")


def test_in_stock_only_and_a_bed_size_said_of_the_bed():
    vocab = {"sizes": ["Twin", "Full", "Queen", "King"], "categories": ["TV Stands", "Mattresses"]}
    have = ground({"category": "TV Stands"}, "ok. show me tv stands you ACTUALLY have, for a 55 inch tv, under 200", vocab, shopping=True)
    assert have["in_stock"] is True
    gone = ground({"price_max": 150.0}, "under 150 please, and nothing that's out of stock, your site's been lying all week", vocab,
                  shopping=True)
    assert gone["in_stock"] is True
    assert "in_stock" not in ground({"category": "TV Stands"}, "do you actually have a tv stand in white?", vocab, shopping=True)
    full = ground({"category": "Mattresses"}, "need a mattress for a full bed, nothing crazy, under 400", vocab, shopping=True)
    assert full["size"] == "Full"
    assert "size" not in ground({"category": "Mattresses"}, "my mattress is full of lumps", vocab, shopping=True)


def test_a_place_outside_and_a_material_before_its_kind():
    categories = ["Armchairs", "Outdoor Chairs", "Sofas", "Sheets & Duvets"]
    slots = {"category": "Armchairs"}
    outdoor_kind(slots, "we finally finished staining the deck!! now need 2 lounge chairs, waterproof, and not white", categories)
    assert slots["category"] == "Outdoor Chairs"
    inside = {"category": "Armchairs"}
    outdoor_kind(inside, "a waterproof cover for the armchair in the lounge", categories)
    assert inside["category"] == "Armchairs"
    vocab = {"materials": ["leather", "linen"], "categories": categories}
    sofa = ground({"material": "leather", "category": "Sofas", "price_max": 1000.0},
                  "our leather couch is unbearable in this heat 🥵 sticks to your legs. want a linen sofa this time, under 1000",
                  vocab, shopping=True)
    assert sofa["category"] == "Sofas" and sofa.get("material") == "linen"


def test_what_the_request_asks_of_the_products():
    mattresses = [_product("m1", attributes={"firmness": "soft"}), _product("m2", attributes={"firmness": "firm"}),
                  _product("m3", attributes={"firmness": "medium-firm"})]
    required, _ = asked_attributes("great. and a mattress for it, she's 74 so nothing too soft", mattresses)
    assert required == {"firmness": "firmer"}
    stands = [_product("t1", attributes={"fits tvs up to": '55"'}), _product("t2", attributes={"fits tvs up to": '85"'})]
    _, least = asked_attributes("also our tv in the new house is literally sitting on the floor lol. need a stand for a 65 inch", stands)
    assert least == {"fits tvs up to": 65.0}
    assert phrases.SOFT_WISH.search("foldable ones would be best so we can stash them")
    assert phrases.RELAX_IN.search("anything cheaper? washable is the must, size can be whatever")


def test_service_words():
    assert service.shop_topic("and carry it up 3 flights? no elevator in my building") == "delivery_options"
    assert not service.shop_topic("how much does the first one weigh? I have to carry it up four flights of stairs")
    assert service.shop_topic("I found the Harper aluminum lounge chair $40 cheaper on another site, will you match it?") == "payment_methods"
    assert service._WEEKEND.search("and is it extra if it comes on a saturday")
    assert manager._SEND_IT_ELSEWHERE.search("ok well can it go to the new house instead? 14 meadowlark close")
    assert manager._NOTE_FOR_DRIVER.search("can i add a note for the driver to leave it at reception?")
    assert manager._PICK_UP_IN_PERSON.search("helo is ur store open tmrw, want to pick up a coffee table in person")
    assert manager._CHECKOUT_BROKEN.search("wait the checkout page just keeps spinning?? is your site down")


def test_small_talk_and_remarks():
    assert manager._REMARK_ON_SHOPPING.search("is it just me or is everyone buying garden stuff today?? 😂")
    assert manager._REMARK_ON_SHOPPING.search("cant sleep again. is it weird to shop for furniture at 5am")
    assert manager._OPEN_THIS_EARLY.search("hiya, are you even open this early 😅")
    assert phrases.is_question("sweet. whats the trial like, how many nights")
    assert not phrases.is_question("ok. what a day")


def test_troubles_said_in_other_words():
    pillow = problem_in("cant sleep, the pillow in my new halls is like a pancake. help")
    assert pillow is not None and pillow.category == "pillow"
    books = problem_in("my son has about a million textbooks on the floor of his room. need something to put them on")
    assert books is not None and books.category == "bookcase"


def test_which_ones_have_it():
    pillows = [_product("p1", attributes={"insert included": "yes"}), _product("p2", attributes={"insert included": "no"}),
               _product("p3", attributes={"insert included": "yes"})]
    assert which_have("hm she'd want inserts. which ones come with them", pillows) == [0, 2]
    assert which_have("which ones dont come with an insert?", pillows) == [1]
    assert which_have("which is the cheapest?", pillows) is None


def test_round_148_words():
    """Round 148: "metal beds feel so cold" (metal refused, not beds), "leather is out", "i'm full boho" (no full
    size), "impulse bought a 3000 dollar sectional" (the story of a cancellation), "dog friendly" and "can handle a
    muddy labrador" (pet friendly), evening delivery slots, click and collect, a receipt emailed, "thats the one,
    checkout", and small talk read as a complaint."""
    vocab = {"materials": ["metal", "leather", "velvet"], "sizes": ["Full", "Queen", "King"], "styles": ["scandinavian", "bohemian"],
             "categories": ["Beds", "Armchairs", "Sectionals"]}
    beds = ground({"exclude_material": "metal", "exclude_category": "Beds"}, "not metal please, metal beds feel so cold", vocab,
                  shopping=True)
    assert beds["exclude_material"] == "metal" and "exclude_category" not in beds
    out = "leather is out, she'd shred it. and no velvet"
    assert negated_after(out, "material", len("leather")) == "exclude_material"
    assert negated_after("is the sofa out of stock?", "material", len("is the sofa")) == "material"
    boho = ground({"size": "Full", "style": "scandinavian", "category": "Armchairs"},
                  "my partner is minimalist scandi and i'm full boho. we need an armchair that keeps us both happy lol", vocab, shopping=True)
    assert "size" not in boho
    assert split_requests("can i cancel an order i placed like an hour ago? impulse bought a 3000 dollar sectional at midnight 😬") == [
        "can i cancel an order i placed like an hour ago? impulse bought a 3000 dollar sectional at midnight 😬"]
    rugs = [_product("r1", attributes={"pet friendly": "yes"}), _product("r2", attributes={"pet friendly": "no"})]
    assert asked_attributes("has to be washable and dog friendly, our lab sheds like crazy", rugs)[0] == {"pet friendly": "yes"}
    assert asked_attributes("a rug for the screened porch that can handle a muddy labrador", rugs)[0] == {"pet friendly": "yes"}
    assert manager._PICK_UP_IN_PERSON.search("is click and collect a thing now? my friend said you started it this month")
    assert manager._TAKE_IT.search("ok cool thats the one, checkout")
    assert not manager._TAKE_IT.search("thats the one")
    assert manager._SMALL_TALK_ASKED.search("lol is it just me or is this storm insane")
    assert manager._OPEN_THIS_EARLY.search("are you guys even open today")
