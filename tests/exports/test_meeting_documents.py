"""Invitation, attendance list, calendar file and suggested file names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from sromod.exports import api
from sromod.exports.ics import MAX_OCTETS, calendar_text, escape, fold
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


def test_calendar_file_is_valid_rfc5545(store: Store, sample: Sample, tmp_path: Path) -> None:
    path = api.export_ics(store, sample.meeting_id, tmp_path / "t.ics")
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= MAX_OCTETS for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    unfolded = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-2] == "END:VCALENDAR"
    assert f"UID:{sample.meeting_id}" in unfolded
    assert "DTSTART;TZID=Europe/Berlin:20261125T100000" in unfolded
    assert "DTEND;TZID=Europe/Berlin:20261125T120000" in unfolded
    assert "TZID:Europe/Berlin" in unfolded and "BEGIN:VTIMEZONE" in unfolded
    assert "SUMMARY:12. Sitzung der AG SRO" in unfolded
    assert "LOCATION:Rathaus Köpenick\\, Raum 120" in unfolded
    description = next(line for line in unfolded if line.startswith("DESCRIPTION:"))
    assert "\\nTOP 3.1 Bedarfsanalyse Köpenick-Nord" in description
    assert re.fullmatch(
        r"DTSTAMP:\d{8}T\d{6}Z", next(x for x in unfolded if x.startswith("DTSTAMP"))
    )


def test_folding_never_splits_a_character_and_escaping() -> None:
    line = "DESCRIPTION:" + "Grünfläche Köpenick; Ölweg, " * 10
    folded = fold(line).encode("utf-8")
    pieces = folded.split(b"\r\n")
    assert all(len(p) <= MAX_OCTETS for p in pieces)
    assert all(p.startswith(b" ") for p in pieces[1:])
    assert b"".join(p[1:] if i else p for i, p in enumerate(pieces)).decode() == line
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_all_day_event_without_planned_start(store: Store, sample: Sample) -> None:
    data = minutes_data(store, sample.earlier_meeting_id)
    text = calendar_text(data, now=datetime(2026, 9, 1, tzinfo=UTC))
    assert "DTSTART;VALUE=DATE:20260923\r\n" in text
    assert "DTEND;VALUE=DATE:20260924\r\n" in text


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
