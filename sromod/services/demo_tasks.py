"""Demo tasks: their numbers, their life from creation to closing, and the Wiedervorlage rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sromod.models import (
    CLOSED_TASK_STATUSES,
    PENDING_TASK_STATUSES,
    TaskEventKind,
    TaskEventSource,
    TaskPriority,
    TaskStatus,
)
from sromod.services.demo_topics import REVIEW_NOTES, STATUS_NOTES, TASK_DETAILS
from sromod.services.demo_world import HELD_STATES, Gen, MeetingRec, Row, World

_OPEN, _WORK, _DONE = TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DONE
_DEFER, _DROP = TaskStatus.DEFERRED, TaskStatus.DROPPED

# The ways a task goes, with weights. Recent tasks stop on the way: their next step lies after today.
_PATHS: tuple[tuple[tuple[TaskStatus, ...], int], ...] = (
    ((_WORK, _DONE), 45),
    ((_DONE,), 15),
    ((_WORK, _DEFER, _WORK, _DONE), 5),
    ((_DEFER, _WORK, _DONE), 5),
    ((_DROP,), 6),
    ((_WORK, _DROP), 4),
    ((_DEFER,), 3),
    ((_WORK,), 3),
    ((), 2),
    ((_DONE, _OPEN, _WORK, _DONE), 2),
)
_PATH_CHOICES = tuple(p for p, _w in _PATHS)
_PATH_WEIGHTS = tuple(w for _p, w in _PATHS)
ANY_OFFICES = ("SPK", "Jug", "Soz", "SGA", "StadtEntw", "SchulSport", "Ges", "WbK", "Ord")

Event = tuple[datetime, str | None, TaskStatus, str | None, TaskEventSource]


@dataclass
class TaskLife:
    """A task as the Wiedervorlage needs it: its status changes in time."""

    id: str
    register: str
    due: date | None
    events: list[Event]  # local time, meeting id, new status, note, source
    closed_at: datetime | None

    def status_at(self, moment: datetime) -> TaskStatus:
        status = TaskStatus.OPEN
        for at, _meeting, new, _note, _source in self.events:
            if at >= moment:
                break
            status = new
        return status

    def at_meeting(self, meeting_id: str) -> tuple[TaskStatus, str | None] | None:
        for _at, meeting, new, note, _source in self.events[1:]:
            if meeting == meeting_id:
                return new, note
        return None


class TaskMaker:
    def __init__(self, gen: Gen, world: World) -> None:
        self.gen = gen
        self.world = world
        self.seq: dict[int, int] = defaultdict(int)
        self.pending: dict[str, list[TaskLife]] = defaultdict(list)
        self._born: list[TaskLife] = []

    def create(
        self,
        m: MeetingRec,
        top: Row,
        title: str,
        offices: tuple[str, ...],
        fill: dict[str, str],
        region: tuple[str, str] | None,
        decision: Row | None,
    ) -> None:
        """One task born in TOP `top` of meeting m, with its whole history."""
        rng, year = self.gen.rng, m.day.year
        self.seq[year] += 1
        due = None
        if rng.random() > 0.03:
            due = m.day + timedelta(days=rng.choice((14, 28, 28, 42, 56, 84, 112)))
        life = TaskLife(self.gen.new_id(), f"A-{year}/{self.seq[year]:04d}", due, [], None)
        created: datetime = top["actual_end"] or m.start
        self._live(m, life, created, fill)
        region = region or m.body.region
        region_id = region[0] if region else None
        self._task_row(m, life, top, title, offices, fill, region_id, decision)
        self._event_rows(life)
        self._born.append(life)

    def _task_row(
        self,
        m: MeetingRec,
        life: TaskLife,
        top: Row,
        title: str,
        offices: tuple[str, ...],
        fill: dict[str, str],
        region_id: str | None,
        decision: Row | None,
    ) -> None:
        rng = self.gen.rng
        office = rng.choice(offices)
        person = rng.choice(self.world.staff[office]) if rng.random() < 0.4 else None
        last_change, status = life.events[-1][0], life.events[-1][2]
        self.gen.add(
            "tasks",
            life.events[0][0],
            last_change,
            id=life.id,
            year=m.day.year,
            seq=self.seq[m.day.year],
            register_number=life.register,
            title=title,
            details=rng.choice(TASK_DETAILS).format(**fill) if rng.random() < 0.4 else None,
            body_id=m.body.id,
            origin_agenda_item_id=top["id"],
            decision_id=decision["id"] if decision and rng.random() < 0.5 else None,
            office_id=self.world.offices[office],
            person_id=person.id if person else None,
            due_date=life.due,
            status=status,
            priority=rng.choices(tuple(TaskPriority), weights=(15, 70, 15))[0],
            region_id=region_id if rng.random() < 0.8 else None,
            completed_on=last_change.date() if status == TaskStatus.DONE else None,
            remark=f"Zuarbeit durch {fill['office']}" if rng.random() < 0.1 else None,
        )

    def _live(self, m: MeetingRec, life: TaskLife, created: datetime, fill: dict[str, str]) -> None:
        """Decide the task's status changes from its birth up to today."""
        rng, today = self.gen.rng, self.gen.today
        life.events.append((created, m.id, _OPEN, None, TaskEventSource.MEETING))
        path = list(rng.choices(_PATH_CHOICES, weights=_PATH_WEIGHTS)[0])
        loose_end = not path or path[-1] in PENDING_TASK_STATUSES
        # Old loose ends are cleared up in the end; a few stay overdue for years.
        if loose_end and (today - m.day).days > 400 and rng.random() > 0.05:
            path.append(_DONE if rng.random() < 0.6 else _DROP)
        moment, status, used = created, _OPEN, {m.id}
        for new in path:
            gap = rng.randint(60, 180) if status == _DEFER else rng.randint(7, 56)
            day = moment.date() + timedelta(days=gap)
            if day > today:
                break
            when, meeting_id, source = self._when(m, day, status, used)
            note = None
            if rng.random() < 0.5:
                note = rng.choice(STATUS_NOTES[new.value]).format(**fill)
            life.events.append((when, meeting_id, new, note, source))
            moment, status = when, new
        life.closed_at = moment if status in CLOSED_TASK_STATUSES else None

    def _when(
        self, m: MeetingRec, day: date, status: TaskStatus, used: set[str]
    ) -> tuple[datetime, str | None, TaskEventSource]:
        """Most changes are reported in a later meeting of the body, others by edit or Excel."""
        r = self.gen.rng.random()
        if status in PENDING_TASK_STATUSES and r < 0.55:
            meeting = m.body.next_held(day, m.index)
            if meeting is not None and meeting.id not in used:
                used.add(meeting.id)
                return meeting.start + timedelta(minutes=15), meeting.id, TaskEventSource.MEETING
        source = TaskEventSource.EDIT if r < 0.85 else TaskEventSource.IMPORT
        return self.gen.at(day), None, source

    def _event_rows(self, life: TaskLife) -> None:
        old: TaskStatus | None = None
        for at, meeting_id, new, note, source in life.events:
            self.gen.add(
                "task_events",
                at,
                task_id=life.id,
                at=self.gen.utc(at),
                kind=TaskEventKind.CREATED if old is None else TaskEventKind.STATUS,
                source=source,
                old_status=old,
                new_status=new,
                note=note,
                meeting_id=meeting_id,
            )
            old = new

    def review(self, m: MeetingRec, review_item_id: str) -> int:
        """Carry the body's pending tasks into the Wiedervorlage TOP; returns how many."""
        body_id = m.body.id
        keep = [t for t in self.pending[body_id] if t.closed_at is None or t.closed_at >= m.start]
        self.pending[body_id] = keep
        due = [(t, t.status_at(m.start)) for t in keep]
        due = [(t, s) for t, s in due if s in PENDING_TASK_STATUSES]
        due.sort(key=lambda ts: (ts[0].due is None, ts[0].due or date.min, ts[0].register))
        held = m.state in HELD_STATES
        planned = self.gen.at(min(m.day - timedelta(days=21), self.gen.today), 10)
        for position, (task, before) in enumerate(due, start=1):
            after, note = None, None
            if held:
                after, note = task.at_meeting(m.id) or (before, None)
                if note is None and self.gen.rng.random() < 0.2:
                    note = self.gen.rng.choice(REVIEW_NOTES).format(office=self._someone())
            self.gen.add(
                "task_reviews",
                planned,
                m.start if held else None,
                agenda_item_id=review_item_id,
                task_id=task.id,
                position=position,
                status_before=before,
                status_after=after,
                note=note,
                reviewed_at=self.gen.utc(m.start + timedelta(minutes=15)) if held else None,
            )
        return len(due)

    def end_meeting(self, m: MeetingRec) -> None:
        """Tasks born in this meeting come up for review from the body's next meeting on."""
        self.pending[m.body.id].extend(self._born)
        self._born = []

    def _someone(self) -> str:
        code = self.gen.rng.choice(ANY_OFFICES)
        return self.gen.rng.choice(self.world.staff[code]).label
