"""Bodies (Gremien), their members and their standing agenda."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import (
    Boolean,
    Date,
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

from sromod.models.base import Base, enum_column
from sromod.models.directory import Person, Region
from sromod.models.enums import AgendaItemKind, BodyKind, MemberRole


class Body(Base):
    __tablename__ = "bodies"

    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[BodyKind] = mapped_column(enum_column(BodyKind), default=BodyKind.WORKING_GROUP)
    region_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    default_place: Mapped[str | None] = mapped_column(String(200))
    default_start: Mapped[time | None] = mapped_column(Time)
    default_minutes: Mapped[int] = mapped_column(Integer, default=120)
    moderator_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    minute_taker_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    organisational_unit: Mapped[str | None] = mapped_column(String(200))
    quorum: Mapped[int | None] = mapped_column(Integer)  # voting members needed; None: no quorum
    needs_attendance_list: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Who gets the minutes besides the members (Verteiler), one recipient per line.
    distribution: Mapped[str | None] = mapped_column(Text)

    region: Mapped[Region | None] = relationship()
    standing_items: Mapped[list[StandingAgendaItem]] = relationship(
        back_populates="body", cascade="all, delete-orphan", order_by="StandingAgendaItem.position"
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="body", cascade="all, delete-orphan"
    )


# Unique regardless of case (ASCII, as SQL's lower() folds; the services fold umlauts too).
Index("uq_bodies_short_name_nocase", func.lower(Body.short_name), unique=True)


class StandingAgendaItem(Base):
    """One TOP of a body's standing agenda template."""

    __tablename__ = "standing_agenda_items"
    __table_args__ = (UniqueConstraint("body_id", "position"),)

    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[AgendaItemKind] = mapped_column(
        enum_column(AgendaItemKind), default=AgendaItemKind.DISCUSSION
    )
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    description: Mapped[str | None] = mapped_column(Text)

    body: Mapped[Body] = relationship(back_populates="standing_items")


class Membership(Base):
    __tablename__ = "memberships"

    body_id: Mapped[str] = mapped_column(ForeignKey("bodies.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole), default=MemberRole.MEMBER)
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    body: Mapped[Body] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()
