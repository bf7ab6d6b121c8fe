"""The moderator decides whether the room sees the clock: F8 and a checkable menu entry, remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.projector import ProjectorWindow
from sromod.ui.settings import UiSettings
from tests.ui.live_helpers import FakeMonotonic, meeting_with_review, open_live
from tests.ui.prep_helpers import temp_settings
from tests.ui.test_projector import fake_screens


def open_view(
    store: Store, qtbot: QtBot, settings: UiSettings, meeting_id: str | None = None
) -> tuple[LiveView, FakeMonotonic]:
    return open_live(qtbot, store, meeting_id or meeting_with_review(store).meeting_id, settings)


def projector_of(view: LiveView, qtbot: QtBot) -> ProjectorWindow:
    qtbot.keyClick(view, Qt.Key.Key_F7)
    projector = view.projector
    assert isinstance(projector, ProjectorWindow) and projector.isVisible()
    qtbot.addWidget(projector)
    return projector


def test_f8_hides_the_clock_on_the_projector_and_the_choice_is_kept(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_screens(monkeypatch, 2)
    settings = temp_settings(tmp_path)
    view, mono = open_view(store, qtbot, settings)
    button = view.buttons["projector"]
    assert button.text() == "Projektor: aus"
    projector = projector_of(view, qtbot)
    mono.advance(8 * 60)  # TOP 1 has 5 minutes: 3 over, red on the wall
    projector.update_time()
    assert projector.time_label.isVisible() and "überzogen" in projector.time_label.text()
    assert button.text() == "Projektor: mit Uhr"
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert not projector.time_label.isVisible()
    assert button.text() == "Projektor: ohne Uhr"
    assert not view.projector_control.clock_action.isChecked()
    assert "keine Uhr" in view.status_line.text()
    assert temp_settings(tmp_path).projector_clock() is False  # window state, in QSettings
    # the moderator still sees the overrun, in words and in figures, not by colour alone
    view.update_time()
    assert "3 Minuten überzogen" in view.time_label.text()
    assert view.time_detail.text().startswith("+3 Min. · ")
    # next time the projector starts without the clock
    meeting_id = view.meeting_id
    view.close()
    again, _ = open_view(store, qtbot, temp_settings(tmp_path), meeting_id)
    projector = projector_of(again, qtbot)
    assert not projector.time_label.isVisible()
    assert again.buttons["projector"].text() == "Projektor: ohne Uhr"


def test_the_projector_button_menu_holds_both_switches(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_screens(monkeypatch, 1)
    view, _ = open_view(store, qtbot, temp_settings(tmp_path))
    menu = view.buttons["projector"].menu()
    assert menu is not None
    show, clock = menu.actions()
    assert show.isCheckable() and clock.isCheckable()
    assert (show.text(), show.shortcut().toString()) == ("Projektor zeigen", "F7")
    assert clock.shortcut().toString() == "F8" and clock.isChecked()
    show.trigger()
    projector = view.projector
    assert isinstance(projector, ProjectorWindow)
    qtbot.addWidget(projector)
    assert projector.isVisible() and show.isChecked()
    clock.trigger()
    assert not projector.time_label.isVisible() and not clock.isChecked()
    clock.trigger()
    assert projector.time_label.isVisible()
    projector.close()  # closed on the projector itself (Esc there, or its window's ×)
    assert not projector.isVisible()
    assert not show.isChecked() and view.buttons["projector"].text() == "Projektor: aus"
