"""CLI: ``shopbot train [nlu]`` and ``shopbot eval nlu``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _add_train_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """Options of NLU training; on the ``nlu`` sub-parser their defaults are suppressed so that
    ``shopbot train --epochs 2 nlu`` keeps the value given before the sub-command."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--catalog", type=Path, default=default, help="catalog whose vocabulary to train on (default: demo)")
    parser.add_argument("--format", dest="catalog_format", default=default, choices=("wands", "csv", "jsonl", "parquet"))
    parser.add_argument("--tiny", action="store_true", default=default if suppress else False,
                        help="a small, fast run (for tests and smoke checks)")
    parser.add_argument("--epochs", type=int, default=default, help="training epochs (default 3)")
    parser.add_argument("--scale", type=float, default=default, help="multiply the number of generated examples")
    parser.add_argument("--threads", type=int, default=default, help="torch CPU threads (default: the cores not busy with other work)")
    parser.add_argument("--length-buckets", dest="length_buckets", action=argparse.BooleanOptionalAction,
                        default=default, help="batch examples of similar length, about half the training time "
                        "(default: off, on for --tiny; see TrainConfig.length_buckets)")
    parser.add_argument("--device", default=default, choices=("cpu", "cuda"), help="default: cuda when present")
    parser.add_argument("--out", type=Path, default=default, help="model root directory (default: <home>/models/nlu)")


def register(sub, *, eval_sub, train_sub, train_parser) -> None:
    _add_train_options(train_parser, suppress=False)
    train_parser.set_defaults(handler=run_train)
    nlu = train_sub.add_parser("nlu", help="fine-tune the joint intent + slot model (the default)")
    _add_train_options(nlu, suppress=True)
    nlu.set_defaults(handler=run_train)

    ev = eval_sub.add_parser("nlu", help="intent accuracy / macro-F1, slot F1, Bitext and WANDS checks, latency")
    ev.add_argument("--model", type=Path, help="model directory (default: the newest under <home>/models/nlu trained on the configured catalog, else the newest)")
    ev.add_argument("--data", type=Path, help="evaluation data directory (default: ../shared/data)")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument("--bitext-limit", type=int, default=None, help="evaluate a random sample of N Bitext utterances")
    ev.add_argument("--no-latency", action="store_true", help="skip the latency measurement")
    ev.add_argument("--device", choices=("cpu", "cuda"), default=None)
    ev.add_argument("--threads", type=int, default=None, help="torch CPU threads for the measurement")
    ev.set_defaults(handler=run_eval)


def load_products(settings, catalog: Path | None = None, catalog_format: str | None = None) -> list:
    """The products whose vocabulary the NLU learns: ``catalog`` / ``settings.catalog``, else the demo catalog."""
    path = catalog or settings.catalog
    if path is not None:
        from retrieval.loaders import load_catalog

        return load_catalog(path, catalog_format or settings.catalog_format).products
    from retrieval.demo_catalog import load_demo_catalog

    return load_demo_catalog()


def run_train(args) -> int:
    from bot.config import Settings
    from bot.nlu.train import TrainConfig, train_nlu

    settings = Settings.from_env()
    config = TrainConfig.tiny() if getattr(args, "tiny", False) else TrainConfig()
    updates = {}
    for option, field in (("epochs", "epochs"), ("scale", "examples_scale"), ("threads", "threads"),
                          ("length_buckets", "length_buckets")):
        value = getattr(args, option, None)
        if value is not None:
            updates[field] = value
    config = config.model_copy(update=updates)
    products = load_products(settings, getattr(args, "catalog", None), getattr(args, "catalog_format", None))
    root = getattr(args, "out", None) or settings.models_dir / "nlu"
    path = train_nlu(root, products, config, progress=True, device=getattr(args, "device", None))
    metrics = json.loads((path / "metrics.json").read_text())["heldout"]
    print(f"NLU model written to {path}")
    print(f"held-out: intent accuracy {metrics['intent_accuracy']:.3f}, macro-F1 {metrics['intent_macro_f1']:.3f}, "
          f"slot F1 {metrics['slot_f1']:.3f} ({metrics['train_seconds']:.0f} s)")
    return 0


def _catalog_model(settings):
    """The newest model trained on the configured catalog's vocabulary (the one the assistant would serve)."""
    from retrieval.demo_catalog import DEMO_CATALOG_PATH
    from retrieval.loaders import guess_format
    from retrieval.retriever import Retriever

    from bot.nlu.normalize import vocabulary_from_products
    from bot.nlu.predictor import catalog_fingerprint, newest_model

    path = Path(settings.catalog or DEMO_CATALOG_PATH).expanduser()
    if not path.exists():
        return None
    fmt = (settings.catalog_format or guess_format(path)).lower()
    products = Retriever._load_products(path, fmt, None)
    return newest_model(settings.models_dir / "nlu", catalog_fingerprint(vocabulary_from_products(products)))


def run_eval(args) -> int:
    from bot.config import Settings
    from bot.errors import UserFacingError
    from bot.nlu.evaluate import evaluate_model, format_report
    from bot.nlu.predictor import newest_model

    settings = Settings.from_env()
    model_dir = args.model or settings.nlu_model_dir or _catalog_model(settings) or newest_model(settings.models_dir / "nlu")
    if model_dir is None:
        raise UserFacingError(f"no NLU model under {settings.models_dir / 'nlu'}; run `shopbot train nlu` first")
    report = evaluate_model(Path(model_dir), args.data, bitext_limit=args.bitext_limit,
                            latency=not args.no_latency, device=args.device, threads=args.threads)
    if args.json:
        print(report.model_dump_json())
    else:
        print(format_report(report))
    return 0
