"""Contracts of the re-ranker."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.dialogue.profile import UserProfile
from retrieval.types import Candidate


class RankRequest(BaseModel):
    """One session's candidates to score against its profile."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    candidates: list[Candidate]
    candidate_vectors: list[list[float]] = Field(description="Embedding of each candidate, same order.")
    query_vector: list[float] | None = None
    profile: UserProfile = Field(default_factory=UserProfile)
    use_profile: bool = True


class ScoredProduct(BaseModel):
    candidate: Candidate
    score: float
    # feature name -> contribution to score (they sum to score - bias)
    contributions: dict[str, float] = Field(default_factory=dict)
