"""Tasks (Aufgaben), their history and their review in meetings (Wiedervorlage)."""

from __future__ import annotations

import getpass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sromod.models.base import Base, enum_column, utcnow
from sromod.models.bodies import Body
from sromod.models.decisions import Decision
from sromod.models.directory import Office, Person, Region
from sromod.models.enums import TaskEventKind, TaskEventSource, TaskPriority, TaskStatus
from sromod.models.meetings import AgendaItem, Meeting


def event_author(context: Any) -> str | None:
    """The author of a new history entry: None on PostgreSQL (the server fills in the login)."""
    if context is not None and context.dialect.name == "postgresql":
        return None
    return local_user()


def local_user() -> str | None:
    """The name the user logged in to this computer with (Windows: USERNAME), if it has one."""
    try:
        return getpass.getuser() or None
    except (OSError, ImportError, KeyError):  # no login name in the environment nor the system
        return None


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        Index("ix_tasks_office_status", "office_id", "status", "due_date"),
        Index("ix_tasks_status_due", "status", "due_date"),
    )

    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    register_number: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    body_id: Mapped[str | None] = mapped_column(ForeignKey("bodies.id"), index=True)
    origin_agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id"), index=True
    )
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decisions.id"), index=True)
    office_id: Mapped[str | None] = mapped_column(ForeignKey("offices.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[TaskStatus] = mapped_column(enum_column(TaskStatus), default=TaskStatus.OPEN)
    priority: Mapped[TaskPriority] = mapped_column(
        enum_column(TaskPriority), default=TaskPriority.NORMAL
    )
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    completed_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    body: Mapped[Body | None] = relationship()
    origin_agenda_item: Mapped[AgendaItem | None] = relationship()
    decision: Mapped[Decision | None] = relationship()
    office: Mapped[Office | None] = relationship()
    person: Mapped[Person | None] = relationship()
    region: Mapped[Region | None] = relationship()
    events: Mapped[list[TaskEvent]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskEvent.at"
    )


class TaskEvent(Base):
    """One entry in a task's history: created, a status change, a note or an edit."""

    __tablename__ = "task_events"

    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    kind: Mapped[TaskEventKind] = mapped_column(enum_column(TaskEventKind))
    source: Mapped[TaskEventSource] = mapped_column(enum_column(TaskEventSource))
    old_status: Mapped[TaskStatus | None] = mapped_column(enum_column(TaskStatus))
    new_status: Mapped[TaskStatus | None] = mapped_column(enum_column(TaskStatus))
    note: Mapped[str | None] = mapped_column(Text)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    # Who made the change: on PostgreSQL the login (set by the server), on a laptop's file the
    # user logged in to the computer.
    author: Mapped[str | None] = mapped_column(String(128), default=event_author)

    task: Mapped[Task] = relationship(back_populates="events")
    meeting: Mapped[Meeting | None] = relationship()


class TaskReview(Base):
    """A task carried over into a meeting's Wiedervorlage TOP, and what the meeting said of it."""

    __tablename__ = "task_reviews"
    __table_args__ = (UniqueConstraint("agenda_item_id", "task_id"),)

    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    status_before: Mapped[TaskStatus] = mapped_column(enum_column(TaskStatus))
    status_after: Mapped[TaskStatus | None] = mapped_column(enum_column(TaskStatus))
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)

    agenda_item: Mapped[AgendaItem] = relationship()
    task: Mapped[Task] = relationship()
