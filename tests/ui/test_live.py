"""The live moderation view driven by keys: times, countdown, capture, Wiedervorlage, undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemState, DecisionKind, MeetingState, TaskEventSource, TaskStatus
from sromod.services import agenda, decisions, directory, meetings, register, tasks
from sromod.services.untreated import UntreatedTop
from sromod.store import Store
from sromod.ui.clock import MeetingClock, time_box
from sromod.ui.context import AppContext
from sromod.ui.dialogs.end_meeting import EndMeetingDialog, untreated_sentence
from sromod.ui.itemmodels.live import StateRole
from sromod.ui.screens import live
from sromod.ui.screens.live import LiveView, open_live_view
from sromod.ui.screens.live_input import InputError, find_office, parse_due_date, parse_votes
from tests.services.helpers import make_body, plan
from tests.ui.live_helpers import (
    START,
    FakeMonotonic,
    activate,
    agenda_of,
    database_image,
    fake_clock,
    meeting_with_review,
    review_item,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(store: Store, qtbot: QtBot) -> tuple[LiveView, FakeMonotonic, str]:
    setup = meeting_with_review(store, carried=2)
    clock, mono = fake_clock()
    view = open_live_view(AppContext(store), setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    activate(qtbot, view)
    return view, mono, setup.meeting_id


def key(
    view: QWidget,
    qtbot: QtBot,
    k: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    target = QApplication.focusWidget() or view
    qtbot.keyClick(target, k, mods)


def test_opening_starts_the_meeting_and_keys_record_top_times(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, mono, meeting_id = opened
    info = meetings.get_meeting(store, meeting_id)
    assert info.state == MeetingState.RUNNING and info.actual_start == START
    assert view.top_number.text() == "TOP 1"
    mono.advance(4 * 60)
    key(view, qtbot, Qt.Key.Key_PageDown)
    mono.advance(3 * 60)
    key(view, qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    items = agenda_of(store, meeting_id)
    assert (items[0].actual_start, items[0].actual_end) == (START, START + timedelta(minutes=4))
    assert (items[1].actual_start, items[1].actual_end) == (
        START + timedelta(minutes=4),
        START + timedelta(minutes=7),
    )
    assert items[2].actual_start == START + timedelta(minutes=7) and items[2].actual_end is None
    assert view.top_number.text() == "TOP 3"
    assert "Wiedervorlage" in view.top_title.text()
    assert "TOP 4" in view.next_label.text()

    key(view, qtbot, Qt.Key.Key_PageUp)
    items = agenda_of(store, meeting_id)
    # going back resumes TOP 2: its first start stays, the TOP left behind is ended
    assert items[1].actual_start == START + timedelta(minutes=4) and items[1].actual_end is None
    assert items[2].actual_end == START + timedelta(minutes=7)
    assert view.top_number.text() == "TOP 2"


def test_countdown_follows_the_monotonic_clock(
    opened: tuple[LiveView, FakeMonotonic, str],
) -> None:
    view, mono, _ = opened  # TOP 1 has a time box of 5 minutes
    mono.advance(60)
    view.update_time()
    assert view.time_label.text() == "noch 4:00"
    assert view.time_label.property("timeState") == "ok"
    mono.advance(3 * 60 + 30)
    view.update_time()
    assert view.time_label.text() == "noch 0:30"
    assert view.time_label.property("timeState") == "low"
    mono.advance(2 * 60 + 40)  # 7:10 of 5:00
    view.update_time()
    assert view.time_label.text() == "2 Minuten überzogen"
    assert view.time_label.property("timeState") == "over"
    assert "#a3001b" in view.time_label.styleSheet()


def test_elapsed_time_survives_a_new_view(store: Store, qtbot: QtBot) -> None:
    setup = meeting_with_review(store)
    clock, _ = fake_clock()
    context = AppContext(store)
    first = open_live_view(context, setup.meeting_id, clock=clock)
    assert first is not None
    qtbot.addWidget(first)
    first.close()
    # a new view opened three minutes later with a fresh clock still knows TOP 1 started at 10:00
    later = MeetingClock(monotonic=FakeMonotonic(), wall=lambda: START + timedelta(minutes=3))
    second = open_live_view(context, setup.meeting_id, clock=later)
    assert second is not None
    qtbot.addWidget(second)
    assert second is not first
    assert second.time_label.text() == "noch 2:00"
    assert meetings.get_meeting(store, setup.meeting_id).actual_start == START


def test_capture_by_keys_lands_under_the_running_top(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_PageDown)  # TOP 2
    top2 = agenda_of(store, meeting_id)[1]

    key(view, qtbot, Qt.Key.Key_E, CTRL)
    assert QApplication.focusWidget() is view.capture.result
    qtbot.keyClicks(view.capture.result, "Protokoll genehmigt.")
    key(view, qtbot, Qt.Key.Key_Return, CTRL)
    assert agenda_of(store, meeting_id)[1].result == "Protokoll genehmigt."

    key(view, qtbot, Qt.Key.Key_B, CTRL)
    form = view.capture.decision_form
    assert form.isVisible() and QApplication.focusWidget() is form.kind
    key(view, qtbot, Qt.Key.Key_V)  # the combo jumps to "Vereinbarung"
    key(view, qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Protokoll der 1. Sitzung genehmigt")
    for count in ("6", "0", "1"):
        key(view, qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), count)
    key(view, qtbot, Qt.Key.Key_Return)
    assert not form.isVisible()
    [decision] = decisions.list_decisions_for_meeting(store, meeting_id)
    assert decision.agenda_item_id == top2.id
    assert decision.kind == DecisionKind.VEREINBARUNG
    assert decision.text == "Protokoll der 1. Sitzung genehmigt"
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (6, 0, 1)

    key(view, qtbot, Qt.Key.Key_T, CTRL)
    task_form = view.capture.task_form
    type_text(qtbot, task_form.what, "Protokoll veröffentlichen")
    key(view, qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "SGA")
    popup = task_form.office.completer().popup()
    assert popup is not None
    popup.hide()
    task_form.office.setFocus()
    key(view, qtbot, Qt.Key.Key_Tab)
    key(view, qtbot, Qt.Key.Key_Tab)  # no person
    qtbot.keyClicks(QApplication.focusWidget(), "+2w")
    key(view, qtbot, Qt.Key.Key_Return)
    [task] = tasks.list_tasks_for_meeting(store, meeting_id)
    assert task.origin_agenda_item_id == top2.id
    assert (task.title, task.office_code) == ("Protokoll veröffentlichen", "SGA")
    assert task.due_date == date.today() + timedelta(days=14)
    lines = [view.capture.captured.item(n).text() for n in range(view.capture.captured.count())]
    assert lines[0].startswith(decision.register_number + " Vereinbarung")
    assert lines[1].startswith(task.register_number) and "SGA" in lines[1]

    # a result typed and left unsaved is kept when the moderator moves on
    key(view, qtbot, Qt.Key.Key_E, CTRL)
    type_text(qtbot, view.capture.result, " Ohne Änderungen.")
    key(view, qtbot, Qt.Key.Key_PageDown)
    assert agenda_of(store, meeting_id)[1].result == "Protokoll genehmigt. Ohne Änderungen."


def test_a_bad_date_is_explained_and_nothing_is_stored(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    form.office.setText("Jug")
    form.due.setText("31.02.")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    # beside the field, not in the line at the bottom of the window
    assert form.messages.text(form.due) == "„31.02.“ ist kein gültiges Datum."
    assert form.due.accessibleDescription() == "„31.02.“ ist kein gültiges Datum."
    assert view.status_line.text() == ""
    assert form.isVisible()
    assert tasks.list_tasks_for_meeting(store, meeting_id) == []


def test_wiedervorlage_sets_status_and_note_by_keys(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_PageDown)
    key(view, qtbot, Qt.Key.Key_PageDown)  # TOP 3 Wiedervorlage
    panel = view.review
    assert panel.isVisible() and len(panel.model.reviews()) == 2  # under two office headings
    assert QApplication.focusWidget() is panel.table
    first, second = panel.model.reviews()
    assert first.task.register_number in panel.current_text

    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Bedarfe liegen vor")
    key(view, qtbot, Qt.Key.Key_Return)  # back to the list
    key(view, qtbot, Qt.Key.Key_3)  # erledigt, and on to the next task
    assert panel.selected_id() == second.id
    assert second.task.register_number in panel.current_text
    key(view, qtbot, Qt.Key.Key_4)  # zurückgestellt, no note
    key(view, qtbot, Qt.Key.Key_Up)  # over the second office's heading
    assert panel.selected_id() == first.id

    done = tasks.get_task(store, first.task.id)
    assert done.status == TaskStatus.DONE and done.completed_on == date(2026, 11, 25)
    event = register.task_history(store, first.task.id)[-1]
    assert (event.new_status, event.note) == (TaskStatus.DONE, "Bedarfe liegen vor")
    assert event.source == TaskEventSource.MEETING and event.meeting_id == meeting_id
    assert tasks.get_task(store, second.task.id).status == TaskStatus.DEFERRED
    assert "2 Aufgaben, 2 besprochen" in panel.heading.text()
    row = panel.model.row_of(first.id)
    assert row is not None and panel.model.index(row, 5).data() == "✓ erledigt"


def test_ctrl_z_undoes_a_capture_exactly(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_B, CTRL)
    key(view, qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Tagesordnung festgestellt")
    key(view, qtbot, Qt.Key.Key_Return)
    [decision] = decisions.list_decisions_for_meeting(store, meeting_id)
    assert QApplication.focusWidget() is view
    before = agenda_of(store, meeting_id)

    key(view, qtbot, Qt.Key.Key_Z, CTRL)
    assert decisions.list_decisions_for_meeting(store, meeting_id) == []
    assert agenda_of(store, meeting_id) == before  # nothing else moved
    assert view.capture.captured.count() == 0

    key(view, qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    [redone] = decisions.list_decisions_for_meeting(store, meeting_id)
    assert redone == replace(decision, version=redone.version)  # back as it was, a new version
    assert redone.version > decision.version
    assert view.capture.captured.count() == 1


def test_ending_the_meeting_asks_first(
    opened: tuple[LiveView, FakeMonotonic, str],
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view, mono, meeting_id = opened
    # TOP 2–5 were not reached: the end dialog names them; "Zurück" first, then "vertagen"
    answers = iter([None, AgendaItemState.POSTPONED])
    asked: list[str] = []

    def answer(_parent: object, question: str, tops: list[UntreatedTop]) -> AgendaItemState | None:
        asked.append(question + " " + untreated_sentence(tops))
        return next(answers)

    monkeypatch.setattr(EndMeetingDialog, "ask", answer)
    mono.advance(90 * 60)
    key(view, qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.RUNNING
    key(view, qtbot, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    info = meetings.get_meeting(store, meeting_id)
    assert info.state == MeetingState.HELD
    assert info.actual_end == START + timedelta(minutes=90)
    assert agenda_of(store, meeting_id)[0].actual_end == info.actual_end
    assert asked[0] == (
        "Die 2. Sitzung der AG SRO jetzt beenden? Das Ende wird mit 11:30 Uhr festgehalten. "
        "TOP 2–5 wurden nicht behandelt."
    )
    assert [i.state for i in agenda_of(store, meeting_id)][1:] == [AgendaItemState.POSTPONED] * 4
    assert "Sitzung beendet um 11:30 (durchgeführt)" in view.header.text()
    assert not view.buttons["next"].isEnabled()
    # one Ctrl+Z reopens the meeting with its TOP running, as it was
    key(view, qtbot, Qt.Key.Key_Z, CTRL)
    info = meetings.get_meeting(store, meeting_id)
    assert (info.state, info.actual_end) == (MeetingState.RUNNING, None)
    first = agenda_of(store, meeting_id)[0]
    assert first.actual_end is None and first.state.value == "offen"
    assert view.buttons["next"].isEnabled() and "▶ läuft" in view.running_mark.text()


def _next_top(view: LiveView, qtbot: QtBot) -> None:
    key(view, qtbot, Qt.Key.Key_PageDown)


def _result(view: LiveView, qtbot: QtBot) -> None:
    key(view, qtbot, Qt.Key.Key_E, CTRL)
    qtbot.keyClicks(view.capture.result, "Festgestellt.")
    key(view, qtbot, Qt.Key.Key_Return, CTRL)


def _task(view: LiveView, qtbot: QtBot) -> None:
    key(view, qtbot, Qt.Key.Key_T, CTRL)
    form = view.capture.task_form
    qtbot.keyClicks(form.what, "Raum buchen")
    form.office.setText("Jug")
    form.due.setText("+1w")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)


def _review(view: LiveView, qtbot: QtBot) -> None:
    _next_top(view, qtbot)
    _next_top(view, qtbot)
    view.review.note.setText("Termin steht")
    key(view, qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # entfällt, from anywhere


@pytest.mark.parametrize("action", [_next_top, _result, _task, _review])
def test_undo_and_redo_restore_the_database_exactly(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot, action: object
) -> None:
    view, mono, _ = opened
    mono.advance(90)
    stack = view.context.undo_stack
    depth = stack.count()
    before = database_image(store)
    assert callable(action)
    action(view, qtbot)
    after = database_image(store)
    assert after != before
    steps = stack.count() - depth
    for _ in range(steps):
        key(view, qtbot, Qt.Key.Key_Z, CTRL)
    assert database_image(store) == before
    for _ in range(steps):
        key(view, qtbot, Qt.Key.Key_Y, CTRL)
    assert database_image(store) == after


def test_postponing_marks_the_top_and_moves_on(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, mono, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_PageDown)  # TOP 2
    mono.advance(60)
    key(view, qtbot, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    items = agenda_of(store, meeting_id)
    assert items[1].state.value == "vertagt"
    assert items[1].actual_end == START + timedelta(minutes=1)
    assert view.top_number.text() == "TOP 3"
    assert view.agenda_model.index(1).data(StateRole) == "vertagt"
    key(view, qtbot, Qt.Key.Key_Z, CTRL)  # one step back: TOP 2 open and running again
    items = agenda_of(store, meeting_id)
    assert items[1].state.value == "offen" and items[1].actual_end is None
    assert view.top_number.text() == "TOP 2"


def test_typed_but_unsaved_decision_keeps_the_moderator_on_the_top(
    opened: tuple[LiveView, FakeMonotonic, str], store: Store, qtbot: QtBot
) -> None:
    view, _, meeting_id = opened
    key(view, qtbot, Qt.Key.Key_B, CTRL)
    key(view, qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Halb getippt")
    key(view, qtbot, Qt.Key.Key_PageDown)
    assert view.top_number.text() == "TOP 1"
    form = view.capture.decision_form  # said in the form, beside "Beschluss festhalten"
    assert "noch nicht festgehalten" in form.messages.text(form.votes[0])
    focus = QApplication.focusWidget()
    assert view.status_line.text() == "" and focus is not None and form.isAncestorOf(focus)
    key(view, qtbot, Qt.Key.Key_Escape)  # discard, then moving on works
    assert not view.capture.decision_form.isVisible()
    key(view, qtbot, Qt.Key.Key_PageDown)
    assert view.top_number.text() == "TOP 2"
    assert decisions.list_decisions_for_meeting(store, meeting_id) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.12.", date(2026, 12, 15)),
        ("15.1.", date(2027, 1, 15)),  # already past this year: next January
        ("15.12.2026", date(2026, 12, 15)),
        ("1.2.27", date(2027, 2, 1)),
        ("+2w", date(2026, 12, 9)),
        ("+10", date(2026, 12, 5)),
        ("+3m", date(2027, 2, 25)),
        ("2026-12-31", date(2026, 12, 31)),
        ("", None),
    ],
)
def test_due_dates_as_moderators_type_them(typed: str, expected: date | None) -> None:
    assert parse_due_date(typed, date(2026, 11, 25)) == expected


def test_unreadable_inputs_are_explained() -> None:
    with pytest.raises(InputError, match="„nächste Woche“ verstehe ich nicht als Datum"):
        parse_due_date("nächste Woche", date(2026, 11, 25))
    with pytest.raises(InputError, match="Bitte alle drei Stimmenzahlen"):
        parse_votes(["5", "", "1"])
    assert parse_votes(["", " ", ""]) is None
    assert parse_votes(["7", "0", "2"]) == (7, 0, 2)


def test_offices_by_code_start_name_or_completer_entry(store: Store) -> None:
    offices = directory.list_offices(store)

    def code(text: str) -> str | None:
        found = find_office(text, offices)
        return found.code if found is not None else None

    assert code("jug") == "Jug"
    assert code("Stadt") == "StadtEntw"
    assert code("Grünflächen") == "SGA"
    assert code("SE Fin – Serviceeinheit Finanzen") == "SE Fin"
    assert code("") is None
    with pytest.raises(InputError, match="passt auf mehrere Ämter"):
        find_office("SE", offices)
    with pytest.raises(InputError, match="Ein Amt „Bauamt“ gibt es nicht"):
        find_office("Bauamt", offices)


@pytest.mark.parametrize(
    ("planned", "elapsed", "text", "overrun"),
    [
        (10, 0, "noch 10:00", False),
        (10, 0.4, "noch 10:00", False),
        (10, 61, "noch 8:59", False),
        (10, 600, "Zeit abgelaufen", True),
        (10, 659, "Zeit abgelaufen", True),
        (10, 660, "1 Minute überzogen", True),
        (10, 1500, "15 Minuten überzogen", True),
        (0, 125, "läuft seit 2:05", False),
    ],
)
def test_time_box_in_words(planned: int, elapsed: float, text: str, overrun: bool) -> None:
    box = time_box(planned, elapsed)
    assert (box.text, box.overrun) == (text, overrun)


def test_a_meeting_planned_for_another_day_starts_only_when_the_moderator_says_so(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = make_body(store)
    meeting_id = plan(store, body, date(2026, 12, 3))  # the clock says 25.11.2026
    questions: list[str] = []
    answers = iter([False, True])

    def answer(_parent: QWidget, _title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(live, "confirm", answer)
    context = AppContext(store)
    clock, _mono = fake_clock()
    assert open_live_view(context, meeting_id, clock=clock) is None
    assert "ist für den 03.12.2026 geplant" in questions[0]
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.PLANNED
    assert context.undo_stack.count() == 0

    view = open_live_view(context, meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    info = meetings.get_meeting(store, meeting_id)
    assert (info.state, info.actual_start) == (MeetingState.RUNNING, START)
    assert len(questions) == 2


def test_with_an_empty_agenda_the_result_field_takes_no_text_until_a_top_exists(
    store: Store, qtbot: QtBot
) -> None:
    """A result typed with no TOP to keep it was silently thrown away."""
    meeting_id = plan(store, make_body(store))
    for item in reversed(agenda_of(store, meeting_id)):
        agenda.delete_agenda_item(store, item.id)
    context = AppContext(store)
    clock, _mono = fake_clock()
    view = open_live_view(context, meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    assert view.top.title.text() == "Die Tagesordnung ist leer."
    assert not view.capture.result.isEnabled()
    context.run("TOP", agenda.add_agenda_item, meeting_id, "Begrüßung")
    assert view.capture.result.isEnabled()


def test_the_review_heading_counts_one_task_in_the_singular(store: Store, qtbot: QtBot) -> None:
    setup = meeting_with_review(store, carried=1)
    clock, _mono = fake_clock()
    view = open_live_view(AppContext(store), setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    view.go_to(review_item(store, setup.meeting_id).id)
    assert view.review.heading.text() == "Wiedervorlage: 1 Aufgabe, 0 besprochen"


def test_a_result_typed_before_the_overview_ended_the_meeting_is_saved_on_closing(
    store: Store, qtbot: QtBot
) -> None:
    setup = meeting_with_review(store)
    context = AppContext(store)
    clock, _mono = fake_clock()
    view = open_live_view(context, setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    type_text(qtbot, view.capture.result, "Tagesordnung festgestellt.")
    context.run("Sitzung beenden", meetings.end_meeting, setup.meeting_id)  # the overview's button
    view.close()
    assert agenda_of(store, setup.meeting_id)[0].result == "Tagesordnung festgestellt."
