"""Settings shared by every part of shopbot.

Every setting can be given by an environment variable ``SHOPBOT_<NAME>``
(e.g. ``SHOPBOT_HOME=/var/lib/shopbot``) or passed explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


def _default_home() -> Path:
    return Path(os.environ.get("SHOPBOT_HOME", Path.home() / ".shopbot")).expanduser()


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"SHOPBOT_{name.upper()}", default)


class Settings(BaseModel):
    """Where shopbot keeps its data and which backends it uses."""

    home: Path = Field(default_factory=_default_home, description="Data directory: indexes, models, sessions.")
    catalog: Path | None = Field(default=None, description="Catalog file or WANDS directory; None = the demo catalog.")
    catalog_format: str | None = Field(default=None, description="wands|csv|jsonl|parquet; guessed from the path when None.")
    store: Literal["edge", "qdrant"] = "edge"
    qdrant_url: str | None = None
    sessions: Literal["sqlite", "redis", "memory"] = "sqlite"
    redis_url: str = "redis://127.0.0.1:6379/0"
    session_ttl_s: float = 30 * 24 * 3600
    device: Literal["auto", "cpu", "cuda"] = "auto"
    nlu_model_dir: Path | None = Field(default=None, description="A trained NLU model; None = the newest under home/models/nlu.")
    ranker_weights: Path | None = None
    personalization: bool = True
    fusion: Literal["convex", "rrf"] = Field(
        default="convex", description="How dense and BM25 hits are fused (retrieval/hybrid.py FusionConfig).")
    fusion_alpha: float = Field(default=0.5, ge=0.0, le=1.0, description="Weight of the dense score in the convex blend.")
    embed_max_tokens: int = Field(
        default=64, ge=16, le=256,
        description="Word pieces of product text the dense embedding reads (title, brand, category, colour/material/"
                    "style come first, then the description). 64 embeds about 2x faster than 128 on CPU; the BM25 "
                    "branch always reads the whole text.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values: dict = {}
        for name in cls.model_fields:
            raw = _env(name)
            if raw is not None:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def torch_device(self) -> str:
        if self.device != "auto":
            return self.device
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
