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


# --- live updates -----------------------------------------------------------------
# Explicit statements ("in blue", "not IKEA") beat inferences (likes, cart), and
# newer beats older: an inference never overwrites an explicit affinity, and every
# turn inferred weights fade a little.

EXPLICIT_LIKE = 1.0
EXPLICIT_DISLIKE = -1.0
INFERRED_LIKE = 0.5
INFERRED_DISLIKE = -0.4
INFERRED_DECAY = 0.9
MAX_EXAMPLES = 20


def _key(value: str) -> str:
    return value.strip().lower()


def state_preference(profile: UserProfile, field: str, value: str, *, positive: bool) -> None:
    """The shopper said it: "I want blue" / "no leather"."""
    if not profile.personalization or not value or field not in profile.affinities:
        return
    bucket = profile.affinities[field]
    if positive and field in ("color", "brand", "material", "style"):
        # A new explicit choice makes older explicit likes in the same field less sure.
        for aff in bucket.values():
            if aff.explicit and aff.weight > 0:
                aff.weight = round(aff.weight * 0.5, 4)
    bucket[_key(value)] = Affinity(
        weight=EXPLICIT_LIKE if positive else EXPLICIT_DISLIKE, explicit=True, turn=profile.turn
    )


def _infer(profile: UserProfile, field: str, value: str | None, delta: float) -> None:
    if not value:
        return
    bucket = profile.affinities.setdefault(field, {})
    key = _key(value)
    current = bucket.get(key)
    if current is not None and current.explicit:
        return  # explicit beats inferred
    weight = (current.weight if current else 0.0) + delta
    bucket[key] = Affinity(weight=max(-1.0, min(1.0, weight)), explicit=False, turn=profile.turn)


def learn_from_product(profile: UserProfile, product, vector: list[float] | None, *, liked: bool, strength: float = 1.0) -> None:
    """A like / dislike / add-to-cart of a product: infer affinities from its real attributes."""
    if not profile.personalization:
        return
    delta = (INFERRED_LIKE if liked else INFERRED_DISLIKE) * strength
    for field in ("brand", "color", "material", "style"):
        _infer(profile, field, getattr(product, field), delta)
    _infer(profile, "category", product.leaf_category, delta / 2)
    ids, vectors = (profile.liked_ids, profile.liked_embeddings) if liked else (profile.rejected_ids, profile.rejected_embeddings)
    other_ids, other_vectors = (profile.rejected_ids, profile.rejected_embeddings) if liked else (profile.liked_ids, profile.liked_embeddings)
    if product.id in other_ids:  # changed their mind: newer beats older
        i = other_ids.index(product.id)
        other_ids.pop(i)
        if i < len(other_vectors):
            other_vectors.pop(i)
    if product.id not in ids:
        ids.append(product.id)
        if vector is not None:
            vectors.append([float(x) for x in vector])
        del ids[:-MAX_EXAMPLES]
        del vectors[:-MAX_EXAMPLES]


def state_budget(profile: UserProfile, price_min: float | None, price_max: float | None) -> None:
    if not profile.personalization:
        return
    if price_min is not None:
        profile.budget_min = price_min
        profile.budget_explicit = True
    if price_max is not None:
        profile.budget_max = price_max
        profile.budget_explicit = True


def next_turn(profile: UserProfile) -> None:
    """Start a new turn: inferred affinities fade, so recent behaviour counts most."""
    profile.turn += 1
    for bucket in profile.affinities.values():
        for key in list(bucket):
            aff = bucket[key]
            if not aff.explicit:
                aff.weight = round(aff.weight * INFERRED_DECAY, 4)
                if abs(aff.weight) < 0.02:
                    del bucket[key]


def forget_preferences(profile: UserProfile) -> None:
    """Personalization switched off: drop everything learned."""
    fresh = UserProfile(personalization=profile.personalization, turn=profile.turn)
    for name in UserProfile.model_fields:
        setattr(profile, name, getattr(fresh, name))
