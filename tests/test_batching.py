import asyncio
import threading

import pytest

from bot.batching import MicroBatcher


async def test_concurrent_calls_share_batches_off_the_loop():
    loop_thread = threading.get_ident()
    seen_threads = set()

    def square_all(xs):
        seen_threads.add(threading.get_ident())
        return [x * x for x in xs]

    batcher = MicroBatcher(square_all, max_batch=16, max_wait_s=0.01)
    results = await asyncio.gather(*(batcher.submit(i) for i in range(40)))
    assert results == [i * i for i in range(40)]
    assert batcher.items == 40 and batcher.batches < 40 and batcher.batches >= 3  # merged, max 16 a batch
    assert loop_thread not in seen_threads  # never on the event loop
    await batcher.close()


async def test_errors_reach_every_caller_and_the_batcher_keeps_working():
    def fail_on_negative(xs):
        if any(x < 0 for x in xs):
            raise ValueError("negative")
        return xs

    batcher = MicroBatcher(fail_on_negative, max_wait_s=0.0)
    with pytest.raises(ValueError):
        await batcher.submit(-1)
    assert await batcher.submit(3) == 3
    await batcher.close()


async def test_one_bad_item_fails_alone_in_a_shared_batch():
    def reciprocal(xs):
        return [1 / x for x in xs]

    batcher = MicroBatcher(reciprocal, max_batch=8, max_wait_s=0.01)
    results = await asyncio.gather(batcher.submit(0), batcher.submit(2), batcher.submit(4), return_exceptions=True)
    assert isinstance(results[0], ZeroDivisionError) and results[1:] == [0.5, 0.25]
    await batcher.close()


async def test_max_batch_one_is_unbatched():
    sizes = []

    def record(xs):
        sizes.append(len(xs))
        return xs

    batcher = MicroBatcher(record, max_batch=1, max_wait_s=0.0)
    await asyncio.gather(*(batcher.submit(i) for i in range(5)))
    assert sizes == [1] * 5
    await batcher.close()
