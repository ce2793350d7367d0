"""BM25 sparse vectors computed locally with Qdrant's own BM25 model.

``qdrant_edge.Bm25`` tokenizes, removes English stop words and stems, and
returns term-frequency document vectors (``embed_document``) and binary query
vectors (``embed_query``). The stores keep the sparse vectors with Qdrant's
IDF modifier, so the product of the two is the classic BM25 score. Both store
backends use the same vectors; nothing is downloaded.
"""

from __future__ import annotations

import threading

from retrieval.product import Product

BM25_AVG_LEN = 64.0  # expected document length in tokens after stop-word removal
_NEGATIVE_VALUES = {"no", "none", "n/a", "na", "0", "false", "not included"}

_local = threading.local()


def _model(avg_len: float):
    models = getattr(_local, "models", None)
    if models is None:
        models = _local.models = {}
    model = models.get(avg_len)
    if model is None:
        import qdrant_edge

        model = models[avg_len] = qdrant_edge.Bm25(qdrant_edge.Bm25Config(language="english", avg_len=avg_len))
    return model


def bm25_text(product: Product) -> str:
    """The text BM25 indexes: the title (twice, as a field boost), the embedded
    text, the size, and attribute names/values that state a feature."""
    parts = [product.title, product.text()]
    if product.size:
        parts.append(product.size)
    for key, value in product.attributes.items():
        if value and value.strip().lower() not in _NEGATIVE_VALUES:
            parts.append(f"{key} {value}")
    return ". ".join(parts)


def encode_document(product: Product, avg_len: float = BM25_AVG_LEN) -> tuple[list[int], list[float]]:
    vec = _model(avg_len).embed_document(bm25_text(product))
    return vec.indices, vec.values


def encode_query(text: str, avg_len: float = BM25_AVG_LEN) -> tuple[list[int], list[float]]:
    vec = _model(avg_len).embed_query(text)
    return vec.indices, vec.values
