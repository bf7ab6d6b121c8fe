"""Attendance: members with one-click status, guests, arrival and leaving, quorum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import or_, select

from sromod.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingState,
    Membership,
    Office,
    Person,
)
from sromod.services.bodies import list_members
from sromod.services.common import (
    apply_fields,
    clean_text,
    editable_meeting,
    ensure_editable,
    get_or_fail,
)
from sromod.services.concurrency import ChangedMeanwhile, changed_meanwhile
from sromod.services.errors import ServiceError
from sromod.services.names import person_key, surname_key
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class AttendanceInfo:
    """One line of the attendance list; id is None for a member not yet recorded."""

    id: str | None
    meeting_id: str
    person_id: str | None
    name: str
    office_code: str | None
    organisation: str | None
    function: str | None
    status: AttendanceStatus | None
    represented_by: str | None
    role: str | None
    voting: bool
    member: bool
    arrived_at: time | None
    left_at: time | None
    version: int | None = None  # of the recorded line, for `concurrency.seen`

    @property
    def is_guest(self) -> bool:
        return not self.member


@dataclass(frozen=True)
class QuorumInfo:
    voting_members: int
    voting_present: int
    quorum: int | None

    @property
    def quorate(self) -> bool | None:
        """None where the body defines no quorum."""
        return None if self.quorum is None else self.voting_present >= self.quorum


ATTENDANCE_FIELDS = {
    "status",
    "represented_by",
    "role",
    "arrived_at",
    "left_at",
    "guest_name",
    "guest_organisation",
    "voting",
}
PRESENT_LIKE = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED)


def list_attendance(store: Store, meeting_id: str) -> list[AttendanceInfo]:
    """The body's members on the meeting day (recorded or not), then other attendees and guests.

    Chair and deputy come first, then the members by surname, then the others by surname
    (`sromod.services.names`: titles and name particles do not count).
    """
    with store.session() as session:
        meeting = get_or_fail(session, Meeting, meeting_id)
        body_id, day = meeting.body_id, meeting.date
        rows = session.execute(
            select(Attendance, Person, Office.code)
            .outerjoin(Person, Attendance.person_id == Person.id)
            .outerjoin(Office, Person.office_id == Office.id)
            .where(Attendance.meeting_id == meeting_id)
        ).all()
    recorded = {a.person_id: (a, p, code) for a, p, code in rows if a.person_id}
    result: list[AttendanceInfo] = []
    for m in sorted(list_members(store, body_id, on=day), key=lambda m: person_key(m.name, m.role)):
        found = recorded.pop(m.person_id, None)
        a = found[0] if found else None
        result.append(
            AttendanceInfo(
                a.id if a else None,
                meeting_id,
                m.person_id,
                m.name,
                m.office_code,
                m.organisation,
                m.function,
                a.status if a else None,
                a.represented_by if a else None,
                (a.role if a and a.role else m.role.label),
                m.voting,
                True,
                a.arrived_at if a else None,
                a.left_at if a else None,
                a.version if a else None,
            )
        )
    others = [r for r in rows if r[0].person_id is None or r[0].person_id in recorded]
    for a, p, code in sorted(others, key=lambda r: surname_key(_line_name(r[0], r[1]))):
        result.append(
            AttendanceInfo(
                a.id,
                meeting_id,
                a.person_id,
                _line_name(a, p),
                code,
                (p.organisation if p else a.guest_organisation),
                p.function if p else None,
                a.status,
                a.represented_by,
                a.role,
                a.voting,
                False,
                a.arrived_at,
                a.left_at,
                a.version,
            )
        )
    return result


def _line_name(line: Attendance, person: Person | None) -> str:
    return person.name if person else (line.guest_name or "")


def _now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)


def _follow_status(line: Attendance, meeting: Meeting) -> None:
    """Arrival is stamped for whoever is marked present while the meeting runs; no stamp is
    left on someone who turns out not to be there."""
    if line.status in PRESENT_LIKE:
        if line.arrived_at is None and meeting.state == MeetingState.RUNNING:
            line.arrived_at = _now()
    else:
        line.arrived_at = line.left_at = None


def set_attendance(
    store: Store,
    meeting_id: str,
    person_id: str,
    status: AttendanceStatus,
    *,
    represented_by: str | None = None,
    arrived_at: time | None = None,
    shown_unrecorded: bool = False,
) -> str:
    """Record a person's status at the meeting (creates or updates their line).

    shown_unrecorded: the window showed the person without a line; if someone else recorded
    them meanwhile, that is not overwritten (`ChangedMeanwhile`). A shown line's version is
    promised the usual way (`concurrency.expecting`).
    """
    if status == AttendanceStatus.REPRESENTED and not (represented_by or "").strip():
        raise ServiceError("Bitte geben Sie an, wer vertritt.")
    with unit_of_work(store) as session:
        meeting = editable_meeting(session, meeting_id)
        get_or_fail(session, Person, person_id)
        line = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
            )
        ).first()
        if line is not None and shown_unrecorded:
            raise ChangedMeanwhile(changed_meanwhile("attendances", lambda _: None))
        if line is None:
            voting = bool(
                session.scalar(
                    select(Membership.voting).where(
                        Membership.body_id == meeting.body_id,
                        Membership.person_id == person_id,
                        Membership.voting.is_(True),
                        or_(Membership.valid_from.is_(None), Membership.valid_from <= meeting.date),
                        or_(Membership.valid_to.is_(None), Membership.valid_to >= meeting.date),
                    )
                )
            )
            line = Attendance(meeting_id=meeting_id, person_id=person_id, voting=voting)
            session.add(line)
        line.status = status
        line.represented_by = (
            clean_text(represented_by, what="Vertretung", limit=200)
            if status == AttendanceStatus.REPRESENTED
            else None
        )
        if arrived_at is not None:
            line.arrived_at = arrived_at
        _follow_status(line, meeting)
        session.flush()
        return line.id


def add_guest(
    store: Store,
    meeting_id: str,
    name: str,
    organisation: str | None = None,
    *,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
    role: str | None = "Gast",
    arrived_at: time | None = None,
) -> str:
    text = clean_text(name, what="Der Name des Gastes", required=True, limit=200)
    with unit_of_work(store) as session:
        meeting = editable_meeting(session, meeting_id)
        line = Attendance(
            meeting_id=meeting_id,
            guest_name=text,
            guest_organisation=clean_text(organisation, what="Die Organisation", limit=200),
            status=status,
            role=role,
            voting=False,
            arrived_at=arrived_at,
        )
        session.add(line)
        _follow_status(line, meeting)
        session.flush()
        return line.id


def update_attendance(store: Store, /, attendance_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        line = get_or_fail(session, Attendance, attendance_id)
        ensure_editable(line.meeting)
        if "guest_name" in fields and line.person_id is None:
            fields["guest_name"] = clean_text(fields["guest_name"], what="Der Name", required=True)
        apply_fields(line, fields, ATTENDANCE_FIELDS)
        if "status" in fields:
            _follow_status(line, line.meeting)
        if line.status == AttendanceStatus.REPRESENTED and not line.represented_by:
            raise ServiceError("Bitte geben Sie an, wer vertritt.")


def remove_attendance(store: Store, attendance_id: str) -> None:
    with unit_of_work(store) as session:
        line = get_or_fail(session, Attendance, attendance_id)
        ensure_editable(line.meeting)
        session.delete(line)


def quorum(store: Store, meeting_id: str) -> QuorumInfo:
    """Voting members present (or represented) against the body's quorum."""
    with store.session() as session:
        meeting = get_or_fail(session, Meeting, meeting_id)
        needed = meeting.body.quorum
    lines = [a for a in list_attendance(store, meeting_id) if a.member and a.voting]
    present = sum(1 for a in lines if a.status in PRESENT_LIKE)
    return QuorumInfo(len(lines), present, needed)
