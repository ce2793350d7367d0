"""Async micro-batching in front of the blocking :class:`~ranking.reranker.Reranker`.

Concurrent conversations call ``await worker.rerank(request)``. A background
task collects the requests that arrive within ``max_wait_ms`` of the first one
(at most ``max_batch``) and scores them with ONE ``Reranker.score_batch`` call
in a worker thread, never on the event loop. While a batch is being scored the
next requests queue up and form the next batch. The same code runs on CPU and
CUDA. ``batching=False`` scores every request on its own (the benchmark baseline).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from dataclasses import dataclass, field

from ranking.reranker import Reranker
from ranking.types import RankRequest, ScoredProduct

log = logging.getLogger(__name__)


@dataclass
class _Pending:
    request: RankRequest
    future: asyncio.Future
    enqueued: float = field(default_factory=time.perf_counter)


class BatchingReranker:
    """``await rerank(request)``: micro-batched re-ranking for many concurrent sessions."""

    def __init__(
        self,
        reranker: Reranker,
        *,
        max_batch: int = 64,
        max_wait_ms: float = 2.0,
        batching: bool = True,
        executor: concurrent.futures.Executor | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be >= 1")
        self.reranker = reranker
        self.max_batch = max_batch
        self.max_wait_s = max(max_wait_ms, 0.0) / 1000.0
        self.batching = batching
        self._own_executor = executor is None
        # One scoring thread: the model (and a GPU) runs one batch at a time.
        self._executor = executor or concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="rerank")
        self._queue: asyncio.Queue[_Pending] | None = None
        self._task: asyncio.Task | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.batches = 0
        self.requests = 0

    @property
    def forward_passes(self) -> int:
        return self.reranker.forward_passes

    async def rerank(self, request: RankRequest) -> list[ScoredProduct]:
        """The request's candidates, best first (see :meth:`Reranker.score_batch`)."""
        loop = asyncio.get_running_loop()
        self.requests += 1
        if not self.batching:
            self.batches += 1
            results = await loop.run_in_executor(self._executor, self.reranker.score_batch, [request])
            return results[0]
        self._ensure_started(loop)
        future: asyncio.Future = loop.create_future()
        assert self._queue is not None
        self._queue.put_nowait(_Pending(request, future))
        return await future

    def _ensure_started(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._task is not None and not self._task.done() and self._loop is loop:
            return
        self._loop = loop
        self._queue = asyncio.Queue()
        self._task = loop.create_task(self._run(self._queue), name="rerank-batcher")

    async def _collect(self, queue: asyncio.Queue[_Pending]) -> list[_Pending]:
        batch = [await queue.get()]
        deadline = batch[0].enqueued + self.max_wait_s
        while len(batch) < self.max_batch:
            try:
                batch.append(queue.get_nowait())
                continue
            except asyncio.QueueEmpty:
                pass
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(queue.get(), remaining))
            except asyncio.TimeoutError:
                break
        return batch

    async def _run(self, queue: asyncio.Queue[_Pending]) -> None:
        loop = asyncio.get_running_loop()
        while True:
            batch = await self._collect(queue)
            live = [p for p in batch if not p.future.done()]  # a caller may have been cancelled
            if not live:
                continue
            self.batches += 1
            try:
                results = await loop.run_in_executor(
                    self._executor, self.reranker.score_batch, [p.request for p in live]
                )
            except asyncio.CancelledError:
                for p in live:
                    if not p.future.done():
                        p.future.cancel()
                raise
            except Exception:  # one bad request must not take the others down: score them one by one
                log.warning("re-ranking a batch of %d requests failed; scoring them one by one", len(live))
                for p in live:
                    try:
                        (result,) = await loop.run_in_executor(self._executor, self.reranker.score_batch, [p.request])
                    except Exception as exc:
                        if not p.future.done():
                            p.future.set_exception(exc)
                    else:
                        if not p.future.done():
                            p.future.set_result(result)
                continue
            for p, result in zip(live, results):
                if not p.future.done():
                    p.future.set_result(result)

    async def aclose(self) -> None:
        """Stop the batching task (pending callers are cancelled) and the scoring thread."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
            self._task = None
        if self._queue is not None:
            while not self._queue.empty():
                pending = self._queue.get_nowait()
                if not pending.future.done():
                    pending.future.cancel()
        if self._own_executor:
            self._executor.shutdown(wait=False)

    async def __aenter__(self) -> "BatchingReranker":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()
