"""NLU training's default thread count: the cores idle now, from /proc/stat, not the load average."""

from __future__ import annotations

import os

import pytest

from bot.nlu.train import default_threads


def _reader(*samples):
    it = iter(samples)
    return lambda: next(it)


def _cores() -> int:
    return len(os.sched_getaffinity(0))


def test_idle_machine_gives_every_core():
    cpus = os.cpu_count()
    # every CPU idle for the whole sample: (all, idle) jiffies grow alike
    assert default_threads(0, _reader((1000, 500), (1000 + 100 * cpus, 500 + 100 * cpus))) == _cores()


def test_busy_machine_gives_one_thread():
    cpus = os.cpu_count()
    assert default_threads(0, _reader((1000, 500), (1000 + 100 * cpus, 500))) == 1


def test_one_core_busy_leaves_the_others():
    cpus = os.cpu_count()
    if cpus < 2 or _cores() != cpus:
        pytest.skip("needs two or more CPUs, all of them ours")
    assert default_threads(0, _reader((0, 0), (100 * cpus, 100 * (cpus - 1)))) == cpus - 1


def test_unreadable_stats_give_every_core():
    assert default_threads(0, _reader(None)) == _cores()
    assert default_threads(0, _reader((5, 5), None)) == _cores()
    assert default_threads(0, _reader((5, 5), (5, 5))) == _cores()


def test_this_machine_reads_within_its_cores():
    assert 1 <= default_threads(0.1) <= _cores()
