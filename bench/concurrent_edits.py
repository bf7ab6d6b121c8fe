"""Ten people changing tasks at once for a minute: no lost update, and how long a change takes.

    python3 -m bench.concurrent_edits                   PostgreSQL (a throwaway loopback cluster)
                                                        and SQLite, 10 clients, 60 s each
    python3 -m bench.concurrent_edits --seconds 10      a shorter run
    python3 -m bench.concurrent_edits --db URL          an existing (empty) PostgreSQL database

Each client is a process of its own with its own connection, as a laptop would be. It reads a
task the way the window shows it, then changes it the way the window does (one recorded, undoable
step naming the version it saw): the task's remark holds a counter, and each change writes the
counter it read plus one. A change refused because another client changed the task first is
counted and not retried blindly: the client reads again. At the end the counters of all tasks
must add up to the changes the clients were told succeeded, and the history must hold one entry
per change; a lost update would make the sum fall short.

The figure is the 95th percentile of a change (DESIGN.md, issue #15: ≤ 100 ms on loopback).
Not part of the test suite (it takes minutes); the machinery is tested in tests/bench.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

if TYPE_CHECKING:
    from sromod.store import Store

TARGET_MS = 100.0


@dataclass
class ClientResult:
    changes: int = 0
    refused: int = 0
    failed: int = 0  # not written for another reason (SQLite: the file stayed locked too long)
    seconds: list[float] = field(default_factory=list)  # every change attempt, refused included


@dataclass(frozen=True)
class Outcome:
    engine: str
    clients: int
    tasks: int
    changes: int
    refused: int
    failed: int
    counted: int  # the sum of the tasks' counters
    history: int  # edit entries in the tasks' histories
    p50_ms: float
    p95_ms: float
    max_ms: float
    seconds: float

    @property
    def lost(self) -> int:
        return self.changes - self.counted

    @property
    def ok(self) -> bool:
        return (
            self.lost == 0
            and self.failed == 0
            and self.history == self.changes
            and self.p95_ms <= TARGET_MS
        )


def open_client_store(location: str) -> Store:
    """A store of the client's own: a server connection, or its own engine on the file."""
    from sromod.store import Store, open_store
    from sromod.store.database import make_engine

    if location.startswith("postgresql"):
        return open_store(location)
    return Store(Path(location), make_engine(Path(location)), None)


def client(location: str, task_ids: list[str], seconds: float, seed: int) -> ClientResult:
    """Change random tasks for `seconds`, as the window does; what happened to each change."""
    from sqlalchemy.exc import OperationalError

    from sromod.services import tasks, uow
    from sromod.services.concurrency import ChangedMeanwhile, expecting, seen

    rng = random.Random(seed)
    result = ClientResult()
    store = open_client_store(location)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = tasks.get_task(store, rng.choice(task_ids))
            counter = int(shown.remark or "0")
            started = time.perf_counter()
            try:
                with expecting(seen("tasks", shown)):
                    uow.record(store, tasks.update_task, shown.id, remark=str(counter + 1))
                result.changes += 1
            except ChangedMeanwhile:
                result.refused += 1
            except OperationalError:  # SQLite: "database is locked" after the busy timeout
                result.failed += 1
            result.seconds.append(time.perf_counter() - started)
    finally:
        store.close()
    return result


def prepare(location: str, count: int) -> list[str]:
    """A register with `count` tasks whose counters stand at 0; their ids."""
    from sromod.services import tasks
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store

    target: str | Path = location if location.startswith("postgresql") else Path(location)
    with open_store(target, initialise=load_reference_data) as store:
        office = _an_office(store)
        return [
            tasks.add_task(store, f"Aufgabe {n}", office_id=office, details="Benchmark").id
            for n in range(count)
        ]


def _an_office(store: Store) -> str:
    from sromod.models import Office

    with store.session() as session:
        found = session.scalars(select(Office.id).order_by(Office.code)).first()
    assert found is not None
    return str(found)


def tally(location: str) -> tuple[int, int]:
    """(the sum of all counters, the edit entries in the histories)."""
    from sromod.models import Task, TaskEvent, TaskEventKind

    store = open_client_store(location)
    try:
        with store.session() as session:
            remarks = session.scalars(select(Task.remark)).all()
            history = session.scalar(
                select(func.count())
                .select_from(TaskEvent)
                .where(TaskEvent.kind == TaskEventKind.EDIT)
            )
    finally:
        store.close()
    return sum(int(r or "0") for r in remarks), int(history or 0)


def measure(engine: str, location: str, clients: int, seconds: float, count: int) -> Outcome:
    task_ids = prepare(location, count)
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.starmap(
            client, [(location, task_ids, seconds, seed) for seed in range(clients)]
        )
    elapsed = time.perf_counter() - started
    counted, history = tally(location)
    times = sorted(t * 1000 for r in results for t in r.seconds)
    return Outcome(
        engine=engine,
        clients=clients,
        tasks=count,
        changes=sum(r.changes for r in results),
        refused=sum(r.refused for r in results),
        failed=sum(r.failed for r in results),
        counted=counted,
        history=history,
        p50_ms=statistics.median(times) if times else 0.0,
        p95_ms=percentile(times, 95),
        max_ms=times[-1] if times else 0.0,
        seconds=elapsed,
    )


def percentile(ordered: Sequence[float], p: float) -> float:
    """The p-th percentile of sorted values (nearest rank)."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def report(outcomes: Sequence[Outcome]) -> str:
    lines = [
        "Gleichzeitige Änderungen an Aufgaben (Ziel: keine verlorene Änderung, "
        f"95. Perzentil ≤ {TARGET_MS:.0f} ms)",
        "",
        "| Speicher | Clients | Aufgaben | Änderungen | abgewiesen | gescheitert | verloren | "
        "Median | 95. Perzentil | Maximum | Dauer | Ergebnis |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        lines.append(
            f"| {o.engine} | {o.clients} | {o.tasks} | {o.changes} | {o.refused} | {o.failed} | "
            f"{o.lost} (Verlauf {o.history}) | {o.p50_ms:.1f} ms | {o.p95_ms:.1f} ms | "
            f"{o.max_ms:.0f} ms | {o.seconds:.0f} s | {'PASS' if o.ok else 'FAIL'} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m bench.concurrent_edits", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--clients", type=int, default=10, help="client processes (10)")
    parser.add_argument("--seconds", type=float, default=60, help="how long each changes (60)")
    parser.add_argument("--tasks", type=int, default=50, help="tasks they share (50)")
    parser.add_argument(
        "--engines", default="postgresql,sqlite", help="postgresql, sqlite or both (default)"
    )
    parser.add_argument("--db", help="an empty PostgreSQL database instead of a throwaway one")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    outcomes = []
    for engine in args.engines.split(","):
        with _location(engine, args.db) as location:
            print(f"{engine}: {args.clients} Clients, {args.seconds:.0f} s …", flush=True)
            outcomes.append(measure(engine, location, args.clients, args.seconds, args.tasks))
            print(report(outcomes[-1:]), flush=True)
    print(report(outcomes))
    return 0 if all(o.ok for o in outcomes) else 1


@contextmanager
def _location(engine: str, url: str | None) -> Iterator[str]:
    """Where one engine's register lives for the run; removed afterwards."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="sromod-bench-") as folder:
            yield str(Path(folder) / "gleichzeitig.db")
        return
    if url:
        yield url
        return
    from tests.pg_cluster import Cluster

    cluster = Cluster()
    cluster.start()
    try:
        yield cluster.create_database("sromod_bench")
    finally:
        cluster.stop()


if __name__ == "__main__":
    raise SystemExit(main())
