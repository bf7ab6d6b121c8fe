"""The agenda of a meeting: TOPs and sub-items, their order, timing, results and region tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sromod.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemRegion,
    AgendaItemState,
    Decision,
    Task,
    TaskReview,
)
from sromod.services.bodies import _renumber
from sromod.services.common import (
    apply_fields,
    clean_text,
    editable_item,
    editable_meeting,
    get_or_fail,
)
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.services.wording import top_label
from sromod.store import Store

MAX_RESULT_CHARS = 100_000


@dataclass(frozen=True)
class AgendaItemInfo:
    id: str
    meeting_id: str
    parent_id: str | None
    position: int
    number: str  # "2" or "2.1"
    title: str
    description: str | None
    presenter: str | None
    kind: AgendaItemKind
    planned_minutes: int
    actual_start: datetime | None
    actual_end: datetime | None
    result: str | None
    state: AgendaItemState
    region_ids: tuple[str, ...]
    version: int  # what the window saw, for `concurrency.expecting`
    carried_from_id: str | None = None  # the postponed TOP of an earlier meeting it comes from

    @property
    def label(self) -> str:
        return top_label(self.number)

    @property
    def depth(self) -> int:
        return 0 if self.parent_id is None else 1


ITEM_FIELDS = {
    "title",
    "description",
    "presenter",
    "kind",
    "planned_minutes",
    "result",
    "state",
    "actual_start",
    "actual_end",
}


def list_agenda(store: Store, meeting_id: str) -> list[AgendaItemInfo]:
    """The TOPs in reading order (each TOP followed by its sub-items), numbered."""
    with store.session() as session:
        items = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)))
        tags: dict[str, list[str]] = {}
        for item_id, region_id in session.execute(
            select(AgendaItemRegion.agenda_item_id, AgendaItemRegion.region_id).where(
                AgendaItemRegion.agenda_item_id.in_([i.id for i in items])
            )
        ):
            tags.setdefault(item_id, []).append(region_id)
    children: dict[str | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    result: list[AgendaItemInfo] = []

    def walk(parent_id: str | None, prefix: str) -> None:
        for item in sorted(children.get(parent_id, []), key=lambda i: i.position):
            number = f"{prefix}{item.position}"
            result.append(_info(item, number, tuple(tags.get(item.id, ()))))
            walk(item.id, number + ".")

    walk(None, "")
    return result


def _info(item: AgendaItem, number: str, regions: tuple[str, ...]) -> AgendaItemInfo:
    return AgendaItemInfo(
        item.id,
        item.meeting_id,
        item.parent_id,
        item.position,
        number,
        item.title,
        item.description,
        item.presenter,
        item.kind,
        item.planned_minutes,
        item.actual_start,
        item.actual_end,
        item.result,
        item.state,
        regions,
        item.version,
        item.carried_from_id,
    )


def get_agenda_item(store: Store, item_id: str) -> AgendaItemInfo:
    with store.session() as session:
        item = get_or_fail(session, AgendaItem, item_id)
        meeting_id = item.meeting_id
    for info in list_agenda(store, meeting_id):
        if info.id == item_id:
            return info
    raise AssertionError("unreachable")


def _siblings(session: Session, meeting_id: str, parent_id: str | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    if parent_id is None:
        query = query.where(AgendaItem.parent_id.is_(None))
    else:
        query = query.where(AgendaItem.parent_id == parent_id)
    return list(session.scalars(query.order_by(AgendaItem.position)))


def add_agenda_item(
    store: Store,
    meeting_id: str,
    title: str,
    *,
    parent_id: str | None = None,
    position: int | None = None,
    kind: AgendaItemKind = AgendaItemKind.DISCUSSION,
    planned_minutes: int = 10,
    presenter: str | None = None,
    description: str | None = None,
) -> str:
    """Add a TOP (or sub-item under parent_id) at position (1-based), by default at the end."""
    text = clean_text(title, what="Der Titel des TOP", required=True, limit=500)
    with unit_of_work(store) as session:
        editable_meeting(session, meeting_id)
        if parent_id is not None:
            parent = get_or_fail(session, AgendaItem, parent_id)
            if parent.parent_id is not None:
                raise ServiceError("Unterpunkte können keine weiteren Unterpunkte haben.")
        siblings = _siblings(session, meeting_id, parent_id)
        item = AgendaItem(
            meeting_id=meeting_id,
            parent_id=parent_id,
            position=-1,
            title=text,
            kind=kind,
            planned_minutes=max(0, int(planned_minutes)),
            presenter=clean_text(presenter, what="Vortragende", limit=200),
            description=description,
        )
        session.add(item)
        session.flush()
        index = len(siblings) if position is None else max(0, min(position - 1, len(siblings)))
        siblings.insert(index, item)
        _renumber(session, siblings)
        return item.id


def update_agenda_item(store: Store, /, item_id: str, **fields: Any) -> None:
    if "title" in fields:
        fields["title"] = clean_text(fields["title"], what="Der Titel", required=True, limit=500)
    if "result" in fields:
        fields["result"] = clean_text(fields["result"], what="Das Ergebnis", limit=MAX_RESULT_CHARS)
    if "planned_minutes" in fields:
        fields["planned_minutes"] = max(0, int(fields["planned_minutes"]))
    with unit_of_work(store) as session:
        apply_fields(editable_item(session, item_id), fields, ITEM_FIELDS)


def delete_agenda_item(store: Store, item_id: str) -> None:
    """Delete a TOP with its sub-items, unless decisions, tasks or reviews hang on it."""
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        ids = [item.id, *(c.id for c in item.children)]
        if _has_records(session, ids):
            raise ServiceError(
                "Der TOP hat schon Beschlüsse, Aufgaben oder eine Wiedervorlage und kann nicht "
                "gelöscht werden. Vertagen Sie ihn stattdessen."
            )
        siblings = [s for s in _siblings(session, item.meeting_id, item.parent_id) if s is not item]
        for copy in session.scalars(select(AgendaItem).where(AgendaItem.carried_from_id.in_(ids))):
            copy.carried_from_id = None  # a TOP carried over from this one stays, on its own
        session.delete(item)
        session.flush()
        _renumber(session, siblings)


def _has_records(session: Session, item_ids: list[str]) -> bool:
    for model, column in (
        (Decision, Decision.agenda_item_id),
        (Task, Task.origin_agenda_item_id),
        (TaskReview, TaskReview.agenda_item_id),
    ):
        if session.scalar(select(func.count()).select_from(model).where(column.in_(item_ids))):
            return True
    return False


SAME_PARENT = "same-parent"


def move_agenda_item(
    store: Store, item_id: str, position: int, *, parent_id: str | None = SAME_PARENT
) -> None:
    """Move a TOP to position (1-based) among the children of parent_id (default: same parent)."""
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        new_parent = item.parent_id if parent_id == SAME_PARENT else parent_id
        _move(session, item, new_parent, position)


def _move(session: Session, item: AgendaItem, new_parent: str | None, position: int) -> None:
    if new_parent is not None:
        parent = get_or_fail(session, AgendaItem, new_parent)
        if parent.id == item.id or parent.parent_id is not None or item.children:
            raise ServiceError("Ein TOP mit Unterpunkten kann kein Unterpunkt werden.")
        if parent.meeting_id != item.meeting_id:
            raise ServiceError("Ein TOP kann nur innerhalb seiner Sitzung verschoben werden.")
    old_siblings = [s for s in _siblings(session, item.meeting_id, item.parent_id) if s is not item]
    if new_parent == item.parent_id:
        new_siblings = old_siblings
    else:
        new_siblings = _siblings(session, item.meeting_id, new_parent)
        item.position = -999_999  # out of the way while it changes parent
        session.flush()
        item.parent_id = new_parent
        session.flush()
        _renumber(session, old_siblings)
    new_siblings = list(new_siblings)
    new_siblings.insert(max(0, min(position - 1, len(new_siblings))), item)
    _renumber(session, new_siblings)


def indent_agenda_item(store: Store, item_id: str) -> None:
    """Make a TOP the last sub-item of the TOP above it."""
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        if item.parent_id is not None:
            raise ServiceError("Der TOP ist schon ein Unterpunkt.")
        siblings = _siblings(session, item.meeting_id, None)
        index = siblings.index(item)
        if index == 0:
            raise ServiceError("Über dem ersten TOP steht kein TOP, unter den er rücken könnte.")
        above = siblings[index - 1]
        _move(session, item, above.id, len(above.children) + 1)


def outdent_agenda_item(store: Store, item_id: str) -> None:
    """Make a sub-item a TOP of its own, right after its former parent."""
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        if item.parent_id is None:
            raise ServiceError("Der TOP ist kein Unterpunkt.")
        parent = get_or_fail(session, AgendaItem, item.parent_id)
        _move(session, item, None, parent.position + 1)


def set_region_tags(store: Store, item_id: str, region_ids: list[str]) -> None:
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        wanted = list(dict.fromkeys(region_ids))
        for tag in list(item.region_tags):
            if tag.region_id not in wanted:
                item.region_tags.remove(tag)
        present = {t.region_id for t in item.region_tags}
        for region_id in wanted:
            if region_id not in present:
                item.region_tags.append(AgendaItemRegion(region_id=region_id))


def start_agenda_item(store: Store, item_id: str, at: datetime | None = None) -> None:
    """Start a TOP in the live view; a TOP still running in the meeting is ended at that moment."""
    now = at or datetime.now().replace(microsecond=0)
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        running = session.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == item.meeting_id,
                AgendaItem.actual_start.is_not(None),
                AgendaItem.actual_end.is_(None),
                AgendaItem.id != item.id,
            )
        )
        for other in running:
            other.actual_end = now
            if other.state == AgendaItemState.OPEN:
                other.state = AgendaItemState.TREATED
        if item.actual_start is None:
            item.actual_start = now
        item.actual_end = None


def end_agenda_item(store: Store, item_id: str, at: datetime | None = None) -> None:
    now = at or datetime.now().replace(microsecond=0)
    with unit_of_work(store) as session:
        item = editable_item(session, item_id)
        if item.actual_start is None:
            item.actual_start = now
        item.actual_end = now
        if item.state == AgendaItemState.OPEN:
            item.state = AgendaItemState.TREATED


@dataclass(frozen=True)
class TimePlan:
    """The planned timing of an agenda, by the one rule every screen and document uses.

    A TOP with sub-items lasts as long as its own planned minutes or its sub-items together,
    whichever is longer: the sub-items fill the TOP's frame, and only push what follows when they
    need more than it. Its sub-items start with it, one after another.
    """

    offsets: dict[str, int]  # item id -> minutes after the meeting's start
    minutes: dict[str, int]  # item id -> minutes the item takes (a parent: by the rule above)
    total_minutes: int
    start: datetime | None  # the meeting's planned start (day and time), if known
    announced_end: datetime | None

    def start_of(self, item_id: str) -> datetime | None:
        if self.start is None or item_id not in self.offsets:
            return None
        return self.start + timedelta(minutes=self.offsets[item_id])

    def end_of(self, item_id: str) -> datetime | None:
        begin = self.start_of(item_id)
        return None if begin is None else begin + timedelta(minutes=self.minutes[item_id])

    def minutes_after(self, item_id: str) -> int:
        """Planned minutes of the agenda still to come once the item is over."""
        return self.total_minutes - self.offsets[item_id] - self.minutes[item_id]

    @property
    def end(self) -> datetime | None:
        return None if self.start is None else self.start + timedelta(minutes=self.total_minutes)

    @property
    def over_minutes(self) -> int | None:
        """Minutes past the announced end (negative: buffer); None without start and end."""
        if self.end is None or self.announced_end is None:
            return None
        return int((self.end - self.announced_end).total_seconds() // 60)

    def late_items(self) -> list[str]:
        """Ids of the items planned to end after the announced end."""
        if self.announced_end is None:
            return []
        return [
            item_id
            for item_id in self.offsets
            if (end := self.end_of(item_id)) is not None and end > self.announced_end
        ]


def time_plan(
    items: Sequence[tuple[str, str | None, int]],
    start: datetime | None = None,
    announced_end: datetime | None = None,
) -> TimePlan:
    """The time plan of (id, parent id, planned minutes) in reading order (parents first)."""
    children: dict[str, list[tuple[str, int]]] = {}
    for item_id, parent_id, own in items:
        if parent_id is not None:
            children.setdefault(parent_id, []).append((item_id, max(0, own)))
    offsets: dict[str, int] = {}
    minutes: dict[str, int] = {}
    cursor = 0
    for item_id, parent_id, own in items:
        if parent_id is not None:
            continue
        subs = children.get(item_id, [])
        offsets[item_id] = cursor
        minutes[item_id] = max(max(0, own), sum(m for _, m in subs)) if subs else max(0, own)
        sub_cursor = cursor
        for sub_id, sub_minutes in subs:
            offsets[sub_id], minutes[sub_id] = sub_cursor, sub_minutes
            sub_cursor += sub_minutes
        cursor += minutes[item_id]
    if announced_end is not None and start is not None and announced_end < start:
        announced_end += timedelta(days=1)  # a meeting into the night
    return TimePlan(offsets, minutes, cursor, start, announced_end)


def agenda_time_plan(
    items: Sequence[AgendaItemInfo],
    day: date | None = None,
    start: time | None = None,
    announced_end: time | None = None,
) -> TimePlan:
    """The time plan of a meeting's agenda (see `TimePlan`)."""
    begin = datetime.combine(day, start) if day is not None and start is not None else None
    end = (
        datetime.combine(day, announced_end)
        if day is not None and announced_end is not None
        else None
    )
    return time_plan([(i.id, i.parent_id, i.planned_minutes) for i in items], begin, end)
