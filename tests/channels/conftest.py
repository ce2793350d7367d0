"""The one deterministic assistant used to test transport / UI / runner mechanics.

``KeywordAssistant`` implements ``AssistantProtocol`` with plain keyword rules
over a small in-memory home & living catalog and returns real ``Reply``
objects with product cards. It is *not* the shopping assistant: it only lets
channel, UI and dialogue-runner tests run without the trained models.
(tests/ui and tests/dialogues load this file by path.)
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.models import IntentInfo, ProductCard, Reply

CATALOG: list[dict[str, Any]] = [
    {"id": "S1", "title": "Kivik 3-seat sofa", "price": 649.0, "brand": "IKEA", "category": "Sofas", "color": "grey", "rating": 4.4, "image_url": None},
    {"id": "S2", "title": "Harmony velvet sofa", "price": 1290.0, "brand": "Hay", "category": "Sofas", "color": "blue", "rating": 4.7, "image_url": "https://img.example/s2.jpg"},
    {"id": "S3", "title": "Nordby compact loveseat", "price": 499.0, "brand": "Nordby", "category": "Sofas", "color": "grey", "rating": 4.1, "image_url": None},
    {"id": "S4", "title": "Oslo linen sofa", "price": 780.0, "brand": "Muuto", "category": "Sofas", "color": "beige", "rating": 4.5, "image_url": None},
    {"id": "A1", "title": "Poang armchair", "price": 129.0, "brand": "IKEA", "category": "Armchairs", "color": "beige", "rating": 4.6, "image_url": None},
    {"id": "A2", "title": "Lounge wingback armchair", "price": 560.0, "brand": "Hay", "category": "Armchairs", "color": "green", "rating": 4.3, "image_url": None},
    {"id": "L1", "title": "Arc floor lamp", "price": 89.0, "brand": "IKEA", "category": "Lamps", "color": "black", "rating": 4.0, "image_url": None},
    {"id": "L2", "title": "Brass table lamp", "price": 149.0, "brand": "Muuto", "category": "Lamps", "color": "gold", "rating": 4.8, "image_url": None},
    {"id": "R1", "title": "Wool area rug", "price": 240.0, "brand": "Nordby", "category": "Rugs", "color": "grey", "rating": 4.2, "image_url": None},
]
COLORS = {"grey", "blue", "beige", "green", "black", "gold"}
BRANDS = {"ikea": "IKEA", "hay": "Hay", "nordby": "Nordby", "muuto": "Muuto"}
CATEGORIES = {"sofa": "Sofas", "armchair": "Armchairs", "lamp": "Lamps", "rug": "Rugs"}


class KeywordAssistant:
    """Deterministic keyword rules; counts calls so tests can check deliveries were answered once."""

    def __init__(self) -> None:
        self.sessions: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str, str | None]] = []
        self.feedback_calls: list[tuple[str, str, bool]] = []
        self.seen_message_ids: dict[tuple[str, str], Reply] = {}

    def _state(self, session_id: str) -> dict[str, Any]:
        return self.sessions.setdefault(
            session_id, {"constraints": {}, "shown": [], "liked": [], "disliked": [], "brand_affinity": {}}
        )

    def get_product(self, product_id: str) -> dict[str, Any] | None:
        return next((p for p in CATALOG if p["id"] == product_id), None)

    async def handle(self, session_id: str, text: str, *, message_id: str | None = None) -> Reply:
        self.calls.append((session_id, text, message_id))
        if message_id and (session_id, message_id) in self.seen_message_ids:
            return self.seen_message_ids[(session_id, message_id)]
        reply = self._turn(session_id, text)
        if message_id:
            self.seen_message_ids[(session_id, message_id)] = reply
        return reply

    def _turn(self, session_id: str, text: str) -> Reply:
        lowered = text.lower()
        state = self._state(session_id)
        cons = state["constraints"]
        if re.search(r"\b(hi|hello)\b", lowered):
            return self._reply(session_id, "Hello! What are you looking for today?", "greet", "smalltalk", quick=["Sofas", "Lamps"])
        if "human" in lowered or "agent" in lowered:
            return self._reply(session_id, "I'm connecting you with a colleague.", "contact_human", "handoff")
        if "order" in lowered:
            slots = {}
            if m := re.search(r"\b(\d{5,})\b", lowered):
                slots["order_id"] = m.group(1)
            return self._reply(session_id, "Your order is on its way.", "order_status", "service", slots=slots)
        slots: dict[str, Any] = {}
        refine = bool(cons)
        if m := re.search(r"(?:under|below|less than)\s*\$?(\d+)", lowered):
            cons["price_max"] = slots["price_max"] = float(m.group(1))
        if m := re.search(r"not (\w+)", lowered):
            if m.group(1) in BRANDS:
                cons["exclude_brand"] = slots["exclude_brand"] = BRANDS[m.group(1)]
        for word in COLORS:
            if re.search(rf"\b{word}\b", lowered):
                cons["color"] = slots["color"] = word
        for key, cat in CATEGORIES.items():
            if key in lowered:
                cons["category"] = slots["category"] = cat
        if not slots:
            return self._reply(session_id, "Sorry, I can only help with our home & living shop.", "out_of_scope", "out_of_scope")
        products = [
            p
            for p in CATALOG
            if (cons.get("price_max") is None or p["price"] <= cons["price_max"])
            and p["brand"] != cons.get("exclude_brand")
            and (cons.get("color") is None or p["color"] == cons["color"])
            and (cons.get("category") is None or p["category"] == cons["category"])
            and p["id"] not in state["disliked"]
        ]
        products.sort(key=lambda p: (-state["brand_affinity"].get(p["brand"], 0), -p["rating"]))
        cards = [
            ProductCard(
                id=p["id"], title=p["title"], price=p["price"], brand=p["brand"], category=p["category"],
                rating=p["rating"], image_url=p["image_url"], score=round(1.0 - i * 0.1, 2),
                reasons=[f"{p['rating']}★ rating"] + ([f"within your budget of ${cons['price_max']:.0f}"] if cons.get("price_max") else []),
            )
            for i, p in enumerate(products[:3])
        ]
        state["shown"] = [c.id for c in cards]
        text_out = f"Here are {len(cards)} options." if cards else "I found nothing matching that."
        return self._reply(
            session_id, text_out, "refine" if refine else "search_product", "refine" if refine else "recommend",
            slots=slots, products=cards, quick=["Cheaper", "Show more"],
        )

    def _reply(self, session_id, text, intent, action, *, slots=None, products=None, quick=None) -> Reply:
        return Reply(
            session_id=session_id, text=text, intent=IntentInfo(name=intent, confidence=0.9), slots=slots or {},
            action=action, products=products or [], quick_replies=quick or [],
        )

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        self.feedback_calls.append((session_id, product_id, liked))
        state = self._state(session_id)
        product = self.get_product(product_id)
        (state["liked"] if liked else state["disliked"]).append(product_id)
        if product:
            aff = state["brand_affinity"]
            aff[product["brand"]] = aff.get(product["brand"], 0) + (1 if liked else -1)
        word = "liked" if liked else "noted you don't like"
        return self._reply(session_id, f"Got it, you {word} {product['title'] if product else product_id}.", "feedback_like" if liked else "feedback_dislike", "feedback")

    async def session_view(self, session_id: str) -> dict[str, Any] | None:
        """The same shape as the real assistant's view: constraints, shown, profile (affinities)."""
        state = self.sessions.get(session_id)
        if state is None:
            return None
        cons = state["constraints"]
        affinities: dict[str, dict[str, Any]] = {"brand": {}, "category": {}, "color": {}, "material": {}, "style": {}}
        for brand, weight in state["brand_affinity"].items():
            if weight:
                affinities["brand"][brand.lower()] = {"weight": max(-1.0, min(1.0, weight / 2)), "explicit": False, "turn": 0}
        return {
            "session_id": session_id,
            "constraints": {
                "price_max": cons.get("price_max"),
                "categories": [cons["category"]] if cons.get("category") else [],
                "colors": [cons["color"]] if cons.get("color") else [],
                "exclude_brands": [cons["exclude_brand"]] if cons.get("exclude_brand") else [],
            },
            "shown": list(state["shown"]),
            "cart": [],
            "profile": {
                "budget_max": cons.get("price_max"),
                "affinities": affinities,
                "liked_ids": list(state["liked"]),
                "rejected_ids": list(state["disliked"]),
                "personalization": state.get("personalization", True),
            },
        }

    async def export(self, session_id: str) -> dict[str, Any] | None:
        return await self.session_view(session_id)

    async def forget(self, session_id: str) -> bool:
        return self.sessions.pop(session_id, None) is not None

    async def set_personalization(self, session_id: str, enabled: bool) -> None:
        self._state(session_id)["personalization"] = enabled

    def readiness(self) -> dict[str, bool]:
        return {"nlu": True, "store": True, "ranker": True, "sessions": True}

    async def close(self) -> None:
        return None


@pytest.fixture
def keyword_assistant() -> KeywordAssistant:
    return KeywordAssistant()


# ---------------------------------------------------------------------------
# messaging platforms' servers (the edge of the world): a recording fake on loopback

import json  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from aiohttp import web  # noqa: E402

PAYLOADS = Path(__file__).parent / "payloads"

SECRETS = {
    "telegram_secret": "tg-secret-token-123",
    "telegram_token": "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
    "slack_signing_secret": "8f742231b10e8888abcd99yyyzzz85a5",
    "slack_bot_token": "xoxb-test-token",
    "whatsapp_app_secret": "meta-app-secret",
    "whatsapp_verify_token": "verify-me",
    "whatsapp_token": "EAAG-test-token",
    "webhook_secret": "generic-shared-secret",
}


def payload_bytes(name: str) -> bytes:
    """A documented example payload, as raw bytes (signatures are over exact bytes)."""
    return (PAYLOADS / name).read_bytes()


@dataclass
class FakePlatform:
    """Records every call the senders make; answers like the platforms do."""

    requests: list[dict] = field(default_factory=list)
    fail_with: int | None = None
    url: str = ""

    async def handler(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else None
        self.requests.append(
            {"method": request.method, "path": request.path, "auth": request.headers.get("Authorization"), "json": body}
        )
        if self.fail_with:
            return web.json_response({"ok": False, "error": "boom"}, status=self.fail_with)
        return web.json_response({"ok": True, "result": {"message_id": len(self.requests)}})

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]


@pytest.fixture
async def fake_platform(aiohttp_server) -> FakePlatform:
    platform = FakePlatform()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", platform.handler)
    server = await aiohttp_server(app, host="127.0.0.1")
    platform.url = str(server.make_url("")).rstrip("/")
    return platform


@pytest.fixture
def channel_settings(fake_platform):
    from bot.channels.config import ChannelSettings

    return ChannelSettings(
        **SECRETS,
        telegram_api_base=fake_platform.url + "/telegram",
        slack_api_base=fake_platform.url + "/slack/api",
        whatsapp_api_base=fake_platform.url + "/graph/v21.0",
    )


@pytest.fixture
async def webhook_app(aiohttp_client, keyword_assistant, channel_settings):
    """(client, service, assistant): the webhook routes on a test server, senders pointing at the fake platform."""
    from bot.server.webhooks import add_webhook_routes

    app = web.Application()
    service = add_webhook_routes(app, keyword_assistant, settings=channel_settings)
    client = await aiohttp_client(app)
    return client, service, keyword_assistant


def dumps(obj) -> bytes:
    return json.dumps(obj).encode("utf-8")


@pytest.fixture
def payload():
    return payload_bytes


@pytest.fixture
def secrets() -> dict[str, str]:
    return dict(SECRETS)
