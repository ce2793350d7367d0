"""The HTTP API (aiohttp): ``create_app(assistant) -> web.Application``.

Routes (see docs/api.md and ``GET /openapi.json``)::

    POST   /v1/chat                             ChatRequest -> Reply
    GET    /v1/sessions/{id}                    state + profile (404 when unknown)
    DELETE /v1/sessions/{id}                    forget everything about the session
    GET    /v1/sessions/{id}/export             everything stored (404 when unknown)
    POST   /v1/sessions/{id}/feedback           {product_id, liked} -> Reply
    PUT    /v1/sessions/{id}/personalization    {enabled}
    GET    /healthz  /readyz  /metrics  /openapi.json

Every error is JSON ``{"error": {"code", "message", "details"}}``; an unexpected
exception is logged and answered with a 500 that reveals no internals. Session
ids and message text are logged only at DEBUG level.
"""

from __future__ import annotations

import asyncio
import hmac
import importlib
import importlib.util
import json
import logging
import math
import re
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, ValidationError

from bot.assistant_api import AssistantProtocol
from bot.config import Settings
from bot.errors import UserFacingError
from bot.models import ChatRequest, Reply
from bot.sessions.locks import SessionBusyError
from bot.server.errors import STATUS_CODES, ApiError, error_response
from bot.server.metrics import CONTENT_TYPE, ServerMetrics
from bot.stages import collect_stages
from bot.server.ratelimit import RateLimit, TokenBuckets
from bot.server.schemas import (
    SESSION_ID_MAX,
    SESSION_ID_PATTERN,
    FeedbackRequest,
    ForgetResponse,
    PersonalizationRequest,
    PersonalizationResponse,
)

log = logging.getLogger("bot.server")
M = TypeVar("M", bound=BaseModel)

ASSISTANT = web.AppKey("assistant", AssistantProtocol)
METRICS = web.AppKey("metrics", ServerMetrics)
STATE = web.AppKey("server_state", dict)

_SESSION_ID = re.compile(SESSION_ID_PATTERN)
PUBLIC_PATHS = ("/healthz", "/readyz", "/metrics", "/openapi.json")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def create_app(assistant: AssistantProtocol, settings: Settings | None = None, *, api_key: str | None = None,
               max_body_bytes: int = 64 * 1024, rate_limit: RateLimit | None = RateLimit(),
               shutdown_grace_s: float = 30.0, webhooks: bool = True,
               close_assistant: bool = True) -> web.Application:
    """The aiohttp application serving ``assistant``.

    close_assistant: close the assistant when the app shuts down (False when it is shared).

    api_key: when set, ``/v1/*`` needs ``Authorization: Bearer KEY`` or ``X-API-Key: KEY`` (else 401).
    max_body_bytes: larger request bodies get 413.
    rate_limit: token buckets per client IP and per session (429 + Retry-After); None disables.
    shutdown_grace_s: on shutdown, how long in-flight turns may take to finish.
    webhooks: also mount ``bot.server.webhooks.add_webhook_routes`` when that module exists.
    """
    app = web.Application(
        client_max_size=max_body_bytes,
        middlewares=[_access_middleware, _error_middleware, _auth_middleware, _ip_rate_middleware],
    )
    app[ASSISTANT] = assistant
    app[METRICS] = ServerMetrics()
    app[STATE] = {
        "settings": settings,
        "api_key": api_key,
        "ip_buckets": _buckets(rate_limit, "ip"),
        "session_buckets": _buckets(rate_limit, "session"),
        "rate_limit": rate_limit,
        "in_flight": 0,
        "idle": asyncio.Event(),
        "shutting_down": False,
        "grace_s": shutdown_grace_s,
    }
    app[STATE]["idle"].set()
    app.router.add_post("/v1/chat", chat)
    app.router.add_get("/v1/sessions/{session_id}", session_view)
    app.router.add_delete("/v1/sessions/{session_id}", forget)
    app.router.add_get("/v1/sessions/{session_id}/export", export)
    app.router.add_post("/v1/sessions/{session_id}/feedback", feedback)
    app.router.add_put("/v1/sessions/{session_id}/personalization", personalization)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/openapi.json", openapi)
    if webhooks and importlib.util.find_spec("bot.server.webhooks") is not None:
        module = importlib.import_module("bot.server.webhooks")
        add_routes = getattr(module, "add_webhook_routes", None)
        if add_routes is not None:
            add_routes(app, assistant)
    app.on_shutdown.append(_finish_in_flight)
    if close_assistant:
        app.on_cleanup.append(_close_assistant)
    return app


def _buckets(limit: RateLimit | None, kind: str) -> TokenBuckets | None:
    if limit is None:
        return None
    rate = limit.per_ip_rate if kind == "ip" else limit.per_session_rate
    burst = limit.per_ip_burst if kind == "ip" else limit.per_session_burst
    return None if rate is None else TokenBuckets(rate, burst)


# -- middlewares -----------------------------------------------------------


def _route_name(request: web.Request) -> str:
    info = request.match_info
    resource = info.route.resource if info.http_exception is None else None
    return resource.canonical if resource is not None else "unmatched"


@web.middleware
async def _error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure becomes a JSON error; nothing internal leaks out."""
    metrics = request.app[METRICS]
    try:
        return await handler(request)
    except ApiError as exc:
        metrics.errors.labels(kind=exc.code).inc()
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = STATUS_CODES.get(exc.status, "http_error")
        metrics.errors.labels(kind=code).inc()
        message = _http_message(exc, request)
        headers = {k: v for k, v in exc.headers.items() if k.lower() in ("allow", "retry-after")}
        return error_response(exc.status, code, message, None, headers)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        if _is_transient(exc):  # a session store or backend is briefly unreachable: retryable
            metrics.errors.labels(kind="unavailable").inc()
            log.warning("backend unavailable on %s %s: %s", request.method, _route_name(request), type(exc).__name__)
            return error_response(503, "unavailable", "A backend is temporarily unavailable; retry in a moment.",
                                  None, {"Retry-After": "1"})
        error_id = uuid.uuid4().hex[:12]
        metrics.errors.labels(kind="internal_error").inc()
        log.exception("unexpected error %s on %s %s", error_id, request.method, _route_name(request))
        return error_response(500, "internal_error", "Something went wrong on our side; it has been logged.",
                              {"error_id": error_id})


def _is_transient(exc: BaseException) -> bool:
    """Connection failures to Redis / a busy SQLite file: worth a retry, not an internal error."""
    if isinstance(exc, ConnectionError):
        return True
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return True
    try:
        from redis import exceptions as redis_errors
    except ImportError:  # pragma: no cover - redis is a dependency
        return False
    return isinstance(exc, (redis_errors.ConnectionError, redis_errors.TimeoutError, redis_errors.BusyLoadingError))


def _http_message(exc: web.HTTPException, request: web.Request) -> str:
    if exc.status == 413:
        limit = request.app._client_max_size  # noqa: SLF001 - the configured limit
        return f"The request body is larger than the limit of {limit} bytes."
    if exc.status == 404:
        return f"No such endpoint: {request.method} {request.path[:200]}"
    if exc.status == 405:
        return f"Method {request.method} is not allowed here."
    return exc.reason


@web.middleware
async def _access_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Metrics (also per-stage timings of any turn, webhooks included) + an access log line without
    user data (the route pattern, not the path)."""
    started = time.perf_counter()
    route = _route_name(request)
    status = 500
    metrics = request.app[METRICS]
    try:
        with collect_stages(metrics.observe_stage):  # the assistant's record_stage() calls land here
            response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        elapsed = time.perf_counter() - started
        metrics.requests.labels(route=route, method=request.method, status=str(status)).inc()
        metrics.request_seconds.labels(route=route).observe(elapsed)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> %d in %.1f ms", request.method, request.path, status, elapsed * 1000)
        elif route not in PUBLIC_PATHS:
            log.info("%s %s -> %d in %.1f ms", request.method, route, status, elapsed * 1000)


@web.middleware
async def _auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    key = request.app[STATE]["api_key"]
    if key and request.path.startswith("/v1/"):
        given = request.headers.get("X-API-Key")
        auth = request.headers.get("Authorization", "")
        if given is None and auth[:7].lower() == "bearer ":
            given = auth[7:].strip()
        if not given or not hmac.compare_digest(given.encode("utf-8", "replace"), key.encode("utf-8")):
            raise ApiError(401, "unauthorized",
                           "Missing or wrong API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'.",
                           headers={"WWW-Authenticate": "Bearer"})
    return await handler(request)


def _too_many(wait_s: float, what: str) -> ApiError:
    retry_after = max(1, math.ceil(wait_s))
    return ApiError(429, "rate_limited", f"Too many requests {what}; retry after {retry_after} s.",
                    {"retry_after_s": retry_after}, headers={"Retry-After": str(retry_after)})


@web.middleware
async def _ip_rate_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    buckets = request.app[STATE]["ip_buckets"]
    if buckets is not None and request.path.startswith("/v1/") and _limited(request):
        wait = buckets.take(request.remote or "unknown")
        if wait:
            raise _too_many(wait, "from this client")
    return await handler(request)


# -- request parsing -------------------------------------------------------


MAX_JSON_DEPTH = 32


def _check_json(value: Any) -> None:
    """Rejects documents nested deeper than MAX_JSON_DEPTH and strings with lone surrogates (iteratively)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise ApiError(400, "invalid_unicode",
                               "The request contains unpaired UTF-16 surrogates (\\ud800-\\udfff).") from None
        elif isinstance(node, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise ApiError(400, "malformed_json", f"The JSON document is nested deeper than {MAX_JSON_DEPTH}.")
            items = list(node.keys()) + list(node.values()) if isinstance(node, dict) else node
            stack.extend((item, depth + 1) for item in items)


async def _parse(request: web.Request, model: type[M]) -> M:
    """The body as ``model``, or an ApiError saying exactly what is wrong."""
    raw = await request.read()  # 413 past client_max_size
    if not raw.strip():
        raise ApiError(400, "empty_body", f"The request body is empty; send a JSON object ({model.__name__}).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_utf8", f"The request body is not valid UTF-8 (byte {exc.start}).") from None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"The request body is not valid JSON: {exc.msg}.",
                       {"line": exc.lineno, "column": exc.colno}) from None
    except RecursionError:
        raise ApiError(400, "malformed_json", "The request body is not valid JSON: nested too deeply.") from None
    except ValueError as exc:  # e.g. an integer literal past Python's digit limit
        raise ApiError(400, "malformed_json", f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(payload, dict):
        raise ApiError(422, "validation_error", f"The request body must be a JSON object ({model.__name__}).")
    _check_json(payload)
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", _summary(exc), _details(exc)) from None


def _details(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]) or "(body)", "message": err["msg"], "type": err["type"]}
        for err in exc.errors(include_url=False, include_input=False, include_context=False)
    ]


def _summary(exc: ValidationError) -> str:
    parts = [f"{d['field']}: {d['message']}" for d in _details(exc)[:5]]
    return "Invalid request: " + "; ".join(parts)


def _session_id(request: web.Request) -> str:
    session_id = request.match_info["session_id"]
    if len(session_id) > SESSION_ID_MAX or not _SESSION_ID.match(session_id):
        raise ApiError(400, "invalid_session_id",
                       f"A session id is 1-{SESSION_ID_MAX} characters of letters, digits and _ . : @ -")
    return session_id


def _limited(request: web.Request) -> bool:
    limit: RateLimit | None = request.app[STATE]["rate_limit"]
    return limit is not None and limit.applies_to(request.remote)


def _check_session_rate(request: web.Request, session_id: str) -> None:
    buckets = request.app[STATE]["session_buckets"]
    if buckets is not None and _limited(request):
        wait = buckets.take(session_id)
        if wait:
            raise _too_many(wait, "for this session")


def _json(data: Any, status: int = 200) -> web.Response:
    if isinstance(data, BaseModel):
        body = data.model_dump_json()
    else:
        body = json.dumps(data, ensure_ascii=False, default=str)
    return web.Response(status=status, text=body, content_type="application/json")


def _not_found() -> ApiError:
    return ApiError(404, "session_not_found", "No session with this id (never seen, expired or forgotten).")


# -- turn execution (tracked, for graceful shutdown) ------------------------


async def _run_turn(request: web.Request, call: Callable[[], Awaitable[Reply]]) -> Reply:
    state = request.app[STATE]
    if state["shutting_down"]:
        raise ApiError(503, "shutting_down", "The server is restarting; retry in a moment.",
                       headers={"Retry-After": "1"})
    metrics = request.app[METRICS]
    state["in_flight"] += 1
    state["idle"].clear()
    started = time.perf_counter()
    try:
        reply = await call()
    except UserFacingError as exc:
        raise ApiError(422, "unprocessable", str(exc)) from None
    except SessionBusyError:
        raise ApiError(503, "session_busy", "Another message of this session is still being handled; retry.",
                       headers={"Retry-After": "1"}) from None
    except TimeoutError:
        raise ApiError(503, "timeout", "The assistant took too long to answer; retry.",
                       headers={"Retry-After": "1"}) from None
    finally:
        state["in_flight"] -= 1
        if state["in_flight"] == 0:
            state["idle"].set()
    metrics.turn_seconds.observe(time.perf_counter() - started)
    metrics.turns.inc()
    return reply


async def _finish_in_flight(app: web.Application) -> None:
    state = app[STATE]
    state["shutting_down"] = True
    if state["in_flight"]:
        log.info("shutting down: waiting for %d in-flight turn(s)", state["in_flight"])
        try:
            await asyncio.wait_for(state["idle"].wait(), state["grace_s"])
        except asyncio.TimeoutError:
            log.warning("shutting down with %d turn(s) still running", state["in_flight"])


async def _close_assistant(app: web.Application) -> None:
    try:
        await app[ASSISTANT].close()
    except Exception:
        log.exception("error while closing the assistant")


# -- handlers --------------------------------------------------------------


async def chat(request: web.Request) -> web.Response:
    body = await _parse(request, ChatRequest)
    if not body.text.strip():
        raise ApiError(422, "validation_error", "Invalid request: text: must not be empty or only whitespace",
                       [{"field": "text", "message": "must not be empty", "type": "empty_text"}])
    _check_session_rate(request, body.session_id)
    if log.isEnabledFor(logging.DEBUG):
        log.debug("chat session=%s message_id=%s text=%r", body.session_id, body.message_id, body.text)
    assistant = request.app[ASSISTANT]
    reply = await _run_turn(
        request, lambda: assistant.handle(body.session_id, body.text, message_id=body.message_id)
    )
    return _json(reply)


async def session_view(request: web.Request) -> web.Response:
    session_id = _session_id(request)
    view = await request.app[ASSISTANT].session_view(session_id)
    if view is None:
        raise _not_found()
    return _json(view)


async def forget(request: web.Request) -> web.Response:
    session_id = _session_id(request)
    _check_session_rate(request, session_id)
    deleted = await request.app[ASSISTANT].forget(session_id)
    return _json(ForgetResponse(session_id=session_id, deleted=bool(deleted)))


async def export(request: web.Request) -> web.Response:
    session_id = _session_id(request)
    data = await request.app[ASSISTANT].export(session_id)
    if data is None:
        raise _not_found()
    return _json(data)


async def feedback(request: web.Request) -> web.Response:
    session_id = _session_id(request)
    body = await _parse(request, FeedbackRequest)
    _check_session_rate(request, session_id)
    assistant = request.app[ASSISTANT]
    reply = await _run_turn(request, lambda: assistant.feedback(session_id, body.product_id, body.liked))
    return _json(reply)


async def personalization(request: web.Request) -> web.Response:
    session_id = _session_id(request)
    body = await _parse(request, PersonalizationRequest)
    _check_session_rate(request, session_id)
    try:
        await request.app[ASSISTANT].set_personalization(session_id, body.enabled)
    except UserFacingError as exc:
        raise ApiError(422, "unprocessable", str(exc)) from None
    return _json(PersonalizationResponse(session_id=session_id, personalization=body.enabled))


async def healthz(request: web.Request) -> web.Response:
    return _json({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    try:
        components = {str(k): bool(v) for k, v in request.app[ASSISTANT].readiness().items()}
    except Exception:
        log.exception("readiness check failed")
        components = {"assistant": False}
    if request.app[STATE]["shutting_down"]:
        components["accepting"] = False
    ready = bool(components) and all(components.values())
    return _json({"ready": ready, "components": components}, status=200 if ready else 503)


async def metrics(request: web.Request) -> web.Response:
    response = web.Response(body=request.app[METRICS].render())
    response.headers["Content-Type"] = CONTENT_TYPE
    return response


async def openapi(request: web.Request) -> web.Response:
    from bot.server.openapi import openapi_document

    return _json(openapi_document())
