"""CLI: ``shopbot chat``, ``shopbot demo``, ``shopbot eval dialogue``, ``shopbot bench``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import uuid

from bot.errors import UserFacingError

DEMO_SCRIPT = (
    "hi",
    "I'm looking for a sofa under $1500",
    "compare 1 and 2",
    "is the first one made of leather?",
    "I like the second one",
    "cheaper",
    "not IKEA",
    "what goes well with it?",
    "where is my order 123456?",
)


def _settings(args):
    from bot.config import Settings

    return Settings.from_env(catalog=getattr(args, "catalog", None), catalog_format=getattr(args, "format", None))


def _add_catalog_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--catalog", help="catalog file or WANDS directory (default: the demo catalog)")
    p.add_argument("--format", choices=["wands", "csv", "jsonl", "parquet"], help="catalog format (guessed from the path)")


def _print_reply(reply) -> None:
    print(f"bot> {reply.text}")
    if reply.quick_replies:
        print("     [" + "] [".join(reply.quick_replies) + "]")


async def _chat(args) -> int:
    from bot.assistant import Assistant

    assistant = await Assistant.create(_settings(args))
    session_id = args.session or f"cli-{uuid.uuid4().hex[:8]}"
    print("shopbot chat — type a message; /profile shows what I learned, /reset forgets you, /quit leaves.")
    try:
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, lambda: input("you> ") if sys.stdin.isatty() else sys.stdin.readline())
            if line == "":
                break
            line = line.strip()
            if line in ("/quit", "/exit"):
                break
            if line == "/profile":
                print(json.dumps(await assistant.session_view(session_id), indent=2))
                continue
            if line == "/reset":
                await assistant.forget(session_id)
                print("bot> Forgotten. Let's start over.")
                continue
            if line:
                _print_reply(await assistant.handle(session_id, line))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        await assistant.close()
    return 0


async def _demo_conversation(args) -> None:
    from bot.assistant import Assistant

    assistant = await Assistant.create(_settings(args))
    session_id = f"demo-{uuid.uuid4().hex[:8]}"
    try:
        for text in DEMO_SCRIPT:
            print(f"you> {text}")
            _print_reply(await assistant.handle(session_id, text))
            print()
    finally:
        await assistant.close()


def _demo(args) -> int:
    asyncio.run(_demo_conversation(args))
    if args.no_ui:
        return 0
    from ui.commands import serve_ui

    return serve_ui(_settings(args), host=args.host, port=args.port)


async def _eval_dialogue(args) -> int:
    from bot.assistant import Assistant
    from bot.config import Settings
    from bot.sessions.memory import MemorySessionStore
    from bot.simulator import pick_targets, simulate

    settings = Settings.from_env(catalog=args.catalog, catalog_format=args.format)
    if args.wands:
        settings = settings.model_copy(update={"catalog": args.wands, "catalog_format": "wands"})
    assistant = await Assistant.create(settings, progress=not args.json, sessions=MemorySessionStore())
    try:
        targets = pick_targets(list(assistant.retriever.products.values()), args.targets, args.seed)
        full, _ = await simulate(assistant, targets, use_profile=True, seed=args.seed, progress=not args.json)
        ablation, _ = await simulate(assistant, targets, use_profile=False, seed=args.seed, progress=not args.json)
    finally:
        await assistant.close()
    result = {
        "catalog": str(settings.catalog or "demo"),
        "targets": len(targets),
        "max_turns": 5,
        "full": full.model_dump(),
        "no_profile_ablation": ablation.model_dump(),
        "success_gain": round(full.success_at_5 - ablation.success_at_5, 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


def _run(coro_fn):
    def handler(args) -> int:
        return asyncio.run(coro_fn(args))

    return handler


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    p = sub.add_parser("chat", help="chat with the assistant in the terminal")
    _add_catalog_args(p)
    p.add_argument("--session", help="session id (default: a new one)")
    p.set_defaults(handler=_run(_chat))

    p = sub.add_parser("demo", help="index the demo catalog, train the NLU if missing, run a sample conversation, start the UI")
    _add_catalog_args(p)
    p.add_argument("--no-ui", action="store_true", help="only run the sample conversation")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(handler=_demo)

    p = eval_sub.add_parser("dialogue", help="user-simulator evaluation: success@5 within 5 turns, with and without the profile re-ranker")
    _add_catalog_args(p)
    p.add_argument("--wands", help="WANDS directory (product.csv, ...) to simulate on")
    p.add_argument("--targets", type=int, default=200, help="number of target products (default 200)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_run(_eval_dialogue))


__all__ = ["register", "UserFacingError"]
