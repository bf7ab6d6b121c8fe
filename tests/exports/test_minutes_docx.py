"""The minutes and the excerpt per office, read back with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sromod.exports.files import ExportError
from sromod.exports.minutes_docx import export_minutes
from sromod.models import Meeting, MeetingState
from sromod.services.errors import NotFound
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.exports.docx_helpers import (
    field_instructions,
    header_text,
    open_docx,
    row_flags,
    section_text,
    sections,
    table_rows,
    tables_in,
)


@pytest.fixture
def minutes(store: Store, sample: Sample, tmp_path: Path) -> Path:
    return export_minutes(store, sample.meeting_id, tmp_path / "Protokoll.docx")


def test_title_header_table_and_german_dates(minutes: Path) -> None:
    doc = open_docx(minutes)
    assert doc.paragraphs[0].text == "Ergebnisprotokoll der 12. Sitzung der AG SRO"
    first = table_rows(doc.tables[0])
    assert first[0] == ["Gremium", "Arbeitsgemeinschaft Sozialraumorientierung"]
    assert ["Datum", "Mittwoch, 25.11.2026"] in first
    assert ["Beginn–Ende", "10:05–12:10 Uhr"] in first
    assert ["Moderation", "Anna Berger"] in first
    assert ["Protokoll", "Bernd Kurz"] in first


def test_each_top_holds_its_own_decisions_and_tasks(minutes: Path) -> None:
    parts = sections(open_docx(minutes))
    sub = section_text(parts["TOP 3.1 Bedarfsanalyse Köpenick-Nord"])
    assert "B-2026/017 (Beschluss): Die Bedarfsanalyse wird fortgeschrieben." in sub
    assert "Abstimmung: mit 9 Ja-Stimmen bei 1 Nein-Stimme und 2 Enthaltungen angenommen." in sub
    assert "Die Analyse liegt vor." in sub
    tasks = table_rows(tables_in(parts["TOP 3.1 Bedarfsanalyse Köpenick-Nord"])[0])
    assert tasks[0] == ["Nr.", "Was", "Wer", "Bis wann"]
    assert tasks[1] == [
        "A-2026/0123",
        "Bedarfsanalyse fortschreiben",
        "Jugendamt (Bernd Kurz)",
        "15.01.2027",
    ]
    top4 = section_text(parts["TOP 4 Grünflächenpflege und Spielplätze"])
    assert "B-2026/018 (Vereinbarung): Begehung der Spielplätze im Frühjahr." in top4
    assert "Abstimmung" not in top4  # no vote was taken on an agreement
    assert "A-2026/0124" in top4 and "A-2026/0123" not in top4
    assert "B-2026/017" not in top4


def test_wiedervorlage_table_shows_status_before_and_after(minutes: Path) -> None:
    parts = sections(open_docx(minutes))
    review = table_rows(tables_in(parts["TOP 2 Wiedervorlage: Stand der Aufgaben"])[0])
    assert review[0] == ["Nr.", "Aufgabe", "Amt", "Fällig", "Status", "Bemerkung"]
    assert review[1] == [
        "A-2026/0050",
        "Jugendclub-Öffnungszeiten erheben",
        "Jug",
        "31.10.2026",
        "offen → erledigt",
        "Liste liegt vor.",
    ]
    assert review[2][4] == "offen → in Bearbeitung"


def test_attendance_grouped_with_office_and_function(minutes: Path) -> None:
    doc = open_docx(minutes)
    text = section_text(sections(doc)["Teilnehmende"])
    assert "Stimmberechtigte Mitglieder (3)" in text and "Entschuldigt (1)" in text
    assert "Gäste (1)" in text and "Anwesend" not in text
    assert "Anna Berger | Sozialraumorientierte Planungskoordination | Koordinatorin" in text
    assert "Frieda Gast | QM Allende-Viertel" in text
    assert "Egon Vogt (i. V. für Dora Eck) | Jugendamt | Amtsleitung" in text
    assert "Bernd Kurz (Protokoll) | Jugendamt" in text
    present = text.split("Entschuldigt")[0]
    assert "Clara Grün" not in present
    # Only the group with a consenting person has a contact column.
    assert text.count("Name | Amt / Organisation | Funktion | Kontakt") == 1


def test_contact_data_only_for_people_who_consented(minutes: Path) -> None:
    with zipfile.ZipFile(minutes) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "anna.berger@ba-tk.berlin.de" in xml
    assert "bernd.kurz@ba-tk.berlin.de" not in xml and "9999" not in xml


def test_footer_has_page_fields_and_header_rows_repeat(minutes: Path) -> None:
    doc = open_docx(minutes)
    instructions = field_instructions(doc)
    assert any(i.startswith("PAGE") for i in instructions)
    assert any(i.startswith("NUMPAGES") for i in instructions)
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Ergebnisprotokoll 12. Sitzung AG SRO vom 25.11.2026")
    assert "Bezirksamt Treptow-Köpenick von Berlin" in header_text(doc)
    assert "Sozialraumorientierte Planungskoordination (SPK)" in header_text(doc)
    tasks = tables_in(sections(doc)["TOP 3.1 Bedarfsanalyse Köpenick-Nord"])[0]
    flags = row_flags(tasks)
    assert flags[0] == (True, True)
    assert all(cant_split and not header for header, cant_split in flags[1:])


def test_draft_mark_until_released(store: Store, sample: Sample, tmp_path: Path) -> None:
    draft = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "a.docx"))
    assert "ENTWURF" in header_text(draft)
    with store.unit_of_work() as session:
        meeting = session.get(Meeting, sample.meeting_id)
        assert meeting is not None
        meeting.state = MeetingState.RELEASED
    final = export_minutes(store, sample.meeting_id, tmp_path / "b.docx")
    with zipfile.ZipFile(final) as archive:
        every_part = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml")
        )
    assert "ENTWURF" not in every_part.replace('w:styleId="Entwurf"', "")
    assert "Entwurf</w:t>" not in every_part


def test_next_meeting_and_signature_block(minutes: Path) -> None:
    parts = sections(open_docx(minutes))
    text = section_text(parts["Nächster Termin"])
    assert "Die nächste Sitzung findet am Mittwoch, 20.01.2027 statt." in text
    assert "Moderation: Anna Berger" in text and "Protokoll: Bernd Kurz" in text


def test_excerpt_holds_the_offices_tasks_and_none_of_another(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    path = export_minutes(
        store, sample.meeting_id, tmp_path / "Auszug.docx", office_id=sample.jug_id
    )
    doc = open_docx(path)
    assert doc.paragraphs[0].text == "Protokollauszug aus der 12. Sitzung der AG SRO"
    parts = sections(doc)
    everything = "\n".join(section_text(blocks) for blocks in parts.values())
    assert "A-2026/0123" in everything and "A-2026/0050" in everything
    assert "B-2026/017" in everything
    for other in ("A-2026/0124", "A-2026/0051", "HYPERLINK", "B-2026/018", "Spielgeräte"):
        assert other not in everything
    assert "TOP 4 Grünflächenpflege und Spielplätze" not in parts
    assert "Teilnehmende" not in parts


def test_unknown_meeting_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        export_minutes(store, "no-such-id", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_target_open_in_word_gives_a_clear_message(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    target = tmp_path / "2026-11-25 Protokoll AG SRO 12.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$26-11-25 Protokoll AG SRO 12.docx").write_bytes(b"owner")
    with pytest.raises(ExportError, match="geöffnet"):
        export_minutes(store, sample.meeting_id, target)
    assert target.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sromod-")]


def test_pasted_control_characters_do_not_break_the_document(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from sromod.models import AgendaItem, Task

    with store.unit_of_work() as session:
        task = session.get(Task, sample.task_ids["jug"])
        assert task is not None and task.origin_agenda_item_id is not None
        task.title = "Analyse\x0bfortschreiben\x07"
        item = session.get(AgendaItem, task.origin_agenda_item_id)
        assert item is not None
        item.result = "Ergebnis\x0c mit Seitenumbruch aus Word"
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    text = section_text(sections(doc)["TOP 3.1 Bedarfsanalyse Köpenick-Nord"])
    assert "Analysefortschreiben" in text
    assert "Ergebnis mit Seitenumbruch aus Word" in text


def test_next_meeting_taken_from_the_planned_following_meeting(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from datetime import date, time

    with store.unit_of_work() as session:
        meeting = session.get(Meeting, sample.meeting_id)
        assert meeting is not None
        meeting.next_date = None
        following = Meeting(body_id=meeting.body_id, number=13, date=date(2027, 2, 3))
        following.planned_start, following.place = time(14, 0), "Rathaus Treptow"
        session.add(following)
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    text = section_text(sections(doc)["Nächster Termin"])
    assert (
        "Die nächste Sitzung findet am Mittwoch, 03.02.2027 um 14:00 Uhr (Rathaus Treptow) statt."
        in text
    )
