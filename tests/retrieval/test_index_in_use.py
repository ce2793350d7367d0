"""A second process opening an index that one process holds gets a clear message, not a Rust traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from retrieval.edge_store import EdgeStore
from retrieval.product import Product

ROOT = Path(__file__).resolve().parents[2]


def test_an_index_held_by_another_process_is_a_clear_error(tmp_path):
    store = EdgeStore(tmp_path / "edge")
    vec = np.ones((1, 384), dtype=np.float32) / np.sqrt(384)
    store.upsert([Product(id="p1", title="Oak desk")], vec)
    store.close()
    held = EdgeStore(tmp_path / "edge")  # this process holds the index now
    try:
        code = ("from retrieval.edge_store import EdgeStore\n"
                "from bot.errors import UserFacingError\n"
                "try:\n"
                f"    EdgeStore({str(tmp_path / 'edge')!r})\n"
                "except UserFacingError as exc:\n"
                "    print('CLEAR:', exc)\n")
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert "CLEAR:" in out.stdout, out.stderr[-2000:]
        assert "in use by another shopbot process" in out.stdout and "SHOPBOT_HOME" in out.stdout
    finally:
        held.close()
