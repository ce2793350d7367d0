"""Unit tests of the dialogue building blocks (no models needed)."""

from __future__ import annotations

from bot.dialogue import compare, product_qa, service
from bot.dialogue.complements import complement_categories
from bot.dialogue.constraints import apply_slots, describe, is_new_request, reference_price, satisfies_size, size_value
from bot.dialogue.profile import UserProfile, learn_from_product, next_turn, state_budget, state_preference
from bot.reply import product_line, reasons_for
from ranking.types import ScoredProduct
from retrieval.product import Product
from retrieval.types import Candidate, SearchFilter


def sofa(**kw) -> Product:
    base = dict(id="s1", title="Oslo 3-Seat Sofa", category=["Furniture", "Living Room", "Sofas"], brand="IKEA",
                price=699.0, color="Gray", material="Fabric", style="Scandinavian", size="84 in W",
                rating=4.6, review_count=1204, attributes={"waterproof": "no", "seats": "3"})
    base.update(kw)
    return Product(**base)


def test_slots_become_constraints_and_newer_replaces_older():
    f = apply_slots(SearchFilter(), {"category": "Sofas", "color": "Gray", "price_max": 800})
    assert f.categories == ["Sofas"] and f.colors == ["Gray"] and f.price_max == 800
    f = apply_slots(f, {"color": "Blue", "exclude_brand": "IKEA"})
    assert f.colors == ["Blue"] and f.exclude_brands == ["IKEA"]
    f = apply_slots(f, {"brand": "IKEA"})  # asking for a brand again withdraws its exclusion
    assert f.brands == ["IKEA"] and f.exclude_brands == []


def test_price_range_and_conflicts():
    f = apply_slots(SearchFilter(), {"price_min": 500})
    f = apply_slots(f, {"price_max": 300})  # the newer bound wins, the contradicting old one is dropped
    assert f.price_max == 300 and f.price_min is None


def test_relative_price_critique_uses_reference():
    f = apply_slots(SearchFilter(price_max=1000), {"price_relative": "lower"}, reference_price=650.0)
    assert f.price_max == 649.99
    f = apply_slots(SearchFilter(), {"price_relative": "higher"}, reference_price=650.0)
    assert f.price_min == 650.01
    assert reference_price([sofa(price=100), sofa(price=300), sofa(price=200)]) == 200


def test_new_request_detection_and_description():
    f = SearchFilter(categories=["Sofas"])
    assert is_new_request(f, {"category": "Rugs"})
    assert not is_new_request(f, {"category": "sofas"})
    text = describe(SearchFilter(categories=["Sofas"], colors=["Gray"], price_max=800, exclude_brands=["IKEA"]))
    assert text == "gray sofas under $800 not IKEA"


def test_size_ordering():
    assert size_value(sofa(size="Queen")) < size_value(sofa(size="King"))
    assert size_value(sofa(size="84 in W")) == 84
    assert satisfies_size(sofa(size="90 in W"), ("bigger", 84))
    assert not satisfies_size(sofa(size="80 in W"), ("bigger", 84))
    assert not satisfies_size(sofa(size=None), ("smaller", 84))  # unknown size never passes a size critique


def test_product_questions_answered_only_from_attributes():
    p = sofa()
    text, known = product_qa.answer("is it waterproof?", p)
    assert known and text.startswith("No") and "waterproof" in text
    text, known = product_qa.answer("what material is it?", p)
    assert known and "Fabric" in text
    text, known = product_qa.answer("how much is the second one?", p)
    assert known and "$699.00" in text
    text, known = product_qa.answer("is it machine washable?", p)
    assert not known and "doesn't say" in text
    text, known = product_qa.answer("what colour is it?", sofa(color=None))
    assert not known and "doesn't list" in text


def test_compare_lists_only_known_attributes():
    a, b = sofa(), sofa(id="s2", title="Kivik Sofa", price=499.0, rating=4.1, material=None, attributes={"seats": "2"})
    text = compare.compare([a, b], [1, 2])
    assert "$699.00 | $499.00" in text and "material: Fabric | —" in text
    assert "#2 is the cheapest" in text and "#1 is the best rated" in text
    assert "seats: 3 | 2" in text and "waterproof" not in text


def test_complements():
    assert "coffee table" in complement_categories(["Furniture", "Living Room", "Sofas"])
    assert "mattress" in complement_categories(["Bedroom", "Beds"])
    assert complement_categories(["Unknown"]) == []


def test_profile_explicit_beats_inferred_and_recent_beats_old():
    prof = UserProfile()
    state_preference(prof, "brand", "IKEA", positive=False)
    learn_from_product(prof, sofa(), [0.1] * 4, liked=True)
    assert prof.affinity("brand", "ikea") == -1.0  # inference does not overwrite the explicit statement
    assert prof.affinity("color", "gray") > 0 and prof.liked_ids == ["s1"]
    before = prof.affinity("color", "gray")
    next_turn(prof)
    assert 0 < prof.affinity("color", "gray") < before  # inferred weights fade
    learn_from_product(prof, sofa(), [0.1] * 4, liked=False)  # changed their mind
    assert prof.liked_ids == [] and prof.rejected_ids == ["s1"] and not prof.liked_embeddings
    state_preference(prof, "color", "Blue", positive=True)
    state_preference(prof, "color", "Green", positive=True)
    assert prof.affinity("color", "green") == 1.0 and prof.affinity("color", "blue") == 0.5
    state_budget(prof, None, 800)
    assert prof.budget_max == 800 and prof.budget_explicit


def test_personalization_off_learns_nothing():
    prof = UserProfile(personalization=False)
    state_preference(prof, "color", "Blue", positive=True)
    learn_from_product(prof, sofa(), [0.1], liked=True)
    state_budget(prof, None, 100)
    assert prof.affinity("color", "blue") == 0 and not prof.liked_ids and prof.budget_max is None


def test_reasons_are_grounded_in_real_attributes():
    prof = UserProfile()
    state_preference(prof, "brand", "IKEA", positive=True)
    scored = ScoredProduct(candidate=Candidate(product=sofa(), score=1.0), score=1.0,
                           contributions={"brand_affinity": 0.3, "rating": 0.1})
    reasons = reasons_for(scored, SearchFilter(price_max=800), prof)
    assert reasons[0] == "within your $800 budget" and len(reasons) == 2
    bare = sofa(rating=None, review_count=0, material=None, style=None, brand=None)
    reasons = reasons_for(ScoredProduct(candidate=Candidate(product=bare, score=1.0), score=1.0,
                                        contributions={"rating": 0.5, "brand_affinity": 0.4}), SearchFilter(), prof)
    assert not any("★" in r or "brand" in r or "made of" in r for r in reasons)


def test_a_listed_product_out_of_stock_says_so():
    assert product_line(1, sofa(in_stock=False), ["within your $800 budget"]) == (
        "1. Oslo 3-Seat Sofa — $699 by IKEA, out of stock right now (within your $800 budget)")
    assert "stock" not in product_line(1, sofa(), ["within your $800 budget"])


def test_service_answers_and_order_ids():
    assert service.find_order_id("where is my order #123456?") == "123456"
    assert service.find_order_id("order ABC-98765 please") == "ABC-98765"
    assert service.find_order_id("I want a sofa") is None
    text, quick = service.answer("return_item", "123456", service.ShopPolicy(return_days=30))
    assert "30 days" in text and "123456" in text and quick
    for intent in service.SERVICE_INTENTS:
        text, _ = service.answer(intent, None, service.ShopPolicy())
        assert text


def test_complements_map_onto_catalog_categories():
    from bot.dialogue.complements import in_catalog

    catalog = ["Coffee Tables", "Rugs", "Floor Lamps", "Sofas", "Outdoor Chairs"]
    assert in_catalog(["coffee table", "rug", "side table", "floor lamp"], catalog) == ["Coffee Tables", "Rugs", "Floor Lamps"]
    assert in_catalog(["chair"], catalog) == ["Outdoor Chairs"]


def test_category_words_map_onto_catalog_categories():
    from bot.dialogue.constraints import catalog_categories

    cats = ["Sofas", "Dining Chairs", "Office Chairs", "Outdoor Chairs", "Coffee Tables", "Living Room"]
    assert catalog_categories("sofa", cats) == ["Sofas"]
    assert catalog_categories("Chairs", cats) == ["Dining Chairs", "Office Chairs", "Outdoor Chairs"]
    assert catalog_categories("office chair", cats) == ["Office Chairs"]
    assert catalog_categories("spaceship", cats) == []
    f = apply_slots(SearchFilter(), {"category": ["Dining Chairs", "Office Chairs"]})
    assert f.categories == ["Dining Chairs", "Office Chairs"]
    assert not is_new_request(f, {"category": ["Office Chairs"]}) and is_new_request(f, {"category": "Sofas"})


def test_complements_never_suggest_the_same_category():
    assert "outdoor chair" not in complement_categories(["Outdoor", "Outdoor Chairs"])
    assert complement_categories(["Outdoor", "Outdoor Chairs"])


def test_yes_no_questions_about_a_field():
    p = sofa()
    text, known = product_qa.answer("is it made of fabric?", p)
    assert known and text.startswith("Yes") and "Fabric" in text
    text, known = product_qa.answer("is the first one made of leather?", p)
    assert known and text.startswith("No") and "Fabric" in text
    text, known = product_qa.answer("is it made of leather?", sofa(material=None))
    assert not known


def test_material_style_and_size_slots_become_catalog_filters():
    from bot.dialogue.constraints import apply_slots, catalog_materials, catalog_size, describe, material_label

    materials = ["oak", "solid oak", "walnut veneer", "engineered wood", "leather", "vegan leather", "linen", "metal"]
    assert catalog_materials("oak", materials) == ["oak", "solid oak"]
    assert catalog_materials("leather", materials) == ["leather"]  # faux is not the real thing
    assert catalog_materials("vegan leather", materials) == ["vegan leather"]
    assert set(catalog_materials("wooden", materials)) == {"oak", "solid oak", "walnut veneer", "engineered wood"}
    assert catalog_materials("granite", materials) == []
    assert material_label(catalog_materials("wood", materials)) == "wood"
    assert material_label(["oak", "solid oak"]) == "oak"
    sizes = ["Twin", "Full", "Queen", "King", "California King", "5' x 8'"]
    assert catalog_size("king size", sizes) == "King" and catalog_size("cal king", sizes) == "California King"
    assert catalog_size("King bed", sizes) == "King"
    assert catalog_size("6", sizes) is None
    vocabulary = {"materials": materials, "styles": ["mid-century", "modern"], "sizes": sizes}
    f = apply_slots(SearchFilter(), {"material": "oak", "style": "Mid Century", "size": "queen"}, vocabulary=vocabulary)
    assert (f.materials, f.styles, f.sizes) == (["oak", "solid oak"], ["mid-century"], ["Queen"])
    f = apply_slots(f, {"style": "modern", "exclude_size": "Queen", "exclude_material": "oak"}, vocabulary=vocabulary)
    assert f.styles == ["modern"] and f.sizes == [] and f.exclude_sizes == ["Queen"]
    assert apply_slots(SearchFilter(), {"exclude_size": "king size"}, vocabulary=vocabulary).exclude_sizes == [
        "King", "California King"]
    assert f.materials == [] and f.exclude_materials == ["oak", "solid oak"]
    assert describe(f) == "modern products not oak or Queen size"
    assert describe(SearchFilter(categories=["Armchairs", "Dining Chairs", "Office Chairs"])) == "chairs"
    assert describe(SearchFilter(categories=["Coffee Tables", "Dining Tables"])) == "coffee tables or dining tables"
    unknown = apply_slots(SearchFilter(), {"material": "granite", "size": "6"}, vocabulary=vocabulary)
    assert unknown.materials == [] and unknown.sizes == []  # the catalog has no such value: no filter


def test_questions_find_the_attribute_in_shopper_words():
    mirror = sofa(title="Porto Wall Mirror", attributes={"mounting": "wall or lean", "indoor/outdoor": "indoor"})
    bed = sofa(title="Cleo Bed", attributes={"box spring required": "no", "foldable": "yes", "weight capacity": "500 lbs"})
    assert "mounting: wall or lean" in product_qa.answer("can the first one hang on the wall?", mirror)[0]
    assert "indoor/outdoor: indoor" in product_qa.answer("can I use it outside?", mirror)[0]
    text, known = product_qa.answer("does it need a box spring?", bed)
    assert known and text == "The Cleo Bed lists box spring required: no."
    chair = sofa(title="Milo Chair", attributes={"headrest": "yes", "assembly required": "no"})
    assert product_qa.answer("does it have a headrest", chair)[0] == "The Milo Chair lists headrest: yes."
    assert product_qa.answer("is it easy to assemble", chair)[0] == "The Milo Chair lists assembly required: no."
    for asked in ("does it need assembling?", "does it come assembled?", "do i have to put it together?"):
        assert product_qa.answer(asked, chair)[0] == "The Milo Chair lists assembly required: no.", asked
    mattress = sofa(title="Quinn Mattress", attributes={"trial nights": "100", "cooling": "gel-infused", "firmness": "soft"})
    assert "cooling: gel-infused" in product_qa.answer("I sleep really hot, is the first one good for that?", mattress)[0]
    assert "trial nights: 100" in product_qa.answer("how many nights can I try it for?", mattress)[0]
    table = sofa(title="Milo Table", size='60" W x 36" D', attributes={"extendable": "no", "seats": "4"})
    text, known = product_qa.answer("we're 6 people, is the first one extendable?", table)
    assert known and text.startswith("No, the Milo Table is not extendable.") and "seats: 4" in text
    assert '60" W' in product_qa.answer("would the first one work in a small living room?", table)[0]
    assert product_qa.answer("does the second one fold up?", bed)[0].startswith("Yes, the Cleo Bed is foldable")
    assert "500 lbs" in product_qa.answer("how much weight can it hold", bed)[0]
    text, known = product_qa.answer("is it dishwasher safe?", bed)
    assert not known and "doesn't say whether the Cleo Bed is dishwasher safe" in text
    text, known = product_qa.answer("can it go in the dryer?", bed)
    assert not known and "doesn't list that" in text


def test_which_one_compares_the_products_on_what_was_asked():
    a = sofa(id="a", title="Sofa A", price=400.0, rating=4.1, size='76" W x 40" D x 32" H', attributes={"warranty": "1 year"})
    b = sofa(id="b", title="Sofa B", price=900.0, rating=4.8, size='86" W x 38" D x 33" H', attributes={"warranty": "5 years"})
    assert product_qa.which("which one has the longer warranty?", [a, b], [1, 3]).startswith("#3, the Sofa B: warranty 5 years")
    assert product_qa.which("which one is cheaper", [a, b], [1, 3]).startswith("#1, the Sofa A: price $400.00")
    assert product_qa.which("which is more expensive", [a, b], [1, 3]).startswith("#3")
    assert product_qa.which("which is rated better", [a, b], [1, 3]).startswith("#3")
    assert product_qa.which("which one is bigger", [a, b], [1, 3]).startswith("#3")
    assert product_qa.which("which one is smaller", [a, b], [1, 3]).startswith("#1")
    same = b.model_copy(update={"attributes": {"warranty": "1 year"}})
    assert product_qa.which("which has the longer warranty", [a, same], [1, 2]).startswith("They're the same on warranty")
    fewer = b.model_copy(update={"review_count": 30})  # more reviews is the count, not the stars (b is rated higher)
    assert product_qa.which("which of the two has more reviews?", [a, fewer], [1, 2]).startswith("#1, the Sofa A: reviews 1,204")
    picked = product_qa.which("which one would you pick for my mum", [a, b], [1, 2])  # said to be by the ratings
    assert picked.startswith("I can only go by what the catalog lists; the best rated is #2, the Sofa B")
    assert product_qa.which("which one suits my mum", [a, b], [1, 2]) is None
    c = sofa(id="c", title="Sofa C", price=400.0)
    tied = product_qa.which("which of these is cheapest", [b, a, c], [1, 2, 3])
    assert tied.startswith("#2, the Sofa A and #3, the Sofa C, tied on price at $400.00") and "#1 $900.00" in tied


def test_catalog_caches_follow_live_catalog_updates():
    from bot.dialogue.manager import DialogueManager, Services

    class Catalog:  # what the manager reads of a Retriever: its products and their vocabulary
        def __init__(self, products):
            self.products = {p.id: p for p in products}
            self.vocabulary = {}

        def upsert(self, product):
            self.products[product.id] = product
            self.vocabulary = {}  # the Retriever rebuilds its vocabulary after an update

    catalog = Catalog([sofa(id="a", title="Harper Sofa in Charcoal Boucle", price=600.0)])
    manager = DialogueManager(Services(retriever=catalog, rerank=None, diversify=None))
    assert manager.named_product("how wide is the harper sofa in charcoal boucle?").id == "a"
    assert manager.named_product("how wide is the Nova Sofa in Teal Velvet") is None
    assert manager.category_price("Sofas") == 600.0
    catalog.upsert(sofa(id="b", title="Nova Sofa in Teal Velvet", price=1000.0))
    assert manager.named_product("how wide is the Nova Sofa in Teal Velvet").id == "b"
    assert manager.category_price("Sofas") == 800.0


def test_features_asked_by_name_become_constraints():
    from bot.dialogue.constraints import asked_attributes, describe
    from retrieval.types import SearchFilter

    products = [sofa(attributes={"dimmable": "yes", "seats": "4", "set of": "2", "pet friendly": "yes"})]
    assert asked_attributes("dimmable floor lamp under 200", products) == ({"dimmable": "yes"}, {})
    assert asked_attributes("not dimmable please", products) == ({"dimmable": "no"}, {})
    assert asked_attributes("a table for 6 people under 800", products) == ({}, {"seats": 6.0})
    assert asked_attributes("outdoor set that seats 6", products) == ({}, {"seats": 6.0})
    assert asked_attributes("a sofa for 80 dollars", products) == ({}, {})  # a price, not seats
    assert asked_attributes("a sofa for 80", products) == ({}, {})  # no table seats 80
    assert asked_attributes("dimmable", [sofa(attributes={})]) == ({}, {})  # the products do not list it
    assert describe(SearchFilter(categories=["Floor Lamps"], attributes={"dimmable": "yes"})) == "dimmable floor lamps"


def test_features_of_several_words_values_and_tv_sizes():
    from bot.dialogue.constraints import asked_attributes

    curtains = [sofa(attributes={"machine washable": "yes", "light control": "blackout"}),
                sofa(attributes={"machine washable": "no", "light control": "sheer"})]
    assert asked_attributes("blackout curtains that are machine washable", curtains) == (
        {"machine washable": "yes", "light control": "blackout"}, {})
    chairs = [sofa(attributes={"foldable": "yes", "adjustable arms": "yes", "lumbar support": "adjustable"})]
    assert asked_attributes("chairs that fold up", chairs) == ({"foldable": "yes"}, {})
    # "adjustable" said as part of "adjustable arms" is not also a lumbar support value
    assert asked_attributes("office chair with adjustable arms", chairs) == ({"adjustable arms": "yes"}, {})
    mattresses = [sofa(attributes={"firmness": "medium-firm"}), sofa(attributes={"firmness": "firm"})]
    assert asked_attributes("medium firm queen mattress", mattresses) == ({"firmness": "medium-firm"}, {})
    stands = [sofa(attributes={"fits tvs up to": '85"', "cable management": "yes"})]
    assert asked_attributes("a stand that fits an 85 inch tv", stands) == ({}, {"fits tvs up to": 85.0})


def test_features_asked_without_their_names():
    from bot.dialogue.constraints import asked_attributes, attribute_label, describe

    pillows = [sofa(attributes={"insert included": "no", "machine washable": "yes", "assembly required": "yes"})]
    assert asked_attributes("velvet throw pillows that come with the insert", pillows) == ({"insert included": "yes"}, {})
    assert asked_attributes("pillow covers only, no inserts", pillows) == ({"insert included": "no"}, {})
    assert asked_attributes("a pillow I can throw in the washing machine", pillows) == ({"machine washable": "yes"}, {})
    assert asked_attributes("a dresser that comes assembled", pillows) == ({"assembly required": "no"}, {})
    sets = [sofa(attributes={"seats": "2"}), sofa(attributes={"seats": "6"})]
    # "a small set for 2" is a set for two; "a table for 2" is one that seats at least two
    assert asked_attributes("a small patio set for 2, like a bistro set", sets) == ({"seats": "2"}, {})
    assert asked_attributes("a patio set for 2", sets) == ({}, {"seats": 2.0})
    assert attribute_label("firmness", "firm") == "firm" and attribute_label("light control", "blackout") == "blackout light control"
    assert describe(SearchFilter(categories=["Patio Sets"], attributes={"seats": "2"})) == "patio sets for 2"


def test_several_requests_in_one_message_are_split_at_their_clauses():
    from bot.dialogue.requests import split_requests

    assert split_requests("hi, two things: where's my order 30417 and do you accept apple pay?") == [
        "where's my order 30417", "do you accept apple pay?"]
    assert split_requests("where is my order 12345? also can I pay with paypal") == [
        "where is my order 12345?", "can I pay with paypal"]
    assert split_requests("I want to return the lamp and I need an invoice for order 55555") == [
        "I want to return the lamp", "I need an invoice for order 55555"]
    assert split_requests("can I return it and get a refund") == ["can I return it and get a refund"]
    assert split_requests("a grey sofa and a rug") == ["a grey sofa and a rug"]
    # a product request with a service question: the wish may be stated, not asked
    assert split_requests("grey sofa under 900 that's good with pets, and can I pay in installments?", wish_first=True) == [
        "grey sofa under 900 that's good with pets", "can I pay in installments?"]
    assert split_requests("grey sofa under 900 that's good with pets, and can I pay in installments?") == [
        "grey sofa under 900 that's good with pets, and can I pay in installments?"]
    assert split_requests("hi quick ones: can I pick up in store, and do you take apple pay?") == [
        "can I pick up in store", "do you take apple pay?"]
    assert split_requests("looking for an office chair with lumbar support. oh and my last order arrived broken") == [
        "looking for an office chair with lumbar support", "my last order arrived broken"]


def test_shown_products_picked_by_a_description():
    from bot.dialogue.references import described_positions

    shown = [sofa(id="a", title="Asher Task Chair in White Fabric", price=289.0, color="white", brand="Steelcase"),
             sofa(id="b", title="Porto Office Chair in Beige Fabric", price=139.0, color="beige", brand="IKEA",
                  attributes={"firmness": "firm"})]
    assert described_positions("ok I'll take the Asher", shown) == [1]
    assert described_positions("add the cheaper one to my cart", shown) == [2]
    assert described_positions("the more expensive one please", shown) == [1]
    assert described_positions("how thick is the firm one?", shown) == [2]
    assert described_positions("what about the ikea one", shown) == [2]
    assert described_positions("the first one", shown) == [] and described_positions("the fabric one", shown) == []


def test_product_answers_say_what_the_catalog_does_not_list():
    recliner = sofa(title="Porto Recliner", size='31" W x 32" D x 41" H', material="rattan",
                    attributes={"seats": "1", "weight capacity": "300 lbs", "set of": "2", "storage drawers": "yes",
                                "thickness": '14"'})
    seat, known = product_qa.answer("what's the seat height on the first one?", recliner)
    assert not known and "overall size" in seat and "seats: 1" not in seat
    weight, known = product_qa.answer("how much does it weigh? I have to carry it upstairs", recliner)
    assert not known and "weighs" in weight and "$" not in weight
    stain, _ = product_qa.answer("is its fabric stain resistant?", recliner)
    assert "doesn't say whether it is stain resistant" in stain and not stain.startswith("No")
    assert "sold as a set of 2" in product_qa.answer("how many chairs come in the first one?", recliner)[0]
    assert "storage drawers: yes" in product_qa.answer("does it have storage?", recliner)[0]
    assert '14"' in product_qa.answer("how thick is it?", recliner)[0]
    both, _ = product_qa.answer("how much it cost and how many people give review?", recliner)
    assert "$699.00" in both and "1,204 reviews" in both
    named = sofa(title="Aria Metal Round Mirror, Natural Oak", material="metal")
    assert "doesn't say whether" in product_qa.answer("Is the Aria Metal Round Mirror shatterproof?", named)[0]


def test_which_of_the_shown_has_a_feature():
    with_it = sofa(id="a", title="Asher Chair", attributes={"lumbar support": "yes"})
    without = sofa(id="b", title="Porto Chair", attributes={"lumbar support": "no"})
    assert product_qa.which("which one has lumbar support?", [with_it, without], [1, 2]) == (
        "#1, the Asher Chair: lumbar support yes (not #2).")
    assert product_qa.which("which one has lumbar support?", [without, without], [1, 2]).startswith("None of them")


def test_more_ways_of_asking_for_features():
    from bot.dialogue.constraints import asked_attributes

    products = [sofa(attributes={"smart compatible": "no", "dimmable": "yes", "assembly required": "yes", "set of": "2",
                                 "drawers": "3", "removable cushion covers": "no", "seats": "6"}),
                sofa(attributes={"set of": "1", "drawers": "1"})]
    assert asked_attributes("floor lamp that's dimmable AND smart home compatible", products) == (
        {"dimmable": "yes", "smart compatible": "yes"}, {})
    assert asked_attributes("a bookcase that doesn't need assembling", products) == ({"assembly required": "no"}, {})
    assert asked_attributes("throw pillows that come as a set of 2", products) == ({"set of": "2"}, {})
    assert asked_attributes("needs at least 2 drawers", products) == ({}, {"drawers": 2.0})
    assert asked_attributes("ones with removable covers only", products) == ({"removable cushion covers": "yes"}, {})
    assert asked_attributes("a sectional that seats at least 6", products) == ({}, {"seats": 6.0})


def test_counts_and_weights_are_no_prices():
    from bot.nlu.normalize import _NOT_MONEY, _not_money_in

    assert _NOT_MONEY.search("6 ppl") and _NOT_MONEY.search("20 of them") and _NOT_MONEY.search("130 kilo")
    assert not _NOT_MONEY.search("$600")
    assert _not_money_in("stackable chairs, around 20 of them, on the cheap side", "20")


def test_wishes_about_what_is_shown_are_not_questions_or_cart():
    from bot.dialogue import phrases

    assert phrases.SOMETHING_WITH.match("smth w headrest?")
    assert phrases.SOMETHING_WITH.match("is there a standing desk in that price")
    assert not phrases.SOMETHING_WITH.match("what is the first one made of?")
    assert phrases.SOFT_WISH.search("washable would be ideal")
    assert not phrases.ADD_THAT.search("stackable would be nice so i can put them away in january")
    assert phrases.ADD_THAT.search("put it in my cart")
    assert phrases.AROUND.search("a nice table lamp around 100") and not phrases.AROUND.search("a lamp under 100")


def test_phrases_of_whole_space_shopping():
    from bot.dialogue import phrases

    assert phrases.FORGET_THING.search("hmm actually forget the mirror, he'd use a floor lamp more").group(1).startswith("mirror")
    assert phrases.SAME_VALUE.search("let's do curtains instead, same colour")
    assert phrases.PER_PIECE.search("max 500 per piece") and not phrases.PER_PIECE.search("under 100 each")
    assert phrases.FURNISHING.search("just got the keys to my first apartment and it's completely empty")


def test_a_real_word_is_no_typo_of_a_material():
    from bot.nlu.normalize import CatalogVocabulary

    vocab = CatalogVocabulary({"material": ["leather", "velvet", "down alternative"]})
    assert vocab.match("material", "feathers") is None
    assert vocab.match("material", "lether") == "leather"


def test_a_range_of_one_measure_names_every_size_within_it():
    from bot.dialogue.constraints import catalog_dimensions, describe

    sizes = ['45" W x 23" D x 29" H', '29" W x 31" D x 36" H', '48" W x 24" D x 30" H']
    assert catalog_dimensions("roughly 29 to 30 inches high", sizes) == [sizes[0], sizes[2]]
    assert catalog_dimensions("29 to 30 inches", sizes) == sizes
    assert "sizes asked for" in describe(SearchFilter(categories=["Desks"], sizes=sizes + ['1" W x 1" D x 1" H']))


def test_tell_me_about_it_gives_what_the_catalog_lists():
    p = Product(id="s1", title="Lund Loveseat in Grey Leather", category=["Furniture", "Sofas"], price=489.0, brand="Ashley",
                color="grey", material="leather", rating=4.5, review_count=42, attributes={"seats": "2"})
    text, known = product_qa.answer("tell me about the second one", p)
    assert known and "$489.00" in text and "Ashley" in text and "seats: 2" in text and "4.5★" in text


def test_numbered_ordinals_name_positions():
    from bot.nlu.normalize import parse_item_refs

    assert parse_item_refs("tell me about the 12th one") == [12]
    assert parse_item_refs("the 2nd one") == [2]


def test_changes_of_mind_name_the_value_gone_off_or_wanted_again():
    from bot.dialogue import phrases
    gone = [m.group(1) for t in ("Changed my mind about grey - white please", "Meh, not feeling mid-century. Something coastal?",
                                 "Under 200, and I'm not fussed about walnut anymore")
            for m in phrases.MIND_CHANGED.finditer(t)]
    assert gone == ["grey", "mid-century", "walnut"]
    again = [next(g for g in m.groups() if g) for t in ("Oof, too pricey. Back to the wicker ones",
                                                        "Hmm the white ones were nicer, show me those again")
             for m in phrases.BACK_TO_VALUE.finditer(t)]
    assert again == ["wicker", "white"]
    assert not phrases.BACK_TO_VALUE.search("nah, back to the first list")


def test_delivery_dates_and_one_more_into_the_cart():
    from bot.dialogue import phrases
    assert phrases.BY_DATE.search("we need it by friday the 12th, is that doable?")
    assert phrases.BY_DATE.search("will they get here before Christmas?")
    assert not phrases.BY_DATE.search("a sofa by IKEA")
    assert phrases.ALSO_THAT.match("and the second one too, need a pair of different ones")
    assert phrases.RANKS.search("which of them is the firmest?") and not phrases.RANKS.search("which of these are waterproof?")


def test_the_winner_is_the_one_product_named():
    from bot.dialogue.product_qa import winner_of

    assert winner_of('#2, the Aria Desk: width 51" (against 47" for #1)') == 2
    assert winner_of("#1, the Aria Desk and #3, the Vale Desk: both 4.8★") is None
    assert winner_of("#1, the Aria Desk: tied with #2 at 4.5★") is None
    assert winner_of("The catalog doesn't list their depth.") is None
