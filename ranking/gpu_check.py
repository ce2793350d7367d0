"""GPU check of the re-ranker: the batched reranker on CUDA (when present) vs the CPU.

``python -m ranking.gpu_check [--sessions 64] [--candidates 100]`` prints one JSON object:
the max abs difference of scores and contributions between CUDA and CPU, timings of
one batched forward pass vs one pass per session on each device, the async
micro-batching benchmark on the GPU, and a short training run on the GPU.
Without CUDA it reports the CPU numbers and ``"cuda": false``.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import torch

from ranking.bench import bench_rerank, synthetic_requests
from ranking.model import ProfileReranker
from ranking.reranker import Reranker


def _timed(fn, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` calls, in milliseconds (after one warm-up call)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return round(1000 * best, 2)


def _matrix(results) -> tuple[np.ndarray, np.ndarray]:
    scores = np.array([[s.score for s in sorted(r, key=lambda s: s.candidate.product.id)] for r in results])
    contributions = np.array(
        [[list(s.contributions.values()) for s in sorted(r, key=lambda s: s.candidate.product.id)] for r in results]
    )
    return scores, contributions


def _device_timings(reranker: Reranker, requests) -> dict:
    return {
        "batched_one_pass_ms": _timed(lambda: reranker.score_batch(requests)),
        "one_pass_per_session_ms": _timed(lambda: [reranker.score_batch([r]) for r in requests], repeat=1),
    }


def _train_smoke(requests, device: str) -> dict:
    from ranking.train import Example, train_model

    rng = np.random.default_rng(0)
    examples = [Example(request=r, gains=rng.integers(0, 3, len(r.candidates)).astype(np.float32)) for r in requests[:16]]
    started = time.perf_counter()
    _, report = train_model(examples, epochs=3, device=device)
    return {"device": device, "epochs": 3, "losses": [round(x, 4) for x in report.losses], "seconds": round(time.perf_counter() - started, 2)}


def gpu_check(n_sessions: int = 64, n_candidates: int = 100) -> dict:
    requests = synthetic_requests(n_sessions, n_candidates)
    model = ProfileReranker()
    cpu = Reranker(model, device="cpu")
    report: dict = {"cuda": torch.cuda.is_available(), "torch": torch.__version__, "n_sessions": n_sessions, "n_candidates": n_candidates}
    report["cpu"] = _device_timings(cpu, requests)
    if not torch.cuda.is_available():
        report["bench_cpu"] = bench_rerank(n_sessions, n_candidates, device="cpu", rounds=2)
        return report
    gpu_model = ProfileReranker()
    gpu_model.load_state_dict(model.state_dict())
    gpu = Reranker(gpu_model, device="cuda")
    report["gpu_name"] = torch.cuda.get_device_name(0)
    ref_scores, ref_contrib = _matrix(cpu.score_batch(requests))
    got_scores, got_contrib = _matrix(gpu.score_batch(requests))
    report["max_abs_diff_scores"] = float(np.abs(ref_scores - got_scores).max())
    report["max_abs_diff_contributions"] = float(np.abs(ref_contrib - got_contrib).max())
    report["same_order"] = all(
        [s.candidate.product.id for s in a] == [s.candidate.product.id for s in b]
        for a, b in zip(cpu.score_batch(requests), gpu.score_batch(requests))
    )
    report["cuda_timings"] = _device_timings(gpu, requests)
    report["cuda_timings_vectors_as_lists"] = _device_timings(gpu, synthetic_requests(n_sessions, n_candidates, as_lists=True))
    report["bench_cuda"] = bench_rerank(n_sessions, n_candidates, device="cuda", rounds=3)
    report["bench_cuda_lists"] = bench_rerank(n_sessions, n_candidates, device="cuda", rounds=3, as_lists=True)
    report["bench_cpu"] = bench_rerank(n_sessions, n_candidates, device="cpu", rounds=2)
    report["bench_cuda_256"] = bench_rerank(256, n_candidates, device="cuda", rounds=2)
    report["train_smoke"] = _train_smoke(requests, "cuda")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=64)
    parser.add_argument("--candidates", type=int, default=100)
    args = parser.parse_args(argv)
    print(json.dumps(gpu_check(args.sessions, args.candidates), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
