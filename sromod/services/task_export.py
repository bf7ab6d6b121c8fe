"""The task list for export, streamed as plain tuples straight from one joined SQL query.

A district decade holds about 50,000 tasks: ORM objects would cost several times the export itself,
so this yields tuples in the column order of the workbook (`TASK_FIELDS`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from sromod.models import (
    OVERDUE_TASK_STATUSES,
    AgendaItem,
    Body,
    Meeting,
    Office,
    Person,
    Region,
    RegionLevel,
    Task,
    TaskPriority,
    TaskStatus,
)
from sromod.services.errors import ServiceError
from sromod.services.local_zone import berlin_time
from sromod.services.wording import german_date, top_label, top_number
from sromod.store import Store

log = logging.getLogger(__name__)

OVERDUE_TEXT = "überfällig"

# What each tuple from task_rows holds, in order (the workbook's columns follow this order).
# The columns an office lead reads on paper come first, so that one print area holds them.
TASK_FIELDS = (
    "register_number",
    "title",
    "office_code",
    "person",
    "due_date",
    "status",
    "overdue",
    "remark",
    "priority",
    "region",
    "body",
    "meeting",
    "agenda_item",
    "created_on",
    "completed_on",
    "task_id",
    "updated_at",
)
OFFICE_CODE_INDEX = TASK_FIELDS.index("office_code")
OVERDUE_INDEX = TASK_FIELDS.index("overdue")
STATUS_INDEX = TASK_FIELDS.index("status")


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks an export holds; empty fields do not filter."""

    office_code: str | None = None
    status: TaskStatus | None = None
    overdue: bool = False
    body_id: str | None = None
    region_id: str | None = None  # a Bezirksregion also takes in its Planungsräume
    today: date | None = None
    statuses: tuple[TaskStatus, ...] = ()  # several at once ("unerledigt"); with status: both
    task_ids: tuple[str, ...] = ()  # only these tasks (the import compares a file with them)

    def day(self) -> date:
        return self.today or date.today()


def parse_status(text: str | None) -> TaskStatus | None:
    """A status from its German label or code ("in Bearbeitung", "in_bearbeitung")."""
    if text is None or not text.strip():
        return None
    found = TaskStatus.from_label(text)
    if found is None:
        labels = ", ".join(s.label for s in TaskStatus)
        raise ServiceError(f"Unbekannter Status „{text}“ (möglich: {labels}).")
    return TaskStatus(found)


def _filtered(query: Select, filters: TaskFilter, region: type[Region]) -> Select:  # type: ignore[type-arg]
    if filters.office_code:
        query = query.where(Office.code == filters.office_code)
    if filters.status is not None:
        query = query.where(Task.status == filters.status)
    if filters.statuses:
        query = query.where(Task.status.in_(list(filters.statuses)))
    if filters.overdue:
        query = query.where(
            Task.due_date < filters.day(), Task.status.in_(list(OVERDUE_TASK_STATUSES))
        )
    if filters.body_id:
        query = query.where(Task.body_id == filters.body_id)
    if filters.task_ids:
        query = query.where(Task.id.in_(filters.task_ids))
    if filters.region_id:
        query = query.where(
            or_(Task.region_id == filters.region_id, region.parent_id == filters.region_id)
        )
    return query


def count_tasks(store: Store, filters: TaskFilter) -> int:
    """How many rows task_rows will yield (for a progress bar)."""
    region = aliased(Region)
    query = (
        select(func.count(Task.id))
        .select_from(Task)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(region, region.id == Task.region_id)
    )
    with store.session() as session:
        return int(session.scalar(_filtered(query, filters, region)) or 0)


def check_office(store: Store, office_code: str | None) -> None:
    """Refuse an office code that the store does not know, before a file is written."""
    if not office_code:
        return
    with store.session() as session:
        if session.scalar(select(Office.id).where(Office.code == office_code)) is None:
            raise ServiceError(f"Ein Amt mit dem Kürzel „{office_code}“ gibt es nicht.")


def _query(filters: TaskFilter) -> Select:  # type: ignore[type-arg]
    region = aliased(Region)
    region_parent = aliased(Region)
    item = aliased(AgendaItem)
    parent = aliased(AgendaItem)
    # The column is "Bezirksregion": a task tagged with a Planungsraum shows the region above it.
    bezirksregion = case(
        (region.level == RegionLevel.PLANUNGSRAUM, region_parent.name), else_=region.name
    )
    query = (
        select(
            Task.register_number,
            Task.title,
            Office.code,
            Person.name,
            Task.due_date,
            Task.status,
            Task.priority,
            bezirksregion,
            Body.short_name,
            Meeting.number,
            Meeting.date,
            item.position,
            parent.position,
            item.title,
            Task.created_at,
            Task.completed_on,
            Task.remark,
            Task.id,
            Task.updated_at,
        )
        .select_from(Task)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Person, Person.id == Task.person_id)
        .outerjoin(region, region.id == Task.region_id)
        .outerjoin(region_parent, region_parent.id == region.parent_id)
        .outerjoin(Body, Body.id == Task.body_id)
        .outerjoin(item, item.id == Task.origin_agenda_item_id)
        .outerjoin(parent, parent.id == item.parent_id)
        .outerjoin(Meeting, and_(Meeting.id == item.meeting_id))
    )
    # Undated tasks last, as in the register: a lead looks for the earliest due dates first.
    return _filtered(query, filters, region).order_by(
        Office.code, Task.due_date.asc().nulls_last(), Task.year, Task.seq
    )


def task_rows(store: Store, filters: TaskFilter | None = None) -> Iterator[tuple[object, ...]]:
    """The filtered tasks as tuples in TASK_FIELDS order, sorted by office and due date."""
    filters = filters or TaskFilter()
    today = filters.day()
    overdue_statuses = frozenset(OVERDUE_TASK_STATUSES)
    status_labels = {s: s.label for s in TaskStatus}
    priority_labels = {p: p.label for p in TaskPriority}
    meetings: dict[tuple[int, date], str] = {}  # many tasks share a meeting: format it once
    with store.session() as session:
        result = session.execute(_query(filters).execution_options(yield_per=2000))
        for (
            number, title, office, person, due, status, priority, region, body,
            meeting_no, meeting_date, pos, parent_pos, item_title,
            created, completed, remark, task_id, updated,
        ) in result:  # fmt: skip
            meeting = None
            if meeting_no is not None:
                meeting = meetings.get((meeting_no, meeting_date))
                if meeting is None:
                    meeting = meetings[meeting_no, meeting_date] = (
                        f"{meeting_no}. Sitzung, {german_date(meeting_date)}"
                    )
            yield (
                number,
                title,
                office,
                person,
                due,
                status_labels[status],
                OVERDUE_TEXT
                if due is not None and due < today and status in overdue_statuses
                else None,
                remark,
                priority_labels[priority],
                region,
                body,
                meeting,
                _top(pos, parent_pos, item_title),
                _local_date(created),
                completed,
                task_id,
                updated.isoformat(timespec="microseconds") if updated else None,
            )


def _top(position: int | None, parent_position: int | None, title: str | None) -> str | None:
    if position is None:
        return None
    return top_label(top_number(position, parent_position), title or "")


def _local_date(utc_naive: datetime | None) -> date | None:
    """The Berlin calendar day of a naive UTC timestamp from the store."""
    if utc_naive is None:
        return None
    if utc_naive.hour < 22:  # Berlin is UTC+1 or +2: before 22:00 UTC the day is the same
        return utc_naive.date()
    return berlin_time(utc_naive).date()
