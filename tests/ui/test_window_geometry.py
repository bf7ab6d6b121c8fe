"""Issue 10, point 9: the main window fits the laptop screen it opens on, first start and later."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui import screen_fit
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from tests.ui.prep_helpers import temp_settings

# Available geometry (the taskbar takes 40 px) of the laptops the issue names, and a desktop one.
LAPTOP_1366 = QRect(0, 0, 1366, 728)
LAPTOP_1280 = QRect(0, 0, 1280, 760)
DESKTOP = QRect(0, 0, 1920, 1040)
SECOND_MONITOR = QRect(1920, 0, 1920, 1040)


def use_screens(monkeypatch: pytest.MonkeyPatch, *areas: QRect) -> None:
    monkeypatch.setattr(screen_fit, "screen_areas", lambda: list(areas))


def inside(rect: QRect, area: QRect) -> bool:
    """The window and room for its title bar and frame lie within the available area."""
    framed = rect.adjusted(-screen_fit.FRAME, -screen_fit.TITLE_BAR, screen_fit.FRAME, 8)
    return area.contains(framed)


def open_window(store: Store, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("area", [LAPTOP_1366, LAPTOP_1280], ids=["1366x768", "1280x800"])
def test_first_start_on_a_laptop_opens_maximised_and_its_normal_size_fits(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, area: QRect
) -> None:
    use_screens(monkeypatch, area)
    window = open_window(store, qtbot, tmp_path)
    assert window.start_maximised
    assert inside(window.geometry(), area)  # un-maximised it still fits, status bar too
    window.show_at_start()
    assert window.isMaximized()


def test_first_start_on_a_large_screen_is_a_centred_normal_window(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_screens(monkeypatch, DESKTOP)
    window = open_window(store, qtbot, tmp_path)
    assert not window.start_maximised
    assert (window.width(), window.height()) == (1280, 800)
    assert inside(window.geometry(), DESKTOP)
    assert abs(window.geometry().center().x() - DESKTOP.center().x()) <= 1


def _saved(store: Store, qtbot: QtBot, tmp_path: Path, rect: QRect) -> None:
    """Close a window at rect, as on an earlier day with other screens."""
    window = open_window(store, qtbot, tmp_path)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(rect)
    window.close()


@pytest.mark.parametrize("area", [LAPTOP_1366, LAPTOP_1280], ids=["1366x768", "1280x800"])
@pytest.mark.parametrize(
    "saved",
    [
        QRect(2100, 80, 1600, 950),  # on the second monitor, now disconnected
        QRect(-1700, -300, 1200, 700),  # left of and above the screen
        QRect(0, 0, 1900, 1200),  # larger than the laptop
        QRect(900, 500, 1000, 700),  # half off the bottom right
    ],
    ids=["second-monitor", "off-left-top", "oversized", "off-bottom-right"],
)
def test_a_saved_geometry_is_clamped_to_the_screen_it_lands_on(
    store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    area: QRect,
    saved: QRect,
) -> None:
    use_screens(monkeypatch, DESKTOP, SECOND_MONITOR)
    _saved(store, qtbot, tmp_path, saved)
    use_screens(monkeypatch, area)
    window = open_window(store, qtbot, tmp_path)
    assert not window.start_maximised
    assert inside(window.geometry(), area)
    window.show_at_start()
    status = window.statusBar()
    bottom_right = status.mapToGlobal(status.rect().bottomRight())
    assert area.contains(bottom_right)  # the status bar is on screen


def test_a_saved_geometry_that_fits_is_restored_as_it_was(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_screens(monkeypatch, LAPTOP_1366)
    _saved(store, qtbot, tmp_path, QRect(60, 60, 600, 500))
    window = open_window(store, qtbot, tmp_path)
    assert window.geometry() == QRect(60, 60, 600, 500)


def test_fit_into_keeps_a_window_on_the_area() -> None:
    fitted = screen_fit.fit_into(QRect(2100, 80, 1600, 950), LAPTOP_1366)
    assert inside(fitted, LAPTOP_1366)
    assert fitted.width() == LAPTOP_1366.width() - 2 * screen_fit.FRAME
    assert screen_fit.fit_into(QRect(100, 100, 400, 300), LAPTOP_1366) == QRect(100, 100, 400, 300)
