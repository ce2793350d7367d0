"""The ``shopbot`` command line.

Each part of shopbot registers its own sub-commands through a ``register``
function in its ``commands`` module, so this file stays a table of contents:

    shopbot index | train | chat | serve | ui | demo | eval | test-dialogues | bench
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from bot.errors import UserFacingError

COMMAND_MODULES = (
    "retrieval.commands",  # index, eval retrieval
    "bot.nlu.commands",  # train [nlu], eval nlu
    "ranking.commands",  # train ranker
    "bot.commands",  # chat, demo, eval dialogue
    "bot.server.commands",  # serve
    "ui.commands",  # ui
    "bot.dialogue_tests",  # test-dialogues
    "bot.bench",  # bench
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopbot", description="A conversational shopping assistant.")
    parser.add_argument("--home", help="data directory (default: $SHOPBOT_HOME or ~/.shopbot)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging (may log message text)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    eval_parser = sub.add_parser("eval", help="measure a part of the system (retrieval, nlu, dialogue)")
    eval_sub = eval_parser.add_subparsers(dest="eval_command", metavar="WHAT")
    eval_sub.required = True
    train_parser = sub.add_parser("train", help="train a model (nlu by default, or ranker)")
    train_sub = train_parser.add_subparsers(dest="train_command", metavar="MODEL")
    train_parser.set_defaults(train_command="nlu")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub, eval_sub=eval_sub, train_sub=train_sub, train_parser=train_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.home:
        import os

        os.environ["SHOPBOT_HOME"] = args.home
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except UserFacingError as exc:  # a clear message, never a traceback
        print(f"shopbot: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
