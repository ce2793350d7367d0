"""What the NLU returns for one message."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class SlotSpan(BaseModel):
    """A slot as tagged in the message (before normalization)."""

    name: str
    text: str
    start: int
    end: int


class NLUResult(BaseModel):
    """Intent + normalized slots of one message.

    ``slots`` holds normalized values, keyed by slot name:
      category, brand, color, material, style, size: str (catalog vocabulary when it matched)
      exclude_brand, exclude_color, exclude_material, exclude_category: str
      price_min, price_max: float
      price_relative: "lower" | "higher"      ("cheaper", "more expensive")
      size_relative: "bigger" | "smaller"
      item_ref: list[int]                     (1-based positions: "the second one" -> [2]; "1 and 3" -> [1, 3])
      order_id: str
    Slots that are absent are not in the dict.
    """

    text: str
    intent: str
    confidence: float = Field(ge=0, le=1)
    slots: dict[str, Any] = Field(default_factory=dict)
    spans: list[SlotSpan] = Field(default_factory=list)
    ranking: list[tuple[str, float]] = Field(default_factory=list, description="Top intents with probabilities.")
