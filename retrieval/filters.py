"""Hard-constraint semantics shared by every store and by the dialogue layer.

:func:`matches` is the exact Python twin of the payload filter the stores
build (see :mod:`retrieval.payload`): the dialogue layer calls it as a final
safety net, so a product that violates a stated constraint is never shown.

Semantics (all string comparisons case- and whitespace-insensitive):

- ``price_min`` / ``price_max``: inclusive; a product without a price fails.
- ``brands`` / ``colors`` / ``materials`` / ``styles`` / ``sizes``: the product's value
  must be one of them; a product without that value fails.
- ``categories``: any level of the product's category path is one of them.
- ``exclude_*``: the product's value (any category level) is none of them;
  a product without that value passes.
- ``min_rating``: inclusive; a product without a rating fails.
- ``in_stock_only``: ``in_stock`` must be true.
- ``exclude_ids``: the product's id is none of them.
- ``exclude_words``: neither the title nor a listed attribute value contains any of them ("shag": no "Shag
  Rug", no pile height "high (shag)"); ``title_words``: the title contains one of them.
- ``dimension_max`` / ``dimension_min``: the product's width (``W``), depth (``D``), height (``H``) or
  length (``L``, the width where no length is listed), read from its size in inches, is at most / at
  least that; a product whose size does not give that measure fails.
- ``attributes``: each listed free attribute has that value (case-insensitive); a descriptive value is met
  by one that contains its words ("electric" by "electric dual motor", "firm" by "extra firm", but not by the
  middle grade "medium-firm"; "firmer" by any firm grade, "medium-firm" too), "yes"/"no" only by itself; ``attribute_min``: each
  listed attribute starts with a number at least that large ("seats": "6"). The stores do not index free
  attributes, so only this function applies them.
"""

from __future__ import annotations

import re

from retrieval.product import Product
from retrieval.types import SearchFilter


def norm(value: str | None) -> str | None:
    """The keyword form of a string: lower-cased, whitespace collapsed."""
    if value is None:
        return None
    out = " ".join(str(value).lower().split())
    return out or None


def norm_set(values) -> set[str]:
    return {n for n in (norm(v) for v in values) if n}


def _in(value: str | None, allowed: list[str]) -> bool:
    wanted = norm_set(allowed)
    return not wanted or norm(value) in wanted


def _not_in(value: str | None, banned: list[str]) -> bool:
    return norm(value) not in norm_set(banned)


def matches(product: Product, f: SearchFilter) -> bool:
    """True when ``product`` satisfies every hard constraint of ``f``."""
    if f.price_min is not None and (product.price is None or product.price < f.price_min):
        return False
    if f.price_max is not None and (product.price is None or product.price > f.price_max):
        return False
    if f.min_rating is not None and (product.rating is None or product.rating < f.min_rating):
        return False
    if f.in_stock_only and not product.in_stock:
        return False
    if f.exclude_ids and product.id in set(f.exclude_ids):
        return False
    if not (_in(product.brand, f.brands) and _not_in(product.brand, f.exclude_brands)):
        return False
    if not (_in(product.color, f.colors) and _not_in(product.color, f.exclude_colors)):
        return False
    if not (_in(product.material, f.materials) and _not_in(product.material, f.exclude_materials)):
        return False
    if not (_in(product.style, f.styles) and _not_in(product.style, f.exclude_styles)):
        return False
    if not (_in(product.size, f.sizes) and _not_in(product.size, f.exclude_sizes)):
        return False
    levels = norm_set(product.category)
    wanted = norm_set(f.categories)
    if wanted and not (levels & wanted):
        return False
    if levels & norm_set(f.exclude_categories):
        return False
    if f.exclude_words and any(re.search(rf"\b{re.escape(w.lower())}", text) for w in f.exclude_words
                               for text in (product.title.lower(), *(str(v).lower() for v in (product.attributes or {}).values()))):
        return False  # ("nothing shaggy": no "Shag Rug", nor a pile height of "high (shag)")
    if f.title_words and not any(re.search(rf"\b{re.escape(w.lower())}", product.title.lower()) for w in f.title_words):
        return False
    if f.dimension_max or f.dimension_min:
        measures = dimensions(product.size)
        for key, most in f.dimension_max.items():
            value = measure(measures, key)
            if value is None or value > most + 1e-6:
                return False
        for key, least in f.dimension_min.items():
            value = measure(measures, key)
            if value is None or value < least - 1e-6:
                return False
    attributes = listed_attributes(product)
    for key, value in f.attributes.items():
        if not attribute_value_meets(attributes.get(key.lower()), value.strip().lower()):
            return False
    for key, least in f.attribute_min.items():
        number = re.match(r"\s*(\d+(?:\.\d+)?)", attributes.get(key.lower(), ""))
        if number is None or float(number.group(1)) < least:
            return False
    return True


_PART = re.compile(r"^(\d+(?:\.\d+)?)\s*(\'|\"|”|in\b|inch(?:es)?|cm|ft|feet)?\s*(?:(\d+(?:\.\d+)?)\s*(?:\"|”|in\b))?"
                   r"\s*(round|[WDHL]\b)?", re.IGNORECASE)
_INCHES = {"'": 12.0, "ft": 12.0, "feet": 12.0, "cm": 1 / 2.54}


def dimensions(size: str | None) -> dict[str, float]:
    """A size's measures in inches by letter: ``59" W x 36" D x 32" H`` -> W 59, D 36, H 32; ``5' x 8'`` (a rug, a
    curtain) -> W 60, L 96; ``8' round`` -> W and L 96; a named size ("Queen") -> none."""
    out: dict[str, float] = {}
    parts = re.split(r"\s*[x×]\s*", (size or "").strip())
    for i, part in enumerate(parts):
        found = _PART.match(part)
        if not found:
            return out if len(out) == i else {}
        number, unit, inches, mark = found.groups()
        value = float(number) * _INCHES.get((unit or "").lower(), 1.0) + (float(inches) if inches else 0.0)
        if mark and mark.lower() == "round":
            out.update(W=value, L=value)
        else:
            out[mark.upper() if mark else "WL"[min(i, 1)] if len(parts) <= 2 else "WDH"[min(i, 2)]] = value
    return out


def measure(measures: dict[str, float], key: str) -> float | None:
    """One measure of ``dimensions``; a length is the width where none is listed (a sofa's length)."""
    return measures.get(key, measures.get("W") if key == "L" else None)


_NONE = frozenset({"no", "none", "0", "false", "n", "not included", "without"})


def listed_attributes(product: Product) -> dict[str, str]:
    """The product's free attributes as the filters compare them: names and values lower-cased."""
    return {k.lower(): str(v).strip().lower() for k, v in (product.attributes or {}).items()}


def meets_attribute(product: Product, key: str, wanted: str) -> bool:
    """Whether the product's listed ``key`` meets ``wanted`` as an ``attributes`` filter would ("firmer": "medium-firm")."""
    return attribute_value_meets(listed_attributes(product).get(key.lower()), wanted.strip().lower())


# A grade asked for as a direction ("a firmer mattress"): met by any value naming that end of the scale.
_TOWARDS = {"firmer": "firm", "softer": "soft", "harder": "hard"}


def attribute_value_meets(actual: str | None, wanted: str) -> bool:
    """Whether a product's free-attribute value meets the one asked for (both lower-cased; see the module docstring)."""
    if actual is None:
        return False
    if actual == wanted:
        return True
    if wanted in ("yes", "no"):  # "standing desk: electric" is one; "drawers: 0", "headboard: none" have none
        return (actual not in _NONE) == (wanted == "yes")
    wanted_words = set(re.findall(r"[a-z0-9]+", wanted))
    actual_words = set(re.findall(r"[a-z0-9]+", actual))
    if wanted_words == {"medium"}:  # "ok medium then": the middle grade itself, not "medium-firm"
        return actual_words == {"medium"}
    if wanted in _TOWARDS:  # "firmer": any grade on that side of the scale, "medium-firm" too
        return _TOWARDS[wanted] in actual_words
    if "medium" in actual_words - wanted_words:
        return False  # a middle grade is not the end of the scale: "medium-firm" is no "firm" mattress
    return bool(wanted_words) and wanted_words <= actual_words
