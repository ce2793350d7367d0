"""Load a shop's catalog from CSV, JSONL, Parquet (or a WANDS directory).

A column mapping says which source column holds each :class:`Product` field
(``{"title": "product_name", "price": "unit_price"}``); fields not mapped are
looked up under their own name. Every other source column goes to
``Product.attributes``. Rows that fail validation are skipped and reported
as :class:`RowError` (file, row, reason), never dropped silently.
"""

from __future__ import annotations

import csv
import json
import logging
import math
from pathlib import Path
from typing import Any, Iterable, Iterator

from pydantic import BaseModel, Field, ValidationError

from bot.errors import UserFacingError
from retrieval.product import Product

log = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "parquet", "wands")
PRODUCT_FIELDS = tuple(Product.model_fields)


class RowError(BaseModel):
    """A catalog row that was skipped, and why."""

    file: str
    row: int = Field(description="1-based line number (CSV/JSONL, header = line 1) or row number (Parquet).")
    reason: str


class CatalogLoad(BaseModel):
    products: list[Product] = Field(default_factory=list)
    errors: list[RowError] = Field(default_factory=list)


def guess_format(path: Path) -> str:
    """``wands`` for a directory with product.csv, else from the file suffix."""
    path = Path(path)
    if path.is_dir():
        if (path / "product.csv").exists() or (path / "query.csv").exists():
            return "wands"
        raise UserFacingError(f"{path} is a directory but not a WANDS directory (no product.csv)")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise UserFacingError(f"cannot guess the catalog format of {path.name}; pass --format ({'|'.join(FORMATS)})")


def parse_category(value: Any) -> list[str]:
    """A category path from ``"A > B > C"``, ``"A/B/C"``, a JSON list or a list."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        text = str(value).strip()
        if text.startswith("["):
            try:
                return parse_category(json.loads(text))
            except json.JSONDecodeError:
                pass
        if ">" in text:
            parts = text.split(">")
        elif "/" in text:
            parts = text.split("/")
        elif "|" in text:
            parts = text.split("|")
        else:
            parts = [text]
    return [p.strip() for p in parts if p and p.strip()]


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _to_count(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip().replace(",", "")
        try:
            value = float(value)
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def row_to_product(row: dict[str, Any], mapping: dict[str, str] | None = None) -> Product:
    """One source row as a Product (raises ``ValidationError``/``ValueError``)."""
    mapping = dict(mapping or {})
    unknown = set(mapping) - set(PRODUCT_FIELDS)
    if unknown:
        raise UserFacingError(f"column mapping names unknown product fields: {sorted(unknown)}")
    used: set[str] = set()
    data: dict[str, Any] = {}
    for field in PRODUCT_FIELDS:
        column = mapping.get(field, field)
        if column in row:
            used.add(column)
            value = row[column]
            if not _is_blank(value):
                data[field] = value
    if "category" in data:
        data["category"] = parse_category(data["category"])
    if "review_count" in data:
        data["review_count"] = _to_count(data["review_count"])
    attributes: dict[str, str] = {}
    given = data.pop("attributes", None)
    if isinstance(given, str):
        given = json.loads(given)
    if isinstance(given, dict):
        attributes.update({str(k): str(v) for k, v in given.items() if not _is_blank(v)})
    for column, value in row.items():
        if column in used or column is None or _is_blank(value):
            continue
        attributes[str(column)] = value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)
    data["attributes"] = attributes
    return Product(**data)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'row'}: {err['msg']}" for err in exc.errors(include_url=False)
        )
    return str(exc) or type(exc).__name__


def _csv_rows(path: Path, delimiter: str | None) -> Iterator[tuple[int, dict]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        if delimiter is None:
            sample = fh.readline()
            delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
            fh.seek(0)
        reader = csv.DictReader(fh, delimiter=delimiter)
        for row in reader:
            extra = row.pop(None, None)
            if extra:
                yield reader.line_num, {"__error__": f"{len(extra)} more value(s) than header columns"}
                continue
            yield reader.line_num, row


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8-sig") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, {"__error__": f"invalid JSON: {exc.msg}"}
                continue
            if not isinstance(row, dict):
                yield line_no, {"__error__": "a JSON line must be an object"}
                continue
            yield line_no, row


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    row_no = 0
    for batch in table.iter_batches(batch_size=10_000):
        for row in batch.to_pylist():
            row_no += 1
            yield row_no, row


def collect(file: str, rows: Iterable[tuple[int, dict]], mapping: dict[str, str] | None = None) -> CatalogLoad:
    """Validate rows into products; report bad rows and duplicate ids."""
    result = CatalogLoad()
    seen: set[str] = set()
    for row_no, row in rows:
        if "__error__" in row:
            result.errors.append(RowError(file=file, row=row_no, reason=row["__error__"]))
            continue
        try:
            product = row_to_product(row, mapping)
        except UserFacingError:
            raise
        except (ValidationError, ValueError, TypeError) as exc:
            result.errors.append(RowError(file=file, row=row_no, reason=_reason(exc)))
            continue
        if product.id in seen:
            result.errors.append(RowError(file=file, row=row_no, reason=f"duplicate id {product.id!r} (first kept)"))
            continue
        seen.add(product.id)
        result.products.append(product)
    return result


def log_summary(load: CatalogLoad, source: str) -> None:
    """One warning that summarizes the skipped rows (first few shown)."""
    if not load.errors:
        return
    shown = "; ".join(f"{e.file}:{e.row}: {e.reason}" for e in load.errors[:5])
    more = f" (and {len(load.errors) - 5} more)" if len(load.errors) > 5 else ""
    log.warning("catalog %s: skipped %d invalid row(s), loaded %d: %s%s",
                source, len(load.errors), len(load.products), shown, more)


def load_mapping(path: str | Path | None) -> dict[str, str] | None:
    """A column mapping from a JSON or YAML file (``{field: column}``)."""
    if path is None:
        return None
    path = Path(path)
    if not path.exists():
        raise UserFacingError(f"mapping file not found: {path}")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise UserFacingError(f"{path}: a mapping must be an object of product field -> source column")
    return data


def load_catalog(
    path: str | Path,
    format: str | None = None,
    mapping: dict[str, str] | None = None,
    *,
    delimiter: str | None = None,
) -> CatalogLoad:
    """Load a catalog file (or WANDS directory) into products plus row errors."""
    path = Path(path)
    if not path.exists():
        raise UserFacingError(f"catalog not found: {path}")
    fmt = (format or guess_format(path)).lower()
    if fmt == "wands":
        from retrieval.wands import load_wands_products

        load = load_wands_products(path)
    elif fmt == "csv":
        load = collect(path.name, _csv_rows(path, delimiter), mapping)
    elif fmt == "jsonl":
        load = collect(path.name, _jsonl_rows(path), mapping)
    elif fmt == "parquet":
        load = collect(path.name, _parquet_rows(path), mapping)
    else:
        raise UserFacingError(f"unknown catalog format {fmt!r}; use one of {', '.join(FORMATS)}")
    log_summary(load, str(path))
    return load
