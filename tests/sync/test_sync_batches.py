"""The push writes a table's rows together, and decides what it cannot decide together one by one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from sromod.models import TaskStatus
from sromod.services import agenda, decisions, sync_pull, tasks
from sromod.services.sync import sync_replica
from sromod.services.sync_local import STEP_HOOKS
from sromod.store import journal, open_store
from tests.services.helpers import office_id
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import _register
from tests.sync.test_sync import _tasks


@pytest.fixture
def hooks() -> Iterator[list[Any]]:
    yield STEP_HOOKS
    STEP_HOOKS.clear()


def test_a_meetings_rows_reach_the_register_in_a_few_statements_per_table(
    pg_url: str, tmp_path: Path, hooks: list[Any]
) -> None:
    reg = _register(pg_url)
    # Both bodies: every number of the register is known here, none of the new ones clashes
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord", "StR Süd")
    before = _tasks(laptop)
    with open_store(laptop) as store:
        sga = office_id(store, "SGA")
        for n in range(8):
            item = agenda.add_agenda_item(store, reg.nord_meeting, f"Thema {n}")
            decision = decisions.add_decision(store, item, f"Beschluss {n}")
            for k in range(3):
                tasks.add_task(store, f"Aufgabe {n}.{k}", office_id=sga, agenda_item_id=item,
                               decision_id=decision.id)  # fmt: skip
        for title in ("Aufgabe Nord", "Spielplatz prüfen"):
            tasks.set_task_status(store, before[title].id, TaskStatus.DONE)
    phase: list[str] = []
    statements: list[str] = []
    hooks.append(phase.append)
    with open_store(pg_url, create=False) as server, open_store(laptop) as replica:

        @event.listens_for(server.engine, "before_cursor_execute")
        def count(*args: Any) -> None:
            if phase and phase[-1].startswith(("pulled", "pushing")):
                statements.append(args[2])

        outcome = sync_replica(server, replica)
    rows = sum(outcome.pushed.values())
    assert rows >= 60 and outcome.pushed["tasks"] == 26, outcome.pushed  # 24 new, 2 statuses
    assert len(statements) <= 30, statements  # one by one it took more than a hundred
    on_server, here = _tasks(pg_url), _tasks(laptop)
    assert on_server["Aufgabe 7.2"].register_number == here["Aufgabe 7.2"].register_number
    assert on_server["Aufgabe Nord"].status == TaskStatus.DONE
    assert {t: r.register_number for t, r in on_server.items()} == {
        t: r.register_number for t, r in here.items() if t in on_server
    }


def test_new_tasks_whose_numbers_the_register_holds_move_one_after_the_other(
    pg_url: str, tmp_path: Path
) -> None:
    """The numbering rule runs row by row, in the order the tasks were made: …/005 → …/006 and
    …/006 → …/007 (the register holds …/005 for a task of StR Süd, which this replica lacks)."""
    _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:
        made = [tasks.add_task(store, f"Neu {n}", office_id=office_id(store, "SGA"))
                for n in range(2)]  # fmt: skip
    numbers = [t.register_number for t in made]
    held = _tasks(pg_url)["Sozialberatung Süd"].register_number
    assert numbers[0] == held
    outcome = sync(pg_url, laptop)
    after = _tasks(pg_url)
    assert [(r.old, r.new) for r in outcome.renumbered] == [
        (numbers[0], numbers[1]), (numbers[1], after["Neu 1"].register_number),
    ]  # fmt: skip
    assert after["Neu 0"].register_number == numbers[1]
    assert _tasks(laptop)["Neu 1"].register_number == after["Neu 1"].register_number


def test_the_pull_reads_the_register_without_just_in_time_compilation(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scope's queries look dear to the planner; compiling them cost 0.4 s each for nothing."""
    _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    seen: list[str] = []
    read_batch = journal.read_batch

    def spy(conn: Any, from_xid: int) -> Any:
        seen.append(conn.execute(text("SHOW jit")).scalar_one())
        return read_batch(conn, from_xid)

    monkeypatch.setattr(sync_pull, "read_batch", spy)
    sync(pg_url, laptop)
    assert seen == ["off"]
