"""What every messaging channel provides: verify, parse, render; and how replies are sent.

A webhook request flows through a :class:`Channel` in a fixed order:

1. ``verify(headers, body)`` on the *raw* bytes: raises :class:`Unauthorized`
   (credentials missing) or :class:`Forbidden` (present but wrong / stale)
   before anything is parsed.
2. ``parse(headers, body)`` -> :class:`Inbound`: the shopper messages in the
   delivery (and, for handshakes like Slack's ``url_verification``, an
   immediate response body).
3. the assistant answers each message; ``render(reply, message)`` turns the
   :class:`~bot.models.Reply` into the platform's rich format, a list of
   :class:`OutboundCall` that a :class:`Sender` posts to the platform's API.

Channels whose ``replies_inline`` is true (the generic signed JSON channel)
answer in the HTTP response body instead of calling a send API.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from bot.models import ProductCard, Reply


class WebhookError(Exception):
    """A webhook request that is refused; ``status`` is the HTTP status to answer."""

    status = 400

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BadRequest(WebhookError):
    status = 400


class Unauthorized(WebhookError):
    """No (or an unreadable) signature / secret: 401."""

    status = 401


class Forbidden(WebhookError):
    """A signature / secret that does not match, or a stale timestamp: 403."""

    status = 403


class MethodNotAllowed(WebhookError):
    status = 405


class Feedback(BaseModel):
    """A like / dislike pressed on a product card."""

    product_id: str
    liked: bool


class InboundMessage(BaseModel):
    """One thing a shopper did on a platform: a text message or a button press."""

    platform: str
    session_id: str = Field(description="Stable per platform chat/user, e.g. 'telegram:123456'.")
    delivery_id: str = Field(description="Unique per delivery; retries of the same delivery repeat it.")
    text: str | None = None
    feedback: Feedback | None = None
    recipient: dict[str, Any] = Field(default_factory=dict, description="Where the reply goes (chat id, channel, phone).")
    callback_id: str | None = Field(default=None, description="A button-press id to acknowledge (Telegram).")


class Inbound(BaseModel):
    """The result of parsing one webhook delivery."""

    messages: list[InboundMessage] = Field(default_factory=list)
    response: dict[str, Any] | None = Field(default=None, description="Body to answer at once (handshakes).")


class OutboundCall(BaseModel):
    """One request to a platform's send API, relative to the sender's base URL."""

    path: str
    json_body: dict[str, Any]


@runtime_checkable
class Channel(Protocol):
    name: str
    replies_inline: bool

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Raise :class:`Unauthorized` / :class:`Forbidden` unless the request is authentic."""
        ...

    def parse(self, headers: Mapping[str, str], body: bytes) -> Inbound: ...

    def render(self, reply: Reply, to: InboundMessage) -> list[OutboundCall]: ...

    def render_text(self, text: str, to: InboundMessage) -> list[OutboundCall]:
        """A plain message (used for apologies when a turn failed)."""
        ...

    def handshake(self, query: Mapping[str, str]) -> str:
        """Answer a GET verification handshake (WhatsApp); raise WebhookError when refused."""
        ...


@runtime_checkable
class Sender(Protocol):
    """Posts rendered calls to a platform's send API."""

    async def send(self, calls: list[OutboundCall]) -> None: ...

    async def close(self) -> None: ...


# ---------------------------------------------------------------------------
# helpers shared by the channels


def header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive header lookup (works for plain dicts too)."""
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        for key, val in headers.items():
            if key.lower() == lowered:
                return val
    return value


def check_timestamped_signature(
    headers: Mapping[str, str],
    *,
    signature_header: str,
    timestamp_header: str,
    expected: Callable[[str], str],
    now: float,
    max_age_s: float,
    what: str,
) -> None:
    """A signature over (timestamp, body) with a replay window: 401 when missing, 403 when stale or wrong.

    ``expected(timestamp)`` is the signature the request must carry; compared in constant time."""
    signature = header(headers, signature_header)
    timestamp = header(headers, timestamp_header)
    if not signature or not timestamp:
        raise Unauthorized(f"missing {signature_header} or {timestamp_header}")
    try:
        ts = float(timestamp)
    except ValueError as exc:
        raise Unauthorized(f"unreadable {timestamp_header}") from exc
    if abs(now - ts) > max_age_s:
        raise Forbidden("stale request timestamp (possible replay)")
    if not hmac.compare_digest(signature.encode("utf-8"), expected(timestamp).encode("utf-8")):
        raise Forbidden(f"wrong {what}")


def parse_json(body: bytes) -> Any:
    import json

    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest("body is not valid JSON") from exc


def format_price(price: float | None) -> str | None:
    if price is None:
        return None
    return f"${price:,.0f}" if float(price).is_integer() else f"${price:,.2f}"


def card_summary(card: ProductCard) -> str:
    """'$749 · IKEA · 4.6★' from the attributes the card has (never invented)."""
    parts = [p for p in (format_price(card.price), card.brand, f"{card.rating:.1f}★" if card.rating is not None else None) if p]
    return " · ".join(parts)


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


FEEDBACK_PREFIX = {"like": True, "dislike": False}
SAY_PREFIX = "say:"


def decode_button(data: str) -> tuple[str | None, Feedback | None]:
    """Button payloads shared by the channels: 'like:ID', 'dislike:ID', 'say:TEXT'."""
    kind, _, value = data.partition(":")
    if kind in FEEDBACK_PREFIX and value:
        return None, Feedback(product_id=value, liked=FEEDBACK_PREFIX[kind])
    if data.startswith(SAY_PREFIX) and len(data) > len(SAY_PREFIX):
        return data[len(SAY_PREFIX) :], None
    return None, None


class NoHandshake:
    """Mixin for channels without a GET handshake."""

    def handshake(self, query: Mapping[str, str]) -> str:
        raise MethodNotAllowed("this channel has no GET handshake")
