"""A whole meeting as a moderator runs it, through the windows, then what the store holds.

Body, members and the previous meeting with its open task are set up through the services; from
planning the new meeting on, everything goes through the main window and the live view: the plan
dialog (its `ask` answers as the user would), one click per member on the attendance screen, F5,
then keys and clicks in the live view to the end of the meeting.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import (
    AgendaItemState,
    AttendanceStatus,
    DecisionKind,
    MeetingState,
    TaskEventSource,
    TaskStatus,
)
from sromod.services import agenda, attendance, decisions, meetings, register, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
from sromod.ui.itemmodels.live import StateRole
from sromod.ui.main_window import MainWindow
from sromod.ui.screens import live
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.projector import ProjectorWindow
from tests.services.helpers import make_body
from tests.ui.live_helpers import (
    START,
    FakeMonotonic,
    activate,
    earlier_meeting_with_tasks,
    fake_clock,
    type_text,
)
from tests.ui.prep_helpers import temp_settings

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def press(qtbot: QtBot, view: LiveView, key: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(QApplication.focusWidget() or view, key, mods)


def write(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QWidget)
    type_text(qtbot, widget, text)


def capture_decision(
    qtbot: QtBot, view: LiveView, kind_letter: Qt.Key | None, text: str, votes: str
) -> None:
    """Ctrl+B, (a letter for the kind), Tab, text, Tab + count ×3, Enter."""
    press(qtbot, view, Qt.Key.Key_B, CTRL)
    if kind_letter is not None:
        press(qtbot, view, kind_letter)
    press(qtbot, view, Qt.Key.Key_Tab)
    write(qtbot, text)
    for count in votes.split():
        press(qtbot, view, Qt.Key.Key_Tab)
        write(qtbot, count)
    press(qtbot, view, Qt.Key.Key_Return)


def capture_task(qtbot: QtBot, view: LiveView, what: str, office: str, due: str) -> None:
    """Ctrl+T, Was, Tab, Amt, Tab, (no person) Tab, Bis wann, Enter."""
    press(qtbot, view, Qt.Key.Key_T, CTRL)
    write(qtbot, what)
    press(qtbot, view, Qt.Key.Key_Tab)
    write(qtbot, office)
    press(qtbot, view, Qt.Key.Key_Tab)
    press(qtbot, view, Qt.Key.Key_Tab)
    write(qtbot, due)
    press(qtbot, view, Qt.Key.Key_Return)


def write_result(qtbot: QtBot, view: LiveView, text: str) -> None:
    press(qtbot, view, Qt.Key.Key_E, CTRL)
    write(qtbot, text)


def open_window(store: Store, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    activate(qtbot, made)
    return made


def plan_and_take_attendance(
    qtbot: QtBot, window: MainWindow, body_id: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Ctrl+N with the body selected, then one click per member: two present, one excused."""
    answer = {"day": date(2026, 11, 25), "planned_start": time(10, 0), "place": None}
    monkeypatch.setattr(PlanMeetingDialog, "ask", classmethod(lambda cls, *args: dict(answer)))
    assert window.bodies.select_body(body_id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    meeting_id = window.current_meeting_id()
    assert meeting_id is not None
    screen = window.meeting_screen.attendance
    window.meeting_screen.tabs.setCurrentWidget(screen)
    for row, status in enumerate(
        (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED)
    ):
        qtbot.mouseClick(screen.status_button(row, status), Qt.MouseButton.LeftButton)
    return meeting_id


def run_meeting(
    qtbot: QtBot, view: LiveView, mono: FakeMonotonic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template's five TOPs: minutes pass; results, decisions, tasks and the review are taken."""
    mono.advance(4 * 60)
    write_result(qtbot, view, "Die Tagesordnung wird ohne Änderungen festgestellt.")
    press(qtbot, view, Qt.Key.Key_PageDown)  # TOP 2 at 10:04
    mono.advance(3 * 60)
    capture_decision(qtbot, view, None, "Das Protokoll der 1. Sitzung ist genehmigt.", "1 0 1")
    qtbot.mouseClick(view.buttons["next"], Qt.MouseButton.LeftButton)  # TOP 3 at 10:07
    mono.advance(12 * 60)
    view.review.note.setFocus()
    write(qtbot, "Bedarfsliste liegt vor")
    press(qtbot, view, Qt.Key.Key_Return)
    press(qtbot, view, Qt.Key.Key_3)  # erledigt
    press(qtbot, view, Qt.Key.Key_PageDown)  # TOP 4 Verschiedenes at 10:19
    mono.advance(25 * 60)
    write_result(qtbot, view, "Die Kiezkasse wird 2027 fortgeführt.")
    capture_decision(
        qtbot, view, Qt.Key.Key_E, "Kiezkasse 2027 in allen Bezirksregionen anbieten", ""
    )
    capture_task(qtbot, view, "Vergabekriterien entwerfen", "SGA", "15.12.2026")
    capture_task(qtbot, view, "Mittel im Haushalt sichern", "Jug", "+2w")
    qtbot.mouseClick(view.buttons["task"], Qt.MouseButton.LeftButton)
    write(qtbot, "Träger informieren")
    view.capture.task_form.office.setFocus()
    write(qtbot, "StadtEntw")
    view.capture.task_form.due.setFocus()
    write(qtbot, "31.01.2027")
    qtbot.mouseClick(view.capture.task_form.commit, Qt.MouseButton.LeftButton)
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # TOP 5 at 10:44
    mono.advance(6 * 60)
    write_result(qtbot, view, "Nächste Sitzung am 20.01.2027.")  # saved when the meeting ends
    monkeypatch.setattr(live, "confirm", lambda *args: True)
    press(qtbot, view, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 10:50


def test_a_whole_meeting_from_planning_to_the_end(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body_id = make_body(store, members=3, quorum=2)
    [carried_task] = earlier_meeting_with_tasks(store, body_id)
    window = open_window(store, qtbot, tmp_path)
    meeting_id = plan_and_take_attendance(qtbot, window, body_id, monkeypatch)

    clock, mono = fake_clock()
    monkeypatch.setattr(live, "MeetingClock", lambda: clock)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    view = window.live_view
    assert isinstance(view, LiveView)
    assert "2 von 3 Stimmberechtigten anwesend, beschlussfähig" in view.header.text()
    activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert view.projector is not None
    activate(qtbot, view)

    run_meeting(qtbot, view, mono, monkeypatch)
    check_store(store, meeting_id, carried_task)
    check_screens(view, window)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


def check_store(store: Store, meeting_id: str, carried_task: str) -> None:
    info = meetings.get_meeting(store, meeting_id)
    assert info.state == MeetingState.HELD
    assert (info.actual_start, info.actual_end) == (at(0), at(50))
    present = Counter(a.status for a in attendance.list_attendance(store, meeting_id))
    assert present == Counter(
        [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED]
    )
    items = agenda.list_agenda(store, meeting_id)
    assert [(i.actual_start, i.actual_end) for i in items] == [
        (at(0), at(4)),
        (at(4), at(7)),
        (at(7), at(19)),
        (at(19), at(44)),
        (at(44), at(50)),
    ]
    assert all(i.state == AgendaItemState.TREATED for i in items)
    assert [i.result for i in items] == [
        "Die Tagesordnung wird ohne Änderungen festgestellt.",
        None,
        None,
        "Die Kiezkasse wird 2027 fortgeführt.",
        "Nächste Sitzung am 20.01.2027.",
    ]
    found = decisions.list_decisions_for_meeting(store, meeting_id)
    assert [(d.register_number, d.agenda_item_id, d.kind) for d in found] == [
        ("B-2026/001", items[1].id, DecisionKind.BESCHLUSS),
        ("B-2026/002", items[3].id, DecisionKind.EMPFEHLUNG),
    ]
    assert (found[0].votes_for, found[0].votes_against, found[0].votes_abstain) == (1, 0, 1)
    assert not found[1].has_votes
    created = tasks.list_tasks_for_meeting(store, meeting_id)
    assert [(t.title, t.office_code, t.due_date, t.origin_agenda_item_id) for t in created] == [
        ("Vergabekriterien entwerfen", "SGA", date(2026, 12, 15), items[3].id),
        ("Mittel im Haushalt sichern", "Jug", date.today() + timedelta(days=14), items[3].id),
        ("Träger informieren", "StadtEntw", date(2027, 1, 31), items[3].id),
    ]
    assert all(t.status == TaskStatus.OPEN for t in created)
    [review] = tasks.list_reviews(store, items[2].id)
    assert (review.task.id, review.status_after, review.note) == (
        carried_task,
        TaskStatus.DONE,
        "Bedarfsliste liegt vor",
    )
    last = register.task_history(store, carried_task)[-1]
    assert (last.source, last.meeting_id, last.new_status, last.note) == (
        TaskEventSource.MEETING,
        meeting_id,
        TaskStatus.DONE,
        "Bedarfsliste liegt vor",
    )
    assert tasks.get_task(store, carried_task).completed_on == date(2026, 11, 25)


def check_screens(view: LiveView, window: MainWindow) -> None:
    assert "Sitzung beendet um 10:50 (durchgeführt)" in view.header.text()
    states = [view.agenda_model.index(r).data(StateRole) for r in range(5)]
    assert states == ["✓ behandelt"] * 5
    assert view.top_number.text() == "TOP 5"
    assert not view.buttons["next"].isEnabled() and not view.capture.isEnabled()
    projector = view.projector
    assert isinstance(projector, ProjectorWindow)
    assert projector.top_title.text() == "Die Sitzung ist beendet. Vielen Dank!"
    assert not projector.marker.isVisible()
    view.close()
    assert not projector.isVisible()
    # the main window shows the meeting as held, and its records hold what was captured
    assert window.current_meeting_state() == MeetingState.HELD
    assert "durchgeführt" in window.meeting_screen.state_badge.text()
    records = window.meeting_screen.records
    window.meeting_screen.tabs.setCurrentWidget(records)  # the user opens the records tab
    shown = [
        [records.decisions.index(r, c).data() for c in range(5)]
        for r in range(records.decisions.rowCount())
    ]
    assert shown[0][:3] == ["B-2026/001", "TOP 2", "Beschluss"]
    assert shown[1][:3] == ["B-2026/002", "TOP 4", "Empfehlung"]
    assert [records.tasks.index(r, 2).data() for r in range(records.tasks.rowCount())] == [
        "SGA",
        "Jug",
        "StadtEntw",
    ]
