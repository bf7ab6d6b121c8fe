"""Fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from tests.ui.prep_helpers import temp_settings


@pytest.fixture
def window(store: Store, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on the test's store, shown (a module may define its own)."""
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.show()
    yield made
