"""Benchmark indexing and store latency on a synthetic catalog.

    python -m retrieval.bench --products 43000 [--home DIR] [--queries 300] [--store edge|qdrant]

Generates a scaled demo catalog (``scaled_demo_catalog``), indexes it through
``Retriever.open`` (embedding included, disk embedding cache bypassed with a
fresh home), then measures the store query time (no embedding) of hybrid,
dense and BM25 searches with and without filters. Prints one JSON object.

``--embed-sample N`` (for a busy machine): embeds only N random products to
measure the embedding throughput (and extrapolates the embedding time); the
other products get the vector of the demo product they vary plus noise, so
the index keeps realistic clusters. Store indexing time is measured in full.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bot.config import Settings
from retrieval.demo_catalog import generate_demo_catalog, scaled_demo_catalog
from retrieval.metrics import percentile
from retrieval.retriever import Retriever
from retrieval.types import SearchFilter, SearchQuery

QUERIES = ("grey sofa", "office chair with lumbar support", "round oak dining table", "blackout curtains",
           "king size platform bed", "waterproof patio chairs", "mid-century walnut dresser", "jute area rug 8x10",
           "brass floor lamp", "memory foam mattress queen", "velvet accent chair", "standing desk",
           "cheap bookcase", "tv stand for 65 inch tv", "linen duvet cover", "outdoor dining set for 6")
FILTERS = (
    SearchFilter(),
    SearchFilter(price_max=800),
    SearchFilter(price_max=500, exclude_brands=["IKEA"], in_stock_only=True),
    SearchFilter(categories=["Sofas", "Sectionals"], colors=["grey", "charcoal"]),
    SearchFilter(min_rating=4.5, styles=["modern", "scandinavian"]),
)


def _sampled_index(settings: Settings, n: int, sample: int, result: dict) -> Retriever:
    import numpy as np

    from retrieval.edge_store import EdgeStore
    from retrieval.embedding import Embedder

    products = scaled_demo_catalog(n)
    embedder = Embedder(settings, use_disk_cache=False)
    embedder.embed_texts(["warm up"])
    rng = np.random.default_rng(0)
    picked = rng.choice(len(products), size=min(sample, len(products)), replace=False)
    started = time.perf_counter()
    embedder.embed_texts([products[i].text() for i in picked], progress=True)
    seconds = time.perf_counter() - started
    result["embed_sample"] = len(picked)
    result["embed_texts_per_s"] = round(len(picked) / seconds, 1)
    result["embed_seconds_extrapolated"] = round(seconds * len(products) / len(picked), 1)
    per_round = len(generate_demo_catalog())  # product i varies product i % per_round of the demo catalog
    base_vecs = embedder.embed_texts([p.text() for p in products[:per_round]])
    vecs = base_vecs[np.arange(len(products)) % per_round] + rng.normal(0, 0.02, (len(products), 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    started = time.perf_counter()
    store = EdgeStore(settings.index_dir / f"bench-{n}")
    store.upsert(products, vecs, progress=True)
    store.optimize()
    result["store_index_seconds"] = round(time.perf_counter() - started, 1)
    result["index_seconds_estimate"] = round(result["store_index_seconds"] + result["embed_seconds_extrapolated"], 1)
    return Retriever(store, embedder, store.products)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=43_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--home", type=Path, default=None, help="default: a fresh temporary directory")
    parser.add_argument("--store", choices=("edge", "qdrant"), default="edge")
    parser.add_argument("--qdrant-url", default=None)
    parser.add_argument("--embed-sample", type=int, default=0, help="embed only N products (see above)")
    args = parser.parse_args(argv)

    home = args.home or Path(tempfile.mkdtemp(prefix="shopbot-bench-"))
    settings = Settings(home=home, store=args.store, qdrant_url=args.qdrant_url)
    home.mkdir(parents=True, exist_ok=True)
    catalog = home / f"synthetic-{args.products}.jsonl"
    if not catalog.exists():
        with catalog.open("w", encoding="utf-8") as fh:
            for p in scaled_demo_catalog(args.products):
                fh.write(p.model_dump_json() + "\n")
    result: dict = {}
    if args.embed_sample:
        retriever = _sampled_index(settings, args.products, args.embed_sample, result)
    else:
        started = time.perf_counter()
        retriever = Retriever.open(settings, catalog)
        result["open_seconds"] = round(time.perf_counter() - started, 1)
        result["index_seconds"] = round(retriever.built_seconds, 1)
    rng = random.Random(0)
    vectors = {q: retriever.embed_query(q).tolist() for q in QUERIES}
    result.update({"products": retriever.store.count(), "store": args.store,
                   "embedding_model": retriever.embedder.model_id})
    for mode in ("hybrid", "dense", "bm25"):
        for label, filters in (("unfiltered", FILTERS[:1]), ("filtered", FILTERS[1:])):
            times = []
            for _ in range(args.queries):
                text = rng.choice(QUERIES)
                query = SearchQuery(text=text, dense=vectors[text], filter=rng.choice(filters), limit=100, mode=mode)
                retriever.store.search(query)
                times.append(retriever.last_query_ms)
            result[f"{mode}_{label}"] = {"p50_ms": round(percentile(times, 50), 3), "p99_ms": round(percentile(times, 99), 3)}
    retriever.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
