"""Contracts of the re-ranker."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from bot.dialogue.profile import UserProfile
from retrieval.types import Candidate


class RankRequest(BaseModel):
    """One session's candidates to score against its profile."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    candidates: list[Candidate]
    # A float32 numpy array ([n_candidates, dim] / [dim]) is accepted as is and is much cheaper than lists.
    candidate_vectors: list[list[float]] | np.ndarray = Field(description="Embedding of each candidate, same order.")
    query_vector: list[float] | np.ndarray | None = None
    profile: UserProfile = Field(default_factory=UserProfile)
    use_profile: bool = True


class ScoredProduct(BaseModel):
    candidate: Candidate
    score: float
    # feature name -> contribution to score (they sum to score - bias)
    contributions: dict[str, float] = Field(default_factory=dict)
