"""Attendance in the minutes as they are read: groups, chair first, surnames, i. V., Protokoll."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sromod.exports.minutes_docx import export_minutes
from sromod.models import AttendanceStatus, MemberRole, OfficeKind
from sromod.services import attendance, bodies, directory, meetings
from sromod.services.minutes import minutes_data
from sromod.services.wording import attendee_name
from sromod.store import Store
from tests.exports.docx_helpers import open_docx, section_text, sections, table_rows, tables_in
from tests.services.helpers import office_id

P, X, A, R = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
    AttendanceStatus.REPRESENTED,
)


def _meeting(store: Store) -> str:
    body_id = bodies.create_body(store, "Arbeitsgemeinschaft SRO", "AG SRO")
    jug, spk = office_id(store, "Jug"), office_id(store, "SPK")
    träger = directory.create_office(store, "TrägerX", "Träger X e. V.", OfficeKind.EXTERN)
    meeting_id = meetings.plan_meeting(store, body_id, date(2026, 11, 25))
    people = {}
    for name, role, voting, office, status in (
        ("Dr. Ulrich Zorn", MemberRole.MEMBER, True, jug, P),
        ("Prof. Dr. Yvonne Abel", MemberRole.MEMBER, True, jug, P),
        ("Sabine Haase", MemberRole.MEMBER, True, jug, R),
        ("Wanda Wolf", MemberRole.DEPUTY, True, jug, P),
        ("Zacharias Zeh", MemberRole.CHAIR, True, spk, P),
        ("Clara von Bock", MemberRole.ADVISORY, False, träger, P),
        ("Gerd Geschäft", MemberRole.OFFICE, False, spk, P),
        ("Erna Entschuldigt", MemberRole.MEMBER, True, jug, X),
        ("Anton Abwesend", MemberRole.MEMBER, True, jug, A),
    ):
        person = directory.create_person(store, name, office_id=office)
        bodies.add_member(store, body_id, person, role, voting=voting)
        people[name] = person
        represented = "Andreas Vogt" if status == R else None
        attendance.set_attendance(store, meeting_id, person, status, represented_by=represented)
    taker = directory.create_person(store, "Paula Protokoll", office_id=spk)
    staff = directory.create_person(store, "Dr. Bernd Bericht", office_id=jug)
    outsider = directory.create_person(store, "Olga Ohneamt", organisation="Initiative Kiez")
    for person in (taker, staff, outsider):
        attendance.set_attendance(store, meeting_id, person, P)
    attendance.add_guest(store, meeting_id, "Frieda Gast", "QM Allende-Viertel")
    meetings.update_meeting(store, meeting_id, minute_taker_id=taker)
    return meeting_id


@pytest.fixture
def meeting_id(store: Store) -> str:
    return _meeting(store)


def test_groups_in_reading_order_with_chair_first_and_surnames(
    store: Store, meeting_id: str
) -> None:
    groups = minutes_data(store, meeting_id).attendance
    listed = {
        g.kind: [attendee_name(a.name, a.stand_in, a.minute_taker) for a in g.attendees]
        for g in groups
    }
    assert list(listed) == [
        "stimmberechtigt",
        "beratend",
        "verwaltung",
        "gaeste",
        "entschuldigt",
        "abwesend",
    ]
    assert listed["stimmberechtigt"] == [
        "Zacharias Zeh",  # chair
        "Wanda Wolf",  # deputy
        "Prof. Dr. Yvonne Abel",  # then by surname, titles ignored
        "Andreas Vogt (i. V. für Sabine Haase)",
        "Dr. Ulrich Zorn",
    ]
    assert listed["beratend"] == ["Clara von Bock"]
    assert listed["verwaltung"] == [
        "Dr. Bernd Bericht",
        "Gerd Geschäft",
        "Paula Protokoll (Protokoll)",
    ]
    assert listed["gaeste"] == ["Frieda Gast", "Olga Ohneamt"]
    assert listed["entschuldigt"] == ["Erna Entschuldigt"]
    assert listed["abwesend"] == ["Anton Abwesend"]


def test_word_file_has_one_heading_and_table_per_group(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    doc = open_docx(export_minutes(store, meeting_id, tmp_path / "Protokoll.docx"))
    blocks = sections(doc)["Teilnehmende"]
    headings = [b.text for b in blocks if not hasattr(b, "rows") and b.text]
    assert headings == [
        "Stimmberechtigte Mitglieder (5)",
        "Beratende Mitglieder (1)",
        "Verwaltung (3)",
        "Gäste (2)",
        "Entschuldigt (1)",
        "Abwesend (1)",
    ]
    tables = [table_rows(t) for t in tables_in(blocks)]
    assert len(tables) == 6
    assert tables[0][0] == ["Name", "Amt / Organisation", "Funktion"]
    assert [row[0] for row in tables[0][1:3]] == ["Zacharias Zeh", "Wanda Wolf"]
    assert tables[0][4][:2] == ["Andreas Vogt (i. V. für Sabine Haase)", "Jugendamt"]
    assert tables[1][1][:2] == ["Clara von Bock", "Träger X e. V."]
    assert tables[2][3][0] == "Paula Protokoll (Protokoll)"
    assert tables[3][1] == ["Frieda Gast", "QM Allende-Viertel", "Gast"]
    text = section_text(blocks)
    assert "Anwesend" not in text and "vertreten durch" not in text
