"""Replies: product cards with reasons grounded in real attributes, and the text around them.

Every reason is built from a product field that is present in the catalog and,
where it comes from the re-ranker, from a positive score contribution: the bot
never states an attribute the catalog does not have.
"""

from __future__ import annotations

from bot.dialogue.constraints import critique_bound
from bot.dialogue.dimensions import measure_label
from bot.dialogue.profile import UserProfile
from bot.models import ProductCard
from ranking.types import ScoredProduct
from retrieval.filters import dimensions, measure
from retrieval.product import Product
from retrieval.types import SearchFilter

MIN_CONTRIBUTION = 0.02


def money(value: float, currency: str = "USD") -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, "")
    amount = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {currency}"


def _matches(value: str | None, wanted: list[str]) -> bool:
    return bool(value) and any(w.lower() in value.lower() for w in wanted)


def reasons_for(
    scored: ScoredProduct,
    constraints: SearchFilter,
    profile: UserProfile,
    liked_titles: dict[str, str] | None = None,
    max_reasons: int = 2,
) -> list[str]:
    """One or two short reasons, strongest first."""
    p = scored.candidate.product
    c = scored.contributions
    options: list[tuple[float, str]] = []
    # What the shopper asked for explicitly comes first.
    if p.price is not None and constraints.price_max is not None and p.price <= constraints.price_max:
        bound = critique_bound(constraints.price_max)  # "cheaper": under the price it is cheaper than
        options.append((3.0, f"within your {money(bound, p.currency)} budget" if bound == constraints.price_max
                        else f"under {money(bound, p.currency)}"))
    elif p.price is not None and profile.budget_max is not None and p.price <= profile.budget_max:
        options.append((1.0 + c.get("price_fit", 0), f"within your {money(profile.budget_max, p.currency)} budget"))
    asked = {"color": constraints.colors, "brand": constraints.brands, "material": constraints.materials,
             "style": constraints.styles, "size": constraints.sizes}
    stated_colours = {v for v, a in profile.affinities.get("color", {}).items() if a.weight > 0}
    for weight, field in ((2.5, "color"), (2.45, "material"), (2.4, "brand"), (2.35, "style"), (2.3, "size")):
        value = getattr(p, field)
        if (field == "color" and asked[field] and _matches(value, asked[field]) and stated_colours
                and value.strip().lower() not in stated_colours):
            options.append((weight, f"in {value.lower()}"))  # a shade of the colour asked ("olive" for green), not it
            continue
        if asked[field] and _matches(value, asked[field]):
            said = {"color": f"in {value.lower()}", "brand": f"from {value}", "material": f"made of {value.lower()}",
                    "style": f"{value.lower()} style", "size": f"in {value} size"}[field]
            options.append((weight, f"{said}, as you asked"))
    if constraints.dimension_max or constraints.dimension_min:  # "max 30 inches wide": how wide it is
        measures = dimensions(p.size)
        for letter in dict.fromkeys([*constraints.dimension_max, *constraints.dimension_min]):
            value = measure(measures, letter)
            if value is not None:
                options.append((2.3, f"{measure_label(letter, value)}, as you asked"))
    # Then what the re-ranker learned from the conversation.
    for field in ("brand", "color", "material", "style"):
        value = getattr(p, field)
        contribution = c.get(f"{field}_affinity", 0.0)
        if value and not asked[field] and contribution > MIN_CONTRIBUTION and profile.affinity(field, value) > 0:
            label = {"brand": f"{value}, a brand you like", "color": f"{value.lower()}, a colour you like",
                     "material": f"{value.lower()}, a material you like", "style": f"{value.lower()} style, which you like"}[field]
            options.append((1.5 + contribution, label))
    similar = c.get("similar_to_liked", 0.0)
    if similar > MIN_CONTRIBUTION and profile.liked_ids and profile.liked_ids != [p.id]:  # never "similar" to itself
        liked = (liked_titles or {}).get(next(i for i in reversed(profile.liked_ids) if i != p.id))
        options.append((1.4 + similar, f"similar to the {liked} you liked" if liked else "similar to what you liked"))
    if p.rating is not None and p.review_count > 0 and (p.rating >= 4.0 or c.get("rating", 0) > MIN_CONTRIBUTION):
        options.append((1.0 + p.rating / 10 + c.get("rating", 0), f"{p.rating:.1f}★ from {p.review_count:,} reviews"))
    for field in ("material", "style"):
        value = getattr(p, field)
        if value and not asked[field] and not any(field in text for _, text in options):
            options.append((0.3, f"{value.lower()} {field}" if field == "style" else f"made of {value.lower()}"))
    if c.get("relevance", 0) + c.get("lexical", 0) > 0 and not options:
        options.append((0.2, "a close match for your request"))
    options.sort(key=lambda o: -o[0])
    seen: set[str] = set()
    reasons = []
    for _, text in options:
        if text not in seen:
            seen.add(text)
            reasons.append(text)
        if len(reasons) == max_reasons:
            break
    return reasons


def card(product: Product, score: float = 0.0, reasons: list[str] | None = None) -> ProductCard:
    return ProductCard(
        id=product.id,
        title=product.title,
        price=product.price,
        brand=product.brand,
        category=product.leaf_category,
        rating=product.rating,
        image_url=product.image_url,
        score=round(float(score), 4),
        reasons=reasons or [],
    )


def product_line(position: int, product: Product, reasons: list[str]) -> str:
    bits = [f"{position}. {product.title}"]
    if product.price is not None:
        bits.append(f" — {money(product.price, product.currency)}")
    if product.brand:
        bits.append(f" by {product.brand}")
    if not product.in_stock:
        bits.append(", out of stock right now")
    line = "".join(bits)
    if reasons:
        line += f" ({'; '.join(_asked_once(reasons))})"
    return line


def _asked_once(reasons: list[str]) -> list[str]:
    """ "in white, as you asked" and '46" wide, as you asked' -> 'in white and 46" wide, as you asked'."""
    asked = [r.removesuffix(", as you asked") for r in reasons if r.endswith(", as you asked")]
    if len(asked) < 2:
        return reasons
    merged = " and ".join(asked) + ", as you asked"
    first = next(i for i, r in enumerate(reasons) if r.endswith(", as you asked"))
    rest = [r for r in reasons if not r.endswith(", as you asked")]
    return [*rest[:first], merged, *rest[first:]]


def product_list_text(intro: str, products: list[Product], reasons: list[list[str]]) -> str:
    lines = [intro]
    lines += [product_line(i, p, r) for i, (p, r) in enumerate(zip(products, reasons), start=1)]
    return "\n".join(lines)
