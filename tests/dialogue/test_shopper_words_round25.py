"""Shopper words met in blind rounds 25-27 and in the dialogues left out of rounds 17 and 21-24: a look said once
and remembered ("mid century or scandi vibe", then "nothing over 1000"), what the room has no of, an old thing that
broke, Black Friday (no colour), "take it", "why are you still showing me charcoal"."""

from __future__ import annotations

import pytest

from bot.dialogue.manager import DialogueManager
from bot.dialogue.state import DialogueState
from bot.nlu.types import NLUResult
from retrieval.filters import SearchFilter


def _nlu(text: str) -> NLUResult:
    return NLUResult(text=text, intent="search_product", confidence=1.0)


@pytest.mark.parametrize("text, styles, look", [
    ("a king bed frame. we like natural wood, mid century or scandi vibe", ["Mid-Century", "Scandinavian"], True),
    ("going for a coastal look, a rug in blue", ["Coastal"], True),
    ("a coastal rug in blue", ["Coastal"], False),                      # the piece's style, not the room's look
    ("going for a coastal look, a rug in blue", ["Modern"], False),     # the style asked is not the look said
    ("going for a cozy look", [], False),
])
def test_styles_said_as_the_look(text, styles, look):
    assert DialogueManager._said_as_look(_nlu(text), SearchFilter(styles=styles)) is look


def test_the_look_holds_while_its_styles_are_the_ones_asked_for():
    state = DialogueState(session_id="s", look_styles=["Mid-Century", "Scandinavian"])
    assert state.styles_are_look(["scandinavian", "mid-century"])
    assert not state.styles_are_look(["Scandinavian"])                 # one of them said again as a must
    assert not state.styles_are_look([])
    assert not DialogueState(session_id="s").styles_are_look([])


# --- blind round 25 (an ordinary Tuesday and Wednesday; renters, things that broke, customers of the shop)

from bot.dialogue import phrases  # noqa: E402
from bot.dialogue.constraints import asked_attributes  # noqa: E402
from bot.dialogue.grounding import ground  # noqa: E402
from bot.nlu.normalize import _not_money_in  # noqa: E402
from retrieval.product import Product  # noqa: E402

ROUND25 = {"categories": ["Curtains", "Lighting", "Rugs", "Sofas", "Throw Pillows", "Dining Chairs", "Office Chairs"],
           "colors": ["grey", "black"], "materials": ["performance fabric", "leather"], "styles": [], "brands": []}


def _mirror(mounting: str) -> Product:
    return Product(id=mounting, title="Mirror", category=["Decor", "Mirrors"], price=99.0, attributes={"mounting": mounting})


def _table(seats: str) -> Product:
    return Product(id=seats, title="Table", category=["Dining", "Dining Tables"], price=500.0, attributes={"seats": seats})


@pytest.mark.parametrize("text, mounting", [
    ("need a mirror that just leans against the wall", "lean"),       # the wall is where it leans
    ("a leaning mirror for the hallway", "lean"),
    ("a mirror to hang on the wall", "wall"),                          # the wall alone named: where it hangs
])
def test_a_mirror_that_leans(text, mounting):
    required, _ = asked_attributes(text, [_mirror("wall"), _mirror("lean"), _mirror("wall or lean")])
    assert required.get("mounting") == mounting


@pytest.mark.parametrize("text", ["a dining table that seats at least six", "a table for six people", "seats six"])
def test_seats_said_in_words(text):
    _, least = asked_attributes(text, [_table("4"), _table("6"), _table("8")])
    assert least == {"seats": 6.0}


@pytest.mark.parametrize("text, span, count", [
    ("we need a dining table that seats at least six. our budget is about 800", "at least six", True),
    ("something for at least six hundred", "at least six hundred", False),
    ("under five hundred please", "five hundred", False),
])
def test_a_count_of_seats_in_words_is_no_budget(text, span, count):
    assert _not_money_in(text, span) is count


def test_what_is_missing_is_wanted_and_what_is_outside_is_no_lamp():
    grounded = ground({}, "the bedroom in my rental has no curtains and the street light keeps me up at night", ROUND25,
                      shopping=True)
    assert grounded.get("category") == "Curtains"
    grounded = ground({"exclude_category": "Rugs", "color": "grey"}, "my living room has no rug, and i have a grey sofa",
                      ROUND25, shopping=True)
    assert grounded.get("category") == "Rugs" and "exclude_category" not in grounded and "color" not in grounded
    assert ground({"exclude_category": "Rugs"}, "no rugs please, I want a lamp", ROUND25, shopping=True)["exclude_category"] == "Rugs"
    assert "category" not in ground({}, "the street light keeps me up at night", ROUND25, shopping=True)


def test_an_old_thing_worn_out_is_replaced_and_flat_cushions_are_no_home():
    grounded = ground({"material": "performance fabric", "price_max": 1200.0},
                      "The cat has shredded the arms of our old sofa and the cushions have gone completely flat. Want "
                      "something tougher this time, performance fabric, budget up to 1200.", ROUND25, shopping=True)
    assert grounded["category"] == "Sofas" and "room" not in grounded
    assert ground({}, "we just moved into a small flat", ROUND25, shopping=True).get("room") == "flat"
    # an old thing that is fine is still the shopper's own
    assert ground({}, "my old sofa is grey, I want a rug", ROUND25, shopping=True).get("category") == "Rugs"


@pytest.mark.parametrize("text, buys", [
    ("one of our dining chairs cracked at the back. can i buy just one? theyre black leather", True),
    ("could we order another one in black?", True),
    ("the chair I ordered arrived cracked, can I get a new one?", False),   # an order's matter (ORDER_WORDS)
])
def test_buying_after_something_broke_at_home(text, buys):
    assert (bool(phrases.WANTS_TO_BUY.search(text)) and not phrases.ORDER_WORDS.search(text)) is buys


def test_our_cart():
    assert phrases.CART_VIEW.search("what's in our cart now?")


def test_a_question_about_the_material_is_not_which_material():
    from bot.dialogue.product_qa import answer
    sofa = Product(id="LS-1", title="Lund Loveseat in Grey Leather", category=["Sofas"], price=899.0, material="leather")
    text, known = answer("is the leather treated with flame retardant chemicals?", sofa)
    assert not known and text.startswith("The catalog lists") and "doesn't say whether it is treated" in text
    assert answer("is it leather?", sofa) == ("Yes, the Lund Loveseat in Grey Leather's material is leather.", True)


# --- blind round 26 (the Black Friday weekend; one day by channel) and round 17's leftovers

ROUND26 = {"categories": ["Sofas", "Rugs", "Mattresses", "Beds", "Curtains", "Table Lamps"],
           "colors": ["black", "grey", "olive", "natural", "charcoal"], "materials": ["jute", "linen"], "styles": [], "brands": []}


@pytest.mark.parametrize("slots, text, expected", [
    ({"category": "Sofas", "color": "black"}, "what's the cheapest sofa you've got? black friday budget lol", {"category": "Sofas"}),
    ({"category": "Rugs", "size": "under $150", "color": "black"}, "Do you have any rugs under $150 in your Black Friday deals?",
     {"category": "Rugs", "price_max": 150.0}),
    ({"color": "black", "price_max": 800.0}, "redoing our living room with the black friday deals. starting with a sofa, grey, under $800",
     {"category": "Sofas", "color": "grey", "price_max": 800.0, "room": "living room"}),
    ({}, "a black friday deal on a black sofa", {"category": "Sofas", "color": "black"}),   # black said of the sofa too
])
def test_black_friday_is_no_colour(slots, text, expected):
    assert ground(slots, text, ROUND26, shopping=True) == expected


def test_a_colour_refused_and_said_of_a_pet_stays_refused():
    grounded = ground({"material": "jute", "category": "Rugs", "exclude_color": "black", "color": "black"},
                      "need a jute rug. please nothing black, we have a black dog and the hair shows on everything!",
                      ROUND26, shopping=True)
    assert grounded.get("exclude_color") == "black" and "color" not in grounded
    assert "color" not in ground({"color": "black", "category": "Rugs"}, "we have a black lab, a rug please", ROUND26, shopping=True)


@pytest.mark.parametrize("text, category", [
    ("lookin for a mattres deal, queen size", "Mattresses"),          # a typo of the singular
    ("she loves reading in bed. Maybe around $50?", None),             # where she reads, not a bed
    ("a bedside lamp for reading in bed", "Table Lamps"),
])
def test_typos_and_places(text, category):
    assert ground({}, text, ROUND26, shopping=True).get("category") == category


def test_natural_fabrics_are_no_colour():
    assert ground({"material": "linen", "color": "natural"}, "anything similar in linen? We prefer natural fabrics",
                  ROUND26, shopping=True) == {"material": "linen"}


@pytest.mark.parametrize("text, takes", [("take it", True), ("ok i'll take it thanks", True), ("perfect, we'll take that one", True),
                                         ("take it back", False), ("i'll take the first one", False)])
def test_take_it(text, takes):
    assert bool(phrases.TAKE_THAT.match(text)) is takes


@pytest.mark.parametrize("slots, text, expected", [
    ({"color": "charcoal"}, "why are you still showing me charcoal? that's basically grey", {"exclude_color": "charcoal"}),
    ({"material": "leather"}, "why do you keep showing leather", {"exclude_material": "leather"}),
])
def test_still_shown_is_refused(slots, text, expected):
    from bot.dialogue.grounding import unnegated_exclusions
    assert unnegated_exclusions(slots, text) == expected


def test_the_question_asked_not_the_words_around_it():
    from bot.dialogue.product_qa import answer
    chair = Product(id="OC-1", title="Lund Mesh Chair", category=["Office Chairs"], price=299.0, size='29" W x 28" D x 42" H')
    text, known = answer("Thank you. Could you tell me whether the first one has a headrest? He's quite tall. Kind regards", chair)
    assert not known and "has a headrest" in text
    assert answer("how tall is it?", chair)[0] == 'The Lund Mesh Chair measures 29" W x 28" D x 42" H.'


# --- blind round 27 (early December: kids and pets, working from home, holiday hosts; three kinds of shopper),
# and round 15's leftovers

@pytest.mark.parametrize("text, same_budget, same", [
    ("What about a regular sofa instead, same colour and budget?", True, "colour"),
    ("a sofa instead, same budget and colour", True, "colour"),
    ("curtains instead, same colour", False, "colour"),
    ("same budget", True, None),
])
def test_same_colour_and_budget(text, same_budget, same):
    assert bool(phrases.SAME_BUDGET.search(text)) is same_budget
    found = phrases.SAME_VALUE.search(text)
    assert (next(g for g in found.groups() if g) if found else None) == same


@pytest.mark.parametrize("text", ["not fussed about the colour actually, show me others too", "not too bothered about the brand",
                                  "i'm not picky about the material"])
def test_not_fussed_lets_go(text):
    assert phrases.RELAX_IN.search(text)


@pytest.mark.parametrize("text, look", [("Dining chairs in black leather for a modern dining room, under $200 each", "modern"),
                                        ("a rug for our boho bedroom", "boho"), ("a rug for the bedroom", None)])
def test_a_style_said_of_the_room(text, look):
    found = phrases.ROOM_LOOK.search(text)
    assert (look in found.group("style")) if look else found is None


def test_a_style_of_the_room_is_a_look():
    assert DialogueManager._said_as_look(_nlu("Dining chairs in black leather for a modern dining room"), SearchFilter(styles=["Modern"]))
    assert not DialogueManager._said_as_look(_nlu("modern dining chairs for the dining room"), SearchFilter(styles=["Modern"]))


def test_a_dimmer_is_dimmable():
    lamp = Product(id="FL-1", title="Lamp", category=["Lighting", "Floor Lamps"], price=99.0, attributes={"dimmable": "yes"})
    assert asked_attributes("any with a dimmer?", [lamp])[0] == {"dimmable": "yes"}


def test_lower_back_support_is_lumbar():
    from bot.dialogue.product_qa import which
    chairs = [Product(id=f"OC-{i}", title=f"Chair {i}", category=["Office Chairs"], price=199.0,
                      attributes={"lumbar support": value}) for i, value in enumerate(("no", "yes"), 1)]
    answer = which("Which of these has the support for the lower back?", chairs, [1, 2])
    assert answer and answer.startswith("#2")


def test_a_back_ever_so_bad_is_a_problem():
    from bot.dialogue.problems import problem_in
    problem = problem_in("My husband needs a proper chair for his desk, his back is ever so bad. Around 300 dollars")
    assert problem is not None and problem.category == "office chair"


def test_a_warranty_asked_of_something_bought_here():
    assert phrases.BOUGHT_FROM_US.search("hi, I got a leather sofa from you back in 2024, how long is the warranty on it?")
    assert phrases.WARRANTY_WORD.search("how long is the warranty on it?")
    assert not phrases.BOUGHT_FROM_US.search("what's the warranty on your leather sofas?")


@pytest.mark.parametrize("text, helped", [
    ("I'm trying to assemble the L-shaped desk I ordered last week and the instructions make zero sense", True),
    ("we got the bed frame yesterday and we're stuck putting it together", True),
    ("is it easy to assemble? i can't use tools well", False),          # before buying: a product question
])
def test_help_with_assembling_an_order(text, helped):
    from bot.dialogue import service
    assert (service.shop_topic(text) == "complaint") is helped


def test_the_same_style_as_what_they_own():
    grounded = ground({"style": "mid-century", "category": "Coffee Tables"},
                      "I got a mid-century coffee table from you last year, now I need a TV stand in the same style",
                      {**ROUND25, "categories": ["Coffee Tables", "TV Stands"], "styles": ["mid-century"]}, shopping=True)
    assert grounded == {"style": "mid-century", "category": "TV Stands"}


def test_where_it_sits_is_no_wish():
    vocabulary = {**ROUND25, "categories": ["Desks", "Floor Lamps", "Table Lamps", "Lighting"]}
    assert "category" not in ground({"exclude_category": "Floor Lamps"}, "not a floor lamp, something small that sits on the desk",
                                    vocabulary, shopping=True)
    assert ground({}, "a desk for the spare room", vocabulary, shopping=True)["category"] == "Desks"


# --- blind round 28 (a week by age group; by room)

def test_a_count_in_words_is_no_budget_beside_one_in_digits():
    from bot.nlu.normalize import normalize_slots
    text = "I'm after a small bedside table with a drawer or two, under 150 dollars please."
    assert normalize_slots(text, [("category", "bedside table"), ("price_max", "or two"),
                                  ("price_max", "under 150 dollars")])["price_max"] == 150.0
    assert normalize_slots("under two hundred", [("price_max", "under two hundred")])["price_max"] == 200.0


@pytest.mark.parametrize("text, asks", [
    ("I ordered a chest of drawers for my granddaughter about ten days ago and I haven't heard a thing since. Could you "
     "kindly tell me when it will be arriving?", True),
    ("If I order a dining table today, when will it arrive?", False),
    ("when will my sofa arrive?", True),
])
def test_an_order_placed_asked_after(text, asks):
    assert bool(phrases.MY_ORDER_ARRIVING.search(text)) is asks


# --- blind round 29 (topic switches by time of day; where the chat came from)

def test_a_texting_shorthand_colour():
    assert ground({"color": "blu", "category": "Rugs"}, "lf a blu rug for the kids room", {**ROUND26, "colors": ["blue", "grey"]},
                  shopping=True)["color"] == "blue"


def test_a_product_question_after_a_story_splits_from_it():
    from bot.dialogue.requests import split_requests
    assert split_requests("honestly I'd rather send it back and pick something else. any charcoal velvet sofas?",
                          wish_first=True) == ["honestly I'd rather send it back and pick something else", "any charcoal velvet sofas?"]
    assert split_requests("we moved in last week. any rugs?") == ["we moved in last week. any rugs?"]  # a story, one request


# --- blind round 30 (a month at random; whole conversations by budget)

def test_solid_wood_covers_solid_oak():
    from bot.dialogue.constraints import catalog_materials, material_label
    materials = ["solid oak", "solid wood", "oak", "walnut", "wood", "engineered wood"]
    assert catalog_materials("solid wood", materials) == ["solid oak", "solid wood"]
    assert material_label(["solid oak", "solid wood"]) == "solid wood"
    assert material_label(["oak", "solid oak"]) == "oak"


def test_a_material_tagged_as_a_category():
    vocabulary = {**ROUND25, "categories": ["Sectionals", "Sofas"]}
    assert ground({"category": "performance fabric"}, "performance fabric, we have two little kids", vocabulary,
                  shopping=True) == {"material": "performance fabric"}


@pytest.mark.parametrize("text, low, high", [("happy to spend 800+", 800.0, None), ("can spend 1000 or more", 1000.0, None),
                                             ("spend up to 500", None, 500.0), ("budget is 800", None, 800.0)])
def test_a_spend_with_a_plus_is_a_floor(text, low, high):
    from bot.nlu.normalize import parse_price
    assert parse_price(text, hint="price_max") == (low, high)


def test_the_plus_after_an_amount_belongs_to_it():
    from bot.nlu.normalize import widen_price_spans
    text = "happy to spend 800+"
    assert widen_price_spans(text, [("price_max", 15, 18)]) == [("price_max", 9, 19)]   # "spend 800+"


@pytest.mark.parametrize("text, wanted", [("something with a headboard", "yes"), ("a bed without a headboard", "no"),
                                          ("a white bed", None)])
def test_with_a_headboard(text, wanted):
    beds = [Product(id=f"BE-{i}", title="Bed", category=["Beds"], price=500.0, attributes={"headboard": value})
            for i, value in enumerate(("none", "panel", "upholstered"))]
    assert asked_attributes(text, beds)[0].get("headboard") == wanted


@pytest.mark.parametrize("text", ["hmm ok, i'll think about it. thanks!", "let me sleep on it", "I'll have a think about it"])
def test_thinking_it_over(text):
    assert phrases.THINK_IT_OVER.search(text)


# --- blind round 31 (three shifts; moods and situations)

@pytest.mark.parametrize("text, hello", [("hello, anyone awake? :)", True), ("hi there, just browsing really, no rush", True),
                                         ("Good evening", True), ("which one is better?", False)])
def test_greetings(text, hello):
    assert bool(phrases.HELLO.match(text) or phrases.JUST_BROWSING.search(text)) is hello


def test_a_story_before_a_question_splits_only_after_an_order_matter():
    from bot.dialogue.requests import split_requests
    assert split_requests("My client refuses anything from IKEA. Show me bookcases.", wish_first=True) == [
        "My client refuses anything from IKEA. Show me bookcases."]
    assert split_requests("never mind, I'll check out as a guest. do you have white bookcases under 150?", wish_first=True) == [
        "never mind, I'll check out as a guest. do you have white bookcases under 150?"]


def test_a_delivery_that_came_broken():
    from bot.dialogue import service
    text = "The sofa came today with a broken leg and we've got people over tomorrow. What now??"
    assert service.says_damaged(text) and phrases.ORDER_WORDS.search(text) and not phrases.WANTS_TO_BUY.search(text)


@pytest.mark.parametrize("text, other", [("yo whats the weather like today", True), ("hi, how are you?", False),
                                         ("hello, anyone awake? :)", False), ("hey how's it going", False)])
def test_a_question_after_a_greeting(text, other):
    assert bool(phrases.ASKS_SOMETHING_ELSE.search(text)) is other


# --- blind round 32 (a long weekend; the three kinds of request the shop sees most)

@pytest.mark.parametrize("text, needs", [("It needs to seat four people.", True), ("it has to fit under the window", True),
                                         ("it has to be washable", False), ("does it need assembly?", False)])
def test_a_requirement_said_as_what_it_must_do(text, needs):
    assert bool(phrases.NEEDS_TO.search(text)) is needs


@pytest.mark.parametrize("text, liked", [("the white one looks nice", True), ("the oak one is lovely", True),
                                         ("white ones look nice in a bedroom", False), ("the white one?", False)])
def test_a_shown_product_liked_by_description(text, liked):
    assert bool(phrases.LOOKS_GOOD.search(text)) is liked


def test_what_is_in_the_box_and_how_to_care_are_said_not_listed():
    from bot.dialogue.product_qa import answer
    chair = Product(id="AR-1", title="Sleek Mustard Armchair – Bergen", category=["Armchairs"], price=1419.0, material="velvet")
    assert answer("how do i clean the first one, i have a toddler lol", chair) == (
        "I'm sorry, the catalog doesn't say how to clean the Sleek Mustard Armchair – Bergen. I only answer from the product's "
        "listed details.", False)
    assert "what comes in the box" in answer("what's included in the box with it?", chair)[0]
    assert phrases.IN_THE_BOX.search("what's included in the box with it? are screws and tools in there")


# --- blind round 33 (three regions; three product families)

def test_the_material_of_a_thing_in_the_room():
    vocabulary = {**ROUND25, "categories": ["Armchairs"], "materials": ["wood", "boucle"], "styles": ["farmhouse"]}
    grounded = ground({"category": "Armchairs", "material": "wood", "style": "farmhouse", "price_max": 450.0},
                      "Looking for a cosy armchair to read in by the wood stove. Farmhouse look, no more than 450.",
                      vocabulary, shopping=True)
    assert "material" not in grounded
    assert ground({"category": "Armchairs", "material": "wood"}, "a wood armchair by the wood stove", vocabulary,
                  shopping=True)["material"] == "wood"


@pytest.mark.parametrize("text, back", [("if it turns out too firm, can I send it back?", True), ("could we return it?", True),
                                        ("is it firm?", False)])
def test_sending_it_back(text, back):
    assert bool(phrases.SEND_IT_BACK.search(text)) is back
