"""What the letters of a meeting (invitation, Absage) and the minutes' footer add to MinutesData.

The contact person is the meeting's moderator (else the body's), with phone and e-mail only when
that person consented to showing them. "Rückmeldung bis" defaults to five working days before the
meeting, so that the moderator knows in time who comes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sromod.models import Body, Meeting, Office, Person
from sromod.services.errors import NotFound
from sromod.store import Store

log = logging.getLogger(__name__)

REPLY_WORKING_DAYS = 5


@dataclass(frozen=True)
class ContactPerson:
    name: str
    office: str
    function: str
    phone: str  # empty unless the person consented
    email: str  # empty unless the person consented


@dataclass(frozen=True)
class ListedAttachment:
    title: str
    top_number: str | None = None  # the TOP it belongs to ("4", "6.1"); None: the meeting's


@dataclass(frozen=True)
class LetterData:
    contact: ContactPerson | None
    reply_by: date | None  # "Rückmeldung bis" (the meeting's own date, else the default)
    distribution: tuple[str, ...]  # who gets the minutes besides the members
    attachments: tuple[ListedAttachment, ...]  # in their "Anlage n" order
    released_on: date | None


def default_reply_by(meeting_date: date, *, not_before: date | None = None) -> date | None:
    """Five working days (Monday to Friday) before the meeting.

    An invitation written later than that (not_before: the letter's date, still before the
    meeting) asks for an answer by the day before the meeting, never by a day already past.
    """
    day, left = meeting_date, REPLY_WORKING_DAYS
    while left:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    if not_before is not None and day < not_before < meeting_date:
        return meeting_date - timedelta(days=1)
    return day


def distribution_lines(text: str | None) -> tuple[str, ...]:
    """A body's Verteiler as entered: one recipient per line, blank lines dropped."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def attachment_titles(store: Store, meeting_id: str) -> tuple[ListedAttachment, ...]:
    """The meeting's attachments in their "Anlage n" order, each with the TOP it belongs to."""
    from sromod.services.attachments import list_attachments

    return tuple(
        ListedAttachment(a.title, a.top_number) for a in list_attachments(store, meeting_id)
    )


def letter_data(store: Store, meeting_id: str) -> LetterData:
    attachments = attachment_titles(store, meeting_id)
    with store.session() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound("Die Sitzung wurde nicht gefunden (vielleicht inzwischen gelöscht).")
        body = session.get(Body, meeting.body_id)
        person_id = meeting.moderator_id or (body.moderator_id if body else None)
        released = meeting.released_at.date() if meeting.released_at else None
        return LetterData(
            contact=_contact(session, person_id),
            reply_by=meeting.reply_by or default_reply_by(meeting.date, not_before=date.today()),
            distribution=distribution_lines(body.distribution if body else None),
            attachments=attachments,
            released_on=released,
        )


def _contact(session: Session, person_id: str | None) -> ContactPerson | None:
    if person_id is None:
        return None
    row = session.execute(
        select(Person, Office.name)
        .outerjoin(Office, Office.id == Person.office_id)
        .where(Person.id == person_id)
    ).first()
    if row is None or row[0].anonymised_at is not None:
        return None
    person, office = row
    consent = bool(person.contact_consent)
    return ContactPerson(
        name=person.name,
        office=office or person.organisation or "",
        function=person.function or "",
        phone=(person.phone or "") if consent else "",
        email=(person.email or "") if consent else "",
    )
