"""Telegram Bot API webhook: secret-token header, Update parsing, sendMessage/sendPhoto with inline keyboards."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from html import escape
from typing import Any

from bot.channels.base import (
    SAY_PREFIX,
    BadRequest,
    Forbidden,
    Inbound,
    InboundMessage,
    NoHandshake,
    OutboundCall,
    Unauthorized,
    card_summary,
    decode_button,
    header,
    parse_json,
    truncate,
)
from bot.models import ProductCard, Reply

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CALLBACK_DATA_MAX_BYTES = 64
CAPTION_MAX = 1024
TEXT_MAX = 4096


def _button(text: str, data: str) -> dict[str, str] | None:
    if len(data.encode("utf-8")) > CALLBACK_DATA_MAX_BYTES:
        return None  # Telegram rejects longer callback_data
    return {"text": text, "callback_data": data}


class TelegramChannel(NoHandshake):
    """``setWebhook(url=.../webhooks/telegram, secret_token=SECRET)`` on the Telegram side."""

    name = "telegram"
    replies_inline = False

    def __init__(self, secret_token: str):
        if not secret_token:
            raise ValueError("a Telegram secret token is required")
        self._secret = secret_token.encode("utf-8")

    # -- inbound -----------------------------------------------------------
    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        given = header(headers, SECRET_HEADER)
        if not given:
            raise Unauthorized(f"missing {SECRET_HEADER}")
        if not hmac.compare_digest(given.encode("utf-8"), self._secret):
            raise Forbidden(f"wrong {SECRET_HEADER}")

    def parse(self, headers: Mapping[str, str], body: bytes) -> Inbound:
        update = parse_json(body)
        if not isinstance(update, dict) or "update_id" not in update:
            raise BadRequest("not a Telegram Update")
        delivery = f"telegram:{update['update_id']}"
        if isinstance(update.get("message"), dict):
            msg = update["message"]
            text = msg.get("text")
            chat = msg.get("chat") or {}
            if not isinstance(text, str) or not text.strip() or "id" not in chat:
                return Inbound()  # stickers, photos, joins: nothing to answer
            return Inbound(messages=[self._message(delivery, chat["id"], text=text)])
        if isinstance(update.get("callback_query"), dict):
            query = update["callback_query"]
            chat = (query.get("message") or {}).get("chat") or {}
            chat_id = chat.get("id", (query.get("from") or {}).get("id"))
            if chat_id is None:
                return Inbound()
            text, feedback = decode_button(str(query.get("data") or ""))
            if text is None and feedback is None:
                return Inbound()
            return Inbound(
                messages=[self._message(delivery, chat_id, text=text, feedback=feedback, callback_id=str(query.get("id")))]
            )
        return Inbound()  # edited messages, channel posts, ...

    def _message(self, delivery: str, chat_id: Any, **fields) -> InboundMessage:
        return InboundMessage(
            platform=self.name,
            session_id=f"telegram:{chat_id}",
            delivery_id=delivery,
            recipient={"chat_id": chat_id},
            **fields,
        )

    # -- outbound ----------------------------------------------------------
    def render(self, reply: Reply, to: InboundMessage) -> list[OutboundCall]:
        chat_id = to.recipient["chat_id"]
        calls: list[OutboundCall] = []
        if to.callback_id:
            calls.append(OutboundCall(path="answerCallbackQuery", json_body={"callback_query_id": to.callback_id}))
        quick_rows = [[b] for b in (_button(q, SAY_PREFIX + q) for q in reply.quick_replies) if b]
        text_body: dict[str, Any] = {"chat_id": chat_id, "text": truncate(reply.text or "…", TEXT_MAX)}
        if not reply.products and quick_rows:
            text_body["reply_markup"] = {"inline_keyboard": quick_rows}
        calls.append(OutboundCall(path="sendMessage", json_body=text_body))
        for i, card in enumerate(reply.products):
            last = i == len(reply.products) - 1
            rows = self._card_keyboard(card) + (quick_rows if last else [])
            calls.append(self._card_call(chat_id, card, rows))
        return calls

    def render_text(self, text: str, to: InboundMessage) -> list[OutboundCall]:
        return [OutboundCall(path="sendMessage", json_body={"chat_id": to.recipient["chat_id"], "text": text})]

    @staticmethod
    def _card_keyboard(card: ProductCard) -> list[list[dict[str, str]]]:
        buttons = [b for b in (_button("👍 Like", f"like:{card.id}"), _button("👎 Not for me", f"dislike:{card.id}")) if b]
        return [buttons] if buttons else []

    @staticmethod
    def card_html(card: ProductCard) -> str:
        lines = [f"<b>{escape(card.title)}</b>"]
        summary = card_summary(card)
        if summary:
            lines.append(escape(summary))
        lines += [f"• {escape(r)}" for r in card.reasons[:3]]
        return "\n".join(lines)

    def _card_call(self, chat_id: Any, card: ProductCard, rows: list) -> OutboundCall:
        body: dict[str, Any] = {"chat_id": chat_id, "parse_mode": "HTML"}
        if rows:
            body["reply_markup"] = {"inline_keyboard": rows}
        text = self.card_html(card)
        if card.image_url:
            body.update(photo=card.image_url, caption=truncate(text, CAPTION_MAX))
            return OutboundCall(path="sendPhoto", json_body=body)
        body["text"] = truncate(text, TEXT_MAX)
        return OutboundCall(path="sendMessage", json_body=body)
