"""Decision register: all decisions with number, date, body, TOP, kind, text and votes, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sromod.models import (
    AgendaItem,
    Body,
    Decision,
    DecisionKind,
    DecisionRegion,
    Meeting,
    Task,
)
from sromod.services.task_query import AnySelect, region_ids_clause
from sromod.services.wording import top_number
from sromod.store import Store, fts

PAGE_SIZE = 500


@dataclass(frozen=True)
class DecisionFilter:
    body_id: str | None = None
    kind: DecisionKind | None = None
    office_id: str | None = None  # decisions with a task for this office
    region_id: str | None = None  # tagged with the region (or one of its Planungsräume)
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # full-text words (umlauts folded)


class DecisionRow(NamedTuple):
    id: str
    register_number: str
    meeting_date: date
    body_short_name: str
    top_number: str  # "3.1"
    top_title: str
    kind: DecisionKind
    text: str
    votes: str
    meeting_id: str
    agenda_item_id: str


DECISION_SORT_KEYS = ("register_number", "date", "body", "top", "kind", "text", "votes")


def votes_text(votes_for: int | None, against: int | None, abstain: int | None) -> str:
    if votes_for is None:
        return ""
    return f"{votes_for} : {against or 0} : {abstain or 0}"


def _decision_where(query: AnySelect, f: DecisionFilter) -> AnySelect:
    if f.body_id:
        query = query.where(Meeting.body_id == f.body_id)
    if f.kind is not None:
        query = query.where(Decision.kind == f.kind)
    if f.office_id:
        query = query.where(
            Decision.id.in_(select(Task.decision_id).where(Task.office_id == f.office_id))
        )
    if f.region_id:
        query = query.where(
            Decision.id.in_(
                select(DecisionRegion.decision_id).where(
                    region_ids_clause(DecisionRegion.region_id, f.region_id)
                )
            )
        )
    if f.date_from:
        query = query.where(Meeting.date >= f.date_from)
    if f.date_to:
        query = query.where(Meeting.date <= f.date_to)
    words = fts.parse_query(f.text)
    if words:
        query = query.where(fts.matching("decision", words))
    return query


def decision_page(
    store: Store,
    filters: DecisionFilter,
    *,
    sort: str = "register_number",
    descending: bool = True,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[DecisionRow]:
    """One page of the decision register, newest first unless told otherwise."""
    parent = aliased(AgendaItem)
    query = (
        select(
            Decision.id, Decision.register_number, Meeting.date, Body.short_name,
            AgendaItem.position, parent.position, AgendaItem.title, Decision.kind, Decision.text,
            Decision.votes_for, Decision.votes_against, Decision.votes_abstain, Meeting.id,
            AgendaItem.id,
        )
        .select_from(Decision)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .outerjoin(parent, parent.id == AgendaItem.parent_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
    )  # fmt: skip
    keys: dict[str, list[Any]] = {
        "register_number": [Decision.year, Decision.seq],
        "date": [Meeting.date, Decision.year, Decision.seq],
        "body": [Body.short_name, Meeting.date],
        "top": [Meeting.date, func.coalesce(parent.position, AgendaItem.position)],
        "kind": [Decision.kind],
        "text": [func.lower(Decision.text)],
        "votes": [Decision.votes_for],
    }
    order = [k.desc() if descending else k.asc() for k in keys[sort]] + [Decision.seq]
    query = _decision_where(query, filters).order_by(*order).offset(offset).limit(limit)
    with store.engine.connect() as conn:
        return [
            DecisionRow(
                r[0], r[1], r[2], r[3], top_number(r[4], r[5]), r[6], r[7], r[8],
                votes_text(r[9], r[10], r[11]), r[12], r[13],
            )
            for r in conn.execute(query)
        ]  # fmt: skip


def decision_count(store: Store, filters: DecisionFilter) -> int:
    query = (
        select(func.count(Decision.id))
        .select_from(Decision)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
    )
    with store.engine.connect() as conn:
        return int(conn.execute(_decision_where(query, filters)).scalar() or 0)
