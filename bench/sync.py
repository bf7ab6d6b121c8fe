"""Replicas of a district's decade: the first copy, the sync after a meeting, a sync with nothing to do.

    python3 -m bench.sync                  a throwaway loopback cluster with one district's decade
    python3 -m bench.sync --db URL         an empty PostgreSQL database of your own (filled once)
    python3 -m bench.sync --body "AG SRO"  a replica of named bodies (default: every body)

The register holds the decade of ``sromod demo --scale 10`` (filled by ``bench.pg_register``).
Figures (issue #16): the first replica ≤ 60 s (with its progress lines), the sync after a meeting
(about 300 rows changed on the laptop, a few statuses changed in the office meanwhile) ≤ 2 s, a
sync with nothing to do ≤ 0.5 s (median of several); the first sync after the meeting's, which
has nothing to fetch but the meeting's own rows, is shown apart against the same 0.5 s. The
machine's load (1 min) is printed beside every figure.
Not part of the test suite (filling takes a minute); the machinery is tested in tests/bench.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.prepare import cached_store

FIRST_LIMIT, MEETING_LIMIT, IDLE_LIMIT = 60.0, 2.0, 0.5


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m bench.sync", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--db", help="an empty PostgreSQL database (default: throwaway cluster)")
    parser.add_argument("--body", action="append", dest="bodies", help="a body of the replica")
    parser.add_argument("--runs", type=int, default=7, help="runs of the idle sync (default 7)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from bench.pg_register import _register, fill

    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    source = cached_store(10)
    with _register(args.db) as url, tempfile.TemporaryDirectory() as folder:
        fill(url, source, 1)
        lines = measure(url, Path(folder) / "replik.db", args.bodies, args.runs)
    print("\n".join(lines))
    return 0


@dataclass(frozen=True)
class Timed:
    """Seconds of one step and the machine's load (1 min) right after it."""

    seconds: float
    load: float

    @staticmethod
    def of(seconds: float) -> Timed:
        return Timed(seconds, os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"))


def measure(
    url: str, replica: Path, bodies: list[str] | None, runs: int, topics: int = 20
) -> list[str]:
    """The three figures, and the sync right after the meeting's (it used to fetch the
    meeting's own rows back), as report lines."""
    seconds, counts = first_replica(url, replica, bodies)
    first = Timed.of(seconds)
    changed = offline_meeting(url, replica, topics)
    office = office_changes(url, replica)
    after_meeting = Timed.of(timed_sync(url, replica))
    next_one = Timed.of(timed_sync(url, replica))
    idle = [timed_sync(url, replica) for _ in range(runs)]
    return report(first, counts, changed, office, (after_meeting, next_one),
                  Timed.of(statistics.median(idle)), idle)  # fmt: skip


def first_replica(
    url: str, replica: Path, bodies: list[str] | None
) -> tuple[float, dict[str, int]]:
    from sromod.services.bodies import list_bodies
    from sromod.services.replica import create_replica
    from sromod.store import open_store

    with open_store(url, create=False) as server:
        names = bodies or [b.short_name for b in list_bodies(server)]
        started = time.perf_counter()
        made = create_replica(server, replica, names, lambda line: print(line, flush=True))
        seconds = time.perf_counter() - started
    return seconds, dict(made.copied)


def offline_meeting(url: str, replica: Path, topics: int = 20) -> int:
    """A meeting held on the laptop: agenda, attendance, decisions, tasks, the Wiedervorlage."""
    from sromod.models import AttendanceStatus, TaskStatus
    from sromod.services import agenda, attendance, bodies, decisions, meetings, tasks
    from sromod.store import open_store

    with open_store(replica) as store:
        body = max(bodies.list_bodies(store), key=lambda b: b.meeting_count)
        meeting = meetings.plan_meeting(store, body.id, date.today())
        for member in bodies.list_members(store, body.id)[:25]:
            attendance.set_attendance(store, meeting, member.person_id, AttendanceStatus.PRESENT)
        office = _an_office(store)
        for n in range(topics):
            item = agenda.add_agenda_item(store, meeting, f"Thema {n + 1} der Benchmark-Sitzung")
            decision = decisions.add_decision(store, item, f"Beschluss zu Thema {n + 1}")
            for k in range(3):
                tasks.add_task(store, f"Aufgabe {k + 1} zu Thema {n + 1}", office_id=office,
                               agenda_item_id=item, decision_id=decision.id)  # fmt: skip
        for task in meetings_open_tasks(store)[:40]:
            tasks.set_task_status(store, task, TaskStatus.DONE, note="In der Sitzung erledigt")
        meetings.start_meeting(store, meeting)
        meetings.end_meeting(store, meeting)
    return _dirty_rows(replica)


def office_changes(url: str, replica: Path) -> int:
    """Meanwhile in an office: twenty statuses of the replica's open tasks change."""
    from sromod.models import TaskStatus
    from sromod.services import tasks
    from sromod.store import open_store

    with open_store(replica, create=False) as store:
        open_ids = meetings_open_tasks(store)[40:60]
    with open_store(url, create=False) as server:
        for task in open_ids:
            tasks.set_task_status(server, task, TaskStatus.IN_PROGRESS)
    return len(open_ids)


def meetings_open_tasks(store: Any) -> list[str]:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return list(conn.scalars(text("SELECT id FROM tasks WHERE status = 'offen' ORDER BY id")))


def _an_office(store: Any) -> str:
    from sromod.services import directory

    return next(o.id for o in directory.list_offices(store) if o.code)


def _dirty_rows(replica: Path) -> int:
    import sqlite3

    with sqlite3.connect(replica) as conn:
        return int(conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0])


def timed_sync(url: str, replica: Path) -> float:
    """Seconds of one sync (both stores already open: the window's case)."""
    from sromod.services.sync import sync_replica
    from sromod.store import open_store

    with open_store(url, create=False) as server, open_store(replica, create=False) as store:
        started = time.perf_counter()
        sync_replica(server, store)
        return time.perf_counter() - started


def report(first: Timed, counts: dict[str, int], changed: int, office: int,
           after: tuple[Timed, Timed], quiet: Timed, idle: list[float]) -> list[str]:  # fmt: skip
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    after_meeting, next_one = after

    def verdict(timed: Timed, limit: float) -> str:
        done = "erreicht" if timed.seconds <= limit else "verfehlt"
        return f"Ziel ≤ {limit:g} s, {done}; Last {timed.load:.1f}"

    return [
        f"Last (1/5/15 min) am Ende: {load}; CPU-Kerne: {os.cpu_count()}",
        f"Erste Replik: {first.seconds:.1f} s ({verdict(first, FIRST_LIMIT)}); "
        f"{counts.get('meetings', 0)} Sitzungen, {counts.get('tasks', 0)} Aufgaben, "
        f"{sum(counts.values())} Zeilen",
        f"Abgleich nach der Sitzung: {after_meeting.seconds:.2f} s "
        f"({verdict(after_meeting, MEETING_LIMIT)}); {changed} Zeilen auf dem Laptop geändert, "
        f"{office} Status im Register",
        f"Erster Abgleich danach: {next_one.seconds:.2f} s ({verdict(next_one, IDLE_LIMIT)}); "
        "holt die eigenen Zeilen der Sitzung nicht zurück",
        f"Abgleich ohne Änderungen: Median {quiet.seconds:.2f} s aus {len(idle)} "
        f"({verdict(quiet, IDLE_LIMIT)}); min {min(idle):.2f} s, max {max(idle):.2f} s",
    ]


if __name__ == "__main__":
    raise SystemExit(main())
