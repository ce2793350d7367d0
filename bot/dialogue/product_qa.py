"""Answering questions about one product from its catalog attributes, and nothing else."""

from __future__ import annotations

import re

from retrieval.product import Product

# question words -> product field
_FIELD_WORDS = {
    "material": ("material", "made of", "made from", "fabric", "leather", "wood", "metal"),
    "color": ("color", "colour", "colors", "colours", "shade"),
    "price": ("price", "cost", "how much", "expensive", "cheap"),
    "brand": ("brand", "who makes", "manufacturer", "made by"),
    "size": ("size", "dimension", "dimensions", "how big", "how large", "width", "wide", "tall", "height", "long", "length", "fit"),
    "rating": ("rating", "rated", "reviews", "stars", "good is", "any good"),
    "in_stock": ("in stock", "available", "availability", "sold out"),
    "style": ("style",),
}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _attribute_match(question: str, product: Product) -> tuple[str, str] | None:
    """A free attribute of the product whose name appears in the question."""
    q_words = _words(question)
    best = None
    for key, value in product.attributes.items():
        key_words = _words(key.replace("_", " "))
        if key_words and key_words <= q_words:
            if best is None or len(key_words) > len(_words(best[0])):
                best = (key, value)
    return best


def _unknown_attribute(question: str) -> str:
    """The property asked about when the catalog has no such attribute ("is it waterproof?" -> "waterproof")."""
    q = question.lower().strip(" ?!.")
    match = re.search(r"\b(?:is|are|does|do|can|has|have)\s+(?:it|this|that|they|the \w+(?: one)?|#?\d+)\s+(.+)$", q)
    if match:
        return match.group(1).strip()
    match = re.search(r"\bwhat(?:'s| is)?\s+(?:the\s+)?(\w+(?:\s\w+)?)", q)
    return match.group(1) if match else "that"


def _field_answer(field: str, p: Product) -> str | None:
    value = getattr(p, field)
    if value is None:
        return None
    if field == "price":
        return f"The {p.title} costs ${value:,.2f}."
    if field == "rating":
        return f"The {p.title} is rated {value:.1f} out of 5 from {p.review_count:,} reviews."
    if field == "in_stock":
        return f"The {p.title} is {'in stock' if value else 'currently out of stock'}."
    if field == "size":
        return f"The {p.title} measures {value}."
    return f"The {p.title}'s {field} is {value}."


def answer(question: str, product: Product) -> tuple[str, bool]:
    """(answer text, whether the catalog knew the answer)."""
    attribute = _attribute_match(question, product)
    if attribute:
        key, value = attribute
        name = key.replace("_", " ")
        lowered = value.strip().lower()
        if lowered in ("yes", "true", "y"):
            return f"Yes, the {product.title} is {name}." if len(name.split()) == 1 else f"Yes: {name} — {value}.", True
        if lowered in ("no", "false", "n"):
            return f"No, the {product.title} is not {name}." if len(name.split()) == 1 else f"No: {name} — {value}.", True
        return f"The {product.title}'s {name}: {value}.", True
    q = question.lower()
    yes_no = re.match(r"\s*(is|are|does|do|can|has|have)\b", q) is not None
    for field, words in _FIELD_WORDS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", q) for w in words):
            value = getattr(product, field)
            if yes_no and isinstance(value, str) and field in ("material", "color", "style", "brand"):
                # "is it made of leather?": answer yes or no, then say what it is.
                if re.search(rf"\b{re.escape(value.lower())}\b", q):
                    return f"Yes, the {product.title}'s {field} is {value}.", True
                return f"No, the {product.title}'s {field} is {value}.", True
            text = _field_answer(field, product)
            if text:
                return text, True
            return f"The catalog doesn't list the {field.replace('_', ' ')} of the {product.title}.", False
    thing = _unknown_attribute(question)
    return (
        f"I'm sorry, the catalog doesn't say whether the {product.title} is {thing}. "
        "I only answer from the product's listed details.",
        False,
    )
