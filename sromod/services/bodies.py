"""Bodies (Gremien): their settings, standing agenda template and members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from sromod.models import (
    AgendaItemKind,
    Body,
    BodyKind,
    Meeting,
    MemberRole,
    Membership,
    Office,
    Person,
    StandingAgendaItem,
)
from sromod.services.body_info import BodyInfo as BodyInfo  # where callers find it
from sromod.services.common import apply_fields, clean_text, get_or_fail
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class StandingItemInfo:
    id: str
    position: int
    title: str
    kind: AgendaItemKind
    planned_minutes: int
    description: str | None
    version: int = 0  # what the window saw, for `concurrency.expecting`


@dataclass(frozen=True)
class MemberInfo:
    id: str
    person_id: str
    name: str
    office_code: str | None
    organisation: str | None
    function: str | None
    role: MemberRole
    voting: bool
    valid_from: date | None
    valid_to: date | None
    version: int = 0  # what the window saw, for `concurrency.expecting`

    def active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


BODY_FIELDS = {
    "name",
    "short_name",
    "kind",
    "region_id",
    "default_place",
    "default_start",
    "default_minutes",
    "moderator_id",
    "minute_taker_id",
    "organisational_unit",
    "quorum",
    "needs_attendance_list",
    "description",
    "active",
    "distribution",
}
STANDING_FIELDS = {"title", "kind", "planned_minutes", "description"}
MEMBER_FIELDS = {"role", "voting", "valid_from", "valid_to"}

# The standing TOPs of DESIGN.md, given to a new body unless told otherwise.
DEFAULT_STANDING_AGENDA: tuple[tuple[str, AgendaItemKind, int], ...] = (
    ("Begrüßung und Feststellung der Tagesordnung", AgendaItemKind.FORMAL, 5),
    ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.FORMAL, 5),
    ("Wiedervorlage: Stand der Aufgaben", AgendaItemKind.REVIEW, 20),
    ("Verschiedenes", AgendaItemKind.MISC, 10),
    ("Nächster Termin", AgendaItemKind.NEXT_DATE, 5),
)


def _body_info(b: Body, meeting_count: int = 0) -> BodyInfo:
    return BodyInfo(
        b.id,
        b.name,
        b.short_name,
        b.kind,
        b.region_id,
        b.default_place,
        b.default_start,
        b.default_minutes,
        b.moderator_id,
        b.minute_taker_id,
        b.organisational_unit,
        b.quorum,
        b.needs_attendance_list,
        b.active,
        meeting_count,
        b.distribution,
        b.version,
    )


def list_bodies(store: Store, *, active_only: bool = False) -> list[BodyInfo]:
    counts = select(Meeting.body_id, func.count().label("n")).group_by(Meeting.body_id).subquery()
    with store.session() as session:
        query = (
            select(Body, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.body_id == Body.id)
            .order_by(Body.kind, Body.name)
        )
        if active_only:
            query = query.where(Body.active.is_(True))
        return [_body_info(b, n) for b, n in session.execute(query)]


def get_body(store: Store, body_id: str) -> BodyInfo:
    with store.session() as session:
        return _body_info(get_or_fail(session, Body, body_id))


def create_body(
    store: Store,
    /,
    name: str,
    short_name: str,
    kind: BodyKind = BodyKind.WORKING_GROUP,
    *,
    standing_agenda: bool = True,
    **fields: Any,
) -> str:
    name_text = clean_text(name, what="Der Name des Gremiums", required=True, limit=200)
    short = clean_text(short_name, what="Die Kurzbezeichnung", required=True, limit=60)
    with unit_of_work(store) as session:
        _refuse_taken_short_name(session, short)
        body = Body(name=name_text, short_name=short, kind=kind)
        apply_fields(body, fields, BODY_FIELDS)
        session.add(body)
        if standing_agenda:
            for position, (title, item_kind, minutes) in enumerate(DEFAULT_STANDING_AGENDA, 1):
                body.standing_items.append(
                    StandingAgendaItem(
                        position=position, title=title, kind=item_kind, planned_minutes=minutes
                    )
                )
        session.flush()
        return body.id


def _refuse_taken_short_name(session: Any, short: str | None, except_id: str | None = None) -> None:
    """Short names are unique regardless of case: "ag sro/3" names a meeting of "AG SRO"."""
    key = (short or "").casefold()
    for body_id, existing in session.execute(select(Body.id, Body.short_name)):
        if body_id == except_id or existing.casefold() != key:
            continue
        if existing == short:
            raise ServiceError(f"Die Kurzbezeichnung „{short}“ ist schon vergeben.")
        raise ServiceError(
            f"Die Kurzbezeichnung „{short}“ ist schon vergeben: als „{existing}“ "
            "(Groß- und Kleinschreibung zählen dabei nicht)."
        )


def update_body(store: Store, /, body_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        body = get_or_fail(session, Body, body_id)
        if "short_name" in fields:
            short = clean_text(fields["short_name"], what="Die Kurzbezeichnung", required=True)
            _refuse_taken_short_name(session, short, except_id=body_id)
            fields["short_name"] = short
        if "name" in fields:
            fields["name"] = clean_text(fields["name"], what="Der Name", required=True, limit=200)
        if "distribution" in fields:
            fields["distribution"] = clean_text(
                fields["distribution"], what="Der Verteiler", limit=4000
            )
        if fields.get("quorum") is not None and fields["quorum"] < 0:
            raise ServiceError("Die Beschlussfähigkeit braucht eine Zahl ab 0.")
        apply_fields(body, fields, BODY_FIELDS)


def list_standing_items(store: Store, body_id: str) -> list[StandingItemInfo]:
    with store.session() as session:
        rows = session.scalars(
            select(StandingAgendaItem)
            .where(StandingAgendaItem.body_id == body_id)
            .order_by(StandingAgendaItem.position)
        )
        return [
            StandingItemInfo(
                s.id, s.position, s.title, s.kind, s.planned_minutes, s.description, s.version
            )
            for s in rows
        ]


def add_standing_item(
    store: Store,
    body_id: str,
    title: str,
    kind: AgendaItemKind = AgendaItemKind.DISCUSSION,
    planned_minutes: int = 10,
    *,
    position: int | None = None,
) -> str:
    text = clean_text(title, what="Der Titel", required=True, limit=300)
    with unit_of_work(store) as session:
        body = get_or_fail(session, Body, body_id)
        items = list(body.standing_items)
        new = StandingAgendaItem(
            body_id=body_id, title=text, kind=kind, planned_minutes=max(0, planned_minutes)
        )
        index = len(items) if position is None else max(0, min(position - 1, len(items)))
        items.insert(index, new)
        session.add(new)
        _renumber(session, items)
        session.flush()
        return new.id


def update_standing_item(store: Store, /, item_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        item = get_or_fail(session, StandingAgendaItem, item_id)
        if "title" in fields:
            fields["title"] = clean_text(fields["title"], what="Der Titel", required=True)
        apply_fields(item, fields, STANDING_FIELDS)


def move_standing_item(store: Store, item_id: str, new_position: int) -> None:
    with unit_of_work(store) as session:
        item = get_or_fail(session, StandingAgendaItem, item_id)
        items = [i for i in item.body.standing_items if i.id != item_id]
        items.insert(max(0, min(new_position - 1, len(items))), item)
        _renumber(session, items)


def delete_standing_item(store: Store, item_id: str) -> None:
    with unit_of_work(store) as session:
        item = get_or_fail(session, StandingAgendaItem, item_id)
        remaining = [i for i in item.body.standing_items if i.id != item_id]
        session.delete(item)
        session.flush()
        _renumber(session, remaining)


def _renumber(session: Any, items: list[Any]) -> None:
    """Give items positions 1..n; two flushes so the unique (parent, position) never clashes."""
    changed = [(i, pos) for pos, i in enumerate(items, 1) if i.position != pos]
    if not changed:
        return
    for item, pos in changed:
        item.position = -1_000_000 - pos  # unique within the list, clear of any real position
    session.flush()
    for item, pos in changed:
        item.position = pos
    session.flush()


def list_members(store: Store, body_id: str, *, on: date | None = None) -> list[MemberInfo]:
    with store.session() as session:
        query = (
            select(Membership, Person, Office.code)
            .join(Person, Membership.person_id == Person.id)
            .outerjoin(Office, Person.office_id == Office.id)
            .where(Membership.body_id == body_id)
            .order_by(Membership.role, Person.name)
        )
        members = [
            MemberInfo(
                m.id,
                p.id,
                p.name,
                code,
                p.organisation,
                p.function,
                m.role,
                m.voting,
                m.valid_from,
                m.valid_to,
                m.version,
            )
            for m, p, code in session.execute(query)
        ]
    return [m for m in members if on is None or m.active_on(on)]


def add_member(
    store: Store,
    body_id: str,
    person_id: str,
    role: MemberRole = MemberRole.MEMBER,
    *,
    voting: bool = True,
    valid_from: date | None = None,
) -> str:
    with unit_of_work(store) as session:
        get_or_fail(session, Body, body_id)
        get_or_fail(session, Person, person_id)
        current = session.scalars(
            select(Membership).where(
                Membership.body_id == body_id,
                Membership.person_id == person_id,
                Membership.valid_to.is_(None),
            )
        ).first()
        if current is not None:
            raise ServiceError("Die Person ist bereits Mitglied dieses Gremiums.")
        member = Membership(
            body_id=body_id, person_id=person_id, role=role, voting=voting, valid_from=valid_from
        )
        session.add(member)
        session.flush()
        return member.id


def update_member(store: Store, /, membership_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        apply_fields(get_or_fail(session, Membership, membership_id), fields, MEMBER_FIELDS)


def end_membership(store: Store, membership_id: str, on: date | None = None) -> None:
    """End a membership (kept for old meetings' attendance)."""
    with unit_of_work(store) as session:
        get_or_fail(session, Membership, membership_id).valid_to = on or date.today()


def remove_member(store: Store, membership_id: str) -> None:
    with unit_of_work(store) as session:
        session.delete(get_or_fail(session, Membership, membership_id))
