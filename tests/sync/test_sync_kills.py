"""A sync killed at any point: both sides stay consistent and the next sync applies each change once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from sromod.models import TaskStatus
from sromod.services import agenda, decisions, tasks
from sromod.services.sync_local import STEP_HOOKS
from sromod.store import open_store
from tests.services.helpers import office_id
from tests.sync.helpers import STEPS, Killed, fail_at, make_replica, sync
from tests.sync.test_replica import Register, _register, _wait_until_blocked
from tests.sync.test_sync import _tasks


@pytest.fixture
def hooks() -> Iterator[list[Callable[[str], None]]]:
    yield STEP_HOOKS
    STEP_HOOKS.clear()


def _offline_meeting(laptop: Path, reg: Register) -> None:
    task_id = _tasks(laptop)["Aufgabe Nord"].id
    with open_store(laptop) as store:
        item = agenda.add_agenda_item(store, reg.nord_meeting, "Neuer Spielplatz")
        decision = decisions.add_decision(store, item, "Der Spielplatz wird gebaut")
        tasks.add_task(store, "Bauantrag stellen", office_id=office_id(store, "SGA"),
                       agenda_item_id=item, decision_id=decision.id)  # fmt: skip
        tasks.set_task_status(store, task_id, TaskStatus.DONE)


def _server_meanwhile(url: str) -> None:
    task_id = _tasks(url)["Spielplatz prüfen"].id
    with open_store(url, create=False) as server:
        tasks.set_task_status(server, task_id, TaskStatus.IN_PROGRESS)


def _assert_once_and_alike(url: str, laptop: Path) -> None:
    plain = url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain) as conn:
        (made,) = conn.execute(
            "SELECT count(*) FROM decisions WHERE text = 'Der Spielplatz wird gebaut'"
        ).fetchone() or (0,)
        (done,) = conn.execute(
            "SELECT count(*) FROM task_events e JOIN tasks t ON t.id = e.task_id "
            "WHERE t.title = 'Aufgabe Nord' AND e.new_status = 'erledigt'"
        ).fetchone() or (0,)
    assert (made, done) == (1, 1)
    on_server, here = _tasks(url), _tasks(laptop)
    assert here["Spielplatz prüfen"].status == TaskStatus.IN_PROGRESS
    for title in ("Bauantrag stellen", "Aufgabe Nord", "Spielplatz prüfen"):
        assert (here[title].register_number, here[title].status) == (
            on_server[title].register_number, on_server[title].status,
        )  # fmt: skip
    assert not sync(url, laptop).pushed  # nothing left over


@pytest.mark.parametrize("at", STEPS)
def test_a_sync_failing_at_a_step_is_completed_by_the_next(
    pg_url: str, tmp_path: Path, hooks: list[Callable[[str], None]], at: str
) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    _offline_meeting(laptop, reg)
    _server_meanwhile(pg_url)

    hooks.append(fail_at(at))
    with pytest.raises(Killed):
        sync(pg_url, laptop)
    hooks.clear()
    sync(pg_url, laptop)
    _assert_once_and_alike(pg_url, laptop)


def test_a_sync_process_killed_during_the_push_changes_nothing_and_the_next_completes(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    _offline_meeting(laptop, reg)
    _server_meanwhile(pg_url)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as blocker:
        # Reading goes on; the push waits at the task history, after its new TOP, decision and task.
        blocker.execute("LOCK TABLE task_events IN EXCLUSIVE MODE")
        proc = subprocess.Popen(
            [sys.executable, "-m", "sromod", "sync", "--db", str(laptop), "--server", pg_url],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait_until_blocked(blocker)
        finally:
            proc.kill()
            proc.wait()
        blocker.rollback()
    assert "Bauantrag stellen" not in _tasks(pg_url)  # the push's transaction died with it
    sync(pg_url, laptop)
    _assert_once_and_alike(pg_url, laptop)
