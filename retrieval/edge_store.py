"""The embedded default store: Qdrant Edge (qdrant-edge-py), persisted on disk.

Layout of ``path``: ``shard/`` (the Qdrant Edge shard) and ``meta.json``.
Products are also kept in memory (id -> Product), so a search reads no payload
from disk: Qdrant returns point ids and scores, and the products come from the
map. The map is filled from the shard when the store is opened.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from bot.errors import UserFacingError
from retrieval.hybrid import Branch, FusionConfig, Hits, HybridSearchMixin
from retrieval.payload import (BOOL_FIELDS, DENSE, FLOAT_FIELDS, IN_STOCK, KEYWORD_FIELDS, PAYLOAD_VERSION, SPARSE,
                               from_payload, keyword_conditions, point_id, to_payload)
from retrieval.product import Product
from retrieval.sparse import BM25_AVG_LEN, encode_document
from retrieval.types import SearchFilter

log = logging.getLogger(__name__)

UPSERT_CHUNK = 1000


def edge_filter(f: SearchFilter, exclude_ids: Sequence[str] = (), only_ids: Sequence[str] | None = None):
    """The Qdrant Edge filter of a SearchFilter (twin of retrieval.filters.matches)."""
    import qdrant_edge as q

    must: list = []
    must_not: list = []
    if f.price_min is not None or f.price_max is not None:
        must.append(q.FieldCondition("price", range=q.RangeFloat(gte=f.price_min, lte=f.price_max)))
    if f.min_rating is not None:
        must.append(q.FieldCondition("rating", range=q.RangeFloat(gte=f.min_rating)))
    if f.in_stock_only:
        must.append(q.FieldCondition("in_stock", match=q.MatchValue(IN_STOCK)))
    include, exclude = keyword_conditions(f)
    must += [q.FieldCondition(key, match=q.MatchAny(values)) for key, values in include]
    must_not += [q.FieldCondition(key, match=q.MatchAny(values)) for key, values in exclude]
    excluded = {*f.exclude_ids, *exclude_ids}
    if excluded:
        must_not.append(q.HasIdCondition({point_id(pid) for pid in excluded}))
    if only_ids is not None:
        must.append(q.HasIdCondition({point_id(pid) for pid in only_ids}))
    if not must and not must_not:
        return None
    return q.Filter(must=must or None, must_not=must_not or None)


class EdgeStore(HybridSearchMixin):
    """A product index in a Qdrant Edge shard under ``path``."""

    def __init__(self, path: str | Path, *, dim: int = 384, bm25_avg_len: float = BM25_AVG_LEN,
                 fusion: FusionConfig | None = None, hnsw_ef: int = 128):
        import qdrant_edge as q

        self.path = Path(path)
        self.fusion = fusion or FusionConfig()
        self._lock = threading.RLock()
        self._search_params = q.SearchParams(hnsw_ef=hnsw_ef)
        meta_path = self.path / "meta.json"
        shard_path = self.path / "shard"
        vectors = {DENSE: q.EdgeVectorParams(size=dim, distance=q.Distance.Cosine)}
        sparse = {SPARSE: q.EdgeSparseVectorParams(modifier=q.Modifier.Idf)}
        if meta_path.exists():
            meta = json.loads(meta_path.read_text())
            if meta.get("payload_version") != PAYLOAD_VERSION or meta.get("dim") != dim:
                raise ValueError(f"index at {self.path} has an incompatible layout; delete it to rebuild")
            self.dim = dim
            self.bm25_avg_len = float(meta["bm25_avg_len"])
            try:
                self._shard = q.EdgeShard.load(str(shard_path), q.EdgeConfig(vectors=vectors, sparse_vectors=sparse))
            except Exception as exc:
                if "WouldBlock" in str(exc):
                    raise UserFacingError(
                        f"The product index {self.path} is in use by another shopbot process (one process at a time "
                        "can open it). Stop that process, or give this one its own SHOPBOT_HOME.") from exc
                raise
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.dim = dim
            self.bm25_avg_len = float(bm25_avg_len)
            config = q.EdgeConfig(
                vectors=vectors,
                sparse_vectors=sparse,
                hnsw_config=q.HnswIndexConfig(m=16, ef_construct=100, full_scan_threshold=10_000),
            )
            self._shard = q.EdgeShard.create(str(shard_path), config)
            for field in KEYWORD_FIELDS:
                self._shard.update(q.UpdateOperation.create_field_index(field, q.PayloadSchemaType.Keyword))
            for field in FLOAT_FIELDS:
                self._shard.update(q.UpdateOperation.create_field_index(field, q.PayloadSchemaType.Float))
            for field in BOOL_FIELDS:
                self._shard.update(q.UpdateOperation.create_field_index(field, q.PayloadSchemaType.Bool))
            meta_path.write_text(json.dumps({"payload_version": PAYLOAD_VERSION, "dim": dim,
                                             "bm25_avg_len": self.bm25_avg_len}))
        self._products: dict[str, Product] = {}
        self._pid_of: dict[int, str] = {}  # point id -> product id
        self._load_products()

    # -- bookkeeping --------------------------------------------------------
    def _load_products(self) -> None:
        import qdrant_edge as q

        offset = None
        while True:
            records, offset = self._shard.scroll(q.ScrollRequest(offset=offset, limit=2000,
                                                                 with_payload=["doc"], with_vector=False))
            for rec in records:
                product = from_payload(rec.payload)
                self._products[product.id] = product
                self._pid_of[rec.id] = product.id
            if offset is None:
                break

    @property
    def products(self) -> dict[str, Product]:
        """All indexed products by id (a live view; do not mutate)."""
        return self._products

    # -- VectorStore protocol ---------------------------------------------
    def upsert(self, products: Sequence[Product], vectors: np.ndarray, *, progress: bool = False) -> None:
        import qdrant_edge as q
        from tqdm.auto import tqdm

        vectors = np.asarray(vectors, dtype=np.float32)
        if len(products) != len(vectors) or (len(products) and vectors.shape[1] != self.dim):
            raise ValueError(f"expected {len(products)} vectors of size {self.dim}, got {vectors.shape}")
        with self._lock, tqdm(total=len(products), desc="indexing", unit="product",
                              disable=not progress, leave=False) as bar:
            for start in range(0, len(products), UPSERT_CHUNK):
                chunk = products[start:start + UPSERT_CHUNK]
                points = []
                for product, vec in zip(chunk, vectors[start:start + UPSERT_CHUNK]):
                    indices, values = encode_document(product, self.bm25_avg_len)
                    points.append(q.Point(point_id(product.id),
                                          {DENSE: vec.tolist(), SPARSE: q.SparseVector(indices, values)},
                                          to_payload(product)))
                self._shard.update(q.UpdateOperation.upsert_points(points))
                for product in chunk:
                    self._products[product.id] = product
                    self._pid_of[point_id(product.id)] = product.id
                bar.update(len(chunk))

    def optimize(self) -> None:
        """Build the HNSW / sparse indexes and merge segments (after a bulk upsert)."""
        with self._lock:
            self._shard.optimize()
            self._shard.flush()

    def delete(self, ids: Sequence[str]) -> None:
        import qdrant_edge as q

        if not ids:
            return
        with self._lock:
            self._shard.update(q.UpdateOperation.delete_points([point_id(pid) for pid in ids]))
            for pid in ids:
                self._products.pop(pid, None)
                self._pid_of.pop(point_id(pid), None)

    def get(self, ids: Sequence[str]) -> list[Product]:
        return [self._products[pid] for pid in ids if pid in self._products]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """Dense vectors of the given products, in order (missing ids are skipped)."""
        known = [pid for pid in ids if pid in self._products]
        if not known:
            return np.zeros((0, self.dim), dtype=np.float32)
        records = self._shard.retrieve([point_id(pid) for pid in known], with_payload=False, with_vector=[DENSE])
        by_id = {self._pid_of.get(r.id): r.vector[DENSE] for r in records}
        return np.asarray([by_id[pid] for pid in known if pid in by_id], dtype=np.float32).reshape(-1, self.dim)

    def count(self) -> int:
        return len(self._products)

    def close(self) -> None:
        with self._lock:
            if self._shard is not None:
                self._shard.flush()
                self._shard.close()
                self._shard = None

    # -- queries -----------------------------------------------------------
    def _request(self, branch: Branch):
        import qdrant_edge as q

        filt = edge_filter(branch.filter, branch.exclude_ids, branch.only_ids)
        if branch.kind == "dense":
            query = q.Query.Nearest(branch.dense, using=DENSE)
        elif branch.kind == "sparse":
            query = q.Query.Nearest(q.SparseVector(*branch.sparse), using=SPARSE)
        else:
            query = q.OrderBy("rating", direction=q.Direction.Desc)
        return q.QueryRequest(limit=branch.limit, query=query, filter=filt, params=self._search_params,
                              with_payload=False, with_vector=False)

    def _run(self, branches: list[Branch]) -> list[Hits]:
        import qdrant_edge as q

        requests = [self._request(b) for b in branches]
        if len(requests) == 1:  # reads need no lock: the shard is safe for concurrent readers
            results = [self._shard.query(requests[0])]
        else:
            results = self._shard.query_batch(q.QueryBatchRequest(requests))
        out = []
        pid_of = self._pid_of
        for points in results:
            hits = Hits()
            for p in points:
                pid = pid_of.get(p.id)
                if pid is not None:
                    hits.ids.append(pid)
                    hits.scores.append(p.score)
            out.append(hits)
        return out
