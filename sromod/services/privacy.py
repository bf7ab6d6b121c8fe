"""Data protection: anonymising people, and the retention rule for guests and external people.

Anonymising keeps every row that old minutes are built from (attendance lines, decisions,
tasks, votes); only what identifies the person goes. Deleting is offered for guests only where
nothing else refers to them, so an old set of minutes never loses a task or a moderator.
"""

from __future__ import annotations

import calendar
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from sromod.models import Attendance, Body, Meeting, Membership, Person, Task, utcnow
from sromod.services.common import get_or_fail
from sromod.services.directory import get_setting, set_setting
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.store import Store, backup
from sromod.store.backup import backups_holding as list_backups_holding

log = logging.getLogger(__name__)

ANONYMISED_NAME = "Teilnehmende:r (anonymisiert)"
RETENTION_KEY = "guest_retention_months"
GUEST = "gast"
PERSON = "person"

ExpiryMode = Literal["anonymise", "delete"]


@dataclass(frozen=True)
class ExpiryCandidate:
    """A guest or external person the retention rule would remove, for the preview."""

    kind: str  # GUEST (lines of a guest in attendance lists) or PERSON (external person)
    ids: tuple[str, ...]  # attendance ids for a guest, the person id for a person
    name: str
    organisation: str | None
    last_seen: date | None  # date of the last meeting attended; None: never attended
    attendances: int = 0  # attendance lines, for the preview


@dataclass(frozen=True)
class ExpiryResult:
    anonymised: int  # guest lines and people anonymised
    deleted: int  # guest lines and people deleted


def anonymise_person(store: Store, person_id: str) -> None:
    """Replace a person's name, erase their contact data; keep what they took part in.

    The old values are erased from the file too (zeroed free space, merged search index,
    emptied WAL); older backups still hold them: see `backups_with_old_data`.
    """
    with unit_of_work(store) as session:
        _anonymise(get_or_fail(session, Person, person_id))
    store.erase_deleted_traces()
    log.info("A person was anonymised")


def backups_with_old_data(store: Store, person_id: str) -> list[Path]:
    """The store's backups that still hold the person's name and contact data (newest first)."""
    return list_backups_holding(
        store.path,
        f"SELECT 1 FROM {Person.__tablename__} WHERE id = ? AND anonymised_at IS NULL",
        (person_id,),
    )


def replace_backups(store: Store, backups: list[Path]) -> Path:
    """Write a fresh backup (without the erased data), then delete the given older ones."""
    fresh = backup.replace_backups(store.path, backups)
    log.info("%d backup(s) replaced by a fresh one after an erasure", len(backups))
    return fresh


def _anonymise(person: Person) -> None:
    person.name = ANONYMISED_NAME
    person.email = None
    person.phone = None
    person.function = None
    person.organisation = None
    person.contact_consent = False
    person.consent_on = None
    person.active = False
    if person.anonymised_at is None:
        person.anonymised_at = utcnow()


def retention_months(store: Store) -> int | None:
    """The retention period for guests in months (setting), None when none is set."""
    value = get_setting(store, RETENTION_KEY)
    try:
        months = int(value) if value else 0
    except ValueError:
        return None
    return months if months > 0 else None


def set_retention_months(store: Store, months: int | None) -> None:
    if months is not None and not 1 <= months <= 1200:
        raise ServiceError("Die Aufbewahrungsfrist muss zwischen 1 und 1200 Monaten liegen.")
    set_setting(store, RETENTION_KEY, str(months) if months else None)


def cutoff_date(months: int, today: date | None = None) -> date:
    """The day `months` calendar months before today (the month's last day if it is shorter)."""
    today = today or date.today()
    year, month0 = divmod(today.year * 12 + today.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(today.day, last_day))


def _months(store: Store, months: int | None) -> int:
    found = months if months is not None else retention_months(store)
    if not found or found < 1:
        raise ServiceError("Es ist keine Aufbewahrungsfrist für Gäste eingestellt.")
    return found


def guests_to_expire(
    store: Store, months: int | None = None, *, today: date | None = None
) -> list[ExpiryCandidate]:
    """Preview: guests and external people not seen for `months` (default: the setting)."""
    cutoff = cutoff_date(_months(store, months), today)
    with store.session() as session:
        return _guest_candidates(session, cutoff) + _person_candidates(session, cutoff, today)


def _guest_candidates(session: Session, cutoff: date) -> list[ExpiryCandidate]:
    """Guest lines grouped by name: a guest seen recently keeps all their lines."""
    rows = session.execute(
        select(Attendance.id, Attendance.guest_name, Attendance.guest_organisation, Meeting.date)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Attendance.person_id.is_(None),
            Attendance.guest_name.is_not(None),
            Attendance.guest_name != ANONYMISED_NAME,
        )
        .order_by(Meeting.date)
    ).all()
    groups: dict[str, list[tuple[str, str, str | None, date]]] = defaultdict(list)
    for row in rows:
        line = (row[0], row[1] or "", row[2], row[3])
        groups[" ".join(line[1].split()).casefold()].append(line)
    found = []
    for lines in groups.values():
        last = lines[-1]
        if last[3] < cutoff:
            found.append(
                ExpiryCandidate(
                    GUEST, tuple(line[0] for line in lines), last[1], last[2], last[3], len(lines)
                )
            )
    return found


def _person_candidates(session: Session, cutoff: date, today: date | None) -> list[ExpiryCandidate]:
    """External people without a current membership whose last attendance is before cutoff."""
    today = today or date.today()
    last_seen = (
        select(func.max(Meeting.date))
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Attendance.person_id == Person.id)
        .scalar_subquery()
    )
    attended = (
        select(func.count(Attendance.id)).where(Attendance.person_id == Person.id).scalar_subquery()
    )
    current_member = exists().where(
        Membership.person_id == Person.id,
        or_(Membership.valid_to.is_(None), Membership.valid_to >= today),
    )
    rows = session.execute(
        select(Person.id, Person.name, Person.organisation, Person.created_at, last_seen, attended)
        .where(Person.external.is_(True), Person.anonymised_at.is_(None), ~current_member)
        .order_by(Person.name)
    ).all()
    return [
        ExpiryCandidate(PERSON, (pid,), name, organisation, seen, count)
        for pid, name, organisation, created, seen, count in rows
        if (seen or created.date()) < cutoff
    ]


def expire_guests(
    store: Store,
    months: int | None = None,
    mode: ExpiryMode = "anonymise",
    *,
    today: date | None = None,
) -> ExpiryResult:
    """Apply the retention rule: anonymise or delete what `guests_to_expire` lists.

    In "delete" mode a person still named in tasks, meetings or bodies is anonymised instead,
    so no old minutes lose an entry.
    """
    if mode not in ("anonymise", "delete"):
        raise ServiceError("Unbekannte Art der Löschung.")
    candidates = guests_to_expire(store, months, today=today)
    done = {"anonymise": 0, "delete": 0}
    with unit_of_work(store) as session:
        for candidate in candidates:
            action, count = _expire(session, candidate, mode)
            done[action] += count
    store.erase_deleted_traces()
    log.info("Retention rule applied: %d anonymised, %d deleted", done["anonymise"], done["delete"])
    return ExpiryResult(done["anonymise"], done["delete"])


def _expire(session: Session, candidate: ExpiryCandidate, mode: ExpiryMode) -> tuple[str, int]:
    """Anonymise or delete one candidate; return what was done and to how many rows."""
    if candidate.kind == GUEST:
        for line_id in candidate.ids:
            line = session.get(Attendance, line_id)
            if line is None:
                continue
            if mode == "delete":
                session.delete(line)
            else:
                _anonymise_guest_line(line)
        return mode, len(candidate.ids)
    person_id = candidate.ids[0]
    if mode == "delete" and _deletable(session, person_id):
        _delete_person(session, person_id)
        return "delete", 1
    _anonymise(get_or_fail(session, Person, person_id))
    return "anonymise", 1


def _anonymise_guest_line(line: Attendance) -> None:
    line.guest_name = ANONYMISED_NAME
    line.guest_organisation = None
    line.represented_by = None


def _deletable(session: Session, person_id: str) -> bool:
    """Nothing but attendance lines and ended memberships refer to the person."""
    referring = (
        select(Task.id).where(Task.person_id == person_id),
        select(Meeting.id).where(
            or_(Meeting.moderator_id == person_id, Meeting.minute_taker_id == person_id)
        ),
        select(Body.id).where(
            or_(Body.moderator_id == person_id, Body.minute_taker_id == person_id)
        ),
    )
    return not any(session.execute(query.limit(1)).first() for query in referring)


def _delete_person(session: Session, person_id: str) -> None:
    for model in (Attendance, Membership):
        for row in session.scalars(select(model).where(model.person_id == person_id)):
            session.delete(row)
    session.flush()
    session.delete(get_or_fail(session, Person, person_id))
