"""Small helpers shared by the services."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from sromod.models import AgendaItem, Base, Meeting, MeetingState, TaskStatus
from sromod.services.errors import NotFound, ServiceError


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as a reference names it: body, number and day ("AG SRO, 12. Sitzung, …")."""

    meeting_id: str
    body_short_name: str
    number: int
    date: date


M = TypeVar("M", bound=Base)

_GERMAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")

_WHAT = {
    "Office": "Das Amt",
    "Person": "Die Person",
    "Region": "Die Region",
    "Body": "Das Gremium",
    "Meeting": "Die Sitzung",
    "AgendaItem": "Der TOP",
    "Attendance": "Der Anwesenheitseintrag",
    "Decision": "Der Beschluss",
    "Task": "Die Aufgabe",
    "TaskReview": "Der Wiedervorlage-Eintrag",
    "StandingAgendaItem": "Der Vorlage-TOP",
    "Membership": "Die Mitgliedschaft",
}


def get_or_fail(session: Session, model: type[M], row_id: str) -> M:
    found = session.get(model, row_id)
    if found is None:
        what = _WHAT.get(model.__name__, "Der Eintrag")
        raise NotFound(f"{what} wurde nicht gefunden (vielleicht inzwischen gelöscht).")
    return found


RELEASED_MESSAGE = (
    "Das Protokoll dieser Sitzung ist freigegeben und wird nicht mehr geändert. Nehmen Sie "
    "die Freigabe zurück („Freigabe zurücknehmen“), um etwas zu berichtigen."
)


def ensure_editable(meeting: Meeting) -> None:
    """Released minutes are final: what they record is changed only after the release is withdrawn."""
    if meeting.state == MeetingState.RELEASED:
        raise ServiceError(RELEASED_MESSAGE)


def editable_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = get_or_fail(session, Meeting, meeting_id)
    ensure_editable(meeting)
    return meeting


def editable_item(session: Session, item_id: str) -> AgendaItem:
    item = get_or_fail(session, AgendaItem, item_id)
    ensure_editable(item.meeting)
    return item


def apply_fields(obj: Base, fields: dict[str, Any], allowed: set[str]) -> None:
    """Set the given attributes, refusing names a use case may not change."""
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(f"Diese Angaben können hier nicht geändert werden: {sorted(unknown)}.")
    for key, value in fields.items():
        setattr(obj, key, value)


def clean_text(
    value: str | None, *, what: str, required: bool = False, limit: int = 0
) -> str | None:
    """Strip a user's text; refuse an empty required field or one past the limit."""
    text = (value or "").strip()
    if required and not text:
        raise ServiceError(f"{what} darf nicht leer sein.")
    if limit and len(text) > limit:
        raise ServiceError(f"{what} ist zu lang (höchstens {limit} Zeichen).")
    return text or None


def is_overdue(status: TaskStatus, due: date | None, today: date | None = None) -> bool:
    if due is None or not status.can_be_overdue:
        return False
    return due < (today or date.today())


def parse_german_date(text: str) -> date | None:
    """25.11.2026 (or 25.11.26) or 2026-11-25, as a lead may type a date into a text cell."""
    match = _GERMAN_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
