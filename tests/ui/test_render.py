"""HTML of the UI: cards, chips and the profile panel (escaping, placeholders, real view shapes)."""

from __future__ import annotations

from bot.models import ProductCard
from ui.render import cards_html, products_markdown, profile_html, quick_replies_html


def card(**kw) -> ProductCard:
    base = dict(id="S1", title="Kivik 3-seat sofa", price=649.0, brand="IKEA", category="Sofas", rating=4.4, reasons=["4.4★ rating"])
    base.update(kw)
    return ProductCard(**base)


def test_card_shows_attributes_and_buttons():
    html = cards_html([card(), card(id="S2", title="Harmony", image_url="https://img.example/s2.jpg", price=1290.5)])
    assert html.count('class="sb-card"') == 2
    assert "$649" in html and "$1,290.50" in html and "★ 4.4" in html and "IKEA" in html and "4.4★ rating" in html
    assert '<img src="https://img.example/s2.jpg"' in html
    assert 'data-sb-feedback="like" data-id="S1"' in html and 'data-sb-feedback="dislike" data-id="S2"' in html
    assert "#1" in html and "#2" in html


def test_missing_attributes_are_not_invented():
    html = cards_html([card(price=None, brand=None, rating=None, reasons=[], image_url=None)])
    assert "$" not in html and "★" not in html and "sb-reasons" not in html
    assert "<svg" in html  # neutral placeholder instead of an image


def test_everything_is_escaped_and_only_http_images_load():
    evil = card(title="<script>alert(1)</script>", brand='"><img onerror=x>', id='x" onclick="y', image_url="javascript:alert(1)",
                reasons=["<b>bold</b>"])
    html = cards_html([evil])
    assert "<script>" not in html and "<img onerror" not in html and "javascript:" not in html
    assert 'data-id="x&quot; onclick=&quot;y"' in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    chips = quick_replies_html(['Say "hi"', "<i>x</i>"])
    assert 'data-sb-say="Say &quot;hi&quot;"' in chips and "<i>" not in chips


def test_feedback_marks_cards():
    html = cards_html([card(), card(id="S3", title="Nordby")], {"S1": True, "S3": False})
    assert 'class="sb-card sb-liked" data-product-id="S1"' in html
    assert 'class="sb-card sb-disliked" data-product-id="S3"' in html


def test_empty_states():
    assert "sb-empty" in cards_html([])
    assert "Nothing learned yet" in profile_html(None)


def test_profile_panel_from_a_real_session_view_shape():
    view = {
        "session_id": "s",
        "constraints": {"price_min": None, "price_max": 800.0, "categories": ["Sofas"], "colors": ["grey"], "exclude_brands": ["IKEA"],
                        "brands": [], "materials": [], "styles": [], "min_rating": None},
        "profile": {
            "budget_min": None, "budget_max": 800.0,
            "affinities": {"brand": {"ikea": {"weight": -0.8, "explicit": True, "turn": 2}, "hay": {"weight": 0.4, "explicit": False, "turn": 3}},
                           "color": {"grey": {"weight": 0.6, "explicit": True, "turn": 1}}, "category": {}, "material": {}, "style": {}},
            "liked_ids": ["S2"], "rejected_ids": [], "liked_embeddings": 1, "personalization": True,
        },
        "cart": [{"product_id": "S2", "quantity": 2}], "cart_total": 2580.0,
    }
    html = profile_html(view)
    assert "up to $800" in html
    assert 'data-sb="liked-count">1<' in html and 'data-sb="rejected-count">0<' in html
    assert html.index("grey (color) ★") < html.index("hay (brand)"), "strongest preference first"
    assert 'sb-neg">ikea (brand) ★' in html and 'sb-neg">not IKEA' in html
    assert "2 item(s) · $2,580" in html


def test_transcript_list():
    md = products_markdown([card(), card(id="S9", title="Plain", price=None, brand=None, rating=None)])
    assert md.splitlines() == ["1. **Kivik 3-seat sofa** — $649 · IKEA · 4.4★", "2. **Plain**"]


def test_transcript_does_not_repeat_products_the_text_already_lists():
    from bot.models import IntentInfo, Reply
    from ui.app import _assistant_message

    base = dict(session_id="s", intent=IntentInfo(name="search_product", confidence=1), action="recommend", products=[card()])
    listed = Reply(text="Here are 1 sofas:\n1. Kivik 3-seat sofa — $649 by IKEA", **base)
    assert _assistant_message(listed) == listed.text
    terse = Reply(text="Here are 1 options.", **base)
    assert _assistant_message(terse).endswith("1. **Kivik 3-seat sofa** — $649 · IKEA · 4.4★")
