"""Intent and slot metrics (slot F1 is span-level, like seqeval: type and boundaries must match)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def intent_accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold))


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean of per-label F1 over the labels present in ``gold``."""
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / max(1, len(scores))


def span_f1(gold: Iterable[Iterable[tuple[str, int, int]]], predicted: Iterable[Iterable[tuple[str, int, int]]]) -> dict[str, float]:
    """Micro precision / recall / F1 of exact (type, start, end) spans, per message."""
    tp = fp = fn = 0
    for gold_spans, pred_spans in zip(gold, predicted):
        g, p = set(gold_spans), set(pred_spans)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
