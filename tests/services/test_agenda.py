"""The agenda editor's operations keep TOP numbering contiguous; undo restores exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from sromod.models import AttendanceStatus, TaskStatus
from sromod.services import agenda, attendance, bodies, tasks, uow
from sromod.services.errors import ServiceError
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan


def numbers(store: Store, meeting: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in agenda.list_agenda(store, meeting)]


def test_add_move_indent_outdent_delete(store: Store) -> None:
    meeting = plan(store, make_body(store))
    a = agenda.add_agenda_item(store, meeting, "Bezirksregionenprofil", position=3)
    b = agenda.add_agenda_item(store, meeting, "Spielplatzsanierung", position=4)
    agenda.indent_agenda_item(store, b)
    assert numbers(store, meeting)[2:5] == [
        ("3", "Bezirksregionenprofil"),
        ("3.1", "Spielplatzsanierung"),
        ("4", "Wiedervorlage: Stand der Aufgaben"),
    ]
    agenda.move_agenda_item(store, a, 1)
    assert numbers(store, meeting)[0] == ("1", "Bezirksregionenprofil")
    assert numbers(store, meeting)[1] == ("1.1", "Spielplatzsanierung")
    agenda.outdent_agenda_item(store, b)
    assert numbers(store, meeting)[1] == ("2", "Spielplatzsanierung")
    agenda.delete_agenda_item(store, a)
    assert [n for n, _ in numbers(store, meeting)] == ["1", "2", "3", "4", "5", "6"]
    with pytest.raises(ServiceError, match="leer"):
        agenda.add_agenda_item(store, meeting, "   ")


def dump(store: Store) -> dict[str, list[str]]:
    """Every column of the rows but their version, which keeps rising through undo and redo."""
    tables = ["agenda_items", "decisions", "tasks", "task_events", "attendances", "task_reviews"]
    with store.engine.connect() as conn:
        result = {
            t: sorted(
                repr({k: v for k, v in row.items() if k != "version"})
                for row in conn.execute(text(f"SELECT * FROM {t}")).mappings()
            )
            for t in tables
        }
        # SQLite's entry ids derive from the source rowid; PostgreSQL numbers entries as they
        # come (an undone deletion comes back as a new entry of the same row and text).
        key = "rowid" if conn.dialect.name == "sqlite" else "kind"
        result["fts"] = sorted(
            map(repr, conn.execute(text(f"SELECT {key}, ref, title, body FROM search_fts")))
        )
        return result


def test_undo_and_redo_restore_the_database_exactly(store: Store) -> None:
    body = make_body(store)
    meeting = plan(store, body)
    person = bodies.list_members(store, body)[0].person_id
    top = agenda.add_agenda_item(store, meeting, "Übergabe an das Jugendamt")
    actions: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = [
        (agenda.add_agenda_item, (meeting, "Neuer TOP"), {"position": 1}),
        (agenda.indent_agenda_item, (top,), {}),
        (agenda.update_agenda_item, (top,), {"result": "Ergebnis mit Ümlaut"}),
        (attendance.set_attendance, (meeting, person, AttendanceStatus.EXCUSED), {}),
        (
            tasks.add_task,
            ("Bericht vorlegen",),
            {"office_id": office_id(store, "Jug"), "agenda_item_id": top},
        ),
    ]
    for action, args, kwargs in actions:
        before = dump(store)
        _result, changes = uow.record(store, action, *args, **kwargs)
        after = dump(store)
        assert changes and before != after, action.__name__
        uow.undo(store, changes)
        assert dump(store) == before
        uow.redo(store, changes)
        assert dump(store) == after

    task = tasks.list_tasks_for_meeting(store, meeting)[0]
    before = dump(store)
    _r, changes = uow.record(store, tasks.set_task_status, task.id, TaskStatus.DONE)
    uow.undo(store, changes)
    assert dump(store) == before
