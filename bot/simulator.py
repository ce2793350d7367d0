"""A simulated shopper for ``shopbot eval dialogue``.

The simulator picks a real target product, opens with a vague request (its
category), answers the bot's questions, volunteers zero to two of the target's
real attributes (colour, budget, material) as critiques, and otherwise reacts
to what is shown by liking the product closest to its target, for up to
``max_turns`` turns. It records whether
the target appeared among the products shown (success@k), how many turns that
took, and every shown product that violated a constraint the simulated shopper
had stated. The same targets run through the full system and through an
ablation whose re-ranker ignores the profile, in one run.
"""

from __future__ import annotations

import math
import random

import time
from typing import Any, Callable

import numpy as np
from pydantic import BaseModel

from bot.dialogue.constraints import catalog_materials, singular
from bot.models import Reply
from retrieval.product import Product

ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


class SimConstraint(BaseModel):
    field: str
    op: str  # "<=", "==" (a material: the bot's reading, see catalog_materials), "in_path"
    value: Any

    def holds(self, product: Product) -> bool:
        if self.field == "price":
            return product.price is not None and product.price <= self.value
        if self.field == "category":
            return self.value.lower() in (c.lower() for c in product.category)
        actual = getattr(product, self.field)
        if self.field == "material":  # "oak" is also met by "solid oak", as the bot reads it
            return actual is not None and bool(catalog_materials(str(self.value), [actual]))
        return actual is not None and actual.lower() == str(self.value).lower()


class Episode(BaseModel):
    target_id: str
    success: bool
    turns: int
    violations: int
    transcript: list[tuple[str, str, str, dict]] = []  # (shopper text, bot intent, bot action, slots)


class SimReport(BaseModel):
    targets: int
    success_at_5: float
    mean_turns: float
    mean_turns_successful: float | None
    constraint_violations: int
    seconds: float


def _round_up_price(price: float) -> int:
    step = 50 if price < 1000 else 100
    return int(math.ceil(price * 1.1 / step) * step)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))


class Shopper:
    """One simulated shopper with a target product in mind."""

    def __init__(self, target: Product, vectors: Callable[[list[str]], np.ndarray], rng: random.Random,
                 ambiguous: frozenset[str] = frozenset()) -> None:
        self.target = target
        self.ambiguous = ambiguous  # values the catalog has both as a colour and as a material ("walnut")
        self.vectors = vectors
        self.rng = rng
        self.stated: list[SimConstraint] = []
        self.said: set[str] = set()
        # How many attributes this shopper volunteers; the rest of the time they react to what is shown.
        self.explicit_left = rng.choice([0, 1, 1, 2])

    def category(self, one: bool = False) -> str:
        name = (self.target.leaf_category or self.target.title.split()[-1]).lower()
        return singular(name) if one else name

    def opening(self) -> str:
        self.stated.append(SimConstraint(field="category", op="in_path", value=self.target.leaf_category or ""))
        return self.rng.choice(["I'm looking for a {one}", "i need a new {one}", "show me some {c}", "do you have {c}?"]).format(
            c=self.category(), one=self.category(one=True))

    def respond(self, reply: Reply, shown: list[Product]) -> str:
        asks_budget = ((reply.action == "clarify" and "budget" in reply.text.lower())
                       or "tell me your budget" in reply.text.lower())  # asked with the first list shown
        if asks_budget and self.target.price is not None and "price" not in self.said:
            limit = _round_up_price(self.target.price)
            self.stated.append(SimConstraint(field="price", op="<=", value=float(limit)))
            self.said.add("price")
            return f"under ${limit}"
        if reply.action == "clarify" and not shown:
            return f"a {self.category(one=True)}"
        t = self.target
        options = []
        if t.color and "color" not in self.said and any((p.color or "").lower() != t.color.lower() for p in shown):
            options.append("color")
        if t.price is not None and "price" not in self.said and shown and min(p.price or 0 for p in shown) > t.price:
            options.append("price")
        if t.material and "material" not in self.said and any((p.material or "").lower() != t.material.lower() for p in shown):
            options.append("material")
        if options and self.explicit_left > 0:
            self.explicit_left -= 1
            choice = self.rng.choice(options)
            self.said.add(choice)
            if choice == "color":
                self.stated.append(SimConstraint(field="color", op="==", value=t.color))
                if t.color.lower() in self.ambiguous:  # say which attribute is meant, as a shopper would
                    return self.rng.choice(["do you have it in a {v} colour?", "I'd prefer the colour {v}"]).format(v=t.color.lower())
                return self.rng.choice(["do you have it in {v}?", "I'd prefer {v}", "in {v} please"]).format(v=t.color.lower())
            if choice == "price":
                limit = _round_up_price(t.price)
                self.stated.append(SimConstraint(field="price", op="<=", value=float(limit)))
                return f"something under ${limit}"
            self.stated.append(SimConstraint(field="material", op="==", value=t.material))
            if t.material.lower() in self.ambiguous:
                return self.rng.choice(["I want it made of {v}", "made of {v}", "solid {v} please"]).format(v=t.material.lower())
            return self.rng.choice(["I want it in {v}", "{v} please", "made of {v}"]).format(v=t.material.lower())
        # Otherwise react to what is shown: like the product closest to what they want.
        if shown:
            vecs = np.asarray(self.vectors([t.id] + [p.id for p in shown]), dtype=np.float32)
            k = int(np.argmax([_cos(vecs[0], v) for v in vecs[1:]])) + 1
            return self.rng.choice(["I like the {o} one", "I love #{k}", "the {o} one is nice, show me more like it",
                                    "I really like #{k}"]).format(o=ORDINALS.get(k, k), k=k)
        return "show me more"

    def violations(self, shown: list[Product]) -> int:
        return sum(1 for p in shown for c in self.stated if c.field != "category" and not c.holds(p))


def ambiguous_values(products) -> frozenset[str]:
    """Values the catalog uses both as a colour and as a material."""
    colors = {p.color.lower() for p in products if p.color}
    return frozenset(colors & {p.material.lower() for p in products if p.material})


async def run_episode(assistant, target: Product, session_id: str, *, seed: int, max_turns: int = 5, k: int = 5,
                      ambiguous: frozenset[str] | None = None) -> Episode:
    if ambiguous is None:
        ambiguous = ambiguous_values(assistant.retriever.products.values())
    shopper = Shopper(target, assistant.retriever.vectors, random.Random(seed), ambiguous)
    text = shopper.opening()
    transcript: list[tuple[str, str, str, dict]] = []  # (shopper text, bot intent, bot action, slots)
    violations = 0
    for turn in range(1, max_turns + 1):
        reply = await assistant.handle(session_id, text)
        transcript.append((text, reply.intent.name, reply.action, reply.slots))
        shown = [assistant.retriever.products[c.id] for c in reply.products if c.id in assistant.retriever.products]
        violations += shopper.violations(shown)
        if any(c.id == target.id for c in reply.products[:k]):
            await assistant.forget(session_id)
            return Episode(target_id=target.id, success=True, turns=turn, violations=violations, transcript=transcript)
        text = shopper.respond(reply, shown)
    await assistant.forget(session_id)
    return Episode(target_id=target.id, success=False, turns=max_turns, violations=violations, transcript=transcript)


def pick_targets(products: list[Product], n: int, seed: int) -> list[Product]:
    """Targets with a category, so that a shopper can ask for them."""
    eligible = [p for p in products if p.leaf_category]
    rng = random.Random(seed)
    return rng.sample(eligible, min(n, len(eligible)))


async def simulate(assistant, targets: list[Product], *, use_profile: bool, seed: int = 0, max_turns: int = 5, progress: bool = True) -> tuple[SimReport, list[Episode]]:
    from tqdm import tqdm

    assistant.manager.s.use_profile = use_profile
    started = time.perf_counter()
    episodes = []
    label = "full" if use_profile else "no-profile"
    ambiguous = ambiguous_values(assistant.retriever.products.values())
    for i, target in enumerate(tqdm(targets, desc=f"simulating ({label})", disable=not progress)):
        episodes.append(await run_episode(assistant, target, f"sim-{label}-{seed}-{i}", seed=seed * 100003 + i, max_turns=max_turns,
                                         ambiguous=ambiguous))
    assistant.manager.s.use_profile = True
    ok = [e for e in episodes if e.success]
    report = SimReport(
        targets=len(episodes),
        success_at_5=round(len(ok) / max(1, len(episodes)), 4),
        mean_turns=round(sum(e.turns if e.success else max_turns + 1 for e in episodes) / max(1, len(episodes)), 3),
        mean_turns_successful=round(sum(e.turns for e in ok) / len(ok), 3) if ok else None,
        constraint_violations=sum(e.violations for e in episodes),
        seconds=round(time.perf_counter() - started, 2),
    )
    return report, episodes


