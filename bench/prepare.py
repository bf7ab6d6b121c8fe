"""The benchmark's store: a cached ``sromod demo`` store and a 30-TOP meeting inside it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from sromod.models import AgendaItem, AttendanceStatus, Body, Meeting, Office
from sromod.store import Store

log = logging.getLogger(__name__)

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
BIG_MEETING_TOPS = 30
BENCH_PLACE = "Benchmark-Sitzung (30 TOPs)"


def cached_store(scale: int, *, fresh: bool = False, cache_dir: Path = CACHE_DIR) -> Path:
    """The demo store of this scale, created once by ``sromod demo`` and then reused."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"demo-scale{scale}.db"
    done = path.with_name(path.name + ".done")
    if path.exists() and done.exists() and not fresh:
        return path
    for stale in (path, done, *_sidecars(path)):
        stale.unlink(missing_ok=True)
    print(f"Lege Demo-Datenbank an (--scale {scale}), einmalig: {path}", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sromod", "demo", "--db", str(path), "--scale", str(scale)],
        check=True,
        env=bench_env(),
    )
    done.write_text(f"{time.perf_counter() - started:.1f} s\n", encoding="utf-8")
    return path


def _sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))


def bench_env() -> dict[str, str]:
    """The environment for child processes: offscreen Qt, the repository importable.

    Compiled modules are kept (under bench/.cache, not beside the sources), as an installed
    sromod has them: with PYTHONDONTWRITEBYTECODE every start compiled sromod's sources anew,
    100 ms and more of the start-up figure that no user pays.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")
    return env


def store_counts(store: Store) -> dict[str, int]:
    """How big the store is, for the report."""
    from sromod.models import Decision, Person, Task

    with store.session() as session:
        return {
            "Gremien": session.scalar(select(func.count(Body.id))) or 0,
            "Sitzungen": session.scalar(select(func.count(Meeting.id))) or 0,
            "TOPs": session.scalar(select(func.count(AgendaItem.id))) or 0,
            "Beschlüsse": session.scalar(select(func.count(Decision.id))) or 0,
            "Aufgaben": session.scalar(select(func.count(Task.id))) or 0,
            "Personen": session.scalar(select(func.count(Person.id))) or 0,
        }


def big_meeting(store: Store) -> str:
    """A meeting with at least 30 TOPs, each with a result, a decision and tasks (made once)."""
    top_level = (
        select(AgendaItem.meeting_id, func.count(AgendaItem.id).label("n"))
        .where(AgendaItem.parent_id.is_(None))
        .group_by(AgendaItem.meeting_id)
        .subquery()
    )
    with store.session() as session:
        found = session.scalars(
            select(Meeting.id)
            .join(top_level, top_level.c.meeting_id == Meeting.id)
            .where(top_level.c.n >= BIG_MEETING_TOPS, Meeting.place == BENCH_PLACE)
        ).first()
    return found or _create_big_meeting(store)


def _create_big_meeting(store: Store) -> str:
    from sromod.services import agenda, attendance, bodies, decisions, meetings, tasks

    with store.session() as session:
        body_id = session.scalars(select(Body.id).order_by(Body.created_at)).first()
        offices = list(session.scalars(select(Office.id).order_by(Office.code)))
    if body_id is None:
        raise RuntimeError("the store holds no body to hold the benchmark meeting")
    meeting_id = meetings.plan_meeting(store, body_id, date.today() + timedelta(days=7))
    meetings.update_meeting(store, meeting_id, place=BENCH_PLACE)
    for member in bodies.list_members(store, body_id):
        attendance.set_attendance(store, meeting_id, member.person_id, AttendanceStatus.PRESENT)
    existing = len([i for i in agenda.list_agenda(store, meeting_id) if i.parent_id is None])
    for n in range(existing + 1, BIG_MEETING_TOPS + 1):
        item_id = agenda.add_agenda_item(
            store, meeting_id, f"Übergabe des Sachstands Sozialraum {n}", planned_minutes=5
        )
        agenda.update_agenda_item(
            store, item_id, result=f"Die AG nimmt den Bericht zu Thema {n} zur Kenntnis. " * 3
        )
        decision = decisions.add_decision(store, item_id, f"Die AG beschließt Maßnahme {n}.")
        for k in range(2):
            tasks.add_task(
                store,
                f"Maßnahme {n}.{k + 1} vorbereiten und berichten",
                office_id=offices[(n + k) % len(offices)] if offices else None,
                due_date=date.today() + timedelta(days=14 * (k + 1)),
                agenda_item_id=item_id,
                decision_id=decision.id,
            )
    log.info("benchmark meeting created")
    return meeting_id
