"""Meetings (Sitzungen), their agenda (TOPs) and attendance."""

from __future__ import annotations

import datetime as dt
from datetime import datetime, time

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sromod.models.attachments import Attachment
from sromod.models.base import Base, enum_column
from sromod.models.bodies import Body
from sromod.models.directory import Person, Region
from sromod.models.enums import AgendaItemKind, AgendaItemState, AttendanceStatus, MeetingState


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("body_id", "number"),
        Index("ix_meetings_date", "date"),
    )

    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    planned_start: Mapped[time | None] = mapped_column(Time)
    planned_end: Mapped[time | None] = mapped_column(Time)
    actual_start: Mapped[datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str | None] = mapped_column(String(200))
    moderator_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    minute_taker_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    state: Mapped[MeetingState] = mapped_column(
        enum_column(MeetingState), default=MeetingState.PLANNED
    )
    invited_at: Mapped[datetime | None] = mapped_column(DateTime)
    released_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_date: Mapped[dt.date | None] = mapped_column(Date)
    next_note: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    # iCalendar SEQUENCE: rises with every change of date, time or place and with a cancellation,
    # so that a re-sent invitation updates the calendar entry instead of adding a second one.
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reply_by: Mapped[dt.date | None] = mapped_column(Date)  # "Rückmeldung bis" in the invitation

    body: Mapped[Body] = relationship()
    moderator: Mapped[Person | None] = relationship(foreign_keys=[moderator_id])
    minute_taker: Mapped[Person | None] = relationship(foreign_keys=[minute_taker_id])
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        cascade="all, delete-orphan", order_by="Attachment.position"
    )


class AgendaItem(Base):
    """A TOP. Sub-items (TOP 2.1) have a parent; positions are contiguous from 1 per parent."""

    __tablename__ = "agenda_items"
    __table_args__ = (
        Index(
            "uq_agenda_items_position",
            "meeting_id",
            func.coalesce("parent_id", ""),
            "position",
            unique=True,
        ),
    )

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    presenter: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[AgendaItemKind] = mapped_column(
        enum_column(AgendaItemKind), default=AgendaItemKind.DISCUSSION
    )
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    actual_start: Mapped[datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[datetime | None] = mapped_column(DateTime)
    result: Mapped[str | None] = mapped_column(Text)
    state: Mapped[AgendaItemState] = mapped_column(
        enum_column(AgendaItemState), default=AgendaItemState.OPEN
    )
    # the postponed TOP of an earlier meeting this one was carried over from
    carried_from_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    parent: Mapped[AgendaItem | None] = relationship(
        remote_side="AgendaItem.id", back_populates="children", foreign_keys=[parent_id]
    )
    children: Mapped[list[AgendaItem]] = relationship(
        back_populates="parent",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
        foreign_keys=[parent_id],
    )
    region_tags: Mapped[list[AgendaItemRegion]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        cascade="all, delete-orphan", order_by="Attachment.position", overlaps="attachments"
    )


class AgendaItemRegion(Base):
    __tablename__ = "agenda_item_regions"
    __table_args__ = (UniqueConstraint("agenda_item_id", "region_id"),)

    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), index=True)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="region_tags")
    region: Mapped[Region] = relationship()


class Attendance(Base):
    """A member's or guest's presence at a meeting (person_id empty for a guest)."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    guest_name: Mapped[str | None] = mapped_column(String(200))
    guest_organisation: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column(AttendanceStatus), default=AttendanceStatus.PRESENT
    )
    represented_by: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
    voting: Mapped[bool] = mapped_column(default=False)
    arrived_at: Mapped[time | None] = mapped_column(Time)
    left_at: Mapped[time | None] = mapped_column(Time)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person | None] = relationship()
