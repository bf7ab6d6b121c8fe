"""Shared fixtures: a fresh store with reference data for every test, Qt on the offscreen platform."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "sromod.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = open_store(store_path, initialise=load_reference_data)
    try:
        yield opened
    finally:
        opened.close()
