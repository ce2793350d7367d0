"""Load a trained NLU model and understand messages.

    nlu = NLU.load(path)                 # a versioned model directory
    nlu.predict("a grey sofa under $800") -> NLUResult
    nlu.predict_batch([...])             # one forward pass for the batch
    ensure_nlu(settings, products)       # newest model for this catalog, training one when missing
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import UserFacingError
from bot.nlu.intents import INTENT_GROUP, OUT_OF_SCOPE, SLOT_TYPES
from bot.nlu.normalize import (
    CatalogVocabulary,
    chosen_slot,
    coordinated_slot,
    count_meaning,
    measure_meaning,
    negated_after,
    negated_slot,
    normalize_slots,
    vocabulary_from_products,
    widen_price_spans,
)
from bot.nlu.types import NLUResult, SlotSpan

if TYPE_CHECKING:  # pragma: no cover
    from bot.config import Settings
    from retrieval.product import Product

log = logging.getLogger(__name__)

META_FILE = "meta.json"
RANKING_SIZE = 3


class NLU:
    """A trained joint intent + slot model with its label maps, vocabulary and calibration."""

    def __init__(self, model, tokenizer, intents: list[str], tags: list[str], *, temperature: float = 1.0,
                 threshold: float = 0.45, max_len: int = 48, vocabulary: CatalogVocabulary | None = None,
                 device: str = "cpu", path: Path | None = None):
        self.model = model.eval().to(device)
        self.tokenizer = tokenizer
        self.intents = list(intents)
        self.tags = list(tags)
        self.temperature = float(temperature)
        self.threshold = float(threshold)
        self.max_len = int(max_len)
        self.vocabulary = vocabulary or CatalogVocabulary({})
        self.device = device
        self.path = path
        self._lock = threading.Lock()

    # -------------------------------------------------------------- loading

    @classmethod
    def load(cls, path: Path | str, device: str | None = None) -> "NLU":
        """Load a model directory written by ``shopbot train nlu``."""
        import torch
        from safetensors.torch import load_file
        from transformers import AutoTokenizer

        from bot.nlu.model import JointIntentSlotModel

        path = Path(path)
        meta_path = path / META_FILE
        if not meta_path.is_file():
            raise UserFacingError(f"{path} is not a trained NLU model (no {META_FILE}); run `shopbot train nlu`")
        meta = json.loads(meta_path.read_text())
        labels = json.loads((path / "labels.json").read_text())
        vocabulary = CatalogVocabulary(json.loads((path / "vocabulary.json").read_text()))
        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        model = JointIntentSlotModel.from_config_dir(path / "encoder", len(labels["intents"]), len(labels["tags"]))
        model.load_state_dict(load_file(str(path / "model.safetensors")))
        tokenizer = AutoTokenizer.from_pretrained(str(path / "tokenizer"))
        return cls(model, tokenizer, labels["intents"], labels["tags"], temperature=meta.get("temperature", 1.0),
                   threshold=meta.get("threshold", 0.45), max_len=meta.get("max_len", 48), vocabulary=vocabulary,
                   device=device, path=path)

    def with_vocabulary(self, products: Sequence["Product"]) -> "NLU":
        """Normalize slot values against another product list's vocabulary (same model)."""
        self.vocabulary = CatalogVocabulary(vocabulary_from_products(products))
        return self

    # -------------------------------------------------------------- prediction

    def predict(self, text: str) -> NLUResult:
        return self.predict_batch([text])[0]

    def predict_batch(self, texts: Sequence[str], batch_size: int = 64) -> list[NLUResult]:
        """Understand many messages: one forward pass per ``batch_size`` messages."""
        results: list[NLUResult] = []
        for i in range(0, len(texts), batch_size):
            results += self._predict_chunk(list(texts[i : i + batch_size]))
        return results

    def raw_logits(self, texts: Sequence[str]):
        """Intent logits, slot logits and offsets of a batch (no calibration)."""
        import torch

        enc = self.tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_len,
                             return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").tolist()
        with self._lock, torch.inference_mode():
            intent_logits, slot_logits = self.model(enc["input_ids"].to(self.device),
                                                    enc["attention_mask"].to(self.device))
        return intent_logits.float().cpu(), slot_logits.float().cpu(), offsets

    def window_logits(self, texts: Sequence[str]):
        """Like ``raw_logits``, but a message longer than the model's window is read in overlapping windows
        (a long story with the request at its end keeps every slot): returns intent logits, slot logits and
        offsets per window, and for each window the index of its message."""
        import torch

        stride = max(1, self.max_len // 4)
        enc = self.tokenizer(list(texts), padding=True, truncation=True, max_length=self.max_len, stride=stride,
                             return_overflowing_tokens=True, return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").tolist()
        owners = enc.pop("overflow_to_sample_mapping").tolist()
        with self._lock, torch.inference_mode():
            intent_logits, slot_logits = self.model(enc["input_ids"].to(self.device),
                                                    enc["attention_mask"].to(self.device))
        return intent_logits.float().cpu(), slot_logits.float().cpu(), offsets, owners

    def _predict_chunk(self, texts: list[str]) -> list[NLUResult]:
        import torch

        from bot.nlu.data import spans_from_tags

        clean = [t if isinstance(t, str) else "" for t in texts]
        nonempty = [i for i, t in enumerate(clean) if t.strip()]
        results: list[NLUResult | None] = [None] * len(clean)
        for i, t in enumerate(clean):
            if not t.strip():
                results[i] = NLUResult(text=t, intent=OUT_OF_SCOPE, confidence=1.0)
        if nonempty:
            intent_logits, slot_logits, offsets, owners = self.window_logits([clean[i] for i in nonempty])
            window_probs = torch.softmax(intent_logits / self.temperature, dim=-1)
            window_tags = slot_logits.argmax(-1).tolist()
            for row, i in enumerate(nonempty):
                text = clean[i]
                windows = [w for w, owner in enumerate(owners) if owner == row]
                # a message read in several windows: the mean of their intent probabilities, and each token's
                # tag from the window where it stands furthest from an edge
                probs_row = window_probs[windows].mean(dim=0)
                token_offsets, tags = _merge_windows([offsets[w] for w in windows],
                                                     [[self.tags[t] for t in window_tags[w]] for w in windows])
                top = torch.topk(probs_row, k=min(RANKING_SIZE, probs_row.shape[0]))
                ranking = [(self.intents[j], round(float(p), 4)) for p, j in zip(top.values.tolist(), top.indices.tolist())]
                intent, confidence = ranking[0]
                if confidence < self.threshold:
                    intent = OUT_OF_SCOPE
                # a joining word is no value ("walnut or oak": "or" tagged as a brand)
                spans = [s for s in spans_from_tags(text, token_offsets, tags)
                         if text[s.start:s.end].strip().lower() not in _JOINING_WORDS]
                meanings = []  # the slot each span fills: an attribute after a negation is an exclusion
                for k, span in enumerate(spans):
                    meaning = negated_slot(text, span.slot, span.start)
                    if meaning == span.slot:
                        meaning = negated_after(text, span.slot, span.end, span.start)
                    if k and meaning == span.slot:
                        meaning = coordinated_slot(text, span.slot, span.start, meanings[k - 1], spans[k - 1].end)
                    if k and meaning == span.slot:
                        meaning = chosen_slot(text, span.slot, span.start, meanings[k - 1], spans[k - 1].end,
                                              spans[k - 1].start)
                    if meaning in SLOT_TYPES:  # tagged types (exclude_brand, ...); exclude_size is rule-only
                        span.slot = meaning
                    meanings.append(meaning)
                # a number with a unit is a dimension, not a price ("84 inches long"); one of another object
                # ("my 65 inch tv") is neither
                meanings = [count_meaning(text, measure_meaning(text, m, s.end, s.start), s.start) for m, s in zip(meanings, spans)]
                spans, meanings = _join_measures(text, spans, meanings)
                spans, meanings = _join_values(text, spans, meanings, self.vocabulary)
                # normalization reads a price with the direction / negation words around it ("nothing over 900")
                widened = widen_price_spans(text, [(m, s.start, s.end) for m, s in zip(meanings, spans) if m])
                pairs = [(slot, text[start:end]) for slot, start, end in widened]
                slots = normalize_slots(text, pairs, self.vocabulary)
                _add_choices(text, spans, meanings, slots, self.vocabulary)
                if INTENT_GROUP.get(intent) != "shopping":
                    slots.pop("price_relative", None)
                    slots.pop("size_relative", None)
                results[i] = NLUResult(
                    text=text, intent=intent, confidence=min(1.0, max(0.0, confidence)), slots=slots,
                    spans=[SlotSpan(name=s.slot, text=text[s.start : s.end], start=s.start, end=s.end) for s in spans],
                    ranking=ranking,
                )
        return [r for r in results if r is not None]


_OR = re.compile(r"\s*(?:,\s*)?(?:or|/)\s*$", re.IGNORECASE)
_JOINING_WORDS = {"or", "and", "nor", "/", "&", ",", "either"}


def _add_choices(text: str, spans: list, meanings: list, slots: dict, vocabulary) -> None:
    """ "mesh or fabric", "navy or grey": two values of one kind joined by "or" are both wanted (a list)."""
    for k in range(1, len(spans)):
        kind = meanings[k]
        if kind not in ("color", "material", "style") or meanings[k - 1] != kind:
            continue
        if not _OR.match(text[spans[k - 1].end : spans[k].start]):
            continue
        values = []
        for span in (spans[k - 1], spans[k]):  # "a green velvet couch. thinking rust or cream": rust too
            said = text[span.start : span.end]
            values.append((vocabulary.match(kind, said) if vocabulary is not None else None) or said.strip().lower())
        current = slots.get(kind)
        current = [current] if isinstance(current, str) else list(current or [])
        for value in values:
            if value.lower() not in {v.lower() for v in current}:
                current.append(value)
        slots[kind] = current if len(current) > 1 else current[0]


def _join_values(text: str, spans: list, meanings: list, vocabulary) -> tuple[list, list]:
    """Two spans of one attribute right next to each other that together name one catalog value and alone do not
    ("walnut or honey pine colour" tagged as "honey" + "pine colour"): one span."""
    out_spans, out_meanings = [], []
    for span, meaning in zip(spans, meanings):
        if (vocabulary is not None and out_spans and meaning in ("color", "material", "style") and out_meanings[-1] == meaning
                and not text[out_spans[-1].end : span.start].strip()):
            first = text[out_spans[-1].start : out_spans[-1].end]
            found = vocabulary.match(meaning, text[out_spans[-1].start : span.end])
            if vocabulary.exact(meaning, first) is None and found is not None and len(found.split()) > 1 \
                    and first.lower().split()[0] in found.lower().split():
                out_spans[-1].end = span.end
                continue
        field = str(meaning or "").removeprefix("exclude_")
        if (vocabulary is not None and out_spans and field in ("color", "material", "style") and out_meanings[-1] != meaning
                and not text[out_spans[-1].end : span.start].strip()
                and vocabulary.exact(field, text[out_spans[-1].start : span.end]) is not None
                and vocabulary.exact(field, text[out_spans[-1].start : out_spans[-1].end]) is None):
            # "not memory foam" tagged as the brand "memory" + the material "foam": the one material, "memory foam"
            out_spans[-1].end, out_spans[-1].slot, out_meanings[-1] = span.end, span.slot, meaning
            continue
        out_spans.append(span)
        out_meanings.append(meaning)
    return out_spans, out_meanings


def _join_measures(text: str, spans: list, meanings: list) -> tuple[list, list]:
    """A number read as a size and the unit words tagged after it are one size ("84" + "inches long")."""
    out_spans, out_meanings = [], []
    for span, meaning in zip(spans, meanings):
        if (out_spans and meaning == "size" and out_meanings[-1] == "size"
                and not text[out_spans[-1].end : span.start].strip()):
            out_spans[-1].end = span.end
            continue
        if meaning == "size":
            span.slot = "size"
        out_spans.append(span)
        out_meanings.append(meaning)
    return out_spans, out_meanings


def _merge_windows(offsets: list[list], tags: list[list[str]]) -> tuple[list[tuple[int, int]], list[str]]:
    """One (offsets, tags) sequence for a message read in overlapping windows, in text order: a token seen in
    two windows takes the tag of the window where more context surrounds it."""
    if len(offsets) == 1:
        return [tuple(o) for o in offsets[0]], tags[0]
    best: dict[tuple[int, int], tuple[int, str]] = {}
    for window_offsets, window_tags in zip(offsets, tags):
        real = [k for k, (start, end) in enumerate(window_offsets) if end > start]
        for rank, k in enumerate(real):
            margin = min(rank, len(real) - 1 - rank)
            key = (int(window_offsets[k][0]), int(window_offsets[k][1]))
            if key not in best or margin > best[key][0]:
                best[key] = (margin, window_tags[k])
    ordered = sorted(best)
    return ordered, [best[key][1] for key in ordered]


# ------------------------------------------------------------------ model directories


def training_data_version() -> str:
    """A hash of what the training data is generated from (templates, vocabulary, generator)."""
    import hashlib

    here = Path(__file__).parent
    h = hashlib.sha256()
    for path in [here / "data.py", *sorted((here / "templates").glob("*.yaml"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def catalog_fingerprint(values: dict[str, list[str]]) -> str:
    """A short hash of a catalog vocabulary and of the training data: a model is retrained when
    the catalog's vocabulary changes or a new shopbot version generates different training data."""
    import hashlib

    canonical = json.dumps({"vocabulary": {k: sorted(v) for k, v in sorted(values.items())},
                            "training_data": training_data_version()}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def list_models(root: Path) -> list[Path]:
    """Complete model directories under ``root`` (models_dir/nlu), oldest first."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / META_FILE).is_file())


def newest_model(root: Path, fingerprint: str | None = None) -> Path | None:
    """The newest complete model under ``root``; with ``fingerprint``, the newest trained on that vocabulary."""
    for path in reversed(list_models(root)):
        if fingerprint is None:
            return path
        try:
            meta = json.loads((path / META_FILE).read_text())
        except (OSError, ValueError):
            continue
        if meta.get("catalog_fingerprint") == fingerprint:
            return path
    return None


def ensure_nlu(settings: "Settings", products: Sequence["Product"] | None = None, progress: bool = True,
               device: str | None = None, match_catalog: bool = True) -> NLU:
    """The NLU for this shop: ``settings.nlu_model_dir`` when set, else the newest model trained on this
    catalog's vocabulary under ``models_dir/nlu``, else a freshly trained one.

    With ``match_catalog=False`` the newest model of any catalog is used (its slot values are then
    normalized against ``products``' vocabulary); training happens only when there is none at all.
    """
    if settings.nlu_model_dir is not None:
        nlu = NLU.load(settings.nlu_model_dir, device=device or settings.torch_device())
        return nlu.with_vocabulary(products) if products else nlu
    root = settings.models_dir / "nlu"
    values = vocabulary_from_products(products or [])
    path = newest_model(root, catalog_fingerprint(values))
    if path is None and not match_catalog:
        path = newest_model(root)
        if path is not None:
            nlu = NLU.load(path, device=device or settings.torch_device())
            return nlu.with_vocabulary(products) if products else nlu
    if path is None:
        from bot.nlu.train import TrainConfig, train_nlu

        log.info("no NLU model for this catalog under %s: training one", root)
        path = train_nlu(root, products or [], TrainConfig(), progress=progress)
    return NLU.load(path, device=device or settings.torch_device())
