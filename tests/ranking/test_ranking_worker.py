"""The async micro-batching worker: fewer forward passes, same scores, never on the event loop."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.dialogue.profile import UserProfile
from ranking.reranker import Reranker
from ranking.types import RankRequest
from retrieval.types import Candidate
from ranking.worker import BatchingReranker

from ranking_helpers import like, product


class ThreadRecordingReranker(Reranker):
    """A real Reranker that also notes the thread and size of every batch it scores."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.threads: set[int] = set()
        self.batch_sizes: list[int] = []

    def score_batch(self, requests):
        self.threads.add(threading.get_ident())
        self.batch_sizes.append(len(requests))
        return super().score_batch(requests)


@pytest.fixture(scope="module")
def requests(embed):
    """16 sessions of different sizes and profiles over one small catalog (MiniLM vectors, embedded once)."""
    brands = ["Oakline", "Northwood", "Casa Verde"]
    colors = ["grey", "blue", "green", "beige"]
    catalog = [
        product(f"p{i}", f"{colors[i % 4]} {['sofa', 'armchair', 'rug', 'lamp'][i % 3]} {i}", brand=brands[i % 3], color=colors[i % 4], price=100.0 + 37 * i)
        for i in range(24)
    ]
    vectors = embed([p.text() for p in catalog])
    queries = ["grey sofa", "blue rug", "a lamp"]
    query_vectors = embed(queries)
    out = []
    for s in range(16):
        profile = like(UserProfile(budget_max=300 + 50 * s), "brand", brands[s % 3].lower(), 0.8)
        like(profile, "color", colors[s % 4], -0.6)
        if s % 2:
            profile.liked_embeddings = vectors[s : s + 1].tolist()
        picked = list(range(s % 5, s % 5 + 8 + s % 7))
        q = query_vectors[s % 3]
        candidates = [
            Candidate(product=catalog[i], score=1.0 / (60 + rank), dense_score=float(vectors[i] @ q), bm25_score=float(rank % 4))
            for rank, i in enumerate(picked)
        ]
        out.append(
            RankRequest(
                candidates=candidates,
                candidate_vectors=vectors[picked].tolist(),
                query_vector=q.tolist(),
                profile=profile,
            )
        )
    return out


async def test_concurrent_requests_share_forward_passes_and_match_unbatched_scores(requests):
    unbatched_ranker = ThreadRecordingReranker(device="cpu")
    async with BatchingReranker(unbatched_ranker, batching=False) as single:
        expected = await asyncio.gather(*(single.rerank(r) for r in requests))
    assert unbatched_ranker.forward_passes == len(requests)

    ranker = ThreadRecordingReranker(device="cpu")
    async with BatchingReranker(ranker, max_batch=64, max_wait_ms=2) as worker:
        got = await asyncio.gather(*(worker.rerank(r) for r in requests))
    assert ranker.forward_passes < len(requests)
    assert sum(ranker.batch_sizes) == len(requests)
    assert threading.get_ident() not in ranker.threads  # scored in the executor, never on the event loop
    for want, have in zip(expected, got):
        assert [s.candidate.product.id for s in want] == [s.candidate.product.id for s in have]
        for a, b in zip(want, have):
            assert a.score == pytest.approx(b.score, abs=1e-5)
            assert a.contributions == pytest.approx(b.contributions, abs=1e-5)


async def test_batches_never_exceed_max_batch(requests):
    ranker = ThreadRecordingReranker(device="cpu")
    async with BatchingReranker(ranker, max_batch=4, max_wait_ms=2) as worker:
        await asyncio.gather(*(worker.rerank(r) for r in requests))
    assert max(ranker.batch_sizes) <= 4
    assert ranker.forward_passes == len(ranker.batch_sizes) >= 4


async def test_requests_arriving_apart_are_each_answered(requests):
    ranker = Reranker(device="cpu")
    async with BatchingReranker(ranker, max_wait_ms=1) as worker:
        first = await worker.rerank(requests[0])
        await asyncio.sleep(0.01)
        second = await worker.rerank(requests[1])
    assert len(first) == len(requests[0].candidates)
    assert len(second) == len(requests[1].candidates)


async def test_a_bad_request_fails_alone(requests):
    bad = requests[0].model_copy(update={"candidate_vectors": requests[0].candidate_vectors[:1]})
    async with BatchingReranker(Reranker(device="cpu")) as worker:
        results = await asyncio.gather(worker.rerank(bad), worker.rerank(requests[1]), return_exceptions=True)
    assert isinstance(results[0], ValueError)
    assert len(results[1]) == len(requests[1].candidates)


def test_bench_reports_both_modes():
    from ranking.bench import bench_rerank

    result = bench_rerank(n_sessions=6, n_candidates=12, device="cpu", rounds=1)
    assert result["unbatched"]["forward_passes"] == 6
    assert result["batched"]["forward_passes"] < 6
    assert result["speedup"] > 0 and result["device"] == "cpu"
