"""TOPs a meeting did not reach: found at its end, closed or postponed, offered to the next one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sromod.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemState,
    Decision,
    Meeting,
    MeetingState,
    Task,
    TaskReview,
)
from sromod.services.errors import ServiceError
from sromod.services.wording import top_number
from sromod.store import Store

# TOPs every agenda brings from the body's standing agenda: not carried over a second time
STANDING_KINDS = (
    AgendaItemKind.FORMAL,
    AgendaItemKind.REVIEW,
    AgendaItemKind.MISC,
    AgendaItemKind.NEXT_DATE,
)
# what the moderator may choose for the TOPs left at the end of a meeting
UNTREATED_CHOICES = (AgendaItemState.POSTPONED, AgendaItemState.NOT_TREATED)


@dataclass(frozen=True)
class UntreatedTop:
    id: str
    number: str  # "6" or "4.2"
    title: str


@dataclass(frozen=True)
class PostponedTop:
    """A TOP postponed at the body's last meeting, not yet on a later agenda."""

    id: str
    meeting_number: int
    meeting_date: date
    number: str
    title: str
    planned_minutes: int


def _numbered(items: Sequence[AgendaItem]) -> dict[str, str]:
    by_id = {i.id: i for i in items}
    return {
        i.id: top_number(i.position, by_id[i.parent_id].position if i.parent_id else None)
        for i in items
    }


def _reached(session: Session, items: Sequence[AgendaItem]) -> set[str]:
    """Ids of the items the meeting evidently dealt with, though maybe not through the live view."""
    ids = [i.id for i in items]
    reached = {i.id for i in items if i.actual_start is not None or (i.result or "").strip()}
    reached |= set(
        session.scalars(select(Decision.agenda_item_id).where(Decision.agenda_item_id.in_(ids)))
    )
    reached |= {
        x
        for x in session.scalars(
            select(Task.origin_agenda_item_id).where(Task.origin_agenda_item_id.in_(ids))
        )
        if x
    }
    reached |= set(
        session.scalars(
            select(TaskReview.agenda_item_id).where(
                TaskReview.agenda_item_id.in_(ids), TaskReview.status_after.is_not(None)
            )
        )
    )
    return reached


def _untreated(session: Session, meeting_id: str) -> list[AgendaItem]:
    """Open TOPs never reached, in reading order; a TOP counts only with all its sub-items."""
    items = list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)))
    reached = _reached(session, items)
    children: dict[str, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)

    def left(item: AgendaItem) -> bool:
        return item.state == AgendaItemState.OPEN and item.id not in reached

    found: list[AgendaItem] = []
    for top in sorted((i for i in items if i.parent_id is None), key=lambda i: i.position):
        subs = sorted(children.get(top.id, []), key=lambda i: i.position)
        if left(top) and all(left(s) for s in subs):
            found.append(top)
        else:
            found.extend(s for s in subs if left(s))
    return found


def untreated_tops(store: Store, meeting_id: str) -> list[UntreatedTop]:
    """The TOPs the end of the meeting would leave open (sub-items of such a TOP go with it)."""
    with store.session() as session:
        found = _untreated(session, meeting_id)
        all_items = session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        ).all()
        numbers = _numbered(all_items)
        return [UntreatedTop(i.id, numbers[i.id], i.title) for i in found]


def close_untreated(session: Session, meeting: Meeting, state: AgendaItemState) -> int:
    """Give the TOPs not reached (and their sub-items) the moderator's choice; returns how many."""
    if state not in UNTREATED_CHOICES:
        raise ServiceError(
            "Nicht behandelte TOPs werden vertagt oder als nicht behandelt geschlossen."
        )
    found = _untreated(session, meeting.id)
    for item in found:
        for top in (item, *item.children):
            top.state = state
    return len(found)


def postponed_tops(store: Store, body_id: str) -> list[PostponedTop]:
    """TOPs postponed at the body's last meeting that took place, not yet carried over.

    Formalities, Wiedervorlage, Verschiedenes and Nächster Termin are left out: the new agenda
    has its own from the standing agenda.
    """
    with store.session() as session:
        last = session.scalars(
            select(Meeting)
            .where(
                Meeting.body_id == body_id,
                Meeting.state.in_((MeetingState.HELD, MeetingState.RELEASED)),
            )
            .order_by(Meeting.number.desc())
            .limit(1)
        ).first()
        if last is None:
            return []
        carried = set(
            session.scalars(
                select(AgendaItem.carried_from_id).where(AgendaItem.carried_from_id.is_not(None))
            )
        )
        numbers = _numbered(last.agenda_items + [c for i in last.agenda_items for c in i.children])
        return [
            PostponedTop(i.id, last.number, last.date, numbers[i.id], i.title, _minutes(i))
            for i in _reading_order(last)
            if i.state == AgendaItemState.POSTPONED
            and i.id not in carried
            and i.kind not in STANDING_KINDS
            and not (i.parent is not None and i.parent.state == AgendaItemState.POSTPONED)
        ]


def _carried_title(item: AgendaItem) -> str:
    """A sub-item carried over on its own keeps its TOP's title in front ("Kiezkasse: Jury")."""
    if item.parent is None:
        return item.title
    return f"{item.parent.title}: {item.title}"[:500]


def _reading_order(meeting: Meeting) -> list[AgendaItem]:
    tops = [i for i in meeting.agenda_items if i.parent_id is None]
    return [x for top in tops for x in (top, *top.children)]


def _minutes(item: AgendaItem) -> int:
    return max(item.planned_minutes, sum(c.planned_minutes for c in item.children))


def carry_postponed(session: Session, meeting: Meeting, item_ids: Sequence[str]) -> None:
    """Put postponed TOPs on the new meeting's agenda, before "Verschiedenes" / "Nächster Termin".

    Each keeps its title, description, presenter, kind and time, with its sub-items, and points
    back to the TOP it comes from.
    """
    if not item_ids:
        return
    tops = [t for t in meeting.agenda_items if t.parent_id is None]
    closing = (AgendaItemKind.MISC, AgendaItemKind.NEXT_DATE)
    index = len(tops)
    while index > 0 and tops[index - 1].kind in closing:
        index -= 1
    for n, top in enumerate(tops, 1):
        top.position = -n  # out of the way of the unique positions while they move
    session.flush()
    new: list[AgendaItem] = []
    sources = [session.get(AgendaItem, source_id) for source_id in dict.fromkeys(item_ids)]
    with session.no_autoflush:
        for source in sources:
            if source is None or source.state != AgendaItemState.POSTPONED:
                continue
            copy = _copy(source, meeting, -1000 - len(new))
            copy.title = _carried_title(source)
            session.add(copy)
            for n, child in enumerate(list(source.children), 1):
                sub = _copy(child, meeting, n)
                sub.parent = copy
                session.add(sub)
            new.append(copy)
    session.flush()
    for n, top in enumerate(tops[:index] + new + tops[index:], 1):
        top.position = n
    session.flush()


def _copy(source: AgendaItem, meeting: Meeting, position: int) -> AgendaItem:
    return AgendaItem(
        meeting=meeting,
        position=position,
        title=source.title,
        description=source.description,
        presenter=source.presenter,
        kind=source.kind,
        planned_minutes=source.planned_minutes,
        carried_from_id=source.id,
    )
