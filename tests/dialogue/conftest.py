"""Fixtures shared by the dialogue unit tests: the demo catalog and its vocabulary, read once."""

from __future__ import annotations

import pytest

from retrieval.demo_catalog import catalog_vocabulary, load_demo_catalog


@pytest.fixture(scope="session")
def catalog():
    return load_demo_catalog()


@pytest.fixture(scope="session")
def vocab(catalog):
    return catalog_vocabulary(catalog)
