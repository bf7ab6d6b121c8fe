"""Fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.i18n import install_translations
from sromod.ui.main_window import MainWindow
from tests.ui.prep_helpers import temp_settings


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store of one year (20 bodies, 225 meetings), written once per test run; copy it."""
    from sromod.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.create_demo_store(path, 1)
    return path


@pytest.fixture
def window(store: Store, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on the test's store, shown (a module may define its own)."""
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.show()
    yield made


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The test once in German and once in English, with the translations installed."""
    before = QLocale()
    installed = install_translations(qapp, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)
