"""Where to begin: the next meeting of each body and the tasks due before it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Connection

from sromod.models import (
    OVERDUE_TASK_STATUSES,
    PENDING_TASK_STATUSES,
    Body,
    Meeting,
    MeetingState,
    Task,
)
from sromod.services.meetings import MeetingInfo
from sromod.store import Store

UPCOMING_STATES = (MeetingState.PLANNED, MeetingState.INVITED)


@dataclass(frozen=True)
class NextMeeting:
    """A body's running or next meeting, and its tasks still pending by that day."""

    body_id: str
    body_short_name: str
    meeting_id: str
    number: int
    date: date
    state: MeetingState
    due: int  # pending tasks of the body due on or before the meeting's day (overdue included)
    overdue: int  # of those, the ones already past their due date today


def next_meeting_id(found: Sequence[MeetingInfo], today: date | None = None) -> str | None:
    """The meeting to start from: the running one, else the next planned one (not the last)."""
    today = today or date.today()
    running = [m for m in found if m.state == MeetingState.RUNNING]
    if running:
        return running[0].id
    upcoming = [m for m in found if m.state in UPCOMING_STATES and m.date >= today]
    if upcoming:
        return min(upcoming, key=lambda m: (m.date, m.number)).id
    return None


def next_meetings(store: Store, today: date | None = None) -> list[NextMeeting]:
    """Per active body with one ahead: its next meeting and what is due before it, soonest first."""
    today = today or date.today()
    upcoming = and_(Meeting.state.in_(list(UPCOMING_STATES)), Meeting.date >= today)
    candidates = (
        select(Meeting.id, Meeting.body_id, Meeting.number, Meeting.date, Meeting.state)
        .join(Body, Body.id == Meeting.body_id)
        .where(Body.active.is_(True))
        .where((Meeting.state == MeetingState.RUNNING) | upcoming)
        .order_by(
            case((Meeting.state == MeetingState.RUNNING, 0), else_=1), Meeting.date, Meeting.number
        )
    )
    with store.engine.connect() as conn:
        chosen: dict[str, tuple[str, int, date, MeetingState]] = {}
        for meeting_id, body_id, number, day, state in conn.execute(candidates):
            chosen.setdefault(body_id, (meeting_id, number, day, state))
        names = dict(conn.execute(select(Body.id, Body.short_name)).all())
        return [
            NextMeeting(body_id, names[body_id], *values, *_due(conn, body_id, values[2], today))
            for body_id, values in sorted(chosen.items(), key=lambda kv: (kv[1][2], names[kv[0]]))
        ]


def _due(conn: Connection, body_id: str, day: date, today: date) -> tuple[int, int]:
    overdue = and_(Task.due_date < today, Task.status.in_(list(OVERDUE_TASK_STATUSES)))
    query = (
        select(func.count(), func.sum(case((overdue, 1), else_=0)))
        .select_from(Task)
        .where(Task.body_id == body_id)
        .where(Task.status.in_(list(PENDING_TASK_STATUSES)))
        .where(Task.due_date <= day)
    )
    total, late = conn.execute(query).one()
    return int(total or 0), int(late or 0)
