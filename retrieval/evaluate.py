"""Evaluate retrieval on WANDS: nDCG@10 and recall@100 for hybrid, BM25 only
and dense only, computed in one run on the same index."""

from __future__ import annotations

from pathlib import Path

from tqdm.auto import tqdm

from bot.errors import UserFacingError
from retrieval.hybrid import FusionConfig
from retrieval.metrics import ndcg_at_k, percentile, recall_at_k
from retrieval.retriever import Retriever
from retrieval.types import SearchQuery
from retrieval.wands import WandsQuery, load_wands_labels, load_wands_queries

# result key -> (search mode, fusion override); hybrid_rrf shows the alternative fusion for comparison
VARIANTS = {
    "hybrid": ("hybrid", None),
    "bm25_only": ("bm25", None),
    "dense_only": ("dense", None),
    "hybrid_rrf": ("hybrid", FusionConfig(method="rrf")),
}


def check_wands_dir(directory: Path) -> None:
    missing = [n for n in ("product.csv", "query.csv", "label.csv") if not (directory / n).exists()]
    if missing:
        raise UserFacingError(
            f"WANDS directory {directory} lacks {', '.join(missing)}: retrieval evaluation needs the product table "
            "and the relevance labels (see ../shared/data/README.md)"
        )


def evaluate_queries(retriever: Retriever, queries: list[WandsQuery], labels: dict[str, dict[str, int]], *,
                     limit: int = 100, progress: bool = True) -> dict:
    """Metrics per mode over the judged queries, plus store latency (no embedding)."""
    judged = [q for q in queries if labels.get(q.id)]
    vectors = retriever.embedder.embed_texts([q.text for q in judged], progress=progress, desc="embedding queries")
    result: dict = {"queries": len(judged), "skipped_unjudged": len(queries) - len(judged)}
    store = retriever.store
    default_fusion = getattr(store, "fusion", None)
    for name, (mode, fusion) in VARIANTS.items():
        if fusion is not None and default_fusion is None:
            continue
        ndcgs, recalls, times = [], [], []
        store.fusion = fusion or default_fusion
        try:
            for q, vec in tqdm(list(zip(judged, vectors)), desc=f"eval {name}", disable=not progress, leave=False):
                candidates = store.search(SearchQuery(text=q.text, dense=vec.tolist(), limit=limit, mode=mode))
                times.append(retriever.last_query_ms)
                ranked = [c.product.id for c in candidates]
                ndcgs.append(ndcg_at_k(ranked, labels[q.id], 10))
                recalls.append(recall_at_k(ranked, labels[q.id], 100))
        finally:
            store.fusion = default_fusion
        n = max(1, len(judged))
        result[name] = {"ndcg@10": round(sum(ndcgs) / n, 4), "recall@100": round(sum(recalls) / n, 4),
                        "p50_ms": round(percentile(times, 50), 3), "p99_ms": round(percentile(times, 99), 3)}
    result["fusion"] = default_fusion.model_dump() if default_fusion is not None else None
    result["p50_ms"] = result["hybrid"]["p50_ms"]
    result["p99_ms"] = result["hybrid"]["p99_ms"]
    return result


def evaluate_wands(retriever: Retriever, directory: Path, *, limit_queries: int | None = None,
                   progress: bool = True) -> dict:
    queries = load_wands_queries(directory)
    if limit_queries:
        queries = queries[:limit_queries]
    return evaluate_queries(retriever, queries, load_wands_labels(directory), progress=progress)
