"""A main window at the size a maximised window has on the issue's two laptop screens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from tests.ui.prep_helpers import temp_settings

# The client area of a maximised window (taskbar and title bar taken off) at 1366×768, 1280×800.
LAPTOP_WINDOWS = {"1366x768": (1366, 705), "1280x800": (1280, 737)}


@pytest.fixture(name="window", params=list(LAPTOP_WINDOWS))
def laptop_window(
    request: pytest.FixtureRequest, store: Store, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(*LAPTOP_WINDOWS[request.param])
    made.show()
    yield made
