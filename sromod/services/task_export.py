"""The task list for export, streamed as plain tuples straight from one joined SQL query.

A district decade holds about 50,000 tasks: ORM objects would cost several times the export itself,
so this yields tuples in the column order of the workbook (`TASK_FIELDS`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import func, select

from sromod.models import OVERDUE_TASK_STATUSES, Office, Task, TaskPriority, TaskStatus
from sromod.services.local_zone import berlin_time
from sromod.services.task_query import TaskFilter, filtered, task_select
from sromod.services.wording import meeting_short, top_label, top_number
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


# The columns of the one task query that the workbook's fields are made of.
_READ = ("register_number", "title", "office_code", "person_name", "due_date", "status", "remark",
         "priority", "bezirksregion", "body_short_name", "meeting_number", "meeting_date",
         "item_position", "parent_position", "item_title", "created_at", "completed_on", "id",
         "updated_at")  # fmt: skip


def count_tasks(store: Store, filters: TaskFilter) -> int:
    """How many rows task_rows will yield (for a progress bar)."""
    with store.engine.connect() as conn:
        query = filtered(select(func.count(Task.id)).select_from(Task), filters)
        return int(conn.execute(query).scalar() or 0)


def task_rows(store: Store, filters: TaskFilter | None = None) -> Iterator[tuple[object, ...]]:
    """The filtered tasks as tuples in TASK_FIELDS order, sorted by office and due date."""
    filters = filters or TaskFilter()
    today = filters.day()
    overdue_statuses = frozenset(OVERDUE_TASK_STATUSES)
    status_labels = {s: s.label for s in TaskStatus}
    priority_labels = {p: p.label for p in TaskPriority}
    meetings: dict[tuple[int, date], str] = {}  # many tasks share a meeting: format it once
    # Undated tasks last, as in the register: a lead looks for the earliest due dates first.
    query = filtered(task_select(*_READ), filters).order_by(
        Office.code, Task.due_date.asc().nulls_last(), Task.year, Task.seq
    )
    with store.engine.connect() as conn:
        for r in conn.execute(query.execution_options(yield_per=2000)):
            meeting = None
            if r.meeting_number is not None:
                key = (r.meeting_number, r.meeting_date)
                meeting = meetings.get(key)
                if meeting is None:
                    meeting = meetings[key] = meeting_short(r.meeting_number, r.meeting_date)
            due, status = r.due_date, r.status
            yield (
                r.register_number,
                r.title,
                r.office_code,
                r.person_name,
                due,
                status_labels[status],
                OVERDUE_TEXT
                if due is not None and due < today and status in overdue_statuses
                else None,
                r.remark,
                priority_labels[r.priority],
                r.bezirksregion,
                r.body_short_name,
                meeting,
                _top(r.item_position, r.parent_position, r.item_title),
                _local_date(r.created_at),
                r.completed_on,
                r.id,
                r.updated_at.isoformat(timespec="microseconds") if r.updated_at else None,
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
