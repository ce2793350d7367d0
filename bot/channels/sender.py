"""Posting rendered replies to a platform's send API over HTTP (aiohttp)."""

from __future__ import annotations

import logging

import aiohttp

from bot.channels.base import OutboundCall

log = logging.getLogger(__name__)


class SendError(Exception):
    """The platform refused a send call."""


class HttpSender:
    """POSTs each :class:`OutboundCall` as JSON to ``base_url + call.path``, in order.

    ``base_url`` is configurable so tests (and self-hosted API proxies) can
    point it at another server. Calls of one reply are sent sequentially so
    the shopper sees the messages in order. Failures are logged and raised as
    :class:`SendError` after the remaining calls were skipped.
    """

    def __init__(self, base_url: str, *, headers: dict[str, str] | None = None, timeout_s: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.headers = dict(headers or {})
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self.timeout, headers=self.headers)
        return self._session

    async def send(self, calls: list[OutboundCall]) -> None:
        for call in calls:
            url = f"{self.base_url}/{call.path.lstrip('/')}"
            async with self._client().post(url, json=call.json_body) as resp:
                body = await resp.text()
                if resp.status >= 400:
                    raise SendError(f"POST {call.path} -> HTTP {resp.status}: {body[:200]}")
                if '"ok":false' in body.replace(" ", ""):  # Telegram / Slack report errors with ok=false
                    raise SendError(f"POST {call.path} -> {body[:200]}")

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
