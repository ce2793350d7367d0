"""Builds the enabled channels (and their senders) from :class:`ChannelSettings`."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.channels.base import Channel, Sender
from bot.channels.config import ChannelSettings, secret
from bot.channels.generic import GenericChannel
from bot.channels.sender import HttpSender
from bot.channels.slack import SlackChannel
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel

log = logging.getLogger(__name__)

CHANNEL_NAMES = ("telegram", "slack", "whatsapp", "generic")


@dataclass
class ChannelBinding:
    """A channel and the sender its replies go through (None for inline channels)."""

    channel: Channel
    sender: Sender | None = None


def build_channels(settings: ChannelSettings) -> dict[str, ChannelBinding]:
    """Only channels whose secret is configured are returned: the others stay disabled (404)."""
    bindings: dict[str, ChannelBinding] = {}
    if tg := secret(settings.telegram_secret):
        token = secret(settings.telegram_token)
        if not token:
            log.warning("telegram webhook enabled but SHOPBOT_TELEGRAM_TOKEN is unset: replies cannot be sent")
        base = f"{settings.telegram_api_base.rstrip('/')}/bot{token or ''}"
        bindings["telegram"] = ChannelBinding(TelegramChannel(tg), HttpSender(base))
    if sl := secret(settings.slack_signing_secret):
        token = secret(settings.slack_bot_token)
        if not token:
            log.warning("slack webhook enabled but SHOPBOT_SLACK_BOT_TOKEN is unset: replies cannot be sent")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        bindings["slack"] = ChannelBinding(
            SlackChannel(sl, max_age_s=settings.max_signature_age_s), HttpSender(settings.slack_api_base, headers=headers)
        )
    if wa := secret(settings.whatsapp_app_secret):
        token = secret(settings.whatsapp_token)
        if not token:
            log.warning("whatsapp webhook enabled but SHOPBOT_WHATSAPP_TOKEN is unset: replies cannot be sent")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        bindings["whatsapp"] = ChannelBinding(
            WhatsAppChannel(wa, secret(settings.whatsapp_verify_token)),
            HttpSender(settings.whatsapp_api_base, headers=headers),
        )
    if gen := secret(settings.webhook_secret):
        bindings["generic"] = ChannelBinding(GenericChannel(gen, max_age_s=settings.max_signature_age_s))
    return bindings
