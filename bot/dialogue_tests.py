"""Scripted dialogue tests: YAML conversations with expectations on every turn.

File format::

    name: Product search
    catalog: demo                     # optional; a catalog path (relative to this file) or "demo"
    dialogues:
      - name: grey sofa under budget
        turns:
          - user: "I'm looking for a grey sofa under $800"
            expect:
              intent: search_product               # a name or a list of accepted names
              slots: {category: sofa, price_max: 800}   # subset match; numbers compared numerically
              action: [recommend, clarify]         # a name or a list
              min_products: 1
              products:                            # every shown product must satisfy each
                - price <= 800
                - color contains grey
              text_contains: [sofa]                # case-insensitive; an inner list = any of
          - user: "anything not from IKEA?"
            expect: {action: refine, products: ["brand != IKEA", "price <= 800"]}
          - like: 1                                # press "like" on the 1st shown product
            expect: {action: feedback}

Constraint operators: ``<= < >= > == != contains "not contains" in "not in"``
(parsed, never evaluated). Fields are the card's (price, brand, category,
rating, title, id, score) and the catalog's (color, material, style, size,
review_count, in_stock, attributes.<key>); ``< <= > >=`` compare a value with a
unit by its number ('85"', "300 lbs"), and a size given as measures
('70" W x 39" D x 36" H') by its width. Other expectations:
``min_products``, ``max_products``, ``text_matches`` (regex), ``handoff: true``.

Run: ``shopbot test-dialogues PATH [--json] [--url http://host:port]``;
from Python: ``await run_dialogue_file(path, assistant)``; from pytest:
``dialogue_files(folder)`` + ``assert_dialogue_file`` (one test per file, its dialogues run concurrently),
``dialogue_file_groups(folder)`` + ``assert_dialogue_files`` (one test per round of files, played together)
or ``dialogue_cases(folder)`` + ``run_dialogue_case`` (one test per dialogue).
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import sys
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import UserFacingError
from bot.models import ProductCard, Reply

ProductLookup = Callable[[str], Mapping[str, Any] | None]

# ---------------------------------------------------------------------------
# product constraints ("price <= 300", "brand != IKEA", "category contains sofa")

NUMERIC_OPS = ("<=", "<", ">=", ">")
WORD_OPS = ("not contains", "contains", "not in", "in")
# a field is a card / catalog field, or attributes.<key> where the key may have spaces ("attributes.pet friendly")
_FIELD = r"(?P<field>attributes\.[\w'/&-]+(?:\s+[\w'/&-]+)*?|[A-Za-z_][\w.]*)"
_SYMBOL_RE = re.compile(rf"^\s*{_FIELD}\s*(?P<op><=|>=|==|!=|<|>)\s*(?P<value>.+?)\s*$")
_WORD_RE = re.compile(
    rf"^\s*{_FIELD}\s+(?P<op>not\s+contains|contains|not\s+in|in)\s+(?P<value>.+?)\s*$", re.IGNORECASE
)
NEGATIVE_OPS = ("!=", "not contains", "not in")


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if not (isinstance(value, float) and math.isnan(value)) else None
    if isinstance(value, str):
        # a number with its unit compares as the number: '85"' (fits TVs up to), "300 lbs", "120 nights"
        said = _NUMBER_WITH_UNIT.fullmatch(value.strip().replace("$", "").replace(",", ""))
        return float(said.group(1)) if said else None
    return None


_WIDTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:\"|''|”|in|cm)?\s*W\b")
_NUMBER_WITH_UNIT = re.compile(r"(-?\d+(?:\.\d+)?)\s*(?:\"|''|”|'|in|inch|inches|cm|ft|feet|lbs?|pounds|kg|years?|nights?|%)?")


class ProductConstraint(BaseModel):
    """One parsed constraint; ``check`` returns None when satisfied, else the reason."""

    source: str
    field: str
    op: str
    value: str | float | list[str]

    @classmethod
    def parse(cls, text: str) -> "ProductConstraint":
        if not isinstance(text, str):
            raise ValueError(f"a product constraint must be a string like 'price <= 300', got {text!r}")
        match = _WORD_RE.match(text) or _SYMBOL_RE.match(text)
        if not match:
            raise ValueError(
                f"cannot read product constraint {text!r}: expected 'FIELD OP VALUE' with OP one of "
                "<=, <, >=, >, ==, !=, contains, not contains, in, not in"
            )
        field, op, raw = match.group("field").lower(), " ".join(match.group("op").lower().split()), match.group("value")
        value: str | float | list[str]
        if op in ("in", "not in"):
            inner = raw.strip()
            if inner[:1] in "[(" and inner[-1:] in "])":
                inner = inner[1:-1]
            value = [_unquote(v) for v in inner.split(",") if _unquote(v)]
            if not value:
                raise ValueError(f"empty list in constraint {text!r}")
        elif op in NUMERIC_OPS:
            number = _as_number(_unquote(raw))
            if number is None:
                raise ValueError(f"{op} needs a number in constraint {text!r}")
            value = number
        else:
            value = _unquote(raw)
            if value == "":
                raise ValueError(f"missing value in constraint {text!r}")
        return cls(source=text.strip(), field=field, op=op, value=value)

    def check(self, values: list[Any]) -> str | None:
        """``values``: the product's value(s) for the field (several for category paths)."""
        present = [v for v in values if v is not None and v != ""]
        shown = ", ".join(str(v) for v in present) if present else "unknown"
        if not present:
            if self.op in NEGATIVE_OPS:
                return None  # a product without a brand is not "IKEA"
            return f"{self.field} is unknown"
        if self.op in NUMERIC_OPS:
            numbers = [n for n in (_as_number(v) for v in present) if n is not None]
            if not numbers and self.field == "size":  # '70" W x 39" D x 36" H': the width
                numbers = [float(m.group(1)) for v in present if (m := _WIDTH.match(str(v)))]
            if not numbers:
                return f"{self.field} = {shown} is not a number"
            ok = all(_compare(n, self.op, float(self.value)) for n in numbers)  # type: ignore[arg-type]
            return None if ok else f"{self.field} = {shown}"
        if self.op in ("==", "!="):
            equal = any(_equal(v, self.value) for v in present)
            ok = equal if self.op == "==" else not equal
        elif self.op in ("contains", "not contains"):
            needle = str(self.value).lower()
            contained = any(needle in _text(v) for v in present)
            ok = contained if self.op == "contains" else not contained
        else:  # in / not in
            member = any(_equal(v, option) for v in present for option in self.value)  # type: ignore[union-attr]
            ok = member if self.op == "in" else not member
        return None if ok else f"{self.field} = {shown}"


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " > ".join(str(v) for v in value).lower()
    return str(value).lower()


def _equal(actual: Any, expected: Any) -> bool:
    a, e = _as_number(actual), _as_number(expected)
    if a is not None and e is not None:
        return math.isclose(a, e, rel_tol=1e-6, abs_tol=1e-6)
    return _text(actual).strip() == _text(expected).strip()


def _compare(actual: float, op: str, expected: float) -> bool:
    eps = 1e-9
    return {
        "<=": actual <= expected + eps,
        "<": actual < expected,
        ">=": actual >= expected - eps,
        ">": actual > expected,
    }[op]


CARD_FIELDS = ("id", "title", "price", "brand", "category", "rating", "image_url", "score")


def product_values(card: ProductCard, field: str, lookup: ProductLookup | None) -> list[Any]:
    """The value(s) of ``field`` for a shown product: from the card, else from the catalog record."""
    record: Mapping[str, Any] | None = None
    if lookup is not None:
        try:
            record = lookup(card.id)
        except Exception:  # a broken lookup must not crash the run
            record = None
    if field == "category":
        values: list[Any] = [card.category]
        if record and record.get("category"):
            cat = record["category"]
            values += list(cat) if isinstance(cat, (list, tuple)) else [cat]
        return values
    if field in CARD_FIELDS and getattr(card, field) is not None:
        return [getattr(card, field)]
    if record is None:
        return []
    if field.startswith("attributes."):
        return [(record.get("attributes") or {}).get(field.split(".", 1)[1])]
    if field in record:
        return [record[field]]
    return [(record.get("attributes") or {}).get(field)]


# ---------------------------------------------------------------------------
# the YAML schema


def _one_or_many(value: Any) -> list[str] | None:
    if value is None:
        return None
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


class Expect(BaseModel):
    """What one turn must do. Every field is optional; an empty expect only checks the turn runs."""

    model_config = ConfigDict(extra="forbid")

    intent: list[str] | None = None
    slots: dict[str, Any] | None = None
    action: list[str] | None = None
    products: list[ProductConstraint] = Field(default_factory=list)
    min_products: int | None = Field(default=None, ge=0)
    max_products: int | None = Field(default=None, ge=0)
    text_contains: list[str | list[str]] = Field(default_factory=list)
    text_matches: str | None = None
    handoff: bool | None = None

    @field_validator("intent", "action", mode="before")
    @classmethod
    def _names(cls, v):
        return _one_or_many(v)

    @field_validator("products", mode="before")
    @classmethod
    def _constraints(cls, v):
        if v is None:
            return []
        if isinstance(v, str):
            v = [v]
        return [c if isinstance(c, ProductConstraint) else ProductConstraint.parse(c) for c in v]

    @field_validator("text_contains", mode="before")
    @classmethod
    def _contains(cls, v):
        if v is None:
            return []

        def text(item):
            # YAML reads a bare yes / no as a boolean and 100 as a number: the text meant is "yes" / "100"
            if isinstance(item, bool):
                return "yes" if item else "no"
            return str(item) if isinstance(item, (int, float)) else item

        items = [v] if not isinstance(v, list) else v
        return [[text(i) for i in item] if isinstance(item, list) else text(item) for item in items]

    @field_validator("text_matches")
    @classmethod
    def _regex(cls, v):
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"bad regex {v!r}: {exc}") from exc
        return v


class Turn(BaseModel):
    """A shopper message (``user``) or a button press on a shown card (``like`` / ``dislike``: 1-based position)."""

    model_config = ConfigDict(extra="forbid")

    user: str | None = None
    like: int | None = Field(default=None, ge=1)
    dislike: int | None = Field(default=None, ge=1)
    expect: Expect = Field(default_factory=Expect)

    @model_validator(mode="after")
    def _one_kind(self) -> "Turn":
        if sum(x is not None for x in (self.user, self.like, self.dislike)) != 1:
            raise ValueError("a turn needs exactly one of 'user', 'like' or 'dislike'")
        return self

    def describe(self) -> str:
        if self.user is not None:
            return json.dumps(self.user, ensure_ascii=False)
        return f"[like #{self.like}]" if self.like else f"[dislike #{self.dislike}]"


class Dialogue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    turns: list[Turn] = Field(min_length=1)


class DialogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    catalog: str | None = None
    dialogues: list[Dialogue] = Field(min_length=1)


def load_dialogue_file(path: str | Path) -> DialogueFile:
    """Read and validate one YAML file; errors name the file and the bad field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserFacingError(f"cannot read {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise UserFacingError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return DialogueFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UserFacingError(f"{path}: {where}: {first['msg']}") from exc


def find_dialogue_files(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    raise UserFacingError(f"no such file or folder: {path}")


# ---------------------------------------------------------------------------
# results


class TurnResult(BaseModel):
    index: int
    said: str
    passed: bool
    failures: list[str] = Field(default_factory=list)
    intent: str | None = None
    action: str | None = None
    slots: dict[str, Any] = Field(default_factory=dict)
    products: list[str] = Field(default_factory=list)
    text: str = ""


class DialogueResult(BaseModel):
    name: str
    file: str
    passed: bool
    turns: list[TurnResult]


class DialogueReport(BaseModel):
    file: str
    name: str
    dialogues: list[DialogueResult]

    @property
    def passed(self) -> bool:
        return all(d.passed for d in self.dialogues)

    def counts(self) -> dict[str, int]:
        turns = [t for d in self.dialogues for t in d.turns]
        return {
            "dialogues": len(self.dialogues),
            "dialogues_passed": sum(d.passed for d in self.dialogues),
            "turns": len(turns),
            "turns_passed": sum(t.passed for t in turns),
        }

    def to_text(self, *, verbose: bool = False) -> str:
        c = self.counts()
        lines = [f"{self.file} — {self.name}: {c['dialogues_passed']}/{c['dialogues']} dialogues passed"]
        for d in self.dialogues:
            lines.append(f"  {'✓' if d.passed else '✗'} {d.name} ({len(d.turns)} turns)")
            for t in d.turns:
                if t.passed and not verbose:
                    continue
                lines.append(
                    f"      turn {t.index} {t.said} -> intent={t.intent} action={t.action} "
                    f"products={len(t.products)} {'ok' if t.passed else 'FAILED'}"
                )
                if not t.passed:
                    lines.append(f"        reply: {t.text[:160]!r}")
                lines += [f"        - {f}" for f in t.failures]
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# checking one reply


def _slot_matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, (list, tuple)):
        if not isinstance(actual, (list, tuple)) or len(actual) != len(expected):
            return False
        return all(_slot_matches(e, a) for e, a in zip(expected, actual))
    return _equal(actual, expected)


def check_reply(expect: Expect, reply: Reply, lookup: ProductLookup | None = None) -> list[str]:
    """Every way ``reply`` misses ``expect`` (empty when it passes)."""
    failures: list[str] = []
    if expect.intent and reply.intent.name not in expect.intent:
        failures.append(f"intent {reply.intent.name!r} not in {expect.intent}")
    if expect.action and reply.action not in expect.action:
        failures.append(f"action {reply.action!r} not in {expect.action}")
    if expect.handoff is not None and (reply.action == "handoff") != expect.handoff:
        failures.append("expected a handoff to a human" if expect.handoff else "unexpected handoff")
    for name, value in (expect.slots or {}).items():
        if name not in reply.slots:
            failures.append(f"slot {name} missing (expected {value!r}; got {reply.slots})")
        elif not _slot_matches(value, reply.slots[name]):
            failures.append(f"slot {name} = {reply.slots[name]!r}, expected {value!r}")
    n = len(reply.products)
    if expect.min_products is not None and n < expect.min_products:
        failures.append(f"{n} products shown, expected at least {expect.min_products}")
    if expect.max_products is not None and n > expect.max_products:
        failures.append(f"{n} products shown, expected at most {expect.max_products}")
    for constraint in expect.products:
        for card in reply.products:
            problem = constraint.check(product_values(card, constraint.field, lookup))
            if problem:
                failures.append(f"product {card.id} {card.title!r} fails '{constraint.source}' ({problem})")
    lowered = reply.text.lower()
    for needle in expect.text_contains:
        options = [needle] if isinstance(needle, str) else needle
        if not any(o.lower() in lowered for o in options):
            failures.append(f"text does not contain {' or '.join(repr(o) for o in options)}")
    if expect.text_matches and not re.search(expect.text_matches, reply.text, re.IGNORECASE | re.DOTALL):
        failures.append(f"text does not match /{expect.text_matches}/")
    return failures


# ---------------------------------------------------------------------------
# running


def catalog_lookup(catalog: str | None, base_dir: Path | None = None) -> ProductLookup:
    """A lookup over a catalog file ("demo"/None = the demo catalog), for attributes cards do not carry."""
    from retrieval.loaders import load_catalog

    if catalog in (None, "", "demo"):
        from retrieval.demo_catalog import DEMO_CATALOG_PATH

        path = DEMO_CATALOG_PATH
    else:
        path = Path(catalog)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
    products = {p.id: p.model_dump() for p in load_catalog(path).products}
    return products.get


def assistant_lookup(assistant: Any) -> ProductLookup | None:
    """Use the assistant's own catalog when it exposes one (``get_product`` or ``retriever.products``)."""
    getter = getattr(assistant, "get_product", None)
    if callable(getter):

        def lookup(pid: str):
            found = getter(pid)
            return found.model_dump() if hasattr(found, "model_dump") else found

        return lookup
    products = getattr(getattr(assistant, "retriever", None), "products", None)
    if isinstance(products, Mapping):
        return lambda pid: (p.model_dump() if (p := products.get(pid)) is not None else None)
    return None


async def run_dialogue(
    dialogue: Dialogue, assistant: Any, *, file: str = "", lookup: ProductLookup | None = None
) -> DialogueResult:
    """Play one dialogue in a fresh session (forgotten afterwards)."""
    session_id = f"dialogue-test-{uuid.uuid4().hex[:12]}"
    shown: list[ProductCard] = []
    results: list[TurnResult] = []
    try:
        for i, turn in enumerate(dialogue.turns, start=1):
            try:
                if turn.user is not None:
                    reply = await assistant.handle(session_id, turn.user)
                else:
                    position = turn.like or turn.dislike
                    if position > len(shown):
                        results.append(TurnResult(index=i, said=turn.describe(), passed=False,
                                                  failures=[f"no product #{position} was shown (only {len(shown)})"]))
                        continue
                    reply = await assistant.feedback(session_id, shown[position - 1].id, turn.like is not None)
            except Exception as exc:  # report, keep going with the other dialogues
                results.append(TurnResult(index=i, said=turn.describe(), passed=False,
                                          failures=[f"the assistant raised {type(exc).__name__}: {exc}"]))
                break
            if reply.products:
                shown = list(reply.products)
            failures = check_reply(turn.expect, reply, lookup)
            results.append(
                TurnResult(
                    index=i, said=turn.describe(), passed=not failures, failures=failures, intent=reply.intent.name,
                    action=reply.action, slots=reply.slots, products=[p.id for p in reply.products], text=reply.text,
                )
            )
    finally:
        try:
            await assistant.forget(session_id)
        except Exception:
            pass
    passed = len(results) == len(dialogue.turns) and all(r.passed for r in results)
    return DialogueResult(name=dialogue.name, file=file, passed=passed, turns=results)


async def run_dialogue_file(
    path: str | Path,
    assistant: Any,
    *,
    lookup: ProductLookup | None = None,
    on_dialogue: Callable[[DialogueResult], None] | None = None,
    concurrency: int = 1,
    slots: asyncio.Semaphore | None = None,
) -> DialogueReport:
    """Run every dialogue of one YAML file against ``assistant`` (anything with handle/feedback/forget).

    ``on_dialogue`` is called after each dialogue (progress bars). With ``concurrency`` > 1, that many
    dialogues are played at once, each in its own session (as that many shoppers would); the report keeps
    the file's order. ``slots`` (instead of ``concurrency``) bounds several files played together.
    """
    path = Path(path)
    spec = load_dialogue_file(path)
    if lookup is None:
        lookup = assistant_lookup(assistant) if spec.catalog in (None, "demo") else None
        if lookup is None:
            lookup = catalog_lookup(spec.catalog, path.parent)
    slots = slots or asyncio.Semaphore(max(1, concurrency))

    async def play(dialogue: Dialogue) -> DialogueResult:
        async with slots:
            result = await run_dialogue(dialogue, assistant, file=str(path), lookup=lookup)
        if on_dialogue is not None:
            on_dialogue(result)
        return result

    results = list(await asyncio.gather(*(play(d) for d in spec.dialogues)))
    return DialogueReport(file=str(path), name=spec.name, dialogues=results)


# ---------------------------------------------------------------------------
# pytest helpers


class DialogueCase(BaseModel):
    file: Path
    dialogue: Dialogue
    catalog: str | None = None

    @property
    def id(self) -> str:
        return f"{self.file.stem}::{self.dialogue.name}"


def dialogue_cases(folder: str | Path) -> list[Any]:
    """``pytest.param`` per dialogue of every YAML file under ``folder`` (for ``@pytest.mark.parametrize``)."""
    import pytest

    params = []
    for path in find_dialogue_files(folder):
        spec = load_dialogue_file(path)
        for dialogue in spec.dialogues:
            case = DialogueCase(file=path, dialogue=dialogue, catalog=spec.catalog)
            params.append(pytest.param(case, id=case.id))
    return params


def dialogue_files(folder: str | Path) -> list[Any]:
    """``pytest.param`` per YAML file under ``folder`` (for ``@pytest.mark.parametrize`` with ``assert_dialogue_file``)."""
    import pytest

    return [pytest.param(path, id=path.stem) for path in find_dialogue_files(folder)]


_ROUND = re.compile(r"^(shoppers_[a-z0-9]+)_")


def dialogue_file_groups(folder: str | Path) -> list[Any]:
    """``pytest.param`` per group of YAML files under ``folder`` (for ``assert_dialogue_files``): the files of
    one round of testers (``shoppers_<round>_*.yaml``) form one group, every other file is a group alone.

    A group's dialogues are played together, so many more sessions share each batched model call than a
    single file has."""
    import pytest

    groups: dict[str, list[Path]] = {}
    for path in find_dialogue_files(folder):
        match = _ROUND.match(path.stem)
        groups.setdefault(match.group(1) if match else path.stem, []).append(path)
    return [pytest.param(paths, id=name) for name, paths in groups.items()]


async def assert_dialogue_file(path: str | Path, assistant: Any, *, concurrency: int = 8) -> DialogueReport:
    """Run one file's dialogues (``concurrency`` at a time) and raise ``AssertionError`` naming each failed
    dialogue with its turns when any fails."""
    return (await assert_dialogue_files([path], assistant, concurrency=concurrency))[0]


async def assert_dialogue_files(paths: Sequence[str | Path], assistant: Any, *,
                                concurrency: int = 32) -> list[DialogueReport]:
    """Run the dialogues of several files together (``concurrency`` at a time) and raise ``AssertionError``
    naming each failed dialogue, with its file and turns, when any fails."""
    slots = asyncio.Semaphore(max(1, concurrency))
    reports = list(await asyncio.gather(*(run_dialogue_file(p, assistant, slots=slots) for p in paths)))
    failed = [r.model_copy(update={"dialogues": [d for d in r.dialogues if not d.passed]}) for r in reports if not r.passed]
    if failed:
        total = sum(len(r.dialogues) for r in reports)
        raise AssertionError(f"\n{sum(len(r.dialogues) for r in failed)} of {total} dialogues failed\n"
                             + "\n".join(r.to_text(verbose=True) for r in failed))
    return reports


async def run_dialogue_case(case: DialogueCase, assistant: Any, *, lookup: ProductLookup | None = None) -> DialogueResult:
    """Run one case and raise ``AssertionError`` with a readable report when it fails."""
    if lookup is None:
        lookup = (assistant_lookup(assistant) if case.catalog in (None, "demo") else None) or catalog_lookup(
            case.catalog, case.file.parent
        )
    result = await run_dialogue(case.dialogue, assistant, file=str(case.file), lookup=lookup)
    if not result.passed:
        report = DialogueReport(file=str(case.file), name=case.dialogue.name, dialogues=[result])
        raise AssertionError("\n" + report.to_text(verbose=True))
    return result


# ---------------------------------------------------------------------------
# CLI: shopbot test-dialogues PATH [--json] [--url URL]


class HttpAssistant:
    """Runs dialogues through the HTTP API with :class:`bot.client.AsyncClient`."""

    def __init__(self, base_url: str):
        from bot.client import AsyncClient

        self.client = AsyncClient(base_url)

    async def handle(self, session_id: str, text: str, *, message_id: str | None = None) -> Reply:
        return await self.client.chat(session_id, text, message_id=message_id)

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        return await self.client.feedback(session_id, product_id, liked)

    async def forget(self, session_id: str) -> bool:
        return await self.client.forget(session_id)

    async def close(self) -> None:
        await self.client.close()


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    parser = sub.add_parser(
        "test-dialogues",
        help="run scripted YAML dialogues and check every turn",
        description="Run scripted dialogue tests (YAML). Exit code 1 when any turn fails.",
    )
    parser.add_argument("path", help="a YAML file or a folder of them")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    parser.add_argument("--url", help="run through the HTTP API at this base URL instead of in-process")
    parser.add_argument("--catalog", help="catalog for the in-process assistant (default: each file's, else the demo)")
    parser.add_argument("--verbose-turns", action="store_true", help="list passing turns too")
    parser.add_argument("--concurrency", type=int, default=None, metavar="N",
                        help="dialogues played at once, each in its own session (default: 4 in-process, 1 over --url)")
    parser.set_defaults(handler=_cli)


def _cli(args) -> int:
    import asyncio

    if args.concurrency is not None and args.concurrency < 1:
        raise UserFacingError("--concurrency must be at least 1")
    files = find_dialogue_files(args.path)
    if not files:
        raise UserFacingError(f"no .yaml dialogue files under {args.path}")
    specs = {path: load_dialogue_file(path) for path in files}  # fail early on a bad file
    reports = asyncio.run(_run_all(specs, args))
    total = {"files": len(reports), "dialogues": 0, "dialogues_passed": 0, "turns": 0, "turns_passed": 0}
    for r in reports:
        for k, v in r.counts().items():
            total[k] += v
    ok = all(r.passed for r in reports)
    if args.json:
        print(json.dumps({"passed": ok, "summary": total, "reports": [r.model_dump(mode="json") for r in reports]}))
    else:
        for r in reports:
            print(r.to_text(verbose=args.verbose_turns))
        print(
            f"\n{'PASSED' if ok else 'FAILED'}: {total['dialogues_passed']}/{total['dialogues']} dialogues, "
            f"{total['turns_passed']}/{total['turns']} turns in {total['files']} file(s)"
        )
    return 0 if ok else 1


def _catalog_key(spec: DialogueFile, path: Path, override: str | None) -> str | None:
    if override:
        return override
    if spec.catalog in (None, "demo"):
        return None
    catalog = Path(spec.catalog)
    return str(catalog if catalog.is_absolute() else (path.parent / catalog).resolve())


async def _run_all(specs: dict[Path, DialogueFile], args) -> list[DialogueReport]:
    from tqdm import tqdm

    reports: list[DialogueReport] = []
    bar = tqdm(total=sum(len(s.dialogues) for s in specs.values()), desc="dialogues", unit="dialogue", file=sys.stderr)
    tick = lambda _result: bar.update(1)  # noqa: E731
    try:
        if args.url:
            remote = HttpAssistant(args.url)
            try:
                for path in specs:
                    reports.append(await run_dialogue_file(path, remote, on_dialogue=tick, concurrency=args.concurrency or 1))
            finally:
                await remote.close()
            return reports
        return await _run_in_process(specs, args, tick)
    finally:
        bar.close()


async def _run_in_process(specs: dict[Path, DialogueFile], args, tick) -> list[DialogueReport]:
    reports: list[DialogueReport] = []
    from bot.assistant import Assistant
    from bot.config import Settings

    groups: dict[str | None, list[Path]] = {}
    for path, spec in specs.items():
        groups.setdefault(_catalog_key(spec, path, args.catalog), []).append(path)
    for catalog, paths in groups.items():
        print(f"loading the assistant (catalog: {catalog or 'demo'})…", file=sys.stderr)
        assistant = await Assistant.create(Settings.from_env(catalog=catalog))
        try:
            for path in paths:
                reports.append(await run_dialogue_file(path, assistant, on_dialogue=tick, concurrency=args.concurrency or 4))
        finally:
            await assistant.close()
    order = {str(p): i for i, p in enumerate(specs)}
    return sorted(reports, key=lambda r: order.get(r.file, 0))


__all__ = [
    "Dialogue",
    "DialogueCase",
    "DialogueFile",
    "DialogueReport",
    "DialogueResult",
    "Expect",
    "HttpAssistant",
    "ProductConstraint",
    "Turn",
    "TurnResult",
    "assert_dialogue_file",
    "catalog_lookup",
    "check_reply",
    "dialogue_cases",
    "dialogue_files",
    "find_dialogue_files",
    "load_dialogue_file",
    "register",
    "run_dialogue",
    "run_dialogue_case",
    "run_dialogue_file",
]

