"""The profile-aware re-ranking model: a score that decomposes exactly into named contributions.

``score = bias + sum(contributions)``, one contribution per feature group:

==================  ===================================================================================
contribution        what it rewards (+) or penalises (-)
==================  ===================================================================================
relevance           semantic match of the product to the query (dense cosine)
lexical             word match of the product to the query (BM25)
retrieval           position in the fused retrieval ranking
rating              average rating (shrunk towards 3.5 when there are few reviews)
popularity          number of reviews
price_level         cheaper / dearer than the other candidates
availability        out of stock (<= 0)
price_fit           inside the shopper's budget (+), over (-) or under (-) it
brand_affinity      brand the shopper liked (+) or rejected (-)
category_affinity   a category (any level of the path) the shopper liked (+) or rejected (-)
color_affinity      colour liked (+) / rejected (-)
material_affinity   material liked (+) / rejected (-)
style_affinity      style liked (+) / rejected (-)
similar_to_liked    DIN attention of the candidate over the liked items: similarity pooled with
                    softmax(a(candidate, liked_i)) weights, centred (+ similar, - dissimilar)
unlike_rejected     penalty (<= 0) when the candidate resembles a rejected item; 0 when unlike all of them
==================  ===================================================================================

Scalar features enter through per-feature linear weights. Weights whose sign
is known (a liked brand must never lower a score) are parameterised as
``sign * softplus(raw)`` so training cannot flip them. The model ships with
hand-set defaults (:data:`DEFAULT_WEIGHTS`) and works without training.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ranking.features import FEATURE_NAMES, SCALAR_FEATURES, FeatureBatch

SCALAR_CONTRIBUTIONS: tuple[str, ...] = tuple(dict.fromkeys(group for _, group, _ in SCALAR_FEATURES))
ATTENTION_CONTRIBUTIONS: tuple[str, ...] = ("similar_to_liked", "unlike_rejected")
CONTRIBUTIONS: tuple[str, ...] = SCALAR_CONTRIBUTIONS + ATTENTION_CONTRIBUTIONS
PROFILE_CONTRIBUTIONS: frozenset[str] = frozenset(
    {group for _, group, is_profile in SCALAR_FEATURES if is_profile} | set(ATTENTION_CONTRIBUTIONS)
)

# feature -> (sign constraint: +1 / -1 / 0 = free, hand-set default effective weight)
DEFAULT_WEIGHTS: dict[str, tuple[int, float]] = {
    "relevance": (1, 3.0),
    "lexical": (1, 0.5),
    "retrieval_rank": (1, 1.0),
    "rating": (1, 0.4),
    "popularity": (1, 0.2),
    "price_position": (0, -0.1),
    "out_of_stock": (-1, 0.6),
    "in_budget": (1, 0.4),
    "over_budget": (-1, 2.0),
    "under_budget": (-1, 0.3),
    "brand_like": (1, 0.8),
    "brand_dislike": (1, 1.5),
    "category_like": (1, 0.6),
    "category_dislike": (1, 1.2),
    "color_like": (1, 0.7),
    "color_dislike": (1, 1.0),
    "material_like": (1, 0.5),
    "material_dislike": (1, 0.8),
    "style_like": (1, 0.5),
    "style_dislike": (1, 0.8),
}
DEFAULT_ATTENTION = {
    "temperature": 10.0,  # sharpness of softmax over cos(candidate, liked_i)
    "liked_weight": 3.0,
    "liked_center": 0.35,  # pooled similarity that counts as neutral
    "rejected_weight": 4.0,
    "rejected_threshold": 0.6,  # max similarity to a rejected item below which there is no penalty
}
ATTENTION_HIDDEN = 16
ATTENTION_PROJECTION = 32  # the DIN unit works on vectors projected to this size (cheap for long candidate lists)


def _inverse_softplus(y: float) -> float:
    return y + math.log(-math.expm1(-y)) if y < 20 else y


class ProfileReranker(nn.Module):
    """Decomposable scorer: ``score = bias + sum_i contribution_i``; see the module docstring."""

    def __init__(self, dim: int = 384, hidden: int = ATTENTION_HIDDEN) -> None:
        super().__init__()
        missing = set(FEATURE_NAMES) - set(DEFAULT_WEIGHTS)
        if missing:
            raise ValueError(f"no default weight for features {sorted(missing)}")
        self.dim = dim
        signs = torch.tensor([float(DEFAULT_WEIGHTS[f][0]) for f in FEATURE_NAMES])
        self.register_buffer("signs", signs)
        raw = [
            _inverse_softplus(DEFAULT_WEIGHTS[f][1]) if DEFAULT_WEIGHTS[f][0] else DEFAULT_WEIGHTS[f][1]
            for f in FEATURE_NAMES
        ]
        self.raw_weights = nn.Parameter(torch.tensor(raw, dtype=torch.float32))
        groups = torch.zeros(len(FEATURE_NAMES), len(SCALAR_CONTRIBUTIONS))
        for i, (_, group, _) in enumerate(SCALAR_FEATURES):
            groups[i, SCALAR_CONTRIBUTIONS.index(group)] = 1.0
        self.register_buffer("groups", groups)
        self.bias = nn.Parameter(torch.zeros(()))
        a = DEFAULT_ATTENTION
        self.raw_temperature = nn.Parameter(torch.tensor(_inverse_softplus(a["temperature"])))
        self.raw_liked_weight = nn.Parameter(torch.tensor(_inverse_softplus(a["liked_weight"])))
        self.liked_center = nn.Parameter(torch.tensor(a["liked_center"]))
        self.raw_rejected_weight = nn.Parameter(torch.tensor(_inverse_softplus(a["rejected_weight"])))
        self.rejected_threshold = nn.Parameter(torch.tensor(a["rejected_threshold"]))
        # DIN activation unit on [p, q, p*q, p-q] of the projected candidate p and liked item q;
        # its last layer starts at zero so the untrained attention is softmax(temperature * cos(v, l)).
        generator = torch.Generator().manual_seed(0)
        self.project = nn.Linear(dim, ATTENTION_PROJECTION, bias=False)
        with torch.no_grad():
            self.project.weight.copy_(torch.randn(ATTENTION_PROJECTION, dim, generator=generator) / math.sqrt(dim) * 4)
        self.attention = nn.Sequential(nn.Linear(4 * ATTENTION_PROJECTION, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        nn.init.zeros_(self.attention[2].weight)
        nn.init.zeros_(self.attention[2].bias)

    # -- weights -----------------------------------------------------------------
    def feature_weights(self) -> torch.Tensor:
        """Effective per-feature weights (sign constraints applied)."""
        constrained = self.signs * nn.functional.softplus(self.raw_weights)
        return torch.where(self.signs == 0, self.raw_weights, constrained)

    def describe(self) -> dict[str, float]:
        """Effective scalar parameters by name (for logs and reports)."""
        out = {f: float(w) for f, w in zip(FEATURE_NAMES, self.feature_weights().detach().cpu())}
        out.update(
            bias=float(self.bias.detach()),
            temperature=float(nn.functional.softplus(self.raw_temperature.detach())),
            liked_weight=float(nn.functional.softplus(self.raw_liked_weight.detach())),
            liked_center=float(self.liked_center.detach()),
            rejected_weight=float(nn.functional.softplus(self.raw_rejected_weight.detach())),
            rejected_threshold=float(self.rejected_threshold.detach()),
        )
        return out

    # -- attention block ---------------------------------------------------------
    def _unit_hidden(self, p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
        """First layer of the DIN unit on ``[p, q, p*q, p-q]`` for every (candidate, liked) pair.

        Computed as ``(W1+W4) p + (W2-W4) q + W3 (p*q) + b`` (the same numbers as
        concatenating) without materialising the concatenation.
        """
        first = self.attention[0]
        k = p.shape[-1]
        w1, w2, w3, w4 = first.weight.split(k, dim=1)
        from_p = p @ (w1 + w4).T  # [B, N, H]
        from_q = q @ (w2 - w4).T  # [B, L, H]
        pairs = (p.unsqueeze(2) * q.unsqueeze(1)) @ w3.T  # [B, N, L, H]
        return pairs + from_p.unsqueeze(2) + from_q.unsqueeze(1) + first.bias

    def liked_attention(self, batch: FeatureBatch) -> tuple[torch.Tensor, torch.Tensor]:
        """(pooled similarity [B, N], attention weights [B, N, L]) of each candidate over the liked items."""
        v, liked, liked_mask = batch.vectors, batch.liked, batch.liked_mask
        cos = torch.einsum("bnd,bld->bnl", v, liked)  # unit vectors
        p, q = self.project(v), self.project(liked)  # [B, N, K], [B, L, K]
        hidden = self._unit_hidden(p, q)  # [B, N, L, H]
        unit_out = self.attention[2](torch.relu(hidden)).squeeze(-1)
        logits = nn.functional.softplus(self.raw_temperature) * cos + unit_out
        logits = logits.masked_fill(~liked_mask.unsqueeze(1), -1e4)
        weights = torch.softmax(logits, dim=-1) * liked_mask.unsqueeze(1).to(cos.dtype)
        pooled = (weights * cos).sum(-1)
        return pooled, weights

    def forward(self, batch: FeatureBatch) -> tuple[torch.Tensor, torch.Tensor]:
        """Scores ``[B, N]`` and contributions ``[B, N, len(CONTRIBUTIONS)]`` (padding rows are 0 / -inf)."""
        x = batch.scalars
        scalar_contrib = (x * self.feature_weights()) @ self.groups  # [B, N, G]

        has_liked = batch.liked_mask.any(-1, keepdim=True).to(x.dtype)  # [B, 1]
        pooled, _ = self.liked_attention(batch)
        liked_weight = nn.functional.softplus(self.raw_liked_weight)
        similar = liked_weight * (pooled - self.liked_center) * has_liked

        rejected_cos = torch.einsum("bnd,brd->bnr", batch.vectors, batch.rejected)
        rejected_cos = rejected_cos.masked_fill(~batch.rejected_mask.unsqueeze(1), -1.0)
        closest = rejected_cos.max(-1).values  # [B, N]
        has_rejected = batch.rejected_mask.any(-1, keepdim=True).to(x.dtype)
        rejected_weight = nn.functional.softplus(self.raw_rejected_weight)
        unlike = -rejected_weight * torch.relu(closest - self.rejected_threshold) * has_rejected

        contributions = torch.cat([scalar_contrib, similar.unsqueeze(-1), unlike.unsqueeze(-1)], dim=-1)
        contributions = contributions * batch.mask.unsqueeze(-1).to(x.dtype)
        scores = self.bias + contributions.sum(-1)
        scores = scores.masked_fill(~batch.mask, float("-inf"))
        return scores, contributions
