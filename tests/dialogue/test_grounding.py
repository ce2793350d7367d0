from bot.dialogue.grounding import ground

VOCAB = {
    "categories": ["Sofas", "Pillows", "Throw Pillows", "Dining Chairs", "Office Chairs", "Beds"],
    "colors": ["charcoal", "black", "natural", "grey"],
    "materials": ["oak", "boucle", "recycled plastic", "linen"],
    "styles": ["modern", "mid-century"],
    "brands": ["IKEA", "West Elm"],
}


def test_mistyped_values_move_to_the_catalogs_attribute():
    assert ground({"material": "charcoal"}, "I'd prefer charcoal", VOCAB, shopping=True) == {"color": "charcoal"}
    assert ground({"color": "oak"}, "in oak", VOCAB, shopping=True) == {"material": "oak"}
    assert ground({"exclude_material": "black"}, "not black", VOCAB, shopping=True) == {"exclude_color": "black"}


def test_words_the_model_missed_fill_missing_slots():
    assert ground({}, "I need a sofa", VOCAB, shopping=True) == {"category": "Sofas"}
    assert ground({}, "in natural please", VOCAB, shopping=True) == {"color": "natural"}
    assert ground({}, "made of recycled plastic", VOCAB, shopping=True) == {"material": "recycled plastic"}
    assert ground({}, "anything but black", VOCAB, shopping=True) == {"exclude_color": "black"}
    assert ground({}, "a west elm sofa", VOCAB, shopping=True) == {"category": "Sofas", "brand": "West Elm"}
    assert ground({}, "I need a sofa", VOCAB, shopping=False) == {}  # only shopping messages


def test_longest_category_wins_and_unknown_categories_are_dropped():
    assert ground({"category": "Pillows"}, "do you have throw pillows?", VOCAB, shopping=True)["category"] == "Throw Pillows"
    assert ground({"category": "chairs"}, "chairs", VOCAB, shopping=True)["category"] == ["Dining Chairs", "Office Chairs"]
    assert "category" not in ground({"category": "spaceship"}, "a spaceship", VOCAB, shopping=False)
    assert ground({"category": "Beds", "color": "grey"}, "grey beds", VOCAB, shopping=True) == {"category": "Beds", "color": "grey"}


def test_a_pets_colour_and_a_full_length_mirror_are_no_product_values():
    vocab = {**VOCAB, "colors": [*VOCAB["colors"], "gold"], "sizes": ["Full", "Queen"], "categories": [*VOCAB["categories"], "Mirrors"]}
    slots = ground({"category": "Rugs", "color": "gold"}, "I have a golden retriever who sheds, need a rug", vocab, shopping=True)
    assert "color" not in slots
    assert "size" not in ground({"size": "Full", "category": "Mirrors"}, "a full-length mirror for the hallway", vocab, shopping=True)
    assert ground({"size": "Full"}, "full size sheets, not full length ones", vocab, shopping=True).get("size") == "Full"
    assert "material" not in ground({"material": "solid", "category": "Sofas"}, "a solid sofa", vocab, shopping=True)


def test_every_brand_of_an_excluded_list_is_excluded():
    slots = ground({"exclude_brand": "West Elm"}, "bookcase, but not ikea or west elm. 300 tops", VOCAB, shopping=True)
    assert sorted(slots["exclude_brand"]) == ["IKEA", "West Elm"]
    assert ground({"exclude_brand": "IKEA"}, "not ikea, west elm is fine", VOCAB, shopping=True)["exclude_brand"] == "IKEA"


def test_a_light_colour_is_no_lighting_and_a_misread_brand_leaves_the_category_word():
    vocab = {**VOCAB, "categories": [*VOCAB["categories"], "Lighting", "Nightstands"], "colors": [*VOCAB["colors"], "cream"]}
    assert "category" not in ground({"color": "cream"}, "in a light colour, cream", vocab, shopping=True)
    assert ground({"brand": "nighstand"}, "nighstand under $100", vocab, shopping=True)["category"] == "Nightstands"


def test_full_sun_is_no_bed_size():
    vocab = {**VOCAB, "sizes": ["Full", "Queen"]}
    assert "size" not in ground({"size": "Full"}, "is it UV resistant? full sun all day", vocab, shopping=False)
    assert ground({"size": "Full"}, "a full size bed", vocab, shopping=True)["size"] == "Full"


def test_what_the_shopper_owns_is_not_what_they_want():
    vocab = {**VOCAB, "categories": [*VOCAB["categories"], "Rugs", "Coffee Tables", "Furniture", "Table Lamps"],
             "colors": [*VOCAB["colors"], "emerald"], "materials": [*VOCAB["materials"], "velvet"]}
    slots = ground({"category": "Sofas", "color": "grey"}, "I have a grey sofa and white walls. Looking for a rug", vocab,
                   shopping=True)
    assert slots["category"] == "Rugs" and "color" not in slots
    slots = ground({"category": "Sofas", "material": "velvet"}, "I just bought a velvet sofa. What throw pillows go with it?",
                   vocab, shopping=True)
    assert slots["category"] == "Throw Pillows" and "material" not in slots
    slots = ground({"category": "Furniture"}, "my living room is all mid-century furniture. I want a table lamp that fits in",
                   vocab, shopping=True)
    assert slots["category"] == "Table Lamps"
    assert ground({"category": "Sofas"}, "I want a sofa to go with my coffee table", vocab, shopping=True)["category"] == "Sofas"
    assert ground({"category": "Rugs"}, "a living room rug", vocab, shopping=True)["category"] == "Rugs"


def test_a_capitalised_name_before_a_category_is_a_brand_not_carried():
    slots = ground({"category": "Sofas"}, "Do you have any Restoration Hardware sofas?", VOCAB, shopping=True)
    assert slots["unknown_brand"] == "Restoration Hardware" and slots["category"] == "Sofas"
    assert "unknown_brand" not in ground({"category": "Sofas"}, "Grey sofa under 500", VOCAB, shopping=True)
    assert "unknown_brand" not in ground({"category": "Sofas"}, "I need a Sofa", VOCAB, shopping=True)
    assert "unknown_brand" not in ground({"category": "Sofas", "brand": "West Elm"}, "West Elm sofas", VOCAB, shopping=True)


def test_exclusions_in_a_message_that_excludes_nothing_are_wishes():
    from bot.dialogue.grounding import unnegated_exclusions

    said = {"exclude_color": ["charcoal", "navy"]}
    assert unnegated_exclusions(said, "what about a darker colour so the fur shows less, charcoal or navy?") == {
        "color": ["charcoal", "navy"]}
    assert unnegated_exclusions(said, "anything but charcoal or navy") == said
    assert unnegated_exclusions(said, "fine, forget charcoal and navy") == said


def test_words_of_places_and_other_things_are_no_product_values():
    from bot.dialogue.grounding import _down_the_word, _not_a_product_value

    slots = {"category": "Bookcases", "material": "down"}
    _down_the_word(slots, "and can you move the shelves up and down?")
    assert "material" not in slots
    slots = {"category": "Table Lamps", "exclude_material": "down"}
    _down_the_word(slots, "a lamp for winding down, nothing too bright")
    assert "exclude_material" not in slots
    slots = {"category": "Pillows", "material": ["down", "cotton"]}
    _down_the_word(slots, "a pillow for winding down, cotton cover")
    assert slots["material"] == "cotton"
    slots = {"category": "Pillows", "material": "down"}
    _down_the_word(slots, "a down pillow please")
    assert slots["material"] == "down"
    slots = {"category": "Floor Lamps"}
    _not_a_product_value(slots, "we're on the 4th floor of an office block")
    assert "category" not in slots
    slots = {"category": "TV Stands", "size": "65 inch"}
    _not_a_product_value(slots, "TV stand for a 65 inch telly")
    assert "size" not in slots
