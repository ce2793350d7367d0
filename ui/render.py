"""HTML for the web UI: product cards, quick-reply chips and the profile panel.

Pure functions of data (no Gradio import), so they are easy to test. Every
value from the catalog or the shopper is HTML-escaped; image URLs must be
http(s).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlparse

from bot.models import ProductCard

# A neutral picture-frame icon for products without an image.
PLACEHOLDER_SVG = (
    '<svg viewBox="0 0 64 64" width="44" height="44" aria-hidden="true">'
    '<rect x="6" y="12" width="52" height="40" rx="6" fill="none" stroke="currentColor" stroke-width="3"/>'
    '<circle cx="22" cy="26" r="5" fill="currentColor"/>'
    '<path d="M10 48 L26 34 L36 42 L44 36 L56 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round"/>'
    "</svg>"
)

# Inline icons (no emoji: many servers and kiosks lack an emoji font).
THUMB_UP_SVG = (
    '<svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true"><path fill="currentColor" '
    'd="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9'
    'c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>'
)
THUMB_DOWN_SVG = THUMB_UP_SVG.replace('aria-hidden="true"', 'aria-hidden="true" style="transform: rotate(180deg)"')

CARDS_CSS = """
.sb-empty { color: #6b7280; padding: 18px; text-align: center; border: 1px dashed #d1d5db; border-radius: 12px; }
.sb-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 14px; }
.sb-card { display: flex; flex-direction: column; background: #fff; border: 1px solid #e5e7eb; border-radius: 14px;
           overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.04); transition: box-shadow .15s, border-color .15s; }
.sb-card:hover { box-shadow: 0 6px 18px rgba(0,0,0,.08); }
.sb-card.sb-liked { border-color: #16a34a; box-shadow: 0 0 0 2px rgba(22,163,74,.25); }
.sb-card.sb-disliked { opacity: .55; }
.sb-img { height: 140px; background: linear-gradient(135deg, #f3f4f6, #e5e7eb); display: flex; align-items: center;
          justify-content: center; color: #9ca3af; position: relative; }
.sb-img img { width: 100%; height: 100%; object-fit: cover; }
.sb-pos { position: absolute; top: 8px; left: 8px; background: rgba(17,24,39,.75); color: #fff; font-size: 12px;
          border-radius: 999px; padding: 2px 8px; }
.sb-cat { position: absolute; bottom: 8px; left: 8px; font-size: 11px; color: #4b5563; background: rgba(255,255,255,.85);
          border-radius: 6px; padding: 1px 6px; }
.sb-body { padding: 10px 12px 4px; display: flex; flex-direction: column; gap: 4px; flex: 1; }
.sb-title { font-weight: 600; font-size: 14px; line-height: 1.3; color: #111827; }
.sb-meta { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; font-size: 13px; color: #4b5563; }
.sb-price { font-weight: 700; font-size: 16px; color: #111827; }
.sb-rating { color: #b45309; }
.sb-reasons { margin: 4px 0 0; padding-left: 16px; font-size: 12px; color: #374151; }
.sb-reasons li { margin: 1px 0; }
.sb-actions { display: flex; gap: 8px; padding: 8px 12px 12px; }
.sb-btn { display: inline-flex; align-items: center; justify-content: center; gap: 6px; flex: 1; border: 1px solid #d1d5db; background: #f9fafb; border-radius: 8px; padding: 6px 0; cursor: pointer;
          font-size: 13px; color: #111827; }
.sb-btn:hover { background: #f3f4f6; }
.sb-btn.sb-on.sb-like { background: #dcfce7; border-color: #16a34a; }
.sb-btn.sb-on.sb-dislike { background: #fee2e2; border-color: #dc2626; }
"""

QUICK_CSS = """
.sb-quick { display: flex; flex-wrap: wrap; gap: 8px; min-height: 8px; }
.sb-chip { border: 1px solid #c7d2fe; background: #eef2ff; color: #3730a3; border-radius: 999px; padding: 5px 12px;
           font-size: 13px; cursor: pointer; }
.sb-chip:hover { background: #e0e7ff; }
"""

PROFILE_CSS = """
.sb-profile { display: flex; flex-direction: column; gap: 12px; font-size: 13px; color: #1f2937; }
.sb-profile h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #6b7280; }
.sb-row { display: flex; justify-content: space-between; gap: 8px; }
.sb-tags { display: flex; flex-wrap: wrap; gap: 6px; }
.sb-tag { border-radius: 999px; padding: 2px 9px; font-size: 12px; background: #f3f4f6; }
.sb-tag.sb-pos { background: #dcfce7; color: #166534; }
.sb-tag.sb-neg { background: #fee2e2; color: #991b1b; }
.sb-muted { color: #9ca3af; }
"""

# Delegated listeners survive re-renders of the HTML; custom events carry their data to Python.
CARDS_JS = """
element.addEventListener('click', (e) => {
  const btn = e.target.closest('button[data-sb-feedback]');
  if (!btn) return;
  trigger('feedback', {product_id: btn.dataset.id, liked: btn.dataset.sbFeedback === 'like'});
});
"""

QUICK_JS = """
element.addEventListener('click', (e) => {
  const chip = e.target.closest('button[data-sb-say]');
  if (!chip) return;
  trigger('quick', {text: chip.dataset.sbSay});
});
"""


def _safe_image(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc else None


def format_price(price: float | None) -> str | None:
    if price is None:
        return None
    return f"${price:,.0f}" if float(price).is_integer() else f"${price:,.2f}"


def card_html(card: ProductCard, position: int, feedback: dict[str, bool] | None = None) -> str:
    state = (feedback or {}).get(card.id)
    classes = "sb-card" + (" sb-liked" if state is True else " sb-disliked" if state is False else "")
    image = _safe_image(card.image_url)
    picture = f'<img src="{escape(image)}" alt="{escape(card.title)}" loading="lazy">' if image else PLACEHOLDER_SVG
    category = f'<span class="sb-cat">{escape(card.category)}</span>' if card.category else ""
    meta = []
    if (price := format_price(card.price)) is not None:
        meta.append(f'<span class="sb-price">{escape(price)}</span>')
    if card.brand:
        meta.append(f'<span class="sb-brand">{escape(card.brand)}</span>')
    if card.rating is not None:
        meta.append(f'<span class="sb-rating">★ {card.rating:.1f}</span>')
    reasons = "".join(f"<li>{escape(r)}</li>" for r in card.reasons[:4])
    like_on = " sb-on" if state is True else ""
    dislike_on = " sb-on" if state is False else ""
    pid = escape(card.id, quote=True)
    return (
        f'<div class="{classes}" data-product-id="{pid}">'
        f'<div class="sb-img">{picture}<span class="sb-pos">#{position}</span>{category}</div>'
        f'<div class="sb-body"><div class="sb-title">{escape(card.title)}</div>'
        f'<div class="sb-meta">{"".join(meta)}</div>'
        + (f'<ul class="sb-reasons">{reasons}</ul>' if reasons else "")
        + "</div>"
        f'<div class="sb-actions">'
        f'<button class="sb-btn sb-like{like_on}" data-sb-feedback="like" data-id="{pid}" title="More like this">{THUMB_UP_SVG}Like</button>'
        f'<button class="sb-btn sb-dislike{dislike_on}" data-sb-feedback="dislike" data-id="{pid}" title="Less like this">{THUMB_DOWN_SVG}Not for me</button>'
        "</div></div>"
    )


def cards_html(cards: list[ProductCard], feedback: dict[str, bool] | None = None) -> str:
    if not cards:
        return '<div class="sb-empty">Products I suggest will appear here. Try “a grey sofa under $800”.</div>'
    return '<div class="sb-grid">' + "".join(card_html(c, i, feedback) for i, c in enumerate(cards, start=1)) + "</div>"


def quick_replies_html(quick: list[str]) -> str:
    chips = "".join(
        f'<button class="sb-chip" data-sb-say="{escape(q, quote=True)}">{escape(q)}</button>' for q in quick[:8]
    )
    return f'<div class="sb-quick">{chips}</div>'


def products_markdown(cards: list[ProductCard]) -> str:
    """A compact numbered list for the chat transcript (the cards below carry the details)."""
    lines = []
    for i, c in enumerate(cards, start=1):
        facts = " · ".join(
            x for x in (format_price(c.price), c.brand, f"{c.rating:.1f}★" if c.rating is not None else None) if x
        )
        lines.append(f"{i}. **{c.title}**" + (f" — {facts}" if facts else ""))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# profile panel


def _money(value: Any) -> str | None:
    try:
        return format_price(float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def _budget(lo: Any, hi: Any) -> str | None:
    lo_s, hi_s = _money(lo), _money(hi)
    if lo_s and hi_s:
        return f"{lo_s} – {hi_s}"
    if hi_s:
        return f"up to {hi_s}"
    if lo_s:
        return f"from {lo_s}"
    return None


def _tags(items: list[tuple[str, str]]) -> str:
    return '<div class="sb-tags">' + "".join(f'<span class="sb-tag {cls}">{escape(text)}</span>' for text, cls in items) + "</div>"


def _section(title: str, body: str) -> str:
    return f"<div><h4>{escape(title)}</h4>{body}</div>"


def profile_html(view: dict[str, Any] | None) -> str:
    """The live profile and the current search, from ``assistant.session_view``."""
    if not view:
        return '<div class="sb-profile"><div class="sb-muted">Nothing learned yet: every like, dislike and request shapes this.</div></div>'
    profile = view.get("profile") or {}
    constraints = view.get("constraints") or (view.get("state") or {}).get("constraints") or {}
    parts = []

    likes, dislikes = [], []
    for field, values in (profile.get("affinities") or {}).items():
        for value, aff in (values or {}).items():
            weight = aff.get("weight", 0) if isinstance(aff, dict) else float(aff or 0)
            label = f"{value} ({field})" + (" ★" if isinstance(aff, dict) and aff.get("explicit") else "")
            if weight > 0:
                likes.append((weight, label))
            elif weight < 0:
                dislikes.append((weight, label))
    likes.sort(reverse=True)
    dislikes.sort()
    rows = []
    if budget := _budget(profile.get("budget_min"), profile.get("budget_max")):
        rows.append(f'<div class="sb-row"><span>Budget</span><b>{escape(budget)}</b></div>')
    n_liked, n_rejected = len(profile.get("liked_ids") or []), len(profile.get("rejected_ids") or [])
    rows.append(f'<div class="sb-row"><span>Products liked</span><b data-sb="liked-count">{n_liked}</b></div>')
    rows.append(f'<div class="sb-row"><span>Products rejected</span><b data-sb="rejected-count">{n_rejected}</b></div>')
    if profile.get("personalization") is False:
        rows.append('<div class="sb-row"><span>Personalization</span><b>off</b></div>')
    parts.append(_section("What I know about you", "".join(rows)))
    if likes:
        parts.append(_section("You like", _tags([(label, "sb-pos") for _, label in likes[:12]])))
    if dislikes:
        parts.append(_section("You avoid", _tags([(label, "sb-neg") for _, label in dislikes[:12]])))

    search: list[tuple[str, str]] = []
    if price := _budget(constraints.get("price_min"), constraints.get("price_max")):
        search.append((price, ""))
    for key, prefix, cls in (
        ("categories", "", ""), ("brands", "", ""), ("colors", "", ""), ("materials", "", ""), ("styles", "", ""),
        ("exclude_brands", "not ", "sb-neg"), ("exclude_colors", "not ", "sb-neg"),
        ("exclude_materials", "not ", "sb-neg"), ("exclude_categories", "not ", "sb-neg"),
    ):
        search += [(f"{prefix}{v}", cls) for v in constraints.get(key) or []]
    if constraints.get("min_rating"):
        search.append((f"★ {constraints['min_rating']}+", ""))
    parts.append(_section("Current search", _tags(search) if search else '<span class="sb-muted">no filters yet</span>'))
    cart = view.get("cart") or []
    if cart:
        total = _money(view.get("cart_total"))
        parts.append(_section("Cart", f"{sum(int(i.get('quantity', 1)) for i in cart)} item(s)" + (f" · {escape(total)}" if total else "")))
    return '<div class="sb-profile">' + "".join(parts) + "</div>"
