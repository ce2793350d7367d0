"""The live user profile: what the bot has learned about this shopper.

Updated every turn by the dialogue manager; read by the re-ranker.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

AFFINITY_FIELDS = ("brand", "category", "color", "material", "style")


class Affinity(BaseModel):
    """A preference for (weight > 0) or against (weight < 0) one attribute value."""

    weight: float = Field(ge=-1, le=1)
    explicit: bool = False
    turn: int = 0


class UserProfile(BaseModel):
    budget_min: float | None = None
    budget_max: float | None = None
    budget_explicit: bool = False
    # field ("brand", "color", ...) -> lower-cased value -> affinity
    affinities: dict[str, dict[str, Affinity]] = Field(default_factory=lambda: {f: {} for f in AFFINITY_FIELDS})
    liked_ids: list[str] = Field(default_factory=list)
    rejected_ids: list[str] = Field(default_factory=list)
    liked_embeddings: list[list[float]] = Field(default_factory=list)
    rejected_embeddings: list[list[float]] = Field(default_factory=list)
    personalization: bool = True
    turn: int = 0

    def affinity(self, field: str, value: str | None) -> float:
        """The weight of a value (0 when unknown)."""
        if not value:
            return 0.0
        aff = self.affinities.get(field, {}).get(value.strip().lower())
        return aff.weight if aff else 0.0
