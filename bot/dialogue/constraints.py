"""Turning what the shopper said into hard constraints (filters) and describing them back."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.dialogue import phrases
from bot.dialogue.dimensions import limits_label
from retrieval.product import Product
from retrieval.types import SearchFilter

# slot -> (filter list to set, filter list of exclusions)
_INCLUDE = {"brand": "brands", "color": "colors", "category": "categories"}
_EXCLUDE = {
    "exclude_brand": ("exclude_brands", "brands"),
    "exclude_color": ("exclude_colors", "colors"),
    "exclude_category": ("exclude_categories", "categories"),
}


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    word = word.lower().strip()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def catalog_categories(value: str, categories: list[str]) -> list[str]:
    """The catalog categories a shopper's word names: "sofa" -> ["Sofas"]; "chairs" -> every "... Chairs", "Armchairs".

    Empty when the catalog has no such category (the word then only steers the text search)."""
    key = singular(value)
    forms = [(c, singular(c)) for c in categories]
    exact = [c for c, form in forms if form == key]
    if exact:
        return exact
    # "chairs" names "Dining Chairs" and the compound "Armchairs" too
    return [c for c, form in forms if form.endswith(" " + key) or form.startswith(key + " ")
            or (len(key) >= 4 and form.endswith(key))]


# A general material word the shopper uses -> words of the catalog materials it covers.
_MATERIAL_FAMILIES = {
    "wood": ("wood", "oak", "walnut", "acacia", "teak", "pine", "mango", "bamboo", "birch", "ash", "maple", "cherry",
             "mahogany", "beech", "elm"),
    "fabric": ("fabric", "linen", "cotton", "velvet", "boucle", "chenille", "wool", "polyester", "viscose", "jute"),
    "metal": ("metal", "steel", "iron", "aluminum", "aluminium", "brass"),
    "plastic": ("plastic", "polypropylene"),
    "wicker": ("wicker", "rattan"),
    "stone": ("stone", "marble", "travertine", "concrete"),
}
_MATERIAL_ALIASES = {"wooden": "wood", "upholstered": "fabric", "cloth": "fabric", "metallic": "metal"}
_NOT_THE_REAL_THING = {"faux", "vegan", "imitation"}
_SIZE_ALIASES = {"cal king": "california king", "double": "full", "twin extra long": "twin xl"}
_SIZE_NOISE = re.compile(r"\b(size[ds]?|bed)\b")


def _key(text: str) -> str:
    """A comparison key: lower-case words without punctuation ("Mid-Century" -> "mid century")."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def catalog_materials(value: str, materials: list[str]) -> list[str]:
    """The catalog materials a shopper's material word covers: "oak" -> oak, solid oak; "wood" -> every wood.

    "leather" does not cover "vegan leather" (unless asked for). Empty when the catalog has none."""
    key = _key(value)
    key = _MATERIAL_ALIASES.get(key, key)
    words = set(key.split())
    family = set(_MATERIAL_FAMILIES.get(key, ()))
    out = []
    for material in materials:
        have = set(_key(material).split())
        if (have & _NOT_THE_REAL_THING) - words:
            continue
        if (words and words <= have) or have & family:
            out.append(material)
        elif key == "solid wood" and "solid" in have and have & set(_MATERIAL_FAMILIES["wood"]):
            out.append(material)  # "solid wood (oak maybe?)": solid oak is solid wood
    return out


def catalog_value(value: str, values: list[str]) -> str | None:
    """The catalog's spelling of a style the shopper named ("mid century" -> "Mid-Century"), if any."""
    key = _key(value)
    return next((v for v in values if _key(v) == key), None)


def catalog_size(value: str, sizes: list[str]) -> str | None:
    """The catalog's named size ("king size" -> "King", "cal king" -> "California King"), if any."""
    key = _key(_SIZE_NOISE.sub(" ", value.lower()))
    return catalog_value(_SIZE_ALIASES.get(key, key), sizes)


_UNIT = re.compile(r"\d\s*(?:-\s*)?(?:inch(?:es)?|in\b|\"|''|”|cm|ft\b|feet|foot|')", re.IGNORECASE)


_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:to|-|–|or)\s*(\d+(?:\.\d+)?)\s*(?:\"|in\b|inch|inches|cm|ft|feet|')", re.I)
_DIMENSION_WORDS = {"high": "H", "tall": "H", "height": "H", "wide": "W", "width": "W", "deep": "D", "depth": "D"}


def catalog_dimensions(value: str, sizes: list[str]) -> list[str]:
    """The catalog sizes that have the shopper's measurements, in order ("5x8" -> 5' x 8'; "84 inches long" ->
    every size with an 84)."""
    span = _RANGE.search(value)
    if span:  # "roughly 29 to 30 inches high": a size whose height (or any measure) is within
        low, high = sorted((float(span.group(1)), float(span.group(2))))
        letter = next((mark for word, mark in _DIMENSION_WORDS.items() if re.search(rf"\b{word}\b", value, re.I)), None)
        out = []
        for size in sizes:
            measures = re.findall(r"(\d+(?:\.\d+)?)\s*(?:\"|'|in\b|cm\b)?\s*([WDHL])?\b", size)
            if any(low <= float(n) <= high and (letter is None or mark == letter) for n, mark in measures):
                out.append(size)
        return out
    wanted = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", value)]
    if not wanted or (len(wanted) < 2 and not _UNIT.search(value)):
        return []  # "for six" is no measurement: two numbers ("5x8") or a unit ("84 inches") are
    out = []
    for size in sizes:
        have = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", size)]
        i = 0
        for number in have:  # the wanted numbers appear in this order
            if i < len(wanted) and number == wanted[i]:
                i += 1
        if i == len(wanted):
            out.append(size)
    return out


def catalog_sizes_at_least(value: str, sizes: list[str]) -> list[str]:
    """The catalog's two-measure sizes at least as big as the shopper's both ways ("8x10 or bigger" -> 9' x 12')."""
    wanted = sorted(float(n) for n in re.findall(r"\d+(?:\.\d+)?", value))
    if len(wanted) != 2:
        return []
    out = []
    for size in sizes:
        if '"' in size or re.search(r"\b(?:in|cm)\b", size):
            continue  # measured in inches: not the same kind of size
        have = sorted(float(n) for n in re.findall(r"\d+(?:\.\d+)?", size))
        if len(have) == 2 and have[0] >= wanted[0] and have[1] >= wanted[1]:
            out.append(size)
    return out


# A colour and the catalog colours that are shades of it: offered (and said so) when nothing has the colour itself.
COLOUR_SHADES = {"green": ("emerald", "olive", "sage", "teal"), "blue": ("navy", "teal"), "grey": ("charcoal",),
                 "white": ("ivory", "cream"), "brown": ("espresso", "walnut"), "yellow": ("mustard",), "pink": ("blush pink",),
                 "red": ("rust", "terracotta"), "orange": ("rust", "terracotta"), "beige": ("cream", "natural", "ivory")}


# The shades a softer or a deeper word asks for as well: "soft green" sage and olive, "deep blue" navy.
LIGHT_SHADES = {"green": ("sage", "olive"), "white": ("ivory", "cream"), "pink": ("blush pink",), "yellow": ("mustard",),
                "beige": ("cream", "natural", "ivory"), "brown": ("natural", "natural oak", "honey pine")}
LIGHT_WOODS = ("natural", "natural oak", "honey pine")  # "light wood"
NEUTRALS = ("white", "ivory", "cream", "beige", "natural", "grey", "charcoal", "taupe", "greige", "stone", "sand")  # "more neutral"
DARK_WOODS = ("walnut", "espresso", "dark walnut", "mahogany")  # "dark wood"
DARK_COLOURS = ("black", "charcoal", "navy", *DARK_WOODS)  # "nothing dark, my room barely gets any light"
DEEP_SHADES = {"green": ("emerald", "olive"), "blue": ("navy",), "grey": ("charcoal",), "brown": ("espresso", "walnut"),
               "red": ("rust", "terracotta"), "orange": ("rust", "terracotta")}


def shades_of(colours: list[str], catalog_colours: list[str]) -> list[str]:
    """The catalog colours that are shades of the asked ones ("green" -> emerald, olive, sage), not those asked."""
    asked = {c.lower() for c in colours}
    wanted = {shade for c in asked for shade in COLOUR_SHADES.get(c, ())}
    return [c for c in catalog_colours if c.lower() in wanted and c.lower() not in asked]


def material_label(materials: list[str]) -> str:
    """Materials said back the way the shopper would: ["oak", "solid oak"] -> "oak"; every wood -> "wood"."""
    word_sets = [set(_key(m).split()) for m in materials]
    common = set.intersection(*word_sets) if word_sets else set()
    if len(materials) > 1 and common == {"solid"}:
        return "solid wood"  # ["solid oak", "solid wood"]
    if len(materials) > 1 and len(common) == 1:
        return common.pop()
    # "linen shade" is said as "linen" when linen is there too: ["velvet", "linen", "linen shade"] -> "velvet or linen"
    materials = [m for m, ws in zip(materials, word_sets) if not any(o < ws for o in word_sets)]
    word_sets = [set(_key(m).split()) for m in materials]
    if len(materials) > 2:
        for family, words in _MATERIAL_FAMILIES.items():
            if all(ws & set(words) for ws in word_sets):
                return family
    return " or ".join(materials).lower()


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def _add(values: list[str], value: str) -> list[str]:
    return values if value.lower() in _lower(values) else [*values, value]


def _remove(values: list[str], value: str) -> list[str]:
    return [v for v in values if v.lower() != value.lower()]


def is_new_request(current: SearchFilter, slots: dict) -> bool:
    """A search naming another category starts a new request."""
    category = slots.get("category")
    if not category or not current.categories:
        return False
    wanted = category if isinstance(category, list) else [category]
    return not set(_lower(wanted)) & set(_lower(current.categories))


def catalog_sizes_named(value: str, sizes: list[str]) -> list[str]:
    """Every catalog size that names the shopper's size word ("king" -> King, California King)."""
    key = _key(_SIZE_NOISE.sub(" ", value.lower()))
    key = _SIZE_ALIASES.get(key, key)
    words = set(key.split())
    return [s for s in sizes if words and words <= set(_key(s).split())]


def _grounded_filters(slots: dict, vocabulary: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Material, style and size slots as the catalog values they name (SearchFilter field -> values).

    Without a vocabulary the stated value is used as it is; a value the catalog does not have
    sets no filter (the word still steers the text search)."""
    out: dict[str, list[str]] = {}
    for prefix in ("", "exclude_"):
        for slot, field in (("material", "materials"), ("style", "styles"), ("size", "sizes")):
            said = slots.get(prefix + slot)
            # exclusions may come as a list ("no glass or marble"); a stated value is one string
            for value in (said if isinstance(said, list) else [said]):  # "mesh or fabric": either
                if not value or not isinstance(value, str):
                    continue
                if vocabulary is None:
                    found = [value]
                elif slot == "material":
                    found = catalog_materials(value, vocabulary.get("materials", []))
                elif slot == "size" and prefix:
                    found = catalog_sizes_named(value, vocabulary.get(field, []))  # "not king": no California King either
                else:
                    match = catalog_size if slot == "size" else catalog_value
                    one = match(value, vocabulary.get(field, []))
                    found = [one] if one else (catalog_dimensions(value, vocabulary.get(field, [])) if slot == "size" else [])
                if found:
                    out[prefix + field] = list(dict.fromkeys([*out.get(prefix + field, []), *found]))
    return out


def apply_slots(f: SearchFilter, slots: dict, *, reference_price: float | None = None,
                vocabulary: dict[str, list[str]] | None = None) -> SearchFilter:
    """The filter after this turn's slots. Newer statements replace older ones of the same kind.

    Brand, colour, category, material, style and size are hard constraints; material, style and
    size are matched against the catalog's ``vocabulary`` (see ``_grounded_filters``)."""
    f = f.model_copy(deep=True)
    for field, values in _grounded_filters(slots, vocabulary).items():
        if field.startswith("exclude_"):
            include_field = field.removeprefix("exclude_")
            setattr(f, field, list(dict.fromkeys([*getattr(f, field), *values])))
            setattr(f, include_field, [v for v in getattr(f, include_field) if v.lower() not in _lower(values)])
        else:
            setattr(f, field, values)
            setattr(f, f"exclude_{field}", [v for v in getattr(f, f"exclude_{field}") if v.lower() not in _lower(values)])
    for slot, field in _INCLUDE.items():
        value = slots.get(slot)
        if value:
            values = list(value) if isinstance(value, list) else [value]
            setattr(f, field, values)
            exclude_field = f"exclude_{field}"
            for v in values:
                setattr(f, exclude_field, _remove(getattr(f, exclude_field), v))
    for slot, (field, include_field) in _EXCLUDE.items():
        said = slots.get(slot)
        for value in said if isinstance(said, list) else [said]:
            if value and isinstance(value, str):
                setattr(f, field, _add(getattr(f, field), value))
                setattr(f, include_field, _remove(getattr(f, include_field), value))
    if slots.get("price_max") is not None:
        f.price_max = float(slots["price_max"])
        if f.price_min is not None and f.price_min > f.price_max and slots.get("price_min") is None:
            f.price_min = None
    if slots.get("price_min") is not None:
        f.price_min = float(slots["price_min"])
        if f.price_max is not None and f.price_max < f.price_min and slots.get("price_max") is None:
            f.price_max = None
    if slots.get("dimension_max") or slots.get("dimension_min"):  # "max 30 inches wide": replaces what was said of the width
        said = {**slots.get("dimension_max", {}), **slots.get("dimension_min", {})}
        f.dimension_max = {**{k: v for k, v in f.dimension_max.items() if k not in said}, **slots.get("dimension_max", {})}
        f.dimension_min = {**{k: v for k, v in f.dimension_min.items() if k not in said}, **slots.get("dimension_min", {})}
    if slots.get("min_rating") is not None:
        f.min_rating = float(slots["min_rating"])  # "at least 4.5 stars"
    if slots.get("in_stock"):
        f.in_stock_only = True
    if slots.get("exclude_word"):
        f.exclude_words = _add(f.exclude_words, str(slots["exclude_word"]))
        refused = set(str(slots["exclude_word"]).lower().split())  # "not the gaming ones" after gaming chairs
        f.title_words = [w for w in f.title_words if w.lower() not in refused]
    if slots.get("title_words"):
        f.title_words = list(slots["title_words"])  # "a sofa bed": the sleeper sofas
    relative = slots.get("price_relative")
    if relative == "lower" and slots.get("price_max") is not None and slots.get("price_min") is None and f.price_max is not None:
        f.price_max = round(float(slots["price_max"]) - 0.01, 2)  # "oof $1,399. anything cheaper?": under it, not it again
    if relative and reference_price is not None and slots.get("price_max") is None and slots.get("price_min") is None:
        if relative == "lower":
            f.price_max = round(reference_price - 0.01, 2)
            if f.price_min is not None and f.price_min > f.price_max:
                f.price_min = None
        else:
            f.price_min = round(reference_price + 0.01, 2)
            if f.price_max is not None and f.price_max < f.price_min:
                f.price_max = None
    return f


def _money(value: float) -> str:
    return f"${value:,.0f}" if value == int(value) else f"${value:,.2f}"


def _categories_said(categories: list[str]) -> str:
    """["Armchairs", "Dining Chairs", "Office Chairs"] -> "chairs"; one or two are named."""
    if not categories:
        return "products"
    if len(categories) > 2:
        head = categories[-1].split()[-1]
        if all(singular(c).endswith(singular(head)) for c in categories):
            return head.lower()
    # a broad category named by an adjective is said with a noun: "Outdoor" -> "outdoor furniture"
    return " or ".join(f"{c} furniture" if c.lower() == "outdoor" else c for c in categories).lower()


def attribute_label(key: str, value: str) -> str:
    """A required free attribute in words: "dimmable", "not foldable", "for 2", "blackout light control"."""
    if value == "yes":
        return key
    if value == "no" and key.endswith(" required"):
        return f"no {key.removesuffix(' required')} needed"  # "assembly required: no"
    if value == "no":
        return f"not {key}"
    if key == "seats":
        return f"for {value}"
    if value in ("firmer", "softer"):
        return value  # "firmer mattresses"
    return value if key in value or value in key else f"{value} {key}"  # "blackout light control", "firm"


_QUALITY = re.compile(r"(?:able|ible|ing|ant|proof|friendly|compatible|outdoor|desk)$")


def _is_part(key: str, value: str) -> bool:
    """A wished feature that is a part the product has ("storage drawers", "lumbar support", "cushions included"),
    said after the kind with "with", unlike a quality said before it ("dimmable", "waterproof")."""
    return value == "yes" and not _QUALITY.search(key.lower())


def minimum_label(key: str, least: float) -> str:
    """A required minimum in words: "for 6+" (seats), "for a 75-inch TV", "weight capacity 300+"."""
    if key == "seats":
        return f"for {least:g}+"
    if "tv" in key.split() or "tvs" in key.split():
        return f"for a {least:g}-inch TV"
    return f"{key} {least:g}+"


def price_phrase(f: SearchFilter) -> str:
    """The budget in words: "under $800", "between $200 and $400", "over $1,000"; "" without one."""
    if f.price_min is not None and f.price_max is not None:
        return f"between {_money(f.price_min)} and {_money(f.price_max)}"
    if f.price_max is not None:
        return f"under {_money(critique_bound(f.price_max))}"
    if f.price_min is not None:
        return f"over {_money(critique_bound(f.price_min))}"
    return ""


def critique_bound(value: float) -> float:
    """A bound as the shopper would say it: "cheaper" than $929 keeps prices up to $928.99, said "under $929"."""
    cents = round(value * 100) % 100
    return round(value + 0.01, 2) if cents == 99 else round(value - 0.01, 2) if cents == 1 else value


def either(values: list[str]) -> str:
    """ "green", "green or olive", "green, sage or olive"."""
    return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else "".join(values)


# a kind left out by its head word, said as a kind ("dining chairs not stools")
_KIND_PLURALS = {"stool": "stools", "bench": "benches", "ottoman": "ottomans", "pouf": "poufs", "rocker": "rockers",
                 "recliner": "recliners", "futon": "futons"}


def describe(f: SearchFilter) -> str:
    """Human-readable summary of the constraints, e.g. 'gray sofas under $800, not IKEA'."""
    parts: list[str] = []
    kind = _categories_said(f.categories)
    # "standing desk: yes" under desks: "standing desks", not "standing desk desks"
    named = next((k for k, v in f.attributes.items() if v != "no" and kind and " " not in kind
                  and singular(k.lower()).endswith(" " + singular(kind))), None)  # ("electric standing desks" too)
    wished = [k for k, v in f.attributes.items() if v != "no" and k != "seats" and k != named]
    parts += [attribute_label(k, f.attributes[k]) for k in wished if not _is_part(k, f.attributes[k])]  # "dimmable"
    if f.colors:
        parts.append(either(f.colors).lower())
    if f.styles:
        parts.append(" or ".join(f.styles).lower())
    if f.materials:
        parts.append(material_label(f.materials))
    if f.title_words:
        parts.append(" or ".join(f.title_words))
    parts.append(f"{attribute_label(named, f.attributes[named])}s" if named else kind)
    if len(f.sizes) > 3:
        parts.append("in the sizes asked for")  # "29 to 30 inches high": every size with such a height
    elif f.sizes:
        parts.append("in " + " or ".join(f.sizes) + " size")
    if f.dimension_max or f.dimension_min:
        parts.append(limits_label(f.dimension_max, f.dimension_min))
    with_parts = [k.removesuffix(" included") for k in wished if _is_part(k, f.attributes[k])]
    if with_parts:
        parts.append("with " + either(with_parts))  # "beds with storage drawers", "patio sets with cushions"
    if f.brands:
        parts.append("from " + " or ".join(f.brands))
    if price_phrase(f):
        parts.append(price_phrase(f))
    excluded = [*f.exclude_brands, *f.exclude_colors, *([material_label(f.exclude_materials)] if f.exclude_materials else []),
                *f.exclude_styles, *f.exclude_categories, *(_KIND_PLURALS.get(w.lower(), w) for w in f.exclude_words),
                *(f"{s} size" for s in f.exclude_sizes)]
    excluded = list({e.lower(): e for e in reversed(excluded)}.values())[::-1]  # "no brass": the colour and the material
    if excluded:
        parts.append("not " + (", ".join(excluded[:-1]) + " or " + excluded[-1] if len(excluded) > 1 else excluded[0]))
    if f.min_rating:
        parts.append(f"rated {f.min_rating:g}+")
    if f.in_stock_only:
        parts.append("in stock")
    parts += [minimum_label(key, least) for key, least in f.attribute_min.items()]
    parts += [attribute_label(k, v) for k, v in f.attributes.items() if v == "no" or k == "seats"]
    return " ".join(parts)


def reference_price(products: list[Product]) -> float | None:
    """The price a relative critique ('cheaper') is measured against: the median shown."""
    prices = sorted(p.price for p in products if p.price is not None)
    if not prices:
        return None
    return prices[len(prices) // 2]


_SIZE_WORDS = {
    "xxs": 0, "xs": 1, "s": 2, "small": 2, "m": 3, "medium": 3, "l": 4, "large": 4, "xl": 5, "xxl": 6,
    "twin": 10, "twin xl": 11, "full": 12, "double": 12, "queen": 13, "king": 14, "california king": 15, "cal king": 15,
}


def size_value(product: Product) -> float | None:
    """A comparable size: an ordinal for named sizes (S < M < L, Twin < Queen < King), else the first number."""
    import re

    text = (product.size or product.attributes.get("size") or product.attributes.get("width") or "").strip().lower()
    if not text:
        return None
    for word in sorted(_SIZE_WORDS, key=len, reverse=True):
        if re.search(rf"\b{re.escape(word)}\b", text):
            return float(_SIZE_WORDS[word])
    number = re.search(r"\d+(?:\.\d+)?", text)
    return float(number.group()) if number else None


def satisfies_size(product: Product, bound: tuple[str, float] | None) -> bool:
    if bound is None:
        return True
    value = size_value(product)
    if value is None:
        return False
    direction, reference = bound
    return value > reference if direction == "bigger" else value < reference


_SEATS = re.compile(r"\b(\d{1,2})\s*(?:-|–|to)\s*\d{1,2}\s+(?:people|persons?|guests|ppl)\b"  # "for 4-6 people": at least 4
                    r"|\b(?:seats?|sits?|seating|for|fits)\s+(?:at least\s+|min(?:imum)?\s+|up to\s+)?(\d{1,2}|two|three|four|five|six|"
                    r"seven|eight|nine|ten|twelve)\b(?!\s*(?:\$|dollars?|bucks|usd|eur|%|inch|in\b|\"|'|cm|ft|x\b|"
                    r"(?:whole\s+|full\s+)?(?:weeks?|days?|nights?|months?|years?|hours?|hrs?|mins?|minutes?)\b))"  # not "for two weeks"
                    r"|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s*\+|\s+or more|\s+plus)?[- ]"
                    r"(?:seater|people|persons?|guests|seats)\b"  # "6+ seats", "6 or more people"
                    # "has to fit at least 3 of us", "a family of five"
                    r"|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+of\s+us\b"
                    r"|\b(?:family|household)\s+of\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
                    re.IGNORECASE)
_JUST_SO_MANY = re.compile(r"\b(?:small|smaller|compact|little|tiny|bistro|intimate)\b", re.IGNORECASE)
# "our tiny 2 seater", "squeezed around a table for 4": the one they have
_OWNED_BEFORE = re.compile(r"\b(?:our|my|the old|current|existing|a?round (?:a|the|our|my))\s+(?:(?:\w+|\d+)\s+){0,3}$", re.IGNORECASE)
_JUST_BEFORE = re.compile(r"\b(?:just|only)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "just for two", "only the 2 of us"
_NEGATED_WORD = re.compile(r"\b(?:not|no|non|isn'?t|without|doesn'?t need to be)\s+(?:\w+\s+)?$", re.IGNORECASE)


# Other ways of asking for a yes/no feature than its name: (pattern, value the feature must have).
_PARAPHRASES = {
    # "do any of those work without a box spring? we've only got the mattress"
    "adjustable arms": [(r"\badjustable\s+arm\s*rests?\b|\barm\s*rests?\s+(?:that\s+)?(?:adjust|go up and down|move)\b", "yes")],
    "box spring required": [(r"\b(?:without|no need for|don'?t need|doesn'?t need|no|don'?t have|do not have|haven'?t got|"
                             r"dont have|don'?t want(?: to buy)?|do not want(?: to buy)?)\s+(?:a\s+)?box\s*springs?\b", "no"),
                            # "i don't have a box spring so ...", "ugh i don't want to buy a box spring too. only ones that don't need one"
                            (r"\bbox\s*springs?\b.{0,60}\b(?:don'?t|do not|doesn'?t|does not)\s+need\s+(?:one|it|them)\b", "no"),
                            # "please not one that needs a box spring, we dont have one"
                            (r"\b(?:not|no)\s+(?:one|ones|a bed|beds|any)\s+(?:that|which)\s+(?:needs?|requires?)\s+(?:a\s+)?box\s*springs?\b", "no")],
    # "a rug to go under the patio table, it has to be ok outdoors", "do you have an outdoor rug", "a rug that can actually
    # live outside"
    "indoor/outdoor": [(r"\b(?:ok|okay|fine|good|safe|made|meant|suitable)\s+(?:for\s+|to\s+(?:use|go|stay|live)\s+)?(?:outdoors|outside)\b"
                        r"|\boutdoor\s+(?:rugs?|use|one|ones)\b|\bindoor\s+outdoor\b|\b(?:can|could)\s+(?:actually\s+|really\s+|happily\s+)?"
                        r"(?:go|stay|live|be used|be left)\s+"
                        r"(?:outdoors|outside)\b", "yes")],
    # "something that wont fade in the sun"
    "uv resistant": [(r"\b(?:won'?t|wont|doesn'?t|does not|will not|not going to|that don'?t)\s+fade\b|\bfade[\s-]?(?:proof|resistant)\b"
                      r"|\buv[\s-]?(?:resistant|proof|protected|protection)\b", "yes")],
    "dimmable": [(r"\b(?:that|which|can|to|you can|i can)\s+(?:\w+\s+)?dims?\b|\bdimm(?:er|ing)\b|\bdimmable\b", "yes")],  # "only ones that dim please"
    "machine washable": [(r"\b(?:washing machine|in the wash(?:er)?|machine wash(?:ed)?|wash it in the machine)\b", "yes"),
                         (r"\b(?:i|we|u|you) can (?:just )?wash\b|\bcan be washed\b", "yes"),  # "something i can wash pls"
                         (r"\bwashable\b", "yes")],  # "under 50 and washable please" (where only machine washing is listed)
    "assembly required": [
        (r"\b(?:no assembly|(?:comes?|arrives?|delivered|already|fully) (?:pre )?assembled|pre assembled|"
         r"(?:without|no need (?:for|to)) (?:any )?assembl\w*|(?:doesn'?t|does not|don'?t|do not|won'?t|wouldn'?t) "
         r"(?:need|require|have) (?:any |to be )?assembl\w*|no tools"
         # "nothing that needs assembly, i cant face an allen key tonight"
         r"|(?:nothing|none|not one|not anything|no ones?)\s+(?:that|which)\s+(?:needs?|requires?)\s+(?:any\s+)?assembl\w*)\b", "no"),
        (r"(?<!nothing that )(?<!none that )(?<!nothing which )\b(?:needs? assembly|requires? assembly|assembly needed)\b", "yes"),
    ],
    "smart compatible": [(r"\b(?:smart(?: home)?(?: compatible| enabled| ready)?|works? with (?:alexa|google)|alexa|google home)\b"
                          # "a floor lamp i can control from my phone"
                          r"|\b(?:control|turn (?:it |them )?(?:on|off)|switch (?:it |them )?(?:on|off))\s+(?:it\s+|them\s+)?(?:from|with|on|via)\s+"
                          r"(?:my|your|the|a)\s+(?:phone|app|tablet)\b|\bapp[- ]controlled\b", "yes")],
    "set of": [(r"\b(?:(?:a )?(?:set|pack|pair)s? of (\d|two|three|four)|(\d) pack|comes? in (?:a )?pairs?|sold in pairs?)\b", "")],
    # "ideally one i can stand at", "a sit-stand one"
    "standing desk": [(r"\b(?:can|could|to)\s+stand\s+(?:up\s+)?(?:at|while|to work)\b|\bsit[- ](?:(?:to|and|or)[- ])?stand\b"
                       r"|\bstand(?:ing)?\s+up\s+(?:while|to)\s+work"
                       # "he likes to stand up when he studies"
                       r"|\bstand(?:s|ing)?\s+(?:up\s+)?(?:when|while|as)\s+(?:he|she|i|we|they|you)\s+(?:work|works|working|study|"
                       r"studies|studying|game|games|gaming)\b"
                       # "one that goes up and down would be sick"
                       r"|\b(?:goes|go|going|moves?)\s+up\s+and\s+down\b|\bheight[- ]adjustable\b|\badjustable\s+height\b"
                       r"|\bstanding\s+(?:one|ones)\b", "yes")],  # "has to be a standing one tbh" (of desks)
    # "a bed frame with drawers underneath" (of a kind that lists "storage drawers")
    # "something with storage underneath", "under-bed storage"
    "storage drawers": [(r"\b(?:with|has|have|got|having)\s+(?:some\s+|built[- ]in\s+)?drawers\b|\b(?:drawers|storage)\s+"
                         r"(?:underneath|under(?:neath)?\s+(?:it|the bed|the frame))\b|\bunder[- ]?bed\s+(?:storage|drawers)\b"
                         r"|\b(?:with|has|have|got|having)\s+(?:some\s+|built[- ]in\s+)?storage\b|\bstorage beds?\b", "yes")],
    # "a queen mattress that actually sleeps cool", "stays cool at night"
    "cooling": [(r"\b(?:sleeps?|sleeping|stays?|keeps? (?:you|me|us)|runs?)\s+(?:nice and\s+|really\s+)?cool(?:er)?\b", "yes")],
    # "it has to hide the mess of cables", "somewhere to hide the wires"
    "cable management": [(r"\b(?:hides?|hiding|hidden|conceals?|concealing|tidy|tidies|tidying|keeps? tidy|manages?|managing|route|"
                          r"routes?|routing|organi[sz]e|organi[sz]es|deal with|sort out)\s+(?:away\s+)?(?:all\s+)?(?:the\s+|my\s+|our\s+|"
                          r"those\s+|them\s+)?(?:(?:mess|tangle|nest|spaghetti|jungle)\s+of\s+(?:the\s+)?)?(?:messy\s+|ugly\s+|"
                          r"tangled\s+)?(?:cables?|wires?|wiring|cords?|leads?)\b", "yes")],
    # "something with drawers that close softly, my father in law is a light sleeper"
    "soft-close drawers": [(r"\bdrawers?\s+(?:that\s+|which\s+)?(?:close|shut)\s+(?:softly|quietly|gently|silently)\b"
                            r"|\b(?:quiet|silent)\s+drawers?\b", "yes")],
    # "washable covers are a must", "covers that zip off"
    "removable cushion covers": [(r"\b(?:washable|removable|zip[- ]?off|take[- ]?off)\s+(?:sofa\s+|seat\s+|cushion\s+)?covers?\b"
                                  r"|\bcovers?\s+(?:that\s+)?(?:come|comes|zip|zips)\s+off\b"
                                  r"|\bcovers?\s+(?:have|has|need|needs)\s+to\s+come\s+off\b"  # ("covers have to come off and go in the wash")
                                  r"|\bcovers?\s+(?:that\s+)?(?:i|we|you)\s+can\s+(?:wash|take off|remove|zip off)\b", "yes")],
    "pet friendly": [(r"\b(?:pet (?:proof|safe)|(?:dog|cat) (?:friendly|proof|safe)|(?:good|safe|great|fine|ok) (?:with|for) (?:pets?|dogs?|cats?)"
                      # "a rug ... that can handle a muddy labrador"
                      r"|(?:handle|cope with|take|deal with)\s+(?:a |an |my |our |the |two |2 )?(?:muddy |hairy |big |messy )?"
                      r"(?:dogs?|cats?|pets?|puppy|puppies|labradors?|labs?|retrievers?))\b", "yes"),
                     # "2 dogs + a cat ... a rug that can survive them"
                     (r"\b(?:survives?|withstands?|stands? up to|holds? up (?:to|against))\s+(?:my |our |the |two |2 |a |an |three |3 )?"
                      r"(?:dogs?|cats?|pets?|puppy|puppies|kittens?)\b|(?:dogs?|cats?|pets?|puppy|puppies|kittens?|🐶|🐱)\W.{0,80}?"
                      r"\b(?:survive|withstand|stand up to|hold up (?:to|against))\s+(?:them|it|those|the lot)\b", "yes")],
    # "any colour is fine as long as the shelves are adjustable", "shelves you can move"
    "adjustable shelves": [(r"\bshel(?:f|ves)\s+(?:are|is|that are|which are|that'?s|being)\s+(?:fully\s+)?adjustable\b"
                            r"|\bshel(?:f|ves)\s+(?:that\s+)?(?:i|we|you)\s+can\s+(?:adjust|move)\b", "yes")],
    # "a patio dining set that can handle rain", "folding chairs ... that can stay out in the rain", "lounge chairs for the
    # deck that i can leave out in the rain"
    "waterproof": [(r"\b(?:handle|handles|take|takes|survive|survives|withstand|withstands|stand up to|stands up to|cope with|"
                    r"copes with|fine in|ok in|okay in|(?:leave|leaves|leaving|left)\s+(?:it\s+|them\s+)?out(?:side)?\s+in|"
                    r"(?:stay|stays|be|sit|sits|live|lives)\s+out(?:side)?\s+in)"
                    r"\s+(?:the\s+|some\s+|a\s+(?:bit of\s+|little\s+)?)?(?:rain|wet|weather)\b"  # "can be left out in the wet"
                    r"|\brain[- ]?proof\b|\bweather[- ]?proof\b"
                    # "it has to be ok if it rains", "fine when it rains"
                    r"|\b(?:ok|okay|fine|alright|good)\s+(?:if|when|in case)\s+it\s+(?:rains|gets rained on|pours)\b"
                    # "cheap chairs for outside that can get wet", "won't mind getting wet"
                    r"|\b(?:can|could|will|won'?t mind|don'?t mind|able to)\s+(?:get|getting)\s+(?:a bit\s+|a little\s+|soaked\s+|)wet\b", "yes")],
}


def _feature_paraphrases(key: str) -> list[tuple[str, str]]:
    """(pattern, value) pairs that ask for ``key`` without naming it: the table above, and "with the insert" /
    "comes with cushions" for an "<thing> included" feature."""
    found = list(_PARAPHRASES.get(key, []))
    thing = re.fullmatch(r"(\w+) included", key)
    if thing:
        noun = re.escape(thing.group(1))
        found.append((rf"\b(?:without|no|minus) (?:the |an? |its |their )?{noun}(?:e?s)?\b", "no"))
        found.append((rf"\b(?:with|including|incl|comes? with) (?:the |an? |its |their )?{noun}(?:e?s)?\b", "yes"))
    return found


# A value said as the trouble, not the wish: "way too soft", "so soft I sink right into it", "pull chains drive me
# mad", "I hate the rotary ones"
_TROUBLE = (r"\btoo\s+{v}|\bso\s+{v}\b.{{0,20}}\b(?:sink|sag|roll)|\b{v}s?\s+(?:drives?|drove|driving)\s+(?:me|us)\s+(?:mad|crazy|nuts|insane|up the wall)"
            r"|\b{v}s?\s+(?:[a-z]+\s+)?(?:are|is)\s+(?:so\s+|really\s+|just\s+)?(?:annoying|a pain|fiddly|rubbish|the worst)"
            r"|\b(?:hate|can'?t stand)\s+(?:the\s+)?{v}"
            # "round won't fit our room tbh"
            r"|\b{v}\s+(?:ones?\s+|tables?\s+)?(?:won'?t|wouldn'?t|doesn'?t|don'?t|will not|would not|can'?t)\s+(?:fit|work)\b"
            # "soft ones please, firm ones give me a headache"
            r"|\b{v}\s+(?:ones?\s+)?(?:gives?|gave)\s+(?:me|us|him|her)\s+(?:a\s+)?(?:headache|backache|neck ache|a stiff neck|a sore \w+)"
            r"|\b{v}\s+(?:ones?\s+)?(?:hurts?|kills?|wrecks?)\s+(?:my|his|her|our)\s+(?:neck|back|shoulders?)"
            # "our mattress has gone all saggy and soft"
            r"|\b(?:gone|going|got|getting|become|becoming)\s+(?:all\s+|really\s+|too\s+|so\s+|way\s+too\s+)?(?:\w+\s+and\s+)?{v}\b")


def _words_pattern(value: str) -> str:
    """A pattern for ``value``'s words as said, with any spacing between them ("medium firm", "medium  firm")."""
    return r"\s+".join(re.escape(w) for w in _key(value).split())


def _said_as_trouble(value: str, lowered: str) -> bool:
    """Whether ``value`` is said as the trouble, not the wish ("way too soft", "so soft I sink right into it")."""
    return bool(re.search(_TROUBLE.format(v=_words_pattern(value)), lowered))


def asked_attributes(text: str, products: list) -> tuple[dict[str, str], dict[str, float]]:
    """Listed attributes of the request's products that the message asks for: a yes/no feature by name ("a
    dimmable floor lamp", "machine washable", "not foldable", "with cable management"), a value of a
    descriptive attribute ("blackout" light control, an "electric" standing desk, a "medium firm" mattress),
    "seats 6" / "for 6 people" when they list seats, and "fits an 85 inch tv" when they list the TV size."""
    features: set[str] = set()
    some: set[str] = set()
    values: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    numeric: set[str] = set()
    for p in products:
        for key, value in (p.attributes or {}).items():
            key, value = key.lower(), str(value).strip().lower()
            if value in ("yes", "no"):
                features.add(key)
            elif re.match(r"\d", value):
                numeric.add(key)
            elif value not in ("none", "n/a", "") and len(value) >= 4:
                values.setdefault(key, set()).add(value)
            elif value == "none":
                some.add(key)  # "headboard: none": "with a headboard" asks for any other value
            elif value not in ("none", "n/a", ""):
                short.setdefault(key, set()).add(value)  # "low" pile height: only said with its name ("a low pile")
    lowered = " " + re.sub(r"[-_/]", " ", text.lower()) + " "
    required: dict[str, str] = {}
    for key in sorted(features | (numeric & set(_PARAPHRASES))):
        for pattern, value in _feature_paraphrases(key):
            match = re.search(pattern, lowered)
            if match:
                if not value:  # a count said ("a set of 2", "sold in pairs")
                    said = next((g for g in match.groups() if g), "2")
                    value = str({"two": 2, "three": 3, "four": 4}.get(said, said))
                    if value not in {str(p.attributes.get(key, "")).strip() for p in products}:
                        break
                    required[key] = value
                    lowered = lowered[: match.start()] + " " * (match.end() - match.start()) + lowered[match.end():]
                    break
                negated = _NEGATED_WORD.search(lowered[: match.start()][-25:])
                required[key] = value if not negated else ("no" if value == "yes" else "yes")
                lowered = lowered[: match.start()] + " " * (match.end() - match.start()) + lowered[match.end():]
                break
        if key not in features:
            continue
        words = _key(key).split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        if len(words) >= 3:  # "removable covers" for "removable cushion covers"
            pattern = (re.escape(words[0]) + r"\s+(?:" + r"\s+".join(re.escape(w) for w in words[1:-1]) + r"\s+)?"
                       + re.escape(words[-1]))
        if len(words) == 1 and key.endswith("able") and len(key) > 7:
            root = key[:-4]
            # "something I can dim", "one that dims"
            single = (rf"|(?:can|could|to|will) {re.escape(root[:-1])}|(?:that|which) {re.escape(root[:-1])}s"
                      if root[-1] == root[-2] else "")
            pattern = rf"(?:{pattern}|{re.escape(root)}(?:s|ing|ed|er)?(?:\s+up)?{single})"  # "fold up", "stacking", "a dimmer"
        for match in re.finditer(rf"\b{pattern}(?:e?s)?\b", lowered):  # "any standing desks"
            required[key] = "no" if _NEGATED_WORD.search(lowered[: match.start()][-25:]) else "yes"
            lowered = lowered[: match.start()] + " " * (match.end() - match.start()) + lowered[match.end():]
    # "the whole family comes round for brunch", "all year round", "dinner squeezed round the kitchen counter": no round table
    lowered = re.sub(r"\b(?:come|comes|came|coming|pop|pops|popped|popping|go|goes|going|went|get|gets|getting|all year|"
                     r"year|turn|turns|turned|look|looked|looking|walk|walked|run|ran|show (?:you|them|him|her)|"
                     # (not "do you have round ones?", "have any round tables")
                     # (nor "it has to be round")
                     r"(?:have|has|having|had|invite|invited|inviting|ask|asked)\s+(?:(?!any\b|some\b|a\b|an\b|got\b|to\b|be\b)\w+\s+){1,2})round\b"
                     # "having friends round for dinner"
                     r"|\bround\s+(?:for|to)\s+(?:dinner|lunch|brunch|tea|drinks|coffee|a meal|supper|breakfast|games?)\b"
                     r"|\bround\s+(?:the|my|our|his|her|their|that|this)\b"  # "squeezed round the kitchen counter"
                     r"|\b(?:squeez|cramm|crowd|huddl|gather|sit|sat)\w*\s+round\b",  # "eight of us squeezed round a table for four"
                     lambda m: " " * len(m.group(0)), lowered)
    # "one i can just prop against the wall, no drilling": one that leans
    lowered = re.sub(r"\b(?:prop|props|propped|propping|stand|stands|standing|rest|rests|resting)\s+(?:it\s+|them\s+)?(?:up\s+)?against\b",
                     "lean against", lowered)
    for key, options in values.items():
        said = [v for v in options  # "leans against the wall", "a leaning mirror": lean; "firmer ones only": firm(er);
                # "whats the firmest king you've got": firm
                if re.search(r"\b" + _words_pattern(v)
                             + (r"(?:s|ing|ed|er|est)?\b" if v in ("firm", "soft") else r"(?:s|ing|ed)?\b"), lowered)]
        if not said:  # "organic cotton sheets": "GOTS organic", by the one word of it no other value has
            said = [v for v in options if len(_key(v).split()) > 1 and len(last := _key(v).split()[-1]) >= 5
                    and not any(last in _key(o).split() for o in options if o != v) and last not in _key(key).split()
                    and re.search(rf"\b{re.escape(last)}\b", lowered)]
        placed = [v for v in said if re.search(r"\b(?:against|on|to|from|by|near|next to|off)\s+(?:the|a|my|our)\s+(?:\w+\s+)?"
                                              + _words_pattern(v) + r"\b", lowered)]
        if placed and len(placed) < len(said):
            said = [v for v in said if v not in placed]  # "lean against the wall": leaning, the wall is where
        examples = [v for v in said if re.search(rf"\b{_words_pattern(key)}\b", lowered) and re.search(
            r"(?<!i )(?<!'d )(?<!would )\b(?:like|such as|e\.?\s?g\.?|say)\s+(?:a |an |the )?" + _words_pattern(v) + r"\b", lowered)]
        if examples:  # "any with storage? like a lift top": storage, a lift top one example of it
            said = [v for v in said if v not in examples]
        trouble = [v for v in said if _said_as_trouble(v, lowered)]
        if trouble and len(trouble) < len(said):
            said = [v for v in said if v not in trouble]  # "way too soft. need something firm": firm
        longest = max(said, key=len) if said else None
        if longest and all(v in longest for v in said):  # one value named ("medium firm" contains "firm")
            start = lowered.find(_key(longest).split()[0])
            if longest in ("firm", "soft") and re.search(rf"\b(?:nothing|not|no|none)\s+(?:too\s+|that'?s\s+(?:too\s+)?|overly\s+)?{longest}\b",
                                                         lowered):
                required[key] = {"soft": "firmer", "firm": "softer"}[longest]  # "she's 74 so nothing too soft": firmer ones
                continue
            # not "my mattress is way too soft", "so soft I sink right into it" (the trouble, not the wish)
            if not _NEGATED_WORD.search(lowered[:start][-25:]) and not _said_as_trouble(longest, lowered):
                if longest in ("firm", "soft") and re.search(rf"\b{longest}er\b", lowered) and not re.search(rf"\b{longest}\b", lowered):
                    longest += "er"  # "firmer ones only": any firm grade, "medium-firm" too
                required[key] = longest
    for key in sorted(some - set(required)):
        name = _words_pattern(key)
        said = re.search(rf"\b(?:(with|w|has|have|having|got|needs?)|(without|no))\s+(?:a|an|some)?\s*(?:(?:hidden|extra|built in|"
                         rf"more|enough|plenty of|lots of|some|good|proper|decent)\s+)?{name}s?\b", lowered)
        if said:  # "something with a headboard", "a bed without a headboard", "coffee table w (hidden) storage"
            required[key] = "no" if said.group(2) else "yes"
    for key, options in short.items():
        names = "|".join(re.escape(w) for w in _key(key).split() if len(w) >= 4)
        for value in options:
            said = re.search(rf"\b{re.escape(value)}(?:er|est)?\s+(?:\w+\s+)?(?:{names})\b", lowered) if names else None
            if said and key not in required and not _NEGATED_WORD.search(lowered[:said.start()][-25:]):
                required[key] = value
    least: dict[str, float] = {}
    for key in numeric - {"seats"} - set(_PARAPHRASES):
        words = _key(key).split()
        if len(words) != 1 or words[0] in ("warranty", "thickness"):
            continue  # a count of things ("drawers", "shelves", "panels"), not a measure
        match = (re.search(rf"\b(\d{{1,2}})\s*\+?\s+(?:or more\s+)?(?:\w+\s+)?{re.escape(words[0])}\b", lowered)
                 # "it needs drawers, at least 2"
                 or re.search(rf"\b{re.escape(words[0])}\W+(?:at least|min(?:imum)?|no fewer than)\s+(\d{{1,2}})\b(?!\s*(?:\$|dollars?|bucks))", lowered))
        if match:
            least[key] = float(match.group(1))
    if "thread count" in numeric:  # "a higher thread count, like 400+", "600 thread count sheets": at least that many
        said = re.search(r"\bthread\s*count\b\D{0,20}?(\d{3,4})\b|\b(\d{3,4})\s*\+?\s*(?:thread\s*count|tc)\b", lowered)
        if said:
            least["thread count"] = float(said.group(1) or said.group(2))
    for key in sorted(numeric & {"drawers", "shelves"}):  # "it needs drawers though": at least one
        said = re.search(rf"\b(?:with|needs?|has|have|having|got|wants?)\s+(?:some\s+|a few\s+|lots of\s+|plenty of\s+|"
                         rf"a couple of\s+|a\s+|at least (?:one|1|a)\s+)?{key[:-1]}s?\b", lowered)
        if said and key not in least and not _NEGATED_WORD.search(lowered[:said.start()][-25:]):
            least[key] = 1.0
    if "warranty" in numeric:  # "which sofas come with a 10 year warranty?": at least that long
        said = re.search(r"\b(\d{1,2})[\s-]*(?:years?|yrs?)\s+(?:of\s+)?warranty\b|\bwarranty of (?:at least )?(\d{1,2})\s*(?:years?|yrs?)\b",
                         lowered)
        if said:
            least["warranty"] = float(said.group(1) or said.group(2))
    for key in numeric:
        if "capacity" in key:  # "at least 350 lbs weight capacity", "holds 150 kg"
            said = re.search(r"\b(\d{2,4})\s*(lbs?|pounds|kg|kilos?)\b", lowered)
            if said:
                least[key] = float(said.group(1)) * (2.2046 if said.group(2).startswith("k") else 1.0)
    if "seats" in numeric:
        # the last count said of the wish: "we're 6 squeezed around a table for 4. Looking for a dining table that
        # seats 6", "watching a film on our tiny 2 seater ... a big sectional, room for 6 or more"
        said_seats = [m for m in _SEATS.finditer(text) if not _OWNED_BEFORE.search(text[:m.start()])
                      and not re.search(r"\d\s*(?:-|–|to)\s*$", text[:m.start()])]  # (the 6 of "for 4-6 people")
        match = said_seats[-1] if said_seats else None
        said = next(g for g in match.groups() if g).lower() if match else ""
        seats = int(said) if said.isdigit() else phrases.COUNTS.get(said, 0)
        if 1 <= seats <= 12:
            # "a small patio set for 2", "just for two of us"; not "we just moved in ... a table for 4"
            # ... and "a patio set for 2 people": a set for two (its chairs come with it; a table for 2 may seat 4)
            a_set = seats <= 2 and any(" set" in f" {(p.leaf_category or '').lower()}" for p in products)
            # "a 2 seater, under 1000": two seats (a four-seat sofa is no two-seater; "6+ seater" is six or more)
            seater = re.fullmatch(r"\w+[- ]seater", match.group(0).strip(), re.I) is not None
            # (not "he says its too small, it only seats 2. we need 3 seats at least": three or more)
            more = re.match(r"\s*(?:at least|or more|minimum|min\b|\+|plus\b)", text[match.end():], re.I)
            if a_set or seater or seats <= 4 and not more and (_JUST_SO_MANY.search(text[max(0, match.start() - 40):match.end()])
                                                               or _JUST_BEFORE.search(text[:match.start()])):
                required["seats"] = str(seats)
            else:
                least["seats"] = float(seats)
    tv = next((k for k in numeric if "tv" in k.split() or "tvs" in k.split()), None)
    if tv:
        match = re.search(r"\b(\d{2,3})\s*(?:\"|”|-?\s*inch(?:es)?|in\b)\s*(?:tv|television|telly|screen)", text, re.IGNORECASE)
        # ... or said of the TV named before: "our tv has been sitting on the floor ... it's a 65 inch"
        match = match or re.search(r"\b(?:tv|television|telly)\b.{0,80}?\b(?:it'?s|it is|is)\s+(?:a\s+)?(\d{2,3})\s*"
                                   r"(?:\"|”|-?\s*inch(?:es)?|in\b)(?!\s*(?:wide|long|deep|tall|high))", text, re.IGNORECASE)
        # ... or the TV talked about before: "it's a 65 inch if that matters" under TV stands
        match = match or re.match(r"\W*(?:(?:oh|and|ok|btw)\W+)?(?:it'?s|its|it is|ours is|mine is|the tv is)\s+(?:a\s+)?(\d{2,3})\s*"
                                  r"(?:\"|”|-?\s*inch(?:es)?|in\b)(?!\s*(?:wide|long|deep|tall|high))", text, re.IGNORECASE)
        # ... or what it is for: "need a stand for a 65 inch"
        match = match or re.search(r"\bfor\s+(?:a|an|our|my|the|his|her|their)\s+(?:new\s+|big\s+)?(\d{2,3})\s*(?:\"|”|-?\s*inch(?:es)?|in\b)"
                                   r"(?!\s*(?:wide|long|deep|tall|high))", text, re.IGNORECASE)
        if match:
            least[tv] = float(match.group(1))
    return required, least
