"""The blocking re-ranker: many sessions' candidates scored in ONE forward pass.

Weights are looked up in this order: an explicit path, ``Settings.ranker_weights``,
``settings.models_dir / "ranker" / "weights.pt"`` (written by ``shopbot train ranker``),
else the hand-set defaults of :class:`~ranking.model.ProfileReranker`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from bot.config import Settings
from bot.errors import UserFacingError
from ranking.features import FEATURE_NAMES, build_batch
from ranking.model import CONTRIBUTIONS, ProfileReranker
from ranking.types import RankRequest, ScoredProduct

log = logging.getLogger(__name__)

WEIGHTS_FORMAT = "shopbot-ranker"
WEIGHTS_VERSION = 1


def default_weights_path(settings: Settings) -> Path:
    """Where ``shopbot train ranker`` writes, and :class:`Reranker` looks for, trained weights."""
    return settings.models_dir / "ranker" / "weights.pt"


def save_weights(model: ProfileReranker, path: Path, metrics: dict | None = None) -> Path:
    """Write a model's weights with the feature schema they were trained on."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": WEIGHTS_FORMAT,
        "version": WEIGHTS_VERSION,
        "dim": model.dim,
        "features": list(FEATURE_NAMES),
        "contributions": list(CONTRIBUTIONS),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
        "metrics": metrics or {},
    }
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(payload, tmp)
    tmp.replace(path)
    return path


def load_model(path: Path) -> ProfileReranker:
    """A :class:`ProfileReranker` from a weights file; :class:`UserFacingError` when it does not fit."""
    try:
        payload = torch.load(Path(path), map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise UserFacingError(f"ranker weights {path} do not exist") from None
    except Exception as exc:  # corrupt or foreign file
        raise UserFacingError(f"cannot read ranker weights {path}: {exc}") from None
    if not isinstance(payload, dict) or payload.get("format") != WEIGHTS_FORMAT:
        raise UserFacingError(f"{path} is not a shopbot ranker weights file")
    if list(payload.get("features", [])) != list(FEATURE_NAMES):
        raise UserFacingError(f"ranker weights {path} were trained on other features; retrain with `shopbot train ranker`")
    model = ProfileReranker(dim=int(payload["dim"]))
    model.load_state_dict(payload["state_dict"])
    return model


def resolve_model(settings: Settings | None = None, weights: Path | None = None) -> tuple[ProfileReranker, str]:
    """The model to serve and where it came from ("defaults" or a path)."""
    if weights is not None:
        return load_model(weights), str(weights)
    settings = settings or Settings.from_env()
    if settings.ranker_weights is not None:
        return load_model(settings.ranker_weights), str(settings.ranker_weights)
    trained = default_weights_path(settings)
    if trained.exists():
        try:
            return load_model(trained), str(trained)
        except UserFacingError as exc:
            log.warning("%s; using the default ranker weights", exc)
    return ProfileReranker(), "defaults"


class Reranker:
    """Scores batches of :class:`RankRequest` (blocking; call it from a worker thread in async code)."""

    def __init__(self, model: ProfileReranker | None = None, device: str | torch.device | None = None) -> None:
        self.device = torch.device(device or Settings.from_env().torch_device())
        self.model = (model or ProfileReranker()).to(self.device).eval()
        self.source = "defaults" if model is None else "model"
        self.forward_passes = 0
        self._lock = threading.Lock()

    @classmethod
    def load(
        cls, settings: Settings | None = None, *, weights: Path | None = None, device: str | None = None
    ) -> "Reranker":
        """The trained weights when present (see the module docstring), else the defaults."""
        settings = settings or Settings.from_env()
        model, source = resolve_model(settings, weights)
        reranker = cls(model, device=device or settings.torch_device())
        reranker.source = source
        log.info("ranker weights: %s on %s", source, reranker.device)
        return reranker

    def rank(self, request: RankRequest) -> list[ScoredProduct]:
        """One request's candidates, best first."""
        return self.score_batch([request])[0]

    def score_batch(self, requests: Sequence[RankRequest]) -> list[list[ScoredProduct]]:
        """Every request's candidates, best first, scored together in one forward pass."""
        if not requests:
            return []
        if all(not r.candidates for r in requests):
            return [[] for _ in requests]
        batch = build_batch(requests, dim=self.model.dim).to(self.device)
        with torch.inference_mode():
            _, contributions = self.model(batch)
            bias = float(self.model.bias.detach())
        with self._lock:
            self.forward_passes += 1
        contributions = contributions.float().cpu().numpy()
        # Scores are re-summed in float64 so that score == bias + sum(contributions) exactly.
        totals = bias + contributions.sum(-1, dtype="float64")
        results: list[list[ScoredProduct]] = []
        construct = ScoredProduct.model_construct  # every value is built here and valid: skip re-validation
        for b, request in enumerate(requests):
            n = len(request.candidates)
            row_totals = totals[b, :n]
            scores = row_totals.tolist()
            rows = contributions[b, :n].tolist()
            candidates = request.candidates
            results.append(
                [
                    construct(candidate=candidates[i], score=scores[i], contributions=dict(zip(CONTRIBUTIONS, rows[i])))
                    for i in np.argsort(-row_totals, kind="stable").tolist()
                ]
            )
        return results
