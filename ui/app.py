"""The Gradio chat UI: ``build_ui(assistant) -> gr.Blocks``.

A chat with product cards (image or a neutral placeholder, title, price,
rating, reasons), quick-reply chips, 👍/👎 on every card feeding the profile
(``assistant.feedback``), a side panel with the live profile and the current
search (``assistant.session_view``) and a "start over & forget me" control
(``assistant.forget``). Every browser tab gets its own session id.

    demo = build_ui(assistant)
    launch_ui(demo, host="127.0.0.1", port=7860)
"""

from __future__ import annotations

import logging
import os
import uuid
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from bot.assistant_api import AssistantProtocol  # noqa: E402
from bot.models import ProductCard, Reply  # noqa: E402
from ui.render import (  # noqa: E402
    CARDS_CSS,
    CARDS_JS,
    PROFILE_CSS,
    QUICK_CSS,
    QUICK_JS,
    cards_html,
    products_markdown,
    profile_html,
    quick_replies_html,
)

log = logging.getLogger(__name__)

GREETING = (
    "Hi! I'm **Shopbot**, your home & living assistant. Tell me what you're looking for "
    "(for example *a grey sofa under $800 for a small flat*), and I'll suggest a few products "
    "and learn from your *Like* / *Not for me* as we go. I can also help with orders, returns and delivery."
)
FIRST_QUICK_REPLIES = ["A grey sofa under $800", "Desk lamps", "Outdoor chairs", "Where is my order?"]
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."

PAGE_CSS = """
.gradio-container { max-width: 1280px !important; }
#sb-header h1 { margin: 0; font-size: 22px; }
#sb-header p { margin: 2px 0 0; color: #6b7280; }
#sb-side { background: #fafafa; border: 1px solid #e5e7eb; border-radius: 14px; padding: 14px; }
"""


def new_session_id() -> str:
    """One per browser tab (``gr.State`` calls it on every page load)."""
    return f"web-{uuid.uuid4().hex[:16]}"


def _cards(raw: list[dict[str, Any]] | None) -> list[ProductCard]:
    return [ProductCard.model_validate(c) for c in raw or []]


def _assistant_message(reply: Reply) -> str:
    """The reply text, plus a compact product list unless the text already names the products."""
    text = reply.text or ""
    if reply.products and not all(p.title.lower() in text.lower() for p in reply.products):
        text = f"{text}\n\n{products_markdown(reply.products)}".strip()
    return text


def build_ui(assistant: AssistantProtocol, *, title: str = "Shopbot") -> gr.Blocks:
    """The whole UI, wired to ``assistant`` (any object implementing ``AssistantProtocol``)."""

    async def _view(session_id: str) -> tuple[str, dict[str, Any]]:
        try:
            view = await assistant.session_view(session_id)
        except Exception:
            log.exception("session_view failed")
            view = None
        return profile_html(view), (view or {})

    async def on_message(text: str, history: list, session_id: str, cards: list, marks: dict):
        text = (text or "").strip()
        if not text:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        history = [*history, {"role": "user", "content": text}]
        try:
            reply = await assistant.handle(session_id, text)
        except Exception:
            log.exception("turn failed (session hidden)")
            history.append({"role": "assistant", "content": APOLOGY})
            return history, "", gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        history.append({"role": "assistant", "content": _assistant_message(reply)})
        if reply.products:  # a new list replaces the cards; otherwise the last cards stay usable
            cards = [p.model_dump(mode="json") for p in reply.products]
            marks = {}
        panel, raw = await _view(session_id)
        return (
            history, "", cards_html(_cards(cards), marks), quick_replies_html(reply.quick_replies),
            panel, raw, cards, marks,
        )

    async def on_feedback(evt: gr.EventData, history: list, session_id: str, cards: list, marks: dict):
        product_id = str(getattr(evt, "product_id", "") or "")
        liked = bool(getattr(evt, "liked", False))
        shown = {c["id"]: c for c in cards or []}
        if product_id not in shown:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        title = shown[product_id].get("title", product_id)
        history = [*history, {"role": "user", "content": f"{'Liked' if liked else 'Not for me'}: {title}"}]
        try:
            reply = await assistant.feedback(session_id, product_id, liked)
        except Exception:
            log.exception("feedback failed (session hidden)")
            history.append({"role": "assistant", "content": APOLOGY})
            return history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        marks = {**(marks or {}), product_id: liked}
        history.append({"role": "assistant", "content": _assistant_message(reply)})
        if reply.products:
            cards = [p.model_dump(mode="json") for p in reply.products]
        panel, raw = await _view(session_id)
        quick = quick_replies_html(reply.quick_replies) if reply.quick_replies else gr.skip()
        return history, cards_html(_cards(cards), marks), quick, panel, raw, cards, marks

    async def on_quick(evt: gr.EventData, history: list, session_id: str, cards: list, marks: dict):
        return await on_message(str(getattr(evt, "text", "") or ""), history, session_id, cards, marks)

    async def on_forget(session_id: str):
        try:
            await assistant.forget(session_id)
        except Exception:
            log.exception("forget failed (session hidden)")
        fresh = new_session_id()
        history = [{"role": "assistant", "content": "Done: I've forgotten this conversation and everything I learned about you. "
                    "What are you looking for?"}]
        return (
            history, fresh, cards_html([]), quick_replies_html(FIRST_QUICK_REPLIES), profile_html(None), {}, [], {},
        )

    with gr.Blocks(title=title, analytics_enabled=False) as demo:
        session = gr.State(new_session_id)
        cards_state = gr.State([])
        marks_state = gr.State({})
        with gr.Row(elem_id="sb-header"):
            gr.HTML(
                f"<h1>{title}</h1><p>Your home &amp; living shopping assistant: sofas, chairs, tables, desks, "
                "beds, lamps, rugs and outdoor furniture.</p>"
            )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    value=[{"role": "assistant", "content": GREETING}],
                    label="Chat", show_label=False, height=340, elem_id="sb-chat", feedback_options=None, buttons=["copy"],
                )
                cards = gr.HTML(cards_html([]), css_template=CARDS_CSS, js_on_load=CARDS_JS, elem_id="sb-cards")
                quick = gr.HTML(
                    quick_replies_html(FIRST_QUICK_REPLIES), css_template=QUICK_CSS, js_on_load=QUICK_JS, elem_id="sb-quick",
                )
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Ask for a product, critique the suggestions (cheaper, not IKEA, in blue…) or ask about an order",
                        show_label=False, scale=6, autofocus=True, elem_id="sb-input", max_lines=3,
                    )
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="sb-send")
            with gr.Column(scale=1, elem_id="sb-side"):
                gr.Markdown("### Your profile")
                profile = gr.HTML(profile_html(None), css_template=PROFILE_CSS, elem_id="sb-profile", js_on_load=None)
                forget = gr.Button("Start over & forget me", variant="stop", elem_id="sb-forget")
                with gr.Accordion("Raw session data", open=False):
                    raw = gr.JSON(value={}, show_label=False)

        message_outputs = [chat, box, cards, quick, profile, raw, cards_state, marks_state]
        inputs = [chat, session, cards_state, marks_state]
        box.submit(on_message, [box, *inputs], message_outputs)
        send.click(on_message, [box, *inputs], message_outputs)
        quick.quick(on_quick, inputs, message_outputs)
        cards.feedback(on_feedback, inputs, [chat, cards, quick, profile, raw, cards_state, marks_state])
        forget.click(on_forget, [session], [chat, session, cards, quick, profile, raw, cards_state, marks_state])
    return demo


def launch_ui(
    demo: gr.Blocks, *, host: str = "127.0.0.1", port: int | None = 7860, share: bool = False, block: bool = True
) -> None:
    """Serve the UI (page CSS and theme are launch options in Gradio 6)."""
    demo.queue(default_concurrency_limit=16)
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=not block,
        show_error=False,
        quiet=not block,
        ssr_mode=False,
        css=PAGE_CSS,
        theme=gr.themes.Soft(),
        footer_links=[],
    )
