"""CLI of the re-ranker: ``shopbot train ranker [--wands DIR] [--epochs N]``."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from bot.errors import UserFacingError

log = logging.getLogger(__name__)


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    p = train_sub.add_parser(
        "ranker",
        help="learn the re-ranker's weights from WANDS relevance labels and simulated shopper profiles",
        description="Learn the re-ranker's weights from WANDS labels (product.csv, query.csv, label.csv) plus "
        "simulated profiles; writes HOME/models/ranker/weights.pt, which the bot then loads.",
    )
    p.add_argument("--wands", type=Path, help="WANDS directory (default: the configured catalog when it is one)")
    p.add_argument("--epochs", type=int, default=30, help="training epochs (default 30)")
    p.add_argument("--lr", type=float, default=0.05, help="learning rate (default 0.05)")
    p.add_argument("--candidates", type=int, default=100, help="retrieved candidates per query (default 100)")
    p.add_argument("--max-queries", type=int, help="train on at most this many labelled queries")
    p.add_argument(
        "--source",
        choices=("index", "memory"),
        default="index",
        help="candidates from the Qdrant index of the WANDS catalog (default) or an in-memory MiniLM+BM25 retriever",
    )
    p.add_argument("--out", type=Path, help="weights file (default HOME/models/ranker/weights.pt)")
    p.add_argument("--json", action="store_true", help="print the training report as one JSON object")
    p.set_defaults(handler=train_ranker_command)


def _wands_dir(args, settings) -> Path:
    path = args.wands or (settings.catalog if settings.catalog is not None and Path(settings.catalog).is_dir() else None)
    if path is None:
        raise UserFacingError("pass --wands DIR: a WANDS directory with product.csv, query.csv and label.csv")
    path = Path(path).expanduser()
    if not path.is_dir():
        raise UserFacingError(f"{path} is not a directory (expected a WANDS directory)")
    missing = [name for name in ("product.csv", "query.csv", "label.csv") if not (path / name).exists()]
    if missing:
        raise UserFacingError(f"{path} lacks {', '.join(missing)} (a WANDS directory needs product.csv, query.csv and label.csv)")
    return path


def _candidate_source(args, settings, wands_dir: Path):
    from ranking.train import InMemoryCandidates, RetrieverCandidates, minilm_embedder

    if args.source == "index":
        try:
            from retrieval.retriever import Retriever
        except ImportError as exc:
            log.warning("the retriever is not available (%s); using the in-memory retriever", exc)
        else:
            return RetrieverCandidates(Retriever.open(settings, wands_dir, "wands"))
    embed = minilm_embedder(settings.torch_device())
    return lambda products: InMemoryCandidates(list(products.values()), embed)


def train_ranker_command(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from ranking.reranker import default_weights_path
    from ranking.train import train_on_wands

    settings = Settings.from_env()
    wands_dir = _wands_dir(args, settings)
    if args.epochs < 1:
        raise UserFacingError("--epochs must be at least 1")
    out = args.out or default_weights_path(settings)
    source = _candidate_source(args, settings, wands_dir)
    try:
        report = train_on_wands(
            wands_dir,
            source=source,
            out=out,
            epochs=args.epochs,
            lr=args.lr,
            n_candidates=args.candidates,
            max_queries=args.max_queries,
            device=settings.torch_device(),
        )
    except ValueError as exc:
        raise UserFacingError(str(exc)) from None
    if args.json:
        print(json.dumps(report.model_dump()))
    else:
        print(
            f"ranker trained on {report.train_lists} queries ({report.validation_lists} held out): "
            f"validation nDCG@10 {report.ndcg_default:.4f} (defaults) -> {report.ndcg_trained:.4f} "
            f"(epoch {report.best_epoch}); weights written to {report.path}"
        )
    return 0
