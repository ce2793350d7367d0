"""``shopbot ui``: the Gradio chat UI on the real assistant (demo catalog by default)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    parser = sub.add_parser(
        "ui",
        help="serve the web chat UI (Gradio)",
        description="Serve the web chat UI on the real assistant (indexing and training first if needed).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    parser.add_argument("--catalog", help="catalog file or WANDS directory (default: the demo catalog)")
    parser.add_argument("--catalog-format", help="wands|csv|jsonl|parquet (guessed from the path by default)")
    parser.add_argument(
        "--share", choices=("no", "yes"), default="no", help="create a public gradio.live link (default no; needs internet)"
    )
    parser.set_defaults(handler=_serve)


def _serve(args) -> int:
    from bot.config import Settings

    settings = Settings.from_env(catalog=args.catalog, catalog_format=args.catalog_format)
    return serve_ui(settings, host=args.host, port=args.port, share=args.share == "yes")


def serve_ui(settings, *, host: str = "127.0.0.1", port: int = 7860, share: bool = False) -> int:
    """Build the real assistant for ``settings`` and serve the chat UI until interrupted."""
    from bot.assistant import Assistant
    from ui.app import build_ui, launch_ui
    from ui.bridge import AssistantThread, ThreadedAssistant

    thread = AssistantThread()
    assistant = None
    try:
        # The assistant lives on its own loop thread; Gradio's handlers call into it from the server loop.
        assistant = thread.run(Assistant.create(settings))
        demo = build_ui(ThreadedAssistant(assistant, thread))
        print(f"shopbot UI on http://{host}:{port}/  (Ctrl+C to stop)")
        launch_ui(demo, host=host, port=port, share=share, block=True)
    finally:
        if assistant is not None:
            try:
                thread.run(assistant.close(), timeout=30)
            except Exception:  # closing must not hide the real error
                log.exception("closing the assistant failed")
        thread.stop()
    return 0
