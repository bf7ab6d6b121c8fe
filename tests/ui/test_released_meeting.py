"""A released meeting is read-only with the reason and the way back; a refused edit shows the
stored value again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication
from pytestqt.qtbot import QtBot

from sromod.models import AttendanceStatus, MeetingState
from sromod.services import attendance, meetings
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.meeting import TAB_ATTENDANCE, TAB_OVERVIEW
from tests.services.helpers import make_body, plan
from tests.ui.prep_helpers import Errors, no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def held_meeting(store: Store) -> str:
    meeting_id = plan(store, make_body(store))
    meetings.update_meeting(store, meeting_id, place="Rathaus Köpenick, Raum 120")
    for state in (MeetingState.RUNNING, MeetingState.HELD):
        meetings.set_meeting_state(store, meeting_id, state)
    return meeting_id


@pytest.fixture(params=[(1366, 768), (1280, 800)], ids=["1366x768", "1280x800"])
def window(
    request: pytest.FixtureRequest, store: Store, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(*request.param)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    yield made


def test_released_meeting_is_read_only_and_the_banner_withdraws_the_release(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = held_meeting(store)
    meetings.set_meeting_state(store, meeting_id, MeetingState.RELEASED)
    window.open_meeting(meeting_id, TAB_OVERVIEW)
    screen = window.meeting_screen
    overview = screen.overview
    assert screen.banner.isVisible()
    assert "freigegeben" in screen.banner.text.text()
    assert screen.banner.withdraw_button.text() == "Freigabe zurücknehmen"
    dates = (overview.day, overview.reply_by, overview.next_date)
    for field in (*dates, overview.start, overview.end):
        assert field.isReadOnly()  # and no arrow or calendar button that looks like a choice
        assert field.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
    assert not any(field.calendarPopup() for field in dates)
    assert overview.place.isReadOnly() and overview.next_note.isReadOnly()
    assert not overview.moderator.isEnabled() and not overview.minute_taker.isEnabled()
    overview.place.setFocus()
    qtbot.keyClicks(overview.place, "X")
    assert overview.place.text() == "Rathaus Köpenick, Raum 120"
    assert not any(b.isEnabled() for b in screen.agenda.buttons.values())
    screen.tabs.setCurrentIndex(TAB_ATTENDANCE)
    assert not screen.attendance.status_button(0, AttendanceStatus.PRESENT).isEnabled()
    assert not screen.attendance.add_guest_button.isEnabled()

    qtbot.mouseClick(screen.banner.withdraw_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.HELD
    assert not screen.banner.isVisible()
    assert not overview.place.isReadOnly()
    assert all(field.calendarPopup() and not field.isReadOnly() for field in dates)
    assert overview.start.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.UpDownArrows
    assert screen.attendance.status_button(0, AttendanceStatus.PRESENT).isEnabled()
    assert screen.agenda.buttons["add"].isEnabled()
    assert window.context.undo_stack.undoText() == "Freigabe zurücknehmen"

    window.context.undo_stack.undo()  # the withdrawal is one undoable step
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.RELEASED
    assert screen.banner.isVisible() and overview.place.isReadOnly()


def test_a_refused_edit_shows_the_stored_value_again(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = held_meeting(store)
    window.open_meeting(meeting_id, TAB_OVERVIEW)
    screen = window.meeting_screen
    errors = Errors(window.context)
    # released behind the window's back (another window, the command line)
    meetings.set_meeting_state(store, meeting_id, MeetingState.RELEASED)
    place = screen.overview.place
    place.setFocus()
    place.selectAll()
    qtbot.keyClicks(place, "Ein Ort, der nie gespeichert wurde")
    qtbot.keyClick(QApplication.focusWidget() or place, Qt.Key.Key_Tab)  # leaving commits
    assert errors.seen and "freigegeben" in errors.seen[-1]
    assert meetings.get_meeting(store, meeting_id).place == "Rathaus Köpenick, Raum 120"
    assert place.text() == "Rathaus Köpenick, Raum 120"
    assert screen.banner.isVisible()  # and now it says why

    meetings.set_meeting_state(store, meeting_id, MeetingState.HELD)
    screen.show_meeting(meeting_id, TAB_ATTENDANCE)
    panel = screen.attendance
    meetings.set_meeting_state(store, meeting_id, MeetingState.RELEASED)
    qtbot.mouseClick(panel.status_button(0, AttendanceStatus.PRESENT), Qt.MouseButton.LeftButton)
    assert attendance.list_attendance(store, meeting_id)[0].status is None
    assert not panel.status_button(0, AttendanceStatus.PRESENT).isChecked()
