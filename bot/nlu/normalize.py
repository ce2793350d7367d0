"""Rules that turn tagged slot text into normalized values.

The model finds the spans ("under 200 bucks", "the second one", "IKEA");
these functions read them: prices -> (min, max), item references -> 1-based
positions, order ids -> canonical ids, attribute values -> the catalog's own
vocabulary (case, plurals, synonyms, small typos). Relative critiques
("cheaper", "bigger") are read from the whole message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from bot.nlu.synonyms import is_room, lexicon, singular_word

# ---------------------------------------------------------------- numbers

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000}

_NUM_WORD = "|".join(sorted(list(_UNITS) + list(_TENS) + ["hundred", "thousand", "grand", "a", "an", "and"], key=len, reverse=True))
_WORD_NUMBER_RE = re.compile(rf"\b(?:{_NUM_WORD})(?:[\s-]+(?:{_NUM_WORD}))*\b")

# "$1,200.50", "1.2k", "2 k", "€300", "300$", "1200usd"
_NUMBER_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<scale>k\b|grand\b|thousand\b|hundred\b)?",
    re.IGNORECASE,
)


def _words_to_number(words: str) -> float | None:
    """'two hundred and fifty' -> 250; None when no number word is present."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in ("a", "an"):
            current += 1 if current == 0 else 0
        elif word == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif word in ("thousand", "grand"):
            total += max(current, 1) * 1000
            current = 0
            seen = True
    return float(total + current) if seen else None


def _split_number_words(words: list[str]) -> list[list[str]]:
    """Split a run of number words into numbers: 'fifty and eighty' -> two; 'two hundred and fifty' -> one."""
    groups: list[list[str]] = [[]]
    for i, word in enumerate(words):
        if word == "and":
            rest = words[i + 1 :]
            joins = groups[-1] and groups[-1][-1] in ("hundred", "thousand", "grand") and not any(
                w in ("hundred", "thousand", "grand") for w in rest
            )
            if joins:
                continue
            groups.append([])
            continue
        groups[-1].append(word)
    return [g for g in groups if g]


def _replace_number_words(text: str) -> str:
    def repl(match: re.Match) -> str:
        words = [w for w in re.split(r"[\s-]+", match.group(0).lower()) if w]
        if all(w in ("a", "an", "and", "one") for w in words):
            return match.group(0)
        parts = []
        for group in _split_number_words(words):
            value = _words_to_number(" ".join(group))
            parts.append(f"{value:g}" if value is not None else " ".join(group))
        return " " + " and ".join(parts) + " "

    return _WORD_NUMBER_RE.sub(repl, text)


# "5 hundred", "2 grand": digits with a scale word are one amount, before the words are read as numbers
_DIGITS_SCALED_RE = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(hundred|thousand|grand)\b", re.IGNORECASE)


def extract_numbers(text: str) -> list[float]:
    """All amounts in a phrase, in order: '$1.2k' -> [1200.0]; 'fifty to eighty' -> [50.0, 80.0]."""
    text = _DIGITS_SCALED_RE.sub(lambda m: f"{float(m.group(1)) * _SCALES[m.group(2).lower()]:g}", text)
    text = _replace_number_words(text)
    values: list[float] = []
    for match in _NUMBER_RE.finditer(text):
        value = float(match.group("num").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        if scale:
            value *= _SCALES[scale]
        values.append(value)
    return values


# ---------------------------------------------------------------- prices

_MAX_WORDS = re.compile(
    r"\b(under|undr|udner|below|beneath|less than|lower than|cheaper than|at most|no more than|not more than|max(?:imum)?|"
    r"up to|upto|within|or less|or under|or below|tops|top|no higher than|doesn'?t exceed|not over|"
    r"budget|afford|can spend|spend|limit|ceiling|at the most)\b|<=?|≤",
    re.IGNORECASE,
)
_MIN_WORDS = re.compile(
    r"\b(over|above|more than|greater than|at least|min(?:imum)?|starting at|starting from|from|"
    r"or more|or above|or higher|plus|no less than|not less than|higher than|upwards of|north of)\b|>=?|≥|\+",
    re.IGNORECASE,
)
# A negated direction flips it: "nothing over 900", "not more than 500", "no higher than 300" are ceilings;
# "not under 100", "no less than 50" are floors. Checked before the plain direction words.
_NEGATION = r"(?:not|no|nothing|nothin'?|nuthin'?|never|none|don'?t|do not|doesn'?t|does not|won'?t|can'?t|cannot|shouldn'?t|without)"
_NEGATED_MAX = re.compile(
    rf"\b{_NEGATION}\s+(?:\w+\s+){{0,3}}?(?:over|above|more than|higher than|greater than|exceed(?:ing|s)?|beyond|"
    r"past|north of|upwards of|more expensive than|pricier than|costlier than)\b",
    re.IGNORECASE,
)
_NEGATED_MIN = re.compile(
    rf"\b{_NEGATION}\s+(?:\w+\s+){{0,3}}?(?:under|below|less than|lower than|cheaper than|beneath)\b",
    re.IGNORECASE,
)
_AROUND_WORDS = re.compile(
    r"\b(around|about|approximately|approx|roughly|close to|near|or so|give or take|ballpark|in the range of)\b|~|ish\b",
    re.IGNORECASE,
)
# "budget around 1000", "spend about 500": a budget is a ceiling, so "around" only loosens it upwards.
_BUDGET_WORDS = re.compile(r"\b(budget|spend|spending|afford|max(?:imum)?|at most|up to|limit|ceiling)\b", re.IGNORECASE)
_RANGE_WORDS = re.compile(r"\b(between|to|and|through)\b|-|–", re.IGNORECASE)

AROUND_MARGIN = 0.2
# A direction said with "about" wins over it ("what about under 150"); words that name a budget without a
# direction ("spend") give way to a floor said with them ("spend at least 1000").
_STRICT_DIRECTION = re.compile(
    r"\b(under|below|beneath|less than|lower than|at most|no more than|or less|up to|over|above|more than|at least|"
    r"no less than|or more|upwards of)\b|\d\s*k?\s+(?:max|maximum|tops|at the most)\b", re.IGNORECASE)  # "around 1k max"
_BUDGET_ONLY = frozenset({"budget", "afford", "can spend", "spend", "limit"})
_FLOOR_WORDS = re.compile(r"\b(at least|minimum|no less than|not less than|upwards of)\b|\d\s*\+|\d\s+(?:or more|plus)\b", re.IGNORECASE)


_NUMBER_AT = re.compile(r"[$£€]?\s*\d")


def parse_price(text: str, hint: str | None = None) -> tuple[float | None, float | None]:
    """Read a price phrase as a (min, max) range; either end may be None.

    ``hint`` is the tagged slot type (``price_min``, ``price_max`` or ``price``)
    and decides only when the phrase has no direction word of its own.

    >>> parse_price("under 200 bucks")
    (None, 200.0)
    >>> parse_price("nothing over 900 bucks")
    (None, 900.0)
    >>> parse_price("nothin over 300 pls")
    (None, 300.0)
    >>> parse_price("at least, under 700")
    (None, 700.0)
    >>> parse_price("what about up to 250")
    (None, 250.0)
    >>> parse_price("between 50 and 80")
    (50.0, 80.0)
    >>> parse_price("around 500")
    (400.0, 600.0)
    >>> parse_price("budget around 1000")
    (None, 1200.0)
    """
    numbers = extract_numbers(text)
    if not numbers:
        return None, None
    if len(numbers) >= 2:
        low, high = sorted(numbers[:2])
        if _MAX_WORDS.search(text) and not _RANGE_WORDS.search(text):
            return None, high
        return low, high
    value = numbers[0]
    lowered = text.lower()
    if _NEGATED_MAX.search(lowered):
        return None, value
    if _NEGATED_MIN.search(lowered):
        return value, None
    if (_AROUND_WORDS.search(re.sub(r"\b(?:what|how)\s+about\b", " ", lowered))  # "what about up to 250" is up to 250
            and not _STRICT_DIRECTION.search(lowered)):  # "what about under 150" is under
        high = round(value * (1 + AROUND_MARGIN), 2)
        if _BUDGET_WORDS.search(lowered):
            return None, high
        return round(value * (1 - AROUND_MARGIN), 2), high
    # "from 100" is a minimum, but "from 100 to 200" was handled above.
    is_min = bool(_MIN_WORDS.search(lowered))
    is_max = bool(_MAX_WORDS.search(lowered))
    if is_max and _FLOOR_WORDS.search(lowered) and all(m.group(0) in _BUDGET_ONLY for m in _MAX_WORDS.finditer(lowered)):
        is_max = False  # "spend at least 1000": the floor, not a budget ceiling
    if is_max and not is_min:
        return None, value
    if is_min and not is_max:
        return value, None
    if is_min and is_max:  # "4 people at least, under 700": the direction said last before the amount
        at = _NUMBER_AT.search(lowered)
        before = lowered[: at.start()] if at else lowered
        last_max = max((m.end() for m in _MAX_WORDS.finditer(before) if m.group(0) not in _BUDGET_ONLY), default=-1)
        last_min = max((m.end() for m in _MIN_WORDS.finditer(before)), default=-1)
        if last_max >= 0 and last_min >= 0:  # (not "I should not like to spend more than 450": "spend" names no direction)
            return (None, value) if last_max > last_min else (value, None)
    if hint == "price_min":
        return value, None
    return None, value  # a bare amount is a budget: "a sofa for $500"


# Words that, right before a tagged price, belong to it: "nothing | over 900", "budget | around | 1000".
_PRICE_LEAD_WORDS = frozenset(
    "nothing nothin nothin' nuthin not no never none don't dont do doesn't doesnt won't wont can't cant cannot without anything go going "
    "budget budgets budget's spend spending afford max maximum min minimum at most least up upto to around about roughly "
    "approximately approx close near under undr udner below beneath over above more less than higher lower greater cheaper "
    "exceeding exceed past beyond within tops is of my our a an ~ want wanna pay paying cost costs costing that "
    "which be should would".split()
)
_LEAD_TOKEN = re.compile(r"[\w'~]+")


def price_lead(text: str, start: int, max_words: int = 6) -> int:
    """Where a price span starting at ``start`` really starts once the direction and negation words just
    before it are included ("my living room needs a sofa, nothing | over 900" -> the offset of "nothing")."""
    before = text[:start]
    tokens = list(_LEAD_TOKEN.finditer(before))
    new_start = start
    taken = 0
    for token in reversed(tokens):
        gap = before[token.end() : new_start]
        if gap.strip() or taken >= max_words:  # a comma or other text between: stop
            break
        if token.group(0).lower().rstrip("'") not in _PRICE_LEAD_WORDS:  # ("budget's" tagged from its "s")
            break
        new_start = token.start()
        taken += 1
    # the lead starts at its first direction, negation or budget word ("that is | not over 300")
    while new_start < start:
        first = _LEAD_TOKEN.match(text, new_start)
        if first is None or first.group(0).lower() not in _PRICE_LEAD_FILLER:
            break
        rest = text[first.end() : start]
        new_start = first.end() + (len(rest) - len(rest.lstrip()))
    return new_start


_PRICE_LEAD_FILLER = frozenset("a an is of my our to go going do that which be should would want wanna it".split())


_FILLER_WORDS = ("style", "styled", "color", "colour", "colored", "size", "sized", "look", "type", "kind", "shape",
                 "finish", "one", "ones")


def _is_filler_word(text: str) -> bool:
    """A span that is only a word like "style" or "colour" (or a typo of one: "stlye")."""
    words = _key(text).split()
    return len(words) == 1 and bool(difflib.get_close_matches(words[0], _FILLER_WORDS, n=1, cutoff=0.75))


_PRICE_SLOTS = ("price", "price_min", "price_max")
# A price said with its direction ("under 500", "max 800", "at least 300") and one said bare ("1.6k", "$1,679")
_PRICE_BOUND = re.compile(r"\b(?:under|below|less than|max(?:imum)?|up to|upto|no more than|not more than|at most|over|above|"
                          r"more than|at least|min(?:imum)?|between|within|tops|or less|or under|cheaper than|budget)\b", re.I)
_BARE_AMOUNT = re.compile(r"^\W*\$?\s*\d[\d,]*(?:\.\d+)?\s*(?:k|grand|dollars?|bucks|usd)?\W*$", re.I)


def widen_price_spans(text: str, spans: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Price spans as normalization should read them: neighbouring price pieces joined ("around" + "1000"),
    each extended over the direction / negation words just before it ("nothing" + "over 900")."""
    out: list[tuple[str, int, int]] = []
    for slot, start, end in sorted(spans, key=lambda s: s[1]):
        if slot in _PRICE_SLOTS and out and out[-1][0] in _PRICE_SLOTS and not text[out[-1][2] : start].strip():
            prev_slot, prev_start, _ = out[-1]
            merged_slot = slot if prev_slot == "price" else prev_slot
            out[-1] = (merged_slot, prev_start, end)
            continue
        out.append((slot, start, end))
    out = [(slot, start, end + 1 if slot in _PRICE_SLOTS and text[end:end + 1] == "+" else end)  # "happy to spend 800+"
           for slot, start, end in out]
    return [(slot, _lead_of(text, start, end) if slot in _PRICE_SLOTS else start, end) for slot, start, end in out]


def _lead_of(text: str, start: int, end: int) -> int:
    """Where a price span starts with its lead words; "those are dear. Nothing under 500?" asks whether there is
    anything under 500 (a ceiling), so a "nothing" opening a question is not read into it."""
    lead = price_lead(text, start)
    if (lead < start and re.match(r"(?:nothing|none)\s", text[lead:start], re.IGNORECASE) and re.match(r"\s*\?", text[end:])
            and re.search(r"(?:^|[.!?]\s*)$", text[:lead])):
        return start + (len(text[start:end]) - len(text[start:end].lstrip()))
    return lead


# ---------------------------------------------------------------- relative critiques

_CHEAPER_RE = re.compile(
    r"\b(cheaper|less expensive|lower[- ]priced|lower price[sd]?|more affordable|more budget[- ]friendly|"
    r"too expensive|too pricey|too much money|costs? less|cheapest|less pricey|less costly|not so expensive|"
    r"bit cheaper|on a budget|more economical|inexpensive ones?|cheeper|cheper|cheapr|cheeper ones?|"
    r"(?:a bit|a little|a tad|bit|kinda|kind of|quite|rather|pretty|way|far|really|very|so) (?:pricey|expensive|steep|spendy))\b",
    re.IGNORECASE,
)
_PRICIER_RE = re.compile(
    r"\b(more expensive|pricier|higher[- ]end|more premium|premium|more upscale|fancier|luxury|luxurious|"
    r"better quality|higher quality|top of the line|higher[- ]priced|too cheap|costlier|more high[- ]end|upmarket|up-market|"
    r"posher|swankier|classier|more exclusive)\b",
    re.IGNORECASE,
)
_BIGGER_RE = re.compile(r"\b(bigger|larger|biggest|largest|wider|longer|taller|too small|more spacious|roomier)\b", re.IGNORECASE)
_SMALLER_RE = re.compile(
    r"\b(smaller|smallest|more compact|narrower|shorter|too big|too large|tinier|less bulky|slimmer)\b", re.IGNORECASE
)


def relative_critiques(text: str) -> dict[str, str]:
    """``price_relative`` ('lower'/'higher') and ``size_relative`` ('bigger'/'smaller') read from a message."""
    slots: dict[str, str] = {}
    if _CHEAPER_RE.search(text):
        slots["price_relative"] = "lower"
    elif _PRICIER_RE.search(text):
        slots["price_relative"] = "higher"
    if _BIGGER_RE.search(text):
        slots["size_relative"] = "bigger"
    elif _SMALLER_RE.search(text):
        slots["size_relative"] = "smaller"
    return slots


# ---------------------------------------------------------------- item references

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "top": 1, "last": -1, "final": -1, "latter": -1, "former": 1,
}
_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ITEM_TOKEN_RE = re.compile(
    r"(?P<pen>second[- ]to[- ]last|next[- ]to[- ]last|penultimate|one before last)"
    r"|(?P<firstn>(?:first|top)\s+(?P<n>two|three|four|five|2|3|4|5)\b)"
    r"|(?P<lastn>last\s+(?P<m>two|three|2|3)\b)"
    r"|(?P<both>\bboth\b)"
    r"|(?P<ord>\b(?:" + "|".join(_ORDINALS) + r")\b)"
    r"|(?P<ordn>\b\d{1,2}(?:st|nd|rd|th)\b)"
    r"|(?:#|\bno\.?\s*|\bnumber\s+|\bnum\s+|\bitem\s+|\boption\s+|\bproduct\s+|\bpick\s+|\bchoice\s+)"
    r"(?P<num>\d{1,2}|" + "|".join(_CARDINALS) + r")\b"
    r"|(?P<bare>\b\d{1,2}\b)"
    r"|(?P<card>\b(?:" + "|".join(_CARDINALS) + r")\b)",
    re.IGNORECASE,
)


# "a lift top", "the glass top": the part "top" names (not the top product of the list)
_PART_BEFORE_TOP = r"(?:lift|table|glass|marble|wood|wooden|stone|desk|counter|bench|tile|tiled)"
# Ordinals that name no shown product: "on second thought", "at first", "the first time", "my first flat", "second-hand"
_NOT_A_POSITION = re.compile(r"\bon second thoughts?\b|"
                             # "I'll measure the windows first and come back": what comes first, no product
                             r"\b(?:measure|check|ask|talk to|see|sleep on|think about)\b[^.?!,]{0,30}\bfirst\b|\bsecond[- ]hand\b|\bat first\b|\bfirst of all\b|\bfirst (?:time|thing)\b|"
                             r"\b(?:my|our|her|his|their) (?:very )?first (?:home|flat|apartment|house|place|baby|child|kid|job)\b|"
                             r"\b(?:first|second|third|\d{1,2}(?:st|nd|rd|th)) (?:floor|storey|story|bedroom|home)\b|"
                             # "our last ones from them faded in a year": theirs before, not the last shown
                             r"\b(?:our|my|their|his|her)\s+last\s+[a-z]+\b|"
                             # "hmm 3.2 stars 😬 anything better rated?": a rating
                             r"\b\d(?:\.\d)?\s*(?:stars?|★)|"
                             # "got a second monitor for my bday": another thing of theirs, not the second shown
                             r"\ba (?:second|third) (?!one\b|of\b)[a-z]+\b|"
                             r"\b(?:last|past|next) (?:night|week|weekend|month|year|time|summer|winter|spring|autumn|fall|"
                             r"christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"  # "we got a puppy last month"
                             # "like a lift top", "the glass top", "on top of the dresser": a part, not the first shown
                             rf"\b{_PART_BEFORE_TOP}[- ]?tops?\b|\bon top\b|"
                             # "perfect, that's the one, add it": the one talked about, not the first shown
                             r"\b(?:that'?s|this is|that is|it'?s|thats) (?:the|my) one\b|\bthe one for (?:me|us|him|her)\b")


def parse_item_refs(text: str) -> list[int]:
    """1-based positions named in a reference: 'the second one' -> [2]; '#1 and #3' -> [1, 3]; 'the last one' -> [-1].

    Negative numbers count from the end (-1 = last, -2 = second to last).
    """
    refs: list[int] = []
    lowered = _NOT_A_POSITION.sub(" ", text.lower())
    has_ordinal = bool(re.search(r"\b(" + "|".join(_ORDINALS) + r")\b|\b\d{1,2}(?:st|nd|rd|th)\b|#|number|\bno\.", lowered))
    for match in _ITEM_TOKEN_RE.finditer(lowered):
        if match.group("pen"):
            found = [-2]
        elif match.group("firstn"):
            n = match.group("n")
            found = list(range(1, (int(n) if n.isdigit() else _CARDINALS[n]) + 1))
        elif match.group("lastn"):
            m = match.group("m")
            count = int(m) if m.isdigit() else _CARDINALS[m]
            found = list(range(-count, 0))
        elif match.group("both"):
            found = [1, 2] if not refs else []
        elif match.group("ord"):
            found = [_ORDINALS[match.group("ord")]]
        elif match.group("ordn"):
            found = [int(match.group("ordn")[:-2])]  # "the 12th one"
        elif match.group("num"):
            value = match.group("num")
            found = [int(value) if value.isdigit() else _CARDINALS[value]]
        elif match.group("bare"):
            found = [int(match.group("bare"))]
        else:
            # a bare cardinal word counts only next to an ordinal ("the first and three") or alone ("two")
            word = match.group("card")
            if word == "one" and has_ordinal:
                continue  # "the second one"
            found = [_CARDINALS[word]]
        for value in found:
            if value != 0 and value not in refs:
                refs.append(value)
    return refs


# ---------------------------------------------------------------- order ids

_ORDER_ID_RE = re.compile(r"[A-Za-z]{0,4}[-#]?\d[\w-]{2,}|\d{3,}")


def normalize_order_id(text: str) -> str | None:
    """'order #A-12345' -> 'A-12345'; None when the text holds no id-like token."""
    candidates = [m.group(0) for m in _ORDER_ID_RE.finditer(text) if any(ch.isdigit() for ch in m.group(0))]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: sum(ch.isdigit() for ch in c))
    return best.strip("#-").upper()


# ---------------------------------------------------------------- catalog vocabulary

ATTRIBUTE_FIELDS = ("category", "brand", "color", "material", "style", "size")

# Shopper words for catalog values (couch -> Sofas, bedside table -> Nightstands, boho -> bohemian) live in
# ``bot.nlu.synonyms``: groups of words for one thing, used only when the catalog has a member of the group.


def _key(value: str) -> str:
    """The comparison key of a value: lower-case, single spaces, each word singular."""
    words = re.sub(r"[^\w&+' -]", " ", value.lower()).replace("-", " ").split()
    return " ".join(singular_word(w) for w in words)


_FILLER_SUFFIX = re.compile(r"[\s-]+(?:size|sized|style|styled|color|colour|colored|coloured|tone|toned|look)$")


class CatalogVocabulary:
    """The catalog's attribute values (brands, categories, colors, ...) and a matcher onto them."""

    def __init__(self, values: Mapping[str, Iterable[str]]):
        self.values: dict[str, list[str]] = {}
        self._index: dict[str, dict[str, str]] = {}
        for field, items in values.items():
            unique = sorted({v.strip() for v in items if v and v.strip()}, key=str.lower)
            self.values[field] = unique
            self._index[field] = {_key(v): v for v in unique}

    def to_dict(self) -> dict[str, list[str]]:
        return {field: list(items) for field, items in self.values.items()}

    def match(self, field: str, text: str, cutoff: float = 0.82) -> str | None:
        """The catalog value ``text`` names (exact, plural, synonym or a small typo); None when nothing is close."""
        found = self._match(field, text, cutoff)
        said, listed = set(re.findall(r"\d+", text)), set(re.findall(r"\d+", found or ""))
        if found is not None and field == "size" and said and listed and not said & listed:
            return None  # "a dining table for 4, round if possible": no 6' round rug (but "he's 12, twin size": Twin)
        return found

    def _match(self, field: str, text: str, cutoff: float) -> str | None:
        index = self._index.get(field)
        if not index or not text.strip():
            return None
        key = _key(text)
        if key in index:
            return index[key]
        trimmed = _FILLER_SUFFIX.sub("", key)  # "queen size" -> "queen", "boho style" -> "boho"
        if trimmed and trimmed != key:
            found = self.match(field, trimmed, cutoff)
            if found is not None:
                return found
        words = lexicon(field, self.values.get(field, []))
        found = words.lookup(key)  # a compound's member ("sheets" -> "Sheets & Duvets") or a synonym
        if found is not None:
            return found
        # single words need to be closer: "feathers" is not "leather"
        close = difflib.get_close_matches(key, list(index), n=1, cutoff=max(cutoff, 0.88) if " " not in key else cutoff)
        if close:
            return index[close[0]]
        found = words.fuzzy(key)  # a typo of a synonym ("bokshelf" -> "Bookcases")
        if found is not None:
            return found
        # "leather sofa" -> "sofa", "white bedside table" -> "bedside table": a multi-word span whose
        # last words name a catalog value
        split = key.split()
        if field == "color" and len(split) >= 2 and split[0] in index:
            return index[split[0]]  # "olive green", "navy blue": the shade the catalog lists is the more exact one
        for start in range(1, len(split)):
            tail = " ".join(split[start:])
            if tail in index:
                return index[tail]
            found = words.lookup(tail)
            if found is not None:
                return found
        return None

    def kinds_of(self, field: str, text: str) -> list[str]:
        """The catalog values that are kinds of the one word ``text`` names, itself included where the catalog
        has it: "plastic" -> molded plastic, recycled plastic; "wood" -> wood, solid wood, mango wood ..."""
        key = _key(text)
        if not key or " " in key:
            return []
        return [v for k, v in self._index.get(field, {}).items() if k.split()[-1] == key]

    def exact(self, field: str, text: str) -> str | None:
        """The catalog value spelled like ``text`` (case, plurals), no synonyms or typos."""
        return self._index.get(field, {}).get(_key(text))

    def normalize(self, field: str, text: str) -> str:
        """The catalog's spelling of ``text`` when it matches, else ``text`` cleaned (lower-case, trimmed)."""
        matched = self.match(field, text)
        if matched is not None:
            return matched
        return re.sub(r"\s+", " ", text.strip(" .,!?;:'\"")).lower()


_DIMENSIONS_RE = re.compile(r"\d\s*(?:\"|''|in\b|cm\b|mm\b|ft\b)|\d\s*[x×]\s*\d|\sx\s", re.IGNORECASE)


def is_vocabulary_value(field: str, value: str) -> bool:
    """A value a shopper would type: short, and for sizes a name ("Queen", "3-seater") rather than dimensions."""
    value = value.strip()
    if not value or len(value) > 40:
        return False
    if field == "size":
        return len(value) <= 20 and not _DIMENSIONS_RE.search(value)
    return True


def vocabulary_from_products(products: Iterable) -> dict[str, list[str]]:
    """Attribute values of a list of ``Product``: brands, every category level, colors, materials, styles, sizes."""
    vocab: dict[str, set[str]] = {field: set() for field in ATTRIBUTE_FIELDS}
    for product in products:
        for level in product.category or []:
            if level and is_vocabulary_value("category", level):
                vocab["category"].add(level.strip())
        for field in ("brand", "color", "material", "style", "size"):
            value = getattr(product, field, None)
            if value and is_vocabulary_value(field, value):
                vocab[field].add(value.strip())
    return {field: sorted(values, key=str.lower) for field, values in vocab.items()}


# ---------------------------------------------------------------- all slots of one message

_EXCLUDE_FIELD = {
    "exclude_brand": "brand",
    "exclude_color": "color",
    "exclude_material": "material",
    "exclude_category": "category",
    "exclude_size": "size",
}


# Exclusions that take in every kind of a word the catalog has no value for ("no plastic")
_EXCLUDE_KINDS = ("exclude_material", "exclude_color")


_NEGATION_BEFORE = re.compile(
    r"(?:\bnot|\bno|\bwithout|\bexcept|\bexcluding|\banything but|\beverything but|\banything except|"
    r"\bnothing from|\bnothing in|\bnothing|\bdon'?t want|\bdo not want|\bno more|\bavoid|\bexclude|\bskip|"
    r"\bnone of|\bother than|\bbesides|\brather than|\binstead of|"
    r"\bcan'?t stand|\bcannot stand|\bcan'?t bear|\bhates?|\bdetests?)"  # "she can't stand anything green"
    r"\s+(?:the\s+|a\s+|an\s+|any\s+|more\s+|anything\s+|everything\s+)?(?:from\s+|in\s+|made of\s+|by\s+)?$",
    re.IGNORECASE,
)
_NEGATABLE = {"brand": "exclude_brand", "color": "exclude_color", "material": "exclude_material",
              "category": "exclude_category", "size": "exclude_size"}


def negated_slot(text: str, slot: str, start: int) -> str:
    """``exclude_<field>`` when an attribute span is right after a negation ("not IKEA", "no leather",
    "anything but black"), else ``slot`` unchanged."""
    double = _DOUBLE_NEGATION.search(text[max(0, start - 60) : start]) is not None
    if slot in _EXCLUDE_FIELD and double:
        return _EXCLUDE_FIELD[slot]  # "I don't want anything that isn't leather": leather
    if slot not in _NEGATABLE or double:
        return slot
    before = text[max(0, start - 30) : start]
    return _NEGATABLE[slot] if _NEGATION_BEFORE.search(before) else slot


_DOUBLE_NEGATION = re.compile(
    r"(?:\b(?:don'?t|do not|never)\s+(?:want|need|show me)\s+(?:anything|something|one|any)|\bnothing)\s+"
    r"(?:that|which|that'?s|which is)\s*(?:isn'?t|is not|aren'?t|are not|not)?\s+(?:made (?:of|from)\s+|in\s+)?$",
    re.IGNORECASE,
)


_NEGATION_AFTER = re.compile(r"\s*(?:ones?\s+)?(?:isn'?t|is not|aren'?t|are not|is too|are too|looks? (?:cheap|bad|ugly|awful)|"
                             # "emerald is a bit much for them"
                             r"(?:is|are|'s)\s+(?:(?:a\s+bit|a\s+little|a\s+tad|kinda|way|just|too|so)\s+)?(?:much|loud|bold|intense|busy)\b|"
                             # "the cream one would be destroyed by red wine in a week", "rust tho... anything calmer?"
                             r"(?:would|will|'d|'ll)\s+(?:\w+\s+)?(?:be\s+|get\s+)?(?:destroyed|ruined|wrecked|trashed|filthy|stained)\b|"
                             # "leather is out, she'd shred it"
                             r"(?:is|are|'s)\s+(?:definitely\s+|totally\s+)?out\b(?!\s+of\b)|"
                             # "rust is a bold choice lol"
                             r"(?:is|are|'s)\s+a\s+(?:(?:bit|little|very|really|pretty|rather)\s+)?(?:bold|brave|daring|strong)\s+"
                             r"(?:choice|pick|colou?r|look)\b|"
                             # "grey feels cold tho"
                             r"(?:feels?|looks?|seems?)\s+(?:(?:a\s+bit|a\s+little|kinda|too|so|really)\s+)?(?:cold|harsh|dull|drab|boring|cheap|sad)\b|"
                             # "rust?? not my colour"
                             r"\W*not\s+(?:my|our|her|his|their)\s+(?:colou?r|thing|style|taste|vibe)\b|"
                             r"(?:is|are) (?:ugly|awful|horrible|a no|not for me|not cosy|not cozy))\b", re.IGNORECASE)


# "rust tho... anything in a calmer colour?": the value said first, then "though", then something else asked for
_THO_THEN_ASKED = re.compile(r"\s*(?:tho|though)\s*(?:\.\.\.|…|\.|,)\s*(?:anything|any|something|got)\b", re.IGNORECASE)


def negated_after(text: str, slot: str, end: int, start: int | None = None) -> str:
    """``exclude_<field>`` when the words right after an attribute reject it ("rattan isn't cosy",
    "grey is too dull", "the grey ones aren't for me"), else ``slot`` unchanged; with ``start``, also a value said
    first and then "tho" ("rust tho... anything calmer?", not "she needs a queen though. anything similar?")."""
    if slot not in _NEGATABLE:
        return slot
    if _NEGATION_AFTER.match(text[end : end + 40]):
        return _NEGATABLE[slot]
    said_first = start is not None and re.fullmatch(r"\W*(?:(?:hmm+|ok|but|the|ugh)\W+)*", text[:start], re.I)
    if said_first and _THO_THEN_ASKED.match(text[end : end + 40]):
        return _NEGATABLE[slot]
    return slot


_COORDINATION = re.compile(r"\s*(?:,|/|&|or|nor|and|,\s*or|,\s*nor|,\s*and|or even|and no|or any)\s*", re.IGNORECASE)


def coordinated_slot(text: str, slot: str, start: int, previous: str | None, previous_end: int) -> str:
    """An attribute joined to an excluded one of its kind is excluded too ("isn't IKEA or West Elm",
    "no glass, marble or metal"); else ``slot`` unchanged."""
    exclude = _NEGATABLE.get(slot)
    if exclude and previous == exclude and _COORDINATION.fullmatch(text[previous_end:start]):
        return exclude
    return slot


_CHOICE_OR = re.compile(r"\s*(?:,\s*)?or\s*", re.IGNORECASE)
_POSITIVE = {v: k for k, v in _NEGATABLE.items()}


_NEGATION_NEAR = re.compile(r"\b(?:not|no|nothing|none|without|except|never|avoid|hate|isn'?t|don'?t|doesn'?t)\b", re.IGNORECASE)


def chosen_slot(text: str, slot: str, start: int, previous: str | None, previous_end: int, previous_start: int = 0) -> str:
    """An attribute tagged excluded right after a wanted one and joined to it by "or", with no negation around
    them, is a choice, wanted too, of the same kind ("walnut or oak look": two colours; not "nothing dark like
    espresso or black", "teak or aluminium, nothing plastic"); else ``slot`` unchanged."""
    after = re.search(r"\s*\w+", text[start:])
    end = start + (after.end() if after else 0)
    if (_POSITIVE.get(slot) in ("color", "material", "style") and previous in ("color", "material", "style")
            and _CHOICE_OR.fullmatch(text[previous_end:start])
            and not _NEGATION_NEAR.search(text[max(0, previous_start - 30):previous_start])
            and not _NEGATION_NEAR.search(text[end:end + 20])):
        return previous
    return slot


_NOT_MONEY = re.compile(r"^\D{0,12}\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|mins?|minutes?|days?|nights?|weeks?|months?|years?|yrs?|"
                        r"am|pm|ft|feet|foot|inch(?:es)?|cm|people|ppl|persons?|guests?|seats?|seaters?|kids?|"
                        r"kg|kilos?|lbs?|of them|pieces|chairs|units|pcs)\b", re.IGNORECASE)


_MEASURE_AFTER = re.compile(r"^\s*(?:sq\.?\s*(?:ft|feet|m)|square\s+(?:feet|foot|meters?|metres?)|lbs?\b|kg\b|kilos?\b|"
                            r"ft\b|feet\b|foot\b|inch(?:es)?\b|cm\b|by\s+\d|x\s*\d|people\b|ppl\b|persons?\b|guests?\b|"
                            # "84 in long", "40 in" (not "under 100 in twin?": the size it comes in)
                            r"in\b(?!\s+(?:my|the|our|a|an|this|that|your|his|her|their|its|twin|full|queen|king|california|cal|double|single|stock|total|cash|store|person|sale|white|black|grey|gray|green|blue|red|pink|beige|navy|brown|cream|ivory|charcoal|teal|rust|mustard|gold|brass|oak|walnut|velvet|leather|linen|wool|cotton|boucle|any|one|each|size|colou?r)\b)|"
                            r"of them\b|pieces\b|pcs\b|units\b|chairs\b|%|percent\b|per\s*cent\b|degrees?\b|°|stars?\b|★)",
                            re.IGNORECASE)
_SEATS_BEFORE = re.compile(r"(?:\bseats?|\bsleeps|\bseating|\bfits|\d\s*(?:by|x))\s*$", re.IGNORECASE)
# "about 400 books", "50 plants": a count of things, not an amount of money
_COUNTED_AFTER = re.compile(r"\s*(?:books|records|vinyls?|plants|shoes|pairs of|toys|games|dogs|cats|pets|mugs|plates|towels|friends|"
                            r"guests|people|relatives|students|employees|staff|kids|children|photos|pictures|frames|candles)\b",
                            re.IGNORECASE)
# "the gap is 46", "the alcove is only 40": a space measured, not money
_MEASURED_BEFORE = re.compile(r"\b(?:gap|space|spot|alcove|nook|recess|opening|doorway|niche|wall)\s+(?:is|measures|of)\s+"
                              r"(?:about\s+|around\s+|like\s+|only\s+|just\s+|exactly\s+)?$", re.IGNORECASE)
_WEIGHT_TALK = re.compile(r"\b(?:i'?m|i am|weigh\w*|heavy|big guy|tall)\b", re.IGNORECASE)


def _not_money_in(text: str, span_text: str) -> bool:
    """Whether an amount tagged in the message is a measure or a count by its neighbours: "400 square feet",
    "260 lbs", "280 pounds" said of oneself, "seats 4 to 6", "9 by 12", "20% off", "like 80 degrees"."""
    at = text.lower().find(span_text.lower())
    if at < 0:
        return False
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", span_text))
    if re.search(r"\d\s*[x×]\s*\d", span_text):
        return True  # "like 8x10 or 9x12": a rug size
    if not numbers and _MEASURE_AFTER.match(text[at + len(span_text):at + len(span_text) + 16]):
        return True  # "is it like a hundred degrees today": a measure in words
    if not numbers:  # "seats at least six": a count in words
        word = re.search(r"\b(?:" + "|".join(list(_UNITS)[2:13]) + r")\b", span_text, re.IGNORECASE)
        if word and re.match(r"\s+(?:[a-z]+\s+)?(?!bucks\b|dollars\b|pounds\b|euros\b|quid\b)[a-z]+s\b",
                             text[at + word.end():at + word.end() + 30], re.IGNORECASE):
            return True  # "two big dogs and three kids": how many of something, not an amount of money
        return bool(word) and bool(_SEATS_BEFORE.search(text[max(0, at + word.start() - 24):at + word.start()]
                                                        .replace("at least", "").rstrip() + " "))
    last_end = at + numbers[-1].end()
    after, before = text[last_end:last_end + 16], text[max(0, at + numbers[0].start() - 12):at + numbers[0].start()]
    if _MEASURE_AFTER.match(after) or (re.match(r"\s*pounds?\b", after, re.I) and _WEIGHT_TALK.search(text)):
        return True
    if (len(numbers) == 1 and re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", numbers[0].group(0))
            and re.search(r"\b(?:in|since|from|back in|of|during|year|summer|winter|spring|autumn|fall)\s*$", before, re.I)
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd)\b", span_text + after, re.I)):
        return True  # "a leather sofa from you back in 2024": a year
    if len(numbers) == 1 and (_AGE_AFTER.match(after) or _AGE_BEFORE.search(text[max(0, at + numbers[0].start() - 30):at + numbers[0].start()])) \
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd)\b", span_text + after, re.I):
        return True  # "my father is 85 and would like a recliner", "for a 12 year old": an age
    if (re.search(r"\b(?:we|they|(?:and|&)\s+i)\s+(?:are|were)\s+(?:both\s+)?$|\b(?:we|they)'?re\s+(?:both\s+)?$",
                  text[max(0, at + numbers[0].start() - 30):at + numbers[0].start()], re.I)
            and all(float(n.group(0)) < 110 for n in numbers)
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd|budget|under|max)\b", span_text + after, re.I)):
        return True  # "My husband and I are 78 and 80": their ages
    if len(numbers) == 1 and re.search(r"\b\d{1,2}:$", before) and len(numbers[0].group(0)) == 2:
        return True  # "ugh its 5:40 on a sunday": the minutes of a time
    if (len(numbers) == 1 and float(numbers[0].group(0)) <= 12
            and re.search(r"\b(?:at|since|till|until)\s+(?:like\s+|around\s+|about\s+)?$", before, re.I)
            and not re.match(r"\s*(?:k\b|grand\b|thousand\b)", after, re.I)  # not "budget tops out at 2.5k"
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd|each|apiece)\b", span_text + after, re.I)):
        return True  # "the sun comes up at like 6", "up since 5 with a stiff neck": a time of day
    if (len(numbers) == 1 and re.search(r"\b(?:hit|hits|reach|reaches|get to|gets to|top|tops)\s*$", before, re.I)
            and re.match(r"\s*(?:today|tomorrow|tonight|this (?:week|weekend|afternoon)|degrees|°)", after, re.I)):
        return True  # "is it seriously supposed to hit 100 today??": the temperature
    if (len(numbers) == 1 and re.search(r"\b(?:it'?s|it is|its been|it'?s been)\s+(?:still\s+|already\s+|like\s+|nearly\s+|almost\s+|over\s+)?-?$",
                                        before, re.I)
            and re.match(r"\s*(?:here|out(?:side)?|today|in here|and\s+(?:sticky|humid|muggy|hot|sunny|freezing|cold|raining|"
                         r"pouring|boiling)|in\s+(?:my|the|our|this)\s+(?:\w+\s+)?(?:room|bedroom|house|flat|apartment|place|office|"
                         r"kitchen|dorm))\b", text[last_end:last_end + 40], re.I)):  # ("its still 85 in my bedroom")
        return True  # "its already 95 here and its not even 10am": the temperature
    if (len(numbers) == 1 and re.search(r"\b(?:cooled|cools|cooling|warmed|warms|warming|heated|heats|heating)\s+(?:back\s+)?"
                                        r"(?:down|up|off)?\s*to\s+(?:like\s+|about\s+|around\s+)?$",
                                        text[max(0, at + numbers[0].start() - 30):at + numbers[0].start()], re.I)
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd)\b", span_text + after, re.I)):
        return True  # "finally cooled down to 88 lol": the temperature
    if len(numbers) == 1 and (re.search(r"\b(?:thread\s*count|tc)\b[^.?!$]{0,20}$", text[max(0, at + numbers[0].start() - 30):at + numbers[0].start()], re.I)
                              or re.match(r"\s*\+?\s*(?:thread\s*count|tc)\b", after, re.I)):
        return True  # "something with a higher thread count, like 400+": threads, not money
    if (len(numbers) == 1 and re.search(r"\b(?:hot|heat|heatwave|temperature|degrees|weather|forecast|warm|cold|freezing)\b", text, re.I)
            and re.search(r"\b(?:said|says|saying|forecast|hit|hits|reach|reaches|be|was|is)\s+(?:like\s+|about\s+|around\s+)?$", before, re.I)
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd|budget|under|max)\b", span_text + after + before, re.I)):
        return True  # "is it gonna be as hot as yesterday? they said 97 🥵": the temperature
    if len(numbers) == 1 and _MEASURED_BEFORE.search(text[max(0, at + numbers[0].start() - 40):at + numbers[0].start()]):
        return True  # "any dressers under 45 inches wide? the gap is 46": the gap's width
    if (len(numbers) == 1 and float(numbers[0].group(0)) <= 12
            and re.search(r"\b(?:needs?|wants?|seats?|fits?|(?:we|they|i)\s+(?:have|had|are|'ll have|will have|will be))\s+"
                          r"(?:like\s+|about\s+|around\s+|maybe\s+|at least\s+)?$", before, re.I)
            and not re.search(r"[$£€]|\b(?:dollars?|bucks|usd|each|apiece|k)\b", span_text + after, re.I)):
        return True  # "do u have bar stools? our kitchen island needs like 3": how many, not $3
    if len(numbers) == 1 and _COUNTED_AFTER.match(after) and not re.search(r"[$£€]", span_text + before[-2:]):
        return True  # "just moved into grad housing with about 400 books and zero shelves": how many books
    small = all(float(n.group(0)) <= 20 for n in numbers)
    if small and re.search(r"\bfor\s*$", before, re.I) and re.match(r"\s*(?:\+|or more\b|plus\b|people\b|persons\b|guests\b|"
                                                                   r"adults\b|of us\b)", after, re.I):
        return True  # "an outdoor dining set for 5 or more": how many it seats
    return small and bool(_SEATS_BEFORE.search(before))


def _said_as_money(text: str, span_text: str) -> bool:
    """Whether every place ``span_text`` appears in the message is an amount ("$459", "459 dollars")."""
    places = [m for m in re.finditer(rf"(?<![\w-]){re.escape(span_text.strip())}(?![\w-])", text)]
    return bool(places) and all(re.search(r"[$£€]\s*$", text[:m.start()]) or re.match(r"\s*(?:dollars?|bucks|usd)\b", text[m.end():], re.I)
                                # "3 pending payments of 489": an amount
                                or re.search(r"\b(?:payments?|charges?|charged|paid|amount|total)\s+(?:of\s+)?$", text[:m.start()], re.I)
                                for m in places)


_AGE_AFTER = re.compile(r"\s*(?:-\s*)?(?:years?|yrs?)(?:[- ]old)?\b|\s*(?:yo|y/o)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:(?:father|mother|dad|mum|mom|grandma|grandpa|gran|granny|grandad|grandfather|grandmother|nan|nana|"
                         r"son|daughter|kid|child|husband|wife|partner|he|she|i)(?:\s+(?:is|was|turns|turned|just turned|will be|is turning)|"
                         r"'s turning)|aged|"
                         r"i'?m|i am|he'?s|she'?s)\s+(?:now\s+|nearly\s+|almost\s+|just\s+)?$"
                         # "two kids under 6, a labrador": the children's ages
                         r"|\b(?:kids?|children|boys|girls|toddlers?|babies|grandkids|little ones|twins)\s+(?:both\s+|all\s+)?"
                         r"(?:under|over|below|above|aged)\s+$", re.I)


def _add_values(slots: dict[str, object], slot: str, values: Iterable[object]) -> None:
    """``values`` added to what ``slot`` holds, each once (case aside); a list once it holds two or more."""
    current = slots.get(slot)
    held = [] if current is None else list(current) if isinstance(current, list) else [current]
    for value in values:
        if value and str(value).lower() not in {str(v).lower() for v in held}:
            held.append(value)
    if held:
        slots[slot] = held if len(held) > 1 else held[0]


def normalize_slots(
    text: str, spans: Iterable[tuple[str, str]], vocabulary: CatalogVocabulary | None = None
) -> dict[str, object]:
    """Normalized slot values from ``(slot_type, span_text)`` pairs plus rule-read relative critiques.

    The first span of a type wins, except that a span naming a catalog value wins over an earlier one
    that names none (a typo'd "stlye" tagged as a category loses to "cofee table"); item references
    are merged. A category span that names a room ("home office", "bedroom") becomes ``room``: it
    says where the product goes, not what it is.
    """
    slots: dict[str, object] = {}
    matched: set[str] = set()
    spans = list(spans)
    in_digits = any(s in ("price", "price_min", "price_max") and re.search(r"\d", t) for s, t in spans)
    # (a bound with its amount: not "30 bucks each | max", a bound word read apart from the amount)
    bounded = any(s in _PRICE_SLOTS and _PRICE_BOUND.search(t) and re.search(r"\d|hundred|thousand|grand", t, re.IGNORECASE)
                  for s, t in spans)
    for slot, span_text in spans:
        if slot in ("price", "price_min", "price_max"):
            if bounded and _BARE_AMOUNT.match(span_text):
                continue  # "whoa 1.6k?? no way. what about a full size for under 500": the bound is the 500
            if (in_digits and not re.search(r"\d|hundred|thousand|grand|\bk\b|dollars?|bucks", span_text, re.IGNORECASE)
                    and len(span_text.split()) <= 3):
                continue  # "a drawer or two, under 150 dollars": the amount is the one in digits
            if _NOT_MONEY.search(span_text) or _not_money_in(text, span_text):
                continue  # "10h a day", "400 square feet", "seats 4 to 6": a duration, a measure or a count
            at = text.lower().find(span_text.lower())
            if at >= 0 and re.match(r"\s*(?:to spend|to play with)\b(?!\s+(?:on|for)\s+(?:everything|it all|the (?:lot|whole)))",
                                    text[at + len(span_text):], re.I):
                span_text += " to spend"  # "we've got about 600 to spend": a budget said roughly, not a price to aim at
            low, high = parse_price(span_text, hint=slot)
            if low is not None and "price_min" not in slots:
                slots["price_min"] = low
            if high is not None and "price_max" not in slots:
                slots["price_max"] = high
        elif slot == "item_ref":
            refs = parse_item_refs(span_text)
            merged = list(slots.get("item_ref", []))  # type: ignore[arg-type]
            merged += [r for r in refs if r not in merged]
            if merged:
                slots["item_ref"] = merged
        elif slot == "order_id":
            order_id = normalize_order_id(span_text)
            if order_id and _said_as_money(text, span_text):
                continue  # "two payments of $459 for order 71845": the amount, not the order
            if order_id and "order_id" not in slots:
                slots["order_id"] = order_id
        elif slot in ATTRIBUTE_FIELDS or slot in _EXCLUDE_FIELD:
            field = _EXCLUDE_FIELD.get(slot, slot)
            if field == "category" and is_room(span_text):
                if slot == "category" and "room" not in slots:
                    room = vocabulary.exact("category", span_text) if vocabulary else None
                    slots["room"] = room or span_text.strip().lower()
                continue
            if slot in matched and slot not in _EXCLUDE_FIELD:
                continue
            found = vocabulary.match(field, span_text) if vocabulary else None
            kinds = (vocabulary.kinds_of(field, span_text)
                     if vocabulary and slot in _EXCLUDE_KINDS and vocabulary.exact(field, span_text) is None else [])
            if len(kinds) > 1:  # "no plastic": neither molded nor recycled plastic (but "no leather" is leather)
                _add_values(slots, slot, kinds)
                matched.add(slot)
                continue
            if slot in matched:  # a second exclusion of a kind: "not IKEA or West Elm" excludes both
                value = found if found is not None else (vocabulary.normalize(field, span_text) if vocabulary else span_text.strip().lower())
                _add_values(slots, slot, [value])
                continue
            if found is None and _is_filler_word(span_text):
                continue  # "style", "stlye", "colour" alone name no value
            if found is not None:
                slots[slot] = found
                matched.add(slot)
            elif slot not in slots:
                value = vocabulary.normalize(field, span_text) if vocabulary else span_text.strip().lower()
                if value:
                    slots[slot] = value
                    if vocabulary is None:
                        matched.add(slot)
    for name, value in relative_critiques(text).items():
        slots.setdefault(name, value)
    if "price_min" in slots and "price_max" in slots and slots["price_min"] > slots["price_max"]:  # type: ignore[operator]
        slots["price_min"], slots["price_max"] = slots["price_max"], slots["price_min"]
    return slots


_REPEATS = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)


def squeeze_repeats(text: str, known) -> str:
    """Letters stretched for emphasis ("sooooofa", "pleeeease", "cheeeeaper") back to a word: a run of three
    or more is cut to two letters when that makes a ``known`` word ("coool"), else to one."""
    def word(match: re.Match) -> str:
        w = match.group(0)
        if not _REPEATS.search(w):
            return w
        two, one = _REPEATS.sub(r"\1\1", w), _REPEATS.sub(r"\1", w)
        return two if known(two.lower()) else one

    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.IGNORECASE)  # "w/ a navy rug", "w/o arms"
    text = re.sub(r"(?<![\w/])w/(?![\w/])", "with", text, flags=re.IGNORECASE)
    return re.sub(r"[A-Za-z]+", word, text)


_UNIT_AFTER = re.compile(r"\s*(?:-\s*)?(?:inch(?:es)?|in\b(?!\s+(?:my|the|our|a|an|this|that|your|his|her|their|its|twin|full|queen|king|california|cal|double|single|stock|total|cash|store|person|sale|white|black|grey|gray|green|blue|red|pink|beige|navy|brown|cream|ivory|charcoal|teal|rust|mustard|gold|brass|oak|walnut|velvet|leather|linen|wool|cotton|boucle|any|one|each|size|colou?r)\b)|\"|''|”|cm|centimet\w*|ft\b|feet|foot|'|x\s*\d|by\s+\d)", re.IGNORECASE)
_PRICE_AFTER = re.compile(r"\s*(?:tops|max(?:imum)?|at (?:the )?most|or (?:less|under|below|cheaper)|bucks|dollars|usd|quid)\b",
                          re.IGNORECASE)
_OTHER_OBJECT = re.compile(r"\s*(?:-\s*)?(?:inch(?:es)?|in\b|\"|”)?\s*(?:tv|television|screen|monitor)s?\b", re.IGNORECASE)
# "at least 2 drawers", "3 shelves min": a number of parts or people, not dollars (the features read the count)
_PARTS_AFTER = re.compile(r"\s*(?:or more\s+|\+\s*)?(?:drawers?|shelf|shelves|doors?|seats?|seaters?|people|persons?|guests?|"
                          r"chairs?|cushions?|tiers?|compartments?|cubbies|cubes?|outlets?|ports?|pieces?|pcs|panels?|"
                          r"settings?|bulbs?|arms?|legs?|baskets?|bins?|hooks?|slats?)\b", re.IGNORECASE)


_PEOPLE_BEFORE = re.compile(r"\b(?:seats?|seating|sits?|sleeps|holds?)\s+(?:up to\s+|at least\s+|min(?:imum)?\s+)?$", re.IGNORECASE)


def measure_meaning(text: str, slot: str | None, end: int, start: int | None = None) -> str | None:
    """A price span followed by a unit is a ``size`` ("84 inches long", "5x8"); a number that measures another
    object ("my 65 inch tv") fills no slot (None). Other spans keep their slot."""
    if slot not in ("price", "price_min", "price_max", "size"):
        return slot
    start = end if start is None else start
    after = text[end : end + 24]
    if slot == "size" and _PRICE_AFTER.match(after) and re.search(r"\d\s*$", text[:end]):
        return "price_max"  # "table lamp, 60 tops": a budget, not a size
    if _OTHER_OBJECT.match(after):
        return None
    if (slot != "size" and _PEOPLE_BEFORE.search(text[max(0, start - 24):start])
            and re.fullmatch(r"(?:(?:at least|up to|min(?:imum)?)\s+)?\d{1,2}\s*\+?", text[start:end].strip(), re.IGNORECASE)):
        return None  # "a patio set that seats at least 6": how many it seats
    if slot != "size" and _PARTS_AFTER.match(after) and re.search(r"\d\s*$", text[:end]):
        return None  # "a nightstand with at least 2 drawers": how many drawers
    if slot != "size" and re.search(r"\bfor\s+\d{1,2}\s*$", text[max(0, end - 8) : end], re.IGNORECASE):
        return None  # "a patio set for 2": people, not dollars
    if slot != "size" and _UNIT_AFTER.match(after):
        return "size"
    return slot


_JUST_ONE_BEFORE = re.compile(r"\b(?:just|only|or|single)\s*$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b(?:sets?|packs?|pairs?|bundles?|boxes|box|cases?|lots?)\s+of\s*$"
                           # "does the second one seat 6?": how many it seats
                           r"|\b(?:seats?|seating|sits?|fits?|holds?)\s+(?:up to\s+|at least\s+)?$", re.IGNORECASE)


_ORDINAL_OF_LIFE = re.compile(r"(?:first|second|third|1st|2nd|3rd)\s+(?:flat|apartment|apt|home|house|place|bed ?room|room|"
                              r"floor|time|baby|child|kid|grandchild|christmas|year|week|day|night|date|anniversary|job)s?\b",
                              re.IGNORECASE)


def count_meaning(text: str, slot: str | None, start: int) -> str | None:
    """A number that counts pieces ("a set of 2", "pack of four") or people ("does the second one seat 6?") is not
    a position in the list: an ``item_ref`` span there fills no slot (None). Other spans keep their slot."""
    if slot == "item_ref" and _COUNT_BEFORE.search(text[max(0, start - 16) : start]):
        return None
    if slot == "item_ref" and re.match(r"one\b", text[start:], re.I) and (
            _JUST_ONE_BEFORE.search(text[max(0, start - 16):start]) or re.match(r"one\s+(?:by|at a)\s+(?:one|time)\b", text[start:], re.I)):
        return None  # "is the second chair sold as a set or just one?", "one by one": how many come, not the first product
    if slot == "item_ref" and re.match(r"tops?\b", text[start:], re.I) and re.search(
            rf"(?:\b{_PART_BEFORE_TOP}[- ]?|\bon\s+)$", text[max(0, start - 12):start], re.I):
        return None  # "any with storage? like a lift top": a kind of top, not the first product
    if slot == "item_ref" and _ORDINAL_OF_LIFE.match(text[start:]):
        return None  # "the keys to our first flat", "the second bedroom": no product of the list
    if slot == "item_ref" and re.search(r"\b(?:our|my|their|his|her)\s+$", text[max(0, start - 8):start], re.I):
        return None  # "our last ones from them faded in a year", "my first sofa": theirs, no product of the list
    if (slot == "item_ref" and re.match(r"first\b\s*(?:[.,!?;]|$|(?:though|tho|lol|then)\b)", text[start:], re.I)
            and re.search(r"\b(?:go|goes|went|going|flying|fly|blow|blows|do|did|done|measure|ask|check|come|comes|arrive|arrives|"
                          r"break|breaks|wear|wears|sell|sells|fall|falls|tip|tips)\s+$", text[max(0, start - 16):start], re.I)):
        return None  # "not the stackable kind, those always go flying first": before the others, no product of the list
    if slot == "item_ref" and (re.match(r"(?:\d{1,2}|one|two)\s+(?:chairs?|pieces?|panels?|pillows?|units?|stools?|sets?)\b", text[start:], re.I)
                               or re.search(r"\b(?:\d{1,2}|one|two)\s+(?:chairs?|pieces?|panels?|pillows?|units?|stools?)\s+(?:or\s+)?$",
                                            text[max(0, start - 20):start], re.I)):
        return None  # "is that 1 chair or 2?": how many come, no product of the list
    if slot == "item_ref" and re.match(r"[x×]\s*\d", text[start:], re.I):
        return None  # "the navy one x2": two of it, not the second product
    if slot == "item_ref" and re.match(r"\d(?:\.\d)?\s*(?:stars?|★)", text[start:], re.I):
        return None  # "hmm 3.2 stars 😬 anything better rated?": a rating
    return slot


# Common misspellings of the shop's service and product words, fixed before the model reads them ("cancle my
# oder", "round cofee tables": the kinds and rules then read the words as written right).
_SHOP_TYPOS = {
    "cofee": "coffee", "coffe": "coffee", "matress": "mattress", "mattres": "mattress", "matresses": "mattresses",
    "nighstand": "nightstand", "nighstands": "nightstands", "curtians": "curtains", "curtian": "curtain",
    "dinning": "dining", "bookshelfs": "bookshelves", "persn": "person",
    "cancle": "cancel", "cancell": "cancel", "cancelation": "cancellation", "oder": "order", "ordr": "order",
    "oredr": "order", "refnd": "refund", "refound": "refund", "retrun": "return", "retun": "return",
    "delivary": "delivery", "delievery": "delivery", "deliverey": "delivery", "adress": "address",
    "addres": "address", "pasword": "password", "passowrd": "password", "recieve": "receive",
    "recieved": "received", "payement": "payment", "shippment": "shipment", "invoce": "invoice",
}


def fix_shop_typos(text: str) -> str:
    """The message with common misspellings of service words corrected, keeping the writer's case."""
    def word(match: re.Match) -> str:
        w = match.group(0)
        fixed = _SHOP_TYPOS.get(w.lower())
        if fixed is None:
            return w
        return fixed.upper() if w.isupper() else fixed.capitalize() if w[0].isupper() else fixed

    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.IGNORECASE)  # "w/ a navy rug", "w/o arms"
    text = re.sub(r"(?<![\w/])w/(?![\w/])", "with", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcali\s+king\b", "california king", text, flags=re.IGNORECASE)  # "what about cali king" (not a brand "cali")
    return re.sub(r"[A-Za-z]+", word, text)
