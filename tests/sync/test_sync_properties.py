"""Property: random edits on the register and on replicas, synced in random order with random
failures; after a final round every replica equals the register in its scope, and no edit is lost
(the last edit of a field wins, or is listed as a conflict where it was made)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from sromod.models import TaskStatus
from sromod.services import meetings, tasks
from sromod.services.journal_trim import trim_journal
from sromod.services.replica_scope import Scope, row_queries
from sromod.services.sync_conflicts import list_conflicts
from sromod.services.sync_local import STEP_HOOKS
from sromod.store import Store, open_store
from tests.conftest import TEMPLATE_DATABASE
from tests.pg_cluster import Cluster
from tests.services.helpers import office_id
from tests.sync.helpers import STEPS, Killed, fail_at, make_replica, replica_id, sync
from tests.sync.test_replica import _register
from tests.sync.test_sync import _tasks

REPLICAS = ("eins", "zwei", "drei")
PLACES = ("server", *REPLICAS)
FIELDS = ("title", "remark", "due_date", "status")
STATUSES = tuple(TaskStatus)

OPS = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(PLACES), st.integers(0, 2), st.sampled_from(FIELDS)),
    st.tuples(st.just("task"), st.sampled_from(PLACES)),
    st.tuples(st.just("meeting"), st.sampled_from(PLACES)),
    st.tuples(st.just("sync"), st.sampled_from(REPLICAS), st.sampled_from((None, None, *STEPS))),
    st.tuples(st.just("trim"), st.sampled_from((None, *REPLICAS))),
)


@dataclass
class World:
    url: str
    paths: dict[str, Path]
    body: str
    task_ids: list[str]
    edits: list[tuple[int, str, str, str, Any]] = field(
        default_factory=list
    )  # n, place, task, field, value

    def where(self, place: str) -> str | Path:
        return self.url if place == "server" else self.paths[place]


def _value(name: str, n: int) -> Any:
    if name == "due_date":
        return date(2027, 1, 1) + timedelta(days=n)
    if name == "status":
        return STATUSES[n % len(STATUSES)]
    return f"{name} {n}"


def _run(world: World, n: int, op: tuple[Any, ...]) -> None:
    kind, place = op[0], op[1]
    if kind == "sync":
        STEP_HOOKS.append(fail_at(op[2]))
        try:
            sync(world.url, world.paths[place])
        except Killed:
            pass
        finally:
            STEP_HOOKS.clear()
        return
    if kind == "trim":
        _trim(world, place)
        return
    with open_store(world.where(place), create=False) as store:
        if kind == "edit":
            task_id, name = world.task_ids[op[2]], op[3]
            value = _value(name, n)
            before = tasks.get_task(store, task_id)
            if name == "status":
                tasks.set_task_status(store, task_id, value)
            else:
                tasks.update_task(store, task_id, **{name: value})
            if getattr(before, name) != value:  # setting the value it has changes nothing
                world.edits.append((n, place, task_id, name, value))
        elif kind == "task":
            _task_with_history(store, f"Neu {n}", world.body)
        else:
            meetings.plan_meeting(store, world.body, date(2027, 1, 1) + timedelta(days=n))


def _task_with_history(store: Store, title: str, body: str) -> None:
    task = tasks.add_task(store, title, office_id=office_id(store, "SGA"), body_id=body)
    tasks.add_task_note(store, task.id, f"Notiz zu {title}")


def _trim(world: World, behind: str | None) -> None:
    """The IT trims the journal; `behind`: a replica that has not synced for a year, left out."""
    with open_store(world.url, create=False) as server:
        if behind is not None:
            with server.engine.begin() as conn:
                conn.execute(
                    text("UPDATE replicas SET last_sync = last_sync - interval '400 days', "
                         "made = made - interval '400 days' WHERE id = :r"),
                    {"r": replica_id(world.paths[behind])},
                )  # fmt: skip
        trim_journal(server, max_age_days=365)


def _rows(where: str | Path, scope: Scope) -> dict[str, dict[str, dict[str, Any]]]:
    """Tasks and meetings of the scope, by id: the fields the users see."""
    queries = row_queries(scope)
    with open_store(where, create=False) as store, store.engine.connect() as conn:
        out = {}
        for name, columns in (("tasks", ("title", "remark", "due_date", "status", "register_number")),
                              ("meetings", ("number", "date")),
                              ("task_events", ("task_id", "kind", "note"))):  # fmt: skip
            sub = queries[name].subquery()
            out[name] = {
                r["id"]: {c: r[c] for c in columns} for r in conn.execute(select(sub)).mappings()
            }
        return out


def _check(world: World, scope: Scope) -> None:
    server = _rows(world.url, scope)
    conflicts = {}
    for place in REPLICAS:
        assert _rows(world.paths[place], scope) == server, place
        with open_store(world.paths[place], create=False) as store:
            conflicts[place] = {  # a field's value kept; whole rows (a task taken back) aside
                (c.row_id, c.field, c.local_value) for c in list_conflicts(store) if c.field
            }
    last: dict[tuple[str, str], tuple[str, Any]] = {}
    for _n, place, task_id, name, value in world.edits:
        last[(task_id, name)] = (place, value)
    for (task_id, name), (place, value) in last.items():
        final = server["tasks"][task_id][name]
        kept = place != "server" and (task_id, name, value) in conflicts[place]
        assert final == value or kept, (task_id, name, value, final)


SETTINGS = settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _property(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory,
              ops: list[tuple[Any, ...]]) -> None:  # fmt: skip
    name = pg_cluster.fresh_name()
    url = pg_cluster.create_database(name, template=TEMPLATE_DATABASE)
    try:
        reg = _register(url)
        folder = tmp_path_factory.mktemp("replicas")
        paths = {r: make_replica(url, folder / f"{r}.db", "StR Nord") for r in REPLICAS}
        rows = _tasks(url)
        task_ids = [
            rows[t].id for t in ("Aufgabe Nord", "Spielplatz prüfen", "Jugendclub Süd öffnen")
        ]
        world = World(url, paths, reg.nord, task_ids)
        for n, op in enumerate(ops):
            _run(world, n, op)
        for _round in range(2):
            for place in REPLICAS:
                sync(url, paths[place])
        _check(world, Scope((reg.nord,), ("StR Nord",), "named"))
    finally:
        pg_cluster.drop_database(name)


@SETTINGS
@given(ops=st.lists(OPS, min_size=3, max_size=12))
def test_replicas_and_register_agree_after_random_edits_syncs_and_failures(
    pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[Any, ...]]
) -> None:
    _property(pg_cluster, tmp_path_factory, ops)


@pytest.mark.slow
@settings(SETTINGS, max_examples=40)
@given(ops=st.lists(OPS, min_size=5, max_size=30))
def test_replicas_and_register_agree_many_rounds(
    pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[Any, ...]]
) -> None:
    _property(pg_cluster, tmp_path_factory, ops)
