"""A whole meeting as a moderator runs it: live view, keys and clicks, then what the store holds.

Body, members, the previous meeting with an open task, the planning of this meeting and the
attendance are set up through the services here; the main window's planning and attendance
screens have their own tests. From opening the live view on, everything goes through widgets.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

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
from sromod.services import agenda, attendance, bodies, decisions, meetings, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.live import StateRole
from sromod.ui.screens import live
from sromod.ui.screens.live import LiveView, open_live_view
from tests.ui.live_helpers import (
    START,
    FakeMonotonic,
    activate,
    fake_clock,
    meeting_with_review,
    type_text,
)

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


@pytest.fixture
def planned(store: Store) -> tuple[str, str]:
    setup = meeting_with_review(store, carried=1)
    meeting_id = setup.meeting_id
    agenda.add_agenda_item(
        store,
        meeting_id,
        "Kiezkasse 2027",
        position=4,
        planned_minutes=20,
        presenter="SPK",
    )
    for member in bodies.list_members(store, setup.body_id):
        attendance.set_attendance(store, meeting_id, member.person_id, AttendanceStatus.PRESENT)
    return meeting_id, setup.carried_task_ids[0]


def run_meeting(
    qtbot: QtBot, view: LiveView, mono: FakeMonotonic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six TOPs: minutes pass, results, decisions, tasks and the Wiedervorlage are captured."""
    mono.advance(4 * 60)
    write_result(qtbot, view, "Die Tagesordnung wird ohne Änderungen festgestellt.")
    press(qtbot, view, Qt.Key.Key_PageDown)  # TOP 2 at 10:04
    mono.advance(3 * 60)
    capture_decision(qtbot, view, None, "Das Protokoll der 1. Sitzung ist genehmigt.", "5 0 1")
    qtbot.mouseClick(view.buttons["next"], Qt.MouseButton.LeftButton)  # TOP 3 at 10:07
    mono.advance(12 * 60)
    panel = view.review
    panel.note.setFocus()
    write(qtbot, "Bedarfsliste liegt vor")
    press(qtbot, view, Qt.Key.Key_Return)
    press(qtbot, view, Qt.Key.Key_3)  # erledigt
    press(qtbot, view, Qt.Key.Key_PageDown)  # TOP 4 at 10:19
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
    press(qtbot, view, Qt.Key.Key_PageDown)  # TOP 5 at 10:44, the result is saved on leaving
    mono.advance(6 * 60)
    write_result(qtbot, view, "Keine Wortmeldungen.")
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # TOP 6 at 10:50
    mono.advance(5 * 60)
    write_result(qtbot, view, "Nächste Sitzung am 20.01.2027.")
    monkeypatch.setattr(live, "confirm", lambda *args: True)
    press(qtbot, view, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 10:55


def test_a_whole_meeting_through_the_live_view(
    store: Store,
    qtbot: QtBot,
    planned: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting_id, carried_task = planned
    clock, mono = fake_clock()
    view = open_live_view(AppContext(store), meeting_id, clock=clock)
    qtbot.addWidget(view)
    activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert view.projector is not None
    qtbot.addWidget(view.projector)
    activate(qtbot, view)

    run_meeting(qtbot, view, mono, monkeypatch)

    def at(minutes: int) -> datetime:
        return START + timedelta(minutes=minutes)

    info = meetings.get_meeting(store, meeting_id)
    assert info.state == MeetingState.HELD
    assert (info.actual_start, info.actual_end) == (at(0), at(55))
    items = agenda.list_agenda(store, meeting_id)
    assert [(i.actual_start, i.actual_end) for i in items] == [
        (at(0), at(4)),
        (at(4), at(7)),
        (at(7), at(19)),
        (at(19), at(44)),
        (at(44), at(50)),
        (at(50), at(55)),
    ]
    assert all(i.state == AgendaItemState.TREATED for i in items)
    assert [i.result for i in items] == [
        "Die Tagesordnung wird ohne Änderungen festgestellt.",
        None,
        None,
        "Die Kiezkasse wird 2027 fortgeführt.",
        "Keine Wortmeldungen.",
        "Nächste Sitzung am 20.01.2027.",
    ]

    found = decisions.list_decisions_for_meeting(store, meeting_id)
    assert [(d.register_number, d.agenda_item_id, d.kind) for d in found] == [
        ("B-2026/001", items[1].id, DecisionKind.BESCHLUSS),
        ("B-2026/002", items[3].id, DecisionKind.EMPFEHLUNG),
    ]
    assert (found[0].votes_for, found[0].votes_against, found[0].votes_abstain) == (5, 0, 1)
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
    last = tasks.task_history(store, carried_task)[-1]
    assert (last.source, last.meeting_id, last.new_status) == (
        TaskEventSource.MEETING,
        meeting_id,
        TaskStatus.DONE,
    )
    assert tasks.get_task(store, carried_task).completed_on == date(2026, 11, 25)

    # what the screens show at the end
    assert "Sitzung beendet um 10:55 (durchgeführt)" in view.header.text()
    states = [view.agenda_model.index(r).data(StateRole) for r in range(6)]
    assert states == ["✓ behandelt"] * 6
    assert view.top_number.text() == "TOP 6"
    assert not view.buttons["next"].isEnabled() and not view.capture.isEnabled()
    assert view.projector.top_title.text() == "Die Sitzung ist beendet. Vielen Dank!"
    assert not view.projector.marker.isVisible()
    view.close()
    assert not view.projector.isVisible()
