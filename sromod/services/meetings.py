"""Meetings: planning from the body's template, numbering, state changes, carry-over of tasks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sromod.models import (
    PENDING_TASK_STATUSES,
    AgendaItem,
    AgendaItemKind,
    AgendaItemState,
    Body,
    Meeting,
    MeetingState,
    Person,
    Task,
    TaskReview,
)
from sromod.services.common import apply_fields, clean_text, editable_meeting, get_or_fail
from sromod.services.concurrency import serialise_numbering
from sromod.services.errors import NotFound, ServiceError
from sromod.services.untreated import carry_postponed, close_untreated
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class MeetingInfo:
    id: str
    body_id: str
    body_name: str
    body_short_name: str
    number: int
    date: dt.date
    planned_start: time | None
    planned_end: time | None
    actual_start: datetime | None
    actual_end: datetime | None
    place: str | None
    moderator_id: str | None
    moderator_name: str | None
    minute_taker_id: str | None
    minute_taker_name: str | None
    state: MeetingState
    next_date: dt.date | None
    next_note: str | None
    version: int  # what the window saw, for `concurrency.expecting`
    reply_by: dt.date | None = None  # "Rückmeldung bis"; None: five working days before

    @property
    def ref(self) -> str:
        return f"{self.body_short_name}/{self.number}"


MEETING_FIELDS = {
    "date",
    "planned_start",
    "planned_end",
    "place",
    "moderator_id",
    "minute_taker_id",
    "next_date",
    "next_note",
    "notes",
    "reply_by",
}

ALLOWED_TRANSITIONS: dict[MeetingState, set[MeetingState]] = {
    MeetingState.PLANNED: {MeetingState.INVITED, MeetingState.RUNNING, MeetingState.CANCELLED},
    MeetingState.INVITED: {MeetingState.PLANNED, MeetingState.RUNNING, MeetingState.CANCELLED},
    MeetingState.RUNNING: {MeetingState.HELD},
    MeetingState.HELD: {MeetingState.RELEASED, MeetingState.RUNNING},
    MeetingState.RELEASED: {MeetingState.HELD},
    MeetingState.CANCELLED: {MeetingState.PLANNED},
}


def _meeting_query() -> Any:
    moderator, taker = aliased(Person), aliased(Person)
    return (
        select(Meeting, Body.name, Body.short_name, moderator.name, taker.name)
        .join(Body, Meeting.body_id == Body.id)
        .outerjoin(moderator, Meeting.moderator_id == moderator.id)
        .outerjoin(taker, Meeting.minute_taker_id == taker.id)
    )


def _info(row: Any) -> MeetingInfo:
    m, body_name, short, moderator, taker = row
    return MeetingInfo(
        m.id,
        m.body_id,
        body_name,
        short,
        m.number,
        m.date,
        m.planned_start,
        m.planned_end,
        m.actual_start,
        m.actual_end,
        m.place,
        m.moderator_id,
        moderator,
        m.minute_taker_id,
        taker,
        m.state,
        m.next_date,
        m.next_note,
        m.version,
        m.reply_by,
    )


def list_meetings(store: Store, body_id: str | None = None) -> list[MeetingInfo]:
    """Meetings, newest first."""
    with store.session() as session:
        query = _meeting_query().order_by(Meeting.date.desc(), Meeting.number.desc())
        if body_id:
            query = query.where(Meeting.body_id == body_id)
        return [_info(row) for row in session.execute(query)]


def get_meeting(store: Store, meeting_id: str) -> MeetingInfo:
    with store.session() as session:
        row = session.execute(_meeting_query().where(Meeting.id == meeting_id)).first()
        if row is None:
            raise NotFound("Die Sitzung wurde nicht gefunden (vielleicht inzwischen gelöscht).")
        return _info(row)


def resolve_meeting_ref(store: Store, ref: str) -> str:
    """A meeting's id from its UUID or "KURZNAME/NUMMER" (e.g. "AG SRO/12")."""
    text = ref.strip()
    with store.session() as session:
        if session.get(Meeting, text) is not None:
            return text
        short, _, number = text.rpartition("/")
        # ASCII digits only, and few of them: "²" is a digit to Python but no number, and
        # "99999999999999999999" does not fit SQLite's integers (an OverflowError).
        if short and re.fullmatch(r"[0-9]{1,9}", number.strip()):
            found = _meeting_by_short_name(session, short.strip(), int(number))
            if found:
                return found
    raise NotFound(
        f"Die Sitzung „{ref}“ wurde nicht gefunden. Angabe als ID oder als "
        "„Kurzname/Nummer“, z. B. „AG SRO/12“."
    )


def _meeting_by_short_name(session: Session, short: str, number: int) -> str | None:
    """Short names compare regardless of case, umlauts included (SQL's lower() folds ASCII only)."""
    key = short.casefold()
    bodies = [
        body_id
        for body_id, name in session.execute(select(Body.id, Body.short_name))
        if name.casefold() == key
    ]
    if len(bodies) > 1:  # only in a store that skipped the unique index (written by hand)
        raise ServiceError(
            f"„{short}“ passt auf mehrere Gremien; geben Sie die Sitzung mit ihrer ID an."
        )
    if not bodies:
        return None
    return session.scalars(
        select(Meeting.id).where(Meeting.body_id == bodies[0], Meeting.number == number)
    ).first()


def plan_meeting(
    store: Store,
    body_id: str,
    day: date,
    *,
    planned_start: time | None = None,
    place: str | None = None,
    carried_tops: Sequence[str] = (),
) -> str:
    """A new meeting of the body: next number, defaults and agenda from the body's template.

    The Wiedervorlage TOP of the template receives the body's pending tasks; `carried_tops`
    (postponed TOPs of the last meeting, see `untreated.postponed_tops`) join the agenda.
    """
    with unit_of_work(store) as session:
        body = get_or_fail(session, Body, body_id)
        serialise_numbering(session, f"meetings {body_id}")
        number = (
            session.scalar(select(func.max(Meeting.number)).where(Meeting.body_id == body_id)) or 0
        ) + 1
        start = planned_start or body.default_start or time(10, 0)
        end = (datetime.combine(day, start) + timedelta(minutes=body.default_minutes)).time()
        meeting = Meeting(
            body_id=body_id,
            number=number,
            date=day,
            planned_start=start,
            planned_end=end,
            place=place or body.default_place,
            moderator_id=body.moderator_id,
            minute_taker_id=body.minute_taker_id,
            state=MeetingState.PLANNED,
        )
        session.add(meeting)
        for item in body.standing_items:
            meeting.agenda_items.append(
                AgendaItem(
                    position=item.position,
                    title=item.title,
                    kind=item.kind,
                    planned_minutes=item.planned_minutes,
                    description=item.description,
                )
            )
        session.flush()
        carry_postponed(session, meeting, carried_tops)
        for top in meeting.agenda_items:
            if top.kind == AgendaItemKind.REVIEW:
                carry_over(session, meeting, top)
                break
        return meeting.id


def carry_over(session: Session, meeting: Meeting, review_item: AgendaItem) -> int:
    """Put the body's pending tasks into the review TOP; tasks already there are not repeated."""
    already = set(
        session.scalars(
            select(TaskReview.task_id).where(TaskReview.agenda_item_id == review_item.id)
        )
    )
    position = len(already)
    tasks = session.scalars(
        select(Task)
        .join(AgendaItem, Task.origin_agenda_item_id == AgendaItem.id, isouter=True)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id, isouter=True)
        .where(
            Task.body_id == meeting.body_id,
            Task.status.in_(PENDING_TASK_STATUSES),
            # a task born in this very meeting is not yet up for review
            (Meeting.id.is_(None)) | (Meeting.id != meeting.id),
        )
        .order_by(Task.due_date.is_(None), Task.due_date, Task.register_number)
    )
    added = 0
    for task in tasks:
        if task.id in already:
            continue
        position += 1
        session.add(
            TaskReview(
                agenda_item_id=review_item.id,
                task_id=task.id,
                position=position,
                status_before=task.status,
            )
        )
        added += 1
    session.flush()
    return added


def carry_over_open_tasks(store: Store, meeting_id: str) -> int:
    """Add tasks that became pending since planning to the meeting's Wiedervorlage TOP."""
    with unit_of_work(store) as session:
        meeting = editable_meeting(session, meeting_id)
        review = next((t for t in meeting.agenda_items if t.kind == AgendaItemKind.REVIEW), None)
        if review is None:
            raise ServiceError("Die Sitzung hat keinen TOP „Wiedervorlage“.")
        return carry_over(session, meeting, review)


def update_meeting(store: Store, /, meeting_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        meeting = editable_meeting(session, meeting_id)
        if "place" in fields:
            fields["place"] = clean_text(fields["place"], what="Der Ort", limit=200)
        reply_by, day = fields.get("reply_by"), fields.get("date", meeting.date)
        if reply_by is not None and reply_by >= day:
            raise ServiceError("„Rückmeldung bis“ muss vor dem Tag der Sitzung liegen.")
        before = _calendar_fields(meeting)
        apply_fields(meeting, fields, MEETING_FIELDS)
        if _calendar_fields(meeting) != before:
            meeting.ics_sequence += 1


# What a calendar entry shows of a meeting: a change re-sends it with a higher SEQUENCE.
CALENDAR_FIELDS = ("date", "planned_start", "planned_end", "place")


def _calendar_fields(meeting: Meeting) -> tuple[Any, ...]:
    return tuple(getattr(meeting, name) for name in CALENDAR_FIELDS)


def set_meeting_state(
    store: Store,
    meeting_id: str,
    state: MeetingState,
    *,
    at: datetime | None = None,
    untreated: AgendaItemState | None = None,
) -> None:
    """Move the meeting along geplant → eingeladen → läuft → durchgeführt → freigegeben.

    Ending a meeting gives the TOPs it did not reach the state `untreated` (vertagt or nicht
    behandelt); without it they stay open.
    """
    now = at or datetime.now().replace(microsecond=0)
    with unit_of_work(store) as session:
        meeting = get_or_fail(session, Meeting, meeting_id)
        if state == meeting.state:
            return
        if state not in ALLOWED_TRANSITIONS[meeting.state]:
            raise ServiceError(
                f"Eine Sitzung im Stand „{meeting.state.label}“ kann nicht „{state.label}“ werden."
            )
        if state == MeetingState.INVITED:
            meeting.invited_at = now
        elif state == MeetingState.RUNNING and meeting.actual_start is None:
            meeting.actual_start = now
        elif state == MeetingState.HELD and meeting.state == MeetingState.RUNNING:
            meeting.actual_end = now
            _close_running_item(meeting, now)
            if untreated is not None:
                close_untreated(session, meeting, untreated)
        elif state == MeetingState.RELEASED:
            meeting.released_at = now
        if meeting.state == MeetingState.RELEASED:
            meeting.released_at = None
        if MeetingState.CANCELLED in (state, meeting.state):
            meeting.ics_sequence += 1  # the calendar entry is cancelled, or comes back
        meeting.state = state


def _close_running_item(meeting: Meeting, now: datetime) -> None:
    for item in meeting.agenda_items:
        for top in (item, *item.children):
            if top.actual_start is not None and top.actual_end is None:
                top.actual_end = now
                if top.state == AgendaItemState.OPEN:
                    top.state = AgendaItemState.TREATED


def start_meeting(store: Store, meeting_id: str, at: datetime | None = None) -> None:
    set_meeting_state(store, meeting_id, MeetingState.RUNNING, at=at)


def end_meeting(
    store: Store,
    meeting_id: str,
    at: datetime | None = None,
    untreated: AgendaItemState | None = None,
) -> None:
    """End the meeting; the TOPs it did not reach become `untreated` (see `untreated_tops`)."""
    set_meeting_state(store, meeting_id, MeetingState.HELD, at=at, untreated=untreated)


def release_minutes(store: Store, meeting_id: str, at: datetime | None = None) -> None:
    set_meeting_state(store, meeting_id, MeetingState.RELEASED, at=at)


def delete_meeting(store: Store, meeting_id: str) -> None:
    """Delete a meeting that has not taken place (nothing recorded yet)."""
    with unit_of_work(store) as session:
        meeting = get_or_fail(session, Meeting, meeting_id)
        if meeting.state not in (MeetingState.PLANNED, MeetingState.CANCELLED):
            raise ServiceError(
                "Nur geplante oder abgesagte Sitzungen können gelöscht werden; "
                "eine durchgeführte Sitzung bleibt im Register."
            )
        item_ids = [i.id for i in meeting.agenda_items] + [
            c.id for i in meeting.agenda_items for c in i.children
        ]
        if item_ids and session.scalar(
            select(func.count()).select_from(Task).where(Task.origin_agenda_item_id.in_(item_ids))
        ):
            raise ServiceError("Die Sitzung hat schon Aufgaben und kann nicht gelöscht werden.")
        for review in session.scalars(
            select(TaskReview).where(TaskReview.agenda_item_id.in_(item_ids))
        ):
            session.delete(review)
        for copy in session.scalars(
            select(AgendaItem).where(AgendaItem.carried_from_id.in_(item_ids))
        ):
            copy.carried_from_id = None
        session.flush()
        session.delete(meeting)
