"""Shopper words met in blind rounds 137-140: a temperature said as "cooled down to 88", goodbyes said in other
words, a promo code refused at checkout, an order number after two amounts, a one-bedroom flat called "a tiny 1
bed", the one taken before the next thing ("ok the green metal one then. now a mattress for it"), refusals said in
other words ("pink and mustard aren't really my thing", "boucle + cat claws = disaster", "not hanging"), features
said in other words ("ok if it rains", "the shelves are adjustable", "nothing that needs assembly"), and counts
("add 2 to my cart")."""

from __future__ import annotations

from bot.dialogue import manager, phrases, service
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground
from bot.dialogue.problems import problem_in
from bot.dialogue.requests import split_requests
from bot.nlu.normalize import _not_money_in


def test_a_temperature_is_no_budget():
    assert _not_money_in("good evening 🌙 finally cooled down to 88 lol", "down to 88")
    assert not _not_money_in("any sofas down to 88 dollars?", "down to 88")


def test_goodbyes_in_other_words():
    assert phrases.FAREWELL.search("ok we need to vote on it in the group chat, brb")
    assert phrases.FAREWELL.search("lifesaver. have a good weekend!")
    assert not phrases.FAREWELL.search("have a good look at the second one, is it solid wood?")


def test_a_refused_promo_code_and_the_order_number():
    assert service.shop_topic("got a code from your summer clearance email but checkout says its invalid??") == "payment_issue"
    assert service.shop_topic("your email said SPRING15 = 15% off everything but checkout keeps saying invalid code??") == "payment_issue"
    # "pay full price" is no question about how much of a refund comes back
    assert service.shop_topic("i really dont want to pay full price for the sofa in my cart") is None
    assert service.shop_topic("do i get the full amount back?") == "refund"


def test_what_a_question_is_about_is_no_request_of_its_own():
    assert split_requests("can i pay in installments instead? its a $2300 sectional") == [
        "can i pay in installments instead? its a $2300 sectional"]
    assert split_requests("aw cute. can you gift wrap? with a little note?") == ["aw cute. can you gift wrap? with a little note?"]


def test_the_one_taken_then_the_next_thing():
    vocab = {"colors": ["green", "navy"], "materials": ["metal", "latex"], "categories": ["Beds", "Mattresses"]}
    taken = ground({"color": "green", "material": "metal", "category": "Mattresses"},
                   "ok the green metal one then. now a mattress for it, i sleep really hot", vocab, shopping=True)
    assert taken == {"category": "Mattresses"}
    again = ground({"color": "green", "category": "Mattresses"}, "ok the green one then. now a green mattress", vocab, shopping=True)
    assert again["color"] == "green"  # said again for the next thing: wanted


def test_refusals_in_other_words():
    vocab = {"colors": ["blush pink", "mustard", "rust"], "materials": ["boucle", "performance fabric", "leather"],
             "categories": ["Curtains", "Sofas"]}
    colours = ground({"color": "blush pink", "exclude_color": "mustard"},
                     "something more neutral? pink and mustard aren't really my thing", vocab, shopping=True)
    assert "blush pink" in colours["exclude_color"] and "mustard" in colours["exclude_color"]
    assert "blush pink" not in str(colours.get("color"))
    claws = ground({"material": "boucle"}, "hmm boucle + cat claws = disaster too 😂 anything in performance fabric?", vocab,
                   shopping=True)
    assert claws == {"exclude_material": "boucle", "material": "performance fabric"}
    assert manager._NOT_A_WORD.search("ok forget foldable then. just waterproof, not hanging, under 150").group(1) == "hanging"
    assert not manager._NOT_A_WORD.search("no thanks, not yet")


def test_features_in_other_words(catalog):
    def of(category):
        return [p for p in catalog if p.leaf_category == category]
    assert asked_attributes("something cheap, under 100, and it has to be ok if it rains", of("Outdoor Chairs"))[0] == {
        "waterproof": "yes"}
    assert asked_attributes("any colour is fine as long as the shelves are adjustable", of("Bookcases"))[0] == {
        "adjustable shelves": "yes"}
    assert asked_attributes("under 200 and nothing that needs assembly, i cant face an allen key tonight", of("Nightstands"))[0] == {
        "assembly required": "no"}
    assert asked_attributes("one that needs assembly is fine", of("Nightstands"))[0] == {"assembly required": "yes"}


def test_troubles_and_homes():
    assert problem_in("the pillows my mom gave me are like sleeping on a cloud").features == {"firmness": "firm"}
    back = problem_in("my back is killing me after a morning at my desk. need a chair that actually helps")
    assert back is not None and back.category == "office chair"
    vocab = {"categories": ["Beds", "Sofas"], "colors": [], "materials": []}
    assert "category" not in ground({"category": "Beds", "price_max": 200.0},
                                    "need a wedding gift for friends who just moved into a tiny 1 bed. under 200", vocab, shopping=True)
    assert ground({"category": "Beds"}, "a queen bed for our 2 bed flat", vocab, shopping=True)["category"] == "Beds"


def test_counts_prices_and_comparisons():
    assert phrases.bare_count("ok the rust ones. add 2 to my cart") == 2
    assert phrases.bare_count("add 2 to the list of things i like") is None  # (not a cart)
    assert phrases.ALL_TOO_DEAR.search("omg the prices 😳 anything cheaper in mustard?")
    assert manager._WHICH_IS_MORE.search("the latex ones, which is cooler to sleep on")
    assert not manager._WHICH_IS_MORE.search("which one do you mean?")
    assert manager._ONES_THAT_DO.search("ok just show me the ones that include it then")


def test_round_139_140_conversation_and_service():
    assert manager._TAKE_IT.search("meh ok. take it")
    assert manager._TAKE_IT.search("add the cream ones")
    assert not manager._TAKE_IT.search("take it easy, what else do you have?")
    assert manager._BROWSING_AS_NEWS.search("car is covered in frost so im stuck inside browsing till it melts")
    assert manager._DELAY_CAUSE.search("is it the weather thing? can you at least give me a new date")
    assert phrases.PRICE_REMARK.match("1679?? for a kids mattress?? nope. nevermind, thanks anyway")
    assert phrases.OFF_TOPIC.search("honestly just bored. what's your favourite piece of furniture lol")
    assert split_requests("ok add the cheapest one too. will everything get here by friday??") == [
        "ok add the cheapest one too", "will everything get here by friday??"]
    assert split_requests("and can i split it into monthly payments? its 1800 for the sectional") == [
        "and can i split it into monthly payments? its 1800 for the sectional"]


def test_round_139_140_picks_and_questions(catalog):
    from bot.dialogue.references import described_positions
    assert manager._WHICH_OF_THESE.match("which of these swivels?").group(1) == "swivels"
    assert manager._ONES_THAT_DONT.search("ugh. which of the queen ones under 500 DONT need one")
    assert manager._THE_ONE_PLEASE.match("the natural oak one please, not the black")
    assert manager._WHAT_GOES_WITH.search("just got the Harper sofa (love it). what rug would go with it?").group(1) == "rug"
    assert manager._ASKS_OF_IT.search("fine the mustard one, we'll call it festive 😅 how many panels is that")
    assert manager._FEATURE_GIVEN_UP.search("ok fine, no drawers then. the navy upholstered one looks cozy").group(2) == "drawers"
    nightstands = [p for p in catalog if p.id in ("NI-018", "NI-013")]
    soft_close = next(i for i, p in enumerate(nightstands, 1) if p.attributes.get("soft-close drawers") == "yes")
    assert described_positions("i'll take the one with soft close drawers", nightstands) == [soft_close]


def test_round_139_140_wishes_read(catalog):
    vocab = {"colors": ["sage", "green", "rust", "natural", "white"], "materials": ["hybrid coils", "wood"],
             "categories": ["Floor Lamps", "Desks", "Bookcases", "Rugs", "Sectionals", "Sheets & Duvets", "Table Lamps", "Beds"]}
    painted = ground({"color": "sage", "category": "Floor Lamps"},
                     "just finished painting the kitchen sage green and want a brass floor lamp", vocab, shopping=True)
    assert "color" not in painted and painted["category"] == "Floor Lamps"
    assert "material" not in ground({"material": "hybrid coils", "category": "Desks"},
                                    "we're back to hybrid so i need a proper desk at home", vocab, shopping=True)
    assert ground({"category": "Bookcases", "size": "under 100"}, "show me bookcases under 100", vocab, shopping=True) == {
        "category": "Bookcases", "price_max": 100.0}
    assert ground({"category": "Sheets & Duvets", "exclude_category": "Sheets & Duvets", "size": "Queen"},
                  "now none of the sheets fit 🙄 need sheets for a queen", vocab, shopping=True) == {
        "category": "Sheets & Duvets", "size": "Queen"}
    lamp = ground({"category": "Lighting"}, "she reads in bed every night with a clip-on lamp. want to get her a proper bedside lamp",
                  vocab, shopping=True)
    assert lamp.get("category") == "Table Lamps"
    assert ground({"color": "green"}, "not loving the green. other options?", vocab, shopping=True) == {"exclude_color": "green"}
    assert problem_in("what about the mattress then, ours is super soft and i wake up sweaty").features == {
        "firmness": "firmer", "cooling": "yes"}
    sofas = [p for p in catalog if p.leaf_category == "Sofas"]
    assert asked_attributes("he says its too small, it only seats 2. we need 3 seats at least", sofas) == ({}, {"seats": 3.0})


def test_a_refused_word_of_a_listed_feature(catalog):
    from retrieval.filters import matches
    from retrieval.types import SearchFilter
    rugs = [p for p in catalog if p.leaf_category == "Rugs"]
    shag = [p for p in rugs if "shag" in str(p.attributes.get("pile height", "")) and "shag" not in p.title.lower()]
    assert shag and not matches(shag[0], SearchFilter(exclude_words=["shag"]))


def test_round_141_words(catalog):
    from bot.dialogue.kinds import kinds_named
    assert _not_money_in("its 92 and sticky out and we basically live on the patio now", "92")
    assert [k.name for k, _ in kinds_named("whats a good L-shaped desk?")] == ["l-shaped ones"]
    choice, question = split_requests("hmm ok take the oval one then. can it be here by friday?")
    assert choice.startswith("hmm ok take the oval one") and question == "can it be here by friday?"
    assert manager._HOT.search("no leather pls its way too hot for leather rn")
    assert manager._GETTING_THE_ONE.search("the grey gaming one is perfect, he'll love it. add pls 🙏")
    assert manager._THE_ONE_THEN_ASKED.match("the white cube one - how many shelves, and can you move them up and down?")
    sectionals = [p for p in catalog if p.leaf_category == "Sectionals"]
    assert asked_attributes("covers have to come off and go in the wash, kids + popcorn", sectionals)[0] == {
        "removable cushion covers": "yes"}
