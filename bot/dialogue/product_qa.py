"""Answering questions about one product from its catalog attributes, and nothing else."""

from __future__ import annotations

import re

from bot.dialogue.phrases import COUNTS
from retrieval.filters import dimensions, measure
from retrieval.product import Product

# question words -> product field
_FIELD_WORDS = {
    "material": ("material", "made of", "made from", "fabric", "leather", "wood", "metal"),
    "color": ("color", "colour", "colors", "colours", "shade"),
    "price": ("price", "cost", "how much", "expensive", "cheap"),
    "brand": ("brand", "who makes", "manufacturer", "made by"),
    "size": ("size", "dimension", "dimensions", "how big", "how large", "how high", "width", "wide", "tall", "height", "long", "length", "fit",
             "deep", "depth", "measure", "measurements",
             "small", "compact", "tight", "space", "room for"),
    "rating": ("rating", "rated", "review", "reviews", "stars", "good is", "any good"),
    "in_stock": ("in stock", "available", "availability", "sold out"),
    "style": ("style",),
}


# Shopper words -> words of the attribute names they ask about ("can it hang on the wall?" -> mounting).
_ASKED_AS = {
    "hang": "mounting", "mount": "mounting", "mounted": "mounting", "wall": "mounting",
    "guarantee": "warranty", "guaranteed": "warranty",
    "assemble": "assembly", "assembled": "assembly", "assembling": "assembly", "flatpack": "assembly", "together": "assembly",
    "allen": "assembly", "screwdriver": "assembly",  # "i'm useless with an allen key"
    "outside": "outdoor", "outdoors": "outdoor", "patio": "outdoor", "garden": "outdoor",
    "pets": "pet", "dog": "pet", "dogs": "pet", "cat": "pet", "cats": "pet",
    "people": "seats", "seat": "seats", "sit": "seats",
    "hold": "weight capacity", "weight": "capacity", "lbs": "weight capacity", "lb": "weight capacity", "pounds": "weight capacity",
    "kg": "weight capacity",
    "tv": "tvs", "television": "tvs",
    "firm": "firmness", "soft": "firmness", "firmer": "firmness", "firmest": "firmness", "softer": "firmness",
    "softest": "firmness", "plush": "firmness", "plusher": "firmness", "plushest": "firmness",
    "hot": "cooling", "warm": "cooling", "sweat": "cooling", "sweaty": "cooling", "cool": "cooling", "cooler": "cooling",
    "coolest": "cooling", "hotter": "cooling", "warmer": "cooling",
    "try": "trial", "trying": "trial", "test": "trial",
    "washer": "machine washable", "washing": "machine washable", "launder": "machine washable",
    "build": "assembly", "built": "assembly", "diy": "assembly",
    "round": "shape", "square": "shape", "rectangular": "shape", "oval": "shape",
    "rain": "waterproof", "wet": "waterproof", "water": "waterproof", "weatherproof": "waterproof",
    # "can i control it from my phone?", "does it work with alexa?": smart compatible
    "phone": "smart", "app": "smart", "alexa": "smart", "wifi": "smart", "bluetooth": "smart",
    # "which would be easier to keep clean? he spills his tea": washable, or covers that come off
    "clean": "machine washable removable cushion cover", "spill": "machine washable removable cushion cover",
    "spills": "machine washable removable cushion cover",
    "wash": "machine washable removable", "washable": "removable", "off": "removable", "cover": "cushion",
    "certified": "certification", "certificate": "certification", "organic": "certification",
    "set": "pieces", "include": "pieces", "includes": "pieces", "included": "pieces", "piece": "pieces",
    "blackout": "light", "dark": "light",
    "fade": "uv resistant", "fades": "uv resistant", "fading": "uv resistant", "bleach": "uv resistant",  # "won't fade in the sun?"
    "bulb": "bulb", "smart": "smart", "alexa": "smart",
    "longer": "extendable", "extend": "extendable", "extended": "extendable", "extension": "extendable",
    "expand": "extendable", "leaf": "extendable", "leaves": "extendable",
    "lower": "lumbar", "lumbar": "lumbar",  # "which of these has the support for the lower back?"
    "dim": "dimmable", "dims": "dimmable", "dimming": "dimmable", "dimmer": "dimmable",
    "thick": "thickness pile height", "fluffy": "pile height", "shaggy": "pile height",  # a rug's thickness is its pile
    # "is the first one electric or do you have to crank it?": how a standing desk goes up
    "electric": "standing desk", "crank": "standing desk", "motor": "standing desk", "motorized": "standing desk",
    "motorised": "standing desk",
    # "does it have a drawer? I like to hide the remote": a coffee table's storage (drawer, shelf, lift-top)
    "pair": "panels set", "pairs": "panels set",  # "do any of those come as a pair?" of curtains (panels), of pillows (set of)
    "drawer": "storage", "drawers": "storage", "shelf": "storage", "shelves": "storage", "cubbies": "storage",
}
# "does the first one have a drawer?", "is it round?": a word naming a value of a descriptive attribute, yes or no
_VALUE_WORDS = {"drawer": "drawer", "drawers": "drawer", "shelf": "shelf", "shelves": "shelf",
                "round": "round", "square": "square", "rectangular": "rectangular", "oval": "oval"}
# "how many chairs come in it?", "how many in a pack", "how many chairs do I get?": the set size
_HOW_MANY_IN = re.compile(r"\bhow many\b.{0,20}\b(come|comes|are there|in (?:the|a|one|each) (?:set|pack|box|order)|do (?:i|we|you) get)\b", re.I)
# a measurement the question names; an attribute whose name does not say it is not the answer ("seat height" is not "seats")
_MEASURE = re.compile(r"\b(height|tall|(?<=how )high|width|wide|depth|deep|length|thick|thickness|weigh|weight|heavy|clearance)\b")
_MEASURE_STEMS = {"height": "height", "high": "height", "tall": "height", "width": "width", "wide": "width",
                  "depth": "depth", "deep": "depth", "length": "length", "long": "length", "thick": "thick",
                  "thickness": "thick", "pile": "thick", "weigh": "weight", "weight": "weight", "heavy": "weight", "clearance": "clearance"}
# part of a product measured on its own: the catalog lists only the overall size
_PART_MEASURE = re.compile(r"\b(seat|arm|armrest|leg|back|backrest|shelf|drawer|headboard|under\w*)\s+(height|depth|width|length)\b"
                           r"|\bclearance\b|\bunder (?:it|the bed|the frame)\b.{0,20}\b(inch|inches|cm|high|space|room)\b", re.I)
# Words of attribute names that carry no meaning of their own ("box spring required": the box spring).
_GENERIC = {"indoor", "nights", "required", "included", "kit", "type", "up", "to", "of", "friendly", "compatible", "support", "control",
            "fits"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _stem(word: str) -> str:
    for suffix in ("ability", "able", "ible", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) >= 6 and word[-1] in "ey":  # "assemble", "assembly" and "assembling" share "assembl"
        word = word[:-1]
    return word


# Materials that are wood, and the ones that are not solid wood
_A_WOOD = re.compile(r"\b(?:oak|pine|walnut|acacia|mango|teak|beech|birch|ash|maple|cherry|mahogany|eucalyptus|wood|wooden|bamboo|"
                     r"barnwood|rubberwood|veneer)\b", re.I)
_NOT_SOLID = re.compile(r"\b(?:engineered|veneer|mdf|particle ?board|laminate|plywood|composite)\b", re.I)
# "can you deliver them all together?", "ship them together": at once, not put together
_NOT_ASSEMBLY = re.compile(r"\b(?:all|both|everything|\w+ed|deliver|ship|send|come|arrive)\s+together\b|\ball\s+(?:\w+\s+)?together\b", re.I)


def _asked_stems(question: str) -> tuple[set[str], set[str]]:
    """(stems of the question's own words, stems of the attribute words shoppers mean by them)."""
    question = re.sub(r"\b(?:the|that|this)\s+\w+\s+ones?\b", " ", question, flags=re.I)  # "is the round one solid wood?": wood
    words = _words(re.sub(r"\bflat[\s-]?pack(?:ed|s)?\b", "flatpack", _NOT_ASSEMBLY.sub(" ", question), flags=re.I))
    if re.search(r"\breview|\brating|\brated\b", question, re.I):
        words -= {"people"}  # "how many people gave a review?" is not about seats
    meant = {_stem(part) for w in words if w in _ASKED_AS for part in _ASKED_AS[w].split()}
    if _HOW_MANY_IN.search(question):
        meant |= {_stem("set"), _stem("pieces")}
    return {_stem(w) for w in words}, meant


# "is it a queen?", "a full or a queen": bed sizes asked about a product that lists one
_BED_SIZES_ASKED = re.compile(r"(?:\bis\s+(?:it|this|that|the\s+[a-z][\w -]{0,25}?\s+one)\s+(?:a|an)\s+|\bor\s+(?:a|an)\s+)"
                              r"(twin xl|twin|full|double|queen|california king|cal king|king)\b(?!\s+(?:bed|mattress|sheet|duvet|size)s?\b)"
                              r"(?<!full(?=\s(?:set|one|thing|kit|bundle)))",  # "is it a full set or just a cover": the pieces
                              re.I)
_BED_SIZE_LISTED = re.compile(r"twin xl|twin|full|double|queen|california king|cal king|king", re.I)
# "... and how wide?", "... and what are its dimensions": the size asked after another question
_AND_HOW_BIG = re.compile(r"\band\s+(?:how\s+(?:wide|long|big|deep|tall|high|large)\b|(?:what(?:'s| are| is)\s+)?(?:its|the)\s+"
                          r"(?:size|dimensions|measurements|width|length)\b)", re.I)
_A_WEIGHT = re.compile(r"\d\s*(?:lbs?|pounds|kg|kilos?)\b", re.I)


def _attribute_matches(question: str, product: Product) -> list[tuple[str, str]]:
    """The free attributes of the product the question asks about, best first: those whose name's meaningful
    words (stemmed: "fold" asks about "foldable") all appear in the question, then those named by a word
    shoppers use for them ("hang" -> mounting); longer names first."""
    own, meant = _asked_stems(question)
    measures = {_MEASURE_STEMS[m] for m in _MEASURE.findall(question.lower())}
    found = []
    for key, value in product.attributes.items():
        key_words = _words(key.replace("_", " "))
        if measures and not measures & {_MEASURE_STEMS.get(w, w) for w in key_words}:
            continue  # "what's the seat height?" is not about "seats"
        meaningful = {_stem(w) for w in key_words - _GENERIC} or {_stem(w) for w in key_words}
        if meaningful and meaningful <= own:
            found.append((0, -len(key_words), key, value))
        elif meaningful and meaningful <= own | meant:
            found.append((1, -len(key_words), key, value))
        elif " " in str(value).strip() and len(str(value)) >= 8 and str(value).lower() in question.lower():
            found.append((1, -len(key_words), key, value))  # "the beige one says duvet cover only? so no sheets?": pieces
        elif any(len(w) >= 5 for w in meaningful & own) or (len(key.split()) > 1 and _stem(key.split()[0].lower()) in own):
            # "does it have storage?" -> storage drawers; "whats the pile like" -> pile height
            found.append((2, -len(key_words), key, value))
    if _A_WEIGHT.search(question):  # "will it hold the tv plus a soundbar, like 80 lbs?": the weight it takes
        found = [(-1 if "capacity" in key.lower() else rank, size, key, value) for rank, size, key, value in found]
    return [(key, value) for *_, key, value in sorted(found, key=lambda f: (f[0], f[1]))]


def _attribute_match(question: str, product: Product) -> tuple[str, str] | None:
    matches = _attribute_matches(question, product)
    return matches[0] if matches else None


def asks_about(question: str, product: Product) -> bool:
    """Whether the question names one of the product's listed attributes ("the trial" -> trial nights)."""
    return _attribute_match(question, product) is not None


def asks_field(question: str) -> bool:
    """Whether the question names a field every product has (price, reviews, size, material...)."""
    q = question.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", q) for words in _FIELD_WORDS.values() for w in words)


def _questions(text: str) -> list[str]:
    """The sentences of a message that end with a question mark ("Thank you. Does it have a headrest? He's tall."),
    or that ask by their first word ("only one? what colour is it")."""
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s.rstrip().endswith("?")
            or re.match(r"\s*(?:and\s+|so\s+)?(?:what|what'?s|how|which|is|are|does|do|can|will|has|have)\b", s, re.I)]


def _not_listed(question: str, product: Product) -> str:
    """The honest answer when the catalog has nothing on what was asked."""
    if re.search(r"\b\d+\s*(?:lbs?|pounds|kg|kilos?)\b|\bweight (?:limit|capacity)\b|\bhold (?:him|her|me|us|them)\b"
                 r"|\bhow much weight\b",  # "how much weight can it take, they jump on everything"
                 question, re.I):
        # "he's a big guy, will the first one hold him? he's around 300 lbs"
        return f"I'm sorry, the catalog doesn't list a weight capacity for the {product.title}."
    asked = _questions(question.lower())  # the question asked, not the greeting before it
    q = (asked[0].rstrip(" ?") if asked else re.split(r"[?!.]", question.lower())[0]).strip()
    head = re.split(r",| – | - ", product.title)[0].lower()
    q = re.sub(r"\s+", " ", q.replace(head, "it")) if len(head.split()) >= 2 else q
    match = re.search(r"\b(?:is|are)\s+(?:it|this|that|they|the it|the \w+(?: one)?|#?\d+)\s+(.+)$", q)
    if match:
        return f"I'm sorry, the catalog doesn't say whether the {product.title} is {match.group(1).strip()}."
    if re.search(r"\bwhat(?:'s| is| are| comes| do you get)\b.{0,20}\b(?:included|in the box|in the package|with it)\b", q):
        return f"I'm sorry, the catalog doesn't say what comes in the box with the {product.title}."
    how = re.search(r"\bhow (?:do|can|should|would) (?:i|we|you) ((?:\w+\s+){0,2}?\w+)\s+(?:it|them|this|that|the\b)", q)
    if how:  # "how do i clean the first one, i have a toddler lol"
        return f"I'm sorry, the catalog doesn't say how to {how.group(1)} the {product.title}."
    has = re.search(r"\b(?:it|this|that|they|one|#?\d+)\s+(?:has|have|comes? with|includes?)\s+((?:an?\s+|any\s+)?[\w -]{2,30}?)\s*$", q)
    if has:  # "could you tell me whether the first one has a headrest?"
        return f"I'm sorry, the catalog doesn't say whether the {product.title} has {has.group(1).strip()}."
    return f"I'm sorry, the catalog doesn't list that for the {product.title}."


_TV_FIT = re.compile(r"\b(?:fit|fits|take|takes|hold|holds|for)\b.{0,20}?\b(\d{2,3})\s*(?:-\s*)?(?:inch(?:es)?|in\b|\"|”|'')", re.I)


def metric_size(size: str | None) -> str | None:
    """A catalog size in centimetres: 'W 168 cm × D 91 cm × H 81 cm'; None when it gives no measures."""
    measures = dimensions(size)
    if not measures:
        return None
    return " × ".join(f"{letter} {value * 2.54:.0f} cm" for letter, value in measures.items())


def _field_answer(field: str, p: Product) -> str | None:
    value = getattr(p, field)
    if value is None:
        return None
    if field == "price":
        return f"The {p.title} costs ${value:,.2f}."
    if field == "rating":
        return f"The {p.title} is rated {value:.1f} out of 5 from {p.review_count:,} reviews."
    if field == "in_stock":
        return f"The {p.title} is {'in stock' if value else 'currently out of stock'}."
    if field == "size":
        return f"The {p.title} measures {value}."
    return f"The {p.title}'s {field} is {value}."


def _attribute_answer(product: Product, key: str, value: str) -> str:
    name = re.sub(r"\buv\b", "UV", key.replace("_", " "))
    lowered = value.strip().lower()
    if name.lower() in ("set of", "pack of") and lowered.isdigit():
        # "is that price for one chair or for a set?": what the price buys
        price = f" at ${product.price:,.2f}".replace(".00", "") if product.price else ""
        return (f"The {product.title} is a single item, not a set: the{price.replace(' at', '')} price is for one." if lowered == "1"
                else f"The {product.title} is sold as a {name.split()[0]} of {lowered}{price} (the price is for {'both' if lowered == '2' else 'all ' + lowered}).")
    adjective = ((len(name.split()) == 1 and name.endswith(("able", "ible", "proof", "ant", "ive", "ed")))
                 or (len(name.split()) == 2 and name.endswith(("able", "ible")))  # "machine washable"
                 or name.endswith((" friendly", " compatible", " resistant", "proof")))  # "pet friendly"
    if adjective and lowered in ("yes", "true", "y"):
        return f"Yes, the {product.title} is {name}."
    if adjective and lowered in ("no", "false", "n"):
        return f"No, the {product.title} is not {name}."
    if lowered in ("yes", "no", "true", "false", "y", "n"):
        # "is it easy to assemble?" vs "assembly required: no": say what the catalog lists, not a bare yes/no
        return f"The {product.title} lists {name}: {value}."
    return f"The {product.title}'s {name}: {value}."


def _yes_or_no_value(question: str, product: Product, key: str, value: str) -> str | None:
    """"does it have a drawer?" of storage: shelf: "No, ... storage is shelf." (None: not asked so)."""
    if not re.match(r"\s*(?:\w+[,.!]?\s+){0,3}?(?:is|are|does|do|has|have|can|could)\b", question, re.I):
        return None
    said = {_VALUE_WORDS[w] for w in _words(question) if w in _VALUE_WORDS}
    if not said or _ASKED_AS.get(next(iter(said)), key.lower()).split()[0] not in key.lower():
        return None
    lowered = value.strip().lower()
    if lowered in ("yes", "no", "true", "false", "y", "n") or re.match(r"\d", lowered):
        return None
    has = any(re.search(rf"\b{re.escape(v)}", lowered) for v in said)
    return f"{'Yes' if has else 'No'}: the {product.title} lists {key.replace('_', ' ')}: {value}."


_OVERVIEW = re.compile(r"^\W*(?:(?:ok|so|and|hmm|please|pls),?\s+)*(?:tell me (?:more )?about|more (?:info|information|details) "
                       r"(?:on|about)|(?:what|anything) (?:else )?can you tell me about|(?:give me |show me )?(?:the )?details (?:of|on|for)|"
                       r"describe|what(?:'s| is) (?:the deal with|special about))\b", re.I)


_DO_YOU_HAVE = re.compile(r"^\W*(?:(?:hi|hey|hello|ok|so|and|also),?\s+)*(?:do|does) (?:you|u|ya|the (?:shop|store)) "
                          r"(?:guys )?(?:still )?(?:have|sell|carry|stock|do)\b|^\W*(?:have you|you) (?:still )?got\b", re.I)


def asks_if_sold(question: str) -> bool:
    """ "do you still sell the Wren counter stool?": whether the shop has it, a product request."""
    return bool(_DO_YOU_HAVE.match(question))


def overview(product: Product) -> str:
    """ "tell me about the second one": what the catalog lists about it, in two or three sentences."""
    said = [f"The {product.title}"]
    if product.price is not None:
        said.append(f"costs ${product.price:,.2f}" + (f" and is made by {product.brand}" if product.brand else ""))
    facts = [f"{name} {value}" for name, value in (("colour", product.color), ("material", product.material),
                                                   ("style", product.style), ("size", product.size)) if value]
    text = " ".join(said) + "."
    if facts:
        text += " Listed: " + ", ".join(facts) + "."
    extra = [f"{k.replace('_', ' ')}: {v}" for k, v in list((product.attributes or {}).items())[:4]]
    if extra:
        text += " Also " + "; ".join(extra) + "."
    if product.rating is not None:
        text += f" Rated {product.rating:.1f}★" + (f" from {product.review_count:,} reviews." if product.review_count else ".")
    return text


def answer(question: str, product: Product) -> tuple[str, bool]:
    """(answer text, whether the catalog knew the answer); a question about two listed attributes ("we're 6,
    is it extendable?") gets both; "tell me about it" gets what the catalog lists. Of a question said with a remark
    ("is the black one low pile? shaggy ones and dog hair do not mix"), the question."""
    # "Is the grey leather one in stock?": the words that point at the product are not the question
    question = re.sub(r"\b(?:the|that|this)\s+(?!one\b)[a-z][\w -]{0,25}?\s+one\b(?=\s+(?:in stock|available|sold out)\b)",
                      "it", question, flags=re.I)
    bed = _BED_SIZES_ASKED.findall(question)
    if bed and product.size and _BED_SIZE_LISTED.fullmatch(product.size.strip()):
        # "is the green one a full or a queen": the size it is (beds, mattresses and bedding list a bed size)
        size = product.size.strip()
        said = {b.lower().replace("california", "cal") for b in bed}
        verdict = "" if len(said) > 1 else "Yes, " if size.lower().replace("california", "cal") in said else "No, "
        return f"{verdict}{'t' if verdict else 'T'}he {product.title} is {size} size.", True
    asked = " ".join(q.strip() for q in re.findall(r"[^.?!]*\?", question))
    rest = re.sub(r"[^.?!]*\?", " ", question)  # the words after the questions ("... and is it machine washable")
    if asked and asked != question.strip() and (_attribute_matches(asked, product) or (
            asks_field(asked) and not re.match(r"\W*(?:and\s+|also\s+|plus\s+)?(?:is|are|does|do|can|what|how|will|has|have)\b", rest, re.I))):
        question = asked  # (and "Is the first one leather? My wife says fabric is harder to keep clean.": the material)
    tv = _TV_FIT.search(question)
    limit = next((v for k, v in (product.attributes or {}).items() if "tv" in k.lower().split() or "tvs" in k.lower().split()), None)
    if tv and limit is not None and re.match(r"\s*\d", str(limit)):
        # "does the first one fit a 65 inch?": against the largest TV it is listed for
        most = float(re.match(r"\s*(\d+(?:\.\d+)?)", str(limit)).group(1))
        size = float(tv.group(1))
        verdict = "Yes" if size <= most else "No"
        return f"{verdict}: the {product.title} is listed for TVs up to {most:g}\", so a {size:g}\" TV {'fits' if size <= most else 'is too big'}.", True
    attributes = _attribute_matches(question, product)[:2]
    if len(attributes) < 2 and re.search(r"\band\b", question, re.I):
        # "What's the thickness and the trial period on the first one?": each part asked on its own (a measure
        # asked in one part does not rule out the other part's attribute)
        parts = [_attribute_matches(part, product)[:1] for part in re.split(r"\band\b", question, flags=re.I)]
        attributes = list(dict.fromkeys([*attributes, *(a for found in parts for a in found)]))[:2]
    if not attributes and _OVERVIEW.match(question):
        return overview(product), True
    if not attributes and asks_if_sold(question):
        # "do you have the Aria Trestle Table in White Walnut?": yes, it is sold here; whether it is in stock
        stock = " It's in stock." if product.in_stock else " It's out of stock right now."
        return f"Yes, we sell it.{stock} {overview(product)}", True
    seats = _SEATS_ASKED.search(question)
    listed = _number(attributes[0][1]) if attributes and attributes[0][0].lower() == "seats" else None
    if seats and listed is not None:  # "does the second one seat 6?": yes or no, and how many it seats
        said = seats.group(1).lower()
        wanted = float(said) if said.isdigit() else float(COUNTS.get(said, 0))
        if wanted:
            return f"{'Yes' if listed >= wanted else 'No'}, the {product.title} seats {attributes[0][1]}.", True
    if attributes:
        first = _yes_or_no_value(question, product, *attributes[0]) or _attribute_answer(product, *attributes[0])
        if len(attributes) == 2:
            key, value = attributes[1]
            first += f" It also lists {key.replace('_', ' ')}: {value}."
        named = next((f for f in ("color", "brand") if any(re.search(rf"\b{re.escape(w)}\b", question.lower())
                                                           for w in _FIELD_WORDS[f] if w != "shade")), None)
        if named and len(attributes) == 1 and _field_answer(named, product):
            first = f"{_field_answer(named, product)} {first}"  # "what colour is it? and is it machine washable": both
        if len(attributes) == 1 and _AND_HOW_BIG.search(question) and _field_answer("size", product):
            size = _field_answer("size", product)
            first = f"{first} {size.replace(f'The {product.title}', 'It', 1)}"  # "what shape is it and how wide?": both
        return first, True
    q = question.lower()
    head = re.split(r",| – | - ", product.title)[0].lower()
    if len(head.split()) >= 2:
        q = q.replace(head, " ")  # "is the Aria Metal Round Mirror shatterproof?": "metal" names the product, not a question
    if _PART_MEASURE.search(q):
        overall = f" The overall size listed is {product.size}." if product.size else ""
        return (f"I'm sorry, the catalog doesn't list that measurement for the {product.title}; it gives only the "
                f"overall size.{overall}"), False
    if re.search(r"\bweigh\w*\b|\bhow heavy\b", q) and not re.search(r"\b(hold|holds|support|supports|capacity|take|takes|handle|bear)\b", q):
        return f"I'm sorry, the catalog doesn't list how much the {product.title} weighs.", False
    if re.search(r"\bhow much weight\b|\bweight (?:limit|capacity)\b", q):  # not the price of "how much"
        return _not_listed(question, product) + " I only answer from the product's listed details.", False
    yes_no = re.match(r"\s*(is|are|does|do|can|has|have)\b", q) is not None
    # "whether the first one has a headrest? He's quite tall": the words of the question, not of what follows it
    asked = " ".join(_questions(q)) or q
    for field, words in _FIELD_WORDS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", asked) for w in words):
            value = getattr(product, field)
            if yes_no and isinstance(value, str) and field in ("material", "color", "style", "brand"):
                # "is it made of leather?": answer yes or no, then say what it is.
                if re.search(r"\b\w+\s+or\s+\w+\s*\??\s*$", q):  # "is it leather or fabric?": which, not yes or no
                    return f"The {product.title}'s {field} is {value}.", True
                about = re.search(rf"^\s*(?:is|are|does|do|has|have)\s+(?:the|its|this|that|their)\s+"
                                  rf"{re.escape(value.lower().split()[-1])}\s+(?!one\b|ones\b)(\w[\w\s-]*?)\s*\??\s*$", q)
                if about:  # "is the leather treated with flame retardant chemicals?": of the material, not which it is
                    return (f"The catalog lists the {product.title}'s {field} as {value}; it doesn't say whether it is "
                            f"{about.group(1)}."), False
                if re.search(rf"\b{re.escape(value.lower())}\b", q) or re.search(rf"\b(?:it|they|a|an|of|from|in)\s+{re.escape(value.lower().split()[-1])}\b", q):
                    return f"Yes, the {product.title}'s {field} is {value}.", True  # "is it fabric?" of performance fabric
                wood = re.search(r"\b(solid\s+|real\s+)?wood(?:en)?\b", q) if field == "material" else None
                if wood and _A_WOOD.search(value):  # "is the round one solid wood?" of acacia: yes (not of a veneer)
                    solid = not (wood.group(1) and _NOT_SOLID.search(value))
                    return f"{'Yes' if solid else 'No'}, the {product.title}'s {field} is {value}.", True
                quality = _QUALITY.search(q)
                if quality:  # "is it made from recycled materials?": the catalog names the material, not that
                    return (f"The catalog lists the {product.title}'s {field} as {value}; it doesn't say whether it is "
                            f"{quality.group(0)}."), True
                return f"No, the {product.title}'s {field} is {value}.", True
            text = _field_answer(field, product)
            if not text:
                return f"The catalog doesn't list the {field.replace('_', ' ')} of the {product.title}.", False
            if field == "size" and re.search(r"\b(?:cm|centimet\w*|metric|mm|met(?:er|re)s?)\b", q):
                metric = metric_size(product.size)  # "how wide is it in cm?"
                text = f"{text[:-1]}, about {metric}." if metric else text
            # "how much is it and how many reviews?": a second field asked in the same question too
            other = next((f for f, ws in _FIELD_WORDS.items() if f != field and f not in ("material", "color", "style")
                          and any(re.search(rf"\b{re.escape(w)}\b", q) for w in ws)), None)
            more = _field_answer(other, product) if other and not yes_no else None
            return (f"{text} {more}" if more else text), True
    material = (product.material or "").lower()
    unreferred = re.sub(r"\b(?:the|that|this)\s+[\w\s-]{1,25}?\s+one\b", " ", asked)  # not "the natural oak one"
    if material and re.search(rf"\b(?:is|are)\s+(?:it|that|this|they|those)\b.*\b{re.escape(material)}\b", unreferred):
        # "the natural oak one, is that real marble on top?": the material listed
        return f"Yes: the catalog lists the {product.title}'s material as {product.material}.", True
    return _not_listed(question, product) + " I only answer from the product's listed details.", False


# "does it seat 6?", "will it fit eight people?"
_SEATS_ASKED = re.compile(r"\b(?:seats?|sits?|seating|fits?|for)\s+(?:up to\s+|at least\s+)?(\d{1,2}|two|three|four|five|six|seven|"
                          r"eight|nine|ten|twelve)\b(?!\s*(?:\$|dollars?|bucks|inch|in\b|\"|cm|ft))", re.I)
_QUALITY = re.compile(r"\b(recycled|sustainable|eco[- ]?friendly|organic|non[- ]?toxic|certified|fsc|vegan|"
                      r"(?:flame|fire)[- ]retardant\w*|treated|chemicals?|formaldehyde|voc|"
                      r"ethically sourced|biodegradable|reclaimed|(?:stain|scratch|fade|water|tear|pill|wrinkle)[- ]?(?:resistant|proof)|"
                      r"hypoallergenic|breathable|durable|easy to clean|wipeable|shatter[- ]?proof|shatter[- ]?resistant|"
                      r"child[- ]?safe|kid[- ]?safe|baby[- ]?safe|toddler[- ]?safe|non[- ]?slip|anti[- ]?slip)\b")
_LESS = re.compile(r"\b(shorter|shortest|smaller|smallest|narrower|narrowest|shallower|shallowest|lower|lowest|less|least|fewer|"
                   r"lighter|cheaper|cheapest|"
                   r"softer|softest|plusher|plushest|thinner)\b")
_PRICE = re.compile(r"\b(cheap\w*|expensive|pric\w*|cost\w*|afford\w*)\b")
_RATING = re.compile(r"\b(rat\w*|reviews?|stars?|best|better|popular)\b")
_PICK = re.compile(r"\b(pick|choose|recommend|suggest|go for)\b")  # "which would you pick?": the best rated, said so
_SIZE = re.compile(r"\b(bigger|biggest|larger|largest|smaller|smallest|size)\b")
# "which one is the tallest?", "which is narrower?": one measure of the listed size (W x D x H), by letter
_MEASURE_ASKED = {"H": re.compile(r"\b(tall|taller|tallest|shorter|shortest|height)\b"),
                  "W": re.compile(r"\b(wider|widest|narrower|narrowest|width)\b"),
                  "D": re.compile(r"\b(deeper|deepest|shallower|shallowest|depth)\b"),
                  "L": re.compile(r"\b(longer|longest|length)\b")}
_MEASURE_NAME = {"H": "height", "W": "width", "D": "depth", "L": "length"}


def _number(value: object) -> float | None:
    match = re.search(r"\d+(?:\.\d+)?", str(value).replace(",", ""))
    return float(match.group()) if match else None


def _bulk(product: Product, size_value) -> float | None:
    """How big a product is: the product of its dimensions (W x D x H), else its size rank or number."""
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", product.size or "")]
    if len(numbers) >= 2:
        out = 1.0
        for n in numbers:
            out *= n
        return out
    return size_value(product)


_FIRMNESS = {"extra soft": 0, "soft": 1, "plush": 1, "medium soft": 2, "medium": 3, "medium firm": 4, "firm": 5,
             "extra firm": 6}  # "which is the firmest?": firmness words in order


# "is the first one wider than the second?", "is #2 cheaper than #1?": a yes or a no, then the figures
_IS_MORE_THAN = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|hmm|then)\W+)*(?:is|are|was|would)\b.*\b(?:\w+er|more\s+\w+|less\s+\w+)"
                           r"\s+than\b", re.I)


def winner_of(answer: str) -> int | None:
    """The position ``which`` named as the one answer ("#2, the ...: width 51\" (against ...)"); None when it named
    none, several ("#1, the ... and #3, the ...: ...") or a tie."""
    found = re.match(r"#(\d+), the [^:]+: (?!.*\btied\b)", answer)
    return int(found.group(1)) if found and " and #" not in answer.split(":")[0] else None


def is_more_than(question: str, products: list[Product], positions: list[int]) -> str | None:
    """Answer "is the first one wider than the second?" of two products: yes or no from ``which``'s pick,
    with the figures; None when the question is not such a comparison or names nothing comparable."""
    if len(products) != 2 or not _IS_MORE_THAN.search(question):
        return None
    answer = which(question, products, positions)
    if answer is None or answer.startswith("The catalog doesn't"):
        return answer
    yes = winner_of(answer) == positions[0]
    return f"{'Yes' if yes else 'No'}: {answer[0].lower() + answer[1:] if answer.startswith('They') else answer}"


def _split_by_flag(q: str, flags: list[str | None]) -> tuple[list[int], list[int], bool]:
    """Of products listed yes or no for what is asked, those asked for and the others: "which one has lumbar
    support?" wants those listed with it; "which ones dont need one?" (a box spring) those listed without it."""
    have = [i for i, f in enumerate(flags) if f == "yes"]
    lack = [i for i, f in enumerate(flags) if f == "no"]
    without = re.search(r"\b(?:don'?t|dont|doesn'?t|do not|does not|aren'?t|isn'?t|without|no need)\b", q) is not None
    return (lack, have, without) if without else (have, lack, without)


def which_have(question: str, products: list[Product]) -> list[int] | None:
    """The indices of the products "which ones come with inserts?" picks: those listed yes (or no, asked
    without) for the yes-or-no attribute asked about; None when it asks of no such attribute or none qualifies."""
    attribute = next((a for a in (_attribute_match(question, p) for p in products) if a), None)
    if not attribute:
        return None
    flags = [str(p.attributes.get(attribute[0])).strip().lower() if p.attributes.get(attribute[0]) is not None else None
             for p in products]
    if not any(f in ("yes", "no") for f in flags):
        return None
    wanted, _, _ = _split_by_flag(question.lower(), flags)
    return wanted or None


def which(question: str, products: list[Product], positions: list[int]) -> str | None:
    """Answer "which one has the longer warranty / is cheaper / is rated better?" over products the
    shopper is looking at, from their attributes; None when the question names nothing comparable."""
    from bot.dialogue.constraints import size_value

    q = question.lower()
    attribute = next((a for a in (_attribute_match(question, p) for p in products) if a), None)
    if attribute:
        name = attribute[0].replace("_", " ")
        values = [(p.attributes.get(attribute[0]), _number(p.attributes.get(attribute[0]))
                   if attribute[0] != "firmness" else _FIRMNESS.get(str(p.attributes.get(attribute[0])).lower().replace("-", " ")))
                  for p in products]
    elif _PRICE.search(q):
        name, values = "price", [(f"${p.price:,.2f}" if p.price is not None else None, p.price) for p in products]
    elif any(asked.search(q) for asked in _MEASURE_ASKED.values()):
        letter = next(letter for letter, asked in _MEASURE_ASKED.items() if asked.search(q))
        name = _MEASURE_NAME[letter]
        values = [(f'{value:g}"' if value is not None else None, value)
                  for value in (measure(dimensions(p.size), letter) for p in products)]
    elif _SIZE.search(q):
        name, values = "size", [(p.size, _bulk(p, size_value)) for p in products]
    elif re.search(r"\b(?:more|most|fewer|fewest|less|least|number of|how many)\s+(?:customer\s+)?reviews\b", q):
        name = "reviews"  # "which of the two has more reviews?": the count, not the stars
        values = [(f"{p.review_count:,}" if p.review_count is not None else None, p.review_count) for p in products]
    elif _RATING.search(q) or _PICK.search(q):
        name, values = "rating", [(f"{p.rating:.1f}★" if p.rating is not None else None, p.rating) for p in products]
    else:
        return None
    if name == "rating" and _PICK.search(q) and not _RATING.search(q):
        answer = which(question + " best rated", products, positions)
        return f"I can only go by what the catalog lists; the best rated is {answer}" if answer and answer.startswith("#") else answer
    known = [(i, shown, number) for i, (shown, number) in enumerate(values) if number is not None]
    flags = [str(shown).strip().lower() if shown is not None else None for shown, _ in values]
    named = sorted({f for f in flags if f and f not in ("yes", "no") and re.search(rf"\b{re.escape(f)}\b", q)})
    if attribute and len(known) < 2 and named:
        # "which of those are electric?" (standing desk: electric / manual / no): those listed with that value
        have = [i for i, f in enumerate(flags) if f in named]
        rest = [i for i, f in enumerate(flags) if f not in named]
        each = [f"#{positions[i]}, the {products[i].title}" for i in have]
        listed = each[0] if len(each) == 1 else "; ".join(each[:-1]) + "; and " + each[-1]
        others = "; ".join(f"#{positions[i]} {values[i][0] or 'not listed'}" for i in rest)
        return f"{listed}: {name} {' or '.join(named)}" + (f" (the others: {others})." if rest else ".")
    if attribute and len(known) < 2 and any(f in ("yes", "no") for f in flags):
        wanted, others, without = _split_by_flag(q, flags)
        numbers = ", #".join(str(positions[i]) for i in others)
        if not wanted:
            return (f"None of them is listed {'without' if without else 'with'} {name}"
                    + (f" (#{numbers}: {'yes' if without else 'no'})." if others else "."))
        listed = " and ".join(f"#{positions[i]}, the {products[i].title}" for i in wanted)
        rest = (f" (#{numbers}: yes)" if without else f" (not #{numbers})") if others else ""
        return f"{listed}: {name} {'no' if without else 'yes'}{rest}."
    if attribute and len(known) < 2 and sum(f is not None for f in flags) >= 2:
        # a descriptive value ("which one is firm?"): each one's
        return f"{name.capitalize()}: " + "; ".join(f"#{positions[i]} {shown}" for i, (shown, _) in enumerate(values) if shown) + "."
    if len(known) < 2:
        listed = "; ".join(f"#{positions[i]} {shown}" for i, (shown, _) in enumerate(values) if shown)
        return (f"The catalog doesn't give a comparable {name} for these"
                + (f" ({listed})." if listed else ".") + " I only answer from the products' listed details.")
    pick = min if (_LESS.search(q) or (name == "price" and "cheap" in q)) else max
    best = pick(known, key=lambda k: k[2])
    if all(k[2] == best[2] for k in known):
        return f"They're the same on {name}: " + ", ".join(f"#{positions[i]} {shown}" for i, shown, _ in known) + "."
    winners = [k for k in known if k[2] == best[2]]
    winner_ids = {k[0] for k in winners}
    others = ", ".join(f"#{positions[i]} {shown}" for i, shown, _ in known if i not in winner_ids)
    if len(winners) > 1:
        tied = " and ".join(f"#{positions[i]}, the {products[i].title}" for i, _, _ in winners)
        return f"{tied}, tied on {name} at {best[1]} (against {others})."
    return f"#{positions[best[0]]}, the {products[best[0]].title}: {name} {best[1]} (against {others})."

