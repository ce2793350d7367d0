"""Training data for the NLU model, generated from templates and the catalog's vocabulary.

Templates (``bot/nlu/templates/*.yaml``) hold phrasings per intent with
placeholders (``{category}``, ``{price_max}``, ``{item_ref}``, ...). Filling
them with the served catalog's brands, categories, colors, ... (mixed with a
generic shop vocabulary) makes the shop's own values slot values. Each
example keeps its slot spans as character offsets; ``bio_tags`` turns them
into BIO tags aligned with the tokenizer's sub-word tokens.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

from bot.nlu.intents import INTENTS, SLOT_TYPES
from bot.nlu.synonyms import is_room

TEMPLATE_DIR = Path(__file__).with_name("templates")
TEMPLATE_FILES = ("shopping.yaml", "service.yaml", "conversation.yaml")
ATTRIBUTE_FIELDS = ("category", "brand", "color", "material", "style", "size")


class Span(BaseModel):
    """A slot in an example's text: ``text[start:end]`` has type ``slot``."""

    slot: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class Example(BaseModel):
    """One labelled message: its intent and slot spans."""

    text: str
    intent: str
    spans: list[Span] = Field(default_factory=list)

    def span_texts(self) -> list[tuple[str, str]]:
        return [(s.slot, self.text[s.start : s.end]) for s in self.spans]


# ------------------------------------------------------------------ templates


@lru_cache(maxsize=1)
def load_templates() -> dict[str, dict]:
    """Intent -> {"count", "sentences", "actions"}, plus "_frames" (request frames for actions)."""
    merged: dict[str, dict] = {}
    for name in TEMPLATE_FILES:
        data = yaml.safe_load((TEMPLATE_DIR / name).read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if key in merged:
                raise ValueError(f"intent {key!r} defined twice in templates")
            merged[key] = value
    unknown = set(merged) - set(INTENTS) - {"_frames"}
    missing = set(INTENTS) - set(merged)
    if unknown or missing:
        raise ValueError(f"templates do not match the intent inventory: unknown={sorted(unknown)} missing={sorted(missing)}")
    return merged


@lru_cache(maxsize=1)
def generic_vocabulary() -> dict[str, list[str]]:
    """The generic shop vocabulary of ``templates/vocabulary.yaml``."""
    return yaml.safe_load((TEMPLATE_DIR / "vocabulary.yaml").read_text(encoding="utf-8"))


def fill_vocabulary(catalog_values: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Values used to fill slots: the catalog's own (preferred) and the generic ones, per field."""
    generic = generic_vocabulary()
    merged: dict[str, list[str]] = {}
    for field in set(generic) | set(catalog_values or {}):
        values = {v.strip() for v in (catalog_values or {}).get(field, []) if v and v.strip()}
        if field == "category":  # "Living Room", "Office": path levels that name a room are rooms, never tagged
            values = {v for v in values if not is_room(v)}
        merged[f"catalog_{field}"] = sorted(values)
        merged[field] = list(generic.get(field, []))
    return merged


# ------------------------------------------------------------------ phrase generators

_AMOUNTS = [15, 20, 25, 30, 40, 50, 60, 75, 80, 99, 100, 120, 150, 199, 200, 250, 300, 350, 400, 450, 500,
            600, 700, 750, 800, 900, 1000, 1200, 1500, 2000, 2500, 3000, 5000]
_WORD_AMOUNTS = {50: "fifty", 100: "a hundred", 200: "two hundred", 300: "three hundred", 500: "five hundred",
                 1000: "a grand", 150: "one hundred fifty", 80: "eighty", 30: "thirty", 2000: "two thousand"}


def _amount(rng: random.Random, value: float | None = None) -> str:
    value = value if value is not None else rng.choice(_AMOUNTS)
    v = int(value)
    forms = [f"${v}", f"{v}", f"{v}", f"{v} dollars", f"{v} bucks", f"{v}$", f"{v} usd", f"€{v}", f"{v} euros",
             f"£{v}", f"${v:,}", f"{v:,}"]
    if v >= 1000:
        k = f"{v / 1000:g}"
        forms += [f"{k}k", f"${k}k", f"{k} k", f"{k}k dollars"]
    if v in _WORD_AMOUNTS:
        forms += [_WORD_AMOUNTS[v], f"{_WORD_AMOUNTS[v]} dollars"]
    return rng.choice(forms)


def price_phrase(kind: str, rng: random.Random) -> str:
    """A price phrase: ``price_max`` "under $300", ``price_min`` "at least 100", ``price_range``, ``price_around``, ``money``."""
    if kind == "price_max":
        amount = _amount(rng)
        before = ["under", "below", "less than", "no more than", "at most", "max", "up to", "cheaper than", "within",
                  "not more than", "under", "below", "for less than", "for under", "maximum", "lower than", "<",
                  "not exceeding", "max of"]
        after = ["or less", "or under", "max", "tops", "or cheaper", "at most"]
        return f"{rng.choice(before)} {amount}" if rng.random() < 0.8 else f"{amount} {rng.choice(after)}"
    if kind == "price_min":
        amount = _amount(rng)
        before = ["over", "above", "more than", "at least", "starting at", "from", "min", "minimum", "no less than"]
        after = ["or more", "and up", "and above", "plus", "+"]
        if rng.random() < 0.8:
            return f"{rng.choice(before)} {amount}"
        word = rng.choice(after)
        return f"{amount}+" if word == "+" else f"{amount} {word}"
    if kind == "price_range":
        low = rng.choice(_AMOUNTS[:-3])
        high = rng.choice([a for a in _AMOUNTS if a > low])
        a, b = _amount(rng, low), _amount(rng, high)
        plain_a = a.replace(" dollars", "").replace(" bucks", "").replace(" euros", "")
        forms = [f"between {plain_a} and {b}", f"{plain_a}-{b}", f"{plain_a} - {b}", f"{plain_a} to {b}",
                 f"from {plain_a} to {b}", f"in the {low}-{high} range", f"{low} to {high} dollars",
                 f"${low}-${high}", f"somewhere between {plain_a} and {b}"]
        return rng.choice(forms)
    if kind == "price_around":
        amount = _amount(rng)
        forms = [f"around {amount}", f"about {amount}", f"roughly {amount}", f"approximately {amount}",
                 f"close to {amount}", f"~{amount}", f"{amount} or so", f"{amount}ish", f"give or take {amount}"]
        return rng.choice(forms)
    return _amount(rng)


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth"]
_ORDINAL_NUMS = ["1st", "2nd", "3rd", "4th", "5th"]


def item_ref_phrase(rng: random.Random, multi: bool = True) -> str:
    """An item reference: "the second one", "#3", "number 2", "the first and third", "the last one"."""
    i = rng.randrange(5)
    single = [
        f"the {_ORDINAL_WORDS[i]} one", f"the {_ORDINAL_WORDS[i]} one", f"the {_ORDINAL_WORDS[i]}", f"#{i + 1}",
        f"number {i + 1}", f"no. {i + 1}", f"item {i + 1}", f"option {i + 1}", f"the {_ORDINAL_NUMS[i]} one",
        f"{_ORDINAL_WORDS[i]} one", "the last one", "the last", f"product {i + 1}", f"the {_ORDINAL_WORDS[i]} option",
        "the top one", f"#{i + 1} one", f"{i + 1}", "the second to last one",
    ]
    if multi and rng.random() < 0.2:
        j = rng.choice([k for k in range(5) if k != i])
        a, b = sorted((i, j))
        multiple = [f"the {_ORDINAL_WORDS[a]} and {_ORDINAL_WORDS[b]}", f"the {_ORDINAL_WORDS[a]} and the {_ORDINAL_WORDS[b]} one",
                    f"{a + 1} and {b + 1}", f"#{a + 1} and #{b + 1}", "the first two", "the first three", "both",
                    f"number {a + 1} and {b + 1}"]
        return rng.choice(multiple)
    return rng.choice(single)


_SYLLABLES = ["ar", "bel", "ca", "den", "el", "far", "gro", "hal", "is", "jo", "ka", "lin", "mar", "no", "ol", "pen",
              "qui", "ros", "sa", "tor", "ul", "ven", "wil", "xa", "yor", "zen", "bri", "clo", "dra", "fen", "ley", "ton"]


def product_line_name(rng: random.Random) -> str:
    """A made-up product-line or model name ("Marden", "Kalo 72"): shoppers search by them."""
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice([2, 2, 3])))
    name = name.capitalize() if rng.random() < 0.5 else name
    if rng.random() < 0.25:
        name += " " + rng.choice(["72", "3-seat", "ii", "2.0", "60", "xl", "pro", "plus", str(rng.randrange(2, 999))])
    if rng.random() < 0.2:
        name = name + " " + "".join(rng.choice(_SYLLABLES) for _ in range(2))
    return name


def order_id_phrase(rng: random.Random) -> str:
    n = rng.randrange(10000, 99999999)
    forms = [f"#{n}", f"{n}", f"A-{n % 100000}", f"ORD-{n % 1000000}", f"#SB{n % 100000}", f"ord{n % 100000}",
             f"{chr(65 + n % 26)}{n % 1000000}"]
    return rng.choice(forms)


def _pluralize(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es" if not word.endswith("s") else word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# ------------------------------------------------------------------ segments

Segment = tuple[str, str | None]  # (text, slot type or None)


class _Filler:
    """Fills placeholders with segments; vocabulary values prefer the catalog's own."""

    def __init__(self, vocab: dict[str, list[str]], rng: random.Random):
        self.vocab = vocab
        self.rng = rng

    def value(self, field: str) -> str:
        rng = self.rng
        catalog = self.vocab.get(f"catalog_{field}", [])
        generic = self.vocab.get(field, [])
        pool = catalog if catalog and (not generic or rng.random() < 0.55) else generic
        value = rng.choice(pool) if pool else field
        if field == "category":
            value = value.lower() if rng.random() < 0.8 else value
            words = value.split()
            if pool is generic and words and rng.random() < 0.3 and not words[-1].endswith("s"):
                value = " ".join(words[:-1] + [_pluralize(words[-1])])
        elif rng.random() < 0.7:
            value = value.lower()
        return value

    def noun_phrase(self, with_price: bool) -> list[Segment]:
        rng = self.rng
        segs: list[Segment] = []
        if rng.random() < 0.15:
            segs.append((self.value("size"), "size"))
        if rng.random() < 0.2:
            segs.append((self.value("style"), "style"))
        if rng.random() < 0.4:
            segs.append((self.value("color"), "color"))
        if rng.random() < 0.25:
            segs.append((self.value("material"), "material"))
        brand_first = rng.random() < 0.12
        if brand_first:
            segs.insert(0, (self.value("brand"), "brand"))
        if rng.random() < 0.3:
            segs.append((rng.choice(self.vocab.get("modifier", ["nice"])), None))
        segs.append((self.value("category"), "category"))
        if not brand_first and rng.random() < 0.12:
            segs.append((rng.choice(["by", "from"]), None))
            segs.append((self.value("brand"), "brand"))
        if rng.random() < 0.1:
            segs.append((rng.choice(["for my", "for the", "for a"]), None))
            segs.append((rng.choice(self.vocab.get("room", ["home"])), None))
        if rng.random() < 0.06:
            segs.append((rng.choice(["not", "but not", "no"]), None))
            segs.append((self.value("brand"), "exclude_brand"))
        elif rng.random() < 0.05:
            segs.append((rng.choice(["without", "no"]), None))
            segs.append((self.value("material"), "exclude_material"))
        if with_price and rng.random() < 0.4:
            # floors are rarer than ceilings but must not be learnt as ceilings ("over 500" is a price_min)
            kind = rng.choice(["price_max"] * 4 + ["price_min"] * 2 + ["price_range", "price_around"])
            segs.append((price_phrase(kind, rng), _PRICE_TAG[kind]))
        return segs

    def fill(self, name: str) -> list[Segment]:
        rng = self.rng
        if name == "np":
            return self.noun_phrase(with_price=True)
        if name == "np_bare":
            return self.noun_phrase(with_price=False)
        base = name.rstrip("0123456789")
        if base in ATTRIBUTE_FIELDS:
            return [(self.value(base), base)]
        if base.startswith("exclude_"):
            return [(self.value(base.removeprefix("exclude_")), base)]
        if base in _PRICE_TAG:
            return [(price_phrase(base, rng), _PRICE_TAG[base])]
        if base == "item_ref":
            return [(item_ref_phrase(rng, multi=name == "item_ref"), "item_ref")]
        if base == "order_id":
            return [(order_id_phrase(rng), "order_id")]
        if base == "product_line":
            return [(product_line_name(rng), None)]
        if base in self.vocab:  # untagged fillers: modifier, room, attribute_question, theme
            return [(rng.choice(self.vocab[base]), None)]
        raise KeyError(f"unknown template placeholder {{{name}}}")


_PRICE_TAG = {"price_max": "price_max", "price_min": "price_min", "price_range": "price", "price_around": "price",
              "money": "price_max"}
_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def template_segments(template: str, filler: _Filler) -> list[Segment]:
    """Split a template into literal and filled segments."""
    segs: list[Segment] = []
    pos = 0
    for match in _PLACEHOLDER_RE.finditer(template):
        if match.start() > pos:
            segs.append((template[pos : match.start()], None))
        filled = filler.fill(match.group(1))
        for k, seg in enumerate(filled):
            if k > 0:
                segs.append((" ", None))
            segs.append(seg)
        pos = match.end()
    if pos < len(template):
        segs.append((template[pos:], None))
    return segs


# ------------------------------------------------------------------ noise

_KEYBOARD_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoasdfghjkllxcvbnmn"))
_CONTRACTIONS = {"i'm": "im", "don't": "dont", "can't": "cant", "what's": "whats", "i'd": "id", "it's": "its",
                 "you": "u", "please": "pls", "thanks": "thx", "doesn't": "doesnt", "isn't": "isnt"}


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + _KEYBOARD_NEIGHBOURS.get(word[i], word[i]) + word[i + 1 :]


def _noisy(text: str, rng: random.Random, typo_rate: float) -> str:
    words = text.split(" ")
    out = []
    for word in words:
        lowered = word.lower()
        if lowered in _CONTRACTIONS and rng.random() < 0.25:
            word = _CONTRACTIONS[lowered]
        elif rng.random() < typo_rate:
            word = _typo(word, rng)
        out.append(word)
    return " ".join(out)


_PREFIXES = ["hi ", "hey ", "hello, ", "please ", "ok ", "so ", "um ", "excuse me, ", "hi there, ", "good morning, ",
             "quick question: ", "hey, ", "yes, ", "well, "]
_SUFFIXES = [" please", " thanks", " thank you", "?", " asap", " pls", "!", " thx", " :)", "...", " please help",
             " thanks in advance"]
_QUIET_INTENTS = {"greet", "thanks", "goodbye"}
_INTENSIFIERS = ["fucking", "damn", "bloody", "freaking", "stupid"]


def augment(segs: list[Segment], intent: str, rng: random.Random) -> list[Segment]:
    """Typos, colloquial spellings, politeness, dropped punctuation, letter case."""
    out: list[Segment] = []
    for text, slot in segs:
        if slot is None:
            text = _noisy(text, rng, typo_rate=0.06)
        elif slot in ATTRIBUTE_FIELDS or slot.startswith("exclude_"):
            if rng.random() < 0.05:
                text = _noisy(text, rng, typo_rate=0.5)
        out.append((text, slot))
    if rng.random() < 0.03:  # angry customers swear: "i want my fucking money back"
        literal = [k for k, (t, slot) in enumerate(out) if slot is None and len(t.split()) >= 2]
        if literal:
            k = rng.choice(literal)
            words = out[k][0].split(" ")
            at = rng.randrange(1, len(words))
            words.insert(at, rng.choice(_INTENSIFIERS))
            out[k] = (" ".join(words), None)
    if intent not in _QUIET_INTENTS:
        if rng.random() < 0.12:
            out.insert(0, (rng.choice(_PREFIXES), None))
        if rng.random() < 0.12:
            out.append((rng.choice(_SUFFIXES), None))
    if rng.random() < 0.4:
        out = [(re.sub(r"[?!.,]", "", t) if s is None else t, s) for t, s in out]
    if rng.random() < 0.15:
        out = [(t.upper() if rng.random() < 0.1 else t.capitalize() if i == 0 else t, s) for i, (t, s) in enumerate(out)]
    return out


def example_from_segments(segs: Sequence[Segment], intent: str) -> Example | None:
    """Join segments into text with character spans; None when the text is empty."""
    text = ""
    spans: list[Span] = []
    for seg_text, slot in segs:
        if not seg_text:
            continue
        if slot is not None:
            if text and not text.endswith(" ") and text[-1].isalnum():
                text += " "
            start = len(text)
            text += seg_text
            spans.append(Span(slot=slot, start=start, end=len(text)))
        else:
            if text and seg_text[0].isalnum() and text[-1].isalnum():
                text += " "
            text += seg_text
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    text = stripped
    spans = [Span(slot=s.slot, start=s.start - lead, end=s.end - lead) for s in spans]
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    # one convention for gold and decoding: "#2 and #5" is one item_ref span, "side table" one category
    return Example(text=text, intent=intent, spans=merge_adjacent_spans(text, spans))


# ------------------------------------------------------------------ generation


def generate_examples(
    catalog_values: dict[str, list[str]] | None = None, *, scale: float = 1.0, seed: int = 13
) -> list[Example]:
    """Labelled examples for every intent, deduplicated by lower-cased text.

    ``catalog_values`` is the served catalog's vocabulary (field -> values,
    e.g. from ``bot.nlu.normalize.vocabulary_from_products``); ``scale``
    multiplies each intent's example count.
    """
    rng = random.Random(seed)
    templates = load_templates()
    filler = _Filler(fill_vocabulary(catalog_values), rng)
    frames: list[str] = templates["_frames"]
    seen: set[str] = set()
    examples: list[Example] = []
    for intent in INTENTS:
        spec = templates[intent]
        sentences: list[str] = spec.get("sentences") or []
        actions: list[str] = spec.get("actions") or []
        target = max(8, int(spec.get("count", 200) * scale))
        made, attempts = 0, 0
        while made < target and attempts < target * 8:
            attempts += 1
            if actions and (not sentences or rng.random() < 0.6):
                template = rng.choice(frames).replace("{action}", rng.choice(actions))
            else:
                template = rng.choice(sentences)
            segs = augment(template_segments(template, filler), intent, rng)
            example = example_from_segments(segs, intent)
            if example is None:
                continue
            key = re.sub(r"[^\w$€£#]+", " ", example.text.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            examples.append(example)
            made += 1
    rng.shuffle(examples)
    return examples


def split_examples(examples: Sequence[Example], heldout_fraction: float = 0.12, seed: int = 13
                   ) -> tuple[list[Example], list[Example]]:
    """A stratified (per intent) train / held-out split."""
    rng = random.Random(seed + 1)
    by_intent: dict[str, list[Example]] = {}
    for ex in examples:
        by_intent.setdefault(ex.intent, []).append(ex)
    train: list[Example] = []
    heldout: list[Example] = []
    for intent in sorted(by_intent):
        items = list(by_intent[intent])
        rng.shuffle(items)
        n_held = max(1, round(len(items) * heldout_fraction))
        heldout += items[:n_held]
        train += items[n_held:]
    rng.shuffle(train)
    rng.shuffle(heldout)
    return train, heldout


# ------------------------------------------------------------------ BIO tags


def bio_tags(offsets: Sequence[tuple[int, int]], spans: Iterable[Span]) -> list[str | None]:
    """BIO tag per token; None for special/padding tokens (offset (0, 0)).

    A token belongs to the span that contains its first character; the first
    token of a span gets ``B-``, the following ones ``I-``.
    """
    spans = sorted(spans, key=lambda s: s.start)
    tags: list[str | None] = []
    started: set[int] = set()
    for start, end in offsets:
        if start == end:
            tags.append(None)
            continue
        tag = "O"
        for k, span in enumerate(spans):
            if span.start <= start < span.end:
                tag = ("I-" if k in started else "B-") + span.slot
                started.add(k)
                break
        tags.append(tag)
    return tags


def spans_from_tags(text: str, offsets: Sequence[tuple[int, int]], tags: Sequence[str | None]) -> list[Span]:
    """Character spans from per-token BIO tags (lenient: a stray ``I-x`` starts a span).

    Span ends are extended to the end of the word so a word split into
    sub-tokens is never cut.
    """
    spans: list[Span] = []
    current: Span | None = None
    for (start, end), tag in zip(offsets, tags):
        if start == end or tag is None:
            continue
        if tag == "O":
            current = None
            continue
        prefix, slot = tag.split("-", 1)
        if slot not in SLOT_TYPES:
            current = None
            continue
        joins_word = current is not None and start == current.end and text[start - 1 : start].isalnum()
        if current is not None and current.slot == slot and (prefix == "I" or joins_word):
            current.end = end
            continue
        if current is not None and joins_word:  # a sub-word tagged differently stays in its word's span
            current.end = end
            continue
        current = Span(slot=slot, start=start, end=end)
        spans.append(current)
    for span in spans:
        while span.end < len(text) and text[span.end].isalnum():
            span.end += 1
        while span.start > 0 and text[span.start - 1].isalnum():
            span.start -= 1
    return merge_adjacent_spans(text, spans)


_ITEM_JOINERS = re.compile(r"^\s*(?:and|&|,|or|and the|, and)?\s*$", re.IGNORECASE)


def merge_adjacent_spans(text: str, spans: list[Span]) -> list[Span]:
    """Join same-type spans separated only by spaces ("side" + "table"), and item references joined by
    "and" / "," ("#2 and" + "#5")."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and merged[-1].slot == span.slot and span.start >= merged[-1].end:
            gap = text[merged[-1].end : span.start]
            if not gap.strip() or (span.slot == "item_ref" and _ITEM_JOINERS.match(gap)):
                merged[-1] = Span(slot=span.slot, start=merged[-1].start, end=max(merged[-1].end, span.end))
                continue
        merged.append(span)
    return merged
