"""How a product is stored in Qdrant: point id, payload, keyword fields.

Both stores (edge and server) share this layout so that their filters and
results agree. Keyword fields are normalized with :func:`retrieval.filters.norm`
so that matching is case-insensitive.
"""

from __future__ import annotations

import hashlib

from retrieval.filters import norm, norm_set
from retrieval.product import Product
from retrieval.types import SearchFilter

DENSE = "dense"
SPARSE = "bm25"
PAYLOAD_VERSION = 4


# payload field -> Qdrant index type name
# in_stock is a keyword ("true"/"false"): qdrant-edge-py 0.9 does not match bool payloads with MatchValue(True).
KEYWORD_FIELDS = ("pid", "brand", "categories", "color", "material", "style", "size", "in_stock")
FLOAT_FIELDS = ("price", "rating")
BOOL_FIELDS: tuple[str, ...] = ()
IN_STOCK = "true"


def point_id(product_id: str) -> int:
    """The deterministic Qdrant point id of a product id: a 63-bit hash.

    Integer ids keep the per-result cost low (no UUID objects); a collision
    among a million products has a probability of about 1e-7.
    """
    digest = hashlib.blake2b(str(product_id).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & ((1 << 63) - 1)


def to_payload(product: Product) -> dict:
    """The payload of a product: its JSON document plus normalized filter fields."""
    payload: dict = {
        "pid": product.id,
        "doc": product.model_dump_json(),
        "categories": sorted({n for n in (norm(c) for c in product.category) if n}),
        "in_stock": "true" if product.in_stock else "false",
    }
    for field in ("brand", "color", "material", "style", "size"):
        value = norm(getattr(product, field))
        if value is not None:
            payload[field] = value
    if product.price is not None:
        payload["price"] = float(product.price)
    if product.rating is not None:
        payload["rating"] = float(product.rating)
    return payload


def keyword_conditions(f: SearchFilter) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """(payload field, normalized values) a product must match one of, and must match none of."""
    include = (("brand", f.brands), ("categories", f.categories), ("color", f.colors), ("material", f.materials),
               ("style", f.styles), ("size", f.sizes))
    exclude = (("brand", f.exclude_brands), ("categories", f.exclude_categories), ("color", f.exclude_colors),
               ("material", f.exclude_materials), ("style", f.exclude_styles), ("size", f.exclude_sizes))
    return ([(key, sorted(norm_set(values))) for key, values in include if norm_set(values)],
            [(key, sorted(norm_set(values))) for key, values in exclude if norm_set(values)])


def from_payload(payload: dict) -> Product:
    return Product.model_validate_json(payload["doc"])
