"""Channel settings: secrets, bot tokens and API base URLs, from ``SHOPBOT_*`` env variables.

A channel whose secret is not configured is disabled (its webhook answers 404)
rather than left open.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, Field, SecretStr

_ENV = {
    "telegram_secret": "SHOPBOT_TELEGRAM_SECRET",
    "telegram_token": "SHOPBOT_TELEGRAM_TOKEN",
    "telegram_api_base": "SHOPBOT_TELEGRAM_API_BASE",
    "slack_signing_secret": "SHOPBOT_SLACK_SIGNING_SECRET",
    "slack_bot_token": "SHOPBOT_SLACK_BOT_TOKEN",
    "slack_api_base": "SHOPBOT_SLACK_API_BASE",
    "whatsapp_app_secret": "SHOPBOT_WHATSAPP_APP_SECRET",
    "whatsapp_verify_token": "SHOPBOT_WHATSAPP_VERIFY_TOKEN",
    "whatsapp_token": "SHOPBOT_WHATSAPP_TOKEN",
    "whatsapp_api_base": "SHOPBOT_WHATSAPP_API_BASE",
    "webhook_secret": "SHOPBOT_WEBHOOK_SECRET",
    "max_signature_age_s": "SHOPBOT_WEBHOOK_MAX_AGE_S",
    "dedupe_ttl_s": "SHOPBOT_WEBHOOK_DEDUPE_TTL_S",
}


class ChannelSettings(BaseModel):
    """Everything the webhooks need; secrets are ``SecretStr`` so they never show in logs/reprs."""

    telegram_secret: SecretStr | None = Field(default=None, description="secret_token given to Telegram setWebhook")
    telegram_token: SecretStr | None = Field(default=None, description="bot token for the Bot API")
    telegram_api_base: str = "https://api.telegram.org"
    slack_signing_secret: SecretStr | None = None
    slack_bot_token: SecretStr | None = Field(default=None, description="xoxb-... token for chat.postMessage")
    slack_api_base: str = "https://slack.com/api"
    whatsapp_app_secret: SecretStr | None = Field(default=None, description="Meta app secret (X-Hub-Signature-256)")
    whatsapp_verify_token: SecretStr | None = Field(default=None, description="hub.verify_token of the GET handshake")
    whatsapp_token: SecretStr | None = Field(default=None, description="Cloud API access token")
    whatsapp_api_base: str = "https://graph.facebook.com/v21.0"
    webhook_secret: SecretStr | None = Field(default=None, description="HMAC secret of the generic JSON channel")
    max_signature_age_s: float = Field(default=300.0, gt=0, description="replay window of timestamped signatures")
    dedupe_ttl_s: float = Field(default=3600.0, gt=0)
    dedupe_max_items: int = Field(default=50_000, ge=1)

    @classmethod
    def from_env(cls, **overrides) -> "ChannelSettings":
        values = {name: os.environ[env] for name, env in _ENV.items() if os.environ.get(env)}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def secret(value: SecretStr | None) -> str | None:
    """The plain secret, or None when unset or blank."""
    if value is None:
        return None
    plain = value.get_secret_value()
    return plain or None
