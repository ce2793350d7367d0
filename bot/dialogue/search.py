"""Finding the products for a request: retrieval, re-ranking, and what gives way when nothing matches.

``ProductSearch.find`` runs the request's filter through the store and, when nothing matches, walks a
fixed ladder: a price bound the shopper did not say as an amount loosens; a kind that is only a look
("a gaming chair") gives way to its category, said so; features read from their words ("something
washable") are wishes the catalog may not meet; after every match was shown, "something different"
lets a material or style go; a measure said roughly ("around 40 inches wide") gives the closest in
size. What the shopper stated as a hard constraint (budget, brand, colour, category, size, a measure
bound) never gives way here: other materials, shades of the colour or a bound widened just enough
are offered instead, and shown on "yes"; other styles are found here and shown at once, said so, and so are
other materials when the shopper has just put a price first ("too expensive, anything under 300?"); after
"show me more" has shown every match, other materials and styles are offered, not shown.
Composing the reply stays with the dialogue manager.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from bot.dialogue import phrases
from bot.dialogue.constraints import (attribute_label, describe, minimum_label, price_phrase, satisfies_size, shades_of,
                                     size_value)
from bot.dialogue.dimensions import limits_label
from bot.dialogue.kinds import soft_kind
from bot.dialogue.state import DialogueState
from bot.nlu.types import NLUResult
from ranking.types import RankRequest, ScoredProduct
from retrieval.filters import dimensions, matches, measure
from retrieval.product import Product
from retrieval.types import Candidate, SearchFilter

SHOW = 5  # products per answer
CANDIDATES = 100


async def blocking(fn, *args, **kwargs):
    """Run a blocking call (store query, embedding) off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(None, lambda: fn(*args, **kwargs))


def superlative_order(word: str) -> Callable[[Product], float]:
    """The sort key a superlative asks for: "cheapest" by price, "most popular" by reviews, "biggest" by size,
    "best rated" by rating."""
    word = word.lower()
    if "cheap" in word or "less expensive" in word or "least expensive" in word or "lowest" in word or "lower" in word:
        return lambda p: p.price if p.price is not None else float("inf")
    if "popular" in word or "reviewed" in word:
        return lambda p: -(p.review_count or 0)
    if word in ("biggest", "largest", "bigger", "larger"):
        return lambda p: -(size_value(p) or 0.0)
    if word in ("smallest", "smaller"):
        return lambda p: size_value(p) or float("inf")
    return lambda p: -(p.rating or 0.0)


def _said_roughly(f: SearchFilter) -> bool:
    """A measure said roughly ("around 40 inches wide") is read as a range: a lower and an upper bound on it."""
    return any(letter in f.dimension_min for letter in f.dimension_max)


_NICETY = re.compile(r"\b(?:would be (?:nice|great|ideal|perfect|lovely|amazing|brilliant|good|handy|a plus)|nice to have|a bonus|"
                     r"not a must|not essential|doesn'?t have to be|i'?d (?:really )?love)\b", re.I)


def _nicety(text: str, values: set[str]) -> bool:
    """Whether the message names the values only in a clause that says they would merely be nice."""
    clause = phrases.soft_clause(text)
    hedged = not clause and re.search(r"\b(?:maybe|perhaps|possibly)\W*$", text.strip(), re.I) is not None
    if hedged:
        clause = text  # "an emerald velvet armchair maybe": the whole wish said as a maybe
    return bool(clause and (_NICETY.search(clause) or hedged) and values
                and all(re.search(rf"\b{re.escape(v)}\b", clause, re.I) for v in values))


def leading_number(value: object) -> float:
    """The number a free attribute starts with ("8", "300 lbs"), or -1."""
    found = re.match(r"\s*(\d+(?:\.\d+)?)", str(value)) if value is not None else None
    return float(found.group(1)) if found else -1.0


def let_go(state: DialogueState, label: str, exclusions: bool = False) -> None:
    """Drop one kind of hard constraint (a ``phrases.RELAXABLE`` label: "Any colour", "Any price", ...); with
    ``exclusions`` (the shopper said it: "brand doesn't matter after all"), what was excluded of it too."""
    for name in phrases.RELAXABLE[label]:
        setattr(state.constraints, name, None if name.startswith("price") else {} if name.startswith(("attribute", "dimension")) else [])
        if exclusions and hasattr(state.constraints, f"exclude_{name}"):
            setattr(state.constraints, f"exclude_{name}", [])
    if label == "Any price":  # a budget taken back is no longer the profile's either ("within your budget")
        state.profile.budget_min = state.profile.budget_max = None
        state.profile.budget_explicit = False
        state.critique_price_bound = None
        state.budget_each = None


def wished_label(f: SearchFilter, seats: bool = False) -> str:
    """The features a filter asks for, in words ("dimmable and seating 6")."""
    return " and ".join([attribute_label(k, v) for k, v in f.attributes.items()]
                        + [f"seating {n:g}" if seats and k == "seats" else minimum_label(k, n)
                           for k, n in f.attribute_min.items()])


def without_features(f: SearchFilter) -> SearchFilter:
    return f.model_copy(update={"attributes": {}, "attribute_min": {}})


# A grade asked for as a direction, when nothing is at that end: the rest of the scale, that way first (never the other end)
_GRADES = ["soft", "medium-soft", "medium", "medium-firm", "firm"]
_GRADE_SIDES = {"softer": ("soft", "firm"), "firmer": ("firm", "soft")}


@dataclass
class Found:
    """What a search found: the candidates (empty when nothing matched) under the filter they match, with the
    sentence that introduces them when something gave way. When nothing matched: ``none_with`` for "any of
    those with X?", ``offer`` (candidates, filter, relax label) for products of other materials or styles."""

    candidates: list[Candidate]
    filter: SearchFilter
    intro: str | None = None
    none_with: bool = False
    offer: tuple[list[Candidate], SearchFilter, str] | None = None
    # "cheaper" when the cheaper ones are the ones on show already: said so, the list stays
    nothing_further: bool = False


def _said_softly(f: SearchFilter, state: DialogueState) -> dict | None:
    """The materials or colours of ``f`` said only as a wish ("boucle maybe"), as a filter update letting them go."""
    if f.materials and {m.lower() for m in f.materials} <= {m.lower() for m in state.soft_materials}:
        return {"materials": []}
    if f.colors and {c.lower() for c in f.colors} <= {c.lower() for c in state.soft_colors}:
        return {"colors": []}
    return None


def _feature_said_plainly(text: str, f: SearchFilter) -> bool:
    """Whether this message names a listed feature of ``f`` plainly and names none in a clause that says a wish
    softly ("must have cable management, walnut-ish if possible": yes; "a desk, standing desk ideally": no; "blue
    or navy if you have it" after "a rug with a low pile": no, the colour is what is asked for now)."""
    words = [w for key in [*f.attributes, *f.attribute_min] for w in key.lower().split()]
    words += [w[:-1] for w in words if w.endswith("s") and len(w) >= 3]  # "for our new 75 inch tv": "fits tvs up to"
    if not words:
        return False
    clauses = phrases.clauses(text)

    def names(clause: str) -> bool:
        return any(re.search(rf"\b{re.escape(w)}", clause) for w in words)

    soft = [c for c in clauses if phrases.SAID_SOFTLY.search(c)]
    return any(names(c) for c in clauses if c not in soft) and not any(names(c) for c in soft)


class ProductSearch:
    """Retrieval and re-ranking for a dialogue turn (``services``: the manager's ``Services``)."""

    def __init__(self, services: Any) -> None:
        self.s = services

    async def retrieve(self, state: DialogueState, text: str, f: SearchFilter) -> list[Candidate]:
        retriever = self.s.retriever

        started = time.perf_counter()
        if self.s.embed is not None and text.strip():
            await self.s.embed(text)  # cached: the search below reuses it

        def run() -> tuple[list[Candidate], float, float]:
            retriever.embed_query(text)  # a cache hit after the batcher; without one, the model call is timed here
            embedded = time.perf_counter()
            found = retriever.search(text, f, positive_ids=state.positive_ids[-5:],
                                     negative_ids=state.negative_ids[-10:], limit=CANDIDATES)
            store_ms = retriever.last_query_ms
            if state.negative_ids and not any(matches(c.product, f) for c in found):
                # the examples never come back from a search that steers away from them: "something different" said
                # earlier, then "under 300" that only one of those first ones meets; it may show again
                found = retriever.search(text, f, positive_ids=state.positive_ids[-5:], limit=CANDIDATES)
                store_ms += retriever.last_query_ms
            return found, embedded, store_ms / 1000

        candidates, embedded, store_s = await blocking(run)
        self.s.stage("embedding", embedded - started)
        self.s.stage("store_query", store_s)
        # The hard guarantee: never show a product that violates a stated constraint. ("a bit bigger" was said of
        # the desks: not of the chairs to go with them)
        bound = state.size_bound if set(f.categories) <= set(state.constraints.categories) else None
        return [c for c in candidates if matches(c.product, f) and satisfies_size(c.product, bound)]

    async def rank(self, state: DialogueState, text: str, candidates: list[Candidate], k: int) -> list[ScoredProduct]:
        ids = [c.product.id for c in candidates]
        vectors, query_vector = await blocking(
            lambda: (self.s.retriever.vectors(ids), self.s.retriever.embed_query(text))
        )
        started = time.perf_counter()
        use_profile = self.s.use_profile and state.profile.personalization
        scored = await self.s.rerank(RankRequest(
            candidates=candidates,
            candidate_vectors=np.asarray(vectors, dtype=np.float32),
            query_vector=np.asarray(query_vector, dtype=np.float32),
            profile=state.profile,
            use_profile=use_profile,
        ))
        self.s.stage("rerank", time.perf_counter() - started)
        by_id = {c.product.id: i for i, c in enumerate(candidates)}
        ordered_vectors = np.asarray([vectors[by_id[s.candidate.product.id]] for s in scored], dtype=np.float32)
        return self.s.diversify(scored, ordered_vectors, k)

    async def find(self, state: DialogueState, nlu: NLUResult, f: SearchFilter, text: str, *, action: str,
                   exclude_seen: bool, intro: str | None) -> Found:
        """The candidates for ``f``, or what gives way when none matches (see the module docstring)."""
        candidates = await self.retrieve(state, text, f)
        if not candidates and action != "show_more" and state.positive_ids and phrases.SIMILAR.search(nlu.text):
            # "more like the third one but in white" when the third one is white and no other is: that one, said so
            # (the store leaves out the example itself)
            same = [p for p in self.s.retriever.get(state.positive_ids[-1:])
                    if matches(p, f) and satisfies_size(p, state.size_bound)]
            if same:
                return Found([Candidate(product=p, score=1.0) for p in same], f,
                             intro or f"That one is the only one of the {describe(f)}:")
        if not candidates and action != "show_more" and f.colors and not f.materials:
            candidates, f = await self._colour_as_material(state, text, f)
        wished = ({"attributes": {}, "attribute_min": {}} if (f.attributes or f.attribute_min)
                  and phrases.SOFT_WISH.search(state.query_text or "") else {"styles": []} if state.styles_are_look(f.styles)
                  else _said_softly(f, state))
        if not candidates and action == "show_more" and wished:
            # "little lamp for my nightstand, under 60 bucks, ideally dimmable", "a big rug, boho vibe" or "a cosy
            # armchair, boucle maybe", then "show me more" once every dimmable (bohemian, boucle) one was shown: the
            # others, said so (the feature and the material were wishes, the style a look)
            loose = f.model_copy(update=wished)
            candidates = await self.retrieve(state, text, loose)
            if candidates:
                state.constraints = state.constraints.model_copy(update=wished)
                intro = intro or f"That's all the {describe(f.model_copy(update={'exclude_ids': []}))}; here are other {describe(loose)}:"
                f = loose
        loosened_for = None  # the filter whose price bound was already tried loosened
        if (not candidates and action != "show_more" and state.critique_price_bound and (f.materials or f.styles)
                and phrases.SIMILAR.search(nlu.text) and nlu.slots.get("price_relative") == "lower"):
            # "anything similar but cheaper?" and nothing cheaper is velvet: the cheaper ones closest to it, said so
            plain = f.model_copy(update={"price_max": None, "price_min": None})
            found = await self._other_kinds_instead(
                state, nlu, text, f, lambda loose: f"There's nothing cheaper among the {describe(plain)}; here are {describe(loose)}:")
            if found:
                candidates, f, said = found
                intro = intro or said
        if (not candidates and action != "show_more" and state.critique_price_bound and nlu.slots.get("price_relative") == "lower"
                and f.title_words and (soft_kind(f.title_words) or {w.lower() for w in f.title_words} <= set(state.soft_kinds))):
            # "my 14 yr old wants a gaming chair ... HAS to be black", then "bit much. anything cheaper?" and no cheaper
            # gaming chair is black: cheaper black office chairs, said so (the kind is a look, the colour a must)
            loose = f.model_copy(update={"title_words": []})
            cheaper = await self.retrieve(state, text, loose)
            if cheaper:
                plain = f.model_copy(update={"price_max": None, "price_min": None, "exclude_ids": []})
                state.constraints.title_words = []
                candidates, f = cheaper, loose
                intro = intro or f"There's nothing cheaper among the {describe(plain)}; here are {describe(loose)}:"
        if not candidates and action != "show_more" and state.critique_price_bound:
            loosened_for = f
            candidates, f, intro = await self.loosen_price(state, nlu, text, f, intro)  # "more premium", then a must-have
            if candidates and {c.product.id for c in candidates} <= set(state.shown):
                # "nothing cheaper?" under the only twin mattress: not the same ones again
                return Found(candidates, f, intro, nothing_further=True)
        if not candidates and action != "show_more" and f.title_words and (
                soft_kind(f.title_words) or {w.lower() for w in f.title_words} <= set(state.soft_kinds)):
            # "a gaming chair, no leather" and every gaming chair is leather: the other office chairs, said so; "maybe
            # a recliner?", then "blue or green" and no recliner is: the other blue or green armchairs
            loose = f.model_copy(update={"title_words": []})
            candidates = await self.retrieve(state, text, loose)
            if candidates:
                state.constraints.title_words = []
                intro, f = intro or f"I have no {describe(f)}; here are other {describe(loose)}:", loose
        if not candidates and action != "show_more":
            # "boucle maybe", then "my wife wants green tho"; "velvet dining chairs? green would be lovely", then
            # "anything under 100?"; "5x8 or so", then "any in blue?": what was said softly gives way, said so (before a
            # listed feature asked for: "a dimmable floor lamp ..., black if possible", then "anything under 100?")
            candidates, f, intro = await self._soft_wishes_give_way(state, nlu, text, f, intro)
        if (not candidates and action == "refine" and (f.materials or f.styles) and nlu.slots.get("price_max") is not None
                and not any(nlu.slots.get(k) for k in ("material", "style")) and phrases.TOO_DEAR.search(nlu.text)):
            # "velvet, in green", then "hmm too expensive, anything under 300?" and no velvet one is: the closest in
            # other materials under 300 at once, said so (the price is what matters now)
            plain = f.model_copy(update={"price_max": None, "price_min": None})
            found = await self._other_kinds_instead(
                state, nlu, text, f,
                lambda loose: (f"There's nothing {price_phrase(f)} among the {describe(plain)}; here are {describe(loose)} in "
                               + ("other materials:" if f.materials and not loose.materials else "other styles:")))
            if found:
                candidates, f, said = found
                intro = intro or said
        if not candidates and (f.attributes or f.attribute_min) and action == "refine" and phrases.any_with(nlu.text):
            return Found([], f, none_with=True)
        if (not candidates and f.attributes and action == "refine" and f.colors and nlu.slots.get("color")
                and set(f.attributes) & set(state.firm_features)
                and not any(re.search(rf"\b{re.escape(word[:5])}", nlu.text, re.I) for word in f.attributes)):
            # "waterproof ones only", then "do you have any of those in black?" and none is: the colour is what
            # fails, said so with the other colours offered (not black ones that are not waterproof)
            offer = await self.other_shades(state, text, f)
            if offer is None:
                anyhue = f.model_copy(update={"colors": []})
                others = await self.retrieve(state, text, anyhue)
                offer = (others, anyhue, "Any colour") if others else None
            return Found([], f, offer=offer)
        if not candidates and (f.attributes or f.attribute_min) and action != "show_more":
            candidates, f, intro = await self._closest_to_wishes(state, text, f, intro, said_now=nlu.text)
        if not candidates and action != "show_more" and f is not loosened_for:
            candidates, f, intro = await self.loosen_price(state, nlu, text, f, intro)
        if (not candidates and action != "show_more" and f.price_min is not None and f.price_max is not None
                and (phrases.AROUND.search(nlu.text) or state.price_around and nlu.slots.get("category"))):
            candidates, f, intro = await self.closest_in_price(state, text, f, intro)
        different = phrases.DIFFERENT.search(nlu.text) and not phrases.SIMILAR.search(nlu.text)
        more_like = bool(state.positive_ids) and phrases.SIMILAR.search(nlu.text)
        if (not candidates and action != "show_more" and (f.materials or f.styles)
                # ("hmm green isn't really me. show me something completely different": other materials too)
                and ((exclude_seen or phrases.COMPLETELY_DIFFERENT.search(nlu.text)) and different or more_like)):
            # "something different" after every matching one was shown: other styles / materials, said so; "more
            # like the first one" when it was the only one: the closest of other materials / styles
            asked = f
            found = await self._other_kinds_instead(
                state, nlu, text, f,
                lambda loose: (f"That was the only one of the {describe(asked)}; here are the closest {describe(loose)}:"
                               if more_like and len(state.positive_ids) == 1 else
                               f"That's all the {describe(asked)} I have; here are other {describe(loose)}:"))
            if found:
                candidates, f, intro = found
        if not candidates and action != "show_more" and (f.dimension_max or f.dimension_min):
            closest, widened = await self.closest_in_size(state, text, f)
            if closest and _said_roughly(f):  # "around 40 inches wide" and none is 36-44": the closest, said so
                loose = f.model_copy(update={"dimension_max": {}, "dimension_min": {}})
                return Found(closest, loose, intro or f"Nothing is {limits_label(f.dimension_max, f.dimension_min)}; these are the closest in size:")
            if closest:  # "max 100 cm wide" and none is: say how close the closest comes, show them on "yes"
                return Found([], f, offer=(closest, widened, "Any size"))
        if not candidates:
            # "show me more" when every one was shown: those of other materials / styles, offered too
            offer = await self.other_kinds(state, nlu, text, f.model_copy(update={"exclude_ids": state.profile.rejected_ids}))
            if offer is None and action != "show_more" and f.colors:
                offer = await self.other_shades(state, text, f)
            return Found([], f, offer=offer)
        return Found(candidates, f, intro)

    async def other_shades(self, state: DialogueState, text: str,
                           f: SearchFilter) -> tuple[list[Candidate], SearchFilter, str] | None:
        """When nothing has the colour asked: the products in shades of it ("green": emerald, olive), to offer."""
        shades = shades_of(f.colors, self.s.retriever.vocabulary.get("colors", []))
        loose = f.model_copy(update={"colors": shades})
        candidates = await self.retrieve(state, text, loose) if shades else []
        if not candidates:
            return None
        found = {c.product.color.lower() for c in candidates if c.product.color}
        return candidates, loose.model_copy(update={"colors": [s for s in shades if s.lower() in found]}), "Other shades"

    async def closest_in_size(self, state: DialogueState, text: str, f: SearchFilter) -> tuple[list[Candidate], SearchFilter]:
        """The products of ``f`` with its measures let go, those closest to the measures first, and ``f`` with
        its measures widened just enough to hold them ("desks up to 39 inches wide" -> "up to 40")."""
        loose = f.model_copy(update={"dimension_max": {}, "dimension_min": {}})
        anywhere = await self.retrieve(state, text, loose)

        def distance(c: Candidate) -> float:
            measures = dimensions(c.product.size)
            total = 0.0
            for letter in {*f.dimension_max, *f.dimension_min}:
                value = measure(measures, letter)
                if value is None:
                    return float("inf")
                total += max(0.0, value - f.dimension_max.get(letter, value), f.dimension_min.get(letter, value) - value)
            return total

        closest = sorted((c for c in anywhere if distance(c) < float("inf")), key=distance)[:SHOW]
        widened = f.model_copy(deep=True)
        for letter in {*f.dimension_max, *f.dimension_min}:
            values = [measure(dimensions(c.product.size), letter) for c in closest]
            if letter in f.dimension_max:
                widened.dimension_max[letter] = max([f.dimension_max[letter], *values])
            if letter in f.dimension_min:
                widened.dimension_min[letter] = min([f.dimension_min[letter], *values])
        return closest, widened

    async def _closest_to_wishes(self, state: DialogueState, text: str, f: SearchFilter, intro: str | None,
                                 said_now: str = "") -> tuple[list[Candidate], SearchFilter, str | None]:
        """Features read from the shopper's words ("something washable") that no product has: say so and show
        the closest products that keep every stated constraint (the feature asked in this message, ``said_now``, first)."""
        wished = wished_label(f, seats=True)
        minimums = f.attribute_min
        towards = next(((k, v) for k, v in f.attributes.items() if v in _GRADE_SIDES), None)
        if towards is not None:
            # "i'd rather swap it for a softer one" and no queen mattress is soft: the softest of the others (never the
            # far end of the scale)
            key, value = towards
            plain = f.model_copy(update={"attributes": {k: v for k, v in f.attributes.items() if k != key}})
            ranked = sorted(((_GRADES.index(g), c) for c in await self.retrieve(state, text, plain)
                             if (g := str((c.product.attributes or {}).get(key, "")).strip().lower()) in _GRADES
                             and g != _GRADE_SIDES[value][1]), key=lambda pair: pair[0] if value == "softer" else -pair[0])
            if ranked:
                return ([c for _, c in ranked][:SHOW], plain,
                        intro or f"None of the {describe(plain)} is {_GRADE_SIDES[value][0]}; these are the {value[:-2]}est of the others:")
        if state.styles_are_look(f.styles):
            # "a tv stand for our 65 inch tv, kinda mid century vibe", then "with cable management please" and no
            # mid-century one has it: a style is a look, the features are specs; those of other styles
            lookless = f.model_copy(update={"styles": []})
            candidates = await self.retrieve(state, text, lookless)
            if candidates:
                return candidates, lookless, intro or f"I couldn't find any {describe(f)}; here are {describe(lookless)} in other styles:"
        if len(f.attributes) + len(f.attribute_min) > 1:
            # "dimmable AND smart home compatible": the products with one of them, when none has both (not one said as a
            # nicety: "seats 8, extendable would be a bonus", then "any in solid oak?": below, the closest seat the most)
            # (one said as a must first: "2 dogs so it has to be pet friendly" beats the outdoor of "an outdoor rug")
            # ("just show me the extendable ones then" after "round-ish if possible": the extendable ones)
            asked_now = {k for k in f.attributes if re.search(rf"\b{re.escape(k.split()[0][:6])}", said_now, re.I)}
            for key, value in sorted(f.attributes.items(), key=lambda kv: (kv[0] not in asked_now, kv[0] not in state.firm_features)):
                if _nicety(state.query_text or "", {key}):
                    continue
                one = f.model_copy(update={"attributes": {key: value}, "attribute_min": {}})
                candidates = await self.retrieve(state, text, one)
                if candidates:
                    return candidates, one, intro or (f"None of the {describe(without_features(f))} is listed as "
                                                      f"{wished}; these are {attribute_label(key, value)}:")
        kinds = {key: "yes" for key, value in f.attributes.items() if value.lower() not in ("yes", "no")}
        if kinds:
            # "a coffee table with some storage", then "a lift top would be amazing" and none lists lift-top storage:
            # the closest still have storage of another kind
            some = f.model_copy(update={"attributes": {**f.attributes, **kinds}})
            candidates = await self.retrieve(state, text, some)
            if candidates:
                return candidates, some, intro or f"None of the {describe(without_features(f))} is listed as {wished}; the closest ones:"
        f = without_features(f)
        candidates = await self.retrieve(state, text, f)
        if candidates and minimums:  # "a table for 10": the closest are the ones seating the most
            key = next(iter(minimums))
            candidates = sorted(candidates, key=lambda c: -leading_number((c.product.attributes or {}).get(key)))[:SHOW]
        if candidates:
            intro = intro or f"None of the {describe(f)} is listed as {wished}; the closest ones:"
        return candidates, f, intro

    async def closest_in_price(self, state: DialogueState, text: str, f: SearchFilter,
                               intro: str | None) -> tuple[list[Candidate], SearchFilter, str | None]:
        """ "a table lamp around 100" and none costs $80-$120: the ones closest in price below the top of the range,
        said so (the range stays the request's: it was said roughly; its top is a budget and holds)."""
        middle = (f.price_min + f.price_max) / 2
        loose = f.model_copy(update={"price_min": None})
        anywhere = await self.retrieve(state, text, loose)
        closest = sorted((c for c in anywhere if c.product.price is not None), key=lambda c: abs(c.product.price - middle))[:SHOW]
        if not closest:
            return [], f, intro
        return closest, loose, intro or f"Nothing is {price_phrase(f)}; these are the closest in price, {price_phrase(loose)}:"

    async def _colour_as_material(self, state: DialogueState, text: str, f: SearchFilter) -> tuple[list[Candidate], SearchFilter]:
        """ "bookshelf walnut": a word the catalog uses for colours and materials, read as the colour, matches no
        bookcase; the walnut bookcases (the material) are what was meant. Nothing found leaves ``f`` as it was."""
        materials = {m.lower(): m for m in self.s.retriever.vocabulary.get("materials", [])}
        if not all(c.lower() in materials for c in f.colors):
            return [], f
        as_material = f.model_copy(update={"colors": [], "materials": [materials[c.lower()] for c in f.colors]})
        candidates = await self.retrieve(state, text, as_material)
        if not candidates:
            return [], f
        state.constraints.colors, state.constraints.materials = [], list(as_material.materials)
        return candidates, as_material

    async def _soft_wishes_give_way(self, state: DialogueState, nlu: NLUResult, text: str, f: SearchFilter,
                                    intro: str | None) -> tuple[list[Candidate], SearchFilter, str | None]:
        """When nothing matches: the materials, colours or sizes said earlier only as a wish or roughly are let go,
        one kind at a time, and the intro says so (not one said in this message: "in black if possible" asks for
        black now); nothing found that way leaves ``f`` as it was."""
        # "must have cable management, walnut-ish if possible", "washable pls, 5x8 if poss": a listed feature asked
        # plainly holds, and the wish said with it gives way even when said now
        plain_now = _feature_said_plainly(nlu.text, f)
        # a size said softly gives way to a feature asked plainly before ("need a washable rug", then "5x8 would be ideal")
        plain_before = state.query_text != nlu.text and _feature_said_plainly(state.query_text or "", f)
        for name, slot, soft, kinds in (("materials", "material", state.soft_materials, "materials"),
                                        ("colors", "color", state.soft_colors, "colours"), ("sizes", "size", state.rough_sizes, "sizes")):
            values = {v.lower() for v in getattr(f, name)}
            # "walnut and mustard tones" (the room's), "a natural jute one", "she loves green and anything velvet" (a
            # gift's recipient's taste): gives way even when said now
            palette = (slot == "color" and (phrases.PALETTE.search(nlu.text)
                                            or values == {"natural"} and phrases.NATURAL_MATERIAL.search(nlu.text))
                       or slot != "size" and phrases.THEIR_TASTE.search(nlu.text)
                       # "mid century style, walnut or something similar": the soft colour before the plain style; "a mid
                       # century vibe ... something walnut-y if possible" and none is both: the colour before the look too
                       or slot != "size" and bool(nlu.slots.get("style"))
                       # "linen would be nice", "a bonus": a nicety, not a must (unlike "in black if possible")
                       or slot != "size" and _nicety(nlu.text, {v.lower() for v in soft}))
            # "linen" said, the catalog's "linen" and "linen shade" asked: each one a value said softly
            covered = values <= {v.lower() for v in soft} or slot != "size" and all(
                any(re.search(rf"\b{re.escape(w.lower())}\b", v) for w in soft) for v in values)
            plain_feature = plain_now or slot == "size" and plain_before
            if not values or not covered or nlu.slots.get(slot) and not palette and not plain_feature:
                continue
            loose = f.model_copy(update={name: []})
            candidates = await self.retrieve(state, text, loose)
            if candidates:
                setattr(state.constraints, name, [])
                soft.clear()
                said = intro or f"I couldn't find any {describe(f)}; here are {describe(loose)} in other {kinds}"
                if (len(candidates) == 1 and slot == "material" and f.colors
                        and {c.lower() for c in f.colors} <= {c.lower() for c in state.soft_colors}):
                    # "she loves green and anything velvet" and one green pillow: velvet ones in other colours too
                    # (the colour was only a wish as well)
                    other = f.model_copy(update={"colors": []})
                    more = [c for c in await self.retrieve(state, text, other) if c.product.id != candidates[0].product.id]
                    if more:
                        state.constraints.colors = []
                        state.soft_colors.clear()
                        return ([*candidates, *more], f.model_copy(update={"colors": [], "materials": []}),
                                intro or f"{said}, and {describe(other)} in other colours:")
                return candidates, loose, said if intro else said + ":"
        return [], f, intro

    async def _other_kinds_instead(self, state: DialogueState, nlu: NLUResult, text: str, f: SearchFilter,
                                   said: Callable[[SearchFilter], str]) -> tuple[list[Candidate], SearchFilter, str] | None:
        """``other_kinds``, with the wish it lets go let go for what follows too ("smaller" is among these), and the
        intro ``said`` gives for the looser filter; None when nothing is found that way."""
        found = await self.other_kinds(state, nlu, text, f)
        if not found:
            return None
        candidates, loose, label = found
        let_go(state, label)
        return candidates, loose, said(loose)

    async def other_kinds(self, state: DialogueState, nlu: NLUResult, text: str,
                          f: SearchFilter) -> tuple[list[Candidate], SearchFilter, str] | None:
        """When nothing matches: what the catalog has with one material or style wish let go (the one said
        before this message first), as (candidates, filter, relax label); None when that does not help either.
        The colour, budget, brands, size and category always hold."""
        said_now = {"materials": nlu.slots.get("material"), "styles": nlu.slots.get("style")}
        if state.styles_are_look(f.styles):  # "mid century or scandi vibe", then "nothing over 1000": the look gives way first
            said_now = {"materials": True, "styles": False}
        for name in sorted((n for n in ("materials", "styles") if getattr(f, n)), key=lambda n: bool(said_now[n])):
            loose = f.model_copy(update={name: []})
            candidates = await self.retrieve(state, text, loose)
            if candidates:
                return candidates, loose, "Any material" if name == "materials" else "Any style"
        return None

    async def loosen_price(self, state: DialogueState, nlu: NLUResult, text: str, f: SearchFilter,
                           intro: str | None) -> tuple[list[Candidate], SearchFilter, str | None]:
        """When nothing matches, a price bound the shopper did not say as an amount gives way: the one a
        "cheaper" / "more premium" critique set, or any bound when they ask for "the cheapest ... you have"
        (which says what they want within whatever price). Everything else they said still holds."""
        said_price = nlu.slots.get("price_max") is not None or nlu.slots.get("price_min") is not None
        superlative = phrases.SUPERLATIVE.search(nlu.text)
        cheapest = bool(superlative and re.search(r"cheap|least expensive|lowest", superlative.group(0), re.I))
        bound = state.critique_price_bound
        if bound and getattr(f, bound[0]) is not None and not said_price:
            loosened = {bound[0]: bound[1]}  # back to the shopper's own budget, if any
            note = "Nothing " + ("cheaper" if bound[0] == "price_max" else "pricier") + " fits as well"
        elif cheapest and not said_price and (f.price_max is not None or f.price_min is not None):
            loosened = {"price_max": None, "price_min": None}
            note = f"Nothing is {price_phrase(f)}"
        else:
            return [], f, intro
        loose = f.model_copy(update=loosened)
        candidates = await self.retrieve(state, text, loose)
        if not candidates:
            return [], f, intro
        for name, value in loosened.items():  # for the rest of the request too
            setattr(state.constraints, name, value)
        state.critique_price_bound = None
        return candidates, loose, intro or f"{note}; here are the {describe(loose)}:"
