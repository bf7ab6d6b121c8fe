"""Crash safety: a writer killed at random moments never loses a reported edit.

The normal suite kills it a few dozen times; `SROMOD_CRASH_KILLS=500 pytest -m slow -s
tests/crash` runs the long mode and prints how many kills and edits were checked. On POSIX the
writer is forked (fast); `SROMOD_CRASH_EXEC=1` (and Windows) starts `python -m
tests.crash.writer` instead. `kill()` is SIGKILL on POSIX and TerminateProcess on Windows.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from sromod.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Task,
    TaskEvent,
    TaskEventKind,
)
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.store.check import check_store
from tests.crash import writer

REPO = Path(__file__).resolve().parents[2]
USE_EXEC = os.name != "posix" or os.environ.get("SROMOD_CRASH_EXEC") == "1"
MODELS: dict[str, Any] = {
    "meeting": Meeting,
    "top": AgendaItem,
    "attendance": Attendance,
    "decision": Decision,
    "task": Task,
}


class Writer:
    """A running writer process and the lines it has written so far."""

    def __init__(self, db: Path, seed: int) -> None:
        self.chunks: list[bytes] = []
        self._seen = threading.Condition()
        self.proc: Any  # a Popen on Windows, a forked multiprocessing.Process elsewhere
        if USE_EXEC or sys.platform == "win32":  # the platform, said to mypy: Windows has no fork
            popen = subprocess.Popen(
                [sys.executable, "-m", "tests.crash.writer", str(db), str(seed)],
                stdout=subprocess.PIPE,
                cwd=REPO,
            )
            assert popen.stdout is not None
            read_fd = popen.stdout.fileno()
            self.proc = popen
        else:
            read_fd, write_fd = os.pipe()
            context = multiprocessing.get_context("fork")
            self.proc = context.Process(target=_forked, args=(db, seed, write_fd), daemon=True)
            self.proc.start()
            os.close(write_fd)
        self._reader = threading.Thread(target=self._read, args=(read_fd,), daemon=True)
        self._reader.start()

    def _read(self, fd: int) -> None:
        while chunk := os.read(fd, 65536):
            with self._seen:
                self.chunks.append(chunk)
                self._seen.notify_all()
        if not USE_EXEC:
            os.close(fd)

    def wait_lines(self, count: int, timeout: float = 60) -> bool:
        """Wait until the writer has reported `count` lines (its "ready" line included)."""
        with self._seen:
            return self._seen.wait_for(
                lambda: b"".join(self.chunks).count(b"\n") >= count, timeout=timeout
            )

    def kill(self) -> list[str]:
        """Kill the writer and return the complete lines it reported."""
        self.proc.kill()
        if USE_EXEC:
            self.proc.wait(timeout=30)
        else:
            self.proc.join(timeout=30)
        self._reader.join(timeout=30)
        output = b"".join(self.chunks).decode()
        complete = output[: output.rfind("\n") + 1]
        return [line for line in complete.splitlines() if line and line != writer.READY]


def _forked(db: Path, seed: int, fd: int) -> None:
    writer.run(db, seed, writer.emit_to_fd(fd))


@dataclass
class Reported:
    """Every edit the writers reported, across all their runs."""

    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    results: dict[str, int] = field(default_factory=dict)
    status_changes: Counter[str] = field(default_factory=Counter)
    total: int = 0

    def add(self, lines: list[str]) -> None:
        for line in lines:
            kind, ref, *extra = line.split()
            self.total += 1
            if kind == "result":
                self.results[ref] = max(int(extra[0]), self.results.get(ref, 0))
            elif kind == "status":
                self.status_changes[ref] += 1
            else:
                self.ids[kind].add(ref)


def verify(store: Store, reported: Reported) -> None:
    with store.session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        for kind, ids in reported.ids.items():
            model = MODELS[kind]
            found = set(session.scalars(select(model.id).where(model.id.in_(ids))))
            assert found == ids, f"{len(ids - found)} gemeldete {kind} fehlen"
        results = {r[0]: r[1] for r in session.execute(select(AgendaItem.id, AgendaItem.result))}
        for top, marker in reported.results.items():
            assert int((results[top] or "Ergebnis 0").split()[1]) >= marker
        status_events = Counter(
            session.scalars(select(TaskEvent.task_id).where(TaskEvent.kind == TaskEventKind.STATUS))
        )
        for task_id, changes in reported.status_changes.items():
            assert status_events[task_id] >= changes
        _assert_whole_edits(session)


def _assert_whole_edits(session: Any) -> None:
    """No half edit: TOP numbers contiguous, every task with exactly one 'created' event."""
    positions: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for meeting_id, parent_id, position in session.execute(
        select(AgendaItem.meeting_id, AgendaItem.parent_id, AgendaItem.position)
    ):
        positions[(meeting_id, parent_id)].append(position)
    for numbers in positions.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
    created = session.execute(
        select(func.count()).select_from(TaskEvent).where(TaskEvent.kind == TaskEventKind.CREATED)
    ).scalar()
    assert created == session.execute(select(func.count()).select_from(Task)).scalar()


def crash_many_times(db: Path, kills: int, seed: int) -> Reported:
    with open_store(db, initialise=load_reference_data) as store:
        writer.prepare(store)
    rng = random.Random(seed)
    reported = Reported()
    for round_ in range(kills):
        running = Writer(db, seed * 100_000 + round_)
        if rng.random() < 0.15:
            # Sometimes while it is still opening the store (lock, daily backup, migration check).
            time.sleep(rng.uniform(0, 0.15))
        else:
            # After a few edits (however slow the disk is today), then at a random moment.
            assert running.wait_lines(1 + rng.randint(1, 6)), "Der Schreiber kommt nicht voran."
            time.sleep(rng.uniform(0, 0.15))
        reported.add(running.kill())
        with open_store(db) as store:
            verify(store, reported)
    assert check_store(db).ok
    return reported


def test_killed_writer_loses_no_reported_edit(tmp_path: Path) -> None:
    kills = int(os.environ.get("SROMOD_CRASH_KILLS_QUICK", "30"))
    reported = crash_many_times(tmp_path / "crash.db", kills, seed=1)
    assert reported.total > kills  # the writer got real work done between the kills
    assert reported.ids["decision"] and reported.ids["task"] and reported.status_changes


@pytest.mark.slow
def test_killed_writer_hundreds_of_times(tmp_path: Path) -> None:
    kills = int(os.environ.get("SROMOD_CRASH_KILLS", "300"))
    started = time.monotonic()
    reported = crash_many_times(tmp_path / "crash.db", kills, seed=7)
    print(
        f"\nCrash-Test: {kills} Abbrüche, {reported.total} gemeldete Änderungen geprüft "
        f"in {time.monotonic() - started:.0f} s ({'exec' if USE_EXEC else 'fork'})."
    )
