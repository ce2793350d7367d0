"""Serve ``EchoAssistant`` on a SQLite file: the subprocess of the kill -9 / restart tests.

    python tests/server/echo_server.py --db PATH --port N [--delay S]
    python tests/server/echo_server.py --cli serve --port N ...   # through `shopbot serve`'s own code,
        with Assistant.create replaced by the echo assistant on the configured session store
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from aiohttp import web  # noqa: E402

from bot.server.app import create_app  # noqa: E402
from bot.sessions import SQLiteSessionStore, open_session_store  # noqa: E402
from conftest import EchoAssistant  # noqa: E402


def serve_via_cli(argv: list[str]) -> int:
    import bot.assistant
    from bot.server import commands

    async def create(cls, settings=None, **kwargs):
        return EchoAssistant(open_session_store(settings))

    bot.assistant.Assistant.create = classmethod(create)
    parser = argparse.ArgumentParser(prog="shopbot")
    sub = parser.add_subparsers()
    commands.register(sub, eval_sub=None, train_sub=None, train_parser=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    return args.handler(args)


def main() -> int:
    if sys.argv[1:2] == ["--cli"]:
        return serve_via_cli(sys.argv[2:])
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    async def make_app() -> web.Application:
        assistant = EchoAssistant(SQLiteSessionStore(args.db), delay_s=args.delay)
        return create_app(assistant, rate_limit=None, webhooks=False)

    web.run_app(make_app(), host="127.0.0.1", port=args.port, access_log=None, shutdown_timeout=10,
                print=lambda *_: print("serving", flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
