"""Messaging-platform channels (webhooks and senders).

See docs/channels.md. The webhook routes live in :mod:`bot.server.webhooks`.
"""

from bot.channels.base import (
    BadRequest,
    Channel,
    Feedback,
    Forbidden,
    Inbound,
    InboundMessage,
    OutboundCall,
    Sender,
    Unauthorized,
    WebhookError,
)
from bot.channels.config import ChannelSettings
from bot.channels.dedupe import DedupeStore
from bot.channels.registry import CHANNEL_NAMES, ChannelBinding, build_channels

__all__ = [
    "BadRequest",
    "CHANNEL_NAMES",
    "Channel",
    "ChannelBinding",
    "ChannelSettings",
    "DedupeStore",
    "Feedback",
    "Forbidden",
    "Inbound",
    "InboundMessage",
    "OutboundCall",
    "Sender",
    "Unauthorized",
    "WebhookError",
    "build_channels",
]
