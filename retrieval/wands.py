"""Adapter for the Wayfair ANnotation DataSet (WANDS).

A WANDS directory holds three TAB separated files:

- ``product.csv``: product_id, product_name, product_class, category hierarchy,
  product_description, product_features (``key:value|key:value``),
  rating_count, average_rating, review_count
- ``query.csv``: query_id, query, query_class
- ``label.csv``: id, query_id, product_id, label (Exact / Partial / Irrelevant)

WANDS has no prices and no brand column: those stay ``None`` unless a feature
key names a brand or manufacturer.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

from bot.errors import UserFacingError
from retrieval.loaders import CatalogLoad, collect, log_summary, parse_category

GAINS = {"exact": 2, "partial": 1, "irrelevant": 0}

# Product field -> substrings of feature keys that feed it (first match wins,
# keys containing "primary" are preferred).
FEATURE_FIELDS = {
    "color": ("color", "colour", "finish"),
    "material": ("material",),
    "style": ("style",),
    "size": ("size",),
    "brand": ("brand", "manufacturer"),
}
_DIMENSIONS = (("width", "W"), ("depth", "D"), ("height", "H"))

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class WandsQuery(BaseModel):
    id: str
    text: str
    query_class: str = ""


def _read_tsv(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        for row in reader:
            row.pop(None, None)
            yield reader.line_num, {(k or "").strip(): v for k, v in row.items()}


def parse_features(text: str | None) -> dict[str, str]:
    """``"color:grey|material:oak"`` -> ``{"color": "grey", "material": "oak"}`` (first value of a key wins)."""
    features: dict[str, str] = {}
    for item in (text or "").split("|"):
        key, sep, value = item.partition(":")
        key, value = key.strip().lower(), value.strip()
        if sep and key and value and key not in features:
            features[key] = value
    return features


def _pick(features: dict[str, str], needles: tuple[str, ...]) -> str | None:
    keys = [k for k in features if any(n in k for n in needles)]
    if not keys:
        return None
    keys.sort(key=lambda k: ("primary" not in k and k not in needles, len(k)))
    return keys[0]


def features_to_fields(features: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Split WANDS features into Product fields and remaining attributes."""
    fields: dict[str, str] = {}
    rest = dict(features)
    for field, needles in FEATURE_FIELDS.items():
        key = _pick(features, needles)
        if key is not None:
            fields[field] = rest.pop(key)
    if "size" not in fields:
        dims = []
        for word, letter in _DIMENSIONS:
            key = _pick({k: v for k, v in features.items() if "overall" in k}, (word,))
            if key is not None:
                dims.append(f"{features[key]}\" {letter}")
        if dims:
            fields["size"] = " x ".join(dims)
    return fields, rest


def wands_row_to_record(row: dict[str, str]) -> dict:
    """A product.csv row as a loader record (Product fields + attributes)."""
    features = parse_features(row.get("product_features"))
    fields, attributes = features_to_fields(features)
    hierarchy = (row.get("category hierarchy") or row.get("category_hierarchy") or "").strip()
    # WANDS levels are separated by " / "; a level itself may contain "/" ("Indoor/Outdoor Rugs").
    category = [c.strip() for c in hierarchy.split(" / ") if c.strip()] if " / " in hierarchy else parse_category(hierarchy)
    product_class = (row.get("product_class") or "").strip()
    if product_class:
        attributes["product_class"] = product_class
        if not category or category[-1].lower() != product_class.lower():
            category = [*category, product_class]
    rating = (row.get("average_rating") or "").strip()
    record = {
        "id": row.get("product_id"),
        "title": row.get("product_name"),
        "description": (row.get("product_description") or "").strip(),
        "category": category,
        "rating": rating or None,
        "review_count": (row.get("review_count") or "").strip() or 0,
        "attributes": attributes,
        **fields,
    }
    rating_count = (row.get("rating_count") or "").strip()
    if rating_count:
        attributes["rating_count"] = rating_count
    return record


def _require(directory: Path, name: str) -> Path:
    path = Path(directory) / name
    if not path.exists():
        raise UserFacingError(
            f"WANDS file {path} is missing (a WANDS directory needs product.csv, query.csv and label.csv)"
        )
    return path


def load_wands_products(directory: str | Path) -> CatalogLoad:
    path = _require(Path(directory), "product.csv")
    rows = ((line, wands_row_to_record(row)) for line, row in _read_tsv(path))
    load = collect(path.name, rows, mapping=None)
    log_summary(load, str(path))
    return load


def load_wands_queries(directory: str | Path) -> list[WandsQuery]:
    path = _require(Path(directory), "query.csv")
    return [
        WandsQuery(id=row["query_id"].strip(), text=row["query"].strip(), query_class=(row.get("query_class") or "").strip())
        for _, row in _read_tsv(path)
        if (row.get("query") or "").strip()
    ]


def load_wands_labels(directory: str | Path) -> dict[str, dict[str, int]]:
    """query_id -> {product_id: gain} with Exact=2, Partial=1, Irrelevant=0."""
    path = _require(Path(directory), "label.csv")
    labels: dict[str, dict[str, int]] = {}
    for line, row in _read_tsv(path):
        label = (row.get("label") or "").strip().lower()
        if label not in GAINS:
            raise UserFacingError(f"{path.name}:{line}: unknown label {row.get('label')!r}")
        labels.setdefault(row["query_id"].strip(), {})[row["product_id"].strip()] = GAINS[label]
    return labels
