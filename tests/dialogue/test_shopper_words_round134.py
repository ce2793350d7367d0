"""Shopper words met in blind rounds 134-136 and in round 133's pending dialogues: "oh no thats a dealbreaker with
the dog. which ones do have them?" (the feature asked about just before), "something completely different, and
less white" (white refused), "whats the firmest king you've got" (firm ones), colours, materials and looks refused
in other words, kinds said in passing, troubles and features, service wording, price remarks and picks by price."""

from __future__ import annotations

from bot.dialogue import manager
from bot.dialogue.constraints import asked_attributes
from bot.dialogue.grounding import ground, unnegated_exclusions


def test_which_ones_do_have_them():
    assert manager._WHICH_DO_HAVE.search("oh no thats a dealbreaker with the dog. which ones do have them?")
    assert manager._WHICH_DO_HAVE.search("which of them do come with it?")
    assert not manager._WHICH_DO_HAVE.search("which ones do you have in stock?")


def test_less_of_a_colour_is_refused():
    said = "something completely different, and less white"
    assert unnegated_exclusions({"exclude_color": "white"}, said) == {"exclude_color": "white"}
    assert ground({"color": "white"}, said, {"colors": ["white", "grey"]}, shopping=True) == {"exclude_color": "white"}
    assert unnegated_exclusions({"exclude_color": "white"}, "white, for less than 200") == {"color": "white"}
    assert "exclude_color" not in ground({"color": "white"}, "more or less white is fine", {"colors": ["white"]}, shopping=True)


def test_the_firmest_is_firm(catalog):
    mattresses = [p for p in catalog if p.leaf_category == "Mattresses"]
    assert asked_attributes("ok then whats the firmest king you've got, under 700 this time", mattresses)[0] == {"firmness": "firm"}
    assert asked_attributes("the softest one you have", mattresses)[0] == {"firmness": "soft"}


def test_colours_and_materials_refused_in_other_words():
    vocab = {"colors": ["black", "charcoal", "navy", "walnut", "espresso", "white", "cream"], "materials": ["velvet", "leather", "fabric"],
             "categories": ["Dressers", "Beds", "Sofas"]}
    dark = ground({"category": "Dressers"}, "looking for a dresser, nothing dark tho, my room barely gets any light", vocab, shopping=True)
    assert set(dark["exclude_color"]) == {"black", "charcoal", "navy", "walnut", "espresso"}
    assert "black" not in str(ground({}, "no dark wood please", vocab, shopping=True))  # the dark woods only
    hot = ground({"material": "velvet"}, "the velvet one looks so hot to sleep on, its 97 out. something more breathable?", vocab, shopping=True)
    assert hot == {"exclude_material": "velvet"}
    heat = ground({"material": "leather", "exclude_material": "fabric"}, "hmm leather in this heat, no thanks. fabric?", vocab, shopping=True)
    assert heat == {"material": "fabric", "exclude_material": "leather"}
    described = ground({"color": "cream", "exclude_material": "velvet"},
                       "the cream velvet ones are pretty but velvet + gravy... anything wipeable?", vocab, shopping=True)
    assert "color" not in described


def test_kinds_said_in_passing():
    vocab = {"categories": ["Sheets & Duvets", "Patio Sets", "Table Lamps", "Beds", "Outdoor Chairs", "Dining Chairs"], "colors": [], "styles": []}
    assert ground({"exclude_category": "Sheets & Duvets", "size": "Twin", "category": "set"},
                  "finally unpacked and realised i have no sheets 🤦 need a twin set", vocab, shopping=True)["category"] == "Sheets & Duvets"
    assert ground({"color": "light", "category": "Sheets & Duvets", "size": "Queen"},
                  "need a light comforter for their queen bed", vocab, shopping=True)["category"] == "Sheets & Duvets"
    assert "category" not in ground({"exclude_brand": "IKEA", "category": "Outdoor"},
                                    "not ikea, had a bad experience with their outdoor stuff", {**vocab, "categories": ["Outdoor"], "brands": ["IKEA"]}, shopping=True)
    from bot.dialogue.grounding import member_by_purpose
    assert member_by_purpose(["Armchairs", "Dining Chairs", "Outdoor Chairs"], "having 10 people for sunday lunch") == "Dining Chairs"
    assert member_by_purpose(["Armchairs", "Dining Chairs", "Outdoor Chairs"], "for outside on the patio") == "Outdoor Chairs"


def test_style_refused_and_another_wished():
    vocab = {"styles": ["bohemian", "mid-century", "modern"], "colors": [], "categories": []}
    assert ground({"style": "bohemian"}, "hmm i dont love the boho look. something more mid century?", vocab, shopping=True) == {
        "exclude_style": "bohemian", "style": "mid-century"}


def test_features_and_troubles_said_in_other_words(catalog):
    def of(category):
        return [p for p in catalog if p.leaf_category == category]
    assert asked_attributes("want lounge chairs for the deck that i can leave out in the rain", of("Outdoor Chairs"))[0] == {"waterproof": "yes"}
    assert asked_attributes("i want a rug that can actually live outside", of("Rugs"))[0] == {"indoor/outdoor": "yes"}
    assert asked_attributes("has to be a standing one tbh, my back is wrecked", of("Desks"))[0] == {"standing desk": "yes"}
    assert asked_attributes("please not one that needs a box spring, we dont have one", of("Beds"))[0] == {"box spring required": "no"}
    from bot.dialogue.problems import problem_in
    assert problem_in("the mattress that came with the flat is way too soft and i sleep really hot").features == {
        "firmness": "firmer", "cooling": "yes"}
    assert problem_in("the mattress you delivered is way too soft") is None


def test_service_words():
    assert manager._DUE_TO_COME.search("my dresser is supposed to be delivered today but its blowing a gale here")
    assert manager._SWAP_IT.search("turns out she has a king bed 🤦‍♀️ can i swap it")
    assert manager._SEND_IT_ELSEWHERE.search("actually no, dont cancel. can you just send it to her new flat instead, 14 Elm Street apt 3")
    assert manager._FASTER_DELIVERY.search("what about express then")
    assert manager._LATER_THEN.search("ugh ok never mind, i'll try the card again later. bye")
    assert manager._POSTCODE.search("And what does the delivery cost? They live in Tucson, 85719")
    assert manager._DRIVER_ASKED.search("ok. and can the driver come on a saturday, weekdays im at work")
    assert not manager._DRIVER_ASKED.search("do they come in dark green or navy? that's the colour scheme in there")
    assert manager._LOVES_IT.search("the couch we got from you arrived today and my mom loves it ❤️")
    assert manager._AND_A_THING.match("and an umbrella? its gonna be 98 in the shade")
    assert manager._THE_ONLY_ONE.search("1679 for a single mattress?? is that really the only twin one")


def test_price_remarks_and_picks(catalog):
    from bot.dialogue import phrases
    from bot.dialogue.references import described_positions
    assert phrases.PRICE_REMARK.match("1679 for a single mattress?? is that really the only twin one")
    assert phrases.PRICE_REMARK.match("whoa 2 grand for a guest bed?? no. under 800 please")
    assert not phrases.PRICE_REMARK.match("2 chairs for the balcony?")  # two chairs, no price
    mattresses = [p for p in catalog if p.leaf_category == "Mattresses"][:4]
    target = mattresses[2]
    assert described_positions(f"the {target.price:.0f} one has a 365 night trial?? add it", mattresses) == [3]
    from bot.dialogue.requests import is_cart_command, split_requests
    assert is_cart_command("ok add the cheaper one")
    assert split_requests("ok add the cheaper one. and a nightstand to go with it, white if possible") == [
        "ok add the cheaper one", "a nightstand to go with it, white if possible"]


def test_round_136_words(catalog):
    from bot.dialogue import phrases
    vocab = {"colors": ["charcoal", "white", "terracotta", "cream", "grey"], "categories": ["Beds", "Curtains", "Armchairs"]}
    assert ground({"color": "charcoal"}, "hmm charcoal is kinda dark for two little girls, anything lighter?", vocab,
                  shopping=True) == {"exclude_color": "charcoal"}
    neutral = ground({"color": "terracotta"}, "something neutral that goes with terracotta, nothing loud", vocab, shopping=True)
    assert "terracotta" not in str(neutral) and "cream" in str(neutral)
    taken = ground({"price_max": 399.0, "color": "white", "category": "Curtains"},
                   "ok 399 for the white one is fine i guess. now blackout curtains", vocab, shopping=True)
    assert taken == {"category": "Curtains"}
    assert manager._ALL_DONE.match("thats me done. happy spring cleaning to me 😅")
    assert manager._DELIVERY_MISSED.search("third delivery date missed for my bed frame")
    assert manager._DELIVERY_MISSED.search("our dining chairs were promised for tuesday and never showed up")
    assert manager._ANGRY.search("third delivery date missed for my bed frame. this is ridiculous, your service is terrible")
    assert not manager._ANGRY.search("my order 48213 still hasn't arrived, where is it?")  # a late order, asked about
    assert manager._FEE_BACK.search("i want the delivery fee back at the very least")
    assert manager._WENT_THROUGH.search("ok. and the order itself did go through right?")
    assert manager._TIPS_ASKED.search("how long do i cook a 14 lb turkey")
    assert manager._DAYS_GREY.search("ugh another grey drizzly sunday ☔ is it ever gonna stop raining?")
    assert manager._LOVES_IT.search("my uncle has been asleep on the sofa we got from you since 2pm. 10/10 🛋️")
    assert manager._GOES_WITH_IT.search("thinking about an armchair to go next to it")
    assert phrases.KEEP_THE_ORDER.search("no wait dont cancel it, we still want it")
    assert phrases.PRICE_REMARK.match("1.7k for a kids mattress?? no way. anything under 400?")
