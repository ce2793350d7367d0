"""Request/response bodies of the HTTP API besides ``ChatRequest`` and ``Reply`` (bot/models.py)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool

SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:@-]+$"
SESSION_ID_MAX = 128


class FeedbackRequest(BaseModel):
    """Body of ``POST /v1/sessions/{id}/feedback``: a like / dislike on a shown product."""

    model_config = ConfigDict(extra="forbid")
    product_id: str = Field(min_length=1, max_length=256)
    liked: StrictBool


class PersonalizationRequest(BaseModel):
    """Body of ``PUT /v1/sessions/{id}/personalization``."""

    model_config = ConfigDict(extra="forbid")
    enabled: StrictBool


class PersonalizationResponse(BaseModel):
    session_id: str
    personalization: bool


class ForgetResponse(BaseModel):
    session_id: str
    deleted: bool


class ErrorDetail(BaseModel):
    code: str = Field(description="Machine-readable: validation_error, malformed_json, payload_too_large...")
    message: str = Field(description="What is wrong, for a person.")
    details: Any = None


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer of the API."""

    error: ErrorDetail


class Readiness(BaseModel):
    ready: bool
    components: dict[str, bool]
