"""Micro-batching: concurrent async callers share one blocking batched call.

Requests that arrive while a batch is running (or within ``max_wait_s`` of the
first one) are merged, up to ``max_batch``; the blocking function runs in one
worker thread, so the event loop never waits on model inference and a model (or
a GPU) runs one batch at a time. ``max_batch=1`` is the unbatched baseline.
When a whole batch fails, its items are retried one by one so that one bad
request fails alone. Used for the NLU and the re-ranker.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Generic, Sequence, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

log = logging.getLogger(__name__)


class MicroBatcher(Generic[In, Out]):
    def __init__(
        self,
        fn: Callable[[Sequence[In]], Sequence[Out]],
        *,
        max_batch: int = 64,
        max_wait_s: float = 0.002,
        name: str = "batcher",
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be >= 1")
        self._fn = fn
        self.max_batch = max_batch
        self.max_wait_s = max(0.0, max_wait_s)
        self.name = name
        self._queue: asyncio.Queue[tuple[In, asyncio.Future]] | None = None
        self._task: asyncio.Task | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.batches = 0  # blocking calls run (for tests, metrics and the benchmark)
        self.items = 0
        self.busy_s = 0.0

    def _ensure_started(self) -> asyncio.Queue:
        loop = asyncio.get_running_loop()
        if self._queue is None or self._task is None or self._task.done() or self._task.get_loop() is not loop:
            self._queue = asyncio.Queue()
            self._task = loop.create_task(self._run(self._queue), name=f"{self.name}-batcher")
        return self._queue

    async def submit(self, item: In) -> Out:
        queue = self._ensure_started()
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        queue.put_nowait((item, future))
        return await future

    async def _collect(self, queue: asyncio.Queue) -> list[tuple[In, asyncio.Future]]:
        loop = asyncio.get_running_loop()
        batch = [await queue.get()]
        deadline = loop.time() + self.max_wait_s
        while len(batch) < self.max_batch:
            try:
                batch.append(queue.get_nowait())
                continue
            except asyncio.QueueEmpty:
                pass
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(queue.get(), remaining))
            except asyncio.TimeoutError:
                break
        return batch

    async def _call(self, items: list[In]) -> Sequence[Out]:
        started = time.perf_counter()
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, self._fn, items)
        finally:
            self.busy_s += time.perf_counter() - started
            self.batches += 1

    async def _run(self, queue: asyncio.Queue) -> None:
        while True:
            batch = await self._collect(queue)
            live = [(item, fut) for item, fut in batch if not fut.done()]  # a caller may have been cancelled
            if not live:
                continue
            try:
                results = await self._call([item for item, _ in live])
            except asyncio.CancelledError:
                for _, fut in live:
                    fut.cancel()
                raise
            except Exception as exc:
                if len(live) == 1:
                    if not live[0][1].done():
                        live[0][1].set_exception(exc)
                    continue
                log.warning("%s: a batch of %d failed; running its items one by one", self.name, len(live))
                for item, fut in live:
                    try:
                        (result,) = await self._call([item])
                    except asyncio.CancelledError:
                        raise
                    except Exception as item_exc:
                        if not fut.done():
                            fut.set_exception(item_exc)
                    else:
                        self.items += 1
                        if not fut.done():
                            fut.set_result(result)
                continue
            self.items += len(live)
            for (_, fut), result in zip(live, results):
                if not fut.done():
                    fut.set_result(result)

    async def close(self) -> None:
        """Stop the batching task (pending callers are cancelled) and the worker thread."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
            self._task = None
        if self._queue is not None:
            while not self._queue.empty():
                _, fut = self._queue.get_nowait()
                fut.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
