"""The catalog's product record: the one shape every part of shopbot uses."""

from __future__ import annotations

import math

from pydantic import BaseModel, Field, field_validator


class Product(BaseModel):
    """One product of the shop's catalog.

    ``category`` is the category path from the most general to the most
    specific level, e.g. ``["Furniture", "Living Room", "Sofas"]``.
    Optional attributes are ``None`` when the catalog does not know them: code
    that talks to shoppers must never state an attribute that is ``None``.
    """

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str = ""
    category: list[str] = Field(default_factory=list)
    brand: str | None = None
    price: float | None = Field(default=None, ge=0)
    currency: str = "USD"
    color: str | None = None
    material: str | None = None
    style: str | None = None
    size: str | None = None
    rating: float | None = Field(default=None, ge=0, le=5)
    review_count: int = Field(default=0, ge=0)
    in_stock: bool = True
    image_url: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)

    @field_validator("id", mode="before")
    @classmethod
    def _id_to_str(cls, v):
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v).strip() if v is not None else v

    @field_validator("price", "rating", mode="before")
    @classmethod
    def _blank_to_none(cls, v):
        if v is None:
            return None
        if isinstance(v, str):
            v = v.strip().replace("$", "").replace(",", "")
            if not v:
                return None
        if isinstance(v, float) and math.isnan(v):
            return None
        return v

    @field_validator("brand", "color", "material", "style", "size", "image_url", mode="before")
    @classmethod
    def _blank_str_to_none(cls, v):
        if v is None:
            return None
        if isinstance(v, float) and math.isnan(v):
            return None
        v = str(v).strip()
        return v or None

    @property
    def leaf_category(self) -> str | None:
        return self.category[-1] if self.category else None

    def text(self) -> str:
        """The text that is embedded and indexed for this product."""
        parts = [self.title]
        if self.brand:
            parts.append(f"by {self.brand}")
        if self.category:
            parts.append(" > ".join(self.category))
        for label, value in (("color", self.color), ("material", self.material), ("style", self.style)):
            if value:
                parts.append(f"{label}: {value}")
        if self.description:
            parts.append(self.description)
        return ". ".join(parts)
