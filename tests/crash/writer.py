"""A writer that edits a store through the services and reports each committed edit.

Run as `python -m tests.crash.writer DB [SEED]`, or forked by the crash test. Every line it
writes (`kind id [extra]`) names an edit whose unit of work has committed; the crash test kills
the writer at random moments and then looks for every reported edit in the store.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from sromod.models import AttendanceStatus, Body, Meeting, Person, Task, TaskStatus
from sromod.models.enums import DecisionKind
from sromod.services import agenda, attendance, bodies, decisions, directory, meetings, tasks
from sromod.store import Store, open_store

BODY = "AG SRO"
READY = "bereit"
STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.DEFERRED)


def prepare(store: Store, members: int = 6) -> None:
    """The world the writer works in: the AG SRO with members from several offices."""
    body_id = bodies.create_body(store, "Arbeitsgruppe Sozialraumorientierung", BODY)
    offices = directory.list_offices(store)
    for n in range(members):
        person = directory.create_person(
            store, f"Mitglied {n + 1}", office_id=offices[n % len(offices)].id
        )
        bodies.add_member(store, body_id, person)


@dataclass
class World:
    body_id: str
    offices: list[str]
    people: list[str]
    meeting_id: str | None = None
    day: date = date(2026, 1, 7)
    tops: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, store: Store) -> World:
        with store.session() as session:
            body_id = session.scalars(select(Body.id).where(Body.short_name == BODY)).one()
            people = list(session.scalars(select(Person.id).order_by(Person.name)))
            last = session.execute(
                select(Meeting.id, Meeting.date)
                .where(Meeting.body_id == body_id)
                .order_by(Meeting.number.desc())
                .limit(1)
            ).first()
            task_ids = list(session.scalars(select(Task.id).order_by(Task.seq.desc()).limit(50)))
        world = cls(body_id, [o.id for o in directory.list_offices(store)], people)
        world.tasks = task_ids
        if last is not None:
            world.meeting_id, world.day = last[0], last[1]
            world.tops = [i.id for i in agenda.list_agenda(store, last[0]) if i.parent_id is None]
        return world


def _meeting(store: Store, world: World, rng: random.Random) -> str:
    world.day += timedelta(days=rng.randint(7, 35))
    world.meeting_id = meetings.plan_meeting(store, world.body_id, world.day)
    world.tops = [i.id for i in agenda.list_agenda(store, world.meeting_id)]
    return world.meeting_id


def _top(store: Store, world: World, rng: random.Random) -> str:
    assert world.meeting_id is not None
    parent = rng.choice(world.tops) if world.tops and rng.random() < 0.3 else None
    position = rng.randint(1, len(world.tops) + 1) if parent is None else None
    item = agenda.add_agenda_item(
        store,
        world.meeting_id,
        f"Thema {rng.randint(1, 9999)}",
        parent_id=parent,
        position=position,
    )
    if parent is None:
        world.tops.append(item)
    return item


def _attendance(store: Store, world: World, rng: random.Random) -> str:
    assert world.meeting_id is not None
    if rng.random() < 0.3:
        return attendance.add_guest(
            store, world.meeting_id, f"Gast {rng.randint(1, 999)}", "Träger"
        )
    status = rng.choice((AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED))
    return attendance.set_attendance(store, world.meeting_id, rng.choice(world.people), status)


def _decision(store: Store, world: World, rng: random.Random) -> str:
    votes = (rng.randint(1, 9), rng.randint(0, 3), rng.randint(0, 3))
    info = decisions.add_decision(
        store,
        rng.choice(world.tops),
        "Die AG SRO beschließt das Vorgehen.",
        DecisionKind.BESCHLUSS,
        votes=votes,
        # the random attendance may hold fewer voters than votes: the moderator's override
        votes_override_reason="Stimmen laut Abstimmung im Raum.",
    )
    return info.id


def _task(store: Store, world: World, rng: random.Random) -> str:
    info = tasks.add_task(
        store,
        "Bericht vorlegen",
        office_id=rng.choice(world.offices),
        agenda_item_id=rng.choice(world.tops),
        due_date=world.day + timedelta(days=30),
    )
    world.tasks.append(info.id)
    return info.id


def _result(store: Store, world: World, rng: random.Random) -> str:
    top = rng.choice(world.tops)
    # Markers grow with time across writer runs, so the test can tell a later result.
    marker = time.time_ns()
    agenda.update_agenda_item(store, top, result=f"Ergebnis {marker} " + "x" * rng.randint(0, 4000))
    return f"{top} {marker}"


def _status(store: Store, world: World, rng: random.Random) -> str:
    task_id = rng.choice(world.tasks)
    current = tasks.get_task(store, task_id).status
    tasks.set_task_status(store, task_id, rng.choice([s for s in STATUSES if s != current]))
    return task_id


EDITS: dict[str, Callable[[Store, World, random.Random], str]] = {
    "meeting": _meeting,
    "top": _top,
    "attendance": _attendance,
    "decision": _decision,
    "task": _task,
    "result": _result,
    "status": _status,
}
WEIGHTS = {
    "meeting": 1,
    "top": 4,
    "attendance": 4,
    "decision": 3,
    "task": 4,
    "result": 3,
    "status": 3,
}


def run(db: Path, seed: int, emit: Callable[[str], None], limit: int | None = None) -> None:
    """Make edits until killed (or `limit` edits), emitting one line after each commit."""
    rng = random.Random(seed)
    store = open_store(db)
    emit(READY)
    world = World.load(store)
    done = 0
    while limit is None or done < limit:
        kind = (
            "meeting"
            if world.meeting_id is None
            else rng.choices(list(WEIGHTS), list(WEIGHTS.values()))[0]
        )
        if kind == "status" and not world.tasks:
            continue
        emit(f"{kind} {EDITS[kind](store, world, rng)}")
        done += 1
    store.close()


def emit_to_fd(fd: int) -> Callable[[str], None]:
    """One unbuffered write per line: what the pipe holds was reported before the kill."""

    def emit(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    return emit


def main(argv: list[str]) -> int:
    seed = int(argv[1]) if len(argv) > 1 else 0
    run(Path(argv[0]), seed, emit_to_fd(sys.stdout.fileno()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
