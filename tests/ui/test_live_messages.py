"""Messages in the live view: form errors beside their field, and none left standing when stale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import MeetingState
from sromod.services import meetings, tasks
from sromod.store import Store
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.live_messages import ERROR, SUCCESS, MessageLine
from tests.ui.live_helpers import meeting_with_review, open_live

CTRL = Qt.KeyboardModifier.ControlModifier
SIZES = [(1366, 697), (1280, 729)]


@pytest.fixture
def view(store: Store, qtbot: QtBot) -> LiveView:
    return open_live(qtbot, store, meeting_with_review(store).meeting_id)[0]


def top_of(widget: QWidget, view: LiveView) -> int:
    return widget.mapTo(view, QPoint(0, 0)).y()


def line_under(view: LiveView, field: QWidget) -> MessageLine:
    form = view.capture.task_form
    line = form.messages.lines[field]
    assert line.isVisible() and line.kind == ERROR
    return line


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_form_error_stands_under_its_field(
    view: LiveView, store: Store, qtbot: QtBot, width: int, height: int
) -> None:
    view.resize(width, height)
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    form.office.setFocus()
    qtbot.keyClicks(form.office, "Xyz")
    qtbot.keyClick(form.office, Qt.Key.Key_Return)
    line = line_under(view, form.office)
    assert line.text() == "Ein Amt „Xyz“ gibt es nicht."
    assert form.office.accessibleDescription() == line.text()
    assert QApplication.focusWidget() is form.office
    assert view.status_line.text() == "" and not view.status_line.isVisible()
    # right under the field, above the next one: not at the foot of the window
    field_bottom = top_of(form.office, view) + form.office.height()
    assert field_bottom <= top_of(line, view) < top_of(form.person, view)
    assert tasks.list_tasks_for_meeting(store, view.meeting_id) == []
    # mending the field takes the message away
    qtbot.keyClick(form.office, Qt.Key.Key_Backspace)
    assert not line.isVisible() and form.office.accessibleDescription() == ""


def test_no_office_and_no_person_is_said_under_the_office(view: LiveView, qtbot: QtBot) -> None:
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    qtbot.keyClick(form.what, Qt.Key.Key_Return)
    assert line_under(view, form.office).text() == "Bitte ein Amt oder eine Person angeben."


def test_a_vote_error_stands_under_the_votes(view: LiveView, qtbot: QtBot) -> None:
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
    form = view.capture.decision_form
    form.text.setText("Kiezkasse wird verlängert")
    form.votes[0].setText("5")
    qtbot.keyClick(form.votes[0], Qt.Key.Key_Return)
    line = form.messages.lines[form.votes[0]]
    assert line.isVisible() and "alle drei Stimmenzahlen" in line.text()
    assert top_of(line, view) >= top_of(form.votes[0], view) + form.votes[0].height()
    qtbot.keyClick(view.capture, Qt.Key.Key_Escape)  # closing the form takes its errors along
    assert not form.isVisible() and not line.isVisible()


def test_view_messages_go_when_they_no_longer_apply(
    view: LiveView, store: Store, qtbot: QtBot
) -> None:
    line = view.status_line
    # a refusal stays until the next action that goes through
    view.context.error.emit("Die Sitzung ist gesperrt.")
    assert line.kind == ERROR and line.text() == "Nicht möglich: Die Sitzung ist gesperrt."
    assert not line.timer.isActive()
    view.capture.result.setPlainText("Tagesordnung festgestellt")
    view.capture.save_result()
    assert line.text() == ""
    # a success line goes by itself after a while …
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    form.office.setText("Jug")
    qtbot.keyClick(form.office, Qt.Key.Key_Return)
    assert line.kind == SUCCESS and line.text().endswith("festgehalten.")
    assert line.timer.isActive() and line.timer.interval() >= 5000
    line.timer.timeout.emit()
    assert line.text() == "" and not line.isVisible()
    # … and with the next TOP
    view.show_message("A-2026/0001 festgehalten.")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert line.text() == ""
    # the end of the meeting leaves no old error and no open form behind
    view.context.error.emit("Die Sitzung ist gesperrt.")
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    view.context.run("Sitzung beenden", meetings.end_meeting, view.meeting_id)
    assert meetings.get_meeting(store, view.meeting_id).state == MeetingState.HELD
    assert line.text() == "" and not line.isVisible()
    assert not view.capture.task_form.isVisible()


def test_each_try_shows_only_the_errors_that_still_hold(view: LiveView, qtbot: QtBot) -> None:
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    form.what.setText("Raum buchen")
    form.office.setText("Xyz")  # put there by the completer, not typed: no edit signal
    qtbot.keyClick(form.what, Qt.Key.Key_Return)
    assert line_under(view, form.office).text() == "Ein Amt „Xyz“ gibt es nicht."
    form.office.setText("Jug")
    form.due.setText("31.02.")
    qtbot.keyClick(form.what, Qt.Key.Key_Return)
    assert not form.messages.lines[form.office].isVisible()
    assert line_under(view, form.due).text() == "„31.02.“ ist kein gültiges Datum."
    assert form.office.accessibleDescription() == ""
