"""WhatsApp Cloud API webhook (Meta): X-Hub-Signature-256, the GET verification handshake,
messages webhooks, and replies through ``/{phone_number_id}/messages`` with interactive buttons / lists.

Messenger and Instagram webhooks are signed the same way (``MetaSignature``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from bot.channels.base import (
    SAY_PREFIX,
    BadRequest,
    Forbidden,
    Inbound,
    InboundMessage,
    OutboundCall,
    Unauthorized,
    card_summary,
    decode_button,
    header,
    parse_json,
    truncate,
)
from bot.models import ProductCard, Reply

SIGNATURE_HEADER = "X-Hub-Signature-256"
BUTTON_TITLE_MAX = 20
MAX_BUTTONS = 3
LIST_ROWS_MAX = 10
ROW_TITLE_MAX = 24
BODY_MAX = 1024


def meta_signature(app_secret: str, body: bytes) -> str:
    """``sha256=`` + HMAC-SHA256(app secret, raw body) in hex."""
    return "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class WhatsAppChannel:
    name = "whatsapp"
    replies_inline = False

    def __init__(self, app_secret: str, verify_token: str | None = None):
        if not app_secret:
            raise ValueError("a Meta app secret is required")
        self._secret = app_secret
        self._verify_token = verify_token

    # -- handshake ---------------------------------------------------------
    def handshake(self, query: Mapping[str, str]) -> str:
        """``GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`` -> ``C``."""
        token = query.get("hub.verify_token")
        if query.get("hub.mode") != "subscribe" or not token:
            raise Unauthorized("not a subscribe handshake")
        if not self._verify_token or not hmac.compare_digest(token.encode(), self._verify_token.encode()):
            raise Forbidden("wrong hub.verify_token")
        return str(query.get("hub.challenge", ""))

    # -- inbound -----------------------------------------------------------
    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        signature = header(headers, SIGNATURE_HEADER)
        if not signature or not signature.startswith("sha256="):
            raise Unauthorized(f"missing {SIGNATURE_HEADER}")
        if not hmac.compare_digest(signature.encode("utf-8"), meta_signature(self._secret, body).encode("utf-8")):
            raise Forbidden(f"wrong {SIGNATURE_HEADER}")

    def parse(self, headers: Mapping[str, str], body: bytes) -> Inbound:
        data = parse_json(body)
        if not isinstance(data, dict) or data.get("object") != "whatsapp_business_account":
            raise BadRequest("not a WhatsApp Business Account webhook")
        messages: list[InboundMessage] = []
        for entry in data.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                phone_number_id = (value.get("metadata") or {}).get("phone_number_id")
                for msg in value.get("messages") or []:  # "statuses" (sent/delivered/read) carry no messages
                    parsed = self._message(msg, phone_number_id)
                    if parsed:
                        messages.append(parsed)
        return Inbound(messages=messages)

    def _message(self, msg: dict[str, Any], phone_number_id: str | None) -> InboundMessage | None:
        sender, msg_id = msg.get("from"), msg.get("id")
        if not sender or not msg_id or not phone_number_id:
            return None
        text = feedback = None
        kind = msg.get("type")
        if kind == "text":
            text = (msg.get("text") or {}).get("body")
        elif kind == "interactive":
            interactive = msg.get("interactive") or {}
            choice = interactive.get("button_reply") or interactive.get("list_reply") or {}
            text, feedback = decode_button(str(choice.get("id") or ""))
        elif kind == "button":  # quick-reply button of a template message
            text = (msg.get("button") or {}).get("text")
        if not (text and text.strip()) and feedback is None:
            return None
        return InboundMessage(
            platform=self.name,
            session_id=f"whatsapp:{sender}",
            delivery_id=f"whatsapp:{msg_id}",
            text=text,
            feedback=feedback,
            recipient={"to": sender, "phone_number_id": phone_number_id},
        )

    # -- outbound ----------------------------------------------------------
    def render(self, reply: Reply, to: InboundMessage) -> list[OutboundCall]:
        calls = []
        text = truncate(reply.text or "…", 4096)
        quick = reply.quick_replies
        if quick and not reply.products:
            calls.append(self._call(to, self._quick_replies(text, quick)))
        else:
            calls.append(self._call(to, {"type": "text", "text": {"body": text}}))
        for card in reply.products:
            calls.append(self._call(to, self.card_message(card)))
        if quick and reply.products:
            calls.append(self._call(to, self._quick_replies("Anything else?", quick)))
        return calls

    def render_text(self, text: str, to: InboundMessage) -> list[OutboundCall]:
        return [self._call(to, {"type": "text", "text": {"body": truncate(text, 4096)}})]

    @staticmethod
    def _call(to: InboundMessage, message: dict[str, Any]) -> OutboundCall:
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to.recipient["to"], **message}
        return OutboundCall(path=f"{to.recipient['phone_number_id']}/messages", json_body=body)

    @staticmethod
    def card_message(card: ProductCard) -> dict[str, Any]:
        lines = [f"*{card.title}*"]
        summary = card_summary(card)
        if summary:
            lines.append(summary)
        lines += [f"• {r}" for r in card.reasons[:3]]
        interactive: dict[str, Any] = {
            "type": "button",
            "body": {"text": truncate("\n".join(lines), BODY_MAX)},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": f"like:{card.id}", "title": "👍 Like"}},
                    {"type": "reply", "reply": {"id": f"dislike:{card.id}", "title": "👎 Not for me"}},
                ]
            },
        }
        if card.image_url:
            interactive["header"] = {"type": "image", "image": {"link": card.image_url}}
        return {"type": "interactive", "interactive": interactive}

    @staticmethod
    def _quick_replies(text: str, quick: list[str]) -> dict[str, Any]:
        body = {"text": truncate(text, BODY_MAX)}
        if len(quick) <= MAX_BUTTONS:
            buttons = [
                {"type": "reply", "reply": {"id": truncate(SAY_PREFIX + q, 256), "title": truncate(q, BUTTON_TITLE_MAX)}}
                for q in quick
            ]
            return {"type": "interactive", "interactive": {"type": "button", "body": body, "action": {"buttons": buttons}}}
        rows = [
            {"id": truncate(SAY_PREFIX + q, 200), "title": truncate(q, ROW_TITLE_MAX)} for q in quick[:LIST_ROWS_MAX]
        ]
        return {
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": body,
                "action": {"button": "Suggestions", "sections": [{"title": "Try", "rows": rows}]},
            },
        }
