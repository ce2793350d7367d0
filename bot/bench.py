"""``shopbot bench``: how fast a turn is, where the time goes, and what batching buys.

Every comparison is measured in the same run, on the same machine:
  turn_latency   per-stage p50/p95/p99 of whole turns (NLU, embedding, store query, re-rank, reply)
  throughput     turns/s through a real ``shopbot serve`` subprocess at 1, 16 and 64 concurrent sessions
  batching       NLU + query embedding + re-rank under 64 concurrent sessions, unbatched vs micro-batched (ratio)
  store_scaling  Qdrant Edge query latency and recall@10 vs exact search at several sizes (synthetic
                 vectors), and qdrant-client's local mode at the smallest size as the baseline (ratio)
  peak_rss_mb    peak memory of this process and of the server
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

TURN_SCRIPT = (
    "I'm looking for a {category}",
    "something under ${price}",
    "cheaper",
    "is the first one available in another colour?",
    "show me more",
    "more like #2",
    "compare 1 and 2",
    "I like the first one",
)


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "n": 0}
    arr = np.asarray(values) * 1000.0
    return {"p50": round(float(np.percentile(arr, 50)), 2), "p95": round(float(np.percentile(arr, 95)), 2),
            "p99": round(float(np.percentile(arr, 99)), 2), "n": len(values)}


def _scripts(products, n_sessions: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    eligible = [p for p in products if p.leaf_category]
    scripts = []
    for _ in range(n_sessions):
        p = rng.choice(eligible)
        price = int((p.price or 500) * 1.2)
        scripts.append([t.format(category=p.leaf_category.lower(), price=price) for t in TURN_SCRIPT])
    return scripts


# -- turn latency --------------------------------------------------------------------------
async def turn_latency(assistant, n_sessions: int = 25, seed: int = 0) -> dict[str, Any]:
    from bot.stages import collect_stages

    stages: dict[str, list[float]] = {}
    totals: list[float] = []
    for i, script in enumerate(_scripts(list(assistant.retriever.products.values()), n_sessions, seed)):
        sid = f"bench-lat-{seed}-{i}"
        for text in script:
            with collect_stages() as timings:
                started = time.perf_counter()
                await assistant.handle(sid, text)
                totals.append(time.perf_counter() - started)
            for name, seconds in timings.items():
                if name not in ("turn", "error"):
                    stages.setdefault(name, []).append(seconds)
        await assistant.forget(sid)
    return {"turn_ms": percentiles(totals), "stages_ms": {k: percentiles(v) for k, v in sorted(stages.items())}}


# -- batching ---------------------------------------------------------------------------------
async def batching(assistant, sessions: int = 64, rounds: int = 3) -> dict[str, Any]:
    """NLU + query embedding + re-rank for 64 concurrent sessions: one call per session vs micro-batched.

    The queries are embedded by the model each time (not from the query cache), as new messages would be."""
    from bot.batching import MicroBatcher
    from ranking.types import RankRequest
    from ranking.worker import BatchingReranker

    products = list(assistant.retriever.products.values())
    scripts = _scripts(products, sessions, seed=1)
    texts = [s[0] for s in scripts]
    requests = []
    for text in texts:
        candidates = assistant.retriever.search(text, limit=100)
        vectors = assistant.retriever.vectors([c.product.id for c in candidates])
        requests.append(RankRequest(candidates=candidates, candidate_vectors=np.asarray(vectors, dtype=np.float32),
                                    query_vector=np.asarray(assistant.retriever.embed_query(text), dtype=np.float32)))
    reranker = assistant.reranker.reranker

    async def run(batched: bool) -> float:
        nlu = MicroBatcher(assistant.nlu.predict_batch, max_batch=64 if batched else 1, max_wait_s=0.002 if batched else 0.0)
        embed = MicroBatcher(assistant.retriever.embedder.embed_texts, max_batch=64 if batched else 1,
                             max_wait_s=0.002 if batched else 0.0)
        ranker = BatchingReranker(reranker, batching=batched)

        async def one(text: str, request: RankRequest) -> None:
            await nlu.submit(text)
            await embed.submit(text)
            await ranker.rerank(request)

        await asyncio.gather(*(one(t, r) for t, r in zip(texts[:4], requests[:4])))  # warm-up
        started = time.perf_counter()
        for _ in range(rounds):
            await asyncio.gather(*(one(t, r) for t, r in zip(texts, requests)))
        elapsed = time.perf_counter() - started
        await nlu.close()
        await embed.close()
        await ranker.aclose()
        return sessions * rounds / elapsed

    unbatched = await run(False)
    batched = await run(True)
    return {"sessions": sessions, "unbatched_turns_per_s": round(unbatched, 1),
            "batched_turns_per_s": round(batched, 1), "speedup": round(batched / unbatched, 2)}


# -- throughput through shopbot serve ----------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _wait_ready(url: str, proc: subprocess.Popen, timeout: float = 900) -> None:
    import aiohttp

    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"shopbot serve exited with {proc.returncode}")
            try:
                async with http.get(f"{url}/readyz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
    raise TimeoutError("shopbot serve did not become ready")


async def throughput(settings, levels=(1, 16, 64), turns_per_session: int = 8) -> dict[str, Any]:
    """Turns/s with N concurrent sessions against a real server on loopback (bounded load)."""
    import aiohttp

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SHOPBOT_HOME=str(settings.home), HF_HUB_OFFLINE="1")
    cmd = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--rate", "0", "--ip-rate", "0",
           "--sessions", "memory"]
    if settings.catalog:
        cmd += ["--catalog", str(settings.catalog)] + (["--format", settings.catalog_format] if settings.catalog_format else [])
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results: dict[str, Any] = {}
    try:
        await _wait_ready(url, proc)
        products = list(_catalog_products(settings))
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
            for i, text in enumerate(_scripts(products, 2, seed=99)[0] * 2):  # warm-up: first-call costs are not throughput
                async with http.post(f"{url}/v1/chat", json={"session_id": f"warmup-{i % 2}", "text": text}) as r:
                    await r.read()
            for n in levels:
                scripts = _scripts(products, n, seed=n)
                errors = 0
                latencies: list[float] = []

                turns = max(turns_per_session, 48 // n)  # enough turns at low concurrency too

                async def session(i: int, script: list[str]) -> None:
                    nonlocal errors
                    for text in (script * (turns // len(script) + 1))[:turns]:
                        started = time.perf_counter()
                        async with http.post(f"{url}/v1/chat", json={"session_id": f"tp{n}-{i}", "text": text}) as r:
                            await r.read()
                            if r.status != 200:
                                errors += 1
                        latencies.append(time.perf_counter() - started)

                started = time.perf_counter()
                await asyncio.gather(*(session(i, s) for i, s in enumerate(scripts)))
                elapsed = time.perf_counter() - started
                results[str(n)] = {"turns_per_s": round(len(latencies) / elapsed, 1), "errors": errors,
                                   "latency_ms": percentiles(latencies)}
        results["server_peak_rss_mb"] = _rss_of(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return results


def _catalog_products(settings):
    if settings.catalog is None:
        from retrieval.demo_catalog import load_demo_catalog

        return load_demo_catalog()
    from retrieval.loaders import load_catalog

    return load_catalog(Path(settings.catalog), settings.catalog_format).products


def _rss_of(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


# -- store scaling --------------------------------------------------------------------------------
def synthetic_vectors(n: int, dim: int = 384, latent: int = 48, clusters: int = 1000, seed: int = 0) -> np.ndarray:
    """Unit vectors shaped like sentence embeddings: clustered points of a 48-dimensional latent space,
    projected to 384 dimensions, plus isotropic noise (embeddings have a low intrinsic dimension;
    pure isotropic noise in 384 dimensions has no near neighbours to find). The projection and
    the cluster centres are fixed, so vectors and queries of different seeds share one space."""
    rng = np.random.default_rng(seed)
    projection = np.random.default_rng(1234).standard_normal((latent, dim)).astype(np.float32)
    centers = np.random.default_rng(4321).standard_normal((clusters, latent)).astype(np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 100_000):
        end = min(n, start + 100_000)
        z = centers[rng.integers(0, clusters, end - start)] + 0.6 * rng.standard_normal((end - start, latent)).astype(np.float32)
        out[start:end] = z @ projection + 0.5 * rng.standard_normal((end - start, dim)).astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def _exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    tops = []
    for q in queries:
        scores = vectors @ q
        idx = np.argpartition(-scores, k)[:k]
        tops.append(idx[np.argsort(-scores[idx])])
    return np.asarray(tops)


def edge_store_scaling(n: int, n_queries: int = 200, ef: int = 128, progress: bool = True) -> dict[str, Any]:
    import qdrant_edge as q
    from tqdm import tqdm

    vectors = synthetic_vectors(n)
    queries = synthetic_vectors(n_queries, seed=99)
    exact = _exact_top(vectors, queries, 10)
    path = Path(tempfile.mkdtemp(prefix="shopbot-scale-"))
    try:
        config = q.EdgeConfig(vectors={"dense": q.EdgeVectorParams(size=vectors.shape[1], distance=q.Distance.Cosine)},
                              hnsw_config=q.HnswIndexConfig(m=16, ef_construct=100, full_scan_threshold=10_000))
        shard = q.EdgeShard.create(str(path / "shard"), config)
        started = time.perf_counter()
        chunk = 2000
        for start in tqdm(range(0, n, chunk), desc=f"indexing {n:,} vectors", disable=not progress, unit="chunk"):
            points = [q.Point(i, {"dense": vectors[i].tolist()}, None) for i in range(start, min(n, start + chunk))]
            shard.update(q.UpdateOperation.upsert_points(points))
        shard.optimize()
        build_s = time.perf_counter() - started
        params = q.SearchParams(hnsw_ef=ef)
        latencies, hits = [], 0
        for qi, query in enumerate(queries):
            request = q.QueryRequest(limit=10, query=q.Query.Nearest(query.tolist(), using="dense"), params=params,
                                     with_payload=False, with_vector=False)
            t0 = time.perf_counter()
            points = shard.query(request)
            latencies.append(time.perf_counter() - t0)
            hits += len({int(p.id) for p in points} & set(exact[qi].tolist()))
        shard.close()
        return {"n": n, "build_s": round(build_s, 1), "query_ms": percentiles(latencies),
                "recall_at_10": round(hits / (10 * len(queries)), 4)}
    finally:
        shutil.rmtree(path, ignore_errors=True)


def qdrant_local_baseline(n: int, n_queries: int = 50) -> dict[str, Any]:
    """qdrant-client's local (in-process, python) mode at the same size: the baseline the edge store replaces."""
    from qdrant_client import QdrantClient, models

    vectors = synthetic_vectors(n)
    queries = synthetic_vectors(n_queries, seed=99)
    client = QdrantClient(":memory:")
    client.create_collection("bench", vectors_config=models.VectorParams(size=vectors.shape[1], distance=models.Distance.COSINE))
    for start in range(0, n, 5000):
        end = min(n, start + 5000)
        client.upload_points("bench", [models.PointStruct(id=i, vector=vectors[i].tolist()) for i in range(start, end)])
    latencies = []
    for query in queries:
        t0 = time.perf_counter()
        client.query_points("bench", query=query.tolist(), limit=10)
        latencies.append(time.perf_counter() - t0)
    client.close()
    return {"n": n, "query_ms": percentiles(latencies)}


# -- the whole benchmark ----------------------------------------------------------------------------
async def run_bench(settings, *, sizes: list[int], throughput_levels=(1, 16, 64), latency_sessions: int = 25,
                    progress: bool = True) -> dict[str, Any]:
    from bot.assistant import Assistant
    from bot.sessions.memory import MemorySessionStore

    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "device": settings.torch_device()},
                              "catalog": str(settings.catalog or "demo")}
    assistant = await Assistant.create(settings, progress=progress, sessions=MemorySessionStore())
    try:
        report["products"] = len(assistant.retriever.products)
        report["turn_latency"] = await turn_latency(assistant, n_sessions=latency_sessions)
        report["batching"] = await batching(assistant)
    finally:
        await assistant.close()
    report["throughput"] = await throughput(settings, throughput_levels)
    scaling = [edge_store_scaling(n, progress=progress) for n in sizes]
    report["store_scaling"] = scaling
    if sizes:
        base_n = min(sizes)
        baseline = qdrant_local_baseline(base_n)
        edge = next(s for s in scaling if s["n"] == base_n)
        report["store_baseline"] = {
            "n": base_n, "qdrant_client_local_p50_ms": baseline["query_ms"]["p50"],
            "edge_p50_ms": edge["query_ms"]["p50"],
            "edge_speedup": round(baseline["query_ms"]["p50"] / max(edge["query_ms"]["p50"], 1e-6), 1),
        }
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report


def synthetic_catalog(settings, n: int) -> Path:
    """A JSONL catalog of ``n`` generated products under the home directory (written once)."""
    from retrieval.demo_catalog import scaled_demo_catalog

    path = settings.home / "catalogs" / f"synthetic-{n}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for product in scaled_demo_catalog(n):
                fh.write(product.model_dump_json() + "\n")
        tmp.replace(path)
    return path


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    p = sub.add_parser("bench", help="latency by stage, throughput through `shopbot serve`, batching and store scaling")
    p.add_argument("--catalog", help="catalog file or WANDS directory (default: the demo catalog)")
    p.add_argument("--format", choices=["wands", "csv", "jsonl", "parquet"])
    p.add_argument("--synthetic-catalog", type=int, metavar="N",
                   help="run on a generated catalog of N products (demo catalogs of successive seeds)")
    p.add_argument("--sizes", default="10000,100000", help="store-scaling sizes, comma separated (e.g. 10000,100000,1000000)")
    p.add_argument("--sessions", type=int, default=25, help="scripted sessions for the latency run")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_main)


def _main(args) -> int:
    import json

    from bot.config import Settings

    settings = Settings.from_env(catalog=args.catalog, catalog_format=args.format)
    if args.synthetic_catalog:
        settings = settings.model_copy(update={"catalog": synthetic_catalog(settings, args.synthetic_catalog),
                                               "catalog_format": "jsonl"})
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    report = asyncio.run(run_bench(settings, sizes=sizes, latency_sessions=args.sessions, progress=not args.json))
    print(json.dumps(report) if args.json else json.dumps(report, indent=2))
    return 0
