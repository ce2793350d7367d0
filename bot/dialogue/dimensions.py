"""Measures a product must keep to, as the shopper says them ("max 30 inches wide", "about 120 cm of wall").

``read_limits`` turns each measure said with a unit into an upper bound, a lower bound or (said roughly, or
plainly with a dimension word) a range of ±10 %, in inches by letter (W, D, H, L), the form
``SearchFilter.dimension_max`` / ``dimension_min`` take. A measure with no bound, no dimension word and no
space to fit ("a 65 inch TV", "5x8") is not read here: the catalog's sizes match it as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TO_INCHES = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "m": 39.3701, "ft": 12.0}
_UNIT = (r"(?P<unit>inch(?:es)?|in\.?(?=\s*(?:wide|width|deep|depth|tall|high|height|long|length|across|max|or\b|tops|$|[,.;!?)]))"
         r"|\"|”|''|cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?|m(?![a-z])|met(?:er|re)s?|ft\.?|feet|foot|'(?![a-z]))")
_MEASURE = re.compile(rf"(?<![\d$£€.])(?P<number>\d+(?:\.\d+)?)\s*-?\s*{_UNIT}", re.IGNORECASE)
_WORDS = {"wide": "W", "width": "W", "across": "W", "wider": "W", "narrower": "W", "deep": "D", "depth": "D", "deeper": "D",
          "tall": "H", "high": "H", "height": "H", "taller": "H", "higher": "H", "long": "L", "length": "L", "longer": "L"}
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_AT_MOST_BEFORE = re.compile(r"\b(?:max(?:imum)?|at most|up to|under|below|less than|no more than|not more than|"
                             # "nothing over 48 inches wide", "nothing wider than 48 inches"
                             r"(?:nothing|not|no|none|never)\s+(?:any\s+)?(?:over|above|bigger than|wider than|longer than|"
                             r"taller than|deeper than|higher than|more than|past)|"
                             r"(?:no|not|isn'?t|aren'?t|(?:can'?t|cannot|shouldn'?t|mustn'?t|must not)\s+be)\s+(?:any\s+)?(?:wider|deeper|taller|higher|longer|bigger|more)\s+than|"
                             r"smaller than|narrower than|shorter than|within|fits?(?:\s+(?:in|into|within))?|only|"
                             r"(?:gap|space|wall|alcove|nook|spot|opening|corner|room)\s+(?:is|of|that'?s)(?:\s+(?:only|about|around|just|roughly))?)"
                             r"\W*(?:[a-z']+\W+){0,2}$", re.IGNORECASE)
_A_SCREEN = re.compile(r"^[\s-]*(?:tv|tvs|television|telly|screen|flat\s*screen|monitor)\b", re.IGNORECASE)
_AT_MOST_AFTER = re.compile(r"^\W*(?:(?:wide|width|deep|depth|tall|high|height|long|length|across)\W+)?"
                            r"(?:max(?:imum)?\b|at most|at the (?:very )?most|or less|tops|or under|or smaller|or narrower|"
                            r"of (?:wall|space|room|floor|width|clearance)|(?:gap|space|alcove|nook|spot|opening|wall)\b)",
                            re.IGNORECASE)
_AT_LEAST_BEFORE = re.compile(r"\b(?:at least|min(?:imum)?|more than|over|bigger than|"
                              r"wider than|longer than|taller than|deeper than)\W*(?:[a-z']+\W+){0,2}$", re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(r"^\W*(?:(?:wide|width|deep|depth|tall|high|height|long|length|across)\W+)?"
                             r"(?:min(?:imum)?\b|at least|or more|or bigger|or wider|or longer|plus\b|\+)", re.IGNORECASE)
# ("i need it taller than that, at least 5 feet")
_NAMED_BY_WORD_BEFORE = re.compile(r"\b(wider|narrower|deeper|taller|higher|longer|width|depth|height|length)\b\W*(?:\w+\W+){0,4}$"
                                   # "tall please, at least 60 inches" (not "a tall bookcase for a 90 cm gap")
                                   r"|\b(tall)\b(?:\W+(?:please|pls|plz|at|least|min|minimum|over|more|than|like|ideally|so))*\W*$",
                                   re.IGNORECASE)


@dataclass
class Limits:
    """Bounds in inches by letter, and the numbers of the message they were read from."""

    most: dict[str, float] = field(default_factory=dict)
    least: dict[str, float] = field(default_factory=dict)
    numbers: set[float] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.most or self.least)


def _unit(word: str) -> str:
    word = word.lower().rstrip(".")
    if word.startswith(("inch", "in")) or word in ('"', "”", "''"):
        return "in"
    if word.startswith(("cm", "centi")):
        return "cm"
    if word.startswith(("mm", "milli")):
        return "mm"
    if word.startswith(("ft", "feet", "foot")) or word == "'":
        return "ft"
    return "m"


def read_limits(text: str) -> Limits:
    """The measures of the message as bounds (see the module docstring)."""
    out = Limits()
    for found in _MEASURE.finditer(text or ""):
        number = float(found.group("number"))
        inches = number * _TO_INCHES[_unit(found.group("unit"))]
        before, after = text[max(0, found.start() - 40):found.start()], text[found.end():found.end() + 30]
        if _A_SCREEN.match(after):
            continue  # "fits a 65 inch tv": the screen's size, which the stand's listed TV size answers
        named = _WORD.match(after.strip()) or _NAMED_BY_WORD_BEFORE.search(before)
        letter = _WORDS[(named.group(1) or named.group(2)).lower()] if named else None
        most = _AT_MOST_BEFORE.search(before) or not _AT_LEAST_BEFORE.search(before) and _AT_MOST_AFTER.match(after)
        if most:
            out.most[letter or "W"] = inches  # "max 30 inches", "120 cm of wall": the width it must fit
        elif _AT_LEAST_BEFORE.search(before) or _AT_LEAST_AFTER.match(after):
            if letter is None:
                continue  # "at least 6 feet" of what? a length would be a guess
            out.least[letter] = inches
        elif letter is not None:  # "around 40 inches wide", "a 60 inch long sofa": within 10 %
            out.least[letter], out.most[letter] = inches * 0.9, inches * 1.1
        else:
            continue
        out.numbers.add(number)
    return out


_LABEL = {"W": "wide", "D": "deep", "H": "tall", "L": "long"}


def inches(value: float) -> str:
    return f'{value:.0f}"'


def limits_label(most: dict[str, float], least: dict[str, float]) -> str:
    """The bounds in words: 'up to 30" wide', 'at least 60" long', '36-44" wide and up to 20" deep'."""
    parts = []
    for letter in ("W", "D", "H", "L"):
        high, low = most.get(letter), least.get(letter)
        if high is not None and low is not None:
            parts.append(f'{low:.0f}-{inches(high)} {_LABEL[letter]}')
        elif high is not None:
            parts.append(f"up to {inches(high)} {_LABEL[letter]}")
        elif low is not None:
            parts.append(f"at least {inches(low)} {_LABEL[letter]}")
    return " and ".join(parts)


def measure_label(letter: str, value: float) -> str:
    """One measure of a product in words: '28" wide'."""
    return f"{inches(value)} {_LABEL[letter]}"
