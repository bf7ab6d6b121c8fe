"""The meeting as an iCalendar file (RFC 5545) for Outlook and other calendars; no network."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sromod.exports.files import atomic_write
from sromod.models import MeetingState
from sromod.services.minutes import MinutesData, minutes_data
from sromod.store import Store

log = logging.getLogger(__name__)

CRLF = "\r\n"
MAX_OCTETS = 75
DEFAULT_MINUTES = 120

# Europe/Berlin since 1996: CET, CEST from the last Sunday of March to the last Sunday of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """TEXT value escaping of RFC 5545, section 3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    out.append("".join(current))
    return (CRLF + " ").join(out)


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def calendar_text(data: MinutesData, *, now: datetime | None = None) -> str:
    h = data.header
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Bezirksamt Treptow-Köpenick//sromod//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{h.meeting_id}",
        f"DTSTAMP:{_stamp(now or datetime.now(UTC))}Z",
    ]
    if h.planned_start is None:
        day = h.meeting_date
        lines += [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        ]
    else:
        start = datetime.combine(h.meeting_date, h.planned_start)
        if h.planned_end is not None and h.planned_end > h.planned_start:
            end = datetime.combine(h.meeting_date, h.planned_end)
        else:
            minutes = sum(e.planned_minutes for e in data.agenda if e.depth == 0)
            end = start + timedelta(minutes=minutes or DEFAULT_MINUTES)
        lines += [
            f"DTSTART;TZID=Europe/Berlin:{_stamp(start)}",
            f"DTEND;TZID=Europe/Berlin:{_stamp(end)}",
        ]
    lines.append(f"SUMMARY:{escape(h.title_suffix)}")
    if h.place:
        lines.append(f"LOCATION:{escape(h.place)}")
    lines.append(f"DESCRIPTION:{escape(_description(data))}")
    cancelled = h.state is MeetingState.CANCELLED
    lines += [f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + CRLF for line in lines)


def _description(data: MinutesData) -> str:
    h = data.header
    parts = [f"{h.body_name}, {h.title_suffix}"]
    if h.moderator:
        parts.append(f"Moderation: {h.moderator}")
    if data.agenda:
        parts.append("")
        parts.append("Tagesordnung:")
        parts += [f"TOP {e.number} {e.title}" for e in data.agenda]
    return "\n".join(parts)


def export_ics(store: Store, meeting_id: str, out_path: Path | str) -> Path:
    data = minutes_data(store, meeting_id)
    text = calendar_text(data)

    def write(temp: Path) -> None:
        temp.write_bytes(text.encode("utf-8"))

    return atomic_write(Path(out_path), write, store_path=store.path)
