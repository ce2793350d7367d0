"""Profile-aware re-ranking of retrieved candidates (PyTorch, CUDA when present).

- :mod:`ranking.features`: RankRequest -> padded feature tensors (query-product, product, profile).
- :mod:`ranking.model`: ``ProfileReranker``, ``score = bias + sum(contributions)`` with named contributions
  (``ranking.model.CONTRIBUTIONS``) and a DIN attention block over the liked items.
- :mod:`ranking.reranker`: ``Reranker.load(settings).score_batch(requests)`` (blocking, one forward pass).
- :mod:`ranking.worker`: ``BatchingReranker(reranker)``, ``await rerank(request)`` (async micro-batching).
- :mod:`ranking.diversity`: ``diversify(scored, vectors, k, lambda_=0.7)`` (near-duplicates out, then MMR).
- :mod:`ranking.train`: learning the weights from WANDS labels + simulated profiles (``shopbot train ranker``).
- :mod:`ranking.bench` / :mod:`ranking.gpu_check`: throughput benchmark and the CUDA-vs-CPU check.
"""

import os as _os

# Nothing may be fetched from a model hub at run time.
_os.environ.setdefault("HF_HUB_OFFLINE", "1")
_os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
_os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

