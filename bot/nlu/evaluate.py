"""Measure an NLU model: held-out split, Bitext (real service utterances), WANDS (real search queries), latency."""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel

from bot.nlu.intents import INTENTS
from bot.nlu.predictor import NLU
from bot.nlu.train import evaluate_examples, load_heldout

BITEXT_MAP_FILE = Path(__file__).with_name("data") / "bitext_intent_map.yaml"
BITEXT_FILE = Path("bitext") / "bitext_customer_support_20k.csv"
WANDS_QUERIES = Path("wands") / "query.csv"
SEARCH_INTENTS = ("search_product", "refine")


def default_data_dir() -> Path:
    """``../shared/data`` next to the repository root."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def load_bitext_map(path: Path = BITEXT_MAP_FILE) -> dict[str, str]:
    mapping = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = {k: v for k, v in mapping.items() if v not in INTENTS}
    if bad:
        raise ValueError(f"bitext map targets unknown intents: {bad}")
    return mapping


class HeldoutReport(BaseModel):
    n: int
    intent_accuracy: float
    intent_macro_f1: float
    slot_precision: float
    slot_recall: float
    slot_f1: float


class BitextReport(BaseModel):
    n: int
    accuracy: float
    per_intent: dict[str, float]
    confusions: dict[str, int]


class WandsReport(BaseModel):
    n: int
    search_fraction: float
    search_product_fraction: float
    misclassified: list[tuple[str, str]]


class LatencyReport(BaseModel):
    single_ms: float
    batched_ms_per_message: float
    batch_size: int
    threads: int


class NLUEvalReport(BaseModel):
    """The JSON printed by ``shopbot eval nlu --json``."""

    model: str
    heldout: HeldoutReport | None = None
    bitext: BitextReport | None = None
    wands: WandsReport | None = None
    latency: LatencyReport | None = None


def evaluate_bitext(nlu: NLU, csv_path: Path, limit: int | None = None, seed: int = 0) -> BitextReport:
    """Accuracy of mapped Bitext intents (optionally a stratified sample of ``limit`` utterances)."""
    mapping = load_bitext_map()
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [(r["utterance"], r["intent"]) for r in csv.DictReader(fh)]
    if limit and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    predictions = nlu.predict_batch([u for u, _ in rows])
    correct: Counter = Counter()
    total: Counter = Counter()
    confusions: Counter = Counter()
    for (utterance, source), prediction in zip(rows, predictions):
        expected = mapping.get(source, "out_of_scope")
        total[source] += 1
        if prediction.intent == expected:
            correct[source] += 1
        else:
            confusions[f"{source}->{prediction.intent}"] += 1
    n = sum(total.values())
    return BitextReport(
        n=n,
        accuracy=round(sum(correct.values()) / max(1, n), 4),
        per_intent={k: round(correct[k] / total[k], 4) for k in sorted(total)},
        confusions=dict(confusions.most_common(15)),
    )


def evaluate_wands(nlu: NLU, query_path: Path) -> WandsReport:
    """Fraction of WANDS shopper queries understood as a product search."""
    with query_path.open(encoding="utf-8", newline="") as fh:
        queries = [r["query"] for r in csv.DictReader(fh, delimiter="\t") if r.get("query")]
    predictions = nlu.predict_batch(queries)
    search = [p.intent in SEARCH_INTENTS for p in predictions]
    wrong = [(q, p.intent) for q, p, ok in zip(queries, predictions, search) if not ok]
    return WandsReport(
        n=len(queries),
        search_fraction=round(sum(search) / max(1, len(queries)), 4),
        search_product_fraction=round(sum(p.intent == "search_product" for p in predictions) / max(1, len(queries)), 4),
        misclassified=wrong[:20],
    )


LATENCY_MESSAGES = [
    "a grey sofa under $800 for a small flat", "cheaper", "not IKEA", "is the second one waterproof?",
    "where is my package", "i need to speak with someone", "compare the first and third", "thanks!",
]


def measure_latency(nlu: NLU, repeats: int = 20, batch_size: int = 32) -> LatencyReport:
    """Median single-message latency and per-message latency in batches, in milliseconds."""
    for text in LATENCY_MESSAGES:  # warm-up
        nlu.predict(text)
    timings = []
    for i in range(repeats):
        start = time.perf_counter()
        nlu.predict(LATENCY_MESSAGES[i % len(LATENCY_MESSAGES)])
        timings.append(time.perf_counter() - start)
    timings.sort()
    batch = [LATENCY_MESSAGES[i % len(LATENCY_MESSAGES)] for i in range(batch_size)]
    start = time.perf_counter()
    for _ in range(3):
        nlu.predict_batch(batch)
    per_message = (time.perf_counter() - start) / (3 * batch_size)
    import torch

    return LatencyReport(single_ms=round(timings[len(timings) // 2] * 1000, 2),
                         batched_ms_per_message=round(per_message * 1000, 2), batch_size=batch_size,
                         threads=torch.get_num_threads())


def evaluate_model(model_dir: Path, data_dir: Path | None = None, *, bitext_limit: int | None = None,
                   latency: bool = True, device: str | None = None, threads: int | None = None) -> NLUEvalReport:
    """Every measurement available for a model directory (Bitext / WANDS when their files exist)."""
    if threads:
        import torch

        torch.set_num_threads(threads)
    nlu = NLU.load(model_dir, device=device)
    report = NLUEvalReport(model=str(model_dir))
    heldout = load_heldout(model_dir)
    if heldout:
        report.heldout = HeldoutReport(**{k: v for k, v in evaluate_examples(nlu, heldout).items()})
    data_dir = data_dir or default_data_dir()
    if (data_dir / BITEXT_FILE).is_file():
        report.bitext = evaluate_bitext(nlu, data_dir / BITEXT_FILE, limit=bitext_limit)
    if (data_dir / WANDS_QUERIES).is_file():
        report.wands = evaluate_wands(nlu, data_dir / WANDS_QUERIES)
    if latency:
        report.latency = measure_latency(nlu)
    return report


def format_report(report: NLUEvalReport) -> str:
    """A short human-readable summary."""
    lines = [f"NLU model: {report.model}"]
    if report.heldout:
        h = report.heldout
        lines.append(f"held-out ({h.n}): intent accuracy {h.intent_accuracy:.3f}  macro-F1 {h.intent_macro_f1:.3f}  "
                     f"slot F1 {h.slot_f1:.3f} (P {h.slot_precision:.3f} R {h.slot_recall:.3f})")
    if report.bitext:
        b = report.bitext
        lines.append(f"Bitext ({b.n}): mapped intent accuracy {b.accuracy:.3f}")
        worst = sorted(b.per_intent.items(), key=lambda kv: kv[1])[:5]
        lines.append("  weakest: " + ", ".join(f"{k} {v:.2f}" for k, v in worst))
    else:
        lines.append("Bitext: not found (skipped)")
    if report.wands:
        w = report.wands
        lines.append(f"WANDS ({w.n} queries): search {w.search_fraction:.3f}  (search_product {w.search_product_fraction:.3f})")
    else:
        lines.append("WANDS: not found (skipped)")
    if report.latency:
        lat = report.latency
        lines.append(f"latency: {lat.single_ms:.1f} ms single, {lat.batched_ms_per_message:.2f} ms/message batched "
                     f"({lat.batch_size}), {lat.threads} thread(s)")
    return "\n".join(lines)


