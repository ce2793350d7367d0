"""Async micro-batching in front of the blocking :class:`~ranking.reranker.Reranker`.

Concurrent conversations call ``await worker.rerank(request)``; requests that
arrive within ``max_wait_ms`` of each other (at most ``max_batch``) are scored
with ONE ``Reranker.score_batch`` call in a worker thread, never on the event
loop (``bot.batching.MicroBatcher``). The same code runs on CPU and CUDA.
``batching=False`` scores every request on its own (the benchmark baseline).
"""

from __future__ import annotations

from bot.batching import MicroBatcher
from ranking.reranker import Reranker
from ranking.types import RankRequest, ScoredProduct


class BatchingReranker:
    """``await rerank(request)``: micro-batched re-ranking for many concurrent sessions."""

    def __init__(self, reranker: Reranker, *, max_batch: int = 64, max_wait_ms: float = 2.0, batching: bool = True) -> None:
        self.reranker = reranker
        self.batching = batching
        self._batcher: MicroBatcher[RankRequest, list[ScoredProduct]] = MicroBatcher(
            reranker.score_batch,
            max_batch=max_batch if batching else 1,
            max_wait_s=max(max_wait_ms, 0.0) / 1000.0 if batching else 0.0,
            name="rerank",
        )

    @property
    def forward_passes(self) -> int:
        return self.reranker.forward_passes

    @property
    def batches(self) -> int:
        return self._batcher.batches

    async def rerank(self, request: RankRequest) -> list[ScoredProduct]:
        """The request's candidates, best first (see :meth:`Reranker.score_batch`)."""
        return await self._batcher.submit(request)

    async def aclose(self) -> None:
        """Stop the batching task (pending callers are cancelled) and the scoring thread."""
        await self._batcher.close()

    async def __aenter__(self) -> "BatchingReranker":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()
