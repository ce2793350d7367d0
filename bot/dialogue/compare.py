"""Side-by-side comparison of two or three products, attribute by attribute."""

from __future__ import annotations

from retrieval.product import Product

_ROWS = (
    ("price", lambda p: f"${p.price:,.2f}" if p.price is not None else None),
    ("brand", lambda p: p.brand),
    ("rating", lambda p: f"{p.rating:.1f}★ ({p.review_count:,} reviews)" if p.rating is not None else None),
    ("color", lambda p: p.color),
    ("material", lambda p: p.material),
    ("style", lambda p: p.style),
    ("size", lambda p: p.size),
    ("in stock", lambda p: "yes" if p.in_stock else "no"),
)


def compare(products: list[Product], positions: list[int]) -> str:
    """A text comparison; only attributes the catalog has are shown ("—" where one product lacks it)."""
    labels = [f"#{pos} {p.title}" for pos, p in zip(positions, products)]
    lines = ["Here's how they compare:", " vs ".join(labels)]
    for name, get in _ROWS:
        values = [get(p) for p in products]
        if all(v is None for v in values):
            continue
        lines.append(f"- {name}: " + " | ".join(v if v is not None else "—" for v in values))
    shared_keys = sorted(set.intersection(*(set(p.attributes) for p in products))) if products else []
    for key in shared_keys[:6]:
        lines.append(f"- {key.replace('_', ' ')}: " + " | ".join(p.attributes[key] for p in products))
    priced = [(p.price, pos) for p, pos in zip(products, positions) if p.price is not None]
    rated = [(p.rating, pos) for p, pos in zip(products, positions) if p.rating is not None]
    if len(priced) == len(products) and len({x[0] for x in priced}) > 1:
        lines.append(f"#{min(priced)[1]} is the cheapest.")
    if len(rated) == len(products) and len({x[0] for x in rated}) > 1:
        lines.append(f"#{max(rated)[1]} is the best rated.")
    return "\n".join(lines)
