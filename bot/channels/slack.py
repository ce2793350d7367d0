"""Slack Events API webhook: v0 request signing, url_verification, message events,
Block Kit buttons (block_actions) and chat.postMessage with Block Kit sections."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qs

from bot.channels.base import (
    SAY_PREFIX,
    BadRequest,
    Inbound,
    InboundMessage,
    NoHandshake,
    OutboundCall,
    check_timestamped_signature,
    card_summary,
    decode_button,
    parse_json,
    truncate,
)
from bot.models import ProductCard, Reply

SIGNATURE_HEADER = "X-Slack-Signature"
TIMESTAMP_HEADER = "X-Slack-Request-Timestamp"
_MENTION = re.compile(r"<@[A-Z0-9]+>")
MAX_BLOCKS = 50


def slack_signature(secret: str, timestamp: str, body: bytes) -> str:
    """``v0=`` + HMAC-SHA256(signing secret, ``v0:{timestamp}:{body}``) in hex."""
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def _mrkdwn_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SlackChannel(NoHandshake):
    name = "slack"
    replies_inline = False

    def __init__(self, signing_secret: str, *, max_age_s: float = 300.0, clock: Callable[[], float] = time.time):
        if not signing_secret:
            raise ValueError("a Slack signing secret is required")
        self._secret = signing_secret
        self.max_age_s = max_age_s
        self._clock = clock

    # -- inbound -----------------------------------------------------------
    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        check_timestamped_signature(
            headers, signature_header=SIGNATURE_HEADER, timestamp_header=TIMESTAMP_HEADER,
            expected=lambda timestamp: slack_signature(self._secret, timestamp, body),
            now=self._clock(), max_age_s=self.max_age_s, what="Slack signature",
        )

    def parse(self, headers: Mapping[str, str], body: bytes) -> Inbound:
        if body.startswith(b"payload="):  # interactivity (button presses) is form-encoded
            try:
                payload = json.loads(parse_qs(body.decode("utf-8"))["payload"][0])
            except (KeyError, ValueError, UnicodeDecodeError) as exc:
                raise BadRequest("unreadable interactivity payload") from exc
            return self._parse_actions(payload)
        data = parse_json(body)
        if not isinstance(data, dict):
            raise BadRequest("not a Slack event")
        kind = data.get("type")
        if kind == "url_verification":
            return Inbound(response={"challenge": str(data.get("challenge", ""))})
        if kind != "event_callback":
            return Inbound()
        event = data.get("event") or {}
        if event.get("type") not in ("message", "app_mention"):
            return Inbound()
        if event.get("bot_id") or event.get("subtype") or not event.get("user") or not event.get("channel"):
            return Inbound()  # our own posts, edits, joins: never answer them (no loops)
        text = _MENTION.sub("", str(event.get("text") or "")).strip()
        if not text:
            return Inbound()
        team = data.get("team_id") or event.get("team") or "T"
        recipient = {"channel": event["channel"]}
        if event.get("thread_ts"):
            recipient["thread_ts"] = event["thread_ts"]
        message = InboundMessage(
            platform=self.name,
            session_id=f"slack:{team}.{event['user']}",
            delivery_id=f"slack:{data.get('event_id') or event.get('client_msg_id') or event.get('ts')}",
            text=text,
            recipient=recipient,
        )
        return Inbound(messages=[message])

    def _parse_actions(self, payload: dict[str, Any]) -> Inbound:
        if payload.get("type") != "block_actions":
            return Inbound()
        user = (payload.get("user") or {}).get("id")
        team = (payload.get("team") or {}).get("id") or (payload.get("user") or {}).get("team_id") or "T"
        channel = (payload.get("channel") or {}).get("id") or (payload.get("container") or {}).get("channel_id")
        if not user or not channel:
            return Inbound()
        messages = []
        for action in payload.get("actions") or []:
            text, feedback = decode_button(str(action.get("value") or ""))
            if text is None and feedback is None:
                continue
            messages.append(
                InboundMessage(
                    platform=self.name,
                    session_id=f"slack:{team}.{user}",
                    delivery_id=f"slack:action:{payload.get('trigger_id')}:{action.get('action_ts')}",
                    text=text,
                    feedback=feedback,
                    recipient={"channel": channel},
                )
            )
        return Inbound(messages=messages)

    # -- outbound ----------------------------------------------------------
    def render(self, reply: Reply, to: InboundMessage) -> list[OutboundCall]:
        blocks: list[dict[str, Any]] = [
            {"type": "section", "text": {"type": "mrkdwn", "text": truncate(_mrkdwn_escape(reply.text or "…"), 3000)}}
        ]
        for i, card in enumerate(reply.products):
            blocks += self.card_blocks(card, i)
        if reply.quick_replies:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": "shopbot_quick_replies",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": f"shopbot_say_{i}",
                            "text": {"type": "plain_text", "text": truncate(q, 75)},
                            "value": SAY_PREFIX + q,
                        }
                        for i, q in enumerate(reply.quick_replies[:25])
                    ],
                }
            )
        return [self._post(to, reply.text or "…", blocks[:MAX_BLOCKS])]

    def render_text(self, text: str, to: InboundMessage) -> list[OutboundCall]:
        return [self._post(to, text, None)]

    @staticmethod
    def _post(to: InboundMessage, text: str, blocks: list | None) -> OutboundCall:
        body: dict[str, Any] = {"channel": to.recipient["channel"], "text": truncate(text, 3000)}
        if to.recipient.get("thread_ts"):
            body["thread_ts"] = to.recipient["thread_ts"]
        if blocks:
            body["blocks"] = blocks
        return OutboundCall(path="chat.postMessage", json_body=body)

    @staticmethod
    def card_blocks(card: ProductCard, index: int) -> list[dict[str, Any]]:
        lines = [f"*{_mrkdwn_escape(card.title)}*"]
        summary = card_summary(card)
        if summary:
            lines.append(_mrkdwn_escape(summary))
        lines += [f"• {_mrkdwn_escape(r)}" for r in card.reasons[:3]]
        section: dict[str, Any] = {
            "type": "section",
            "block_id": f"shopbot_card_{index}",
            "text": {"type": "mrkdwn", "text": truncate("\n".join(lines), 3000)},
        }
        if card.image_url:
            section["accessory"] = {"type": "image", "image_url": card.image_url, "alt_text": truncate(card.title, 2000)}
        actions = {
            "type": "actions",
            "block_id": f"shopbot_card_actions_{index}",
            "elements": [
                {
                    "type": "button",
                    "action_id": f"shopbot_like_{index}",
                    "text": {"type": "plain_text", "text": "👍 Like"},
                    "style": "primary",
                    "value": f"like:{card.id}",
                },
                {
                    "type": "button",
                    "action_id": f"shopbot_dislike_{index}",
                    "text": {"type": "plain_text", "text": "👎 Not for me"},
                    "value": f"dislike:{card.id}",
                },
            ],
        }
        return [{"type": "divider"}, section, actions]
