"""The projector window: placed on the beamer when there is one, follows the live view, no names."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from sromod.models import AttendanceStatus
from sromod.services import agenda, attendance, bodies, directory, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.live import StateRole
from sromod.ui.screens.live import LiveView, open_live_view
from sromod.ui.screens.projector import ProjectorWindow
from tests.services.helpers import office_id
from tests.ui.live_helpers import FakeMonotonic, activate, fake_clock, meeting_with_review

BEAMER = QRect(1920, 0, 1280, 720)


@dataclass
class FakeScreen:
    rect: QRect

    def geometry(self) -> QRect:
        return self.rect

    def availableGeometry(self) -> QRect:  # a window on the laptop's screen is kept inside it
        return self.rect


def fake_screens(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    screens = [FakeScreen(QRect(0, 0, 1920, 1080)), FakeScreen(BEAMER)][:count]
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: screens))
    # the laptop's own screen is the first one (the offscreen platform's real one is 800×600)
    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: screens[0]))


def open_view(store: Store, qtbot: QtBot) -> tuple[LiveView, FakeMonotonic, str]:
    setup = meeting_with_review(store)
    clock, mono = fake_clock()
    view = open_live_view(AppContext(store), setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    activate(qtbot, view)
    return view, mono, setup.meeting_id


def open_projector(view: LiveView, qtbot: QtBot) -> ProjectorWindow:
    qtbot.keyClick(view, Qt.Key.Key_F7)
    projector = view.projector
    assert isinstance(projector, ProjectorWindow)
    qtbot.addWidget(projector)
    return projector


def test_full_screen_on_the_second_screen(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screens(monkeypatch, 2)
    view, _, _ = open_view(store, qtbot)
    projector = open_projector(view, qtbot)
    assert projector.isVisible() and projector.isFullScreen()
    assert projector.property("projectorGeometry") == BEAMER
    qtbot.keyClick(view, Qt.Key.Key_F7)  # F7 again takes it away
    assert not projector.isVisible() and not projector.timer.isActive()
    qtbot.keyClick(view, Qt.Key.Key_F7)  # and brings it back, ticking
    assert projector.isVisible() and projector.isFullScreen() and projector.timer.isActive()


def test_an_ordinary_window_with_one_screen(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screens(monkeypatch, 1)
    view, _, _ = open_view(store, qtbot)
    projector = open_projector(view, qtbot)
    assert projector.isVisible() and not projector.isFullScreen()
    assert projector.property("projectorGeometry") is None
    assert projector.width() >= 800


def test_it_follows_the_live_view(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screens(monkeypatch, 1)
    view, mono, _ = open_view(store, qtbot)
    projector = open_projector(view, qtbot)
    assert projector.top_title.text().startswith("TOP 1  Begrüßung")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    mono.advance(2 * 60)
    projector.update_time()
    view.update_time()
    assert projector.top_title.text().startswith("TOP 2  Genehmigung")
    assert projector.marker.isVisible() and projector.marker.text() == "▶ läuft"
    assert projector.time_label.text() == "noch 3:00" == view.time_label.text()
    states = [projector.model.index(row).data(StateRole) for row in range(5)]
    assert states == ["✓ behandelt", "▶ läuft", "offen", "offen", "offen"]
    running_text = projector.model.index(1).data()
    assert "▶ läuft" in running_text  # said in words, not by the colour alone
    assert projector.model.index(1).data(Qt.ItemDataRole.BackgroundRole) is not None
    mono.advance(4 * 60)
    projector.update_time()
    assert projector.time_label.text() == "1 Minute überzogen"
    assert projector.time_label.property("timeState") == "over"
    view.context.undo_stack.undo()  # undoing the move brings TOP 1 back on the wall too
    assert projector.top_title.text().startswith("TOP 1")


def test_it_shows_no_personal_data(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screens(monkeypatch, 1)
    setup = meeting_with_review(store)
    moderator = directory.create_person(
        store, "Erika Mustermann", office_id=office_id(store, "Jug")
    )
    bodies.update_body(store, setup.body_id, moderator_id=moderator)
    for person in directory.list_people(store):
        attendance.set_attendance(store, setup.meeting_id, person.id, AttendanceStatus.PRESENT)
    agenda.add_agenda_item(
        store, setup.meeting_id, "Kiezkasse", presenter="Erika Mustermann", position=1
    )
    review = next(
        i for i in agenda.list_agenda(store, setup.meeting_id) if i.kind.value == "wiedervorlage"
    )
    tasks.add_task(store, "Vorlage schreiben", person_id=moderator, agenda_item_id=review.id)
    clock, _ = fake_clock()
    view = open_live_view(AppContext(store), setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    activate(qtbot, view)
    projector = open_projector(view, qtbot)
    assert "Erika Mustermann" in view.top_meta.text()  # the moderator's own screen may name her
    for _ in range(3):  # walk to the Wiedervorlage with its carried tasks
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageDown)
    assert projector.top_title.text() == "TOP 4  Wiedervorlage: Stand der Aufgaben"
    shown = [label.text() for label in projector.findChildren(QLabel)]
    shown += [projector.model.index(r).data() for r in range(projector.model.rowCount())]
    shown += [
        projector.model.index(r).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(projector.model.rowCount())
    ]
    text = "\n".join(shown)
    assert "Wiedervorlage" in text
    for person in directory.list_people(store):
        assert person.name not in text
