"""The retrieval facade the dialogue layer uses: open (build or load) an index
of a catalog, then search it with text, hard filters and feedback examples."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Literal, Sequence

import numpy as np

from bot.config import Settings
from bot.errors import UserFacingError
from retrieval.demo_catalog import DEMO_CATALOG_PATH, catalog_vocabulary
from retrieval.embedding import Embedder
from retrieval.hybrid import FusionConfig
from retrieval.payload import PAYLOAD_VERSION
from retrieval.product import Product
from retrieval.sparse import BM25_AVG_LEN
from retrieval.types import Candidate, SearchFilter, SearchQuery, VectorStore

log = logging.getLogger(__name__)


def catalog_fingerprint(path: Path, fmt: str | None, mapping: dict[str, str] | None, model_id: str) -> str:
    """A hash of the catalog's bytes, how it is read, and the embedding model."""
    h = hashlib.sha256()
    files = [path / "product.csv"] if path.is_dir() else [path]
    for file in files:
        if not file.exists():
            raise UserFacingError(f"catalog not found: {file}")
        with file.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    h.update(json.dumps([fmt, mapping or {}, model_id, PAYLOAD_VERSION, BM25_AVG_LEN], sort_keys=True).encode())
    return h.hexdigest()[:16]


class Retriever:
    """Hybrid product search over one catalog, on the store chosen by settings."""

    def __init__(self, store: VectorStore, embedder: Embedder, products: dict[str, Product], *,
                 index_seconds: float = 0.0, index_path: Path | str | None = None):
        self.store = store
        self.embedder = embedder
        self._products = products
        self._vocabulary: dict[str, list[str]] | None = None
        self.index_seconds = index_seconds  # time spent building the index in open() (0 when loaded)
        self.built_seconds = index_seconds  # how long the index took to build (recorded with the index)
        self.index_path = index_path

    # -- construction ------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings | None = None, catalog_path: str | Path | None = None, fmt: str | None = None,
             mapping: dict[str, str] | None = None, *, fusion: FusionConfig | None = None,
             progress: bool = True) -> "Retriever":
        """Open the index of a catalog (default: the demo catalog), building it if missing."""
        from retrieval.loaders import guess_format

        settings = settings or Settings.from_env()
        path = Path(catalog_path or settings.catalog or DEMO_CATALOG_PATH).expanduser()
        if not path.exists():
            raise UserFacingError(f"catalog not found: {path}")
        fmt = (fmt or settings.catalog_format or guess_format(path)).lower()
        fusion = fusion or FusionConfig(method=settings.fusion, alpha=settings.fusion_alpha)
        embedder = Embedder(settings)
        fingerprint = catalog_fingerprint(path, fmt, mapping, embedder.model_id)
        if settings.store == "qdrant":
            return cls._open_server(settings, path, fmt, mapping, embedder, fingerprint, fusion, progress)
        return cls._open_edge(settings, path, fmt, mapping, embedder, fingerprint, fusion, progress)

    @staticmethod
    def _load_products(path: Path, fmt: str, mapping: dict[str, str] | None) -> list[Product]:
        from retrieval.loaders import load_catalog

        load = load_catalog(path, fmt, mapping)
        if not load.products:
            raise UserFacingError(f"catalog {path} has no valid product ({len(load.errors)} invalid row(s))")
        return load.products

    @classmethod
    def _open_edge(cls, settings, path, fmt, mapping, embedder, fingerprint, fusion, progress) -> "Retriever":
        from retrieval.edge_store import EdgeStore

        index_dir = settings.index_dir / f"edge-{fingerprint}"
        if (index_dir / "READY").exists():
            store = EdgeStore(index_dir, fusion=fusion)
            log.info("loaded index %s (%d products)", index_dir, store.count())
            built = json.loads((index_dir / "READY").read_text() or "{}")
            retriever = cls(store, embedder, store.products, index_path=index_dir)
            retriever.built_seconds = float(built.get("seconds", 0.0))
            return retriever
        started = time.perf_counter()
        products = cls._load_products(path, fmt, mapping)
        building = index_dir.with_name(f"{index_dir.name}.building-{os.getpid()}")
        shutil.rmtree(building, ignore_errors=True)
        vectors = embedder.embed_products(products, progress=progress)
        store = EdgeStore(building, fusion=fusion)
        store.upsert(products, vectors, progress=progress)
        store.optimize()
        store.close()
        (building / "READY").write_text(json.dumps({"catalog": str(path), "format": fmt, "products": len(products),
                                                    "model": embedder.model_id,
                                                    "seconds": round(time.perf_counter() - started, 2)}))
        if index_dir.exists() and not (index_dir / "READY").exists():  # a stale, unfinished index
            shutil.rmtree(index_dir, ignore_errors=True)
        try:
            building.rename(index_dir)
        except OSError:  # another process finished first: use its index
            shutil.rmtree(building, ignore_errors=True)
        store = EdgeStore(index_dir, fusion=fusion)
        seconds = time.perf_counter() - started
        log.info("indexed %d products in %.1f s into %s", store.count(), seconds, index_dir)
        return cls(store, embedder, store.products, index_seconds=seconds, index_path=index_dir)

    @classmethod
    def _open_server(cls, settings, path, fmt, mapping, embedder, fingerprint, fusion, progress) -> "Retriever":
        from retrieval.server_store import QdrantServerStore

        if not settings.qdrant_url:
            raise UserFacingError("store 'qdrant' needs a server URL: set SHOPBOT_QDRANT_URL")
        collection = f"shopbot_{fingerprint}"
        store = QdrantServerStore(settings.qdrant_url, collection=collection, fusion=fusion)
        if store.count() > 0:
            return cls(store, embedder, store.all_products(), index_path=f"{settings.qdrant_url}#{collection}")
        started = time.perf_counter()
        products = cls._load_products(path, fmt, mapping)
        store.upsert(products, embedder.embed_products(products, progress=progress), progress=progress)
        return cls(store, embedder, {p.id: p for p in products}, index_seconds=time.perf_counter() - started,
                   index_path=f"{settings.qdrant_url}#{collection}")

    # -- queries -----------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        return self.embedder.embed_query(text)

    def search(self, text: str, filter: SearchFilter | None = None, positive_ids: Sequence[str] = (),
               negative_ids: Sequence[str] = (), limit: int = 100,
               mode: Literal["hybrid", "dense", "bm25"] = "hybrid") -> list[Candidate]:
        """Candidates for a text (+ filter, + liked/rejected examples), best first."""
        text = (text or "").strip()
        dense = self.embed_query(text).tolist() if text else None
        query = SearchQuery(text=text, dense=dense, filter=filter or SearchFilter(), positive_ids=list(positive_ids),
                            negative_ids=list(negative_ids), limit=limit, mode=mode)
        if mode == "dense" and dense is None and not positive_ids and not negative_ids:
            mode = "hybrid"
            query.mode = mode
        return self.store.search(query)

    @property
    def last_query_ms(self) -> float:
        """Store time (no embedding) of the last search."""
        return float(getattr(self.store, "last_query_ms", 0.0))

    def get(self, ids: Sequence[str]) -> list[Product]:
        return [self._products[i] for i in ids if i in self._products]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return self.store.vectors(ids)

    # -- live updates --------------------------------------------------------
    def upsert(self, products: Sequence[Product]) -> None:
        """Add or replace products; visible to the next search."""
        products = list(products)
        if not products:
            return
        self.store.upsert(products, self.embedder.embed_products(products, progress=False))
        for p in products:
            self._products[p.id] = p
        self._vocabulary = None

    def delete(self, ids: Sequence[str]) -> None:
        self.store.delete(list(ids))
        for pid in ids:
            self._products.pop(pid, None)
        self._vocabulary = None

    @property
    def products(self) -> dict[str, Product]:
        """All products by id."""
        return self._products

    @property
    def vocabulary(self) -> dict[str, list[str]]:
        if self._vocabulary is None:
            self._vocabulary = catalog_vocabulary(self._products.values())
        return self._vocabulary

    def close(self) -> None:
        self.store.close()
        self.embedder.close()
