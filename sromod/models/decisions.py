"""Decisions (Beschlüsse, Vereinbarungen, Empfehlungen, Kenntnisnahmen)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sromod.models.base import Base, enum_column
from sromod.models.directory import Region
from sromod.models.enums import DecisionKind
from sromod.models.meetings import AgendaItem


class Decision(Base):
    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    register_number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[DecisionKind] = mapped_column(
        enum_column(DecisionKind), default=DecisionKind.BESCHLUSS
    )
    text: Mapped[str] = mapped_column(Text)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    # why more votes than voting members present were accepted (the moderator's override)
    votes_override_reason: Mapped[str | None] = mapped_column(Text)

    agenda_item: Mapped[AgendaItem] = relationship()
    region_tags: Mapped[list[DecisionRegion]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )


class DecisionRegion(Base):
    __tablename__ = "decision_regions"
    __table_args__ = (UniqueConstraint("decision_id", "region_id"),)

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), index=True)
    region_id: Mapped[str] = mapped_column(ForeignKey("regions.id"), index=True)

    decision: Mapped[Decision] = relationship(back_populates="region_tags")
    region: Mapped[Region] = relationship()
