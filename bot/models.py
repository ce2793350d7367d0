"""The public contract: ``Reply`` (also the JSON of ``POST /v1/chat``) and its parts."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

ACTIONS = (
    "recommend",  # products shown for a (new) request
    "refine",  # products shown after a critique
    "show_more",
    "clarify",  # one clarifying question
    "compare",
    "answer_question",
    "suggest_complements",
    "add_to_cart",
    "feedback",  # like / dislike acknowledged
    "service",  # order status, returns, refunds, delivery...
    "handoff",  # to a human agent
    "smalltalk",
    "goodbye",
    "out_of_scope",
)


class IntentInfo(BaseModel):
    name: str
    confidence: float = Field(ge=0, le=1)


class ProductCard(BaseModel):
    id: str
    title: str
    price: float | None = None
    brand: str | None = None
    category: str | None = None
    rating: float | None = None
    image_url: str | None = None
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list)


class Reply(BaseModel):
    session_id: str
    text: str
    intent: IntentInfo
    slots: dict[str, Any] = Field(default_factory=dict)
    action: str
    products: list[ProductCard] = Field(default_factory=list)
    quick_replies: list[str] = Field(default_factory=list)


class ChatRequest(BaseModel):
    """Body of ``POST /v1/chat``."""

    session_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:@-]+$")
    text: str = Field(max_length=2000)
    message_id: str | None = Field(default=None, max_length=128, description="Optional idempotency key.")
