"""A generic signed JSON channel for your own front ends and integrations.

Request::

    POST /webhooks/generic
    X-Shopbot-Timestamp: 1732590000
    X-Shopbot-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{raw body}")>
    {"user_id": "u-42", "text": "a grey sofa under $800", "message_id": "m-1"}
    or {"user_id": "u-42", "feedback": {"product_id": "P1", "liked": true}, "message_id": "m-2"}

The answer is the ``Reply`` JSON in the HTTP response body. A retried
``message_id`` gets the same reply again without a second turn.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from collections.abc import Callable, Mapping

from pydantic import BaseModel, Field, ValidationError

from bot.channels.base import (
    BadRequest,
    Feedback,
    Inbound,
    InboundMessage,
    NoHandshake,
    OutboundCall,
    check_timestamped_signature,
    parse_json,
)
from bot.models import Reply

SIGNATURE_HEADER = "X-Shopbot-Signature"
TIMESTAMP_HEADER = "X-Shopbot-Timestamp"


def generic_signature(secret: str, timestamp: str, body: bytes) -> str:
    base = timestamp.encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


class GenericMessage(BaseModel):
    user_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:@-]+$")
    text: str | None = Field(default=None, max_length=2000)
    feedback: Feedback | None = None
    message_id: str | None = Field(default=None, max_length=128)


class GenericChannel(NoHandshake):
    name = "generic"
    replies_inline = True

    def __init__(self, secret: str, *, max_age_s: float = 300.0, clock: Callable[[], float] = time.time):
        if not secret:
            raise ValueError("a webhook secret is required")
        self._secret = secret
        self.max_age_s = max_age_s
        self._clock = clock

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        check_timestamped_signature(
            headers, signature_header=SIGNATURE_HEADER, timestamp_header=TIMESTAMP_HEADER,
            expected=lambda timestamp: generic_signature(self._secret, timestamp, body),
            now=self._clock(), max_age_s=self.max_age_s, what=SIGNATURE_HEADER,
        )

    def parse(self, headers: Mapping[str, str], body: bytes) -> Inbound:
        try:
            msg = GenericMessage.model_validate(parse_json(body))
        except ValidationError as exc:
            raise BadRequest(f"invalid message: {exc.errors()[0]['msg']}") from exc
        if msg.feedback is None and not (msg.text and msg.text.strip()):
            raise BadRequest("a message needs 'text' or 'feedback'")
        delivery = f"generic:{msg.user_id}:{msg.message_id}" if msg.message_id else f"generic:{uuid.uuid4().hex}"
        return Inbound(
            messages=[
                InboundMessage(
                    platform=self.name,
                    session_id=f"generic:{msg.user_id}",
                    delivery_id=delivery,
                    text=msg.text,
                    feedback=msg.feedback,
                )
            ]
        )

    def render(self, reply: Reply, to: InboundMessage) -> list[OutboundCall]:
        return []  # answered in the HTTP response body

    def render_text(self, text: str, to: InboundMessage) -> list[OutboundCall]:
        return []
