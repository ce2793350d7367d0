"""Rich formats of each platform for replies with images, no products, long texts."""

from __future__ import annotations

from bot.channels.base import InboundMessage
from bot.channels.slack import SlackChannel
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.models import IntentInfo, ProductCard, Reply

CARD = ProductCard(id="S2", title="Harmony <velvet> sofa", price=1290.0, brand="Hay", category="Sofas", rating=4.7,
                   image_url="https://img.example/s2.jpg", reasons=["a brand you liked", "4.7★ from 1,204 reviews"])


def reply(products=(), quick=(), text="Here you go") -> Reply:
    return Reply(session_id="s", text=text, intent=IntentInfo(name="search_product", confidence=1), action="recommend",
                 products=list(products), quick_replies=list(quick))


def to(platform: str, **recipient) -> InboundMessage:
    return InboundMessage(platform=platform, session_id="s", delivery_id="d", text="x", recipient=recipient)


def test_telegram_photo_card_is_escaped_html():
    calls = TelegramChannel("s").render(reply([CARD]), to("telegram", chat_id=7))
    photo = calls[1]
    assert photo.path == "sendPhoto" and photo.json_body["photo"] == CARD.image_url
    caption = photo.json_body["caption"]
    assert caption.startswith("<b>Harmony &lt;velvet&gt; sofa</b>") and photo.json_body["parse_mode"] == "HTML"
    assert "• a brand you liked" in caption and "$1,290 · Hay · 4.7★" in caption


def test_telegram_quick_replies_without_products_ride_on_the_text():
    [call] = TelegramChannel("s").render(reply(quick=["Track my order", "x" * 80]), to("telegram", chat_id=7))
    rows = call.json_body["reply_markup"]["inline_keyboard"]
    assert rows == [[{"text": "Track my order", "callback_data": "say:Track my order"}]], "over-long callback data is dropped"


def test_slack_card_has_image_accessory_and_escaped_mrkdwn():
    [call] = SlackChannel("s").render(reply([CARD]), to("slack", channel="C1", thread_ts="1.2"))
    assert call.json_body["thread_ts"] == "1.2"
    section = next(b for b in call.json_body["blocks"] if b.get("block_id") == "shopbot_card_0")
    assert section["accessory"] == {"type": "image", "image_url": CARD.image_url, "alt_text": CARD.title}
    assert section["text"]["text"].startswith("*Harmony &lt;velvet&gt; sofa*")


def test_whatsapp_image_header_and_list_for_many_quick_replies():
    calls = WhatsAppChannel("s").render(reply([CARD], quick=["a", "b", "c", "d"]), to("whatsapp", to="49", phone_number_id="P"))
    card = calls[1].json_body["interactive"]
    assert card["header"] == {"type": "image", "image": {"link": CARD.image_url}}
    quick = calls[-1].json_body["interactive"]
    assert quick["type"] == "list" and [r["id"] for r in quick["action"]["sections"][0]["rows"]] == ["say:a", "say:b", "say:c", "say:d"]


def test_long_text_is_truncated_to_platform_limits():
    long = "word " * 2000
    [tg] = TelegramChannel("s").render(reply(text=long), to("telegram", chat_id=1))
    assert len(tg.json_body["text"]) <= 4096
    [wa] = WhatsAppChannel("s").render(reply(text=long), to("whatsapp", to="1", phone_number_id="P"))
    assert len(wa.json_body["text"]["body"]) <= 4096
