"""Offices, people and regions: the district's directory."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sromod.models.base import Base, enum_column
from sromod.models.enums import OfficeKind, RegionLevel


class Office(Base):
    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OfficeKind] = mapped_column(enum_column(OfficeKind), default=OfficeKind.FACHAMT)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    departments: Mapped[list[OfficeDepartment]] = relationship(
        back_populates="office",
        cascade="all, delete-orphan",
        order_by="OfficeDepartment.valid_from",
    )


class OfficeDepartment(Base):
    """Which Abteilung an office belongs to, over time (portfolios change after elections)."""

    __tablename__ = "office_departments"

    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), index=True)
    department: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    office: Mapped[Office] = relationship(back_populates="departments")


class Person(Base):
    __tablename__ = "persons"

    name: Mapped[str] = mapped_column(String(200))
    office_id: Mapped[str | None] = mapped_column(ForeignKey("offices.id"), index=True)
    organisation: Mapped[str | None] = mapped_column(String(200))
    function: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(100))
    external: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)

    office: Mapped[Office | None] = relationship()


class Region(Base):
    __tablename__ = "regions"

    lor_id: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[RegionLevel] = mapped_column(enum_column(RegionLevel))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("regions.id"), index=True)
    old_lor_ids: Mapped[str | None] = mapped_column(Text)  # comma-separated 2006 keys
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped[Region | None] = relationship(remote_side="Region.id")
