"""The meeting as an iCalendar file (RFC 5545/5546) for Outlook and other calendars; no network.

The `icalendar` library writes the file (line folding, escaping, the VTIMEZONE of Europe/Berlin
built from the time zone database); this module only maps a meeting to an event. The UID is the
meeting's id and SEQUENCE its `ics_sequence`, which rises with every change of date, time or
place: a re-sent invitation updates the entry in the calendar instead of adding a second one.
A cancelled meeting goes out as METHOD:CANCEL with STATUS:CANCELLED, which removes the entry.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from sqlalchemy import select

from sromod.exports.files import atomic_write
from sromod.models import Meeting, MeetingState
from sromod.services.local_zone import berlin_zone
from sromod.services.minutes import MinutesData, minutes_data
from sromod.services.wording import meeting_title, top_label
from sromod.store import Store

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 120
PRODID = "-//Bezirksamt Treptow-Köpenick//sromod//DE"


def calendar(data: MinutesData, *, sequence: int = 0, now: datetime | None = None) -> Calendar:
    """The meeting as a calendar: an invitation (REQUEST), or a cancellation (CANCEL)."""
    h = data.header
    cancelled = h.state is MeetingState.CANCELLED
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", h.meeting_id)
    event.add("dtstamp", now or datetime.now(UTC))
    event.add("sequence", sequence)
    start, end = _times(data)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add(
        "summary", f"{'Abgesagt: ' if cancelled else ''}{meeting_title(h.number, h.body_label)}"
    )
    if h.place:
        event.add("location", h.place)
    event.add("description", _description(data))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    cal.add_component(berlin_timezone())
    cal.add_component(event)
    return cal


def berlin_timezone() -> Timezone:
    """Europe/Berlin as yearly rules (CEST from the last Sunday in March to that in October).

    icalendar can derive a VTIMEZONE from zoneinfo, but as a list of RDATEs, which Outlook
    misreads (events in summer time shift by an hour). The rules have held since 1996; a test
    checks them against the time zone database.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Berlin")
    for kind, month, name, before, after, hour in (
        (TimezoneDaylight, 3, "CEST", 1, 2, 2),
        (TimezoneStandard, 10, "CET", 2, 1, 3),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", datetime(1996, month, 31 if month == 3 else 27, hour))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        zone.add_component(part)
    return zone


def _times(data: MinutesData) -> tuple[object, object]:
    """Start and end in Berlin time; a meeting without a start time is an all-day event."""
    h = data.header
    if h.planned_start is None:
        return h.meeting_date, h.meeting_date + timedelta(days=1)
    start = datetime.combine(h.meeting_date, h.planned_start, tzinfo=berlin_zone())
    if h.planned_end is not None and h.planned_end > h.planned_start:
        return start, datetime.combine(h.meeting_date, h.planned_end, tzinfo=berlin_zone())
    minutes = sum(e.planned_minutes for e in data.agenda if e.depth == 0)
    return start, start + timedelta(minutes=minutes or DEFAULT_MINUTES)


def _description(data: MinutesData) -> str:
    h = data.header
    parts = [f"{h.body_name}, {meeting_title(h.number, h.body_label)}"]
    if h.state is MeetingState.CANCELLED:
        parts.append("Die Sitzung wurde abgesagt.")
    if h.moderator:
        parts.append(f"Moderation: {h.moderator}")
    if data.agenda and h.state is not MeetingState.CANCELLED:
        parts.append("")
        parts.append("Tagesordnung:")
        parts += [top_label(e.number, e.title) for e in data.agenda]
    return "\n".join(parts)


def calendar_bytes(store: Store, meeting_id: str, *, now: datetime | None = None) -> bytes:
    """The meeting's .ics, with its current SEQUENCE."""
    data = minutes_data(store, meeting_id)
    with store.session() as session:
        sequence = session.scalar(select(Meeting.ics_sequence).where(Meeting.id == meeting_id))
    return bytes(calendar(data, sequence=sequence or 0, now=now).to_ical())


def export_ics(store: Store, meeting_id: str, out_path: Path | str) -> Path:
    """The invitation's calendar entry, or for a cancelled meeting the cancellation."""
    raw = calendar_bytes(store, meeting_id)

    def write(temp: Path) -> None:
        temp.write_bytes(raw)

    return atomic_write(Path(out_path), write, store_path=store.path)
