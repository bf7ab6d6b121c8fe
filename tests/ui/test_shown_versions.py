"""Editors pass the versions of the rows they showed: a second user's change made meanwhile is
not overwritten. The first user reads the sentence naming the row, and the screen shows what the
other user stored (the body and person editors, the office editor, inline TOP edits, the live
view's result, postponing and Wiedervorlage, the attendance list). Two engines on one store, both engines."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemState, AttendanceStatus, TaskStatus
from sromod.services import agenda, attendance, bodies, directory, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from sromod.ui.dialogs.body_dialog import BodyDialog
from sromod.ui.dialogs.member_dialog import MemberDialog
from sromod.ui.dialogs.office_dialog import OfficeDialog
from sromod.ui.dialogs.person_dialog import PersonDialog
from sromod.ui.itemmodels.agenda import COL_MINUTES
from sromod.ui.screens.agenda_editor import AgendaEditor
from sromod.ui.screens.attendance import AttendanceScreen
from sromod.ui.screens.bodies import BodiesScreen
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.people import PeopleScreen
from tests.services.helpers import make_body, office_id, plan
from tests.ui.live_helpers import agenda_of, meeting_with_review, open_live
from tests.ui.test_concurrency_ui import listening_context, second_user_store  # noqa: F401 (fixtures)
from tests.ui.walk_helpers import settle

pytestmark = pytest.mark.both_engines

LATER = "wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; " \
    "angezeigt wird jetzt der aktuelle Stand."  # fmt: skip


def _errors(shown_in: AppContext) -> list[str]:
    errors: list[str] = []
    shown_in.error.connect(errors.append)
    return errors


def _answer(monkeypatch: pytest.MonkeyPatch, dialog: type, meanwhile: Any, values: Any) -> None:
    """The dialog answers `values`; while it was open, the other user did `meanwhile`."""

    def ask(*args: Any, **_kwargs: Any) -> Any:
        meanwhile()
        return values(*args)

    monkeypatch.setattr(dialog, "ask", ask)


def test_the_body_editor(
    store: Store, other: Store, context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = make_body(store, members=1)
    screen = BodiesScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    errors = _errors(context)
    assert screen.select_body(body)
    bodies.update_body(other, body, default_place="Rathaus, Raum 3")  # the screen does not know

    def values(_parent: Any, _context: Any, info: Any) -> dict[str, Any]:
        return {"name": info.name, "default_place": "Jugendamt, Saal"}

    _answer(monkeypatch, BodyDialog, lambda: None, values)
    screen.edit_body()

    assert errors == [f"Das Gremium AG SRO {LATER}"]
    assert bodies.get_body(store, body).default_place == "Rathaus, Raum 3"
    assert "Rathaus, Raum 3" in screen.body_facts.text()  # shown as the other user left it


def test_the_person_and_office_editors(
    store: Store, other: Store, context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = directory.create_person(store, "Anna Schmidt", office_id=office_id(store, "Jug"))
    screen = PeopleScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    errors = _errors(context)
    screen.show_item(person)

    def phone(*_args: Any) -> dict[str, Any]:
        return {"phone": "030 1234"}

    _answer(monkeypatch, PersonDialog, lambda: directory.update_person(other, person, function="Leitung"), phone)  # fmt: skip
    screen.edit_person()

    assert errors == [f"Der Eintrag von Anna Schmidt {LATER}"]
    shown = directory.get_person(store, person)
    assert (shown.function, shown.phone) == ("Leitung", None)
    row = screen.people_model.row_of(person)
    assert row is not None and "Leitung" in [
        screen.people_model.index(row, c).data() for c in range(6)
    ]

    jug = office_id(store, "Jug")
    screen.tabs.setCurrentIndex(1)
    screen.show_item(jug)

    def name(*_args: Any) -> dict[str, Any]:
        return {"name": "Jugendamt (neu)"}

    _answer(monkeypatch, OfficeDialog, lambda: directory.update_office(other, jug, name="Amt für Jugend"), name)  # fmt: skip
    screen.edit_office()
    assert errors[-1] == f"Das Amt Jug {LATER}"
    assert directory.office_by_code(store, "Jug").name == "Amt für Jugend"  # type: ignore[union-attr]


def test_an_inline_top_edit(store: Store, other: Store, context: AppContext, qtbot: QtBot) -> None:
    meeting = plan(store, make_body(store, members=1))
    top = agenda.add_agenda_item(store, meeting, "Kitaplätze", planned_minutes=20)
    editor = AgendaEditor(context)
    qtbot.addWidget(editor)
    editor.set_meeting(meeting)
    editor.show()
    settle()
    errors = _errors(context)
    agenda.update_agenda_item(other, top, planned_minutes=30)  # the tree still shows 20

    index = editor.model.index_of(top).siblingAtColumn(COL_MINUTES)
    assert index.data() in ("20", 20)
    editor.model.setData(index, "25")
    qtbot.waitUntil(lambda: bool(errors))

    assert errors == [f"Der TOP „Kitaplätze“ {LATER}"]
    assert agenda.get_agenda_item(store, top).planned_minutes == 30
    qtbot.waitUntil(
        lambda: str(editor.model.index_of(top).siblingAtColumn(COL_MINUTES).data()) == "30"
    )


def _live(store: Store, qtbot: QtBot) -> tuple[LiveView, str, list[str]]:
    setup = meeting_with_review(store, carried=1)
    view, _mono = open_live(qtbot, store, setup.meeting_id)
    return view, setup.meeting_id, _errors(view.context)


def test_the_live_views_result_and_postponing(store: Store, other: Store, qtbot: QtBot) -> None:
    view, meeting, errors = _live(store, qtbot)
    running = agenda_of(store, meeting)[0]
    agenda.update_agenda_item(other, running.id, result="Vom Kollegen notiert.")

    view.capture.result.setPlainText("Begrüßt.")
    assert not view.capture.save_result()

    assert errors == [f"Der TOP „{running.title}“ {LATER}"]
    assert agenda.get_agenda_item(store, running.id).result == "Vom Kollegen notiert."
    qtbot.waitUntil(lambda: view.capture.result.toPlainText() == "Vom Kollegen notiert.")

    agenda.update_agenda_item(other, running.id, presenter="Frau Schulz")
    view.postpone()
    assert errors[-1] == f"Der TOP „{running.title}“ {LATER}"
    assert agenda.get_agenda_item(store, running.id).state != AgendaItemState.POSTPONED


def test_the_live_views_wiedervorlage(store: Store, other: Store, qtbot: QtBot) -> None:
    view, meeting, errors = _live(store, qtbot)
    view.go_to(next(i.id for i in agenda_of(store, meeting) if i.kind.value == "wiedervorlage"))
    settle()
    [review] = view.review.model.reviews()
    tasks.update_task(other, review.task.id, remark="Liegt beim Amt")
    view.review.table.setFocus()
    view.review.set_status(TaskStatus.DONE)

    assert errors == [f"Die Aufgabe {review.task.register_number} {LATER}"]
    current = tasks.get_task(store, review.task.id)
    assert (current.status, current.remark) == (TaskStatus.OPEN, "Liegt beim Amt")


def test_the_member_and_standing_agenda_editors(
    store: Store, other: Store, context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = make_body(store, members=1)
    standing = bodies.add_standing_item(store, body, "Kiezfonds", planned_minutes=15)
    screen = BodiesScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    errors = _errors(context)
    assert screen.select_body(body)
    members, template = screen.members, screen.standing
    screen.tabs.setCurrentWidget(members)
    settle()
    members.view.setCurrentIndex(members.model.index(0, 0))
    [member] = bodies.list_members(store, body)
    bodies.update_member(other, member.id, voting=False)  # the list still shows "ja"

    def role(*_args: Any) -> dict[str, Any]:
        return {"valid_to": date(2026, 12, 31)}

    _answer(monkeypatch, MemberDialog, lambda: None, role)
    members.edit_member()
    assert errors == [f"Die Mitgliedschaft {LATER}"]
    assert bodies.list_members(store, body)[0].valid_to is None
    qtbot.waitUntil(lambda: members.model.index(0, 4).data() == "nein")

    screen.tabs.setCurrentWidget(template)
    settle()
    row = next(n for n, i in enumerate(bodies.list_standing_items(store, body)) if i.id == standing)
    template.view.setCurrentIndex(template.model.index(row, 0))
    bodies.update_standing_item(other, standing, planned_minutes=25)

    def minutes(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
        return {"planned_minutes": 20}

    _answer(monkeypatch, AgendaItemDialog, lambda: None, minutes)
    template.edit_item()
    assert errors[-1] == f"Der Vorlage-TOP „Kiezfonds“ {LATER}"
    current = next(i for i in bodies.list_standing_items(store, body) if i.id == standing)
    assert current.planned_minutes == 25


def test_the_attendance_list(store: Store, other: Store, context: AppContext, qtbot: QtBot) -> None:
    """A status, an arrival time and a removal against a line the other user changed meanwhile;
    a status for a member the screen showed unrecorded whom the other user recorded meanwhile."""
    meeting = plan(store, make_body(store, members=3))
    members = [line.person_id for line in attendance.list_attendance(store, meeting)]
    first, second = str(members[0]), str(members[1])
    attendance.set_attendance(store, meeting, first, AttendanceStatus.PRESENT)
    screen = AttendanceScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_meeting(meeting)
    errors = _errors(context)
    # the other user, meanwhile: the first member excused, the second recorded absent
    attendance.set_attendance(other, meeting, first, AttendanceStatus.EXCUSED)
    attendance.set_attendance(other, meeting, second, AttendanceStatus.ABSENT)

    screen.set_status(0, AttendanceStatus.ABSENT)
    assert errors == [f"Der Anwesenheitseintrag {LATER}"]
    assert _statuses(store, meeting)[first] == AttendanceStatus.EXCUSED
    assert screen.model.row_at(0).status == AttendanceStatus.EXCUSED  # type: ignore[union-attr]
    assert not context.undo_stack.canUndo()  # nothing written, nothing to undo

    row = _row_of(screen, second)
    shown = screen.model.row_at(row)
    assert shown is not None and shown.status == AttendanceStatus.ABSENT  # reloaded after refusal
    attendance.set_attendance(other, meeting, second, AttendanceStatus.EXCUSED)
    screen.set_status(row, AttendanceStatus.PRESENT)
    assert _statuses(store, meeting)[second] == AttendanceStatus.EXCUSED
    assert len(errors) == 2

    line = screen.model.row_at(_row_of(screen, second))
    assert line is not None and line.id is not None
    attendance.update_attendance(other, line.id, role="Sprecherin")
    screen.table.selectRow(_row_of(screen, second))
    screen.remove_selected()
    assert second in _statuses(store, meeting)  # the other user's line is still there
    assert len(errors) == 3


def test_a_member_recorded_meanwhile_is_not_overwritten(
    store: Store, other: Store, context: AppContext, qtbot: QtBot
) -> None:
    meeting = plan(store, make_body(store, members=2))
    screen = AttendanceScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_meeting(meeting)
    errors = _errors(context)
    person = str(screen.model.row_at(0).person_id)  # type: ignore[union-attr]
    attendance.set_attendance(other, meeting, person, AttendanceStatus.EXCUSED)  # unseen here

    screen.set_status(0, AttendanceStatus.PRESENT)
    assert errors == [f"Der Anwesenheitseintrag {LATER}"]
    assert _statuses(store, meeting)[person] == AttendanceStatus.EXCUSED
    screen.set_status(0, AttendanceStatus.PRESENT)  # now seen: the user's click counts
    assert _statuses(store, meeting)[person] == AttendanceStatus.PRESENT


def _statuses(store: Store, meeting: str) -> dict[str, AttendanceStatus | None]:
    return {
        str(line.person_id): line.status
        for line in attendance.list_attendance(store, meeting)
        if line.id is not None
    }


def _row_of(screen: AttendanceScreen, person: str) -> int:
    return next(
        r
        for r in range(screen.model.rowCount())
        if (line := screen.model.row_at(r)) is not None and line.person_id == person
    )
