"""Micro-benchmark of the re-ranker: unbatched vs micro-batched throughput for concurrent sessions.

``python -m ranking.bench [--sessions 64] [--candidates 100] [--device cpu|cuda]`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time

import numpy as np

from bot.dialogue.profile import Affinity, UserProfile
from ranking.reranker import Reranker
from ranking.types import RankRequest
from ranking.worker import BatchingReranker
from retrieval.product import Product
from retrieval.types import Candidate

BRANDS = ("Oakline", "Northwood", "Casa Verde", "Harbor", "Alder & Co")
COLORS = ("grey", "navy blue", "sage green", "beige", "black")
MATERIALS = ("velvet", "linen", "oak", "steel", "wool")
STYLES = ("modern", "rustic", "scandinavian")


def synthetic_requests(
    n_sessions: int, n_candidates: int, dim: int = 384, seed: int = 0, *, as_lists: bool = False
) -> list[RankRequest]:
    """Sessions with full profiles (5 liked, 2 rejected items, affinities, budget) over random unit vectors.

    Vectors travel as numpy arrays, or as lists of floats when ``as_lists``.
    """
    rng = np.random.default_rng(seed)
    requests = []
    for s in range(n_sessions):
        vectors = rng.normal(size=(n_candidates, dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        candidates = []
        for i in range(n_candidates):
            product = Product(
                id=f"s{s}-p{i}",
                title=f"Product {i} of session {s}",
                category=["Furniture", "Living Room", ("Sofas", "Chairs", "Tables")[i % 3]],
                brand=BRANDS[i % 5],
                color=COLORS[(i + s) % 5],
                material=MATERIALS[(i * 7) % 5],
                style=STYLES[i % 3],
                price=float(rng.uniform(50, 2000)),
                rating=float(rng.uniform(2, 5)),
                review_count=int(rng.integers(0, 3000)),
                in_stock=bool(rng.random() > 0.05),
            )
            dense = float(rng.uniform(0.2, 0.8))
            candidates.append(Candidate(product=product, score=1.0 / (60 + i), dense_score=dense, bm25_score=float(rng.uniform(0, 12))))
        query = rng.normal(size=dim).astype(np.float32)
        profile = UserProfile(
            budget_max=float(rng.uniform(300, 1500)),
            liked_embeddings=vectors[rng.choice(n_candidates, 5, replace=False)].tolist(),
            rejected_embeddings=rng.normal(size=(2, dim)).tolist(),
        )
        profile.affinities["brand"][BRANDS[s % 5].lower()] = Affinity(weight=0.8)
        profile.affinities["color"][COLORS[s % 5]] = Affinity(weight=-0.7)
        profile.affinities["category"]["sofas"] = Affinity(weight=0.5)
        requests.append(
            RankRequest(
                candidates=candidates,
                candidate_vectors=vectors.tolist() if as_lists else vectors,
                query_vector=query.tolist() if as_lists else query,
                profile=profile,
            )
        )
    return requests


async def _run_concurrently(worker: BatchingReranker, requests: list[RankRequest]) -> tuple[float, list[float]]:
    latencies: list[float] = []

    async def one(request: RankRequest) -> None:
        started = time.perf_counter()
        await worker.rerank(request)
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one(r) for r in requests))
    return time.perf_counter() - started, latencies


async def _measure(reranker: Reranker, requests: list[RankRequest], batching: bool, rounds: int) -> dict:
    async with BatchingReranker(reranker, batching=batching, max_batch=64, max_wait_ms=2.0) as worker:
        await _run_concurrently(worker, requests[: min(4, len(requests))])  # warm-up
        passes_before = reranker.forward_passes
        total, latencies = 0.0, []
        for _ in range(rounds):
            elapsed, lat = await _run_concurrently(worker, requests)
            total += elapsed
            latencies.extend(lat)
        passes = reranker.forward_passes - passes_before
    latencies.sort()
    return {
        "requests_per_s": round(len(requests) * rounds / total, 1),
        "forward_passes": passes,
        "p50_latency_ms": round(1000 * statistics.median(latencies), 2),
        "p95_latency_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 2),
    }


def bench_rerank(
    n_sessions: int = 64, n_candidates: int = 100, *, device: str | None = None, rounds: int = 3, as_lists: bool = False
) -> dict:
    """Throughput of ``n_sessions`` concurrent re-rank requests, one forward pass each vs micro-batched.

    ``as_lists`` sends the vectors as lists of floats (the slow form) instead of numpy arrays.
    """
    requests = synthetic_requests(n_sessions, n_candidates, as_lists=as_lists)
    reranker = Reranker(device=device)
    unbatched = asyncio.run(_measure(reranker, requests, batching=False, rounds=rounds))
    batched = asyncio.run(_measure(reranker, requests, batching=True, rounds=rounds))
    return {
        "device": str(reranker.device),
        "n_sessions": n_sessions,
        "n_candidates": n_candidates,
        "rounds": rounds,
        "vectors": "lists" if as_lists else "arrays",
        "unbatched": unbatched,
        "batched": batched,
        "speedup": round(batched["requests_per_s"] / unbatched["requests_per_s"], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=64)
    parser.add_argument("--candidates", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--device", choices=("cpu", "cuda"))
    parser.add_argument("--lists", action="store_true", help="send vectors as lists of floats instead of numpy arrays")
    args = parser.parse_args(argv)
    result = bench_rerank(args.sessions, args.candidates, device=args.device, rounds=args.rounds, as_lists=args.lists)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
