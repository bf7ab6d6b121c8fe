"""Follow-up per Bezirksregion: the TOPs tagged with a region (or its Planungsräume)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sromod.models import AgendaItem, AgendaItemRegion, AgendaItemState, Body, Meeting
from sromod.services.task_query import region_ids_clause
from sromod.services.wording import top_number
from sromod.store import Store


class RegionTopRow(NamedTuple):
    agenda_item_id: str
    meeting_id: str
    meeting_date: date
    body_short_name: str
    top_number: str  # "3.1"
    top_title: str
    state: AgendaItemState
    result: str


def count_tops_for_region(store: Store, region_id: str) -> int:
    query = (
        select(func.count())
        .select_from(AgendaItemRegion)
        .where(region_ids_clause(AgendaItemRegion.region_id, region_id))
    )
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def tops_for_region(store: Store, region_id: str, *, limit: int = 1000) -> list[RegionTopRow]:
    """TOPs tagged with the region or one of its Planungsräume, newest meeting first."""
    parent = aliased(AgendaItem)
    tagged = select(AgendaItemRegion.agenda_item_id).where(
        region_ids_clause(AgendaItemRegion.region_id, region_id)
    )
    query = (
        select(
            AgendaItem.id, Meeting.id, Meeting.date, Body.short_name, AgendaItem.position,
            parent.position, AgendaItem.title, AgendaItem.state, AgendaItem.result,
        )
        .select_from(AgendaItem)
        .outerjoin(parent, parent.id == AgendaItem.parent_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(AgendaItem.id.in_(tagged))
        .order_by(Meeting.date.desc(), func.coalesce(parent.position, AgendaItem.position))
        .limit(limit)
    )  # fmt: skip
    with store.engine.connect() as conn:
        return [
            RegionTopRow(r[0], r[1], r[2], r[3], top_number(r[4], r[5]), r[6], r[7],
                         " ".join((r[8] or "").split()))
            for r in conn.execute(query)
        ]  # fmt: skip
