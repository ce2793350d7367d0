"""``GET /openapi.json``: the OpenAPI 3.1 document of the HTTP API, built from the pydantic models."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from bot.models import ChatRequest, Reply
from bot.server.schemas import (
    SESSION_ID_MAX,
    SESSION_ID_PATTERN,
    ErrorResponse,
    FeedbackRequest,
    ForgetResponse,
    PersonalizationRequest,
    PersonalizationResponse,
    Readiness,
)

MODELS: tuple[type[BaseModel], ...] = (
    ChatRequest, Reply, FeedbackRequest, PersonalizationRequest, PersonalizationResponse, ForgetResponse,
    ErrorResponse, Readiness,
)
REF = "#/components/schemas/{model}"


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": _ref(model)}}}


def _ok(model: type[BaseModel] | None, description: str = "OK") -> dict[str, Any]:
    schema = _ref(model) if model else {"type": "object"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    names = {400: "Malformed request", 401: "Missing or wrong API key", 404: "Unknown session",
             413: "Body too large", 422: "Invalid fields", 429: "Rate limited (see Retry-After)",
             500: "Unexpected error (logged)", 503: "Busy or shutting down (see Retry-After)"}
    return {str(s): {"description": names[s], "content": {"application/json": {"schema": _ref(ErrorResponse)}}}
            for s in statuses}


SESSION_PARAM = {
    "name": "session_id", "in": "path", "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": SESSION_ID_MAX, "pattern": SESSION_ID_PATTERN},
}


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for model in MODELS:
        schema = model.model_json_schema(ref_template=REF)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    secured = [{"bearer": []}, {"apiKey": []}, {}]
    session_ops = {
        "/v1/sessions/{session_id}": {
            "parameters": [SESSION_PARAM],
            "get": {"operationId": "getSession", "summary": "State and live profile of a session",
                    "security": secured, "responses": {"200": _ok(None), **_errors(400, 401, 404, 429)}},
            "delete": {"operationId": "forgetSession", "summary": "Forget everything about a session",
                       "security": secured, "responses": {"200": _ok(ForgetResponse), **_errors(400, 401, 429)}},
        },
        "/v1/sessions/{session_id}/export": {
            "parameters": [SESSION_PARAM],
            "get": {"operationId": "exportSession", "summary": "Everything stored about a session",
                    "security": secured, "responses": {"200": _ok(None), **_errors(400, 401, 404, 429)}},
        },
        "/v1/sessions/{session_id}/feedback": {
            "parameters": [SESSION_PARAM],
            "post": {"operationId": "feedback", "summary": "Like or dislike a shown product",
                     "security": secured, "requestBody": _json_body(FeedbackRequest),
                     "responses": {"200": _ok(Reply), **_errors(400, 401, 413, 422, 429, 503)}},
        },
        "/v1/sessions/{session_id}/personalization": {
            "parameters": [SESSION_PARAM],
            "put": {"operationId": "setPersonalization", "summary": "Switch profile learning on or off",
                    "security": secured, "requestBody": _json_body(PersonalizationRequest),
                    "responses": {"200": _ok(PersonalizationResponse), **_errors(400, 401, 413, 422, 429)}},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "shopbot API", "version": "1",
                 "description": "A conversational shopping assistant. Errors: {\"error\": {code, message, details}}."},
        "paths": {
            "/v1/chat": {
                "post": {"operationId": "chat", "summary": "One shopper message -> the bot's reply",
                         "security": secured, "requestBody": _json_body(ChatRequest),
                         "responses": {"200": _ok(Reply), **_errors(400, 401, 413, 422, 429, 500, 503)}},
            },
            **session_ops,
            "/healthz": {"get": {"operationId": "healthz", "summary": "Liveness", "responses": {"200": _ok(None)}}},
            "/readyz": {"get": {"operationId": "readyz", "summary": "Readiness: every component loaded",
                                "responses": {"200": _ok(Readiness), "503": _ok(Readiness, "Not ready")}}},
            "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics",
                                 "responses": {"200": {"description": "Prometheus text format",
                                                       "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
    }
