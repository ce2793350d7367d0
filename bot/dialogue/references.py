"""Shown products named by what they are rather than by position: "the rust one", "the firm one",
"the ikea one", "the Asher", "the cheaper one", "the best rated one"."""

from __future__ import annotations

import re

from retrieval.product import Product

# "the X one(s)", "the X" at the end of a clause, "the X too / please / instead"
_THE = re.compile(r"\bthe\s+((?:[\w&'-]+\s+){0,2}?[\w&'-]+)(?:\s+ones?\b|(?=\s*(?:[,.!?;]|$|\s+(?:too|as well|also|please|"
                  r"instead|then|one|for|to|in|into|is|has|have|does|do|and|or|but)\b)))", re.IGNORECASE)
# "i'll take the one with soft close drawers": a feature the chosen one lists
THE_ONE_WITH = re.compile(r"\bthe\s+ones?\s+(?:with|that\s+has|that\s+have|which\s+has)\s+(?:the\s+)?([a-z][a-z -]{2,40}?)"
                           r"(?=\s*(?:[,.!?;]|$|\s+(?:please|pls|then|and|too)\b))", re.IGNORECASE)
_CHEAPER = re.compile(r"\b(cheaper|cheapest|less expensive|least expensive|lower[- ]priced|budget)\b", re.IGNORECASE)
_PRICIER = re.compile(r"\b(pricier|priciest|more expensive|most expensive|higher[- ]priced|premium)\b", re.IGNORECASE)
_BETTER = re.compile(r"\b(best[- ]rated|higher[- ]rated|highest[- ]rated|better[- ]rated|top[- ]rated|most popular)\b",
                     re.IGNORECASE)
# words that never tell shown products apart
_VAGUE = {"one", "ones", "same", "other", "first", "second", "third", "fourth", "fifth", "last", "next", "previous",
          "whole", "total", "cart", "basket", "order", "price", "budget", "rest", "difference", "end", "moment", "best",
          "shop", "store", "site", "website", "catalog", "delivery", "return", "list", "way", "most", "least", "more", "less",
          "a", "an", "the", "my", "your", "of", "it", "this", "that", "these", "those", "them", "too", "also", "out"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9&'-]+", text.lower()))


def _describing_words(product: Product) -> set[str]:
    parts = [product.title, product.brand or "", product.color or "", product.material or "", product.style or "",
             product.size or "", *product.category, *(str(v) for v in (product.attributes or {}).values())]
    words = _words(" ".join(parts))
    return words | {w.rstrip("s") for w in words}


def described_positions(text: str, products: list[Product]) -> list[int]:
    """1-based positions of the shown ``products`` the message picks by a description: a price or rating
    comparison over them, or words that fit exactly one of them. [] when nothing picks one."""
    priced = [(i, p.price) for i, p in enumerate(products, 1) if p.price is not None]
    if len(products) >= 2 and len(priced) == len(products):
        if _CHEAPER.search(text) and re.search(r"\bthe\s+(?:\w+\s+)?(?:cheaper|cheapest|less|least|lower|budget)", text, re.I):
            return [min(priced, key=lambda x: x[1])[0]]
        if _PRICIER.search(text) and re.search(r"\bthe\s+(?:\w+\s+)?(?:pricier|priciest|more|most|higher|premium)", text, re.I):
            return [max(priced, key=lambda x: x[1])[0]]
    if len(products) >= 2 and _BETTER.search(text) and re.search(r"\bthe\s+(?:best|higher|highest|better|top|most)", text, re.I):
        rated = [(i, p.rating or 0.0) for i, p in enumerate(products, 1)]
        return [max(rated, key=lambda x: x[1])[0]]
    said_price = _PRICE_SAID.search(text)
    if said_price and priced:  # "the 229 one has a 365 night trial??", "the egg chair for 89, does it come with a stand?"
        amount = float((said_price.group(1) or said_price.group(2)).replace(",", ""))
        at = [i for i, price in priced if abs(price - amount) < 1]
        if len(at) == 1:
            return at
    described = [_describing_words(p) for p in products]
    for match in _THE.finditer(text):
        said = {w for w in _words(match.group(1)) if w not in _VAGUE and not w.isdigit()}
        if not said:
            continue
        fits = [i for i, words in enumerate(described, 1) if all(w in words or w.rstrip("s") in words for w in said)]
        if not fits and said - _LOOSE_WORDS:  # "the big blue jute one": the blue jute one (no product is called big)
            fits = [i for i, words in enumerate(described, 1)
                    if all(w in words or w.rstrip("s") in words for w in said - _LOOSE_WORDS)]
        if len(fits) == 1 and len(products) >= 1:
            return fits
    with_feature = THE_ONE_WITH.search(text)
    if with_feature and len(products) >= 2:  # "i'll take the one with soft close drawers": the one listing that feature
        said = {w.rstrip("s") for w in _words(with_feature.group(1).replace("-", " "))}
        fits = [i for i, p in enumerate(products, 1)
                if any({w.rstrip("s") for w in _words(k.replace("-", " "))} == said and str(v).strip().lower() not in ("no", "0", "none", "")
                       for k, v in (p.attributes or {}).items())]
        if len(fits) == 1:
            return fits
    return []


# "the 229 one", "the egg chair for 89", "the one at $1,399": a shown product picked by its price
_PRICE_SAID = re.compile(r"\bthe\s+\$?(\d[\d,]{1,6})(?:\.\d\d)?\s+(?:one|dollar\s+one)\b"
                         r"|\bthe\s+(?:[a-z]+\s+){0,3}?(?:one|ones|[a-z]+)\s+(?:for|at)\s+\$?(\d[\d,]{1,6})(?:\.\d\d)?\b"
                         r"(?!\s*(?:people|of us|guests|seats|inch|inches|in\b|cm|ft|feet|nights|years|%))", re.I)
# Words a description may add that no product lists ("the big blue jute one", "the cute green one")
_LOOSE_WORDS = {"big", "large", "huge", "little", "tiny", "nice", "cute", "pretty", "lovely", "gorgeous", "fun", "cool", "good"}


def recalled(description: str, products: list[Product]) -> list[Product]:
    """The products (most recent first) that every meaningful word of ``description`` fits ("blue lamp")."""
    said = {w for w in _words(description) if w not in _VAGUE and not w.isdigit()}
    if not said:
        return []
    return [p for p in products if all(w in (words := _describing_words(p)) or w.rstrip("s") in words for w in said)]
