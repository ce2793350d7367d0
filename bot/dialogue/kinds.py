"""Kinds of product a shopper names with more than a category word: "bunk beds", "a sofa bed", "a recliner".

A category word alone ("beds") says too little: a bunk bed is a bed, but a shop without bunk beds must say
so rather than show platform beds as if they were. ``KINDS`` lists well-known kinds of home goods with the
words a product's title uses for them; the dialogue looks them up in the served catalog's titles:

- the catalog has them: the request keeps to the products whose title names the kind ("sofa bed": the
  sleeper sofas, among the sofas, whatever category the model read); for a kind that is more a look
  than a different thing ("a gaming chair"), only while some of them fit the rest of the request
  ("gaming chair, no leather" and every gaming chair is leather: the other office chairs, said so);
- it has none: the reply says so, then shows the kind's broader category ("bunk beds": the beds) or, for a
  kind with no such category here ("printer stands", "coffee mugs"), asks what else the shopper needs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from retrieval.product import Product


@dataclass(frozen=True)
class Kind:
    name: str  # as the reply says it, plural ("bunk beds")
    said: tuple[str, ...]  # how shoppers write it, singular ("bunk bed", "bunkbed")
    titled: tuple[str, ...]  # the words a product title names it by ("bunk")
    broader: bool  # the kind's head word names a category worth showing when the kind is missing
    keep_to: bool = True  # show only the products titled so (False: those first, others when none fits the rest)


def _kind(name: str, said: str, titled: str, broader: bool = True, keep_to: bool = True) -> Kind:
    return Kind(name, tuple(s.strip() for s in said.split(",")), tuple(t.strip() for t in titled.split(",")), broader, keep_to)


KINDS: tuple[Kind, ...] = (
    _kind("sofa beds", "sofa bed, sofabed, sofa sleeper, sleeper sofa, pull out sofa, pull out couch, sleeper couch, couch bed, "
          "pulls out into a bed, pull out into a bed, folds out into a bed, fold out into a bed, turns into a bed, "
          "converts into a bed, pull out bed",
          "sleeper, sofa bed, sofabed, pull-out, futon"),
    _kind("futons", "futon", "futon, sleeper"),
    _kind("daybeds", "daybed, day bed", "daybed, day bed"),
    _kind("bunk beds", "bunk bed, bunkbed, bunk", "bunk"),
    _kind("loft beds", "loft bed", "loft bed"),
    _kind("murphy beds", "murphy bed, wall bed", "murphy, wall bed"),
    _kind("trundle beds", "trundle bed, trundle", "trundle"),
    _kind("toddler beds", "toddler bed", "toddler"),
    _kind("air mattresses", "air mattress, air bed, airbed, inflatable mattress, blow up mattress", "air mattress, air bed, inflatable"),
    _kind("cribs", "crib, baby cot", "crib", broader=False),
    _kind("bassinets", "bassinet", "bassinet", broader=False),
    _kind("changing tables", "changing table, baby changing table", "changing table", broader=False),
    _kind("high chairs", "high chair, highchair", "high chair", broader=False),
    _kind("recliners", "recliner, reclining chair, lazy boy, any of them recline, any of these recline, any of those recline, "
          "one that reclines", "recliner, reclining"),
    _kind("rocking chairs", "rocking chair, rocker", "rocking, rocker"),
    _kind("bean bags", "bean bag, beanbag", "bean bag, beanbag"),
    _kind("massage chairs", "massage chair", "massage"),
    _kind("pendant lights", "pendant light, pendant lamp, pendant", "pendant"),
    _kind("chandeliers", "chandelier", "chandelier"),
    _kind("ceiling lights", "ceiling light, ceiling lamp, flush mount", "ceiling, flush mount, pendant, chandelier"),
    _kind("ceiling fans", "ceiling fan", "ceiling fan", broader=False),
    _kind("fence panels", "fence panel, fence panels, fencing", "fence", broader=False),
    _kind("wall sconces", "wall sconce, sconce", "sconce"),
    _kind("string lights", "string light, fairy light, christmas light", "string light, fairy light"),
    _kind("night lights", "night light, nightlight", "night light, nightlight"),
    _kind("bar carts", "bar cart, drinks trolley", "bar cart", broader=False),
    _kind("hammocks", "hammock", "hammock"),
    _kind("coat racks", "coat rack, coat stand, hall tree", "coat", broader=False),
    _kind("shoe racks", "shoe rack", "shoe", broader=False),
    _kind("wine racks", "wine rack", "wine", broader=False),
    _kind("plant stands", "plant stand", "plant stand", broader=False),
    _kind("umbrella stands", "umbrella stand, umbrella holder, umbrella rack", "umbrella", broader=False),
    _kind("printer stands", "printer stand, printer table", "printer", broader=False),
    _kind("computer monitors", "computer monitor, monitor", "monitor", broader=False),
    _kind("coffee mugs", "coffee mug, mug", "mug", broader=False),
    _kind("candles", "candle", "candle", broader=False),
    _kind("christmas trees", "christmas tree, xmas tree", "christmas tree", broader=False),
    _kind("ornaments", "christmas ornament, ornament", "ornament", broader=False),
    _kind("towels", "bath towel, towel", "towel", broader=False),
    _kind("pool tables", "pool table, billiard table", "pool table, billiard", broader=False),
    _kind("picnic tables", "picnic table", "picnic"),
    _kind("executive chairs", "executive chair, executive office chair", "executive", keep_to=False),
    _kind("gaming chairs", "gaming chair", "gaming", keep_to=False),
    _kind("bar stools", "bar stool, barstool, counter stool", "bar stool, counter stool, stool"),
    _kind("egg chairs", "egg chair, hanging chair, hanging egg chair, swing chair", "egg, hanging"),
    _kind("conversation sets", "conversation set, patio conversation set, chat set", "conversation", keep_to=False),
    _kind("outdoor dining sets", "outdoor dining set, patio dining set, garden dining set", "dining set", keep_to=False),
    _kind("runner rugs", "runner rug, runner, hallway runner, hall runner", "runner", keep_to=False),
    _kind("floor cushions", "floor cushion, floor pillow, floor seat cushion, sitting cushion", "floor cushion, floor pillow"),
    _kind("wingback chairs", "wingback chair, wingback, wing chair, wing back chair", "wingback", keep_to=False),
    _kind("round ones", "round coffee table, round dining table, round table, round rug, round mirror, round one", "round",
          keep_to=False),
    _kind("l-shaped ones", "l-shaped desk, l shaped desk, l-shaped sectional, l shaped sectional, l-shaped one, l shaped one, corner desk",
          "l-shaped", keep_to=False),
    _kind("floating ones", "floating nightstand, floating bedside table, floating shelf, floating shelves, floating desk, "
          "floating tv stand, floating one", "floating"),
    _kind("tripod lamps", "tripod lamp, tripod floor lamp, tripod one, tripod", "tripod", keep_to=False),
    _kind("pet beds", "dog bed, cat bed, pet bed, dog basket, dog crate", "dog bed, pet bed, cat bed", broader=False),
    _kind("outdoor lounge chairs", "outdoor lounge chair, sun lounger, sunlounger, lounger, pool chair, poolside chair, "
          "poolside lounge chair, pool lounge chair, patio lounge chair", "lounge"),
    _kind("adirondack chairs", "adirondack chair, adirondack", "adirondack"),
    _kind("whiteboards", "whiteboard, white board, notice board, pin board, cork board, bulletin board", "whiteboard, notice board",
          broader=False),
    _kind("filing cabinets", "filing cabinet, file cabinet", "filing, file cabinet", broader=False),
)


def _said_pattern(said: str) -> str:
    words = said.split()
    head = r"[\s-]?".join(re.escape(w) for w in words)
    return rf"\b{head}(?:s|es)?\b"


_PATTERNS = [(kind, re.compile("|".join(_said_pattern(s) for s in kind.said), re.I)) for kind in KINDS]


# "round" alone, or "something round and under 150" (under coffee tables)
_BARE_ROUND = re.compile(r"^\s*(?:a\s+|any\s+|something\s+|anything\s+)?round(?:\s+ones?)?"
                         r"(?:\s*(?:pls|please)?\s*[?!.]*\s*$|\s+(?=(?:and|under|below|for|in|,)\b))", re.I)
_REFUSED = re.compile(r"\b(?:no|not|without|nothing|never|none|avoid)\s+(?:[a-z]+\s+){0,2}$", re.I)


def kinds_named(text: str) -> list[tuple[Kind, re.Match]]:
    """The kinds the text names, each once, in the order written (the longer name wins an overlap); a kind
    refused ("no hanging egg chairs") is not named."""
    bare = _BARE_ROUND.match(text)
    if bare:  # "round" alone under coffee tables
        return [(next(k for k in KINDS if k.name == "round ones"), bare)]
    found: list[tuple[Kind, re.Match]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if _REFUSED.search(text[:m.start()]):
                continue  # "no hanging egg chairs lol": refused, not asked for
            if not any(o.start() <= m.start() < o.end() or m.start() <= o.start() < m.end() for _, o in found):
                found.append((kind, m))
                break
    found.sort(key=lambda km: km[1].start())
    return found


def soft_kind(title_words: list[str]) -> Kind | None:
    """The kind "more a look than a different thing" whose title words these are ("gaming": gaming chairs)."""
    words = set(title_words)
    return next((k for k in KINDS if not k.keep_to and words and words <= set(k.titled)), None)


def _title_has(title: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}(?:s|es)?\b", title) is not None


def carried(kind: Kind, products: Iterable[Product]) -> tuple[list[str], Counter]:
    """The title words of the kind the catalog uses, and how many such products each leaf category holds."""
    words: list[str] = []
    categories: Counter = Counter()
    for p in products:
        title = p.title.lower()
        hit = [w for w in kind.titled if _title_has(title, w)]
        if hit:
            words += [w for w in hit if w not in words]
            if p.leaf_category:
                categories[p.leaf_category] += 1
    return words, categories
