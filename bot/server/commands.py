"""``shopbot serve``: the HTTP API and the webhooks of the real assistant."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

log = logging.getLogger("bot.server")


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    parser = sub.add_parser(
        "serve", help="serve the HTTP API and webhooks (indexes and trains first if needed)",
        description="Serve POST /v1/chat, /v1/sessions/..., /webhooks/{channel}, /healthz, /readyz, /metrics.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="TCP port (default 8080)")
    parser.add_argument("--catalog", type=Path, help="catalog file or WANDS directory (default: the demo catalog)")
    parser.add_argument("--format", dest="catalog_format", help="catalog format: wands|csv|jsonl|parquet")
    parser.add_argument("--sessions", choices=("sqlite", "redis", "memory"),
                        help="session store (default sqlite under the home directory)")
    parser.add_argument("--redis-url", help="Redis URL for --sessions redis")
    parser.add_argument("--api-key", default=os.environ.get("SHOPBOT_API_KEY"),
                        help="require this key on /v1/* (default: $SHOPBOT_API_KEY; none = open)")
    parser.add_argument("--max-body", type=int, default=64 * 1024, help="request body limit in bytes")
    parser.add_argument("--rate", type=float, default=2.0, help="messages per second per session (0 = unlimited)")
    parser.add_argument("--limit-loopback", action="store_true",
                        help="rate limit clients on this machine too (they are not by default; use it behind a local proxy)")
    parser.add_argument("--ip-rate", type=float, default=20.0, help="requests per second per client IP (0 = unlimited)")
    parser.add_argument("--shutdown-timeout", type=float, default=30.0,
                        help="seconds in-flight turns may take to finish on SIGTERM")
    parser.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.config import Settings
    from bot.server.app import create_app
    from bot.server.ratelimit import RateLimit

    settings = Settings.from_env(catalog=args.catalog, catalog_format=args.catalog_format,
                                 sessions=args.sessions, redis_url=args.redis_url)
    rate_limit = RateLimit(per_session_rate=args.rate or None, per_session_burst=max(10.0, args.rate * 5),
                           per_ip_rate=args.ip_rate or None, per_ip_burst=max(60.0, args.ip_rate * 3),
                           limit_loopback=args.limit_loopback)
    url = f"http://{args.host}:{args.port}"

    async def make_app() -> web.Application:
        from bot.assistant import Assistant

        log.info("loading the assistant (catalog: %s, sessions: %s)...",
                 settings.catalog or "demo", settings.sessions)
        assistant = await Assistant.create(settings)
        return create_app(assistant, settings, api_key=args.api_key, max_body_bytes=args.max_body,
                          rate_limit=rate_limit, shutdown_grace_s=args.shutdown_timeout)

    def announce(*_: object) -> None:
        log.info("shopbot serving on %s  (POST %s/v1/chat, docs: %s/openapi.json%s)", url, url, url,
                 ", API key required" if args.api_key else "")

    web.run_app(make_app(), host=args.host, port=args.port, access_log=None,
                shutdown_timeout=args.shutdown_timeout, print=announce)
    return 0
