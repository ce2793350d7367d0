"""Grounding slot values in the catalog's own vocabulary.

The NLU tags spans and normalizes them; this step checks them against what the
shop actually sells, so that filters use the catalog's values:
- a value tagged with the wrong attribute type ("charcoal" as a material when the
  catalog only knows it as a colour) moves to the type the catalog uses;
- category words become the catalog's categories ("sofa" -> "Sofas", "chairs" ->
  every "... Chairs"); unknown ones are dropped from the filters (they still
  steer the text search);
- in a shopping message, a catalog value written word for word that the model
  did not tag fills the missing slot ("I need a sofa", "in natural please"), as
  an exclusion when a negation stands just before it ("anything but black").
"""

from __future__ import annotations

import re

from bot.dialogue.constraints import catalog_categories, singular

FIELDS = {"color": "colors", "material": "materials", "style": "styles", "brand": "brands"}
NEGATION = {"not", "no", "without", "except", "but", "non", "avoid", "hate"}
_WORD = re.compile(r"[a-z0-9&'-]+")


def _vocab(vocabulary: dict[str, list[str]], key: str) -> dict[str, str]:
    return {v.lower(): v for v in vocabulary.get(key, [])}


def _move_mistyped(slots: dict, vocabulary: dict[str, list[str]]) -> None:
    for prefix in ("", "exclude_"):
        for field, key in FIELDS.items():
            value = slots.get(prefix + field)
            if not isinstance(value, str) or value.lower() in _vocab(vocabulary, key):
                continue
            homes = [f for f, k in FIELDS.items() if f != field and value.lower() in _vocab(vocabulary, k)]
            if len(homes) == 1 and not slots.get(prefix + homes[0]):
                slots[prefix + homes[0]] = _vocab(vocabulary, FIELDS[homes[0]])[value.lower()]
                del slots[prefix + field]


def _grams(text: str) -> list[tuple[str, int]]:
    """(n-gram, index of its first word), longest first."""
    words = _WORD.findall(text.lower())
    return [(" ".join(words[i:i + n]), i) for n in (3, 2, 1) for i in range(len(words) - n + 1)], words


def _negated(words: list[str], start: int) -> bool:
    return any(w in NEGATION or w.endswith("n't") for w in words[max(0, start - 2):start])


def ground(slots: dict, text: str, vocabulary: dict[str, list[str]], *, shopping: bool) -> dict:
    """The slots with values grounded in the catalog (a new dict)."""
    slots = dict(slots)
    _move_mistyped(slots, vocabulary)
    categories = vocabulary.get("categories", [])
    if shopping and text:
        grams, words = _grams(text)
        taken: set[int] = set()
        by_singular = {singular(c): c for c in categories}
        # The longest category written word for word wins over a shorter tagged one ("throw pillows" > "pillows").
        for gram, start in grams:
            match = by_singular.get(singular(gram))
            if not match or _negated(words, start):
                continue
            tagged = slots.get("category")
            if not tagged or (isinstance(tagged, str) and singular(tagged) in singular(gram) and len(gram) > len(tagged)):
                slots["category"] = match
            taken.update(range(start, start + len(gram.split())))
            break
        for field, key in FIELDS.items():
            if slots.get(field) or slots.get(f"exclude_{field}"):
                continue
            values = _vocab(vocabulary, key)
            for gram, start in grams:
                span = set(range(start, start + len(gram.split())))
                if gram in values and not span & taken:
                    slots[("exclude_" if _negated(words, start) else "") + field] = values[gram]
                    taken |= span
                    break
    for name in ("category", "exclude_category"):
        if slots.get(name) and isinstance(slots[name], str):
            found = catalog_categories(slots[name], categories)
            if found:
                slots[name] = found[0] if len(found) == 1 or name == "exclude_category" else found
            else:
                slots.pop(name)
    return slots
