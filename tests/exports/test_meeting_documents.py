"""Invitation, attendance list, calendar file and suggested file names."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone

from sromod.exports import api
from sromod.exports.ics import berlin_timezone, calendar, calendar_bytes
from sromod.models import Meeting, MeetingState
from sromod.services import meetings
from sromod.services.minutes import meeting_header, minutes_data
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.exports.docx_helpers import header_text, open_docx, section_text, sections, table_rows


def test_invitation_lists_agenda_with_planned_times_and_presenters(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    doc = open_docx(api.export_invitation(store, sample.meeting_id, tmp_path / "e.docx"))
    assert doc.paragraphs[0].text == "Einladung zur 12. Sitzung der AG SRO"
    assert "ENTWURF" not in header_text(doc)
    assert ["Zeit", "10:00–12:00 Uhr"] in table_rows(doc.tables[0])
    parts = sections(doc)
    agenda = table_rows(doc.tables[1])
    assert agenda[0] == ["TOP", "Zeit", "Thema", "Berichterstattung"]
    by_top = {row[0]: row for row in agenda[1:]}
    # 20 minutes per TOP from 10:00; TOP 3 starts with its sub-item 3.1 (15 of its 20 minutes).
    assert by_top["TOP 1"][1] == "10:00"
    assert by_top["TOP 3"][1] == "10:40"
    assert by_top["TOP 3.1"][1:] == ["10:40", "Bedarfsanalyse Köpenick-Nord", "Bernd Kurz (Jug)"]
    assert by_top["TOP 4"][1] == "11:00"
    assert by_top["TOP 5"][1] == "11:20"
    text = section_text(parts["Tagesordnung"])
    assert "Hinweis zum Datenschutz" in text and "DSGVO" in text
    assert (
        "Mittwoch, 25.11.2026 um 10:00 Uhr (Ort: Rathaus Köpenick, Raum 120) ein."
        in section_text(parts[""])
    )


def test_attendance_list_has_members_and_empty_lines_for_guests(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    doc = open_docx(api.export_attendance_list(store, sample.meeting_id, tmp_path / "a.docx"))
    rows = table_rows(doc.tables[0])
    assert rows[0] == ["Nr.", "Name", "Amt / Organisation", "Funktion", "Unterschrift"]
    names = [row[1] for row in rows[1:]]
    assert names[:4] == ["Anna Berger", "Dora Eck", "Clara Grün", "Bernd Kurz"]  # by surname
    assert "Frieda Gast" in names  # an expected guest
    assert names[-8:] == [""] * 8
    assert rows[1][2:4] == ["Sozialraumorientierte Planungskoordination", "Koordinatorin"]
    assert all(row[4] == "" for row in rows[1:])


def _event(raw: bytes) -> tuple[Calendar, Event]:
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    assert len(events) == 1 and isinstance(events[0], Event)
    return cal, events[0]


def test_calendar_file_is_an_invitation_with_berlin_times(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    path = api.export_ics(store, sample.meeting_id, tmp_path / "t.ics")
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")[:-1]
    assert raw.endswith(b"\r\n") and all(len(line) <= 75 for line in lines)  # folded
    cal, event = _event(raw)
    assert cal["METHOD"] == "REQUEST" and event["STATUS"] == "CONFIRMED"
    assert str(event["UID"]) == sample.meeting_id
    assert event["SEQUENCE"] == 0
    berlin = ZoneInfo("Europe/Berlin")
    assert event.decoded("DTSTART") == datetime(2026, 11, 25, 10, 0, tzinfo=berlin)
    assert event.decoded("DTEND") == datetime(2026, 11, 25, 12, 0, tzinfo=berlin)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert str(event["SUMMARY"]) == "12. Sitzung der AG SRO"
    assert str(event["LOCATION"]) == "Rathaus Köpenick, Raum 120"  # escaped and back
    assert b"LOCATION:Rathaus K\xc3\xb6penick\\, Raum 120" in raw
    assert "\nTOP 3.1 Bedarfsanalyse Köpenick-Nord" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_the_berlin_time_zone_agrees_with_the_time_zone_database() -> None:
    """Written as yearly rules (Outlook misreads RDATE lists); the same offsets as zoneinfo."""
    component = Component.from_ical(berlin_timezone().to_ical())
    assert isinstance(component, Timezone)
    zone = component.to_tz()
    berlin = ZoneInfo("Europe/Berlin")
    moment = datetime(2020, 1, 1, 12)
    while moment.year < 2040:
        assert (
            moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=berlin).utcoffset()
        ), moment
        moment += timedelta(hours=151)  # every hour of the day and day of the week, in turn


def test_sequence_rises_with_date_time_or_place_only(store: Store, sample: Sample) -> None:
    def sequence() -> int:
        return int(_event(calendar_bytes(store, sample.meeting_id))[1].decoded("SEQUENCE"))

    meetings.update_meeting(store, sample.meeting_id, notes="Beamer mitbringen")
    assert sequence() == 0  # not in the calendar entry
    meetings.update_meeting(store, sample.meeting_id, planned_start=time(9, 30))
    assert sequence() == 1
    meetings.update_meeting(store, sample.meeting_id, place="Rathaus Treptow")
    meetings.update_meeting(store, sample.meeting_id, date=date(2026, 11, 26))
    assert sequence() == 3
    meetings.update_meeting(store, sample.meeting_id, place="Rathaus Treptow")
    assert sequence() == 3  # the same place again is no change


def test_cancelled_meeting_cancels_the_calendar_entry(store: Store, sample: Sample) -> None:
    meeting_id = sample.earlier_meeting_id
    before = _event(calendar_bytes(store, meeting_id))[1]
    with store.unit_of_work() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.state = MeetingState.PLANNED
    meetings.set_meeting_state(store, meeting_id, MeetingState.CANCELLED)
    cal, event = _event(calendar_bytes(store, meeting_id))
    assert cal["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == str(before["UID"])  # the same entry, removed
    assert event.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert str(event["SUMMARY"]).startswith("Abgesagt: ")


def test_all_day_event_without_planned_start(store: Store, sample: Sample) -> None:
    data = minutes_data(store, sample.earlier_meeting_id)
    event = _event(calendar(data, now=datetime(2026, 9, 1, tzinfo=UTC)).to_ical())[1]
    assert event.decoded("DTSTART") == date(2026, 9, 23)
    assert event.decoded("DTEND") == date(2026, 9, 24)


def test_suggested_file_names(store: Store, sample: Sample) -> None:
    header = meeting_header(store, sample.meeting_id)
    assert api.suggested_file_name("minutes", header) == "2026-11-25 Protokoll AG SRO 12.docx"
    assert (
        api.suggested_file_name("excerpt", header, office_code="Jug")
        == "2026-11-25 Protokollauszug AG SRO 12 Jug.docx"
    )
    assert api.suggested_file_name("ics", header) == "2026-11-25 Termin AG SRO 12.ics"
    assert (
        api.suggested_file_name("tasks", office_code="SE/FM", today=date(2026, 12, 1))
        == "2026-12-01 Aufgabenliste SE-FM.xlsx"
    )
