"""Task and decision registers: filtered, sorted and paged in SQL, returned as plain tuples.

A district decade holds about 50,000 tasks, so the window never loads them all: it asks for a page
of rows in the order the user chose, and for the counts of the whole filtered set separately.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from sromod.models import (
    OVERDUE_TASK_STATUSES,
    AgendaItem,
    Body,
    Meeting,
    Office,
    Person,
    Task,
    TaskEvent,
    TaskEventKind,
    TaskEventSource,
    TaskPriority,
    TaskStatus,
)
from sromod.services.common import MeetingRef
from sromod.services.decision_register import (
    DECISION_SORT_KEYS,
    DecisionFilter,
    DecisionRow,
    decision_count,
    decision_page,
    votes_text,
)
from sromod.services.task_query import (
    BEZIRKSREGION,
    TAGGED_REGION,
    UPPER_REGION,
    AnySelect,
    TaskFilter,
    filtered,
    overdue_clause,
    region_ids_clause,
    task_select,
)
from sromod.services.tasks import TaskInfo, get_task
from sromod.services.wording import top_number
from sromod.store import Store

log = logging.getLogger(__name__)

OVERDUE_TEXT = "überfällig"
# "offen" in the counts line: the tasks still being worked on (a deferred task was put back on
# purpose and is counted apart, a done or dropped one not at all).
OPEN_STATUSES = OVERDUE_TASK_STATUSES
PAGE_SIZE = 200  # a screenful many times over; more rows load as the view scrolls


class TaskRow(NamedTuple):
    id: str
    register_number: str
    title: str
    office_code: str | None
    person_name: str | None
    due_date: date | None
    status: TaskStatus
    overdue: bool
    priority: TaskPriority
    region_name: str | None
    body_short_name: str | None
    meeting_number: int | None
    meeting_date: date | None
    meeting_id: str | None
    remark: str | None
    version: int  # what the window saw, for `concurrency.expecting`


# Sort keys the window offers (one per column), each an SQL expression list.
TASK_SORT_KEYS = (
    "register_number",
    "title",
    "office_code",
    "person_name",
    "due_date",
    "status",
    "overdue",
    "priority",
    "region_name",
    "body_short_name",
    "meeting",
    "remark",
)


@dataclass(frozen=True)
class TaskTotals:
    total: int
    open: int
    overdue: int


@dataclass(frozen=True)
class OfficeCount:
    office_id: str | None
    office_code: str
    office_name: str
    open: int
    overdue: int
    total: int


@dataclass(frozen=True)
class Breakdown:
    """Counts of a filtered task set by one property (for the charts)."""

    labels: list[str] = field(default_factory=list)
    values: list[int] = field(default_factory=list)


# What a register row shows, read from the one task query.
_ROW_COLUMNS = ("id", "register_number", "title", "office_code", "person_name", "due_date",
                "status", "priority", "bezirksregion", "body_short_name", "meeting_number",
                "meeting_date", "meeting_id", "remark", "version")  # fmt: skip


def _row(r: Any, today: date) -> TaskRow:
    """A register row from a row of the one task query."""
    overdue = r.due_date is not None and r.due_date < today and r.status in OVERDUE_TASK_STATUSES
    return TaskRow(
        r.id, r.register_number, r.title, r.office_code, r.person_name, r.due_date, r.status,
        overdue, r.priority, r.bezirksregion, r.body_short_name, r.meeting_number,
        r.meeting_date, r.meeting_id, r.remark, r.version,
    )  # fmt: skip


def _sorted_ids(sort: str, descending: bool, today: date) -> tuple[AnySelect, list[Any]]:
    """Task ids in the chosen order, joining only what the sort key needs.

    Sorting 50,000 fully joined rows takes a tenth of a second; sorting their ids takes a few
    milliseconds, and the page's full rows are then read by id.
    """
    query = select(Task.id).select_from(Task)
    priority_rank = case(
        (Task.priority == TaskPriority.HIGH, 0), (Task.priority == TaskPriority.NORMAL, 1), else_=2
    )
    simple: dict[str, list[Any]] = {
        "register_number": [Task.year, Task.seq],
        "title": [func.lower(Task.title)],
        "due_date": [Task.due_date],
        "status": [Task.status],
        "overdue": [case((overdue_clause(today), 1), else_=0)],
        "priority": [priority_rank],
        "remark": [func.lower(Task.remark)],
    }
    if sort in simple:
        keys = simple[sort]
    elif sort == "office_code":
        query, keys = query.outerjoin(Office, Office.id == Task.office_id), [Office.code]
    elif sort == "person_name":
        query, keys = query.outerjoin(Person, Person.id == Task.person_id), [Person.name]
    elif sort == "region_name":
        query = query.outerjoin(TAGGED_REGION, TAGGED_REGION.id == Task.region_id)
        query = query.outerjoin(UPPER_REGION, UPPER_REGION.id == TAGGED_REGION.parent_id)
        keys = [BEZIRKSREGION]
    elif sort == "body_short_name":
        query, keys = query.outerjoin(Body, Body.id == Task.body_id), [Body.short_name]
    elif sort == "meeting":
        query = query.outerjoin(AgendaItem, AgendaItem.id == Task.origin_agenda_item_id)
        query = query.outerjoin(Meeting, Meeting.id == AgendaItem.meeting_id)
        keys = [Meeting.date, Meeting.number]
    else:
        raise ValueError(f"unknown sort key {sort!r}")
    # Empty values (no due date, no person) go last in either direction: they are the least
    # telling rows, and an office lead looks for the earliest due dates first.
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    order += [t.desc() if descending else t.asc() for t in (Task.year, Task.seq)]
    return query, order


def task_page(
    store: Store,
    filters: TaskFilter,
    *,
    sort: str = "due_date",
    descending: bool = False,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[TaskRow]:
    """One page of the filtered register in the chosen order (ties by register number)."""
    today = filters.day()
    query, order = _sorted_ids(sort, descending, today)
    # The page's ids in order first (only the sort key's joins), then their rows with every
    # name joined, in one statement: its text does not change with the page, so PostgreSQL's
    # driver prepares it once per connection instead of planning ten joins on every call.
    numbered = query.add_columns(func.row_number().over(order_by=order).label("position"))
    page = filtered(numbered, filters).order_by(*order).offset(offset).limit(limit)
    ids = page.subquery("page")
    rows = task_select(*_ROW_COLUMNS, page=ids).order_by(ids.c.position)
    with store.reading() as conn:
        return [_row(r, today) for r in conn.execute(rows)]


def task_row(store: Store, task_id: str, today: date | None = None) -> TaskRow | None:
    with store.reading() as conn:
        row = conn.execute(task_select(*_ROW_COLUMNS).where(Task.id == task_id)).first()
    return _row(row, today or date.today()) if row is not None else None


def task_position(
    store: Store, filters: TaskFilter, task_id: str, *, sort: str = "due_date",
    descending: bool = False,
) -> int | None:  # fmt: skip
    """Where the task sits in the sorted register (to scroll to it), None if filtered out."""
    query, order = _sorted_ids(sort, descending, filters.day())
    numbered = filtered(
        query.add_columns(func.row_number().over(order_by=order).label("pos")), filters
    ).subquery()
    with store.reading() as conn:
        pos = conn.execute(select(numbered.c.pos).where(numbered.c.id == task_id)).scalar()
    return int(pos) - 1 if pos is not None else None


def task_totals(store: Store, filters: TaskFilter) -> TaskTotals:
    """How many tasks the filter holds, how many of them are open and overdue."""
    query = select(
        func.count(),
        func.sum(case((Task.status.in_(list(OPEN_STATUSES)), 1), else_=0)),
        func.sum(case((overdue_clause(filters.day()), 1), else_=0)),
    ).select_from(Task)
    with store.reading() as conn:
        total, open_, overdue = conn.execute(filtered(query, filters)).one()
    return TaskTotals(int(total or 0), int(open_ or 0), int(overdue or 0))


def office_counts(store: Store, filters: TaskFilter | None = None) -> list[OfficeCount]:
    """Open and overdue tasks per office under the filter, offices with open tasks first."""
    filters = filters or TaskFilter()
    query = (
        select(
            Task.office_id,
            func.sum(case((Task.status.in_(list(OPEN_STATUSES)), 1), else_=0)),
            func.sum(case((overdue_clause(filters.day()), 1), else_=0)),
            func.count(),
        )
        .select_from(Task)
        .group_by(Task.office_id)
    )
    with store.reading() as conn:
        rows = conn.execute(filtered(query, filters)).all()
        names = {
            o[0]: (o[1], o[2]) for o in conn.execute(select(Office.id, Office.code, Office.name))
        }
    counts = [
        OfficeCount(r[0], *names.get(r[0], ("—", "ohne Amt")), int(r[1]), int(r[2]), int(r[3]))
        for r in rows
    ]
    return sorted(counts, key=lambda c: (-c.open, c.office_code.casefold()))


def tasks_by_status(store: Store, filters: TaskFilter) -> Breakdown:
    query = select(Task.status, func.count()).select_from(Task).group_by(Task.status)
    with store.reading() as conn:
        found: dict[TaskStatus, int] = {s: n for s, n in conn.execute(filtered(query, filters))}
    statuses = [s for s in TaskStatus if found.get(s)]
    return Breakdown([s.label for s in statuses], [int(found[s]) for s in statuses])


def tasks_by_region(store: Store, filters: TaskFilter) -> Breakdown:
    """Counts per Bezirksregion (a Planungsraum counts for its Bezirksregion)."""
    name = func.coalesce(BEZIRKSREGION, "ohne Region")
    query = (
        select(name, func.count())
        .select_from(Task)
        .outerjoin(TAGGED_REGION, TAGGED_REGION.id == Task.region_id)
        .outerjoin(UPPER_REGION, UPPER_REGION.id == TAGGED_REGION.parent_id)
        .group_by(name)
        .order_by(func.count().desc(), name)
    )
    with store.reading() as conn:
        rows = conn.execute(filtered(query, filters)).all()
    return Breakdown([r[0] for r in rows], [int(r[1]) for r in rows])


def tasks_by_office(store: Store, filters: TaskFilter) -> Breakdown:
    query = (
        select(func.coalesce(Office.code, "ohne Amt"), func.count())
        .select_from(Task)
        .outerjoin(Office, Office.id == Task.office_id)
        .group_by(Office.code)
        .order_by(func.count().desc(), Office.code)
    )
    with store.reading() as conn:
        rows = conn.execute(filtered(query, filters)).all()
    return Breakdown([r[0] for r in rows], [int(r[1]) for r in rows])


def person_choices(store: Store) -> list[tuple[str, str]]:
    """(id, "Name (Amt)") of every person, by name: plain tuples for a filter's combo box."""
    query = (
        select(Person.id, Person.name, Office.code)
        .outerjoin(Office, Office.id == Person.office_id)
        .order_by(Person.name)
    )
    with store.reading() as conn:
        return [
            (pid, f"{name} ({code})" if code else name) for pid, name, code in conn.execute(query)
        ]


# --- a task's detail ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # naive UTC
    kind: TaskEventKind
    source: TaskEventSource
    old_status: TaskStatus | None
    new_status: TaskStatus | None
    note: str | None
    meeting: MeetingRef | None  # the meeting a review took place in
    author: str | None = None  # who made the change: the login, or the laptop's user

    @property
    def meeting_id(self) -> str | None:
        return self.meeting.meeting_id if self.meeting else None


@dataclass(frozen=True)
class TaskOrigin:
    """The TOP a task was set in."""

    meeting: MeetingRef
    top_number: str  # "3.1"
    top_title: str


@dataclass(frozen=True)
class TaskDetail:
    task: TaskInfo
    origin: TaskOrigin | None
    meeting_id: str | None
    history: list[HistoryEntry]


def task_history(store: Store, task_id: str) -> list[HistoryEntry]:
    """The task's history, oldest first, with the meeting each review entry came from."""
    query = (
        select(
            TaskEvent.at, TaskEvent.kind, TaskEvent.source, TaskEvent.old_status,
            TaskEvent.new_status, TaskEvent.note, TaskEvent.meeting_id, Body.short_name,
            Meeting.number, Meeting.date, TaskEvent.author,
        )
        .select_from(TaskEvent)
        .outerjoin(Meeting, Meeting.id == TaskEvent.meeting_id)
        .outerjoin(Body, Body.id == Meeting.body_id)
        .where(TaskEvent.task_id == task_id)
        .order_by(TaskEvent.at, TaskEvent.created_at)
    )  # fmt: skip
    entries = []
    with store.reading() as conn:
        for row in conn.execute(query):
            at, kind, source, old, new, note, meeting_id, body, number, day, author = row
            meeting = MeetingRef(meeting_id, body, number, day) if meeting_id and number else None
            entries.append(HistoryEntry(at, kind, source, old, new, note, meeting, author))
    return entries


def task_origin(store: Store, agenda_item_id: str) -> TaskOrigin | None:
    parent = aliased(AgendaItem)
    query = (
        select(
            Meeting.id, Body.short_name, Meeting.number, Meeting.date, AgendaItem.position,
            parent.position, AgendaItem.title,
        )
        .select_from(AgendaItem)
        .outerjoin(parent, parent.id == AgendaItem.parent_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(AgendaItem.id == agenda_item_id)
    )  # fmt: skip
    with store.reading() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    meeting_id, body, number, day, position, parent_position, title = row
    meeting = MeetingRef(meeting_id, body, number, day)
    return TaskOrigin(meeting, top_number(position, parent_position), title)


def task_detail(store: Store, task_id: str) -> TaskDetail:
    info = get_task(store, task_id)
    origin = task_origin(store, info.origin_agenda_item_id) if info.origin_agenda_item_id else None
    return TaskDetail(info, origin, info.meeting_id, task_history(store, task_id))


__all__ = [
    "DECISION_SORT_KEYS",
    "OPEN_STATUSES",
    "OVERDUE_TEXT",
    "PAGE_SIZE",
    "TASK_SORT_KEYS",
    "Breakdown",
    "DecisionFilter",
    "DecisionRow",
    "HistoryEntry",
    "MeetingRef",
    "OfficeCount",
    "TaskDetail",
    "TaskOrigin",
    "TaskRow",
    "TaskTotals",
    "decision_count",
    "decision_page",
    "office_counts",
    "person_choices",
    "region_ids_clause",
    "task_detail",
    "task_history",
    "task_page",
    "task_position",
    "task_row",
    "task_totals",
    "tasks_by_office",
    "tasks_by_region",
    "tasks_by_status",
    "votes_text",
]
