"""The attendance of the minutes, grouped as minutes are read.

Present people fall into four groups, each with its own heading: stimmberechtigte Mitglieder,
beratende Mitglieder, Verwaltung and Gäste; those excused and absent follow. The rule for a
present person who is not a voting member:

- a member without voting right whose role is Geschäftsführung → Verwaltung;
- any other member without voting right → beratende Mitglieder;
- a non-member from one of the district's own offices (not an external organisation, not marked
  external) → Verwaltung: staff who come to report or to take the minutes;
- everyone else (guest lines, people of Träger, QM, Initiativen) → Gäste.

A voting member counts as one whatever the role. Inside each group chair and deputy come
first, then by surname (`sromod.services.names`). Guests are never counted as members present.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sromod.models import (
    Attendance,
    AttendanceStatus,
    MemberRole,
    Membership,
    Office,
    OfficeKind,
    Person,
)
from sromod.services.names import person_key
from sromod.services.wording import attendee_name

VOTING, ADVISORY, ADMINISTRATION, GUESTS, EXCUSED, ABSENT = (
    "stimmberechtigt",
    "beratend",
    "verwaltung",
    "gaeste",
    "entschuldigt",
    "abwesend",
)
GROUP_ORDER = (VOTING, ADVISORY, ADMINISTRATION, GUESTS, EXCUSED, ABSENT)
PRESENT_GROUPS = (VOTING, ADVISORY, ADMINISTRATION, GUESTS)


@dataclass(frozen=True)
class Attendee:
    name: str  # the person recorded (for a represented member: the member)
    office: str  # office name or the guest's organisation
    function: str
    contact: str  # e-mail and phone, only for people who consented
    represented_by: str  # who came in the member's place
    status: AttendanceStatus
    minute_taker: bool = False

    @property
    def stand_in(self) -> str:
        """Who came in the member's place; "" unless the member was represented."""
        return self.represented_by if self.status == AttendanceStatus.REPRESENTED else ""


@dataclass(frozen=True)
class AttendanceGroup:
    kind: str  # one of GROUP_ORDER
    attendees: tuple[Attendee, ...]

    @property
    def present(self) -> bool:
        return self.kind in PRESENT_GROUPS


@dataclass(frozen=True)
class _Seat:
    role: MemberRole
    voting: bool


def _seats(session: Session, body_id: str, on: date) -> dict[str, _Seat]:
    rows = session.execute(
        select(Membership.person_id, Membership.role, Membership.voting)
        .where(Membership.body_id == body_id)
        .where((Membership.valid_from.is_(None)) | (Membership.valid_from <= on))
        .where((Membership.valid_to.is_(None)) | (Membership.valid_to >= on))
    )
    return {person_id: _Seat(role, bool(voting)) for person_id, role, voting in rows}


def _contact(email: str | None, phone: str | None, consent: bool) -> str:
    if not consent:
        return ""
    return "\n".join(part for part in (email, phone) if part)


def _present_group(seat: _Seat | None, is_person: bool, district_staff: bool) -> str:
    if seat is not None:
        if seat.voting:
            return VOTING
        return ADMINISTRATION if seat.role == MemberRole.OFFICE else ADVISORY
    return ADMINISTRATION if is_person and district_staff else GUESTS


def attendance_groups(
    session: Session, meeting_id: str, body_id: str, on: date, minute_taker_id: str | None
) -> tuple[AttendanceGroup, ...]:
    """The meeting's attendance in the groups of the minutes, each in list order."""
    seats = _seats(session, body_id, on)
    rows = session.execute(
        select(Attendance, Person, Office.name, Office.kind)
        .outerjoin(Person, Person.id == Attendance.person_id)
        .outerjoin(Office, Office.id == Person.office_id)
        .where(Attendance.meeting_id == meeting_id)
    ).all()
    groups: dict[str, list[tuple[tuple[int, tuple[str, ...]], Attendee]]] = defaultdict(list)
    for line, person, office, office_kind in rows:
        seat = seats.get(line.person_id) if line.person_id else None
        attendee = Attendee(
            name=person.name if person else (line.guest_name or ""),
            office=office or (person.organisation if person else line.guest_organisation) or "",
            function=(person.function if person else None) or line.role or "",
            contact=_contact(person.email, person.phone, person.contact_consent) if person else "",
            represented_by=line.represented_by or "",
            status=line.status,
            minute_taker=line.person_id is not None and line.person_id == minute_taker_id,
        )
        if line.status in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
            staff = office is not None and office_kind != OfficeKind.EXTERN
            kind = _present_group(seat, person is not None, staff and not person.external)
        else:
            kind = EXCUSED if line.status == AttendanceStatus.EXCUSED else ABSENT
        listed = attendee_name(attendee.name, attendee.stand_in, attendee.minute_taker)
        key = person_key(listed, seat.role if seat else None)
        groups[kind].append((key, attendee))
    return tuple(
        AttendanceGroup(kind, tuple(a for _, a in sorted(groups[kind], key=lambda g: g[0])))
        for kind in GROUP_ORDER
        if groups.get(kind)
    )


def sign_in_members(session: Session, body_id: str, on: date) -> tuple[Attendee, ...]:
    """The body's active members on the day, in list order (for the sign-in list)."""
    rows = session.execute(
        select(Person.name, Person.function, Person.organisation, Office.name, Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .outerjoin(Office, Office.id == Person.office_id)
        .where(Membership.body_id == body_id, Person.active.is_(True))
        .where((Membership.valid_from.is_(None)) | (Membership.valid_from <= on))
        .where((Membership.valid_to.is_(None)) | (Membership.valid_to >= on))
    ).all()
    ordered = sorted(rows, key=lambda r: person_key(r[0], r[4]))
    return tuple(
        Attendee(name, office or org or "", function or "", "", "", AttendanceStatus.PRESENT)
        for name, function, org, office, _role in ordered
    )
