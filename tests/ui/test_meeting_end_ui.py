"""The moderator's keys for an honest record: ending with TOPs left, einstimmig, too many votes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemState, AttendanceStatus, MeetingState
from sromod.services import agenda, attendance, bodies, decisions, meetings, wording
from sromod.store import Store
from sromod.ui import labels
from sromod.ui.context import AppContext
from sromod.ui.dialogs.end_meeting import EndMeetingDialog
from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
from sromod.ui.dialogs.vote_override import VoteOverrideDialog
from sromod.ui.screens.agenda_editor import AgendaEditor
from sromod.ui.screens.live import LiveView, open_live_view
from tests.services.helpers import make_body, plan
from tests.ui.live_helpers import FakeMonotonic, activate, fake_clock, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
SIZES = [(1366, 768), (1280, 800)]


def press(qtbot: QtBot, window: QWidget, k: Qt.Key, mods: Qt.KeyboardModifier = CTRL) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, k, mods)


@pytest.fixture(params=SIZES, ids=["1366x768", "1280x800"])
def live(
    request: pytest.FixtureRequest, store: Store, qtbot: QtBot
) -> Iterator[tuple[LiveView, FakeMonotonic, str]]:
    """The 25.11.2026 meeting of a body of five voting members: three here, one represented."""
    body = make_body(store, members=5, quorum=3)
    meeting = plan(store, body, date(2026, 11, 25))
    statuses = [AttendanceStatus.PRESENT] * 3 + [
        AttendanceStatus.REPRESENTED,
        AttendanceStatus.EXCUSED,
    ]
    for member, status in zip(bodies.list_members(store, body), statuses, strict=True):
        attendance.set_attendance(
            store,
            meeting,
            member.person_id,
            status,
            represented_by="Andreas Vogt" if status == AttendanceStatus.REPRESENTED else None,
        )
    clock, mono = fake_clock()
    view = open_live_view(AppContext(store), meeting, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    view.showNormal()
    view.resize(*request.param)
    activate(qtbot, view)
    yield view, mono, meeting


def _drive(
    monkeypatch: pytest.MonkeyPatch,
    cls: type[QDialog],
    qtbot: QtBot,
    act: Callable[[QDialog], None],
) -> list[QDialog]:
    """Replace the modal exec of cls by showing the real dialog and acting on it with keys."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        activate(qtbot, dialog)
        act(dialog)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)
    return seen


# --- ending with TOPs not reached ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "state"),
    [
        ([(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)], AgendaItemState.POSTPONED),
        ([(Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier)], AgendaItemState.NOT_TREATED),
    ],
    ids=["enter-postpones", "n-closes"],
)
def test_ending_names_the_tops_left_and_records_the_choice_by_keyboard(
    live: tuple[LiveView, FakeMonotonic, str],
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    keys: list[tuple[Qt.Key, Qt.KeyboardModifier]],
    state: AgendaItemState,
) -> None:
    view, mono, meeting = live
    mono.advance(5 * 60)
    press(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)  # TOP 2 runs

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, EndMeetingDialog)
        assert dialog.message.text() == "TOP 3–5 wurden nicht behandelt."
        assert "TOP 3  Wiedervorlage: Stand der Aufgaben" in dialog.titles.text()
        screen = QApplication.primaryScreen().availableGeometry()
        assert dialog.sizeHint().height() < 768 and dialog.sizeHint().width() < min(
            1280, screen.width() + 1280
        )
        for k, mods in keys:
            qtbot.keyClick(QApplication.focusWidget() or dialog, k, mods)

    seen = _drive(monkeypatch, EndMeetingDialog, qtbot, choose)
    press(qtbot, view, Qt.Key.Key_E, CTRL | SHIFT)
    assert len(seen) == 1
    assert meetings.get_meeting(store, meeting).state == MeetingState.HELD
    states = [i.state for i in agenda.list_agenda(store, meeting)]
    assert states == [AgendaItemState.TREATED] * 2 + [state] * 3

    # one Ctrl+Z takes the whole end back: the meeting runs, the TOPs are open again
    activate(qtbot, view)  # as when the modal dialog closes
    press(qtbot, view, Qt.Key.Key_Z)
    assert meetings.get_meeting(store, meeting).state == MeetingState.RUNNING
    assert [i.state for i in agenda.list_agenda(store, meeting)][2:] == [AgendaItemState.OPEN] * 3


def test_escape_goes_back_to_the_meeting(
    live: tuple[LiveView, FakeMonotonic, str],
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view, _mono, meeting = live

    def back(dialog: QDialog) -> None:
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)

    _drive(monkeypatch, EndMeetingDialog, qtbot, back)
    press(qtbot, view, Qt.Key.Key_E, CTRL | SHIFT)
    assert meetings.get_meeting(store, meeting).state == MeetingState.RUNNING
    assert {i.state for i in agenda.list_agenda(store, meeting)} == {AgendaItemState.OPEN}


def test_the_plan_dialog_offers_the_postponed_tops(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = make_body(store)
    first = plan(store, body, date(2026, 11, 25))
    kiez = agenda.add_agenda_item(store, first, "Kiezkasse", position=4, planned_minutes=25)
    meetings.start_meeting(store, first)
    meetings.end_meeting(store, first, None, AgendaItemState.POSTPONED)

    dialog = PlanMeetingDialog(None, AppContext(store), body)
    qtbot.addWidget(dialog)
    boxes = dialog.findChildren(QCheckBox)
    # the standing TOPs (Begrüßung, Wiedervorlage, Verschiedenes …) come from the template anyway
    assert [b.text() for b in boxes] == ["TOP 4 Kiezkasse (25 Min.)"]
    assert boxes[0].isChecked() and boxes[0].accessibleName() == boxes[0].text()
    assert dialog.values()["carried_tops"] == [kiez]
    boxes[0].setChecked(False)
    assert dialog.values()["carried_tops"] == []


# --- votes ---------------------------------------------------------------------------------------


def _decision(qtbot: QtBot, view: LiveView, text: str) -> None:
    press(qtbot, view, Qt.Key.Key_B)
    press(qtbot, view, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    type_text(qtbot, view.capture.decision_form.text, text)


def test_einstimmig_is_one_key(
    live: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _mono, meeting = live
    _decision(qtbot, view, "Das Protokoll ist genehmigt.")
    press(qtbot, view, Qt.Key.Key_A, CTRL | SHIFT)
    assert [e.text() for e in view.capture.decision_form.votes] == ["4", "0", "0"]
    press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    [found] = decisions.list_decisions_for_meeting(store, meeting)
    assert (found.votes_for, found.votes_against, found.votes_abstain) == (4, 0, 0)
    assert view.capture.captured.item(0).text().endswith("(einstimmig angenommen)")
    button = view.capture.decision_form.unanimous
    assert button.accessibleName() and "Strg+Umschalt+A" in button.toolTip()


def test_more_votes_than_voters_need_a_reason(
    live: tuple[LiveView, FakeMonotonic, str],
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view, _mono, meeting = live
    reasons = iter(["", "Eine Vertretung führte zwei Stimmen."])

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, VoteOverrideDialog)
        reason = next(reasons)
        if not reason:
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # "Zahlen korrigieren"
            return
        type_text(qtbot, dialog.reason, reason)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    seen = _drive(monkeypatch, VoteOverrideDialog, qtbot, answer)
    _decision(qtbot, view, "Kiezkasse wird verteilt.")
    for edit, count in zip(view.capture.decision_form.votes, ("14", "0", "2"), strict=True):
        edit.setText(count)
    press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert decisions.list_decisions_for_meeting(store, meeting) == []
    form = view.capture.decision_form
    assert form.messages.text(form.votes[0]) == (
        "16 Stimmen abgegeben, aber nur 4 stimmberechtigte Mitglieder anwesend."
    )
    assert view.capture.decision_form.isVisible()  # the numbers stay for correcting
    activate(qtbot, view)  # as when the modal dialog closes
    assert view.capture.decision_form.votes[0].hasFocus()

    press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert len(seen) == 2
    [found] = decisions.list_decisions_for_meeting(store, meeting)
    assert (found.votes_for, found.votes_against, found.votes_abstain) == (14, 0, 2)
    assert found.votes_override_reason == "Eine Vertretung führte zwei Stimmen."


def test_fewer_votes_than_voters_are_taken_with_a_warning(
    live: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _mono, meeting = live
    messages: list[str] = []
    view.context.message.connect(messages.append)
    _decision(qtbot, view, "Begehung im Frühjahr.")
    for edit, count in zip(view.capture.decision_form.votes, ("2", "1", "0"), strict=True):
        edit.setText(count)
    press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert len(decisions.list_decisions_for_meeting(store, meeting)) == 1
    assert messages[-1] == (
        "B-2026/001 festgehalten: mit 2 Ja-Stimmen bei 1 Nein-Stimme angenommen. "
        "Achtung: 3 Stimmen abgegeben bei 4 anwesenden stimmberechtigten Mitgliedern."
    )


# --- time plan -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1280x800"])
def test_the_editor_warns_when_the_agenda_runs_past_the_announced_end(
    store: Store, qtbot: QtBot, size: tuple[int, int]
) -> None:
    meeting = plan(store, make_body(store), date(2026, 11, 25))
    meetings.update_meeting(store, meeting, planned_start=time(10, 0), planned_end=time(11, 0))
    top4 = agenda.add_agenda_item(store, meeting, "Kiezkasse", position=4, planned_minutes=30)
    editor = AgendaEditor(AppContext(store))
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    editor.set_meeting(meeting)
    editor.reload()
    assert editor.summary.text() == (
        "Geplant: 75 Minuten für 6 TOPs · 10:00–11:15 Uhr · "
        "15 Minuten über dem geplanten Ende (11:00 Uhr)\n"
        "Achtung: TOP 5, 6 liegen nach dem angekündigten Ende; die Einladung nennt diese Zeiten."
    )
    start_of_5 = editor.model.index(4, 3).data()
    # sub-items inside TOP 4's 30 minutes: TOP 5 keeps its start, the summary its numbers
    agenda.add_agenda_item(store, meeting, "Anträge", parent_id=top4, planned_minutes=10)
    agenda.add_agenda_item(store, meeting, "Jury", parent_id=top4, planned_minutes=10)
    editor.reload()
    assert editor.model.index(4, 3).data() == start_of_5 == "11:00"
    assert "15 Minuten über dem geplanten Ende (11:00 Uhr)" in editor.summary.text()
    assert editor.summary.isVisible() and editor.summary.geometry().bottom() <= size[1]


def test_every_wording_phrase_is_listed_for_lupdate() -> None:
    assert labels.WORDING_PHRASES == wording.PHRASES


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1280x800"])
def test_the_overviews_end_button_asks_too(
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    tmp_path: Path,
) -> None:
    from sromod.ui.main_window import MainWindow
    from tests.ui.prep_helpers import temp_settings

    meeting = plan(store, make_body(store), date(2026, 11, 25))
    meetings.start_meeting(store, meeting)
    asked: list[str] = []

    def close_them(dialog: QDialog) -> None:
        assert isinstance(dialog, EndMeetingDialog)
        asked.append(dialog.message.text())
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_N)

    _drive(monkeypatch, EndMeetingDialog, qtbot, close_them)
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.open_meeting(meeting)
    button = window.meeting_screen.overview.state_buttons[MeetingState.HELD]
    assert button.isVisible() and button.text() == "Sitzung beenden"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["TOP 1–5 wurden nicht behandelt."]
    assert meetings.get_meeting(store, meeting).state == MeetingState.HELD
    assert {i.state for i in agenda.list_agenda(store, meeting)} == {AgendaItemState.NOT_TREATED}
