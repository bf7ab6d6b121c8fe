"""The sync after a push does not fetch the replica's own rows back, where it holds them as sent;
what the register made of them (an author, a number, a later change) still arrives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from sromod.models import TaskStatus
from sromod.services import agenda, decisions, directory, tasks
from sromod.services.sync_rows import Row, table
from sromod.store import open_store
from tests.services.helpers import office_id
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import Register, _register
from tests.sync.test_sync import _tasks


def _rows(where: str | Path, name: str) -> dict[str, Row]:
    tbl = table(name)
    with open_store(where, create=False) as store, store.engine.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(select(tbl)).mappings()}


def _alike(url: str, laptop: Path, *names: str, only: set[str] | None = None) -> None:
    """Every row the replica holds of these tables (of only these ids, or of tasks with these
    ids) is the register's, column by column."""
    for name in names:
        here, there = _rows(laptop, name), _rows(url, name)
        if only is not None:
            here = {i: r for i, r in here.items() if {i, r.get("task_id")} & only}
        assert here, name
        for row_id, row in here.items():
            assert row == there[row_id], (name, row_id)


def _meeting_offline(laptop: Path, reg: Register) -> dict[str, Any]:
    before = _tasks(laptop)
    with open_store(laptop) as store:
        item = agenda.add_agenda_item(store, reg.nord_meeting, "Neuer Spielplatz")
        decision = decisions.add_decision(store, item, "Der Spielplatz wird gebaut")
        task = tasks.add_task(store, "Bauantrag stellen", office_id=office_id(store, "SGA"),
                              agenda_item_id=item, decision_id=decision.id)  # fmt: skip
        tasks.set_task_status(store, before["Aufgabe Nord"].id, TaskStatus.DONE)
    return {"item": item, "task": task.id}


def test_the_sync_after_a_push_fetches_none_of_its_rows_and_both_sides_agree(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord", "StR Süd")
    _meeting_offline(laptop, reg)
    pushed = sync(pg_url, laptop)
    assert pushed.pushed["tasks"] == 2 and pushed.pushed["task_events"] == 2
    after = sync(pg_url, laptop)
    assert not after.pulled and not after.pushed  # nothing fetched back, nothing to do
    assert after.echoed >= sum(pushed.pushed.values())
    _alike(pg_url, laptop, "agenda_items", "decisions", "tasks", "task_events")


def test_the_history_author_the_register_fills_is_held_without_fetching_it_back(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord", "StR Süd")
    made = _meeting_offline(laptop, reg)
    sync(pg_url, laptop)
    assert not sync(pg_url, laptop).pulled
    events = [e for e in _rows(laptop, "task_events").values() if e["task_id"] == made["task"]]
    on_server = _rows(pg_url, "task_events")
    assert [e["author"] for e in events] == [on_server[e["id"]]["author"] for e in events]
    assert events and events[0]["author"] == "sromod_test"  # the login that pushed


def test_a_number_the_register_moved_and_a_later_change_there_still_arrive(
    pg_url: str, tmp_path: Path
) -> None:
    _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:  # …/005 is a task of StR Süd this replica lacks
        moved = tasks.add_task(store, "Neu", office_id=office_id(store, "SGA"))
        kept = tasks.add_task(store, "Auch neu", office_id=office_id(store, "SGA"))
    assert sync(pg_url, laptop).renumbered
    with open_store(pg_url, create=False) as server:  # meanwhile in the office
        tasks.set_task_status(server, kept.id, TaskStatus.IN_PROGRESS)
    after = sync(pg_url, laptop)
    assert after.pulled["tasks"] >= 1  # the office's change, and whatever the push did not give
    _alike(pg_url, laptop, "tasks", "task_events", only={moved.id, kept.id})
    here = _tasks(laptop)
    assert "Bisherige Nr." in (here["Neu"].remark or "") and moved.register_number
    assert here["Auch neu"].status == TaskStatus.IN_PROGRESS


def test_a_new_row_outside_the_scope_leaves_the_replica_after_its_push(
    pg_url: str, tmp_path: Path
) -> None:
    """A replica holds the people its bodies' records name; a person made here and named by
    nothing lies outside its scope once the register has them, and goes, as before."""
    _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:
        person = directory.create_person(store, "Erika Neu", office_id=office_id(store, "Soz"))
    assert sync(pg_url, laptop).pushed["persons"] == 1
    after = sync(pg_url, laptop)
    assert after.pulled["persons"] == 1
    assert person in _rows(pg_url, "persons") and person not in _rows(laptop, "persons")
