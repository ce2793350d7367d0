"""Feature tensors for the re-ranker, built from :class:`~ranking.types.RankRequest` objects.

Every request's candidates are padded into one batch so that a whole batch of
conversations is scored in a single forward pass.

Scalar features (one column each, grouped into the named contributions of
:mod:`ranking.model`):

==================  =====================  ==============================================================
feature             contribution           meaning
==================  =====================  ==============================================================
relevance           relevance              cosine(query vector, product vector); ``dense_score`` when the
                                           request carries no query vector
lexical             lexical                BM25 score / the largest BM25 score among the candidates
retrieval_rank      retrieval              1 / log2(rank + 2) of the fused retrieval score
rating              rating                 average rating shrunk towards 3.5 by the review count, scaled to ~[-1, 1]
popularity          popularity             log(1 + reviews) / log(10001)
price_position      price_level            price percentile among the candidates - 0.5 (0 when unknown)
out_of_stock        availability           1 when the product is out of stock
in_budget           price_fit              1 when the price lies inside the shopper's budget
over_budget         price_fit              (price - budget_max) / budget_max, clipped to [0, 2]
under_budget        price_fit              (budget_min - price) / budget_min, clipped to [0, 1]
<field>_like        <field>_affinity       largest positive affinity among the product's values of the field
<field>_dislike     <field>_affinity       most negative affinity (<= 0) among those values
==================  =====================  ==============================================================

``<field>`` is brand, category (any level of the category path), color, material
and style. The vectors of liked and rejected items travel as padded tensors
and feed the attention block of the model ("similar_to_liked",
"unlike_rejected").

Profile features (price fit, affinities, liked / rejected vectors) are zeroed
when ``request.use_profile`` is False or ``profile.personalization`` is False.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from bot.dialogue.profile import UserProfile
from ranking.types import RankRequest
from retrieval.product import Product

AFFINITY_FIELDS = ("brand", "category", "color", "material", "style")

# (feature name, contribution it feeds, is it a profile feature)
SCALAR_FEATURES: tuple[tuple[str, str, bool], ...] = (
    ("relevance", "relevance", False),
    ("lexical", "lexical", False),
    ("retrieval_rank", "retrieval", False),
    ("rating", "rating", False),
    ("popularity", "popularity", False),
    ("price_position", "price_level", False),
    ("out_of_stock", "availability", False),
    ("in_budget", "price_fit", True),
    ("over_budget", "price_fit", True),
    ("under_budget", "price_fit", True),
    *(
        (f"{field}_{polarity}", f"{field}_affinity", True)
        for field in AFFINITY_FIELDS
        for polarity in ("like", "dislike")
    ),
)
FEATURE_NAMES: tuple[str, ...] = tuple(name for name, _, _ in SCALAR_FEATURES)
FEATURE_INDEX: dict[str, int] = {name: i for i, name in enumerate(FEATURE_NAMES)}
PROFILE_FEATURE_MASK = np.array([is_profile for _, _, is_profile in SCALAR_FEATURES], dtype=bool)

PRIOR_RATING = 3.5
PRIOR_REVIEWS = 5.0
MAX_HISTORY = 20  # most recent liked / rejected embeddings the attention looks at
_SPLIT_VALUES = re.compile(r"\s*(?:/|,|&|;|\+|\band\b)\s*")
_SEPARATOR_CHARS = frozenset("/,&;+")


def profile_active(request: RankRequest) -> bool:
    """Whether the request's profile may influence the ranking (the ablation switch)."""
    return bool(request.use_profile and request.profile.personalization)


def field_values(product: Product, field: str) -> list[str]:
    """The lower-cased values of one affinity field of a product.

    ``category`` yields every level of the path; multi-valued colours and
    materials ("Grey/Blue", "oak and steel") yield the whole value and each part.
    """
    if field == "category":
        return [level.strip().lower() for level in product.category if level.strip()]
    value = getattr(product, field, None)
    if not value:
        return []
    value = value.strip().lower()
    values = [value]
    if field != "brand" and (_SEPARATOR_CHARS.intersection(value) or " and " in value):
        values.extend(p for p in _SPLIT_VALUES.split(value) if p and p != value)
    return values


def affinity_pair(profile: UserProfile, product: Product, field: str) -> tuple[float, float]:
    """(strongest liking >= 0, strongest dislike <= 0) of the profile for the product's values of a field."""
    known = profile.affinities.get(field)
    if not known:
        return 0.0, 0.0
    like, dislike = 0.0, 0.0
    for value in field_values(product, field):
        affinity = known.get(value)
        if affinity is not None:
            like = max(like, affinity.weight)
            dislike = min(dislike, affinity.weight)
    return like, dislike


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def _as_matrix(vectors: Sequence[Sequence[float]] | np.ndarray, dim: int | None = None) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    if array.size == 0:
        return np.zeros((0, dim or 0), dtype=np.float32)
    if array.ndim != 2:
        raise ValueError(f"expected a matrix of vectors, got shape {array.shape}")
    return array


def scalar_features(request: RankRequest, candidate_vectors: np.ndarray) -> np.ndarray:
    """The ``[n_candidates, n_features]`` scalar feature matrix of one request."""
    candidates = request.candidates
    n = len(candidates)
    x = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return x
    col = FEATURE_INDEX

    # query-product
    if request.query_vector is not None and candidate_vectors.shape[0] == n:
        query = np.asarray(request.query_vector, dtype=np.float32)
        if query.shape != (candidate_vectors.shape[1],):
            raise ValueError(f"query vector has shape {query.shape}, product vectors are {candidate_vectors.shape[1]}-d")
        query = query / max(float(np.linalg.norm(query)), 1e-12)
        x[:, col["relevance"]] = _unit_rows(candidate_vectors) @ query
    else:
        x[:, col["relevance"]] = [c.dense_score for c in candidates]
    bm25 = np.array([max(c.bm25_score, 0.0) for c in candidates], dtype=np.float32)
    if bm25.max() > 0:
        x[:, col["lexical"]] = bm25 / bm25.max()
    fused = np.array([c.score for c in candidates], dtype=np.float64)
    ranks = np.empty(n, dtype=np.float64)
    ranks[np.argsort(-fused, kind="stable")] = np.arange(n)
    x[:, col["retrieval_rank"]] = 1.0 / np.log2(ranks + 2.0)

    # product
    prices = np.array([c.product.price if c.product.price is not None else np.nan for c in candidates])
    known = ~np.isnan(prices)
    if known.sum() > 1:
        order = prices[known].argsort(kind="stable").argsort(kind="stable")
        x[known, col["price_position"]] = order / (known.sum() - 1) - 0.5
    for i, cand in enumerate(candidates):
        p = cand.product
        reviews = float(p.review_count)
        if p.rating is not None:
            n_eff = max(reviews, 1.0)
            shrunk = (p.rating * n_eff + PRIOR_RATING * PRIOR_REVIEWS) / (n_eff + PRIOR_REVIEWS)
            x[i, col["rating"]] = (shrunk - PRIOR_RATING) / 1.5
        x[i, col["popularity"]] = math.log1p(reviews) / math.log(10001.0)
        x[i, col["out_of_stock"]] = 0.0 if p.in_stock else 1.0

    # profile
    if not profile_active(request):
        return x
    profile = request.profile
    has_max = profile.budget_max is not None and profile.budget_max > 0
    has_min = profile.budget_min is not None and profile.budget_min > 0
    active_fields = [f for f in AFFINITY_FIELDS if profile.affinities.get(f)]
    for i, cand in enumerate(candidates):
        p = cand.product
        if p.price is not None and (has_max or has_min):
            over = (p.price - profile.budget_max) / profile.budget_max if has_max else 0.0
            under = (profile.budget_min - p.price) / profile.budget_min if has_min else 0.0
            x[i, col["in_budget"]] = 1.0 if over <= 0 and under <= 0 else 0.0
            x[i, col["over_budget"]] = min(max(over, 0.0), 2.0)
            x[i, col["under_budget"]] = min(max(under, 0.0), 1.0)
        for field in active_fields:
            like, dislike = affinity_pair(profile, p, field)
            x[i, col[f"{field}_like"]] = like
            x[i, col[f"{field}_dislike"]] = dislike
    return x


@dataclass
class FeatureBatch:
    """Padded tensors of a batch of requests (B requests, N candidates, L liked, R rejected, D dims)."""

    scalars: torch.Tensor  # [B, N, F]
    mask: torch.Tensor  # [B, N] bool: a real candidate
    vectors: torch.Tensor  # [B, N, D] unit vectors of the candidates
    liked: torch.Tensor  # [B, L, D]
    liked_mask: torch.Tensor  # [B, L] bool
    rejected: torch.Tensor  # [B, R, D]
    rejected_mask: torch.Tensor  # [B, R] bool
    lengths: list[int]

    def to(self, device: torch.device | str) -> "FeatureBatch":
        non_blocking = torch.device(device).type == "cuda"
        move = lambda t: t.to(device, non_blocking=non_blocking)  # noqa: E731
        return FeatureBatch(
            scalars=move(self.scalars),
            mask=move(self.mask),
            vectors=move(self.vectors),
            liked=move(self.liked),
            liked_mask=move(self.liked_mask),
            rejected=move(self.rejected),
            rejected_mask=move(self.rejected_mask),
            lengths=self.lengths,
        )


def _pad_stack(mats: list[np.ndarray], dim: int) -> tuple[np.ndarray, np.ndarray]:
    width = max([m.shape[0] for m in mats] + [1])
    out = np.zeros((len(mats), width, dim), dtype=np.float32)
    mask = np.zeros((len(mats), width), dtype=bool)
    for b, m in enumerate(mats):
        if m.shape[0]:
            out[b, : m.shape[0]] = m
            mask[b, : m.shape[0]] = True
    return out, mask


def _history(vectors: list[list[float]], active: bool, dim: int) -> np.ndarray:
    if not active or not vectors:
        return np.zeros((0, dim), dtype=np.float32)
    matrix = _as_matrix(vectors[-MAX_HISTORY:], dim)
    if matrix.shape[1] != dim:
        raise ValueError(f"profile embedding has {matrix.shape[1]} dims, candidates have {dim}")
    return _unit_rows(matrix)


def build_batch(requests: Sequence[RankRequest], dim: int | None = None) -> FeatureBatch:
    """Pad every request's candidates (and profile vectors) into one :class:`FeatureBatch` on the CPU.

    ``dim`` is the vector size the model expects (a clear ``ValueError`` otherwise).
    """
    if not requests:
        raise ValueError("build_batch needs at least one request")
    cand_mats: list[np.ndarray] = []
    for request in requests:
        mat = _as_matrix(request.candidate_vectors, dim)
        if mat.shape[0] != len(request.candidates):
            raise ValueError(
                f"a RankRequest has {len(request.candidates)} candidates but {mat.shape[0]} candidate vectors"
            )
        cand_mats.append(mat)
    dims = {m.shape[1] for m in cand_mats if m.shape[0]}
    if len(dims) > 1:
        raise ValueError(f"candidate vectors of different sizes in one batch: {sorted(dims)}")
    found = dims.pop() if dims else (dim or 1)
    if dim is not None and found != dim:
        raise ValueError(f"the ranker expects {dim}-d product vectors, got {found}-d")
    dim = found
    scalars = [scalar_features(r, m) for r, m in zip(requests, cand_mats)]
    n_features = len(FEATURE_NAMES)
    scalar_arr, mask = _pad_stack(scalars, n_features)
    vec_arr, _ = _pad_stack([_unit_rows(m) if m.shape[0] else np.zeros((0, dim), np.float32) for m in cand_mats], dim)
    liked, liked_mask = _pad_stack(
        [_history(r.profile.liked_embeddings, profile_active(r), dim) for r in requests], dim
    )
    rejected, rejected_mask = _pad_stack(
        [_history(r.profile.rejected_embeddings, profile_active(r), dim) for r in requests], dim
    )
    return FeatureBatch(
        scalars=torch.from_numpy(scalar_arr),
        mask=torch.from_numpy(mask),
        vectors=torch.from_numpy(vec_arr),
        liked=torch.from_numpy(liked),
        liked_mask=torch.from_numpy(liked_mask),
        rejected=torch.from_numpy(rejected),
        rejected_mask=torch.from_numpy(rejected_mask),
        lengths=[len(r.candidates) for r in requests],
    )
