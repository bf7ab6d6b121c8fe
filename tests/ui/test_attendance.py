"""Attendance: one click per member lands in the database, the quorum line follows, undo restores."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.models import AttendanceStatus, MeetingState, MemberRole
from sromod.services import attendance, bodies, directory, meetings
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.attendance_dialogs import GuestDialog, RepresentationDialog
from sromod.ui.itemmodels.attendance import COL_ARRIVED, COL_STATUS
from sromod.ui.screens.attendance import AttendanceScreen
from tests.services.helpers import make_body, plan


@pytest.fixture
def screen(store: Store, qtbot: QtBot) -> AttendanceScreen:
    context = AppContext(store)
    meeting_id = plan(store, make_body(store, members=4, quorum=3))
    widget = AttendanceScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.set_meeting(meeting_id)
    return widget


def statuses(store: Store, meeting_id: str) -> dict[str, Any]:
    return {a.name: a.status for a in attendance.list_attendance(store, meeting_id)}


def click(qtbot: QtBot, screen: AttendanceScreen, row: int, status: AttendanceStatus) -> None:
    qtbot.mouseClick(screen.status_button(row, status), Qt.MouseButton.LeftButton)


def test_one_click_status_and_quorum(screen: AttendanceScreen, qtbot: QtBot) -> None:
    store, meeting_id = screen.context.store, screen.meeting_id
    assert meeting_id is not None
    assert screen.quorum_label.text() == (
        "0 von 4 stimmberechtigten Mitgliedern anwesend – nicht beschlussfähig (nötig: 3)"
    )
    assert screen.model.index(0, COL_STATUS).data() == "nicht erfasst"
    before = statuses(store, meeting_id)

    click(qtbot, screen, 0, AttendanceStatus.PRESENT)
    click(qtbot, screen, 1, AttendanceStatus.PRESENT)
    assert "2 von 4" in screen.quorum_label.text()
    assert "nicht beschlussfähig" in screen.quorum_label.text()
    click(qtbot, screen, 2, AttendanceStatus.PRESENT)
    assert screen.quorum_label.text() == (
        "3 von 4 stimmberechtigten Mitgliedern anwesend – beschlussfähig (nötig: 3)"
    )
    assert screen.quorum_badge.text() == "beschlussfähig"  # said in words, not colour only
    click(qtbot, screen, 3, AttendanceStatus.EXCUSED)
    found = statuses(store, meeting_id)
    assert found == {
        "Person 1": AttendanceStatus.PRESENT,
        "Person 2": AttendanceStatus.PRESENT,
        "Person 3": AttendanceStatus.PRESENT,
        "Person 4": AttendanceStatus.EXCUSED,
    }
    assert screen.model.index(3, COL_STATUS).data() == "entschuldigt"
    assert screen.status_button(3, AttendanceStatus.EXCUSED).isChecked()

    stack = screen.context.undo_stack
    assert stack.undoText() == "Person 4: entschuldigt"
    for _ in range(4):
        stack.undo()
    assert statuses(store, meeting_id) == before
    assert "0 von 4" in screen.quorum_label.text()


def test_keys_represented_and_arrival(
    screen: AttendanceScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, meeting_id = screen.context.store, screen.meeting_id
    assert meeting_id is not None
    screen.table.setFocus()
    screen.table.selectRow(1)
    qtbot.keyClick(screen.table, Qt.Key.Key_2)
    assert statuses(store, meeting_id)["Person 2"] == AttendanceStatus.EXCUSED

    monkeypatch.setattr(RepresentationDialog, "ask", lambda *_a, **_k: "Frau Beispiel (Jug)")
    click(qtbot, screen, 0, AttendanceStatus.REPRESENTED)
    line = attendance.list_attendance(store, meeting_id)[0]
    assert (line.status, line.represented_by) == (
        AttendanceStatus.REPRESENTED,
        "Frau Beispiel (Jug)",
    )
    assert screen.model.index(0, COL_STATUS).data() == "vertreten durch Frau Beispiel (Jug)"
    assert "1 von 4" in screen.quorum_label.text()  # a represented member counts

    # cancelled question: nothing recorded, the button does not stay pressed
    monkeypatch.setattr(RepresentationDialog, "ask", lambda *_a, **_k: None)
    click(qtbot, screen, 2, AttendanceStatus.REPRESENTED)
    assert statuses(store, meeting_id)["Person 3"] is None
    assert not screen.status_button(2, AttendanceStatus.REPRESENTED).isChecked()

    # arrival typed into the table: a not yet recorded member counts as present
    assert screen.model.setData(screen.model.index(3, COL_ARRIVED), "9:40")
    line = attendance.list_attendance(store, meeting_id)[3]
    assert (line.status, line.arrived_at) == (AttendanceStatus.PRESENT, time(9, 40))
    assert screen.model.index(3, COL_ARRIVED).data() == "09:40"


def test_guest_added_and_removed(
    screen: AttendanceScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, meeting_id = screen.context.store, screen.meeting_id
    assert meeting_id is not None
    monkeypatch.setattr(
        GuestDialog, "ask", lambda *_a: {"name": "Kim Gast", "organisation": "QM Kosmosviertel"}
    )
    qtbot.mouseClick(screen.add_guest_button, Qt.MouseButton.LeftButton)
    guest = attendance.list_attendance(store, meeting_id)[-1]
    assert (guest.name, guest.organisation, guest.member, guest.voting) == (
        "Kim Gast",
        "QM Kosmosviertel",
        False,
        False,
    )
    assert guest.arrived_at is None  # the meeting has not begun: no arrival to stamp
    assert screen.model.index(4, 0).data() == "Kim Gast (Gast)"
    assert "0 von 4" in screen.quorum_label.text()  # guests do not vote
    screen.table.selectRow(4)
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert len(attendance.list_attendance(store, meeting_id)) == 4
    screen.context.undo_stack.undo()
    assert attendance.list_attendance(store, meeting_id)[-1].name == "Kim Gast"


def test_guest_dialog_needs_a_name(qtbot: QtBot) -> None:
    dialog = GuestDialog(None)
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert dialog.problem.text() == "Bitte geben Sie einen Namen ein."
    qtbot.keyClicks(dialog.name, "Kim Gast")
    qtbot.keyClicks(dialog.organisation, "Stadtteilzentrum")
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values() == {"name": "Kim Gast", "organisation": "Stadtteilzentrum"}


def test_attendance_model_passes_qt_model_tester(
    screen: AttendanceScreen, qtmodeltester: Any
) -> None:
    qtmodeltester.check(screen.model)


def test_screen_lists_chair_first_and_stamps_arrival_after_the_start(
    store: Store, qtbot: QtBot
) -> None:
    body_id = make_body(store, members=3)
    chair = directory.create_person(store, "Prof. Dr. Zora Zimmer")
    bodies.add_member(store, body_id, chair, MemberRole.CHAIR)
    meeting_id = plan(store, body_id)
    meetings.set_meeting_state(store, meeting_id, MeetingState.RUNNING)
    widget = AttendanceScreen(AppContext(store))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.set_meeting(meeting_id)
    assert widget.model.index(0, 0).data() == "Prof. Dr. Zora Zimmer"
    assert [widget.model.index(r, 0).data() for r in range(1, 4)] == [
        "Person 1",
        "Person 2",
        "Person 3",
    ]
    click(qtbot, widget, 2, AttendanceStatus.PRESENT)
    shown = widget.model.index(2, COL_ARRIVED).data()
    now = datetime.now().strftime("%H:%M")
    assert shown and shown <= now  # the member got an arrival time like a guest
    assert attendance.list_attendance(store, meeting_id)[2].arrived_at is not None
