"""Products in a Qdrant server or cluster, through qdrant-client.

For deployments past one machine (several stateless bot workers sharing one
index). Same payload layout, filters, BM25 vectors (with Qdrant's IDF
modifier) and fusion as :class:`retrieval.edge_store.EdgeStore`. Tested with
``QdrantClient(":memory:")``; qdrant-client's local mode is far too slow to be
the default store.
"""

from __future__ import annotations

import logging
import warnings
from typing import Sequence

import numpy as np

from retrieval.hybrid import Branch, FusionConfig, Hits, HybridSearchMixin
from retrieval.payload import (BOOL_FIELDS, DENSE, FLOAT_FIELDS, IN_STOCK, KEYWORD_FIELDS, SPARSE, from_payload,
                               keyword_conditions, point_id, to_payload)
from retrieval.product import Product
from retrieval.sparse import BM25_AVG_LEN, encode_document
from retrieval.types import SearchFilter

log = logging.getLogger(__name__)

UPSERT_CHUNK = 500


def server_filter(f: SearchFilter, exclude_ids: Sequence[str] = (), only_ids: Sequence[str] | None = None):
    """The qdrant-client filter of a SearchFilter (twin of retrieval.filters.matches)."""
    from qdrant_client import models as m

    must: list = []
    must_not: list = []
    if f.price_min is not None or f.price_max is not None:
        must.append(m.FieldCondition(key="price", range=m.Range(gte=f.price_min, lte=f.price_max)))
    if f.min_rating is not None:
        must.append(m.FieldCondition(key="rating", range=m.Range(gte=f.min_rating)))
    if f.in_stock_only:
        must.append(m.FieldCondition(key="in_stock", match=m.MatchValue(value=IN_STOCK)))
    include, exclude = keyword_conditions(f)
    must += [m.FieldCondition(key=key, match=m.MatchAny(any=values)) for key, values in include]
    must_not += [m.FieldCondition(key=key, match=m.MatchAny(any=values)) for key, values in exclude]
    excluded = {*f.exclude_ids, *exclude_ids}
    if excluded:
        must_not.append(m.HasIdCondition(has_id=sorted(point_id(pid) for pid in excluded)))
    if only_ids is not None:
        must.append(m.HasIdCondition(has_id=sorted(point_id(pid) for pid in only_ids)))
    if not must and not must_not:
        return None
    return m.Filter(must=must or None, must_not=must_not or None)


class QdrantServerStore(HybridSearchMixin):
    """A product index in a collection of a Qdrant server (or ``:memory:``)."""

    def __init__(self, url: str | None = None, *, collection: str = "shopbot_products", client=None,
                 dim: int = 384, bm25_avg_len: float = BM25_AVG_LEN, fusion: FusionConfig | None = None,
                 api_key: str | None = None):
        from qdrant_client import QdrantClient
        from qdrant_client import models as m

        if client is None:
            if not url:
                raise ValueError("QdrantServerStore needs a url (or ':memory:') or a client")
            client = QdrantClient(location=":memory:") if url == ":memory:" else QdrantClient(url=url, api_key=api_key)
        self.client = client
        self.collection = collection
        self.dim = dim
        self.bm25_avg_len = float(bm25_avg_len)
        self.fusion = fusion or FusionConfig()
        if not client.collection_exists(collection):
            client.create_collection(
                collection,
                vectors_config={DENSE: m.VectorParams(size=dim, distance=m.Distance.COSINE)},
                sparse_vectors_config={SPARSE: m.SparseVectorParams(modifier=m.Modifier.IDF)},
                hnsw_config=m.HnswConfigDiff(m=16, ef_construct=100),
            )
            schema = {**{f: m.PayloadSchemaType.KEYWORD for f in KEYWORD_FIELDS},
                      **{f: m.PayloadSchemaType.FLOAT for f in FLOAT_FIELDS},
                      **{f: m.PayloadSchemaType.BOOL for f in BOOL_FIELDS}}
            with warnings.catch_warnings():  # local mode warns that it ignores payload indexes
                warnings.simplefilter("ignore", UserWarning)
                for field, kind in schema.items():
                    client.create_payload_index(collection, field, kind)

    def upsert(self, products: Sequence[Product], vectors: np.ndarray, *, progress: bool = False) -> None:
        from qdrant_client import models as m
        from tqdm.auto import tqdm

        vectors = np.asarray(vectors, dtype=np.float32)
        if len(products) != len(vectors) or (len(products) and vectors.shape[1] != self.dim):
            raise ValueError(f"expected {len(products)} vectors of size {self.dim}, got {vectors.shape}")
        with tqdm(total=len(products), desc="indexing", unit="product", disable=not progress, leave=False) as bar:
            for start in range(0, len(products), UPSERT_CHUNK):
                chunk = products[start:start + UPSERT_CHUNK]
                points = []
                for product, vec in zip(chunk, vectors[start:start + UPSERT_CHUNK]):
                    indices, values = encode_document(product, self.bm25_avg_len)
                    points.append(m.PointStruct(
                        id=point_id(product.id),
                        vector={DENSE: vec.tolist(), SPARSE: m.SparseVector(indices=indices, values=values)},
                        payload=to_payload(product),
                    ))
                self.client.upsert(self.collection, points=points, wait=True)
                bar.update(len(chunk))

    def optimize(self) -> None:
        """Nothing to do: the server optimizes in the background."""

    def delete(self, ids: Sequence[str]) -> None:
        from qdrant_client import models as m

        if ids:
            self.client.delete(self.collection, points_selector=m.PointIdsList(points=[point_id(p) for p in ids]),
                               wait=True)

    def get(self, ids: Sequence[str]) -> list[Product]:
        if not ids:
            return []
        records = self.client.retrieve(self.collection, [point_id(p) for p in ids], with_payload=["doc"])
        by_id = {p.id: p for p in (from_payload(r.payload) for r in records)}
        return [by_id[pid] for pid in ids if pid in by_id]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        if not ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        records = self.client.retrieve(self.collection, [point_id(p) for p in ids], with_payload=["pid"],
                                       with_vectors=[DENSE])
        by_id = {r.payload["pid"]: r.vector[DENSE] for r in records}
        return np.asarray([by_id[pid] for pid in ids if pid in by_id], dtype=np.float32).reshape(-1, self.dim)

    def all_products(self) -> dict[str, Product]:
        """Every product in the collection (scrolls the whole collection)."""
        products: dict[str, Product] = {}
        offset = None
        while True:
            records, offset = self.client.scroll(self.collection, limit=1000, offset=offset, with_payload=["doc"],
                                                 with_vectors=False)
            for r in records:
                product = from_payload(r.payload)
                products[product.id] = product
            if offset is None:
                return products

    def count(self) -> int:
        return self.client.count(self.collection, exact=True).count

    def close(self) -> None:
        self.client.close()

    def _request(self, branch: Branch):
        from qdrant_client import models as m

        filt = server_filter(branch.filter, branch.exclude_ids, branch.only_ids)
        if branch.kind == "dense":
            return m.QueryRequest(query=branch.dense, using=DENSE, filter=filt, limit=branch.limit,
                                  with_payload=["pid"])
        if branch.kind == "sparse":
            indices, values = branch.sparse
            return m.QueryRequest(query=m.SparseVector(indices=indices, values=values), using=SPARSE, filter=filt,
                                  limit=branch.limit, with_payload=["pid"])
        return m.QueryRequest(query=m.OrderByQuery(order_by=m.OrderBy(key="rating", direction=m.Direction.DESC)),
                              filter=filt, limit=branch.limit, with_payload=["pid"])

    def _run(self, branches: list[Branch]) -> list[Hits]:
        responses = self.client.query_batch_points(self.collection, requests=[self._request(b) for b in branches])
        out = []
        for response in responses:
            hits = Hits()
            for p in response.points:
                hits.ids.append(p.payload["pid"])
                hits.scores.append(float(p.score) if p.score is not None else 0.0)
            out.append(hits)
        return out
