"""CLI: ``shopbot index`` and ``shopbot eval retrieval``."""

from __future__ import annotations

import json
import time
from pathlib import Path


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    index = sub.add_parser("index", help="index a catalog (default: the demo catalog)")
    index.add_argument("--catalog", type=Path, help="catalog file (CSV/JSONL/Parquet) or WANDS directory")
    index.add_argument("--format", choices=("wands", "csv", "jsonl", "parquet"), help="guessed from the path if omitted")
    index.add_argument("--mapping", type=Path, help="JSON/YAML file: product field -> source column")
    index.set_defaults(handler=run_index)

    ev = eval_sub.add_parser("retrieval", help="nDCG@10 / recall@100 on WANDS (hybrid vs BM25 vs dense)")
    ev.add_argument("--wands", type=Path, required=True, help="directory with product.csv, query.csv, label.csv")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument("--limit-queries", type=int, default=None, help="evaluate the first N queries only")
    ev.set_defaults(handler=run_eval)


def run_index(args) -> int:
    from bot.config import Settings
    from retrieval.loaders import load_mapping
    from retrieval.retriever import Retriever

    settings = Settings.from_env()
    started = time.perf_counter()
    retriever = Retriever.open(settings, args.catalog, args.format, load_mapping(args.mapping))
    try:
        built = "built" if retriever.index_seconds else "already up to date"
        print(f"index {built}: {retriever.store.count()} products at {retriever.index_path} "
              f"({time.perf_counter() - started:.1f} s)")
    finally:
        retriever.close()
    return 0


def run_eval(args) -> int:
    from bot.config import Settings
    from retrieval.evaluate import check_wands_dir, evaluate_wands
    from retrieval.retriever import Retriever

    check_wands_dir(args.wands)
    settings = Settings.from_env()
    retriever = Retriever.open(settings, args.wands, "wands", progress=not args.json)
    try:
        result = evaluate_wands(retriever, args.wands, limit_queries=args.limit_queries, progress=not args.json)
        result["index_seconds"] = round(retriever.built_seconds, 2)
        result["index_reused"] = retriever.index_seconds == 0
        result["products"] = retriever.store.count()
        result["store"] = settings.store
    finally:
        retriever.close()
    if args.json:
        print(json.dumps(result))
    else:
        for name in ("hybrid", "bm25_only", "dense_only"):
            r = result[name]
            print(f"{name:11s} nDCG@10 {r['ndcg@10']:.4f}  recall@100 {r['recall@100']:.4f}  "
                  f"p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms")
        print(f"{result['queries']} queries, {result['products']} products, index built in {result['index_seconds']} s")
    return 0
