"""``POST /webhooks/{channel}`` (and the ``GET`` handshake) for the messaging channels.

Order of work for every delivery: look up the channel (404 when it is not
configured) -> verify the signature on the raw body (401/403, before any
parsing) -> parse -> drop deliveries already seen (platform retries) ->
acknowledge with 200 at once and answer in a background task through the
channel's sender. The generic JSON channel answers inline with the Reply JSON.

    service = add_webhook_routes(app, assistant)   # settings from SHOPBOT_* env
    ...
    await service.drain()                          # tests: wait for replies to be sent
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

from bot.assistant_api import AssistantProtocol
from bot.channels.base import InboundMessage, WebhookError
from bot.channels.config import ChannelSettings
from bot.channels.dedupe import DedupeStore
from bot.channels.registry import ChannelBinding, build_channels
from bot.models import Reply

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on our side. Please try again in a moment."


class WebhookService:
    """Holds the enabled channels, the dedupe memory and the in-flight reply tasks."""

    def __init__(
        self,
        assistant: AssistantProtocol,
        bindings: dict[str, ChannelBinding],
        *,
        dedupe: DedupeStore | None = None,
    ):
        self.assistant = assistant
        self.bindings = bindings
        self.dedupe = dedupe or DedupeStore()
        self._tasks: set[asyncio.Task] = set()
        self.stats = {"received": 0, "duplicates": 0, "rejected": 0, "replied": 0, "failed": 0}

    # -- routes ------------------------------------------------------------
    def _binding(self, request: web.Request) -> ChannelBinding:
        name = request.match_info["channel"]
        binding = self.bindings.get(name)
        if binding is None:
            raise web.HTTPNotFound(text=f'{{"error": "channel {name!r} is not enabled"}}', content_type="application/json")
        return binding

    async def handle_get(self, request: web.Request) -> web.StreamResponse:
        binding = self._binding(request)
        try:
            challenge = binding.channel.handshake(request.query)
        except WebhookError as exc:
            return _error(exc)
        return web.Response(text=challenge, content_type="text/plain")

    async def handle_post(self, request: web.Request) -> web.StreamResponse:
        binding = self._binding(request)
        channel = binding.channel
        body = await request.read()
        try:
            channel.verify(request.headers, body)  # before anything looks at the body
        except WebhookError as exc:
            self.stats["rejected"] += 1
            log.warning("webhook %s rejected: %s", channel.name, exc.reason)
            return _error(exc)
        try:
            inbound = channel.parse(request.headers, body)
        except WebhookError as exc:
            return _error(exc)
        if inbound.response is not None:
            return web.json_response(inbound.response)
        self.stats["received"] += len(inbound.messages)
        if channel.replies_inline:
            if not inbound.messages:
                return web.json_response({"ok": True})
            try:
                reply = await self._inline(inbound.messages[0])
            except Exception:
                self.stats["failed"] += 1
                log.exception("webhook %s: turn failed", channel.name)
                return web.json_response({"error": "the assistant could not answer; please retry"}, status=500)
            return web.json_response(reply.model_dump(mode="json"))
        for message in inbound.messages:
            if not self.dedupe.claim(message.delivery_id):
                self.stats["duplicates"] += 1
                log.info("webhook %s: duplicate delivery %s ignored", channel.name, message.delivery_id)
                continue
            task = asyncio.create_task(self._answer(binding, message))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return web.json_response({"ok": True})

    # -- processing --------------------------------------------------------
    async def _turn(self, message: InboundMessage) -> Reply:
        if message.feedback is not None:
            return await self.assistant.feedback(message.session_id, message.feedback.product_id, message.feedback.liked)
        return await self.assistant.handle(message.session_id, message.text or "", message_id=message.delivery_id)

    async def _inline(self, message: InboundMessage) -> Reply:
        """Inline channels: a retried delivery gets the same reply (awaiting it if still in flight)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future = loop.create_future()
        if not self.dedupe.claim(message.delivery_id, future):
            self.stats["duplicates"] += 1
            return await asyncio.shield(self.dedupe.get(message.delivery_id))
        try:
            reply = await self._turn(message)
        except BaseException as exc:
            self.dedupe.release(message.delivery_id)
            future.set_exception(exc)
            future.exception()  # mark retrieved
            raise
        future.set_result(reply)
        self.stats["replied"] += 1
        return reply

    async def _answer(self, binding: ChannelBinding, message: InboundMessage) -> None:
        channel, sender = binding.channel, binding.sender
        try:
            reply = await self._turn(message)
            calls = channel.render(reply, message)
        except Exception:
            self.stats["failed"] += 1
            log.exception("webhook %s: turn failed for delivery %s", channel.name, message.delivery_id)
            calls = channel.render_text(APOLOGY, message)
        if sender is None or not calls:
            return
        try:
            await sender.send(calls)
            self.stats["replied"] += 1
        except Exception as exc:  # the platform refused or is down: nothing more we can do for this delivery
            self.stats["failed"] += 1
            log.error("webhook %s: sending the reply failed: %s", channel.name, exc)

    async def drain(self, timeout_s: float | None = 30.0) -> None:
        """Wait until every reply in flight has been sent (tests, graceful shutdown)."""
        while self._tasks:
            await asyncio.wait_for(asyncio.gather(*list(self._tasks), return_exceptions=True), timeout_s)

    async def close(self) -> None:
        await self.drain()
        for binding in self.bindings.values():
            if binding.sender is not None:
                await binding.sender.close()


def _error(exc: WebhookError) -> web.Response:
    return web.json_response({"error": exc.reason}, status=exc.status)


WEBHOOKS_KEY: web.AppKey[WebhookService] = web.AppKey("shopbot_webhooks", WebhookService)


def add_webhook_routes(
    app: web.Application,
    assistant: AssistantProtocol,
    *,
    settings: ChannelSettings | None = None,
    bindings: dict[str, ChannelBinding] | None = None,
    dedupe: DedupeStore | None = None,
) -> WebhookService:
    """Add ``GET/POST /webhooks/{channel}`` to ``app``; returns the service (also at ``app[WEBHOOKS_KEY]``).

    ``bindings`` overrides the channels built from ``settings`` (default: ``ChannelSettings.from_env()``).
    """
    if bindings is None:
        settings = settings or ChannelSettings.from_env()
        bindings = build_channels(settings)
        dedupe = dedupe or DedupeStore(max_items=settings.dedupe_max_items, ttl_s=settings.dedupe_ttl_s)
    service = WebhookService(assistant, bindings, dedupe=dedupe)
    app[WEBHOOKS_KEY] = service
    app.router.add_get("/webhooks/{channel}", service.handle_get)
    app.router.add_post("/webhooks/{channel}", service.handle_post)

    async def _close(_app: web.Application) -> None:
        await service.close()

    app.on_cleanup.append(_close)
    if bindings:
        log.info("webhooks enabled: %s", ", ".join(sorted(bindings)))
    return service


def enabled_channels(app: web.Application) -> list[str]:
    """Names of the channels with a configured secret (for /healthz or startup logs)."""
    service: Any = app.get(WEBHOOKS_KEY)
    return sorted(service.bindings) if service else []
