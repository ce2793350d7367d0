"""Shopper words for the catalog's own values: a synonym layer and typo tolerance.

Shoppers say "bedside table", "bookshelf", "bed frame", "duvet", "boho" or
"couch"; a catalog says "Nightstands", "Bookcases", "Beds", "Sheets & Duvets",
"bohemian" or "Sofas". ``GROUPS`` lists, per attribute, words that name the
same kind of thing. A phrase is grounded in a catalog's vocabulary by

1. its own spelling (case, plurals, hyphens: "mid century" = "mid-century");
2. a member of a compound catalog value ("sheets" -> "Sheets & Duvets");
3. a synonym group: the first member of the phrase's group (groups in order)
   that the catalog has ("bedside table" -> "Nightstands"; "minimalist" ->
   "minimalist" when sold, else "modern");
4. a small typo of any of those (difflib, one best value: "cofee table" ->
   "Coffee Tables", never a list of every "... Table").

The groups are generic shop vocabulary, not one catalog's: a target only counts
when the served catalog has it. Room and usage words ("home office",
"bedroom") are listed in ``ROOMS``: they describe where a product goes, not
what it is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache

# Each tuple: words for one kind of thing. Order matters twice: within a tuple the
# earlier members are preferred targets; across tuples the earlier group wins when a
# word is in several ("minimalist" is its own style, else a modern one).
GROUPS: dict[str, list[tuple[str, ...]]] = {
    "category": [
        ("sofa", "couch", "settee", "loveseat", "love seat", "davenport", "chesterfield", "sofa couch"),
        ("sectional", "sectional sofa", "sectional couch", "corner sofa", "corner couch", "l shaped sofa",
         "l shaped couch", "modular sofa", "modular couch", "sofa", "couch"),
        ("nightstand", "night stand", "nightstands", "bedside table", "bedside cabinet", "bedside stand",
         "bed side table", "night table", "bedside"),
        ("bookcase", "bookshelf", "book shelf", "bookshelves", "book case", "shelving unit", "shelving",
         "shelves", "shelf", "ladder shelf", "etagere", "cube storage", "cube shelf", "display shelf"),
        ("bed", "bed frame", "bedframe", "platform bed", "bedstead", "canopy bed", "storage bed",
         "upholstered bed", "sleigh bed", "panel bed", "four poster bed"),
        ("sheets & duvets", "sheets", "sheet", "sheet set", "bed sheets", "bedsheets", "bed sheet", "fitted sheet",
         "flat sheet", "duvet", "duvet cover", "duvet set", "duvet cover set", "doona", "comforter",
         "comforter set", "quilt", "quilt set", "bedspread", "coverlet", "bed linen", "bed linens", "linens",
         "bedding", "bedding set", "bed set"),
        ("bedding", "bed linen", "bed linens", "sheets", "duvet", "comforter", "quilt"),
        ("dresser", "chest of drawers", "chest", "bureau", "tallboy", "lowboy", "drawer chest",
         "dressing chest"),
        ("armchair", "arm chair", "accent chair", "lounge chair", "club chair", "reading chair", "wingback chair",
         "wing chair", "occasional chair", "swivel chair", "barrel chair"),
        ("tv stand", "tv console", "tv unit", "tv cabinet", "tv table", "tv bench", "television stand",
         "media console", "media cabinet", "media unit", "entertainment center", "entertainment unit"),
        ("coffee table", "cocktail table", "center table", "centre table", "living room table"),
        ("dining table", "kitchen table", "dinner table", "dining room table", "breakfast table"),
        ("dining chair", "kitchen chair", "dinner chair", "dining room chair", "bar stool", "counter stool",
         "stool", "barstool"),
        ("office chair", "desk chair", "task chair", "computer chair", "ergonomic chair", "gaming chair",
         "work chair", "swivel desk chair"),
        ("desk", "writing desk", "computer desk", "standing desk", "work desk", "workstation", "study desk",
         "sit stand desk", "home office desk"),
        ("rug", "area rug", "carpet", "rug runner", "runner rug", "floor rug", "runner", "hallway runner", "hall runner"),
        ("curtain", "curtains", "drape", "drapes", "drapery", "window panel", "curtain panel", "window curtain",
         "blackout curtain", "sheer"),
        ("throw pillow", "cushion", "decorative pillow", "accent pillow", "toss pillow", "scatter cushion",
         "pillow cover", "cushion cover", "sofa pillow", "couch pillow"),
        ("pillow", "bed pillow", "sleeping pillow", "head pillow"),
        ("mattress", "mattresses", "bed mattress"),
        ("table lamp", "desk lamp", "bedside lamp", "nightstand lamp", "reading lamp"),
        ("floor lamp", "standing lamp", "standard lamp", "torchiere", "arc lamp", "tall lamp"),
        ("lighting", "lights", "lamps", "light fixture"),
        ("mirror", "wall mirror", "floor mirror", "vanity mirror", "full length mirror", "looking glass"),
        ("patio set", "patio furniture", "patio furniture set", "outdoor dining set", "bistro set",
         "conversation set", "garden furniture", "garden set", "outdoor furniture set", "outdoor set",
         "patio dining set", "outdoor sectional", "patio sectional", "outdoor sofa", "patio sofa", "outdoor couch"),
        ("outdoor chair", "patio chair", "garden chair", "lawn chair", "adirondack chair", "deck chair",
         "outdoor lounge chair", "sun lounger", "porch chair"),
        ("decor", "home decor", "decoration", "decorations"),
    ],
    "style": [
        ("bohemian", "boho", "boho chic", "bohemian chic", "eclectic"),
        ("vintage", "retro", "antique", "old fashioned"),
        ("mid-century", "mid century", "midcentury", "mid-century modern", "mid century modern", "mcm",
         "retro", "fifties"),
        ("scandinavian", "scandi", "nordic", "scandinavian style", "danish", "swedish", "japandi"),
        ("farmhouse", "rustic", "country", "cottage", "modern farmhouse", "barnwood", "shabby chic"),
        ("coastal", "beachy", "nautical", "hamptons", "beach house", "seaside"),
        ("industrial", "industrial style"),
        ("traditional", "classic", "classical", "transitional"),
        ("minimalist", "minimal", "minimalistic"),
        ("modern", "contemporary", "minimalist", "minimal", "minimalistic"),
        ("glam", "glamorous", "hollywood regency", "luxe"),
    ],
    "color": [
        ("grey", "gray", "greyish", "grayish"),
        ("charcoal", "dark grey", "dark gray", "graphite"),
        ("navy", "navy blue", "dark blue", "midnight blue"),
        ("cream", "off white", "off-white", "ivory", "eggshell"),
        ("ivory", "off white", "cream"),
        ("beige", "tan", "sand", "camel", "oatmeal", "taupe"),
        ("gold", "golden"),
        ("silver", "silvery", "chrome"),
        ("red", "crimson", "burgundy", "maroon"),
        ("green", "sage", "olive", "emerald", "forest green"),
        ("blue", "turquoise", "teal", "light blue", "sky blue"),
        ("blush pink", "pink", "blush", "dusty pink"),
        ("terracotta", "burnt orange", "clay"),
        ("rust", "rust orange"),
        ("mustard", "mustard yellow", "ochre"),
        ("white", "snow white", "bright white"),
        ("black", "jet black", "matte black"),
    ],
    "material": [
        ("wood", "wooden", "timber", "solid wood", "hardwood"),
        ("solid wood", "real wood", "hardwood", "wooden", "wood"),
        ("oak", "oak wood", "solid oak", "oak veneer"),
        ("walnut", "walnut wood", "walnut veneer"),
        ("leather", "genuine leather", "real leather", "top grain leather", "leathery"),
        ("vegan leather", "faux leather", "leatherette", "pleather", "pu leather", "leather"),
        ("metal", "metallic", "steel", "iron", "wrought iron", "stainless steel"),
        ("aluminum", "aluminium"),
        ("rattan", "wicker", "cane"),
        ("all-weather wicker", "outdoor wicker", "resin wicker", "wicker", "rattan"),
        ("velvet", "velour", "velvety"),
        ("boucle", "bouclé", "teddy", "teddy fabric", "sherpa"),
        ("linen", "linen blend", "flax"),
        ("cotton", "cotton blend", "pure cotton", "organic cotton"),
        ("wool", "woollen", "woolen", "wooly", "woolly"),
        ("glass", "glassy", "tempered glass"),
        ("marble", "marble top"),
        ("memory foam", "foam", "gel foam"),
        ("fabric", "cloth", "textile"),
        ("plastic", "recycled plastic", "molded plastic", "acrylic"),
    ],
    "size": [
        ("king", "king size", "king sized", "king bed"),
        ("california king", "cal king", "cali king"),
        ("queen", "queen size", "queen sized", "queen bed"),
        ("full", "double", "full size", "double bed"),
        ("twin", "single", "twin size", "single bed"),
        ("twin xl", "twin extra long"),
    ],
}

# Where a product goes (rooms, spaces): not what it is.
ROOMS: frozenset[str] = frozenset({
    "living room", "lounge", "family room", "sitting room", "den", "bedroom", "master bedroom", "guest room",
    "guest bedroom", "kids room", "kid's room", "nursery", "dining room", "kitchen", "office", "home office",
    "study", "workspace", "bathroom", "entryway", "hallway", "hall", "mudroom", "apartment", "flat", "studio",
    "dorm", "dorm room", "patio", "balcony", "garden", "porch", "deck", "backyard", "terrace",
    "reading nook", "nook", "reading corner", "playroom", "sunroom", "basement", "attic", "loft", "spare room",
    "beach house", "cabin",
})


# ------------------------------------------------------------------ keys


_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand grand "
    "and a".split()
)


def _is_number_words(phrase: str) -> bool:
    """'fifty', 'two hundred fifty': an amount written in words."""
    words = re.findall(r"[a-z]+", phrase.lower())
    return bool(words) and all(w in _NUMBER_WORDS for w in words) and not all(w in ("and", "a") for w in words)


def singular_word(word: str) -> str:
    """One word in the singular ("shelves" -> "shelf", "benches" -> "bench")."""
    word = word.strip()
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def key(value: str) -> str:
    """The comparison key of a value: lower-case, hyphens as spaces, '&'/'and' unified, each word singular."""
    text = value.lower().replace("é", "e")
    text = re.sub(r"[^\w&+' -]", " ", text).replace("-", " ").replace("'", "")
    words = ["&" if w == "and" else w for w in text.split()]
    return " ".join(singular_word(w) for w in words)


_COMPOUND_SPLIT = re.compile(r"\s*(?:&|\band\b|,|/|\+)\s*")


def _parts(value: str) -> list[str]:
    """Members of a compound catalog value: "Sheets & Duvets" -> ["sheets", "duvets"]."""
    parts = [p for p in _COMPOUND_SPLIT.split(value.lower()) if p.strip()]
    return parts if len(parts) > 1 else []


@lru_cache(maxsize=8)
def _group_index(field: str) -> dict[str, list[tuple[str, ...]]]:
    """key -> the groups (in order) that hold it."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for group in GROUPS.get(field, []):
        for member in group:
            index.setdefault(key(member), []).append(group)
    return index


def synonyms_of(field: str, phrase: str) -> list[str]:
    """Words that may name the same thing as ``phrase``, most specific first (not including itself)."""
    k = key(phrase)
    out: list[str] = []
    for group in _group_index(field).get(k, []):
        for member in group:
            if key(member) != k and member not in out:
                out.append(member)
    return out


# ------------------------------------------------------------------ catalog lookup


class Lexicon:
    """One attribute's catalog values and every shopper word that reaches them."""

    def __init__(self, field: str, values: Iterable[str]):
        self.field = field
        self.values = sorted({v.strip() for v in values if v and v.strip()}, key=str.lower)
        self.exact: dict[str, str] = {}
        for v in self.values:
            self.exact.setdefault(key(v), v)
        self.parts: dict[str, str] = {}
        for v in self.values:
            for part in _parts(v):
                self.parts.setdefault(key(part), v)
        # every word of a synonym group whose group reaches a catalog value -> that value
        self.aliases: dict[str, str] = {}
        for k in list(_group_index(field)):
            target = self._via_group(k)
            if target is not None:
                self.aliases[k] = target

    def _direct(self, k: str) -> str | None:
        return self.exact.get(k) or self.parts.get(k)

    def _via_group(self, k: str) -> str | None:
        for group in _group_index(self.field).get(k, []):
            for member in group:
                found = self._direct(key(member))
                if found is not None:
                    return found
        return None

    def lookup(self, phrase: str) -> str | None:
        """The catalog value ``phrase`` names exactly or through a synonym (no typo tolerance)."""
        k = key(phrase)
        if not k or _is_number_words(phrase):
            return None  # "fifty" is an amount, not the "fifties" style
        return self._direct(k) or self.aliases.get(k)

    def fuzzy(self, phrase: str, cutoff: float = 0.85) -> str | None:
        """The one catalog value ``phrase`` names with a small typo ("cofee table", "nighstand")."""
        k = key(phrase)
        if len(k.replace(" ", "")) < 5 or _is_number_words(phrase):
            return None
        if " " not in k and phrase.lower().strip() in english_words():
            return None  # an English word is no typo: "booking the flights" names no lights
        keys = {**self.aliases, **self.parts, **self.exact}
        # single words need to be closer: "certain" is not "curtain"
        cutoff = max(cutoff, 0.88) if " " not in k else cutoff
        close = difflib.get_close_matches(k, list(keys), n=1, cutoff=cutoff)
        raw = phrase.lower().strip()
        if not close and " " not in k and raw != k:  # "mattres" is not the plural of a "mattre"
            close = difflib.get_close_matches(raw, list(keys), n=1, cutoff=cutoff)
        return keys[close[0]] if close else None

    def resolve(self, phrase: str, typos: bool = True) -> str | None:
        return self.lookup(phrase) or (self.fuzzy(phrase) if typos else None)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The whole words of the packaged MiniLM's WordPiece vocabulary: English words a typo fix leaves alone
    ("back" is no "black", "tape" no "taupe", "flights" no "lights")."""
    from bot.nlu.model import base_model_path

    try:
        return frozenset(w for w in (base_model_path() / "vocab.txt").read_text(encoding="utf-8").split() if w.isalpha())
    except OSError:
        return frozenset()


@lru_cache(maxsize=64)
def _lexicon(field: str, values: tuple[str, ...]) -> Lexicon:
    return Lexicon(field, values)


def lexicon(field: str, values: Iterable[str]) -> Lexicon:
    """A (cached) ``Lexicon`` of ``values``."""
    return _lexicon(field, tuple(sorted(set(values))))


def is_room(phrase: str) -> bool:
    """'home office', 'bedroom', 'living room': a place, not a product."""
    k = key(phrase)
    return k in _ROOM_KEYS


_ROOM_KEYS = frozenset(key(r) for r in ROOMS)
