"""``AsyncClient``: the Python client of the shopbot HTTP API.

    async with AsyncClient("http://127.0.0.1:8080", api_key="...") as bot:
        reply = await bot.chat("user-1", "a grey sofa under $800")
        print(reply.text, [p.title for p in reply.products])

Retries with exponential backoff on connection errors, timeouts, 5xx
answers and 429 (waiting at least the server's Retry-After) — never on
other 4xx. Every ``chat`` call carries a message id (a fresh
uuid unless given), so a retried message is applied once by the server.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.models import Reply


class ShopbotError(Exception):
    """Any failure of a shopbot API call."""


class ShopbotConnectionError(ShopbotError):
    """The server could not be reached (or kept timing out) after every retry."""


class ShopbotHTTPError(ShopbotError):
    """The server answered with an error: ``status``, ``code`` and ``message`` from its JSON error body."""

    def __init__(self, status: int, code: str, message: str, details: Any = None,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.details, self.retry_after = status, code, message, details, retry_after


class AsyncClient:
    """An async client of one shopbot server (use as ``async with``, or call ``close()``)."""

    def __init__(self, base_url: str, *, api_key: str | None = None, timeout: float = 10.0, retries: int = 3,
                 backoff: float = 0.2, max_backoff: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout, headers=self._headers)
        return self._session

    # -- API ---------------------------------------------------------------

    async def chat(self, session_id: str, text: str, message_id: str | None = None) -> Reply:
        """Send one message; the reply of the bot. Retries reuse the same message id."""
        body = {"session_id": session_id, "text": text, "message_id": message_id or uuid.uuid4().hex}
        return Reply.model_validate(await self._request("POST", "/v1/chat", body))

    async def session(self, session_id: str) -> dict[str, Any]:
        """State and profile of a session (ShopbotHTTPError 404 when unknown)."""
        return await self._request("GET", f"/v1/sessions/{_path(session_id)}")

    async def forget(self, session_id: str) -> bool:
        """Delete everything about the session; True when something was deleted."""
        return bool((await self._request("DELETE", f"/v1/sessions/{_path(session_id)}"))["deleted"])

    async def export(self, session_id: str) -> dict[str, Any]:
        """Everything stored about the session (ShopbotHTTPError 404 when unknown)."""
        return await self._request("GET", f"/v1/sessions/{_path(session_id)}/export")

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        body = {"product_id": product_id, "liked": liked}
        return Reply.model_validate(await self._request("POST", f"/v1/sessions/{_path(session_id)}/feedback", body))

    async def set_personalization(self, session_id: str, enabled: bool) -> bool:
        body = {"enabled": enabled}
        data = await self._request("PUT", f"/v1/sessions/{_path(session_id)}/personalization", body)
        return bool(data["personalization"])

    async def health(self) -> bool:
        return (await self._request("GET", "/healthz")).get("status") == "ok"

    async def ready(self) -> dict[str, Any]:
        """The readiness body; does not raise on 503 (not ready yet)."""
        try:
            return await self._request("GET", "/readyz", retry=False)
        except ShopbotHTTPError as exc:
            if exc.status == 503 and isinstance(exc.details, dict):
                return exc.details
            raise

    # -- transport ---------------------------------------------------------

    async def _request(self, method: str, path: str, body: Any = None, *, retry: bool = True) -> Any:
        attempts = 1 + (self.retries if retry else 0)
        last: Exception | None = None
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(self._delay(attempt, last))
            try:
                async with self._http().request(method, self.base_url + path, json=body) as response:
                    data = await _read_json(response)
                    if response.status < 400:
                        return data
                    error = _http_error(response, data)
                    if response.status < 500 and response.status != 429:
                        raise error
                    last = error
            except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, asyncio.TimeoutError) as exc:
                last = exc
        if isinstance(last, ShopbotHTTPError):
            raise last
        raise ShopbotConnectionError(f"{method} {path}: no answer after {attempts} attempt(s): {last!r}") from last

    def _delay(self, attempt: int, last: Exception | None) -> float:
        delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1)) * (0.5 + random.random())
        if isinstance(last, ShopbotHTTPError) and last.retry_after:
            delay = max(delay, min(last.retry_after, self.max_backoff))
        return delay


def _path(session_id: str) -> str:
    return quote(session_id, safe="")


async def _read_json(response: aiohttp.ClientResponse) -> Any:
    try:
        return await response.json(content_type=None)
    except ValueError:
        return None


def _http_error(response: aiohttp.ClientResponse, data: Any) -> ShopbotHTTPError:
    retry_after = response.headers.get("Retry-After")
    try:
        wait = float(retry_after) if retry_after else None
    except ValueError:
        wait = None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return ShopbotHTTPError(response.status, str(error.get("code", "error")), str(error.get("message", "")),
                                error.get("details"), wait)
    details = data if isinstance(data, dict) else None
    return ShopbotHTTPError(response.status, "http_error", response.reason or "error", details, wait)
