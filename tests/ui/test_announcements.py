"""What a sighted user sees change is said to a screen reader, and the keyboard focus stays put.

PySide6 binds no QAccessible.installUpdateHandler, so the spy stands in for
QAccessible.updateAccessibility itself: it receives the very event Qt would hand to the platform
bridge (UI Automation on Windows, AT-SPI on Linux) and records its type, text and politeness.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import AttendanceStatus
from sromod.services import attendance, decisions, tasks
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.ui.main_window import MainWindow
from sromod.ui.screens import live as live_module
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.meeting import TAB_ATTENDANCE
from tests.services.helpers import make_body, plan
from tests.ui.live_helpers import (
    FakeMonotonic,
    activate,
    fake_clock,
    meeting_with_review,
    open_live,
    type_text,
)
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass(frozen=True)
class Said:
    text: str
    assertive: bool
    source: QObject


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Said]]:
    """Every announcement event passed to Qt's accessibility bridge, in order."""
    heard: list[Said] = []
    bridge = QAccessible.updateAccessibility

    def spy(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            assertive = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive  # type: ignore[attr-defined]
            heard.append(Said(event.message(), assertive, event.object()))  # type: ignore[attr-defined]
        bridge(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(spy))
    yield heard


def within(source: QObject, window: QWidget) -> bool:
    return isinstance(source, QWidget) and (source is window or window.isAncestorOf(source))


@pytest.fixture
def view(store: Store, qtbot: QtBot) -> tuple[LiveView, FakeMonotonic]:
    return open_live(qtbot, store, meeting_with_review(store).meeting_id)


def test_a_saved_decision_and_task_are_said_in_the_live_view(
    view: tuple[LiveView, FakeMonotonic], said: list[Said], store: Store, qtbot: QtBot
) -> None:
    live, _ = view
    qtbot.keyClick(live, Qt.Key.Key_B, CTRL)
    form = live.capture.decision_form
    type_text(qtbot, form.text, "Kiezkasse wird verlängert")
    qtbot.keyClick(form.text, Qt.Key.Key_Return)
    [decision] = decisions.list_decisions_for_meeting(store, live.meeting_id)
    qtbot.keyClick(live, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(live.capture.task_form.what, "Raum buchen")
    qtbot.keyClicks(live.capture.task_form.office, "SGA")
    qtbot.keyClick(live.capture.task_form.office, Qt.Key.Key_Return)
    [task] = tasks.list_tasks_for_meeting(store, live.meeting_id)
    assert [(s.text, s.assertive) for s in said] == [
        (f"{decision.register_number} festgehalten.", False),
        (f"{task.register_number} festgehalten.", False),
    ]
    assert all(within(s.source, live) for s in said)
    assert live.status_line.text() == f"{task.register_number} festgehalten."


def test_a_refusal_in_the_live_view_interrupts_and_leaves_the_focus(
    view: tuple[LiveView, FakeMonotonic], said: list[Said], store: Store, qtbot: QtBot
) -> None:
    live, _ = view
    qtbot.keyClick(live, Qt.Key.Key_T, CTRL)
    form = live.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    qtbot.keyClicks(form.office, "Xyz")
    form.office.setFocus()
    qtbot.keyClick(form.office, Qt.Key.Key_Return)
    assert [(s.text, s.assertive) for s in said] == [("Ein Amt „Xyz“ gibt es nicht.", True)]
    assert within(said[0].source, form)
    assert QApplication.focusWidget() is form.office  # where the moderator was typing
    assert tasks.list_tasks_for_meeting(store, live.meeting_id) == []


def test_the_time_box_passing_zero_is_said_once(
    view: tuple[LiveView, FakeMonotonic], said: list[Said]
) -> None:
    live, mono = view  # TOP 1 has a time box of 5 minutes
    focus = QApplication.focusWidget()
    mono.advance(4 * 60 + 59)
    live.update_time()
    assert said == []
    mono.advance(2)
    live.update_time()
    assert live.time_label.text() == "Zeit abgelaufen"
    mono.advance(2 * 60)
    live.update_time()
    assert live.time_label.text() == "2 Minuten überzogen"
    assert [(s.text, s.assertive) for s in said] == [("Zeit für TOP 1 abgelaufen", False)]
    assert said[0].source is live.time_label
    assert QApplication.focusWidget() is focus


def test_a_view_opened_after_the_time_ran_out_does_not_say_it_again(
    store: Store, qtbot: QtBot, said: list[Said]
) -> None:
    meeting_id = meeting_with_review(store).meeting_id
    first, mono = open_live(qtbot, store, meeting_id)
    mono.advance(6 * 60)
    first.update_time()
    assert len(said) == 1
    first.close()
    second, _ = open_live(qtbot, store, meeting_id)  # its own clock: TOP 1 began 10:00
    second.update_time()
    assert len(said) == 1


def test_the_quorum_lost_and_reached_is_said_on_the_attendance_tab(
    window: MainWindow, store: Store, qtbot: QtBot, said: list[Said]
) -> None:
    meeting_id = plan(store, make_body(store, members=3, quorum=2))
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id, TAB_ATTENDANCE)
    activate(qtbot, window)
    screen = window.meeting_screen.attendance
    table = screen.table
    table.setFocus()
    for row in (0, 1):
        table.selectRow(row)
        qtbot.keyClick(table, Qt.Key.Key_1)  # anwesend
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_3)  # abwesend
    assert [(s.text, s.assertive) for s in said] == [
        (
            "Beschlussfähig: 2 von 3 stimmberechtigten Mitgliedern anwesend – beschlussfähig "
            "(nötig: 2)",
            False,
        ),
        (
            "Nicht mehr beschlussfähig: 1 von 3 stimmberechtigten Mitgliedern anwesend – nicht "
            "beschlussfähig (nötig: 2)",
            True,
        ),
    ]
    assert all(s.source is screen.quorum_label for s in said)
    assert QApplication.focusWidget() is table


def test_the_quorum_lost_is_said_in_the_live_view(
    store: Store, qtbot: QtBot, said: list[Said]
) -> None:
    body_id = make_body(store, members=3, quorum=2)
    meeting_id = plan(store, body_id)
    people = [line.person_id for line in attendance.list_attendance(store, meeting_id)]
    assert None not in people
    people_ids = [p for p in people if p is not None]
    for person in people_ids[:2]:
        attendance.set_attendance(store, meeting_id, person, AttendanceStatus.PRESENT)
    live, _ = open_live(qtbot, store, meeting_id)
    focus = QApplication.focusWidget()
    assert said == []
    live.context.run(
        "abwesend", attendance.set_attendance, meeting_id, people_ids[1], AttendanceStatus.ABSENT
    )
    [lost] = said
    assert lost.assertive and lost.source is live.header
    assert lost.text == (
        "Nicht mehr beschlussfähig: 1 von 3 Stimmberechtigten anwesend, nicht beschlussfähig"
    )
    assert QApplication.focusWidget() is focus


def test_undo_and_redo_are_said_where_the_user_is(
    window: MainWindow, store: Store, qtbot: QtBot, said: list[Said]
) -> None:
    meeting_id = plan(store, make_body(store))
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id, 1)  # Tagesordnung
    activate(qtbot, window)
    editor = window.meeting_screen.agenda
    qtbot.keyClicks(editor.quick_title, "Kiezfonds")
    qtbot.keyClick(editor.quick_title, Qt.Key.Key_Return)
    said.clear()
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [(s.text, s.assertive) for s in said] == [
        ("Rückgängig gemacht: TOP „Kiezfonds“ hinzufügen", False),
        ("Wiederholt: TOP „Kiezfonds“ hinzufügen", False),
    ]
    assert all(within(s.source, window) for s in said)
    assert QApplication.focusWidget() is editor.tree


def test_a_switched_store_is_said_by_name(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, said: list[Said]
) -> None:
    other = tmp_path / "Bezirk Süd.db"
    open_store(other, initialise=load_reference_data).close()
    assert window.store_switcher.switch_to(other)
    assert [(s.text, s.assertive) for s in said] == [("Datenbank „Bezirk Süd.db“ geöffnet.", False)]
    assert window.statusBar().currentMessage() == "Datenbank „Bezirk Süd.db“ geöffnet."
    window.context.store.close()


def test_a_message_is_said_once_while_the_live_view_is_in_front(
    window: MainWindow,
    store: Store,
    qtbot: QtBot,
    said: list[Said],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting_id = plan(store, make_body(store))  # 25.11.2026, the fake clock's day
    clock, _ = fake_clock()
    monkeypatch.setattr(live_module, "MeetingClock", lambda: clock)
    window.open_meeting(meeting_id)
    window.start_live()
    live = window.live_view
    assert isinstance(live, LiveView)
    qtbot.addWidget(live)
    activate(qtbot, live)
    said.clear()
    live.context.message.emit("Gespeichert: Protokoll.docx")
    assert [s.text for s in said] == ["Gespeichert: Protokoll.docx"]
    assert within(said[0].source, live)
    assert window.statusBar().currentMessage() == "Gespeichert: Protokoll.docx"
    live.close()
    activate(qtbot, window)
    live.context.message.emit("Gespeichert: Einladung.docx")  # now the main window says it
    assert [s.text for s in said][1:] == ["Gespeichert: Einladung.docx"]
    assert said[1].source is window.statusBar()


def test_the_time_box_and_the_quorum_are_read_with_their_words(
    view: tuple[LiveView, FakeMonotonic], window: MainWindow, store: Store
) -> None:
    """A fixed accessible name ("Zeit des laufenden TOP") hid the time from screen readers."""
    live, mono = view
    mono.advance(6 * 60)
    live.update_time()
    read = QAccessible.queryAccessibleInterface(live.time_label)
    assert read.text(QAccessible.Text.Name) == "1 Minute überzogen"
    assert read.text(QAccessible.Text.Description) == "Zeit des laufenden TOP"
    window.bodies.reload_bodies()
    window.open_meeting(live.meeting_id, TAB_ATTENDANCE)
    quorum = QAccessible.queryAccessibleInterface(window.meeting_screen.attendance.quorum_label)
    assert quorum.text(QAccessible.Text.Name) == "0 von 3 stimmberechtigten Mitgliedern anwesend"
