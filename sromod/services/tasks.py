"""Tasks: register numbers, assignment to office and person, status history, Wiedervorlage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sromod.models import (
    Person,
    Task,
    TaskEvent,
    TaskEventKind,
    TaskEventSource,
    TaskPriority,
    TaskReview,
    TaskStatus,
    utcnow,
)
from sromod.services.common import (
    apply_fields,
    clean_text,
    editable_item,
    ensure_editable,
    get_or_fail,
    is_overdue,
)
from sromod.services.concurrency import serialise_numbering
from sromod.services.errors import ServiceError
from sromod.services.task_query import TaskFilter, filtered, task_select
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class TaskInfo:
    id: str
    register_number: str
    title: str
    details: str | None
    office_id: str | None
    office_code: str | None
    person_id: str | None
    person_name: str | None
    due_date: date | None
    status: TaskStatus
    priority: TaskPriority
    region_id: str | None
    region_name: str | None
    body_id: str | None
    body_short_name: str | None
    origin_agenda_item_id: str | None
    meeting_id: str | None
    meeting_number: int | None
    decision_id: str | None
    decision_number: str | None
    completed_on: date | None
    remark: str | None
    created_at: datetime
    updated_at: datetime
    version: int  # what the window saw, for `concurrency.expecting`

    @property
    def overdue(self) -> bool:
        return is_overdue(self.status, self.due_date)

    @property
    def who(self) -> str:
        """ "Jug (Erika Muster)" for the Wer column."""
        if self.office_code and self.person_name:
            return f"{self.office_code} ({self.person_name})"
        return self.office_code or self.person_name or ""


@dataclass(frozen=True)
class ReviewInfo:
    id: str
    position: int
    task: TaskInfo
    status_before: TaskStatus
    status_after: TaskStatus | None
    note: str | None
    reviewed_at: datetime | None


TASK_FIELDS = {
    "title",
    "details",
    "office_id",
    "person_id",
    "due_date",
    "priority",
    "region_id",
    "remark",
    "decision_id",
}


def task_number(year: int, seq: int) -> str:
    return f"A-{year}/{seq:04d}"


def task_info(row: Any) -> TaskInfo:
    """A task's fields from a row of the one task query (`task_query.task_select`)."""
    return TaskInfo(
        row.id, row.register_number, row.title, row.details, row.office_id, row.office_code,
        row.person_id, row.person_name, row.due_date, row.status, row.priority, row.region_id,
        row.region_name, row.body_id, row.body_short_name, row.origin_agenda_item_id,
        row.meeting_id, row.meeting_number, row.decision_id, row.decision_number,
        row.completed_on, row.remark, row.created_at, row.updated_at, row.version,
    )  # fmt: skip


def get_task(store: Store, task_id: str) -> TaskInfo:
    with store.engine.connect() as conn:
        row = conn.execute(task_select().where(Task.id == task_id)).first()
    if row is None:
        raise ServiceError("Die Aufgabe wurde nicht gefunden (vielleicht inzwischen gelöscht).")
    return task_info(row)


def list_tasks_for_meeting(store: Store, meeting_id: str) -> list[TaskInfo]:
    """Tasks that arose in the meeting, in register order."""
    query = filtered(task_select(), TaskFilter(meeting_id=meeting_id)).order_by(Task.year, Task.seq)
    with store.engine.connect() as conn:
        return [task_info(r) for r in conn.execute(query)]


def next_task_seq(session: Session, year: int) -> int:
    """The next A-number of the year; concurrent writers queue (`serialise_numbering`)."""
    serialise_numbering(session, f"A-{year}")
    return (session.scalar(select(func.max(Task.seq)).where(Task.year == year)) or 0) + 1


def add_task(
    store: Store,
    title: str,
    *,
    office_id: str | None = None,
    person_id: str | None = None,
    due_date: date | None = None,
    agenda_item_id: str | None = None,
    decision_id: str | None = None,
    body_id: str | None = None,
    priority: TaskPriority = TaskPriority.NORMAL,
    region_id: str | None = None,
    details: str | None = None,
) -> TaskInfo:
    """A new task; from a TOP it belongs to that meeting's body and is numbered in its year."""
    text = clean_text(title, what="Die Aufgabe (Was)", required=True, limit=2000)
    if office_id is None and person_id is None:
        raise ServiceError("Bitte geben Sie an, wer die Aufgabe übernimmt (Amt oder Person).")
    with unit_of_work(store) as session:
        meeting_id = None
        year = date.today().year
        if agenda_item_id is not None:
            item = editable_item(session, agenda_item_id)
            body_id = item.meeting.body_id
            meeting_id = item.meeting_id
            year = item.meeting.date.year
        if office_id is None and person_id is not None:
            office_id = get_or_fail(session, Person, person_id).office_id
        seq = next_task_seq(session, year)
        task = Task(
            year=year,
            seq=seq,
            register_number=task_number(year, seq),
            title=text,
            details=details,
            office_id=office_id,
            person_id=person_id,
            due_date=due_date,
            origin_agenda_item_id=agenda_item_id,
            decision_id=decision_id,
            body_id=body_id,
            priority=priority,
            region_id=region_id,
            status=TaskStatus.OPEN,
        )
        session.add(task)
        source = TaskEventSource.MEETING if meeting_id else TaskEventSource.EDIT
        task.events.append(
            TaskEvent(
                kind=TaskEventKind.CREATED,
                source=source,
                new_status=TaskStatus.OPEN,
                meeting_id=meeting_id,
            )
        )
        session.flush()
        task_id = task.id
    return get_task(store, task_id)


def update_task(store: Store, /, task_id: str, **fields: Any) -> None:
    """Change what, who, by when; the change is noted in the history."""
    if "title" in fields:
        fields["title"] = clean_text(fields["title"], what="Die Aufgabe (Was)", required=True)
    with unit_of_work(store) as session:
        task = get_or_fail(session, Task, task_id)
        changed = [k for k, v in fields.items() if getattr(task, k) != v]
        apply_fields(task, fields, TASK_FIELDS)
        if task.office_id is None and task.person_id is None:
            raise ServiceError("Bitte geben Sie an, wer die Aufgabe übernimmt (Amt oder Person).")
        if changed:
            task.events.append(
                TaskEvent(
                    kind=TaskEventKind.EDIT,
                    source=TaskEventSource.EDIT,
                    note=", ".join(sorted(changed)),
                )
            )


def change_status(
    session: Session,
    task: Task,
    status: TaskStatus,
    *,
    source: TaskEventSource,
    note: str | None = None,
    meeting_id: str | None = None,
    on: date | None = None,
) -> None:
    """Set a task's status inside a unit of work and record it in the history."""
    old = task.status
    if old == status and not note:
        return
    task.status = status
    if status == TaskStatus.DONE and old != TaskStatus.DONE:
        task.completed_on = on or date.today()
    elif status != TaskStatus.DONE:
        task.completed_on = None
    kind = TaskEventKind.STATUS if old != status else TaskEventKind.NOTE
    task.events.append(
        TaskEvent(
            at=utcnow(),
            kind=kind,
            source=source,
            old_status=old if old != status else None,
            new_status=status if old != status else None,
            note=note,
            meeting_id=meeting_id,
        )
    )


def set_task_status(
    store: Store,
    task_id: str,
    status: TaskStatus,
    *,
    note: str | None = None,
    source: TaskEventSource = TaskEventSource.EDIT,
    meeting_id: str | None = None,
) -> None:
    with unit_of_work(store) as session:
        task = get_or_fail(session, Task, task_id)
        change_status(
            session,
            task,
            status,
            source=source,
            note=clean_text(note, what="Die Notiz", limit=5000),
            meeting_id=meeting_id,
        )


def set_status_of_tasks(
    store: Store, task_ids: list[str], status: TaskStatus, *, note: str | None = None
) -> int:
    """One status for several tasks at once (one unit of work, one undo step)."""
    count = 0
    with unit_of_work(store) as session:
        for task_id in task_ids:
            task = get_or_fail(session, Task, task_id)
            if task.status != status:
                change_status(session, task, status, source=TaskEventSource.EDIT, note=note)
                count += 1
    return count


def add_task_note(store: Store, task_id: str, note: str) -> None:
    text = clean_text(note, what="Die Notiz", required=True, limit=5000)
    with unit_of_work(store) as session:
        task = get_or_fail(session, Task, task_id)
        task.events.append(
            TaskEvent(kind=TaskEventKind.NOTE, source=TaskEventSource.EDIT, note=text)
        )


def list_reviews(store: Store, agenda_item_id: str) -> list[ReviewInfo]:
    """The tasks up for review in a Wiedervorlage TOP, in order."""
    with store.session() as session:
        reviews = list(
            session.scalars(
                select(TaskReview)
                .where(TaskReview.agenda_item_id == agenda_item_id)
                .order_by(TaskReview.position)
            )
        )
        found = task_select().where(Task.id.in_([r.task_id for r in reviews]))
        rows = {row.id: task_info(row) for row in session.execute(found)}
        return [
            ReviewInfo(
                r.id,
                r.position,
                rows[r.task_id],
                r.status_before,
                r.status_after,
                r.note,
                r.reviewed_at,
            )
            for r in reviews
        ]


def review_task(store: Store, review_id: str, status: TaskStatus, note: str | None = None) -> None:
    """The meeting's word on a carried-over task: new status and note, kept in its history."""
    with unit_of_work(store) as session:
        review = get_or_fail(session, TaskReview, review_id)
        meeting = review.agenda_item.meeting
        ensure_editable(meeting)
        review.status_after = status
        review.note = clean_text(note, what="Die Notiz", limit=5000)
        review.reviewed_at = utcnow()
        change_status(
            session,
            review.task,
            status,
            source=TaskEventSource.MEETING,
            note=review.note,
            meeting_id=meeting.id,
            on=meeting.date,
        )
