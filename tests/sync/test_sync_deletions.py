"""Deletions against changes: a row deleted on one side and changed on the other comes back whole.

A task deleted on the laptop (its creation taken back) while the register changed it is a conflict:
the register's task stands, and its history with it. The deletion of the history must never reach
the register alone: not in the pull's conflict, not when the register changes the task between
pull and push, not when the register refuses the task's deletion. Resolved either way, both sides
end equal and the history is complete.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sromod.models import AttendanceStatus, TaskStatus
from sromod.services import agenda, attendance, meetings, tasks
from sromod.services.sync_conflicts import list_conflicts, resolve_conflict
from sromod.services.sync_local import STEP_HOOKS
from sromod.services.uow import Changeset, record, undo
from sromod.store import Store, open_store
from tests.pg_cluster import Cluster
from tests.services.helpers import office_id
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import Register, _register
from tests.sync.test_sync import _tasks
from tests.sync.test_sync_roles import office_lead_replica


def _history(where: str | Path, task_id: str) -> list[str]:
    """The ids of the task's history entries, in the order they were made."""
    with open_store(where, create=False) as store, store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id FROM task_events WHERE task_id = :t ORDER BY at, id"), {"t": task_id}
        )
        return [r[0] for r in rows]


def _new_task(store: Store, body_id: str) -> str:
    task_id = tasks.add_task(store, "Zaun reparieren", office_id=office_id(store, "SGA"),
                             body_id=body_id).id  # fmt: skip
    tasks.set_task_status(store, task_id, TaskStatus.IN_PROGRESS, note="Angebot eingeholt")
    tasks.add_task_note(store, task_id, "Firma kommt im Januar")
    return task_id


def _synced_task(url: str, tmp_path: Path) -> tuple[Register, Path, str, Changeset]:
    """A replica whose user made a task with history, synced: the changes that made it."""
    reg = _register(url)
    laptop = make_replica(url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:
        task_id, made = record(store, _new_task, reg.nord)
    sync(url, laptop)
    assert len(_history(url, task_id)) >= 2
    return reg, laptop, task_id, made


def _take_back(laptop: Path, made: Changeset) -> None:
    """The laptop's user takes the task's creation back (Bearbeiten → Rückgängig)."""
    with open_store(laptop) as store:
        undo(store, made)


def test_a_task_deleted_here_and_changed_in_the_register_comes_back_with_its_history(
    pg_url: str, tmp_path: Path
) -> None:
    _reg, laptop, task_id, made = _synced_task(pg_url, tmp_path)
    with open_store(pg_url, create=False) as server:  # meanwhile in the office
        tasks.set_task_status(server, task_id, TaskStatus.DONE)
    history = _history(pg_url, task_id)
    _take_back(laptop, made)
    assert _history(laptop, task_id) == []
    outcome = sync(pg_url, laptop)
    assert outcome.conflicts == 1 and not outcome.pushed.get("task_events")
    assert _history(pg_url, task_id) == history  # nothing of the history left the register
    assert _history(laptop, task_id) == history  # and the laptop shows it again
    assert _tasks(laptop)["Zaun reparieren"].status == TaskStatus.DONE
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
    assert (conflict.kind, conflict.row_id) == ("deleted_here", task_id)
    assert "Zaun reparieren" in conflict.row_label
    assert not sync(pg_url, laptop).pushed  # nothing waits to be pushed


@pytest.mark.parametrize("take_local", [False, True])
def test_resolving_a_deleted_task_either_way_ends_equal(
    pg_url: str, tmp_path: Path, take_local: bool
) -> None:
    _reg, laptop, task_id, made = _synced_task(pg_url, tmp_path)
    with open_store(pg_url, create=False) as server:
        tasks.update_task(server, task_id, due_date=date(2027, 5, 1))
    history = _history(pg_url, task_id)
    _take_back(laptop, made)
    sync(pg_url, laptop)
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        resolve_conflict(store, conflict.id, take_local=take_local)
    sync(pg_url, laptop)
    if take_local:  # the deletion after all: the task and its whole history go on both sides
        assert "Zaun reparieren" not in _tasks(pg_url) and "Zaun reparieren" not in _tasks(laptop)
        assert _history(pg_url, task_id) == [] == _history(laptop, task_id)
    else:
        assert _tasks(pg_url)["Zaun reparieren"].due_date == date(2027, 5, 1)
        assert _tasks(laptop)["Zaun reparieren"].due_date == date(2027, 5, 1)
        assert _history(pg_url, task_id) == history == _history(laptop, task_id)
    with open_store(laptop) as store:
        assert list_conflicts(store) == []
    assert not sync(pg_url, laptop).pushed


def test_a_task_changed_in_the_register_between_pull_and_push_keeps_its_history(
    pg_url: str, tmp_path: Path
) -> None:
    _reg, laptop, task_id, made = _synced_task(pg_url, tmp_path)
    _take_back(laptop, made)
    history = _history(pg_url, task_id)

    def office_lead_at_work(step: str) -> None:
        if step == "pulled":  # after the pull read the register, before the push
            with open_store(pg_url, create=False) as server:
                tasks.update_task(server, task_id, remark="im Büro geändert")

    STEP_HOOKS.append(office_lead_at_work)
    try:
        outcome = sync(pg_url, laptop)
    finally:
        STEP_HOOKS.clear()
    assert outcome.waiting == 1 and not outcome.pushed.get("task_events")
    now = _history(pg_url, task_id)  # the remark's change added an entry
    assert set(history) < set(now)  # the task's deletion waited, its history with it
    outcome = sync(pg_url, laptop)  # the next sync finds the change: a conflict
    assert outcome.conflicts == 1
    assert _history(laptop, task_id) == now == _history(pg_url, task_id)
    assert _tasks(laptop)["Zaun reparieren"].remark == "im Büro geändert"


def test_a_refused_task_deletion_takes_no_history_entry_with_it(
    pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An office lead's login may delete its own history entries, never a task: the register
    refuses the task's deletion, and its entries stay as well."""
    url, laptop = office_lead_replica(pg_cluster, pg_url, tmp_path, monkeypatch)
    task_id = _tasks(laptop)["Aufgabe Nord"].id
    with open_store(laptop) as store:
        tasks.set_task_status(store, task_id, TaskStatus.DONE)  # an entry of its own
    sync(url, laptop)
    history = _history(pg_url, task_id)
    assert history
    with sqlite3.connect(laptop) as raw:  # as if a future command deleted the task here
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("DELETE FROM task_events WHERE task_id = ?", (task_id,))
        raw.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
    outcome = sync(url, laptop)
    assert outcome.conflicts == 1 and not outcome.pushed.get("task_events")
    assert _history(pg_url, task_id) == history
    assert _history(laptop, task_id) == history
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
    assert (conflict.kind, conflict.row_id) == ("refused", task_id)
    assert not sync(url, laptop).pushed


def test_a_task_deleted_in_the_register_and_changed_here_comes_back_whole_if_taken(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    with open_store(pg_url, create=False) as server:
        task_id, made = record(server, _new_task, reg.nord)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    history = _history(pg_url, task_id)
    with open_store(laptop) as store:
        tasks.set_task_status(store, task_id, TaskStatus.DONE, note="Zaun steht")
    with open_store(pg_url, create=False) as server:  # taken back in the register
        undo(server, made)
    outcome = sync(pg_url, laptop)
    assert outcome.conflicts == 1  # one conflict: the task, its history kept with it
    assert "Zaun reparieren" not in _tasks(laptop)  # the register's deletion stands
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        assert (conflict.kind, conflict.row_id) == ("deleted_on_server", task_id)
        assert conflict.local_value["title"] == "Zaun reparieren"
        resolve_conflict(store, conflict.id, take_local=True)
    assert _tasks(laptop)["Zaun reparieren"].status == TaskStatus.DONE
    here = _history(laptop, task_id)
    assert set(history) < set(here) and len(here) == len(history) + 1  # old entries and the new
    sync(pg_url, laptop)
    assert _history(pg_url, task_id) == here
    assert _tasks(pg_url)["Zaun reparieren"].status == TaskStatus.DONE
    assert not sync(pg_url, laptop).pushed


def test_a_meeting_deleted_here_and_changed_in_the_register_comes_back_with_agenda_and_attendance(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    with open_store(pg_url, create=False) as server:
        meeting_id = meetings.plan_meeting(server, reg.nord, date(2027, 2, 2))
        top = agenda.add_agenda_item(server, meeting_id, "Haushalt")
        agenda.add_agenda_item(server, meeting_id, "Haushalt Nord", parent_id=top)
        attendance.set_attendance(server, meeting_id, reg.people["Anna Nord"],
                                  AttendanceStatus.PRESENT)  # fmt: skip
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:
        meetings.delete_meeting(store, meeting_id)
    with open_store(pg_url, create=False) as server:
        meetings.update_meeting(server, meeting_id, place="Rathaus, Raum 2")
    assert sync(pg_url, laptop).conflicts == 1
    seen = []
    for where in (pg_url, laptop):
        with open_store(where, create=False) as store:
            titles = sorted(a.title for a in agenda.list_agenda(store, meeting_id))
            present = [a.person_id for a in attendance.list_attendance(store, meeting_id)]
        assert {"Haushalt", "Haushalt Nord"} <= set(titles) and present, where
        seen.append((titles, present))
    assert seen[0] == seen[1]
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        assert (conflict.kind, conflict.table) == ("deleted_here", "meetings")
        resolve_conflict(store, conflict.id, take_local=True)  # deleted after all
    sync(pg_url, laptop)
    with open_store(pg_url, create=False) as server:
        assert meeting_id not in {m.id for m in meetings.list_meetings(server, reg.nord)}
