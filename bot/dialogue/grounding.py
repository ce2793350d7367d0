"""Grounding slot values in the catalog's own vocabulary.

The NLU tags spans and normalizes them; this step checks them against what the
shop actually sells, so that filters use the catalog's values:
- a value tagged with the wrong attribute type ("charcoal" as a material when the
  catalog only knows it as a colour) moves to the type the catalog uses;
- category words become the catalog's categories ("sofa" -> "Sofas", "chairs" ->
  every "... Chairs"), through the shopper-word synonyms of ``bot.nlu.synonyms``
  ("bedside table" -> "Nightstands", "duvet cover" -> "Sheets & Duvets") and
  typo tolerance that picks the one closest category ("cofee table" -> "Coffee
  Tables", not every "... Table"); unknown ones are dropped from the filters
  (they still steer the text search);
- room and usage words ("home office", "my bedroom") are a ``room``, never the
  product category: "for a small home office" after a desk search keeps desks;
- in a shopping message, a catalog value (or a synonym of one: "boho" ->
  "bohemian") written in the text that the model did not tag fills the missing
  slot ("I need a sofa", "in natural please"), as an exclusion when a negation
  stands just before it ("anything but black");
- words the model reads too literally are read as a shopper means them: measures with a unit are
  bounds on the product's size ("max 30 inches wide"), stars a least rating, a refused value an
  exclusion ("i hate anything pink"), "navy and cream" either colour, "light and natural" no lighting,
  "outdoor dining chairs" the outdoor chairs, a colour typo ("whte") the colour.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.dialogue import phrases
from bot.dialogue.constraints import COLOUR_SHADES, DEEP_SHADES, LIGHT_SHADES, LIGHT_WOODS, DARK_COLOURS, DARK_WOODS, NEUTRALS, catalog_categories, catalog_materials, catalog_sizes_at_least, singular
from bot.dialogue.dimensions import read_limits
from bot.nlu.normalize import parse_price
from bot.nlu.synonyms import english_words, is_room, lexicon

FIELDS = {"color": "colors", "material": "materials", "style": "styles", "brand": "brands"}
NEGATION = {"not", "no", "without", "except", "but", "non", "avoid", "hate"}
_WORD = re.compile(r"[a-z0-9&'-]+")
_SHADE = re.compile(r"colou?rs?|colou?red|tones?|toned|shades?|wood|woods|grey|gray|blue|green|brown|pink|oak")


def _vocab(vocabulary: dict[str, list[str]], key: str) -> dict[str, str]:
    return {v.lower(): v for v in vocabulary.get(key, [])}


def _synonym_fields(slots: dict, vocabulary: dict[str, list[str]]) -> None:
    """Tagged values the catalog spells differently ("boho" -> "bohemian", "king size" -> "King")."""
    for prefix in ("", "exclude_"):
        for field, key in (*FIELDS.items(), ("size", "sizes")):
            value = slots.get(prefix + field)
            values = vocabulary.get(key, [])
            if not isinstance(value, str) or not values or value.lower() in _vocab(vocabulary, key):
                continue
            if field == "material" and catalog_materials(value, values):
                continue  # "wicker": the catalog's materials of that word (all-weather wicker, rattan) cover it
            if field == "size" and re.search(r"\d", value):
                continue  # a measurement ("84 inches long") is matched against the catalog's dimensions
            found = lexicon(field, values).lookup(value)
            if found is None:  # "glass tops": the one catalog value written inside the phrase
                inside = [v for v in values if re.search(rf"\b{re.escape(v.lower())}\b", value.lower())]
                found = max(inside, key=len) if inside else None
            if found is not None:
                slots[prefix + field] = found


def _move_mistyped(slots: dict, vocabulary: dict[str, list[str]], text: str = "") -> None:
    for prefix in ("", "exclude_"):
        for field, key in FIELDS.items():
            value = slots.get(prefix + field)
            if not isinstance(value, str) or value.lower() in _vocab(vocabulary, key):
                continue
            homes = [f for f, k in FIELDS.items() if f != field and value.lower() in _vocab(vocabulary, k)]
            if len(homes) == 1 and not slots.get(prefix + homes[0]):
                slots[prefix + homes[0]] = _vocab(vocabulary, FIELDS[homes[0]])[value.lower()]
                del slots[prefix + field]
            elif (len(homes) == 1 and "brand" not in (field, homes[0]) and isinstance(there := slots[prefix + homes[0]], str)
                  and re.search(rf"\b(?:{re.escape(value)}\s*(?:or|and|/|,)\s*{re.escape(there)}|"
                                rf"{re.escape(there)}\s*(?:or|and|/|,)\s*{re.escape(value)})\b", text, re.I)):
                # "boucle or velvet maybe" with boucle tagged as a style: both materials (not "solid oak": one value)
                slots[prefix + homes[0]] = [there, _vocab(vocabulary, FIELDS[homes[0]])[value.lower()]]
                del slots[prefix + field]
            elif (not homes and (field != "brand" or brand_typo(value, vocabulary.get("brands", [])) is None)
                  and lexicon(field, vocabulary.get(key, [])).lookup(value) is None):
                # "a boho rug" tagged as a material, "not really into the boho look" tagged as a brand: the style the
                # shopper's word names
                named = {f: hit for f, k in FIELDS.items() if f not in (field, "brand")
                         and (hit := lexicon(f, vocabulary.get(k, [])).lookup(value)) is not None}
                if not named and len(value.split()) == 1 and len(value) >= 5:
                    # "ok what about percale then" tagged as a colour: the one material with that word ("cotton percale")
                    named = {f: hits[0] for f, k in FIELDS.items() if f not in (field, "brand")
                             and len(hits := [v for v in vocabulary.get(k, []) if value.lower() in v.lower().split()]) == 1}
                if len(named) == 1 and not slots.get(prefix + next(iter(named))):
                    home, hit = next(iter(named.items()))
                    slots[prefix + home] = hit
                    del slots[prefix + field]


def brand_typo(word: str, brands) -> str | None:
    """The brand a misspelt word names: the same letters without spaces ("westelm") or with two neighbouring
    letters swapped ("ikae"); at least four letters, so short words never match."""
    key = re.sub(r"[^a-z0-9]", "", word.lower())
    if len(key) < 4:
        return None
    index = _brand_keys(tuple(brands))
    if key in index:
        return index[key]
    for i in range(len(key) - 1):  # every swap of two neighbouring letters, looked up (no scan over the brands)
        swapped = key[:i] + key[i + 1] + key[i] + key[i + 2:]
        if swapped in index:
            return index[swapped]
    return None


_SHORT_COLOURS = {"blu": "blue", "wht": "white", "blk": "black", "gry": "grey", "grn": "green"}


def colour_typo(word: str, colours) -> str | None:
    """The colour word a misspelt word names ("whte", "balck", "greay"): one letter missing, one too many or two
    neighbouring letters swapped, in a word of at least four letters that is no English word."""
    word = word.lower()
    short = _SHORT_COLOURS.get(word)  # "a blu rug", "wht sheets": texting shorthand
    if short and short in {c.lower() for c in colours}:
        return short
    if len(word) < 4 or not word.isalpha() or word in english_words():
        return None
    known = {w for c in colours for w in c.lower().split() if len(w) >= 4 and w.isalpha()}
    if word in known:
        return None
    edits = {word[:i] + word[i + 1:] for i in range(len(word))}  # one too many
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}  # swapped
    for w in known:
        if w in edits or (len(w) == len(word) + 1 and any(w[:i] + w[i + 1:] == word for i in range(len(w)))):  # one missing
            return w
    return None


@lru_cache(maxsize=16)
def _brand_keys(brands: tuple[str, ...]) -> dict[str, str]:
    """Brands by their letters and digits alone ("West Elm" -> "westelm")."""
    return {re.sub(r"[^a-z0-9]", "", b.lower()): b for b in brands}


# What a product is for -> a word of the one category of a family it means ("a table for eating": dining tables).
_PURPOSE = {"eat": "dining", "dining": "dining", "eating": "dining", "dinner": "dining", "dinners": "dining", "meal": "dining", "meals": "dining",
            "lunch": "dining", "lunches": "dining", "brunch": "dining", "supper": "dining", "breakfast": "dining",
            "garden": "outdoor", "patio": "outdoor", "balcony": "outdoor", "terrace": "outdoor", "outside": "outdoor",
            "deck": "outdoor", "porch": "outdoor", "yard": "outdoor", "work": "office", "working": "office",
            "desk": "office", "study": "office", "studying": "office", "homework": "office", "gaming": "office",
            "computer": "office", "tv": "tv", "television": "tv", "reading": "floor", "bedside": "night"}


# Purpose words that name one member of a family by its kind: "a lamp for my bedside table", "a desk lamp" (a table
# lamp, not a floor lamp); "a comfy chair to read in" (an armchair, not a dining chair)
_PURPOSE_OF_KIND = {"bedside": "table lamp", "nightstand": "table lamp", "desk": "table lamp", "side": "table lamp",
                    "bed": "table lamp", "read": "armchair", "comfy": "armchair", "cosy": "armchair", "cozy": "armchair",
                    "lounging": "armchair", "rocking": "armchair", "nursing": "armchair", "feeding": "armchair"}


_OUTDOOR_WORD = re.compile(r"\b(?:outdoor|outside|patio|garden|balcony|terrace|deck|porch)\s+(?:[a-z-]+\s+)?([a-z]+)\b", re.I)


def outdoor_kind(slots: dict, text: str, categories: list[str]) -> None:
    """ "outdoor dining chairs for the patio": the outdoor chairs, not the dining room's."""
    said = slots.get("category")
    after = re.search(r"\b(?:for|on|in|out on|at|to)\s+(?:the|my|our|a)\s+(?:\w+\s+)?(?:deck|patio|garden|balcony|terrace|porch|yard|"
                      r"backyard|pool|poolside|beach|campsite)\b|\bfor\s+(?:sun\s*bathing|tanning|the\s+sun|camping|outside|outdoors)\b"
                      r"|\b(?:by|around)\s+the\s+pool\b",
                      text, re.I)  # "lounge chairs for the deck", "for sunbathing", "folding chairs for the beach"
    # "we finally finished staining the deck!! now need 2 lounge chairs, waterproof": for out there
    after = after or (re.search(r"\b(?:waterproof|weatherproof|weather[- ]resistant|all[- ]weather)\b", text, re.I)
                      and re.search(r"\b(?:deck|patio|garden|balcony|terrace|porch|yard|backyard)\b", text, re.I))
    if isinstance(said, list):  # "folding chairs for the beach": of every kind of chair, the outdoor ones
        outdoor = [c for c in said if c.lower().startswith("outdoor")]
        if after and len(outdoor) == 1:
            slots["category"] = outdoor[0]
        return
    if not isinstance(said, str) or said.lower().startswith("outdoor"):
        return
    head = singular(said.split()[-1])
    for found in [*_OUTDOOR_WORD.finditer(text), *([after] if after else [])]:
        if found is after or singular(found.group(1)) == head:
            outdoor = next((c for c in categories if c.lower().startswith("outdoor")
                            and head.endswith(singular(c.split()[-1]))), None)  # "armchair": the outdoor chairs
            if outdoor:
                slots["category"] = outdoor
            return


_OUTDOOR_PLACE = r"patio|garden|balcony|terrace|deck|porch|yard|backyard|outside|outdoors"
_OUTSIDE = re.compile(rf"\b(?:for|on|in|out on)\s+(?:the\s+|my\s+|our\s+)?(?:outdoor|{_OUTDOOR_PLACE})\b", re.I)


_SIT_OUTSIDE = re.compile(r"\bsit(?:ting)?\s+(?:on\s+)?(?:out(?:side)?|outdoors)\b|\bsit(?:ting)?\s+out\b(?!\s+of)|"
                          r"\b(?:outside|outdoors|out there)\s+to\s+sit\b", re.I)
_ASKS_WHAT_THERE_IS = re.compile(r"\bwhat (?:have you got|do you have|have you|(?:do )?you got|do you sell|can you show)|"
                                 r"\b(?:anything|something|stuff|things|furniture|ideas|options|show me|looking for|need|"
                                 r"want|furnish\w*|do up|doing up)\b", re.I)


def _outdoor_thing(slots: dict, text: str, categories: list[str]) -> None:
    """ "an outdoor rug for under our patio table": rugs (made for outdoors), not the outdoor furniture."""
    if not isinstance(slots.get("category"), str) or slots["category"].lower() != "outdoor":
        return
    for gram, names in mentioned_categories(text, categories):
        head = singular(gram.split()[-1].lower())
        if (re.search(rf"\boutdoor\s+{re.escape(gram)}", text, re.I) and not any(n.lower().startswith("outdoor") for n in names)
                and not any(n.lower() in _BROAD for n in names)  # not "outdoor furniture"
                # (not "outdoor dining chairs": the outdoor chairs are a category of their own)
                and not any(c.lower().startswith("outdoor") and singular(c.split()[-1].lower()) == head for c in categories)):
            slots["category"] = names[0] if len(names) == 1 else names
            return


def _outdoors_as_category(slots: dict, text: str, categories: list[str]) -> None:
    """ "our patio is just bare concrete, what have you got for outside?": the outdoor products, when no kind is named."""
    if slots.get("category") or slots.get("exclude_category"):
        return
    if re.search(r"\b(?:keep|store|stack|leave|put)\s+(?:\w+\s+){0,3}?(?:on|in|out on|out in)\s+(?:the|our|my)\s+\w+", text, re.I):
        return  # "they need to stack, we'd keep the spares on the balcony": where the spares go, nothing for outside
    room = slots.get("room")
    outside = (isinstance(room, str) and re.fullmatch(_OUTDOOR_PLACE, room.lower())) or _OUTSIDE.search(text)
    outdoor = next((c for c in categories if c.lower() == "outdoor"), None)
    seats = next((c for c in categories if c.lower() == "outdoor chairs"), None)
    if seats and _SIT_OUTSIDE.search(text) and _ASKS_WHAT_THERE_IS.search(text):
        slots["category"] = seats  # "something to sit outside on in the evenings": outdoor seating
    elif outside and outdoor and _ASKS_WHAT_THERE_IS.search(text):  # not "could it go outside on the porch?"
        slots["category"] = outdoor


def family_member_by_purpose(slots: dict, text: str) -> None:
    """A family of categories narrowed to the one the purpose words name ("chairs for the garden")."""
    family = slots.get("category")
    if not isinstance(family, list):
        return
    member = member_by_purpose(family, text)
    if member:
        slots["category"] = member


def member_by_purpose(family: list[str], text: str) -> str | None:
    """The one category of the family the purpose words name ("a chair for long study sessions": Office Chairs)."""
    said = _WORD.findall(text.lower())
    wanted = {_PURPOSE[w] for w in said if w in _PURPOSE} | {_PURPOSE_OF_KIND[w] for w in said if w in _PURPOSE_OF_KIND}
    members = [c for c in family if any(w in c.lower() for w in wanted)]
    return members[0] if len(members) == 1 else None


_OTHER_OBJECT = re.compile(
    r"(?<!looking )(?<!look )(?<!searching )(?<!shopping )(?<!search )"
    r"\b(?:for|with|to match|to go with|go with|goes with|matching|match|next to|on|under|against)\s+"
    r"(?:a |an |my |the |our |his |her |their )?((?:[a-z-]+ ){1,3})(floors?|flooring|walls?|sofa|couch|bed|kitchen|"
    r"cabinets?|table|desk|tiles?|carpet|furniture|trim|doors?)\b", re.IGNORECASE)


def slot_values(slots: dict, name: str) -> list[str]:
    """A slot's values: none, one (a string) or several (a list)."""
    value = slots.get(name)
    return list(value) if isinstance(value, list) else [value] if isinstance(value, str) else []


def _set_values(slots: dict, name: str, values: list[str]) -> None:
    """A slot set to these values (duplicates dropped): one as a string, several as a list, none removes it."""
    values = list(dict.fromkeys(values))
    if values:
        slots[name] = values[0] if len(values) == 1 else values
    else:
        slots.pop(name, None)


def _refuse(slots: dict, field: str, value: str, excluded: list[str] | None = None) -> None:
    """A value tagged as wanted that the message refuses: out of ``field``, into ``exclude_<field>`` (as ``excluded``,
    the catalog values it names, when given)."""
    _set_values(slots, field, [v for v in slot_values(slots, field) if v != value])
    _set_values(slots, f"exclude_{field}", [*slot_values(slots, f"exclude_{field}"), *(excluded or [value])])


def _attributes_of_other_objects(slots: dict, text: str, categories: list[str]) -> None:
    """ "throw pillows for a green sofa", "a rug to go with walnut floors": the colour belongs to the sofa or the
    floor, not to what is being bought."""
    wanted = slot_values(slots, "category")
    names = " ".join(wanted).lower()
    for match in _OTHER_OBJECT.finditer(text):
        thing = singular(match.group(2).lower())
        if thing and (thing in names or set(category_matches(thing, categories)) & set(wanted)):
            continue  # "a sofa for a green sofa" ("a charcoal couch" for sofas) is no other object
        words = set(match.group(1).lower().split())
        # (no category said: "under 1000 ideally, it's for a queen bed" sizes what is being chosen)
        sized_as_bed = not wanted or re.search(r"sheet|duvet|mattress|pillow|bedding|comforter|quilt|\bbeds?\b|topper|protector", names)
        for field in ("color", "material", "style", *(() if sized_as_bed else ("size",))):  # "a rug under my queen bed"
            value = slots.get(field)
            if isinstance(value, str) and set(value.lower().split()) <= words:
                slots.pop(field)
            elif isinstance(value, list) and value:  # "... a green velvet couch. thinking rust or cream": rust or cream
                _set_values(slots, field, [v for v in value if not set(v.lower().split()) <= words])


_PLACE_IS = re.compile(r"\b(?:my|our|the)\s+(?:[a-z]+\s+(?:room\s+)?)?(?:patio|deck|garden|yard|backyard|balcony|terrace|porch|floors?|walls?|kitchen|"
                       r"hallway|(?:living |dining |bed)room|bathroom|office|study|flat|apartment|house)\s+(?:is|are|'s)\s+"
                       r"((?:[a-z-]+[\s,]+){0,5}?[a-z-]+)\b(?=\s*(?:[.,;!?]|$|\band\b|\bso\b|\bbut\b))", re.I)


# "to read in by the wood stove", "our oak floors": the material of a thing in the room, not of the wish
_MATERIAL_OF_A_THING = re.compile(r"\b([a-z]+)\s+(?:stove|burner|fire|fireplace|floors?|flooring|panell?ing|beams?|"
                                  r"worktops?|countertops?|counters?|cabinets?|decking|stairs|staircase)\b", re.I)


def _material_of_a_thing(slots: dict, text: str) -> None:
    """ "a cosy armchair to read in by the wood stove": wood is the stove's, said nowhere else."""
    material = slots.get("material")
    if not isinstance(material, str):
        return
    things = [m for m in _MATERIAL_OF_A_THING.finditer(text) if m.group(1).lower() == material.lower()]
    if things and len(re.findall(rf"\b{re.escape(material)}\b", text, re.I)) == len(things):
        slots.pop("material")


def _material_of_the_place(slots: dict, text: str) -> None:
    """ "our patio is just sad bare concrete. what have you got for outside?": the patio's material, not a wish
    (a colour said so stays a hint to match: "my living room is all navy and cream")."""
    value = slots.get("material")
    if not isinstance(value, str):
        return
    for found in _PLACE_IS.finditer(text):
        if set(value.lower().split()) <= set(re.findall(r"[a-z-]+", found.group(1).lower())):
            slots.pop("material")
            return


# "new king bed arrived today", "the sofa came yesterday": a thing delivered to the shopper is theirs
_ARRIVED_AFTER = re.compile(r"\s+()(?:\w+\s+)?(?:has\s+|just\s+|finally\s+)?(?:arrived|came|was delivered|got delivered|turned up|showed up)\b")
_OWNED = re.compile(r"\b(?:i have|i've got|we have|we've got|(?:i|we) already have|(?:i|we)'?ve (?:only|just) got|(?:i|we) only have|(?:i|we) (?:just |already |recently )?(?:bought|ordered|picked|chose|"
                    r"got|went for|settled on)|i own|we own|bought|purchased|(?:they|he|she)(?: have| has|'ve got|'s got|'ve| has got)|"
                    r"i got|we got|^got|my|our|his|her|their|go(?:es)? (?:well )?with|to match|matching|(?:either |each |both )?sides? of|beside|"
                    r"(?:liven|brighten|jazz|spruce|dress|cheer|freshen|perk) up|"
                    r"(?:fed up|sick|tired|bored|done) (?:of|with)|"  # "I'm fed up with the kitchen table": theirs
                    r"used to be|"  # "and what used to be a white sofa": theirs (and its colour)
                    r"next to|on top of|above|over|underneath|under|in front of|at the foot of|"
                    # "we sleep on the couch", "five of us don't fit on the loveseat": what they have
                    # (not "sleep on a firmer mattress": the one wanted)
                    r"(?:sleep|sleeping|slept|sit|sitting|sat|fit|squeeze|squeezed|squished|crammed)\s+on(?=\s+(?:the|our|my|his|her|their)\b))"
                    r"\s+(?:a |an |the |new |brand new |my |our |your )?((?:[a-z-]+\s+){0,3}?)$", re.IGNORECASE)


_WANTED = re.compile(r"\b(?:i want|i need|i'?d like|we want|we need|we'?d like|looking for|shopping for|searching for|show me|"
                     r"need|want|(?:time for|get|getting|buy|buying)\s+(?:a |an |some )?(?:brand )?new|"
                     # "... the living room floor looks so bare. after a 5x8 rug": what they are after
                     r"(?:^\s*|\b(?:i'?m|we'?re|i am|we are|really|mainly|just)\s+)after)"
                     r"\s+(?:a |an |some |the |new |nice |good )?((?:[a-z0-9-]+\s+){0,3}?)$", re.IGNORECASE)  # ("a 5x8 rug")


# "our old sofa ... shredded", "my old desk chair broke": the old thing is worn out and a new one is wanted
_WORN_OUT = re.compile(r"\b(?:broke|broken|breaking|collaps\w*|shredded|ripped|torn|cracked|sagg\w*|died|dead|worn out|"
                       r"falling apart|fell apart|gone flat|wobbl\w*|snapped|ruined|destroyed|given up|gave up|squeak\w*)\b", re.I)
_BROAD = {"furniture", "decor", "home decor", "stuff", "thing"}
# "the Harper sofa in charcoal boucle from you": the words that describe an owned thing after it
_DESCRIBED_AFTER = re.compile(r"\s+in\s+((?:(?!from\b|last\b|now\b|and\b|but\b|which\b|that\b|for\b)[a-z-]+\s*){1,3})")


_PLACED_ON = r"(?:\b(?:sits?|sitting|goes|go|stands?|standing|fits?|put (?:it|them)|to put (?:it|them)?)\s+on\s+(?:top of\s+)?" \
             r"|^\s*(?:something|anything|any|some|ones?)(?:\s+[a-z-]+){0,2}\s+(?:for|on)\s+" \
             r"|^\s*(?:and\s+|oh\s+|it'?s\s+)?(?:for|to fit)\s+(?=(?:a|our|my|his|her|their)\s+(?:[a-z-]+\s+)?$)" \
             r"|\b(?:it'?s|it is|they'?re|they are|this is|that'?s)\s+(?:for|to go on)\s+" \
             r"|\b(?:eat|eats|eating|ate|have|having)\s+(?:my\s+|our\s+)?(?:dinner|lunch|breakfast|meals?|food|tea)\s+on\s+)" \
             r"(?:the|my|a|our|his|her|their)\s+(?:[a-z-]+\s+){0,2}$"  # "under 1000 ideally, it's for a queen bed": the mattress


_REFINE_FIRST = re.compile(r"^\s*(?:any|anything|got any|do you have any|what about|how about|and)\b[^.?!]*?\b(?:in|instead)\b"
                           r"[^.?!]*[.?!]+", re.I)


def _reason_after_a_refinement(slots: dict, text: str, categories: list[str]) -> None:
    """ "any in king instead? we might upgrade the bed": the first sentence refines what is shown; the bed named
    after it is why, not what is wanted."""
    first = _REFINE_FIRST.match(text)
    if not first or not isinstance(slots.get("category"), str) or mentioned_categories(first.group(0), categories):
        return
    rest = text[first.end():].lower()
    named = [gram for gram, _ in mentioned_categories(rest, categories)]
    if named and all(re.search(rf"\b(?:the|our|my)\s+(?:[a-z-]+\s+)?{re.escape(g.lower())}\b", rest) for g in named):
        slots.pop("category")


def _where_it_goes(slots: dict, text: str, categories: list[str]) -> None:
    """ "not a floor lamp, something small that sits on the desk": the desk is where it goes, not what is wanted."""
    said = set(slot_values(slots, "category"))
    lowered = text.lower()
    for gram, names in mentioned_categories(text, categories) if said else ():
        found = [m for m in re.finditer(rf"\b{re.escape(gram)}\b", lowered)]
        if said <= set(names) and found and all(re.search(_PLACED_ON, lowered[:m.start()]) for m in found):
            slots.pop("category")
            return


# "we own literally a mattress and a kettle": what the shopper has, in so many words
_WE_OWN = re.compile(r"\b(?:we|i)\s+(?:(?:only|just|literally|basically|already)\s+)?(?:own|have|'ve got|have got)\s+"
                     r"(?:(?:only|just|literally|basically)\s+)?(?:a|an|one|the)\b", re.I)
# "we have a queen bed" (while a mattress is being chosen): what they have, said alone
_ONLY_HAVE = re.compile(r"^\s*(?:oh\s+|and\s+|well\s+)?(?:we|i)\s+(?:have|'ve got|got|own)\s+(?:a|an)\s+(?:[a-z-]+\s+)?[a-z-]+\s*[.!]*\s*$", re.I)


def _owned_is_not_wanted(slots: dict, text: str, categories: list[str], vocabulary: dict[str, list[str]] | None = None) -> None:
    """ "I have a grey sofa and white walls. Looking for a rug": the sofa is theirs, the rug is what they want, and
    "grey" is the sofa's colour."""
    mentions = []  # (position, gram, names, owned words or None, asked for)
    lowered, searched_from = text.lower(), 0
    materials = {m.lower() for m in slot_values(slots, "material")}
    grams = mentioned_categories(text, categories)
    for gram, names in grams:
        found = re.compile(rf"\b{re.escape(gram)}\b").search(lowered, searched_from)
        if (found is None or is_room(gram) or singular(gram) == "room" or gram.lower() in materials
                or all(is_room(n) for n in names)):  # ("i bake bread for a living": no living room wanted)
            continue  # "linen bedding for our king bed": linen is the material, the bedding what is wanted
        if ((gram.lower() == "light" or gram.lower() in {m.lower() for m in (vocabulary or {}).get("materials", [])})
                and any(lowered[found.end():].lstrip().startswith(g.lower()) for g, _ in grams if g != gram)):
            # "need a light comforter for their queen bed": light says what the comforter is like; "want a linen sofa
            # this time": linen is the sofa's material, no bedding
            continue
        if gram.lower() == "bed" and re.search(r"\b(?:in|to|into|out of|from)\s+$", lowered[:found.start()]) \
                and len(grams) > 1:
            searched_from = found.end()
            continue  # "she reads in bed every night ... a proper bedside lamp": where she reads, no bed
        searched_from = found.end()
        if gram.lower() == "throw" and re.match(r"\s+(?:(?:it|them|one)\s+)?(?:in|into|out|away)\b", lowered[found.end():]):
            continue  # "i need one i can actually throw in the wash": a verb, no throw
        following = _WORD.findall(lowered[found.end():])[:1]
        if following and is_room(f"{gram} {following[0]}"):
            continue  # "living room rug": the "living room" is where it goes
        clause = re.split(r"[.?!;:]", lowered[:found.start()])[-1]
        before = " ".join(_WORD.findall(clause)[-8:]) + " "  # within its own sentence
        owned = _OWNED.search(before)
        if owned and re.match(r"(?:matching|to match)\s+(?!(?:the|my|our|your|his|her|their)\b)", owned.group(0)):
            owned = None  # "2 matching nightstands": matching each other, not something owned
        if owned and re.search(r"\b(?:has|have|had|got)\s+no\s+$", before):
            owned = None  # "the bedroom in my rental has no curtains": what is missing is what they want
        replaced = bool(owned) and "old" in owned.group(1).split() and bool(_WORN_OUT.search(lowered))
        g = re.escape(gram.lower())
        if owned and re.search(rf"\b(?:none of|no)\s+(?:my|our|the)\s+(?:old\s+)?{g}\s+(?:\w+\s+)?fits?\b"
                               rf"|\b(?:my|our)\s+(?:old\s+)?{g}\s+(?:don'?t|doesn'?t|no longer|won'?t)\s+fit\b", lowered):
            replaced = True  # "new king bed arrived ... none of my sheets fit": new sheets (the bed is theirs)
        if not owned and _ARRIVED_AFTER.match(lowered[found.end():]):
            owned = _ARRIVED_AFTER.match(lowered[found.end():])  # "new king bed arrived today": theirs, not wanted
        if owned and re.search(rf"\b{g}\s+(?:is|was|'s|are|feels)\s+(?:\w+\s+)?(?:too|so)\s+(?:soft|hard|firm|saggy|lumpy|small|short|"
                               rf"narrow|uncomfortable)\b", lowered) and _WANTED.search(lowered[found.end():] + " "):
            replaced = True  # "realised our mattress is way too soft ... want something firmer": a new mattress
        if replaced:  # "the cat has shredded the arms of our old sofa ... want something tougher": a new one
            owned = None
        owned_words = (owned.group(1) or "").split() if owned else None
        described = _DESCRIBED_AFTER.match(lowered[found.end():]) if owned else None
        if described:  # "I bought the Harper sofa in charcoal boucle from you": the sofa's colour and material too
            owned_words += described.group(1).split()
        mentions.append((found.start(), gram, names, owned_words, replaced or bool(_WANTED.search(before)), replaced))
    mentions.sort()
    if (mentions and all(m[3] is not None for m in mentions)
            and re.search(r"\b(?:any|either|all|both|each|which) of (?:these|those|them)\b", text, re.I)):
        slots.pop("category", None)  # "do any of those work without a box spring? we've only got the mattress": theirs
        return
    if (mentions and all(m[3] is not None for m in mentions)
            and re.search(r"\b(?:need|want|get|buy)\s+(?:a\s+new\s+one|one|another(?:\s+one)?|a\s+replacement)\b", lowered)):
        # "red wine all over my cream rug ... i need one i can actually throw in the wash": a new rug, not cream again
        said = {w for m in mentions for w in m[3]}
        for name in ("color", "material"):
            kept = [v for v in slot_values(slots, name) if v.lower() not in said]
            if kept != slot_values(slots, name):
                slots.pop(name)
                if kept:
                    slots[name] = kept[0] if len(kept) == 1 else kept
        return
    if mentions and all(m[3] is not None for m in mentions) and _ONLY_HAVE.match(text):
        slots.pop("category", None)  # what they have sizes what is being chosen ("we have a queen bed": a queen mattress)
        return
    wanted = [m for m in mentions if m[3] is None]
    asked = [m for m in wanted if m[4] and singular(m[1]) not in _BROAD]
    if asked and any(singular(m[1]) in _BROAD for m in mentions):
        wanted = asked  # "my living room is all mid-century furniture. I want a table lamp": the table lamp
    elif (len(wanted) == len(mentions) and any(m[5] for m in wanted)
          and 0 < len(named := [m for m in wanted if m[4] and not m[5]]) < len(wanted)):
        wanted = named  # "our old sofa finally gave up on us ... we want a really big sectional": the sectional
    elif (len(wanted) == len(mentions) and 0 < len(named := [m for m in wanted if m[4]]) < len(wanted)
          and all(re.search(r"\b(?:the|these|those)\s+(?:[a-z-]+\s+)?$", lowered[:m[0]]) for m in wanted if not m[4])):
        # "building forts out of the couch cushions, honestly it's time for a new sofa": the sofa (the cushions are there)
        wanted = named
    elif not wanted or len(wanted) == len(mentions):
        if mentions and not wanted and phrases.FURNISHING.search(text) and _WE_OWN.search(text):
            # "we just got the keys to our first place ... we own literally a mattress and a kettle, where do we even
            # begin": all they named is theirs; what they want is still open
            slots.pop("category", None)
        return
    wanted = [m for m in wanted if m[4]] or wanted  # "sleep on the mattress ... our last bed ... I need a bed frame"
    slots["category"] = wanted[0][2][0] if len(wanted[0][2]) == 1 else wanted[0][2]
    owned_words = {w for m in mentions if m[3] is not None for w in m[3]}
    for field in ("color", "material", "style"):
        said_same = {"color": r"colou?rs?|finish|shade", "material": r"materials?|wood|fabric", "style": r"styles?|look|vibe"}[field]
        if re.search(rf"\b(?:same|matching)\s+(?:{said_same})\b|\bin the same (?:{said_same})\b", text, re.I):
            continue  # "a mid-century coffee table from you last year, now a TV stand in the same style": that style
        values = slot_values(slots, field)
        # ("wood" of "our wooden floors")
        kept = [v for v in values if not all(any(o == w or o.startswith(w) and len(w) >= 4 for o in owned_words)
                                             for w in v.lower().split())]
        if len(kept) == len(values):
            continue
        _set_values(slots, field, kept)
        if not kept and field in ("style", "material"):
            # "I've got a scandinavian oak table and fancy some industrial style dining chairs": the other style; "our
            # wooden floors are freezing ... a wool rug": the other material (not for colours: in "a grey sofa and
            # white walls" the walls' colour is no wish either)
            lex = lexicon(field, (vocabulary or {}).get(FIELDS[field], []))
            grams, _ = _grams(text)
            colours = {w for c in slot_values(slots, "color") for w in c.lower().split()}  # "walnut or natural oak": colours
            other = next((hit for gram, _ in grams if not set(gram.split()) & (owned_words | colours)
                          and (hit := lex.lookup(gram)) is not None and hit.lower() not in {v.lower() for v in values}), None)
            if other:
                slots[field] = other


# "our old white linen sofa got destroyed", "the curtains I have now are the thin white sheer ones the landlord left
# behind": a clause about the thing being replaced ...
_OLD_ONE = re.compile(r"\b(?:our|my|the|his|her|their)\s+(?:old|current|existing|previous)\b|\b(?:i|we)\s+(?:have|'ve got|got)\s+now\b"
                      r"|\bleft behind\b|\bcame with the (?:flat|house|apartment|place|rental)\b"
                      # "our table only seats 4. need an extendable dining table"
                      r"|\b(?:our|my)\s+(?:\w+\s+)?\w+\s+(?:only\s+)?(?:seats|sits|fits|holds)\b"
                      # "need a desk chair under 150, my dorm chair is a wooden torture device"
                      r"|\b(?:our|my)\s+(?:\w+\s+){0,2}\w+\s+(?:is|was)\s+(?:basically\s+|literally\s+|just\s+)?(?:a|an)\s+\w+\s+"
                      r"(?:torture device|nightmare|joke|disaster|death trap|relic|wreck|mess)\b", re.IGNORECASE)
# ... unless it also says what is wanted
_WISH_WORD = re.compile(r"\b(?:want|wanted|need|needs|looking for|prefer|preferably|ideally|would like|'d like|something|"
                        r"instead|this time|new one|another|do you (?:have|sell|carry|stock)|have you got|got any|"
                        r"any\s+(?:\w+\s+){0,3}?(?:that|which|with)(?=\s))\b", re.IGNORECASE)  # ("any extendable dining tables that seat 8?")
_CLAUSE_END = re.compile(r"[.!?;]+|\s+-+\s+|,\s*(?=(?:and|but|so)\b)|,\s*(?=(?:my|our)\s+\w+(?:\s+\w+)?\s+(?:is|was)\s+(?:a|an)\s)"
                         r"|\s+(?=and\s+(?:our|my)\s)")  # "hosting 8 people ... | and our table only seats 4"


def _old_and_wished(text: str) -> tuple[str, str]:
    """The message's clauses about the thing being replaced, and the others ("" and the text when none or all are)."""
    clauses = [c for c in _CLAUSE_END.split(text) if c.strip()]
    old = [c for c in clauses if _OLD_ONE.search(c) and not _WISH_WORD.search(c)]
    if not old or len(old) == len(clauses):
        return "", text
    return " ".join(old), " ".join(c for c in clauses if c not in old)


def wished_text(text: str) -> str:
    """The message without its clauses about the thing being replaced: where its wishes are."""
    return _old_and_wished(text)[1]


def _old_one_is_not_wanted(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "our old white linen sofa got completely destroyed ... ideally a performance fabric in a darker colour": white
    and linen were the old sofa's; the wishes are in the other clauses (read there when the model took the old ones)."""
    old, rest = _old_and_wished(text)
    if not old:
        return
    old_words = set(_WORD.findall(old.lower()))
    rest_words = set(_WORD.findall(rest.lower()))
    for field in ("color", "material", "style"):
        values = slot_values(slots, field)
        kept = [v for v in values if not (set(v.lower().split()) <= old_words and not set(v.lower().split()) <= rest_words)]
        if len(kept) == len(values):
            continue
        _set_values(slots, field, kept)
        if kept:
            continue
        found = _values_said(rest, field, vocabulary)  # "preferably in a darker colour like navy or charcoal"
        if found:
            _set_values(slots, field, found)
            for value in found:  # a colour wanted in so many words is no exclusion
                _set_values(slots, f"exclude_{field}", [v for v in slot_values(slots, f"exclude_{field}") if v != value])


def _values_said(text: str, field: str, vocabulary: dict[str, list[str]]) -> list[str]:
    """The catalog's values of a field said in the text and not refused, longest words first ("performance fabric")."""
    values, words_lexicon = _vocab(vocabulary, FIELDS[field]), lexicon(field, vocabulary.get(FIELDS[field], []))
    grams, words = _grams(text)
    found, taken = [], set()
    for gram, start in grams:
        span = set(range(start, start + len(gram.split())))
        if span & taken or _negated(words, start):
            continue
        match = values.get(gram) or words_lexicon.lookup(gram)
        if match:
            found.append(match)
            taken |= span
    return found


_STOREY = r"\d+(?:st|nd|rd|th)|ground|first|second|third|top|upper|lower"  # "the 4th floor": a storey, no floor lamp
_PET_OR_PERSON = re.compile(r"\b(\w+)\s+(?:retrievers?|labs?|labradors?|doodles?|dogs?|cats?|puppy|puppies|kittens?|"
                            r"hair|fur|beard|eyes)\b", re.IGNORECASE)
_NOT_A_SIZE = re.compile(r"\bfull[- ]?(?:length|body|height|sun|shade|day|days|time|price|refund|set|range|width|setup|set-up|kit|works|house|room|office|package|team|"
                         r"(?:bedroom|living room|kitchen|flat|apartment|home)\s+(?:reset|redo|makeover|refresh|overhaul|revamp))\b"
                         r"|\b(?:in|at) full\b(?! size| bed| mattress)", re.IGNORECASE)


def _not_a_product_value(slots: dict, text: str) -> None:
    """ "a golden retriever who sheds": a colour of a pet, not of the product; "a full-length mirror": a kind of
    mirror, not the Full bed size; "a solid TV stand": a sturdy one, not a material."""
    for match in _PET_OR_PERSON.finditer(text):
        word = match.group(1).lower()
        for field in ("color", "exclude_color"):
            value = slots.get(field)
            said_of_product = isinstance(value, str) and re.search(  # "nothing black, we have a black dog": refused too
                rf"\b{re.escape(value)}\b", text[:match.start()] + " " + text[match.end():], re.IGNORECASE)
            if isinstance(value, str) and (word == value.lower() or word.startswith(value.lower())) and not said_of_product:
                slots.pop(field)
    if isinstance(slots.get("category"), str) and slots["category"] == "Floor Lamps" and re.search(
            rf"\b(?:{_STOREY}|the|my|our|wood(?:en)?|hardwood|oak|tiled?|"
            r"concrete|laminate|stone|parquet)\s+floor(?:s|ing)?\b(?!\s+lamps?)|\bfloors\b", text, re.IGNORECASE) \
            and not re.search(r"\bfloor\s+lamps?\b|\blamps?\b|\blights?\b|\blighting\b", text, re.IGNORECASE):
        slots.pop("category")  # "we're on the 4th floor", "natural oak would match the floor better", "we've got dark floors": no floor lamp
    size = slots.get("size")
    if isinstance(size, str) and re.search(rf"{re.escape(size)}\s+(?:tvs?|telly|television|screens?|monitors?)\b", text, re.IGNORECASE):
        slots.pop("size")  # "a TV stand for a 65 inch telly": the TV's size
    if isinstance(slots.get("material"), str) and slots["material"].lower() == "solid":
        slots.pop("material")  # "a solid TV stand": sturdy; "solid wood" / "solid oak" name a material
    if isinstance(slots.get("material"), str) and slots["material"].lower() == "soft" and re.search(r"\bsoft[- ]clos", text, re.I):
        slots.pop("material")  # "white, soft close drawers": a feature, no material
    budget = re.fullmatch(r"\s*(?:under|below|max|up to|less than|no more than)\s+\$?(\d[\d,]*)\s*", str(slots.get("size") or ""), re.I)
    if budget:  # "show me bookcases under 100 in a light wood" (the model's size): a budget
        slots.pop("size")
        slots.setdefault("price_max", float(budget.group(1).replace(",", "")))
    if (any("hybrid" in m.lower() for m in slot_values(slots, "material"))
            and re.search(r"\b(?:back to|going|gone|went|work(?:ing)?|am|we'?re|i'?m)\s+hybrid\b|\bhybrid\s+(?:work\w*|schedule|job|week|days?)\b",
                          text, re.IGNORECASE)):
        # "we're back to hybrid so i need a proper desk at home": a way of working, no hybrid coils
        _set_values(slots, "material", [m for m in slot_values(slots, "material") if "hybrid" not in m.lower()])
    if (slot_values(slots, "category") == ["Beds"] and re.search(r"\b(?:1|2|3|one|two|three)[- ]?bed\b", text, re.IGNORECASE)
            and not re.search(r"\bbeds?\b(?!\s*(?:flat|apartment|place|house|home|condo|unit))", re.sub(
                r"\b(?:1|2|3|one|two|three)[- ]?bed\b", " ", text, flags=re.IGNORECASE), re.IGNORECASE)):
        slots.pop("category")  # "friends who just moved into a tiny 1 bed": a one-bedroom flat, no bed asked for
    if (isinstance(slots.get("style"), str) and slots["style"].lower() in ("traditional", "classic")
            and re.search(r"(?:^|[,.!]\s*)(?:so\s+|how\s+)?classic(?:\s+(?:me|lol|haha|tbh))?\s*(?:[.!]|$)", text, re.IGNORECASE)
            and not re.search(r"\bclassic\s+(?:look|style|feel|vibe|design|ones?)\b", text, re.IGNORECASE)):
        slots.pop("style")  # "can't sleep so I'm shopping, classic. floor lamp for ...": how typical, no style
    if _NOT_A_SIZE.search(text) and isinstance(slots.get("size"), str) and slots["size"].lower() == "full" \
            and not re.search(r"\bfull(?:[- ]size)?\s+(?:bed|mattress|sheets?|duvet|comforter|frame)\b", text, re.IGNORECASE):
        slots.pop("size")
        other = re.search(r"\b(california king|cal(?:i)? king|king|queen|twin xl|twin)(?:[- ]size(?:d)?)?\b", text, re.IGNORECASE)
        if other:  # "doing a full bedroom reset ... bedding, king size": the king
            said = other.group(1).lower()
            slots["size"] = "California King" if said.startswith("cal") else said.title().replace("Xl", "XL")


# "not dropping 2k on a mattress at 1am lol. under 700": an amount refused, the budget said after it
_AMOUNT_REFUSED = re.compile(r"\bnot\s+(?:dropping|spending|paying|blowing|shelling\s+out|forking\s+out)\s+\$?\d[\d,.]*\s*k?\b", re.I)
# "under 400", "nothing over 2k": a budget said plainly (not "under 30 inches", "under 2 weeks", "under 4 stars")
_UNDER_AMOUNT = re.compile(r"\b(?:under|below|less than|max|up to|no more than|nothing over)\s+\$?(\d[\d,]*(?:\.\d+)?)\s*(k)?\b"
                           r"(?!\s*(?:inch|in\b|\"|”|cm|ft|feet|foot|'|lbs?|pounds|kg|people|ppl|persons?|guests?|seats?|x\s*\d|%|"
                           r"mins?|minutes?|hours?|days?|weeks?|months?|years?|stars?))", re.I)
# "ok stretch to 80 then", "can you go up to 1.5k": a new top of the budget
_STRETCH_TO = re.compile(r"\b(?:stretch|go|push|bump|raise)\s+(?:it\s+|that\s+|(?:my|the)\s+budget\s+)?(?:up\s+)?to\s+\$?(\d[\d,]*(?:\.\d+)?)\s*(k)?\b"
                         r"(?!\s*(?:inch|in\b|\"|cm|ft|feet|people|seats?|%))", re.I)


def _amount(said: re.Match) -> float:
    """The amount of a budget match ("under 400", "go up to 1.5k"), read as every price phrase is."""
    return parse_price(said.group(0), hint="price_max")[1]


def _budget_stretched(slots: dict, text: str) -> None:
    """ "ok stretch to 80 then": a new top of the budget, not a floor."""
    said = _STRETCH_TO.search(text)
    if not said:
        return
    if slots.get("price_min") is not None and float(slots["price_min"]) == _amount(said):
        slots.pop("price_min")
    slots["price_max"] = _amount(said)


def _budget_said_plainly(slots: dict, text: str) -> None:
    """ "show me washable ones under 400, 5x8 if poss": a budget said plainly that the model's spans missed."""
    if slots.get("price_max") is not None or slots.get("price_min") is not None:
        return
    said = _UNDER_AMOUNT.search(text)
    if (said and _amount(said) >= 20
            # (not "3 kids under 10": their ages)
            and not re.search(r"\b(?:kids?|children|child|boys?|girls?|toddlers?|babies|little ones|grandkids)\s*$", text[:said.start()], re.I)):
        slots["price_max"] = _amount(said)


def _amount_refused(slots: dict, text: str) -> None:
    """ "not dropping 2k on a mattress ... under 700": the budget is 700, not 2,000."""
    refused = _AMOUNT_REFUSED.search(text)
    if not refused:
        return
    said = _UNDER_AMOUNT.search(text[refused.end():]) or _UNDER_AMOUNT.search(text[:refused.start()])
    if said:
        slots["price_max"] = _amount(said)
    elif slots.get("price_max") is not None:
        slots.pop("price_max")


_COMPARATIVE_SIZE = re.compile(r"^(?:wider|narrower|deeper|taller|higher|longer|shorter|bigger|smaller|than\b.*)$", re.I)


_RATING = re.compile(r"(?:\b(?:at least|min(?:imum)?|over|above|more than)\s+)?\b([1-5](?:\.\d)?)\s*\+?\s*(?:stars?|★)(?![\s-]*(?:hotel|resort|service|restaurant|luxury|experience|feel|vibe))"
                     r"|\brated\s+(?:at least\s+|over\s+|above\s+)?([1-5](?:\.\d)?)\b(?!\s*(?:\$|dollars?|bucks|%))", re.IGNORECASE)


def _rating_wish(slots: dict, text: str) -> None:
    """ "a jute rug with at least 4.5 stars", "rated 4+": the least rating (``min_rating``), not a price."""
    found = _RATING.search(text)
    if not found:
        return
    least = float(found.group(1) or found.group(2))
    if re.search(r"\b(?:better|higher|more than|over|above)\b", text[found.end():found.end() + 40] + " " + (found.group(0) or ""), re.I) \
            and not re.search(r"\bat least\b|\+", found.group(0)):
        least = round(least + 0.1, 1)  # "hmm 3.2 stars 😬 anything better rated?": above 3.2
    slots["min_rating"] = least
    if isinstance(slots.get("size"), str) and "star" in slots["size"].lower():
        slots.pop("size")
    for name in ("price_min", "price_max"):
        if isinstance(slots.get(name), (int, float)) and float(slots[name]) == least:
            slots.pop(name)


_REFUSING = {"hate", "hates", "no", "not", "nothing", "without", "avoid", "except", "dislike", "never", "none", "nix",
             "veto", "vetoing", "vetoed", "vetoes"}  # "i'm vetoing mustard 🙃"
_FILLER = {"anything", "any", "all", "everything", "that's", "too", "really", "so", "the", "a", "of", "with", "want", "like",
           "need", "do", "i", "we", "really", "more", "stuff", "else", "such", "as", "dark", "shiny", "bright"}
# "we are not at all keen on anything too modern", "not a fan of brass"
_NOT_KEEN = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+){0,2}(?:keen on|fond of|a fan of|a big fan of|into|crazy about|big on|"
                       r"mad about|sure about)\s+(?:[\w']+\s+){0,3}$"
                       # "hmm i dont love the boho look"
                       r"|\b(?:don'?t|do not|didn'?t)\s+(?:really\s+|exactly\s+)?(?:love|like|dig)\s+(?:[\w']+\s+){0,2}$"
                       # "not loving the green. other options?"
                       r"|\b(?:not|n't)\s+(?:really\s+)?(?:loving|liking|feeling|digging)\s+(?:[\w']+\s+){0,2}$", re.I)
_CLAUSE_BREAK = {"and", "but", "or", "also", "plus", "then"}


def _negated_wishes(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """A value tagged as wanted that the message refuses ("oh and i hate anything pink", "don't want leather"):
    excluded, with every catalog value named by the same word ("pink": blush pink, hot pink)."""
    words = _WORD.findall(text.lower())
    for field in ("color", "material", "style"):
        value = slots.get(field)
        if not isinstance(value, str):
            continue
        parts = value.lower().split()
        at = next((i for i, w in enumerate(words) if w in parts), None)
        if at is None and field == "style":  # "boho" for bohemian
            styles = lexicon("style", vocabulary.get("styles", []))
            at = next((i for i, w in enumerate(words) if (styles.lookup(w) or "").lower() == value.lower()), None)
        if at is None:
            continue
        before = next((w for w in reversed(words[max(0, at - 4):at]) if w not in _FILLER), "")
        clause = words[max(0, at - 7):at]
        clause = clause[max((i + 1 for i, w in enumerate(clause) if w in _CLAUSE_BREAK), default=0):]
        negations = sum(w in _REFUSING or w.endswith("n't") for w in clause)
        said = words[at]
        place = re.search(rf"\b{re.escape(said)}\b", text, re.I)
        not_keen = bool(place and _NOT_KEEN.search(text[:place.start()]))
        too_much = (at > 0 and words[at - 1] == "too" and negations == 0  # "these look a bit too modern for her"
                    and bool(place and re.search(r"\btoo\s+$", text[:place.start()], re.I)))  # (not "a desk for her too, black")
        if not (before in _REFUSING or before.endswith("n't") or not_keen or too_much) or negations > 1 \
                or _says_wanted(said, text):
            continue  # "no budget, white please"; "not grey but pink"; "i don't mind pink"; "nothing that isn't leather"
        named = [v for v in vocabulary.get("colors", []) if said in v.lower().split()] if field == "color" else []
        _refuse(slots, field, value, named or [value])
        if field == "style" and not slots.get("style"):
            # "i dont love the boho look. something more mid century?": the style wished after the one refused
            styles = lexicon("style", vocabulary.get("styles", []))
            later = words[at + 1:]
            wished = next((found for n in (2, 1) for i in range(len(later) - n + 1)
                           if (found := styles.lookup(" ".join(later[i:i + n]))) and found.lower() != value.lower()), None)
            if wished:
                slots["style"] = wished


def _excluded_as_colour_and_material(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "no brass please": brass excluded as a colour and as a material, whichever the catalog lists it as
    ("nothing made of walnut" says which)."""
    colours = {c.lower(): c for c in vocabulary.get("colors", [])}
    materials = {m.lower(): m for m in vocabulary.get("materials", [])}
    for field, other, names in (("material", "color", colours), ("color", "material", materials)):
        also = [names[v.lower()] for v in slot_values(slots, f"exclude_{field}") if v.lower() in names and not re.search(
            rf"\b(?:made (?:of|from|out of)|material|colou?r(?:ed)?|in)\s+(?:\w+\s+)?{re.escape(v)}\b", text, re.I)]
        if also:
            _set_values(slots, f"exclude_{other}", [*slot_values(slots, f"exclude_{other}"), *also])


_BIG_FURNITURE = r"(?:bed|beds|dining table|sofa|couch|sectional|bed frame)"
_UNDER_FURNITURE = re.compile(rf"\b(?:under|underneath|beneath)\s+(?:my|the|our|a|his|her)\s+(?:[a-z]+\s+){{0,2}}?{_BIG_FURNITURE}\b",
                              re.IGNORECASE)
_UNDER_IT = re.compile(r"\b(?:under|underneath|beneath)\s+(?:it|them)\b", re.IGNORECASE)


def goes_under_furniture(text: str) -> bool:
    """ "one big enough to go under a queen bed": the bed is where it goes."""
    return bool(_UNDER_FURNITURE.search(text))


def rug_under_furniture(slots: dict, text: str, it: str | None = None) -> None:
    """ "a rug to go under my queen bed" (or "under it", ``it`` being the beds): one big enough to go under it,
    at least 5 feet wide (no runner, no mat)."""
    category = slots.get("category")
    under = _UNDER_FURNITURE.search(text) or (it and _UNDER_IT.search(text) and re.fullmatch(_BIG_FURNITURE, it.lower()))
    if (isinstance(category, str) and "rug" in category.lower() and under
            and not slots.get("dimension_min") and not slots.get("dimension_max") and not slots.get("size")):
        slots["dimension_min"] = {"W": 60.0}


def _measures_to_fit(slots: dict, text: str) -> None:
    """ "max 30 inches wide", "about 120 cm of wall": bounds on the product's measures (``dimension_max`` /
    ``dimension_min``, inches by letter) instead of a catalog size, a size critique or a price with that number."""
    limits = read_limits(text)
    if not limits:
        return
    slots["dimension_max"], slots["dimension_min"] = limits.most, limits.least
    size = slots.get("size")
    if isinstance(size, str) and (re.search(r"\d", size) or _COMPARATIVE_SIZE.match(size.strip())):
        slots.pop("size")
    if isinstance(slots.get("exclude_size"), str) and _COMPARATIVE_SIZE.match(slots["exclude_size"].strip()):
        slots.pop("exclude_size")  # "no wider than": no size excluded
    slots.pop("size_relative", None)
    for name in ("price_max", "price_min"):
        value = slots.get(name)
        if isinstance(value, (int, float)) and float(value) in limits.numbers and not re.search(
                rf"[$£€]\s*{float(value):g}\b|\b{float(value):g}\s*(?:\$|dollars?|bucks|usd|eur|euros?|pounds?|quid|gbp)",
                text, re.IGNORECASE):
            slots.pop(name)  # "under 30 inches": a measure, not a budget


_LIGHT_ADJECTIVE = re.compile(r"\b(?:something|too|more|very|bit|quite|nice|really|so|and|feel|look|looks|keep it|go|colou?rs?)\s+"
                              r"light\b(?!\s+(?:for|to|in|on|that|which|fixtures?)\b)|\blight\s+(?:and|or|colou?r\w*|tones?|toned|wood|"
                              r"natural|airy|fresh|bright|neutral|beige|grey|gray|fabric|linen|weight|sleepers?)\b", re.I)  # "a light sleeper"
_LIGHT_THING = re.compile(r"\b(?:lamps?|lights|lighting|light fixtures?|chandeliers?|pendants?|sconces?|bulbs?)\b", re.I)


def _colour_pairs(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "my living room is all navy and cream": either colour, not only the one the model tagged."""
    said = slots.get("color")
    if not isinstance(said, str):
        return
    colours = lexicon("color", vocabulary.get("colors", []))
    for found in re.finditer(rf"\b{re.escape(said.lower())}\s+(?:and|or|&|/)\s+([a-z]+)\b|\b([a-z]+)\s+(?:and|or|&|/)\s+"
                             rf"{re.escape(said.lower())}\b", text.lower()):
        other = colours.lookup(found.group(1) or found.group(2))
        refused = re.search(r"\b(?:no|not|nothing|without|avoid|hate|never|none)\b[^,.;!?]*$|n't\b[^,.;!?]*$",
                            text.lower()[:found.start()])  # "nothing dark like espresso or black": both refused
        if other and other.lower() != said.lower() and not refused:
            slots["color"] = [said, other]
            material = slots.get("material")
            if isinstance(material, str) and material.lower() in (said.lower(), other.lower()) \
                    and len(re.findall(rf"\b{re.escape(material.lower())}\b", text.lower())) == 1:
                slots.pop("material")  # "she likes brass and gold things": a finish said once, the colour only
            if "exclude_color" in slots:  # "navy or blue, but not from CB2": blue is wanted too
                _set_values(slots, "exclude_color", [e for e in slot_values(slots, "exclude_color") if e.lower() != other.lower()])
            return


# "a big rug for the living room, 8x10 or bigger", "at least 8x10": any size from there up
_SIZE_OR_BIGGER = re.compile(r"\b(\d+(?:\.\d+)?\s*(?:'|ft|feet)?\s*(?:x|by)\s*\d+(?:\.\d+)?)\s*(?:'|ft|feet)?\s*(?:or\s+(?:bigger|larger|more|up|above)"
                             r"|\+|minimum|min|at\s+least)(?!\w)|\bat\s+least\s+(\d+(?:\.\d+)?\s*(?:'|ft|feet)?\s*(?:x|by)\s*\d+(?:\.\d+)?)", re.I)


def _size_or_bigger(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "8x10 or bigger": the catalog's sizes from 8' x 10' up, not 8' x 10' alone (nor bigger than what was shown)."""
    said = _SIZE_OR_BIGGER.search(text)
    if not said:
        return
    found = catalog_sizes_at_least(said.group(1) or said.group(2), vocabulary.get("sizes", []))
    if found:
        slots["size"] = found if len(found) > 1 else found[0]
        if slots.get("size_relative") == "bigger":
            slots.pop("size_relative")


# "the green one wont work with our floors", "the espresso one's too dark for our floors tho": that colour refused
_ONE_REFUSED = re.compile(r"\b(?:the|that|this)\s+([a-z]+(?:\s[a-z]+)?)\s+one(?:'s|\s+is|\s+was)?\s+(?:(?:way|much|a bit|bit|kinda|a little)\s+)?"
                          r"(?:too\s+(?:dark|light|bright|loud|busy|bold|much|pale|yellow|orange|pink)|(?:wont|won'?t|doesn'?t|does not|will not|"
                          r"wouldn'?t|would not)\s+(?:work|go|fit in|match)|clashes)\b", re.I)
# "something completely different, and less white": that colour refused (not "more or less white")
_LESS_OF_COLOUR = re.compile(r"(?<!\bor\s)\bless\s+([a-z]+)\b", re.I)
# "hmm charcoal is kinda dark for two little girls, anything lighter?": that colour refused
_COLOUR_IS_TOO = re.compile(r"^\W*(?:(?:hmm+|ugh|nah|ok|honestly|tbh)\W+)?([a-z]+)\s+(?:is|'s|feels|looks)\s+(?:kinda|kind of|a bit|a little|way|too|"
                            r"so|really|pretty|quite)\s+(?:too\s+)?(?:dark|bright|loud|bold|gloomy|drab|dull|harsh)\b", re.I)
# "something neutral that goes with terracotta, nothing loud": the colour of what they have
_GOES_WITH_COLOUR = re.compile(r"\b(?:goes|go|going|match|matches|work|works|tones?)\s+with\s+(?:the\s+|our\s+|my\s+|a\s+)?([a-z]+)\b(?!\s+[a-z])", re.I)
# "anything more neutral?", "something in neutrals"
_NEUTRAL = re.compile(r"\b(?:more\s+)?neutrals?\b(?!\s+(?:about|on)\b)", re.I)


def _colour_refused_of_one(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "the green one wont work with our floors. anything more neutral?", "and less white", "charcoal is kinda dark":
    that colour refused (not asked for); the catalog's neutral colours wanted when said."""
    colours = lexicon("color", vocabulary.get("colors", []))
    refused = _ONE_REFUSED.search(text) or _LESS_OF_COLOUR.search(text) or _COLOUR_IS_TOO.search(text)
    colour = colours.lookup(refused.group(1)) if refused else None
    if colour:
        _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() != colour.lower()])
        _set_values(slots, "exclude_color", [*slot_values(slots, "exclude_color"), colour])
        slots.pop("item_ref", None)
    goes_with = _GOES_WITH_COLOUR.search(text)
    theirs = colours.lookup(goes_with.group(1)) if goes_with else None
    if theirs:  # "something neutral that goes with terracotta": terracotta is what they have
        _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() != theirs.lower()])
    like_one = re.search(r"\blike\s+the\s+([a-z]+)\s+one\b", text, re.I)
    pointer = colours.lookup(like_one.group(1)) if like_one and _NEUTRAL.search(text[like_one.end():]) else None
    if pointer:  # "more like the green one but in a neutral colour": green says which one, neutral is wished
        _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() != pointer.lower()])
    if _NEUTRAL.search(text) and not slots.get("color"):
        catalog = {c.lower(): c for c in vocabulary.get("colors", [])}
        excluded = {c.lower() for c in slot_values(slots, "exclude_color")}
        _set_values(slots, "color", [catalog[c] for c in NEUTRALS if c in catalog and c not in excluded])


def _colour_asked_last(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "the pink one is cute but im not a pink person. green?": the colour asked at the end is wanted (the pink
    one only said which one, and pink is refused)."""
    last = re.search(r"(?:^|[.!?,;]\s*)([a-z]+(?:\s+[a-z]+)?)\s*\?+\s*$", text, re.I)
    colour = lexicon("color", vocabulary.get("colors", [])).lookup(last.group(1)) if last else None
    if not colour or colour.lower() in {c.lower() for c in slot_values(slots, "exclude_color")}:
        return
    pointers = " ".join(m.group(1).lower() for m in re.finditer(r"\bthe\s+([a-z]+(?:\s+[a-z]+)?)\s+ones?\b", text, re.I))
    refused = {c.lower() for c in slot_values(slots, "exclude_color")}
    kept = [c for c in slot_values(slots, "color") if c.lower() not in refused and not re.search(rf"\b{re.escape(c.lower())}\b", pointers)
            and c.lower() != colour.lower()]
    _set_values(slots, "color", [*kept, colour])


# "the velvet one looks so hot to sleep on", "leather in this heat, no thanks. fabric?": that material refused
_MATERIAL_TOO_HOT = re.compile(r"\bthe\s+([a-z]+)\s+ones?\s+(?:looks?|seems?|is|are|'s)\s+(?:so\s+|way\s+too\s+|too\s+|really\s+|a\s+bit\s+)?"
                               r"(?:hot|warm|sweaty|stuffy|sticky)\b"
                               r"|^\W*(?:(?:hmm+|ugh|nah|ok)\W+)?([a-z]+)\s+in\s+(?:this|the|that)\s+(?:heat|weather|humidity)\W+(?:no\s+thanks|no\s+way|nope|no)\b", re.I)


def _material_too_hot(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "the velvet one looks so hot to sleep on ... something more breathable?": velvet refused; "leather in this
    heat, no thanks. fabric?": leather refused, fabric wished."""
    said = _MATERIAL_TOO_HOT.search(text)
    material = lexicon("material", vocabulary.get("materials", [])).lookup(said.group(1) or said.group(2)) if said else None
    if not material:
        return
    wished = [m for m in slot_values(slots, "exclude_material") if m.lower() != material.lower()
              and re.search(rf"\b{re.escape(m)}\b", text[said.end():], re.I)]
    _set_values(slots, "exclude_material", [m for m in slot_values(slots, "exclude_material") if m not in wished])
    _set_values(slots, "material", [*(m for m in slot_values(slots, "material") if m.lower() != material.lower()), *wished])
    _set_values(slots, "exclude_material", list(dict.fromkeys([*slot_values(slots, "exclude_material"), material])))
    slots.pop("item_ref", None)


# "the cream velvet ones are pretty but velvet + gravy... anything wipeable?": the ones described, then a "but"
_DESCRIBED_BUT = re.compile(r"\bthe\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+ones?\s+(?:is|are|look|looks|seem|seems)\s+(?:\w+\s+){0,2}?"
                            r"(?:\w+)\s*,?\s*(?:but|though|tho)\b"
                            # "i like the beige one but is there anything like it thats cheaper?"
                            r"|\b(?:i|we)\s+(?:really\s+)?(?:like|love)\s+the\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+ones?\s*,?\s*(?:but|though|tho)\b"
                            r"(?=.*\b(?:like (?:it|that|this|that one|this one)|similar)\b)", re.I)


def _colour_of_ones_described(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "the cream velvet ones are pretty but velvet + gravy... anything wipeable?": cream says which ones are meant,
    no colour wished (unless said again after)."""
    said = _DESCRIBED_BUT.search(text)
    if not said or not slots.get("color"):
        return
    colours = lexicon("color", vocabulary.get("colors", []))
    meant = {c.lower() for w in (said.group(1) or said.group(2)).split() if (c := colours.lookup(w))}
    after = text[said.end():].lower()
    _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() not in meant or c.lower() in after])


# "eating my sad desk salad", "couch potato", "table tennis": a furniture word inside a phrase about something else
_IDIOM = re.compile(r"\b(?:desk\s+(?:salad|lunch|job|snack|breakfast|worker)|bed\s*(?:head|time|bugs?)|(?:sofa|couch)\s+(?:surf\w*|potato\w*)|"
                    r"table\s+(?:tennis|manners|football)|rug\s+rats?|mirror\s+selfies?|lamp\s*post|chair\s*(?:person|man|woman)|"
                    r"bookshelf\s+wealth)\b", re.I)


def names_idiom(text: str) -> bool:
    """Whether the text says a furniture word inside a phrase about something else ("my sad desk salad")."""
    return _IDIOM.search(text) is not None


def _idiom_is_no_product(slots: dict, text: str) -> None:
    """ "lol your chat thing popped up while i was eating my sad desk salad": no desk wanted."""
    idioms = list(_IDIOM.finditer(text))
    if not idioms or not slots.get("category"):
        return
    rest = _IDIOM.sub(" ", text)
    head = {c.split()[-1].lower().rstrip("s") for c in slot_values(slots, "category")}
    if not any(re.search(rf"\b{re.escape(h)}", rest, re.I) for h in head):
        slots.pop("category")


_HAS_TO_BE = re.compile(r"\b(?:has|have|needs?|got)\s+to\s+be\s+(?:made\s+of\s+|in\s+)?([a-z]+(?:\s[a-z]+)?)\b", re.I)
_HAD_ENOUGH_OF = re.compile(r"\b(?:had enough of|sick of|tired of|done with|no more)\s+(?:the\s+)?(?:cheap\s+|flimsy\s+|nasty\s+)?([a-z]+)\b", re.I)


def _material_it_must_be(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "It has to be teak, we've had enough of cheap plastic.": teak wanted, plastic refused."""
    must = _HAS_TO_BE.search(text)
    colours = lexicon("color", vocabulary.get("colors", []))
    if must and (colours.lookup(must.group(1)) or colours.lookup(must.group(1).split()[0])):
        return  # "has to be walnut to match our floors": a colour as much as a wood, read as the model tagged it
    materials = vocabulary.get("materials", [])
    wanted = (catalog_materials(must.group(1), materials) or catalog_materials(must.group(1).split()[0], materials)) if must else []
    if not wanted:
        return
    refused = [m for found in _HAD_ENOUGH_OF.finditer(text) for m in catalog_materials(found.group(1), materials)]
    _set_values(slots, "material", wanted)
    if refused:
        _set_values(slots, "exclude_material", [*slot_values(slots, "exclude_material"), *(m for m in refused if m not in wanted)])


_ONE_BUT_IN = re.compile(r"\b(?:the|that|this)\s+([a-z]+(?:\s[a-z]+)?)\s+one\b[^.?!;]{0,30}?\b(?:but|only|just)\s+(?:in\s+)?(?:a\s+)?"
                         r"([a-z]+(?:\s[a-z]+)?)\b", re.I)


def _colour_of_the_one_meant(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "hmm more like the rust one but in grey?": grey is the colour wanted; rust only says which one is meant."""
    found = _ONE_BUT_IN.search(text)
    if not found:
        return
    colours = lexicon("color", vocabulary.get("colors", []))
    meant, wanted = colours.lookup(found.group(1)), colours.lookup(found.group(2)) or colours.lookup(found.group(2).split()[0])
    if meant and wanted and meant.lower() != wanted.lower():
        slots["color"] = wanted


def _material_before_category(slots: dict, text: str, vocabulary: dict[str, list[str]], categories: list[str]) -> None:
    """ "the Asher rolled-arm linen sofa": "linen" before "sofa" is the sofa's material, not bed linen."""
    said = slots.get("category")
    if not isinstance(said, str):
        return
    materials = {m.lower() for m in vocabulary.get("materials", [])}
    for gram, names in mentioned_categories(text, categories):
        if said in names:
            continue
        before = re.search(rf"\b([a-z]+)\s+{re.escape(gram)}\b", text.lower())
        word = before.group(1) if before else None
        if word and word in materials and category_matches(word, categories, typos=False) == [said]:
            slots["category"] = names[0] if len(names) == 1 else names
            return


def _material_named_as_category(slots: dict, text: str, categories: list[str]) -> None:
    """ "it needs to be wipeable, so no velvet or linen": "linen" is a material refused with the other, not bed linen."""
    said = slot_values(slots, "category")
    materials = {m.lower() for m in [*slot_values(slots, "material"), *slot_values(slots, "exclude_material")]}
    if not said or not materials:
        return
    grams = mentioned_categories(text, categories)
    named = [gram for gram, names in grams if set(names) & set(said)]
    if named and all(gram.lower() in materials for gram in named):
        slots.pop("category")


# "easy to wipe down", "sit down", "winding down for the night", "up and down": the word, not the material down
_DOWN_THE_WORD = re.compile(r"\b(?:wipe[sd]?|wiping|sits?|sitting|lie|lying|lay|puts?|set|calm(?:s|ed|ing)?|slow(?:s|ed|ing)?|settl(?:es?|ed|ing)|"
                            r"break|broke|broken|comes?|came|go|goes|went|turns?|turned|upside|cut|cutting|hose[sd]?|knock|"
                            r"narrow|water|wind(?:s|ing)?|write|look|scale|count|dressed|slide|fold|worn|tone[sd]?|cool(?:s|ed|ing)?|quiet(?:s|ed|ing)?|"
                            r"die[sd]?|dying|shut(?:s|ting)?|wear(?:s|ing)?|wore|"
                            r"hand[- ]me|up and)\s+down\b|\bdown (?:the|to|a|from|stairs)\b", re.I)


def _down_the_word(slots: dict, text: str) -> None:
    """ "can you move the shelves up and down?", "winding down": the word, not down filling (kept or refused)."""
    if not _DOWN_THE_WORD.search(text):
        return
    if any(m.lower() == "down" for m in slot_values(slots, "material")):
        _set_values(slots, "material", [m for m in slot_values(slots, "material") if m.lower() != "down"])
    if isinstance(slots.get("exclude_material"), str) and slots["exclude_material"].lower() == "down":
        slots.pop("exclude_material")


def _colour_said_as_material(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "he wants black, i want natural oak": a catalog colour of two words (natural oak, honey pine) read as the
    material of one of them; the colour, beside any other colour said."""
    material = slots.get("material")
    if not isinstance(material, str):
        return
    lowered = text.lower()
    for colour in vocabulary.get("colors", []):
        words = colour.lower().split()
        if (len(words) > 1 and material.lower() in words and re.search(rf"\b{re.escape(colour.lower())}\b", lowered)
                and not re.search(rf"\b{re.escape(material.lower())}\b", lowered.replace(colour.lower(), " "))):
            slots.pop("material")
            _set_values(slots, "color", list(dict.fromkeys([*slot_values(slots, "color"), colour])))
            return


def _colour_and_material(slots: dict, text: str) -> None:
    """A colour and a material read from the same words: "jute or something natural" (a natural fibre, not the
    colour), "natural oak would go better with the floor" (the colour of a natural oak finish, not oak itself)."""
    colour, material = slots.get("color"), slots.get("material")
    if not isinstance(colour, str) or not isinstance(material, str):
        return
    if colour.lower() == "natural" and re.search(rf"\b{re.escape(material)}\s+or\s+(?:something|anything|some other|other)\s+natural\b",
                                                 text, re.IGNORECASE):
        slots.pop("color")
    elif (" " in colour.strip() and material.lower() in colour.lower().split()
          and not re.search(rf"\b{re.escape(material.lower())}\b", text.lower().replace(colour.lower(), " "))):
        slots.pop("material")


def _value_let_go(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "hmm no, forget terracotta, show me black ones", "rust is a bit much tbh, got any in grey?": the value let go
    is no wish; the other one said is (the model keeps one colour of the two)."""
    for field in ("color", "material"):
        values = slot_values(slots, field)
        for value in values:
            word = re.escape(value.lower())
            if not re.search(rf"\b(?:forget|scrap|drop|ditch|never ?mind)\s+(?:the\s+)?{word}\b|\b{word}\s+(?:is|'s|was)\s+(?:a bit\s+|way\s+|far\s+|just\s+)?"
                             r"(?:too much|a bit much|much|not for me|not me|too (?:loud|bold|bright|dark))\b"
                             # "black will show every single hair"
                             rf"|\b{word}\s+(?:will|would|'?ll|'?d|is going to|shows?)\s+(?:show\s+)?(?:every|all|the)\s+(?:\w+\s+)?"
                             r"(?:hair|hairs|dirt|dust|stains?|marks?|crumbs?|fur|mess|scratch(?:es)?|fingerprints?)\b", text, re.I):
                continue
            others = [v for v in (_values_said(text, field, vocabulary) if len(values) == 1 else values)
                      if v.lower() != value.lower()]
            if others:
                _set_values(slots, field, others)
            break


_HYBRID_WORK = re.compile(r"\bhybrid\s+(?:for good|working|work|worker|schedule|model|now|from now|these days|job|role|"
                          r"(?:\w+\s+)?(?:days?|weeks?))\b|\b(?:we'?re|i'?m|we are|i am|going|gone|went|go|be|being|now|is|are|'s)\s+"
                          r"(?:fully\s+|officially\s+)?hybrid\b", re.I)  # "my company just went hybrid"


def _said_both_ways(slots: dict, text: str) -> None:
    """A value both wanted and refused in one message: wanted only when asked for in so many words ("none of these
    are grey though. I want grey"), refused otherwise ("rattan won't do for his back ... just not rattan", "not
    metal please, my partner says metal frames squeak")."""
    for field in ("color", "material", "style", "brand"):
        refused = {v.lower() for v in slot_values(slots, "exclude_" + field)}
        for value in [v for v in slot_values(slots, field) if v.lower() in refused]:
            if _says_wanted(value, text):
                _set_values(slots, "exclude_" + field,
                            [v for v in slot_values(slots, "exclude_" + field) if v.lower() != value.lower()])
            else:
                _set_values(slots, field, [v for v in slot_values(slots, field) if v.lower() != value.lower()])


def _hybrid_work(slots: dict, text: str) -> None:
    """ "my company just told us we're hybrid for good ... an electric standing desk": a way of working, not the hybrid
    coils of a mattress."""
    if _HYBRID_WORK.search(text) and not re.search(r"\bmattress", text, re.I):
        _set_values(slots, "material", [m for m in slot_values(slots, "material") if "hybrid" not in m.lower()])


def _words_of_a_longer_value(slots: dict, text: str) -> None:
    """ "queen sheets in cotton sateen": one material, cotton sateen; "cotton" is only a word of it (unless said
    alone elsewhere: "cotton or cotton sateen")."""
    lowered = text.lower()

    def alone(short: str, longer: list[str]) -> bool:  # (a value not said in so many words came from another: kept)
        spans = [m.span() for w in longer for m in re.finditer(rf"\b{re.escape(w.lower())}\b", lowered)]
        said = list(re.finditer(rf"\b{re.escape(short.lower())}\b", lowered))
        return not said or any(not any(a <= m.start() and m.end() <= b for a, b in spans) for m in said)

    for field in ("material", "color", "style"):
        values = slot_values(slots, field)
        for name in (field, f"exclude_{field}"):  # (an exclusion of a word of the value asked for: none)
            said = slot_values(slots, name)
            kept = [v for v in said
                    if not (longer := [w for w in values if w != v and set(v.lower().split()) < set(w.lower().split())])
                    or alone(v, longer)]
            if len(kept) < len(said):
                _set_values(slots, name, kept)


def _degrees_are_no_size(slots: dict, text: str) -> None:
    """ "gonna be another sticky one, 32 degrees they said": the weather, no size 32."""
    size = slots.get("size")
    if isinstance(size, str) and re.fullmatch(r"\d{1,3}", size.strip()) and re.search(rf"\b{size.strip()}\s*(?:degrees?|°)", text):
        slots.pop("size")


def _material_of_the_kind_refused(slots: dict, text: str) -> None:
    """ "not metal please, metal beds feel so cold": metal refused, not the beds it is said of."""
    refused = slot_values(slots, "exclude_category")
    materials = [*slot_values(slots, "exclude_material"), *slot_values(slots, "material")]
    kept = [k for k in refused if not any(re.search(rf"\b{re.escape(m)}\s+{re.escape(k.split()[-1].lower().rstrip('s'))}", text, re.I)
                                          for m in materials)]
    if len(kept) < len(refused):
        _set_values(slots, "exclude_category", kept)


# "show me tv stands you ACTUALLY have", "and nothing that's out of stock": in stock only
_ONLY_IN_STOCK = re.compile(r"\b(?:you|u)\s+(?:actually|really)\s+(?:have|got)\b(?!\s+(?:a|an|any)\b)"
                            r"|\bnothing\s+(?:that'?s\s+|that is\s+|thats\s+)?(?:out of stock|sold out|backordered)\b"
                            r"|\bonly\s+(?:what'?s|whats|what is|things?|ones?|stuff)\s+(?:that'?s\s+|actually\s+|really\s+)*in stock\b", re.I)


# "kids + cranberry sauce = disaster", "red wine spills": food and drink, no colour or material
_FOOD_AFTER = r"\s+(?:sauce|juice|jam|jelly|ketchup|gravy|wine|spills?|stains?|smoothies?)\b"


def _food_is_no_value(slots: dict, text: str) -> None:
    """ "not leather, kids + cranberry sauce = disaster": the sauce's word is no material or colour refused."""
    for field in ("material", "color", "exclude_material", "exclude_color"):
        said = slot_values(slots, field)
        kept = [v for v in said if not re.search(rf"\b{re.escape(v)}{_FOOD_AFTER}", text, re.I)]
        if len(kept) < len(said):
            _set_values(slots, field, kept)


_GLASS_OF = re.compile(r"\bglass(?:es)?\s+of\b", re.I)


def _glass_of_a_drink(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "friday night, glass of wine, ... something velvet": the drink's glass is no material; the material said
    elsewhere in the message is the one asked for."""
    if (any(m.lower() == "glass" for m in slot_values(slots, "material"))
            and len(_GLASS_OF.findall(text)) == len(re.findall(r"\bglass(?:es)?\b", text, re.I))):
        others = [m for m in slot_values(slots, "material") if m.lower() != "glass"]
        said = [v for v in _values_said(_GLASS_OF.sub(" ", text), "material", vocabulary) if v.lower() != "glass"]
        _set_values(slots, "material", list(dict.fromkeys([*others, *said])))


# "curtains that actually block the light", "the nursery gets so much light in the morning"
_LIGHT_COMING_IN = re.compile(r"\b(?:block|blocks|blocking|keep out|keeps out|keep|shut out|darken)\s+(?:out\s+)?(?:the\s+|all\s+(?:the\s+)?)?"
                              r"light\b|\b(?:gets|get|getting|lets in|let in)\s+(?:so much|too much|a lot of|lots of|loads of)\s+light"
                              r"|\blight\s+(?:in the morning|comes in|coming in|pours in|streams in|floods in)\b", re.I)


def _light_from_outside(slots: dict, text: str, categories: list[str] | None = None) -> None:
    """ "the street light outside my bedroom window keeps me awake": light from outside, not lighting to buy (the
    other kind named is: "..., need proper blackout curtains")."""
    category = slots.get("category")
    if not isinstance(category, str) or "light" not in category.lower() or re.search(r"\blamps?\b", text, re.I):
        return
    words = _WORD.findall(text.lower())
    lights = [i for i, w in enumerate(words) if w in ("light", "lights")]
    if (lights and all(i > 0 and words[i - 1] in _DAYLIGHT for i in lights)) or _LIGHT_COMING_IN.search(text):
        slots.pop("category")
        named = [n for gram, names in mentioned_categories(text, categories or [])
                 if gram.lower() not in ("light", "lights") and not is_room(gram)
                 for n in names if "light" not in n.lower() and not is_room(n)]
        if len(set(named)) == 1:
            slots["category"] = named[0]


_TO_BED = re.compile(r"\b(?:to|in|into|out of|from|before|after|for|go to)\s+bed\b(?!\s*(?:frame|frames|for|with|that|in (?:queen|king|twin|full)))"
                     r"|^\W*(?:(?:ok(?:ay)?|right|anyway|welp|well)\W+)*bed\s+(?:for real|for reals|it is|time)\b", re.I)  # "ok bed for real. night night"


def _bed_as_sleep(slots: dict, text: str) -> None:
    """ "just browsing after putting the kids to bed": bedtime, not beds."""
    if slot_values(slots, "category") == ["Beds"]:
        said = list(re.finditer(r"\bbeds?\b", text, re.I))
        if said and all(_TO_BED.search(text[max(0, m.start() - 10):m.end() + 12]) for m in said):
            slots.pop("category")


def _stand_as_verb(slots: dict, text: str) -> None:
    """ "not a floating one, it has to stand on the floor": standing, not a TV stand."""
    said = list(re.finditer(r"\bstands?\b", text, re.I))
    if (said and slots.get("category") and all(re.search(r"\b(?:has to|have to|to|can|could|will|should|must|it'?ll|would)\s+$",
                                                          text[max(0, m.start() - 12):m.start()], re.I) for m in said)
            and not any(re.search(rf"\b{re.escape(singular(v.split()[-1]))}s?\b", text, re.I)
                        for v in slot_values(slots, "category") if singular(v.split()[-1]) != "stand")):
        slots.pop("category")


def _size_that_wont_fit(slots: dict, text: str) -> None:
    """ "a king wont fit in a studio lol. what about a desk instead": the size ruled out, not asked for."""
    size = slots.get("size")
    if isinstance(size, str) and re.search(rf"\b{re.escape(size.lower())}\s+(?:\w+\s+)?(?:won'?t|wont|wouldn'?t|doesn'?t|can'?t|will not)\s+fit\b"
                                           rf"|\b{re.escape(size.lower())}\s+(?:\w+\s+)?(?:is|would be|'s)\s+(?:way\s+)?too\s+big\b", text, re.I):
        slots.pop("size")


def _light_as_adjective(slots: dict, text: str) -> None:
    """ "something light and natural, linen maybe": a light colour or feel, not lighting."""
    names = slot_values(slots, "category")
    if names and all("light" in n.lower() for n in names) and _LIGHT_ADJECTIVE.search(text) and not _LIGHT_THING.search(text):
        slots.pop("category")


_SHADE_WORD = re.compile(r"\b(?P<tone>soft|pale|light|pastel|dusty|muted|deep|dark|rich)(?:er|est)?\s+(?P<colour>[a-z]+)\b")
_LIGHT_TONES = {"soft", "pale", "light", "pastel", "dusty", "muted"}
_NATURAL_FEEL = re.compile(r"\blight\s+(?:and|&)\s+natural\b|\bnatural\s+(?:and|&)\s+light\b|"
                           r"\bnatural\s+(?:look|feel|vibe|materials?|wood|woods|timber|fabrics?|fibres?|fibers?|textiles?|"
                           r"products?|things?|textures?|elements?|finish(?:es)?)\b", re.I)


def _shade_words(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "in a soft green": the colour's softer shades too (sage, olive), "deep blue" its darker (navy); the tone
    word is neither a material, a style nor a size. A tone the catalog names as a colour ("natural oak") stays one."""
    catalog = {c.lower(): c for c in vocabulary.get("colors", [])}
    colour_words = {w for c in catalog for w in c.split()} | set(COLOUR_SHADES)
    said = slots.get("color") if isinstance(slots.get("color"), str) else None
    for found in _SHADE_WORD.finditer(text.lower()):
        tone, colour = found.group("tone"), found.group("colour")
        if colour not in colour_words or f"{tone} {colour}" in catalog:
            continue
        for name in ("material", "style", "size"):
            if isinstance(slots.get(name), str) and slots[name].lower() == tone:
                slots.pop(name)
        if said and colour == said.lower():
            shades = (LIGHT_SHADES if tone in _LIGHT_TONES else DEEP_SHADES).get(colour, ())
            extra = [catalog[s] for s in shades if s in catalog]
            if extra:
                slots["color"] = [said, *extra]


_LIGHT_WOOD = re.compile(r"\blight(?:er)?[- ](?:colou?red\s+)?(?:wood|woods|timber|oak|pine|wood\s+tones?)\b", re.I)
_DARK_WOOD = re.compile(r"\bdark(?:er)?[- ](?:colou?red\s+)?(?:wood|woods|timber|wood\s+tones?)\b", re.I)
# "hmm only one. what about natural wood instead?" after white dressers, "anything in a wood colour?": a wood finish
_NATURAL_WOOD_INSTEAD = re.compile(r"\bnatural\s+(?:wood|woods|timber|wood\s+tones?)\b(?=.{0,20}\b(?:instead|rather)\b)"
                                   r"|\b(?:or|and)\s+natural\s+(?:wood|woods|timber)\b"  # "the espresso ones look so dated. white or natural wood?"
                                   r"|\bwood(?:en)?[- ](?:colou?r(?:ed)?|tones?|finish|look)\b", re.I)


_LIGHTER = re.compile(r"\b(?:lighter|light(?:\s+(?:wood|coloured|colored|ones?|tones?))?|paler|blonde?)\b", re.I)


def _dark_wood_refused(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> bool:
    """ "not a fan of the dark wood look, anything lighter?", "no dark wood": the dark wood colours refused (not wood
    itself), and the light ones wanted when asked for."""
    said = _DARK_WOOD.search(text)
    if not said:
        return False
    before = _WORD.findall(text[:said.start()].lower())
    if not (_negated(before, len(before)) or _NOT_KEEN.search(text[:said.start()])
            or re.search(r"\b(?:no|not|without|nothing|avoid|hate|too much)\s+(?:\w+\s+){0,2}$", text[:said.start()], re.I)):
        return False
    catalog = {c.lower(): c for c in vocabulary.get("colors", [])}
    dark = [catalog[c] for c in DARK_WOODS if c in catalog]
    if not dark:
        return False
    woods = ("wood", "woods", "timber")
    _set_values(slots, "material", [m for m in slot_values(slots, "material") if m.lower() not in woods])
    _set_values(slots, "exclude_material", [m for m in slot_values(slots, "exclude_material") if m.lower() not in woods])
    _set_values(slots, "exclude_color", list(dict.fromkeys([*slot_values(slots, "exclude_color"), *dark])))
    colours = [c for c in slot_values(slots, "color") if c.lower() not in {d.lower() for d in dark}]
    rest = text[:said.start()] + " " + text[said.end():]
    if _LIGHTER.search(rest):  # "... anything lighter?": the light woods
        colours += [catalog[c] for c in LIGHT_WOODS if c in catalog]
    _set_values(slots, "color", list(dict.fromkeys(colours)))
    return True


# "looking for a dresser, nothing dark tho", "no dark colours pls" (not "no dark grey", "nothing dark wood")
_NOTHING_DARK = re.compile(r"\b(?:nothing|no|not|none|avoid|without)\s+(?:too\s+|so\s+|that\s+|really\s+)?dark(?:\s+(?:colou?rs?|ones?|tones?|shades?))?"
                           r"\b(?!\s*(?:wood|woods|timber|grey|gray|green|blue|brown|walnut|red|pink|oak))", re.I)


def _dark_refused(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "looking for a dresser, nothing dark tho, my room barely gets any light": the catalog's dark colours (black,
    charcoal, navy, the dark woods) refused."""
    if not _NOTHING_DARK.search(text):
        return
    catalog = {c.lower(): c for c in vocabulary.get("colors", [])}
    dark = [catalog[c] for c in DARK_COLOURS if c in catalog]
    _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() not in DARK_COLOURS and c.lower() != "dark"])
    _set_values(slots, "exclude_color", list(dict.fromkeys([*(c for c in slot_values(slots, "exclude_color") if c.lower() != "dark"), *dark])))


def _wood_tones(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "something white or light wood", "walnut or dark wood": the catalog's light (natural oak, honey pine) or dark
    (walnut, espresso) wood colours, whatever the frame is made of; "wood" then names the colour, not a material the
    whole product must be (not "no dark wood": an exclusion the other rules read)."""
    if _dark_wood_refused(slots, text, vocabulary):
        return
    _dark_refused(slots, text, vocabulary)
    catalog = {c.lower(): c for c in vocabulary.get("colors", [])}
    for pattern, shades, word in ((_LIGHT_WOOD, LIGHT_WOODS, "light"), (_DARK_WOOD, DARK_WOODS, "dark"),
                                  (_NATURAL_WOOD_INSTEAD, (*LIGHT_WOODS, *DARK_WOODS), "natural")):
        said = pattern.search(text)
        before = _WORD.findall(text[:said.start()].lower()) if said else []
        tones = [catalog[c] for c in shades if c in catalog]
        if not said or _negated(before, len(before)) or not tones:
            continue
        if re.search(r"\b(?:forget|scrap|drop|ditch|lose|not|no)\s+(?:the\s+|that\s+)?$", text[:said.start()], re.I):
            continue  # "my boyfriend wants white. forget the wood look": let go, not asked
        colours = [c for c in slot_values(slots, "color") if c.lower() in catalog and c.lower() != word]
        if colours and re.search(r"\b(?:is|are|'s|was|were)\s+(?:all\s+)?(?:a\s+)?$", text[:said.start()], re.I):
            # "got anything in natural oak? everything else in the room is light wood": the room's, the oak asked
            _set_values(slots, "material", [m for m in slot_values(slots, "material") if m.lower() not in ("wood", "woods", "timber")])
            return
        if (colours and {c.lower() for c in colours} <= {t.lower() for t in tones}
                and not re.search(r"\bor\b", text[:said.start()], re.I)):
            # "anything in espresso? i want a darker wood look": espresso is that dark wood (and "wood" no material)
            _set_values(slots, "material", [m for m in slot_values(slots, "material") if m.lower() not in ("wood", "woods", "timber")])
            return
        _set_values(slots, "color", list(dict.fromkeys([*colours, *tones])))
        # "walnut or some dark wood" (walnut read as the material): the wood tones are the colours
        _set_values(slots, "material", [m for m in slot_values(slots, "material")
                                        if m.lower() not in ("wood", "woods", "timber", *(t.lower() for t in tones))])
        return


_LOOKS_BAD = re.compile(r"\b([a-z-]+(?:\s+[a-z-]+)?)\s+ones?\s+(?:look|looks|seem|seems|feel|feels|are|is)\s+"
                        r"(?:a\s+bit\s+|a\s+little\s+|kinda\s+|kind\s+of\s+|so\s+|too\s+|really\s+|quite\s+|pretty\s+)?"
                        r"(?:cheap|tacky|ugly|flimsy|boring|dated|nasty|cold)\b", re.I)


def _looks_refused(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "anything in teak? the plastic ones look a bit cheap": plastic refused, and teak (a material the model took
    for a colour) wanted."""
    refused = [m.group(1).lower().split() for m in _LOOKS_BAD.finditer(text)]
    if not refused:
        return
    for field in ("material", "color", "style"):
        for value in slot_values(slots, field):
            if any(set(value.lower().split()) & set(words) for words in refused):
                _refuse(slots, field, value)
    said = {w for words in refused for w in words}
    for field in ("material", "color"):  # "any in green?" said beside it
        values = _vocab(vocabulary, FIELDS[field])
        wanted = next((values[w] for w in _WORD.findall(text.lower()) if w in values and w not in said), None)
        if wanted and not slots.get(field):
            slots[field] = wanted


_NOT_MY_THING = re.compile(r"((?:[a-z-]+\s*(?:,|and|or|&|/|\+)\s*){0,3}[a-z-]+)\s+(?:aren'?t|isn'?t|are not|is not|arent|isnt)\s+"
                           r"(?:really\s+|exactly\s+|quite\s+|totally\s+)?(?:my|our|her|his|their)\s+"
                           r"(?:thing|things|style|taste|vibe|colou?rs?|cup of tea)\b", re.I)


def _not_my_thing(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "something more neutral? pink and mustard aren't really my thing": both colours refused, whatever the model
    tagged."""
    said = _NOT_MY_THING.search(text)
    if not said:
        return
    words = _WORD.findall(said.group(1).lower())
    for field in ("color", "material", "style"):
        found = lexicon(field, vocabulary.get(FIELDS[field], []))
        for word in words:
            value = found.lookup(word)
            if value is None:
                continue
            tagged = next((v for v in slot_values(slots, field) if v.lower() == value.lower() or word in v.lower().split()), None)
            if tagged is not None:
                _refuse(slots, field, tagged)
            elif value.lower() not in {v.lower() for v in slot_values(slots, f"exclude_{field}")}:
                _set_values(slots, f"exclude_{field}", [*slot_values(slots, f"exclude_{field}"), value])


# "hmm boucle + cat claws = disaster too 😂 anything in performance fabric?": that material refused
_SPELLS_DISASTER = re.compile(r"\b([a-z]+(?:\s+[a-z]+)?)\s*(?:\+|&|and|plus|with)\s*(?:my\s+|our\s+|the\s+)?(?:cats?|dogs?|kids?|pets?|puppy|kitten)"
                              r"(?:'s)?\s*(?:claws?|hair|fur|paws?|nails?|teeth)?\s*(?:=|is|are|means|equals)\s*(?:a\s+|just\s+)?"
                              r"(?:disaster|nightmare|no[- ]go|bad idea|recipe for disaster|dead)\b", re.I)


def _material_spells_disaster(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "hmm boucle + cat claws = disaster too 😂 anything in performance fabric?": boucle refused, performance fabric
    wished (whatever the model tagged)."""
    said = _SPELLS_DISASTER.search(text)
    if not said:
        return
    materials = lexicon("material", vocabulary.get("materials", []))
    value = materials.lookup(said.group(1).split()[-1]) or materials.lookup(said.group(1))
    if value is None:
        return
    tagged = next((v for v in slot_values(slots, "material") if v.lower() == value.lower()), None)
    if tagged is not None:
        _refuse(slots, "material", tagged)
    elif value.lower() not in {v.lower() for v in slot_values(slots, "exclude_material")}:
        _set_values(slots, "exclude_material", [*slot_values(slots, "exclude_material"), value])
    wanted = [v for v in _values_said(text[said.end():], "material", vocabulary) if v.lower() != value.lower()]
    if wanted and not slot_values(slots, "material"):
        _set_values(slots, "material", wanted[:1])


# "just finished painting the kitchen sage green": the room's new colour
_PAINTED = re.compile(r"\b(?:paint|painted|painting|repaint\w*)\s+(?:the|my|our|his|her)\s+(?:\w+\s+){0,2}?"
                      r"(?:walls?|kitchen|room|bedroom|living room|lounge|nursery|office|hallway|bathroom|den)\s+((?:[a-z]+\s+){0,2}[a-z]+)", re.I)


def _painted_colour_is_the_rooms(slots: dict, text: str) -> None:
    """ "just finished painting the kitchen sage green and want a brass floor lamp": sage is the kitchen's, not the
    lamp's (unless said again)."""
    said = _PAINTED.search(text)
    if not said:
        return
    words = set(said.group(1).lower().split())
    rest = (text[:said.start()] + " " + text[said.end():]).lower()
    _set_values(slots, "color", [c for c in slot_values(slots, "color")
                                 if not (set(c.lower().split()) & words) or re.search(rf"\b{re.escape(c.lower())}\b", rest)])


def _styles_refused(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "she loves traditional things, nothing modern please": the style refused, whatever the model tagged."""
    for style in vocabulary.get("styles", []):
        said = re.search(rf"\b(?:no|not|nothing|never|hates?|anything but)\s+(?:too\s+|very\s+|overly\s+|super\s+)?"
                         rf"{re.escape(style.lower())}\b(?![- ]?(?:ish|style|looking)\b)", text, re.I)
        if said and style.lower() not in {v.lower() for v in slot_values(slots, "exclude_style")}:
            _refuse(slots, "style", style) if style in slot_values(slots, "style") else _set_values(
                slots, "exclude_style", [*slot_values(slots, "exclude_style"), style])


def _natural_as_feel(slots: dict, text: str) -> None:
    """ "something light and natural, linen maybe", "we like natural wood": a feel the material gives, not the
    colour "natural"."""
    if any(c.lower() == "natural" for c in slot_values(slots, "color")) and _NATURAL_FEEL.search(text):
        _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() != "natural"])


def _category_tagged_as_attribute(slots: dict, vocabulary: dict[str, list[str]], categories: list[str]) -> None:
    """ "2 nighstands": a misspelt category the model tagged as a colour, material or style is the category."""
    tagged = slots.get("category")
    if not categories or (tagged and (not isinstance(tagged, str) or category_matches(tagged, categories))):
        return  # a category the catalog knows was tagged ("each" in "100 max each" is none)
    for field in ("color", "material", "style"):
        value = slots.get(field)
        if not isinstance(value, str) or value.lower() in _vocab(vocabulary, FIELDS[field]):
            continue
        if lexicon(field, vocabulary.get(FIELDS[field], [])).lookup(value) is not None:
            continue
        match = lexicon("category", categories).fuzzy(value)
        if match:
            slots.pop(field)
            slots["category"] = match
            return


def _attribute_tagged_as_category(slots: dict, vocabulary: dict[str, list[str]], categories: list[str]) -> None:
    """ "performance fabric, we have two little kids": a material (colour, style) the model tagged as a category."""
    tagged = slots.get("category")
    if not isinstance(tagged, str) or not categories or category_matches(tagged, categories, typos=False):
        return
    for field in ("material", "color", "style"):
        match = lexicon(field, vocabulary.get(FIELDS[field], [])).lookup(tagged)
        if match is not None and not slots.get(field):
            slots.pop("category")
            slots[field] = match
            return


def _material_word_of_the_text(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "wicker" normalized to one catalog material ("rattan") covers every catalog material of that word
    (rattan and all-weather wicker): the shopper's own word is kept for the filter."""
    materials = vocabulary.get("materials", [])
    for name in ("material", "exclude_material"):
        value = slots.get(name)
        if not isinstance(value, str) or not materials:
            continue
        words = lexicon("material", materials)
        for word in _WORD.findall(text.lower()):
            if (word != value.lower() and word not in _vocab(vocabulary, "materials") and words.lookup(word) == value
                    and len(catalog_materials(word, materials)) > 1):
                slots[name] = word
                break


def _material_by_phrase(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """A value the catalog has both as a colour and as a material ("walnut", "brass") is the material when the
    words around it say so: "made of walnut", "solid walnut", "walnut wood"."""
    for prefix in ("", "exclude_"):
        value = slots.get(prefix + "color")
        if not isinstance(value, str) or slots.get(prefix + "material"):
            continue
        material = _vocab(vocabulary, "materials").get(value.lower())
        word = re.escape(value.lower())
        if material and re.search(rf"\b(made (of|from|out of)|solid|real|pure)\s+{word}\b|\b{word}\s+(wood|veneer|frame|metal)\b",
                                  text.lower()):
            slots.pop(prefix + "color")
            slots[prefix + "material"] = material


def _grams(text: str) -> tuple[list[tuple[str, int]], list[str]]:
    """(n-gram, index of its first word), longest first, and the words."""
    words = _WORD.findall(text.lower())
    return [(" ".join(words[i:i + n]), i) for n in (3, 2, 1) for i in range(len(words) - n + 1)], words


_REFUSED_AFTER = r"[\s,;:()-]*(?:never\s+again|no\s+more|not\s+again|(?:is|was|were)\s+(?:the\s+)?(?:worst|awful|terrible|rubbish))\b"
_REFUSED_BEFORE = r"\b(?:done\s+with|sworn\s+off|had\s+it\s+with|never\s+(?:again\s+)?(?:buying|buy|ordering|order)\s+(?:from\s+)?|" \
                  r"no\s+more)\s+"


def _brand_refused(slots: dict, text: str) -> None:
    """ "my old bookshelf collapsed (IKEA, never again lol)", "done with IKEA": a brand refused, not wanted."""
    brand = slots.get("brand")
    if not isinstance(brand, str):
        return
    name = re.escape(brand.lower())
    if re.search(rf"\b{name}\b{_REFUSED_AFTER}|{_REFUSED_BEFORE}{name}\b", text.lower()):
        _refuse(slots, "brand", brand)


def _listed_brand_exclusions(slots: dict, text: str, brands: list[str]) -> None:
    """Every brand of a list that holds an excluded one is excluded: "not ikea or west elm", "no IKEA, CB2 nor Article"."""
    excluded = slots.get("exclude_brand")
    if not excluded or not brands:
        return
    names = [excluded] if isinstance(excluded, str) else list(excluded)
    by_name = {b.lower(): b for b in brands}
    brand = "|".join(re.escape(b) for b in sorted(by_name, key=len, reverse=True))
    joined = rf"\b(?:{brand})\b(?:\s*(?:,|\bor\b|\band\b|\bnor\b|/)\s*(?:either\s+)?\b(?:{brand})\b)+"
    for run in re.finditer(joined, text.lower()):
        listed = re.findall(rf"\b(?:{brand})\b", run.group(0))
        joined_by_word = re.search(r"\b(?:or|nor|and)\b", re.sub(rf"\b(?:{brand})\b", " ", run.group(0)))
        if joined_by_word and {n.lower() for n in names} & set(listed):  # "not ikea, west elm is fine" lists nothing
            names += [by_name[b] for b in listed if by_name[b] not in names]
    slots["exclude_brand"] = names if len(names) > 1 else names[0]


def _brand_not_carried(slots: dict, text: str, vocabulary: dict[str, list[str]], categories: list[str]) -> None:
    """ "Do you have any Restoration Hardware sofas?": a capitalised name right before a category word that is no
    brand, value or product word of the catalog is a brand the shop does not carry (the reply says so)."""
    known: set[str] | None = None
    for gram, _ in mentioned_categories(text, categories):
        found = re.search(rf"(?:^|[^.!?]\s)((?:[A-Z][A-Za-z&'-]+\s+){{1,3}})(?:(?i:[a-z-]+)\s+)?(?i:{re.escape(gram)})\b", text)
        if not found:
            continue
        name = found.group(1).strip()
        words = name.split()
        if known is None:  # the catalog's own words, only once a capitalised name is found
            known = {w for key in ("brands", "colors", "materials", "styles", "sizes", "categories")
                     for v in vocabulary.get(key, []) for w in re.findall(r"[a-z]+", v.lower())}
        if (not all(w[0].isupper() for w in words) or text.lstrip().startswith(name)
                or any(w.lower() in known or w.lower() in _NAME_STOP for w in words)):
            continue
        slots["unknown_brand"] = name
        return


_NAME_STOP = {"i", "i'm", "im", "any", "some", "the", "a", "an", "your", "my", "our", "do", "does", "have", "show", "need",
              "want", "hi", "hello", "hey", "please", "pls", "ok", "okay", "what", "which", "and", "or", "new", "nice", "big",
              "small", "cheap", "good", "best", "cool", "cute", "cozy", "comfy", "kids", "kid's", "outdoor", "indoor"}


_HAS = {"has", "have", "had", "got", "there's", "theres", "is", "are"}


def _negated(words: list[str], start: int) -> bool:
    """Whether the word at ``start`` is refused; "the bedroom has no curtains" says what is missing, not refused."""
    if start >= 2 and words[start - 1] == "no" and words[start - 2] in _HAS:
        return False
    return any(w in NEGATION or w.endswith("n't") for w in words[max(0, start - 2):start])


_EXCLUDING = re.compile(r"\b(?:not|no|non|nothing|never|none|without|except|but|avoid\w*|hates?|dislike\w*|instead|rather|"
                        r"other than|besides|skip|exclud\w*|free|fan|sick|tired|enough|away|ban|allergic|minus|w/o|"
                        r"too|ugh|ew+|yuck|gross|anything|less(?=\s+[a-z])(?!\s+than\b)|forget|drop|scrap|lose|ditch|remove|nix|rid|over|cannot|veto\w*|"
                        r"loud|bit much|not my|bold)\b"  # ("rust is a bit loud for me", "rust?? not my colour", "rust is a bold choice")
                        # "don't", "wont", "isnt" (not "want", "front")
                        r"|\b(?:do|does|did|is|are|was|were|wo|ca|could|would|should|have|has|had|ai|must|need|might)n'?t\b",
                        re.IGNORECASE)


# "stop showing me leather": the word after it is excluded; any "stop showing" excludes
_STOP_SHOWING = re.compile(r"\b(?:stop|quit|no more|why (?:are|r) (?:you|u)(?: still)?|why (?:do|does) (?:it|you|u) keep|"
                           r"(?:you|u) keep) (?:showing|suggesting|recommending|giving)\b(?:(?: me)?(?: any)? ([a-z-]+))?", re.I)


def _says_wanted(value: str, text: str, not_free: bool = False) -> bool:
    """Whether the message asks for the value in so many words ("I want grey", "actual grey only"); with
    ``not_free``, not "I want it leather-free"."""
    free = r"(?!\s*(?:-|\w+)?\s*(?:free|less)\b)" if not_free else ""
    return bool(re.search(rf"\b(?:i want|want|i need|only|actual|actually|real|proper|just)\s+(?:(?!not\b|no\b|never\b)\w+\s+)?"
                          rf"{re.escape(value)}\b{free}",
                          text, re.I))


_NO_OBJECTION = re.compile(r"\b(?:(?:would|wouldn|do|don|does|doesn)(?:'?t|\s+not)|(?:i|we|he|she|they)'?d\s+not)\s+mind\b"
                           r"|\bnot\s+(?:fussed|bothered)\s+(?:about|by)\b", re.I)


def unnegated_exclusions(slots: dict, text: str) -> dict:
    """Exclusions the model read in a message that excludes nothing ("a darker colour so the fur shows less,
    charcoal or navy?"): what is asked for; an exclusion of a value the message also asks for ("none of these
    are grey though. I want grey"), or said before anything excludes ("in navy or blue, but not from CB2"):
    asked for; "stop showing me leather": excluded."""
    if not text:
        return slots
    out = dict(slots)
    stop = _STOP_SHOWING.search(text)
    # "he wouldn't mind grey", "don't mind white": no refusal (blanked out, same length)
    first_negation = _EXCLUDING.search(_NO_OBJECTION.sub(lambda m: " " * len(m.group(0)), text))
    for field in ("color", "material", "style", "brand"):
        wanted, excluded = out.get(field), out.get(f"exclude_{field}")
        if isinstance(wanted, str) and isinstance(excluded, list) and wanted in excluded and _says_wanted(wanted, text):
            kept = [v for v in excluded if v != wanted]  # "charcoal is not grey. actual grey only please"
            out[f"exclude_{field}"] = kept[0] if len(kept) == 1 else kept
        if isinstance(wanted, str) and excluded == wanted and _says_wanted(wanted, text, not_free=True):
            out.pop(f"exclude_{field}")  # "none of these are grey though. I want grey"
        if (stop and stop.group(1) and isinstance(out.get(field), str) and out[field].lower() == stop.group(1).lower()
                and not out.get(f"exclude_{field}")):
            out[f"exclude_{field}"] = out.pop(field)  # "stop showing me leather, I'm vegan"
        excluded = slot_values(out, f"exclude_{field}")
        before = text[:first_negation.start()] if first_negation else ""
        said_first = [v for v in excluded if first_negation and isinstance(v, str)
                      and re.search(rf"\b{re.escape(v)}\b", before, re.I)
                      and not re.search(rf"\b{re.escape(v)}\b", text[first_negation.start():], re.I)
                      and (re.search(r"\bor\b", before, re.I)
                           or re.search(rf"\b(?:in|made of|made from)\s+{re.escape(v)}\b", before, re.I)
                           or re.search(rf"(?:^|[,;]\s*){re.escape(v)}\s*[,;.]", before, re.I))]
        if said_first and (len(excluded) == 1 or len(said_first) == len(excluded)) and not isinstance(out.get(field), list):
            # "armchair in navy or blue, but not from CB2": blue is wanted; "queen sheets in cotton, not white": cotton;
            # "sheets for a queen bed, cotton, nothing too fancy": cotton; "rust or mustard, velvet or boucle, nothing
            # fancy price wise": velvet or boucle
            _set_values(out, f"exclude_{field}", [v for v in excluded if v not in said_first])
            _set_values(out, field, [*slot_values(out, field), *said_first])
    matter = re.search(r"\b(?:doesn'?t|does not|don'?t|do not)\s+(?:really\s+)?(?:matter|care)\b[^.?!]*?\b(?:just|only)\b", text, re.I)
    if matter:  # "the style doesnt matter that much, just green and velvet or linen": velvet or linen wanted
        for field in ("color", "material", "brand"):
            excluded = slot_values(out, f"exclude_{field}")
            said = [v for v in excluded if re.search(rf"\b{re.escape(v)}\b", text[matter.end():], re.I)]
            if said:
                _set_values(out, f"exclude_{field}", [v for v in excluded if v not in said])
                _set_values(out, field, [*slot_values(out, field), *said])
    if not (first_negation or stop or _MATERIAL_TOO_HOT.search(text)):  # ("the velvet one looks so hot to sleep on")
        for field in ("color", "material", "style", "brand", "category"):
            excluded = out.pop(f"exclude_{field}", None)
            if excluded and not out.get(field):
                out[field] = excluded
    _words_of_a_longer_value(out, text)
    return out


def category_matches(value: str, categories: list[str], typos: bool = True) -> list[str]:
    """The catalog categories a shopper's category word names, best first.

    Exact (plural, case) -> every category spelled so; else a synonym or a compound's member
    ("bedside table" -> Nightstands, "sheets" -> Sheets & Duvets) -> that one; else a small typo
    ("cofee table") -> the single closest category; else a head word ("chairs", "table") -> the
    categories ending with it ("Dining Chairs", "Office Chairs"), or starting with it when none do."""
    if not value or not categories:
        return []
    key = singular(value)
    exact = [c for c in categories if singular(c) == key]
    if exact:
        return exact
    words = lexicon("category", categories)
    found = words.resolve(value, typos=typos)
    if found is not None:
        return [found]
    partial = catalog_categories(value, categories)
    def ends_with_the_word(category: str) -> bool:
        name = singular(category)
        return name == key or name.endswith(" " + key) or len(key) >= 4 and _compound_of(key, name.split()[-1])

    ending = [c for c in partial if ends_with_the_word(c)]
    # (not "hair" inside "chair": a word named inside another word is no match)
    return ending or [c for c in partial if key not in singular(c) or re.search(rf"\b{re.escape(key)}", singular(c))
                      or ends_with_the_word(c)]


def mentioned_categories(text: str, categories: list[str]) -> list[tuple[str, list[str]]]:
    """Every category word of the text in order, with the catalog categories it names
    ("i bought a grey sofa, what rug goes with it" -> [("sofa", ["Sofas"]), ("rug", ["Rugs"])])."""
    return [(gram, list(names)) for gram, names in _mentioned(text, tuple(categories))]


@lru_cache(maxsize=256)
def _mentioned(text: str, categories: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``mentioned_categories``, read once per message and category list: the grounding rules and the dialogue
    manager ask it of the same message many times, and each reading tries every n-gram against every category."""
    grams, words = _grams(text)
    taken: set[int] = set()
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for gram, start in grams:  # longest first
        span = set(range(start, start + len(gram.split())))
        if span & taken or _negated(words, start):
            continue
        if gram == "floor" and start > 0 and re.fullmatch(_STOREY, words[start - 1]) or _daylight(gram, words, start):
            continue  # "the 4th floor": a storey
        if gram in ("room", "rooms"):
            continue  # "for the same room": no kind of room is named
        names = category_matches(gram, list(categories), typos=False)
        if names:
            found.append((start, gram, tuple(names)))
            taken |= span
    return tuple((gram, names) for _, gram, names in sorted(found))


_DAYLIGHT = {"street", "sun", "day", "morning", "natural", "traffic", "car", "neighbour's", "neighbor's", "neighbours", "neighbors"}


def _daylight(gram: str, words: list[str], start: int) -> bool:
    """ "the street light keeps me up at night", "the morning light": light from outside, not a lamp; "I want to set
    up a desk corner": a verb, not a patio set."""
    if gram in ("set", "sets"):
        after = words[start + 1] if start + 1 < len(words) else ""
        return after in ("up", "out", "off", "aside", "about") or (start > 0 and words[start - 1] in ("to", "i", "we", "just"))
    if gram == "light" and start + 2 < len(words) and words[start + 1] in ("and", "n", "&") and words[start + 2] in (
            "airy", "bright", "breezy", "fresh", "open", "spacious"):
        return True  # "coastal style, light and airy": how the room should feel, no lamp
    return gram in ("light", "lights") and start > 0 and words[start - 1] in _DAYLIGHT


# "ok 399 for the white one is fine i guess. now blackout curtains": the price and colour of the one taken
_ONE_TAKEN = re.compile(r"^\W*(?:(?:ok(?:ay)?|fine|alright|right)\W+)?\$?(\d[\d,]*)\s+for\s+the\s+([a-z]+)\s+one\s+(?:is|'s)\s+(?:fine|ok|okay|good|alright)\b",
                        re.I)


def _one_taken_then_next(slots: dict, text: str) -> None:
    """ "ok 399 for the white one is fine i guess. now blackout curtains": $399 and white say which one they take,
    no budget or colour for the curtains."""
    said = _ONE_TAKEN.match(text)
    if not said:
        return
    amount = float(said.group(1).replace(",", ""))
    for name in ("price_max", "price_min"):
        if isinstance(slots.get(name), (int, float)) and float(slots[name]) == amount:
            slots.pop(name)
    if said.group(2).lower() not in text[said.end():].lower():
        _set_values(slots, "color", [c for c in slot_values(slots, "color") if c.lower() != said.group(2).lower()])


# "ok the green metal one then. now a mattress for it": the one taken, then the next thing wanted
_PICKED_THEN_NEXT = re.compile(r"^\W*(?:(?:ok(?:ay)?|fine|alright|right|yeah|yes|perfect|great)\W+)?(?:i'?ll (?:take|go with)\s+|let'?s (?:do|go with)\s+)?"
                               r"the\s+((?:[a-z-]+\s+){1,3})ones?\b(?:\s+(?:then|it is|please|pls))?\s*[.,!;]+\s*"
                               r"(?:(?:and\s+)?(?:now|next|then|also)\b)(.*)$", re.I)


def _one_picked_then_next(slots: dict, text: str) -> None:
    """ "ok the green metal one then. now a mattress for it, i sleep really hot": green and metal say which bed is
    taken, no colour or material for the mattress (unless said again after)."""
    said = _PICKED_THEN_NEXT.match(text)
    if not said or not isinstance(slots.get("category"), str):
        return
    meant, after = said.group(1).lower().split(), said.group(2).lower()
    for name in ("color", "material", "style"):
        kept = [v for v in slot_values(slots, name) if not (set(v.lower().split()) & set(meant)) or v.lower() in after]
        _set_values(slots, name, kept)


# "had a bad experience with their outdoor stuff": a brand's things
_THEIR_THINGS = re.compile(r"\b(?:their|they'?re)\s+((?:[a-z-]+\s+){0,2}(?:stuff|things|gear|products|furniture|range|quality|ones))\b", re.I)


def _things_of_a_refused_brand(slots: dict, text: str) -> None:
    """ "not ikea, had a bad experience with their outdoor stuff": the brand's things, the reason it is refused (no
    new kind asked for)."""
    said = _THEIR_THINGS.search(text) if slots.get("exclude_brand") and isinstance(slots.get("category"), str) else None
    if said and all(re.search(rf"\b{re.escape(singular(w))}", said.group(1), re.I) for w in slots["category"].lower().split()):
        slots.pop("category")


_MISSING = re.compile(r"\b(?:has|have|had|got|there'?s|there is|there are)\s+no\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.I)


def _missing_is_wanted(slots: dict, text: str, categories: list[str]) -> None:
    """ "my living room has no rug": the rug is what is missing, not refused."""
    excluded = slot_values(slots, "exclude_category")
    for found in _MISSING.finditer(text) if excluded else ():
        grams, _ = _grams(found.group(1))
        names = next((hit for gram, _ in grams if (hit := category_matches(gram, categories, typos=False))), [])
        missing = [e for e in excluded if e in names]
        if missing:
            _set_values(slots, "exclude_category", [e for e in excluded if e not in missing])
            named = slot_values(slots, "category")
            if not named or all(re.fullmatch(r"(?:\w+\s+)?sets?", str(c), re.I) and not re.search(
                    rf"\b{re.escape(str(c).split()[0])}", text, re.I) for c in named):
                slots["category"] = missing[0]  # "realised i have no sheets 🤦 need a twin set": a set of sheets
            return


# "let's start with the bed. queen, with a headboard, under 500": a bed size said on its own
_BED_SIZE = re.compile(r"(?<!drag )\b(california king|cal(?:ifornia)?[- ]king|twin[- ]xl|queen|king"
                       r"|(?:full|twin)(?=[- ](?:size[d]?|beds?|mattress)\b))(?:[- ]size[d]?)?\b", re.I)  # ("for a full bed")


_BED_SIZES_OR = re.compile(rf"\b({phrases.BED_SIZE_WORDS})\s*(?:,\s*)?(?:or|/)\s*"
                           rf"({phrases.BED_SIZE_WORDS})\b(?![- ]size[d]?\s+(?:sheets?|duvets?))", re.I)


def bed_size_name(said: str) -> str:
    """ "Cal-King", "cal king" -> "california king": a bed size as the catalog's sizes spell it (lowercased)."""
    return re.sub(r"^cal(?:ifornia)?[- ]king$", "california king", said.lower()).replace("-", " ")


def _bed_size_said(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """A bed size the model did not tag, when the catalog sells that size ("queen, with a headboard"); both of
    "full or queen"."""
    _owned_bed_size(slots, text, vocabulary)
    if (isinstance(slots.get("size"), str) and slots["size"].lower() == "full"
            and re.search(r"\b(?:go|going|gone|went|goes)\s+full\b|\bfull[- ](?:on|blown)\b"
                          r"|\b(?:i'?m|im|i am|we'?re|she'?s|he'?s|is)\s+full\s+(?!size)[a-z]", text, re.I)  # ("i'm full boho")
            and not re.search(r"\bfull[- ]?(?:size[d]?|bed|mattress|xl)\b|\bin (?:a )?full\b", text, re.I)):
        del slots["size"]  # "we're redoing the lounge and going full scandinavian": all the way, no bed size
    either = _BED_SIZES_OR.search(text)
    either_sizes = [bed_size_name(said) for said in either.groups()] if either else []
    if either and (isinstance(slots.get("size"), str) and bed_size_name(slots["size"]) in either_sizes
                   or not slots.get("size") and not slots.get("exclude_size")):
        known = [v for said in either_sizes for v in vocabulary.get("sizes", []) if v.lower() == said]
        if len(known) == 2:
            slots["size"] = known
        return
    if slots.get("size") or slots.get("exclude_size"):
        return
    for said in _BED_SIZE.finditer(text):
        before = _WORD.findall(text[:said.start()].lower())
        if _negated([*before, said.group(1).lower()], len(before)):  # not "no king, too big"
            continue
        size = bed_size_name(said.group(1))
        known = [v for v in vocabulary.get("sizes", []) if v.lower() == size]
        if known:
            slots["size"] = known[0]
        return


_OWNED_BED_SIZE = r"\b(?:his|her|my|our|their|the old|our old|my old|his old|her old|the current|our current)\s+{}\b"


def _owned_bed_size(slots: dict, text: str, vocabulary: dict[str, list[str]]) -> None:
    """ "his feet hang off his twin bed now ... looking for a full size bed frame": the size wanted, not the one
    they have."""
    size = slots.get("size")
    if not isinstance(size, str) or not re.search(_OWNED_BED_SIZE.format(re.escape(size)), text, re.I):
        return
    sizes = {v.lower(): v for v in vocabulary.get("sizes", [])}
    for said in re.finditer(r"\b(twin(?: xl)?|full|double|queen|king|california king)(?:[- ]size[d]?)?\b", text, re.I):
        other = said.group(1).lower()
        if other != size.lower() and other in sizes and not re.search(_OWNED_BED_SIZE.format(re.escape(other)), text, re.I):
            slots["size"] = sizes[other]
            return


_HOW_MANY_BEDS = {"one", "two", "three", "four", "five", "1", "2", "3", "4", "5"}


def _scan_category(text_grams: list[tuple[str, int]], words: list[str], categories: list[str],
                   slots: dict, taken: set[int]) -> None:
    """A category written in the text (or a synonym, or a typo of one): fills a missing category and wins
    over a shorter tagged one it contains ("throw pillows" > "pillows", "cofee table" > "table"); words
    already read as another attribute are not a category ("linen please" is the material, not bed linen)."""
    tagged = slots.get("category")
    other_values = {w for name, v in slots.items() if name not in ("category", "room") and isinstance(v, str)
                    for w in v.lower().split()}
    words_lexicon = lexicon("category", categories)
    by_singular = {singular(c): c for c in categories}
    tagged_known = isinstance(tagged, str) and (singular(tagged) in by_singular or words_lexicon.lookup(tagged) is not None)
    for typos in (False, True):
        if typos and tagged_known:
            return  # the model tagged a category the catalog has: no guessing from typos
        for gram, start in text_grams:
            if is_room(gram) or _negated(words, start) or {singular(w) for w in gram.split()} <= {singular(w) for w in other_values}:
                continue
            after = start + len(gram.split())
            if after < len(words) and _SHADE.fullmatch(words[after]) and "light" in gram:
                continue  # "a light colour", "light wood": a shade, not lighting
            if _daylight(gram, words, start) or gram == "bed" and start > 1 and words[start - 1] == "in" and words[start - 2] != "tuck":
                continue  # "she loves reading in bed": where, not what
            if any(words[i] == "bed" and i and (words[i - 1] in ("before", "till", "until", "after") or i > 1 and (
                    words[i - 1] == "to" and words[i - 2] in ("go", "going", "gone", "went", "off"))) for i in range(start, after)):
                continue  # "last thing before bed - a big mirror", "off to bed soon": a time, not a bed
            if start >= 2 and words[start - 1] in ("the", "my", "our", "her", "his", "their") and (
                    words[start - 2] in ("beside", "by", "near", "against", "behind", "opposite", "above")
                    or start >= 3 and (words[start - 3], words[start - 2]) in (("next", "to"), ("close", "to"))):
                continue  # "it has to fit in a 45 inch gap next to the bed": where it goes, not what
            if (gram in ("bed", "beds") and 0 < start and after < len(words) and words[start - 1] in _HOW_MANY_BEDS
                    and words[after] in ("flat", "apartment", "apt", "house", "home", "place", "condo", "unit", "bungalow")):
                continue  # "a tiny one bed flat": the flat, not a bed
            if typos:
                match = words_lexicon.fuzzy(gram) if len(gram.split()) <= 2 else None
                if match and " " not in gram and gram in english_words() and not _names_in_it(gram, match):
                    match = None  # "every single hair shows on black": a word spelt right is no typo of "chair"
            else:
                match = by_singular.get(singular(gram)) or words_lexicon.lookup(gram)
                family = [c for c in category_matches(gram, categories, typos=False)
                          if singular(c).endswith(singular(gram))] if not match else []  # "chair", not "outdoor"
                if len(family) > 1:  # "a chair ... for long study sessions": the family member the purpose names
                    # ("we'll also need chairs, 6 of them": the family, for the context to decide; "I need a chair": as
                    # before)
                    match = member_by_purpose(family, " ".join(words)) or (
                        family if singular(gram) != gram and _WISHED_BEFORE.search(" ".join(words[:start]) + " ") else None)
            if not match:
                continue
            if (not tagged or (isinstance(tagged, str) and singular(tagged) in singular(gram) and len(gram) > len(tagged))
                    or (isinstance(tagged, str) and not tagged_known and not category_matches(tagged, categories))):
                slots["category"] = match  # ... and over a tagged word that names none ("performance" of performance fabric)
            taken.update(range(start, start + len(gram.split())))
            return


# "... old couch. thinking a sectional", "the guest bed badly needs new bedding. Could you show me queen sheets"
_WISHED_BEFORE = re.compile(r"\b(?:need|needs|want|wants|looking for|after|get|thinking(?: of| about)?|show me|got any|"
                            r"(?:do you|have you) (?:have|got)"
                            # "first job is a sofa", "top priority: a bed"
                            r"|(?:first|next|top|main|1st|biggest)\s+(?:job|thing|priority|task|purchase|on the list|up)"
                            r"(?:\s+(?:is|will be|has to be)|'s|\s*[:=-])?)\s+(?:(?:a|an|some|any)\s+)?"
                            r"(?:proper|new|real|decent|good|big|large|small|nice|twin|full|double|queen|king)?\s*$", re.I)


# "... the twin bed in the spare room has nothing on it. sheets under 150?": a kind asked for at the start of a sentence
_ASKED_AT_SENTENCE_START = re.compile(r"(?:^|[.!?;]\s*)(?:(?:and|so|ok|any|some|got any|also)\s+)?(?:(?:twin|full|double|queen|king)\s+)?$", re.I)
_ASKED_AFTER = re.compile(r"[a-z &-]+?\s*(?:under|below|for less than|around|max|\?|,?\s*(?:in|with)\s)", re.I)


_NEW_ONES = re.compile(r"\b(?:need|needs|want|get|buy|replace (?:them|it) with)\s+(?:some\s+)?new\s+ones?\b", re.I)


def _the_kind_wished(slots: dict, text: str, categories: list[str]) -> None:
    """ "working from home all day on a kitchen chair. need a proper office chair", "our sheets are awful. need new
    ones for our king bed": of two kinds named in different sentences, the one the message asks for (the model took
    the other)."""
    tagged = set(slot_values(slots, "category"))  # ("chairs": the chair categories)
    if not tagged:
        return
    values = {v.lower() for field in ("material", "color") for v in slot_values(slots, field)}
    mentions = [(names, m.start()) for gram, names in mentioned_categories(text, categories)
                if not is_room(gram) and gram.lower() not in values  # "... sleeps really hot? thinking linen": the material
                and gram.lower() not in ("set", "sets")  # "i have no sheets 🤦 need a twin set": a set of sheets
                for m in [re.search(rf"\b{re.escape(gram)}\b", text, re.I)] if m]
    wished = [(names, at) for names, at in mentions if _WISHED_BEFORE.search(text[:at][-40:])
              or _ASKED_AT_SENTENCE_START.search(text[:at]) and _ASKED_AFTER.match(text[at:])]
    new_ones = _NEW_ONES.search(text)
    if new_ones:  # "need new ones": the kind named just before
        wished = [(names, at) for names, at in mentions if at < new_ones.start()][-1:] or wished
    said_at = [at for names, at in mentions if tagged & set(names)]
    # the kind wished in a sentence of its own ("the guest bed badly needs new bedding. Could you show me queen
    # sheets": the sheets)
    apart = [names for names, at in wished  # (an emoji ends a sentence too: "sitting on boxes 😅 first job is a sofa")
             if all(re.search(r"[.!?;\u2600-\u27bf\U0001F300-\U0001FAFF]", text[min(at, t):max(at, t)]) for t in said_at)]
    if (not said_at or len({tuple(n) for n in apart}) != 1 or len(apart[0]) != 1
            or any(tagged & set(names) for names, _ in wished)):  # not "I need a sofa. want a rug too"
        return
    slots["category"] = apart[0][0]


_BEDS_OF_A_HOME = re.compile(r"\b(?:one|two|three|four|1|2|3|4)[- ]bed(?:room)?s?\s+(?:flat|apartment|apt|house|home|place|condo|"
                             r"unit|bungalow)\b", re.I)


def _bed_of_the_flat(slots: dict, text: str, categories: list[str]) -> None:
    """ "a pretty small 1 bed flat and need a couch": the bed the model tagged counts the flat's bedrooms; the other
    kind named is the request (the scan finds it)."""
    if slots.get("category") != "Beds" or not _BEDS_OF_A_HOME.search(text):
        return
    rest = _BEDS_OF_A_HOME.sub(" ", text)
    if not any("Beds" in names for _, names in mentioned_categories(rest, categories)):
        slots.pop("category")
        if re.fullmatch(r"\s*\d\s*", str(slots.get("size") or "")):
            slots.pop("size")  # the "1" of "1 bed" is no size either


_A_FLAT = {"my", "our", "a", "the", "new", "small", "tiny", "rented", "rental", "studio", "first", "shared", "whole", "this",
           "your", "one-bed", "one-bedroom", "2-bed", "little", "student", "city", "london", "council"}


def _scan_room(text_grams: list[tuple[str, int]], words: list[str], categories: list[str], slots: dict,
               taken: set[int]) -> None:
    """A room or usage word ("home office", "living room"): kept as ``room``."""
    if slots.get("room"):
        return
    by_singular = {singular(c): c for c in categories}
    for gram, start in text_grams:
        span = set(range(start, start + len(gram.split())))
        if gram == "flat" and (not start or words[start - 1] not in _A_FLAT):
            continue  # "the cushions have gone completely flat": no home
        if is_room(gram) and not span & taken:
            slots["room"] = by_singular.get(singular(gram), gram)
            taken.update(span)
            return


def _prefer_longer_values(grams: list[tuple[str, int]], words: list[str], vocabulary: dict[str, list[str]],
                          slots: dict) -> None:
    """A longer catalog value written in the text wins over the shorter tagged one inside it
    ("performance fabric" over "fabric", "natural oak" over "oak")."""
    for field, key in FIELDS.items():
        tagged = slots.get(field)
        if not isinstance(tagged, str):
            continue
        inner = tagged.lower().split()
        values = _vocab(vocabulary, key)
        for gram, start in grams:
            parts = gram.split()
            longer = len(parts) > len(inner) and any(parts[i:i + len(inner)] == inner for i in range(len(parts)))
            if longer and gram in values and not _negated(words, start):
                slots[field] = values[gram]
                for other in FIELDS:  # "solid" + "oak" tagged apart: the "oak" was a piece of "solid oak"
                    piece = slots.get(other)
                    if other != field and isinstance(piece, str) and set(piece.lower().split()) <= set(parts):
                        slots.pop(other)
                break


# "in your Black Friday deals", "Cyber Monday": a day of the year, no colour
_NAMED_DAY = re.compile(r"\bblack[\s-]+friday\b|\bcyber[\s-]+monday\b|\bwhite\s+sale\b|\bblue\s+monday\b", re.I)


def _named_days_are_no_colour(slots: dict, text: str) -> str:
    """The text without its named sale days, and their colour taken out of the slots when said nowhere else."""
    if not _NAMED_DAY.search(text):
        return text
    rest = _NAMED_DAY.sub(" ", text)
    for field in ("color", "exclude_color"):
        _set_values(slots, field, [v for v in slot_values(slots, field)
                                   if re.search(rf"\b{re.escape(v)}\b", rest, re.I) or not re.search(rf"\b{re.escape(v)}\b", text, re.I)])
    return rest


_ANYTHING_BUT = re.compile(r"\b(?:anything|any colou?r|whatever)\s+(?:but|except|other than|apart from)\s+(?:plain\s+|boring\s+|basic\s+)?"
                           r"([a-z]+(?:\s+[a-z]+)?)", re.I)


_BUT_FIRST = re.compile(r"\b(?:everything|all|lots|loads)\b[^.?!]{0,20}\bbut\s+(?:the\s+|a\s+)?([a-z]+(?:\s+[a-z]+)?)\s+first\b", re.I)


def _anything_but(slots: dict, text: str) -> None:
    """ "sheets for it too, twin, anything but plain white": white refused, not asked for (nor "plain" a material);
    "we need literally everything but sofa first": the sofa wanted, first."""
    first = _BUT_FIRST.search(text)
    if first and slots.get("exclude_category") and not slots.get("category"):
        wanted = slot_values(slots, "exclude_category")
        if any(singular(first.group(1).split()[-1]) in singular(v.lower()) for v in wanted):
            slots["category"] = slots.pop("exclude_category")
            if slots.get("item_ref") and re.fullmatch(r"first", text[first.end() - 5:first.end()], re.I):
                slots.pop("item_ref")  # ("first" is when, not the first one)
    said = _ANYTHING_BUT.search(text)
    if not said:
        return
    refused = said.group(1).lower()
    for field in ("color", "material", "style", "brand"):
        value = slots.get(field)
        if isinstance(value, str) and value.lower() in refused.split() + [refused]:
            slots[f"exclude_{field}"] = slots.pop(field)
    if str(slots.get("exclude_material", "")).lower() in ("plain", "boring", "basic"):
        slots.pop("exclude_material")


def _compound_of(key: str, word: str) -> bool:
    """Whether ``word`` is a word joined to ``key`` ("nightstand": night + stand), not a word that only ends in its
    letters ("chair": c + hair)."""
    return word.endswith(key) and len(word) - len(key) >= 3 and word[:-len(key)] in english_words()


def _names_in_it(word: str, category: str) -> bool:
    """Whether a category's name holds the word whole ("chair" in "Armchairs": arm + chair), not inside another
    word ("hair" in "Chairs")."""
    key = singular(word)
    return any(last == key or last.endswith(" " + key) or _compound_of(key, last)
               for last in [singular(category)] + singular(category).split())


_FEET_BY_FEET = re.compile(r"^\s*(\d+)\s*(?:'|ft|feet|foot)?\s*(?:x|×|by)\s*(\d+)\s*(?:'|ft|feet|foot)?\s*$", re.I)


_FEET_BY_FEET_IN = re.compile(r"\b(\d{1,2})\s*(?:'|ft|feet|foot)?\s*[x×]\s*(\d{1,2})\b", re.I)


def _size_as_the_catalog_writes_it(slots: dict, vocabulary: dict[str, list[str]], text: str = "") -> None:
    """ "5x8" -> "5' x 8'": a rug size as the catalog spells it, when it sells that size; "like 8x10 or 9x12": the
    ones of those it sells."""
    said = _FEET_BY_FEET.match(str(slots.get("size") or ""))
    if not said:
        return
    listed = {v: m.groups() for v in vocabulary.get("sizes", []) if (m := _FEET_BY_FEET.match(v))}
    known = [v for v, groups in listed.items() if groups == said.groups()]
    others = [m.groups() for m in _FEET_BY_FEET_IN.finditer(text) if m.groups() != said.groups()]
    if others and re.search(r"\d\s*(?:'|ft|feet|foot)?\s*(?:or|/)\s*(?:a\s+)?\d", text, re.I):
        known += [v for v, groups in listed.items() if groups in others and v not in known]
    if known:
        slots["size"] = known[0] if len(known) == 1 else known


def _tv_size_is_no_size(slots: dict, text: str) -> None:
    """ "our tv has been sitting on the floor ... it's a 65 inch, need a stand": the TV's screen, not the stand's size
    (the stands are then the ones listed for that screen, see ``asked_attributes``)."""
    size = slots.get("size")
    if (isinstance(size, str) and re.fullmatch(r"\s*\d{2,3}\s*(?:\"|”|-?\s*inch(?:es)?|in)\s*", size, re.I)
            and re.search(r"\b(?:tv|tvs|television|telly|screen)\b", text, re.I)):
        slots.pop("size")


def _counts_are_no_price(slots: dict, text: str) -> None:
    """ "it needs drawers, at least 2": how many drawers, not a price."""
    counts = {int(m.group(1)) for m in re.finditer(r"\b(?:drawers|shelves|seats|doors|people|cushions|pillows)\W+(?:at least|min(?:imum)?|"
                                                  r"no fewer than)\s+(\d{1,2})\b(?!\s*(?:\$|dollars?|bucks))", text, re.I)}
    _drop_prices_of(slots, counts)


def _ages_are_no_price(slots: dict, text: str) -> None:
    """ "not a gaming chair tho, i'm 52 not 15": ages, not a budget."""
    ages = {int(n) for said in re.finditer(r"\b(?:i'?m|i am|he'?s|she'?s|he is|she is|turning|turns|aged?)\s+(\d{1,2})"
                                          r"(?:\s*(?:,|not|or|and not)\s*(\d{1,2}))?\b(?!\s*(?:\$|dollars?|bucks|k\b|%))", text, re.I)
            for n in said.groups() if n}
    _drop_prices_of(slots, ages)


def _drop_prices_of(slots: dict, numbers: set[int]) -> None:
    """A price bound read from one of ``numbers`` (a count, an age) is no price."""
    for name in ("price_max", "price_min"):
        if isinstance(slots.get(name), (int, float)) and float(slots[name]) in numbers:
            slots.pop(name)


def _said_of_a_person(slots: dict, text: str) -> None:
    """ "my girlfriend says no leather pls, she's vegan": what she is, not a material."""
    for name in ("exclude_material", "material"):
        values = slot_values(slots, name)
        kept = [v for v in values if not re.search(rf"\b(?:she|he|i|we|they)\s*(?:'s|'re|'m|\s+is|\s+are|\s+am)\s+(?:\w+\s+)?"
                                                   rf"{re.escape(v)}\b", text, re.I)]
        if len(kept) < len(values):
            _set_values(slots, name, kept)


def _postcode_is_no_order(slots: dict, text: str) -> None:
    """ "can you get it to me by saturday? zip is 30301": where it goes, not an order number."""
    said = re.escape(str(slots.get("order_id") or ""))
    if said and (re.search(rf"\b(?:zip|zip ?code|post ?code|postal code)\s*(?:is\s*|:\s*|=\s*)?{said}\b|\b(?:i'?m|we'?re)\s+in\s+{said}\b",
                           text, re.I)
                 or re.search(rf"\b[A-Z]{{2}}\s+{said}\b", text)  # "it's 14 Maple Ct, Dayton OH 45402": an address
                 and re.search(r"\b(?:st|street|ave|avenue|rd|road|ct|court|ln|lane|dr|drive|blvd|way|pl|place)\b", text, re.I)):
        slots.pop("order_id")


def _people_are_no_size(slots: dict, text: str) -> None:
    """ "a patio set, something for 4-6 people": how many it seats (see ``asked_attributes``), not a 4' x 6' size;
    "family of five", "eight of us": people, not a size; "it's probably 15 years old": an age."""
    size = slots.get("size")
    said = re.fullmatch(r"\s*(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*", size) if isinstance(size, str) else None
    if said and re.search(rf"\b{said.group(1)}\s*(?:-|–|to)\s*{said.group(2)}\s+(?:people|persons?|guests|ppl|of us|adults)\b",
                          text, re.I):
        slots.pop("size")
    elif isinstance(size, str) and re.search(rf"\b(?:family|household|party|group)\s+of\s+{re.escape(size)}\b|"
                                             rf"\b{re.escape(size)}\s+of\s+us\b|\b{re.escape(size)}\s*(?:years?|yrs?)\b", text, re.I):
        slots.pop("size")


def _owned_is_no_exclusion(slots: dict, text: str) -> None:
    """ "our little table isn't cutting it. want an extendable dining table": the table they have, not a kind refused."""
    wanted = {v.lower() for v in slot_values(slots, "category")}
    owned = [v for v in slot_values(slots, "exclude_category")
             if re.search(rf"\b(?:our|my|his|her|their|the old)\s+(?:\w+\s+)?{re.escape(v.lower())}s?\b", text, re.I)
             # "now none of the sheets fit 🙄 need sheets for a queen": the ones they have fit no more, new ones wanted
             or v.lower() in wanted and re.search(r"\b(?:none of|no longer|don'?t fit|doesn'?t fit|won'?t fit)\b", text, re.I)]
    if owned:
        _set_values(slots, "exclude_category", [v for v in slot_values(slots, "exclude_category") if v not in owned])


_THOUSANDS_TOPS = re.compile(r"\b(\d+(?:\.\d)?\s*k)\s+(?:tops|max|maximum|at most|or less|or under|limit)\b", re.I)


def _thousands_as_ceiling(slots: dict, text: str) -> None:
    """ "big sectional, performance fabric ideally, 2k tops" with no budget read (the model took "2k" for a size
    beside "big"): the ceiling."""
    said = _THOUSANDS_TOPS.search(text)
    if said is None or slots.get("price_max") is not None or slots.get("price_min") is not None:
        return
    _, high = parse_price(said.group(1), hint="price_max")
    if high is not None:
        slots["price_max"] = high


def _money_tagged_as_size(slots: dict) -> None:
    """ "any rugs under $150": an amount of money the model tagged as a size is the budget."""
    size = slots.get("size")
    # ... and "budget 2k": thousands are no size either
    if isinstance(size, str) and re.search(r"[$£€]\s*\d|\d\s*(?:dollars?|bucks|usd)\b|^\s*\d+(?:\.\d)?\s*k\s*$", size, re.I):
        low, high = parse_price(size, hint="price_max")
        slots.pop("size")
        if low is not None:
            slots.setdefault("price_min", low)
        if high is not None:
            slots.setdefault("price_max", high)


_SAID_BOUND = re.compile(r"\b(?:under|below|less than|max(?:imum)?|up to|no more than)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(k\b)?", re.I)
_AMOUNT = re.compile(r"\$?\s*(\d[\d,]*(?:\.\d+)?)")


_SAID_RANGE = re.compile(r"\bbetween\s+\$?\s*(\d[\d,]*)\s*(?:and|to|-)\s*\$?\s*(\d[\d,]*)\b", re.I)


def _range_said(slots: dict, text: str) -> None:
    """ "a dining table that seats 6, somewhere between 400 and 700": the range said, not "6 ... 400"."""
    said = _SAID_RANGE.search(text)
    if not said or (slots.get("price_min") is None and slots.get("price_max") is None):
        return
    low, high = sorted(float(g.replace(",", "")) for g in said.groups())
    if low >= 20 and (slots.get("price_min"), slots.get("price_max")) != (low, high):
        slots["price_min"], slots["price_max"] = low, high


def _bound_beats_story_prices(slots: dict, text: str) -> None:
    """ "Wayfair quoted me $1,100 for a charcoal sectional plus $200 delivery. What have you got in charcoal under
    1200?", "I saw one at Target for 250. what do you have under 300?": the bound said as one is the budget, not an
    amount of the story."""
    bounds = list(_SAID_BOUND.finditer(text))
    said = slots.get("price_max")
    if len(bounds) != 1 or said is None:
        return
    value = float(bounds[0].group(1).replace(",", "")) * (1000 if bounds[0].group(2) else 1)
    story = {float(m.group(1).replace(",", "")) for m in _AMOUNT.finditer(text) if m.start(1) < bounds[0].start(1)}
    if value == float(said) or float(said) not in story:
        return
    slots["price_max"] = value
    if slots.get("price_min") is not None and float(slots["price_min"]) in story:
        slots.pop("price_min")  # "... plus $200 delivery": no floor either


# "IKEA's website has a bookcase for like 60 bucks", "Wayfair quoted me ...": what another shop has or asks
_ELSEWHERE = re.compile(r"\b\w+(?:'s|s') (?:website|web site|site|store|shop|app)\b|\b(?:saw|seen|found) (?:one|it|this|that|a \w+) "
                        r"(?:at|on)\b|\b(?:quoted|offered) me\b|\belsewhere\b|\bother (?:shops?|stores?|sites?)\b", re.I)


def _other_shops_offer(slots: dict, text: str) -> None:
    """ "IKEA's website has a bookcase for like 60 bucks. what's the cheapest bookcase you've got?": the brand and
    the price of the other shop's offer are no wish (said again outside it, they are)."""
    clauses = [c for c in re.split(r"[.?!;]+", text) if c.strip()]
    there = [c for c in clauses if _ELSEWHERE.search(c)]
    if not there or len(there) == len(clauses):
        return
    here = " ".join(c for c in clauses if c not in there).lower()
    for name in ("brand", "price_max", "price_min"):
        value = slots.get(name)
        if value is None or isinstance(value, list):
            continue
        said = f"{value:g}" if isinstance(value, float) else str(value).lower()
        if re.search(rf"(?<![\d.]){re.escape(said)}(?![\d])", " ".join(there).lower().replace(",", "")) and said not in here.replace(",", ""):
            slots.pop(name)


def _colour_ending_in(word: str, known: dict[str, str]) -> str | None:
    """ "walnut or oak": "oak" is no colour of the catalog, but the one colour ending in it ("natural oak") is."""
    ending = [c for c in known if c.endswith(" " + word.lower())]
    return ending[0] if len(ending) == 1 else None


# "a down pillow", "goose down", "down filled": down as a filling
_DOWN_FILL = re.compile(r"\bdown\s+(?:pillows?|duvets?|comforters?|filled|fill|alternative|feathers?|ones?|insert)\b"
                        r"|\b(?:feather|goose|duck)\s+(?:and\s+)?down\b|\b(?:in|of|real|pure|100%)\s+down\b|\bdown\?", re.I)
# "nothing light coloured", "no pale colours": every light colour refused
_NOTHING_LIGHT = re.compile(r"\b(?:nothing|no|not|none)\s+(?:too\s+|that'?s\s+)?(?:light|pale)[\s-]*(?:colou?r(?:ed|s)?|ones?|shades?)\b", re.I)
_LIGHT_COLOURS = {"white", "cream", "ivory", "beige", "light grey", "off-white", "natural"}
# "add 2 sets of those", "a pair of them": how many of what is shown, no patio sets
_SETS_OF_THOSE = re.compile(r"\b(?:\d{1,2}|two|three|four|a couple of|a)\s+(?:sets?|pairs?|packs?)\s+of\s+(?:those|them|these|the)\b", re.I)


def ground(slots: dict, text: str, vocabulary: dict[str, list[str]], *, shopping: bool) -> dict:
    """The slots with values grounded in the catalog (a new dict)."""
    slots = dict(slots)
    text = _named_days_are_no_colour(slots, text or "")
    if str(slots.get("category", "")).lower() == "coffee" and not re.search(r"\bcoffee\s+tables?\b", text, re.I):
        slots.pop("category")  # "thank u!! now coffee ☕": a drink, no coffee table
    if _NOTHING_LIGHT.search(text):
        # "under 250 and nothing light coloured, it'll get filthy": the light colours the catalog has, refused
        for field in ("exclude_material", "exclude_color", "exclude_style"):
            _set_values(slots, field, [v for v in slot_values(slots, field) if not re.search(r"\b(?:light|pale)\b", v, re.I)])
        light = [c for c in vocabulary.get("colors", []) if c.lower() in _LIGHT_COLOURS]
        _set_values(slots, "exclude_color", list(dict.fromkeys([*slot_values(slots, "exclude_color"), *light])))
    if str(slots.get("category", "")).lower() in ("set", "sets", "pair", "pairs", "pack", "packs") and _SETS_OF_THOSE.search(text):
        slots.pop("category")  # "love the grey rattan ones, add 2 sets of those": two of them, no patio sets
    _money_tagged_as_size(slots)
    _degrees_are_no_size(slots, text or "")
    _food_is_no_value(slots, text or "")
    _material_of_the_kind_refused(slots, text or "")
    if not slots.get("in_stock") and _ONLY_IN_STOCK.search(text or ""):
        slots["in_stock"] = True  # "show me tv stands you ACTUALLY have", "nothing that's out of stock"
    if text:
        _thousands_as_ceiling(slots, text)
        _owned_is_no_exclusion(slots, text)
    _tv_size_is_no_size(slots, text or "")
    _anything_but(slots, text or "")
    if str(slots.get("size", "")).lower() in ("firm", "soft", "medium", "plush", "firmer", "softer"):
        slots.pop("size")  # "soft ones please, firm ones give me a headache": a firmness (read from the words), no size
    _size_as_the_catalog_writes_it(slots, vocabulary, text)
    _people_are_no_size(slots, text or "")
    _said_of_a_person(slots, text or "")
    _ages_are_no_price(slots, text or "")
    _counts_are_no_price(slots, text or "")
    _postcode_is_no_order(slots, text or "")
    _range_said(slots, text)
    _bound_beats_story_prices(slots, text)
    _other_shops_offer(slots, text)
    _synonym_fields(slots, vocabulary)
    _move_mistyped(slots, vocabulary, text or "")
    _material_by_phrase(slots, text or "", vocabulary)
    _material_word_of_the_text(slots, text or "", vocabulary)
    categories = vocabulary.get("categories", [])
    _category_tagged_as_attribute(slots, vocabulary, categories)
    _attribute_tagged_as_category(slots, vocabulary, categories)
    for name in ("category", "exclude_category"):
        value = slots.get(name)
        if isinstance(value, str) and is_room(value):  # "office", "bedroom": where it goes, not what it is
            slots.pop(name)
            if name == "category":
                slots.setdefault("room", value)
    for name in ("brand", "exclude_brand"):  # a brand the shop does not sell filters nothing ("lumbar" support)
        value = slots.get(name)
        if isinstance(value, str) and value.lower() not in _vocab(vocabulary, "brands"):
            typo = brand_typo(value, vocabulary.get("brands", []))
            if typo:
                slots[name] = typo  # "westelm", "ikae"
            else:
                slots.pop(name)
                if name == "exclude_brand" and len(value) >= 4:
                    slots["refused_word"] = value.lower()  # "NOT a tripod one": maybe a word of titles (the manager looks)
                said = re.search(re.escape(value), text or "", re.IGNORECASE)
                if name == "brand" and said and said.group(0)[:1].isupper() and len(value) >= 3 \
                        and not category_matches(value, vocabulary.get("categories", [])):
                    slots["unknown_brand"] = said.group(0)  # "any Restoration Hardware sofas?": a brand not sold here
        elif isinstance(value, list):  # "not IKEA or West Elm"
            known = [v for v in value if isinstance(v, str) and v.lower() in _vocab(vocabulary, "brands")]
            if known:
                slots[name] = known if len(known) > 1 else known[0]
            else:
                slots.pop(name)
    if shopping and text:
        _bed_of_the_flat(slots, text, categories)
    if text and not shopping:
        _prefer_longer_values(*_grams(text), vocabulary, slots)  # "performance fabric would be best with the dogs"
    if shopping and text:
        brands = vocabulary.get("brands", [])
        grams, words = _grams(text)
        taken: set[int] = set()
        _scan_category(grams, words, categories, slots, taken)
        _scan_room(grams, words, categories, slots, taken)
        _prefer_longer_values(grams, words, vocabulary, slots)
        said = {w for v in slots.values() for one in (v if isinstance(v, list) else [v]) if isinstance(one, str)
                for w in one.lower().split()}  # ("walnut or oak look": neither is also the material)
        for field, key in FIELDS.items():
            values = _vocab(vocabulary, key)
            if not values or slots.get(field) or any(v.lower() in values for v in slot_values(slots, f"exclude_{field}")):
                continue  # (an exclusion the catalog has no value for, "no synthetics", leaves "jute only" to be read)
            words_lexicon = lexicon(field, vocabulary.get(key, []))
            for gram, start in grams:
                span = set(range(start, start + len(gram.split())))
                if span & taken or set(gram.split()) <= said:  # "brass" (colour) is not also the material
                    continue
                match = values.get(gram) or (words_lexicon.lookup(gram) if field != "brand" else brand_typo(gram, brands))
                if not match and field == "color" and " " not in gram:  # "a bookshelf in whte"
                    fixed = colour_typo(gram, vocabulary.get("colors", []))
                    match = words_lexicon.lookup(fixed) if fixed else None
                if match:
                    slots[("exclude_" if _negated(words, start) else "") + field] = match
                    taken |= span
                    break
        _bed_size_said(slots, text, vocabulary)
    _brand_refused(slots, text or "")
    _listed_brand_exclusions(slots, text or "", vocabulary.get("brands", []))
    if shopping and text and not slots.get("brand") and not slots.get("unknown_brand"):
        _brand_not_carried(slots, text, vocabulary, categories)
    for name in ("category", "exclude_category"):
        value = slots.get(name)
        if isinstance(value, list):
            continue
        if value and isinstance(value, str):
            # "folding chairs": a kind the catalog has no name for is its head word's family ("chairs"), when the
            # message names no other kind ("a 1 bed flat and need a couch": the couch)
            found = category_matches(value, categories)
            if (not found and name == "category" and len(value.split()) > 1 and not value.split()[0].isdigit()
                    and all(gram.lower() in value.lower() for gram, _ in mentioned_categories(text or "", categories))):
                found = category_matches(value.split()[-1], categories, typos=False)
            if found:
                slots[name] = found[0] if len(found) == 1 or name == "exclude_category" else found
            else:
                slots.pop(name)
    if shopping and text:
        _missing_is_wanted(slots, text, categories)
        _things_of_a_refused_brand(slots, text)
        _one_taken_then_next(slots, text)
        _one_picked_then_next(slots, text)
        _where_it_goes(slots, text, categories)
        _reason_after_a_refinement(slots, text, categories)
        _owned_is_not_wanted(slots, text, categories, vocabulary)
        _the_kind_wished(slots, text, categories)
        _old_one_is_not_wanted(slots, text, vocabulary)
        _attributes_of_other_objects(slots, text, categories)
        _material_of_the_place(slots, text)
        _material_of_a_thing(slots, text)
    family_member_by_purpose(slots, text or "")
    outdoor_kind(slots, text or "", categories)
    if text:
        _not_a_product_value(slots, text)
        _amount_refused(slots, text)
        _light_as_adjective(slots, text)
        _light_from_outside(slots, text, vocabulary.get("categories", []))
        _down_the_word(slots, text)
        _glass_of_a_drink(slots, text, vocabulary)
        _material_named_as_category(slots, text, categories)
        _material_before_category(slots, text, vocabulary, categories)
        _colour_pairs(slots, text, vocabulary)
        _not_my_thing(slots, text, vocabulary)
        _material_spells_disaster(slots, text, vocabulary)
        _painted_colour_is_the_rooms(slots, text)
        _colour_of_the_one_meant(slots, text, vocabulary)
        _material_it_must_be(slots, text, vocabulary)
        _idiom_is_no_product(slots, text)
        _colour_refused_of_one(slots, text, vocabulary)
        _colour_asked_last(slots, text, vocabulary)
        _colour_of_ones_described(slots, text, vocabulary)
        _material_too_hot(slots, text, vocabulary)
        _size_or_bigger(slots, text, vocabulary)
        _natural_as_feel(slots, text)
        _shade_words(slots, text, vocabulary)
    if shopping and text:
        _budget_stretched(slots, text)
        _budget_said_plainly(slots, text)
        _looks_refused(slots, text, vocabulary)
        _styles_refused(slots, text, vocabulary)
        _bed_as_sleep(slots, text)
        _stand_as_verb(slots, text)
        _size_that_wont_fit(slots, text)
        _negated_wishes(slots, text, vocabulary)
        _excluded_as_colour_and_material(slots, text, vocabulary)
        _measures_to_fit(slots, text)
        _rating_wish(slots, text)
    if text:
        rug_under_furniture(slots, text)  # also asked as a complement
    if isinstance(slots.get("category"), str) and is_room(slots["category"]) and not slots.get("room") and not (
            text and re.search(rf"\b{re.escape(slots['category'])}\s+(?:furniture|stuff|things|pieces|sets?)\b", text, re.I)):
        slots["room"] = slots.pop("category")  # "we're finally redoing our bedroom": where, not what
    if text:
        _wood_tones(slots, text, vocabulary)
    if shopping and text:
        _outdoor_thing(slots, text, categories)
        _outdoors_as_category(slots, text, categories)
    if text:
        _value_let_go(slots, text, vocabulary)
        _colour_said_as_material(slots, text, vocabulary)
        _colour_and_material(slots, text)
        _hybrid_work(slots, text)
        _words_of_a_longer_value(slots, text)
    if text:
        _said_both_ways(slots, text)
    for name in ("color", "exclude_color"):  # a colour the catalog does not have ("organic") filters nothing
        if vocabulary.get("colors") and slots.get(name):
            known = _vocab(vocabulary, "colors")
            fixed = [v if v.lower() in known else colour_typo(v, vocabulary["colors"]) or _colour_ending_in(v, known)
                     for v in slot_values(slots, name)]
            # "cushions i guess. orange ones": orange the catalog sells as rust and terracotta
            shades = [s for v in slot_values(slots, name) if v.lower() == "orange" and not re.search(r"\borange\s+juice\b", text, re.I)
                      for s in COLOUR_SHADES["orange"] if s in known]
            _set_values(slots, name, list(dict.fromkeys([*(known.get(v.lower(), v) for v in fixed if v and v.lower() in known),
                                                         *(known[s] for s in shades)])))
    if (not slots.get("size") and re.search(r"\bsingle\s+(?:beds?|bed\s*frames?|mattress(?:es)?)\b", text, re.I)
            and "Twin" in vocabulary.get("sizes", [])):
        slots["size"] = "Twin"  # "ok then 2 single beds, under 400 each": twin beds
    if [v.lower() for v in slot_values(slots, "material")] == ["down"] and not _DOWN_FILL.search(text):
        slots.pop("material")  # "trees down on our road, school's shut": no down filling
    return slots
