"""Protokollfuß, excerpt closing, invitation letter parts, and the Absage of a cancelled meeting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sromod import cli
from sromod.exports import api
from sromod.exports.files import ExportError
from sromod.models import Body, Meeting, MeetingState, Person
from sromod.services import letters
from sromod.services.bodies import get_body, update_body
from sromod.services.errors import ServiceError
from sromod.services.letters import default_reply_by, letter_data
from sromod.services.meetings import get_meeting, update_meeting
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.exports.docx_helpers import open_docx, section_text, sections, style_name, table_rows
from tests.pg_cluster import db_argument


def _set(store: Store, sample: Sample, **meeting: object) -> None:
    with store.unit_of_work() as session:
        m = session.get(Meeting, sample.meeting_id)
        assert m is not None
        for key, value in meeting.items():
            setattr(m, key, value)


def _text(path: Path) -> str:
    return section_text([*open_docx(path).iter_inner_content()])


def _cancel(store: Store, sample: Sample) -> None:
    _set(store, sample, state=MeetingState.CANCELLED, actual_start=None, actual_end=None)


# -- Protokollfuß -------------------------------------------------------------------------------


def test_draft_minutes_end_with_attachments_distribution_and_draft_date(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    with store.unit_of_work() as session:
        body = session.get(Body, get_meeting(store, sample.meeting_id).body_id)
        assert body is not None
        body.distribution = "Bezirksbürgermeister\n\nJugendhilfeausschuss "
    text = _text(api.export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    footer = text.split("Nächster Termin", 1)[1]
    assert "Anlagen\nkeine" in footer
    assert "Verteiler\nMitglieder der AG SRO\nBezirksbürgermeister\nJugendhilfeausschuss" in footer
    assert f"ENTWURF, Stand {date.today():%d.%m.%Y} – noch nicht freigegeben" in footer
    assert "Moderation: Anna Berger" in footer and "Protokoll: Bernd Kurz" in footer


def test_released_minutes_give_the_release_date_as_date_of_issue(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    _set(store, sample, state=MeetingState.RELEASED, released_at=datetime(2026, 12, 2, 9, 30))
    text = _text(api.export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    assert "Ausgegeben am 02.12.2026" in text
    assert "ENTWURF" not in text


def test_attachment_titles_are_listed_as_numbered_anlagen(
    store: Store, sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        letters,
        "attachment_titles",
        lambda _s, _m: (
            letters.ListedAttachment("Präsentation Spielplätze"),
            letters.ListedAttachment("BZR-Profil", "4"),
        ),
    )
    text = _text(api.export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    assert "Anlagen\nAnlage 1: Präsentation Spielplätze\nAnlage 2: BZR-Profil (zu TOP 4)" in text
    invitation = _text(api.export_invitation(store, sample.meeting_id, tmp_path / "e.docx"))
    assert "Anlage 1: Präsentation Spielplätze" in invitation


def test_distribution_is_kept_per_body_and_checked(store: Store, sample: Sample) -> None:
    body_id = get_meeting(store, sample.meeting_id).body_id
    update_body(store, body_id, distribution="  Bezirksbürgermeister\nQM Allende  ")
    assert get_body(store, body_id).distribution == "Bezirksbürgermeister\nQM Allende"
    with pytest.raises(ServiceError, match="Der Verteiler ist zu lang"):
        update_body(store, body_id, distribution="x" * 4001)
    assert letter_data(store, sample.meeting_id).distribution == (
        "Bezirksbürgermeister",
        "QM Allende",
    )


# -- excerpt ------------------------------------------------------------------------------------


def test_excerpt_puts_sub_items_under_their_parent_and_counts_what_it_shows(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    doc = open_docx(
        api.export_excerpt(store, sample.meeting_id, sample.jug_id, tmp_path / "a.docx")
    )
    headings = [
        p.text.replace("\u00a0", " ") for p in doc.paragraphs if style_name(p).startswith("Heading")
    ]
    parent = "TOP 3 Jugendfreizeiteinrichtungen im Sozialraum"
    assert headings.index(parent) + 1 == headings.index("TOP 3.1 Bedarfsanalyse Köpenick-Nord")
    review = section_text(sections(doc)["TOP 2 Wiedervorlage: Stand der Aufgaben"])
    assert (
        "In der Sitzung wurde der Stand von 2 Aufgaben besprochen; davon betrifft eine diese "
        "Stelle (siehe Tabelle)." in review
    )
    text = _text(tmp_path / "a.docx")
    closing = text.split("Für die Richtigkeit des Auszugs:", 1)[1]
    assert f"Berlin, {date.today():%d.%m.%Y} (ENTWURF, Protokoll noch nicht freigegeben)" in closing
    assert "Bernd Kurz" in closing


# -- invitation ---------------------------------------------------------------------------------


def test_reply_by_defaults_to_five_working_days_before() -> None:
    assert default_reply_by(date(2026, 11, 25)) == date(2026, 11, 18)  # Wed -> Wed before
    assert default_reply_by(date(2026, 11, 30)) == date(2026, 11, 23)  # Mon -> Mon before
    assert default_reply_by(date(2026, 12, 3)) == date(2026, 11, 26)  # Thu over a weekend
    # Written late: the day before the meeting, not a day already past.
    assert default_reply_by(date(2026, 12, 3), not_before=date(2026, 12, 1)) == date(2026, 12, 2)
    assert default_reply_by(date(2026, 12, 3), not_before=date(2026, 11, 20)) == date(2026, 11, 26)


def test_invitation_has_letter_date_reply_by_and_contact_with_consent(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    path = api.export_invitation(store, sample.meeting_id, tmp_path / "e.docx")
    doc = open_docx(path)
    assert ["Rückmeldung bis", "Mittwoch, 18.11.2026"] in table_rows(doc.tables[0])
    text = _text(path)
    assert f"Berlin, {date.today():%d.%m.%Y}" in text
    assert "Bitte teilen Sie bis Mittwoch, 18.11.2026 mit, ob Sie teilnehmen" in text
    contact = text.split("Ansprechperson\n", 1)[1].split("Hinweis zum Datenschutz")[0]
    assert contact.startswith(
        "Anna Berger\nKoordinatorin, Sozialraumorientierte Planungskoordination"
    )
    assert "Telefon: 030 90297-1234" in contact and "E-Mail: anna.berger@ba-tk.berlin.de" in contact
    assert "Anlagen\nkeine" in text
    assert "DSGVO" in text  # the Art. 13 note stays


def test_contact_without_consent_shows_name_and_office_only(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    with store.unit_of_work() as session:
        anna = session.query(Person).filter_by(name="Anna Berger").one()
        anna.contact_consent = False
    update_meeting(store, sample.meeting_id, reply_by=date(2026, 11, 20))
    assert get_meeting(store, sample.meeting_id).reply_by == date(2026, 11, 20)
    text = _text(api.export_invitation(store, sample.meeting_id, tmp_path / "e.docx"))
    assert "bis Freitag, 20.11.2026 mit" in text
    assert "anna.berger" not in text and "1234" not in text
    assert "Ansprechperson\nAnna Berger" in text


def test_reply_by_after_the_meeting_is_refused(store: Store, sample: Sample) -> None:
    with pytest.raises(ServiceError, match="muss vor dem Tag der Sitzung liegen"):
        update_meeting(store, sample.meeting_id, reply_by=date(2026, 11, 25))
    assert get_meeting(store, sample.meeting_id).reply_by is None


# -- cancelled meeting --------------------------------------------------------------------------


def test_cancelled_meeting_has_no_minutes_or_excerpt(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    _cancel(store, sample)
    out = tmp_path / "p.docx"
    sentence = (
        "Die 12. Sitzung der AG SRO wurde abgesagt; dafür gibt es kein Protokoll. "
        "Exportieren Sie stattdessen die Absage."
    )
    with pytest.raises(ExportError) as caught:
        api.export_minutes(store, sample.meeting_id, out)
    assert str(caught.value) == sentence
    with pytest.raises(ExportError):
        api.export_excerpt(store, sample.meeting_id, sample.jug_id, out)
    assert not out.exists()


def test_cli_refuses_minutes_of_a_cancelled_meeting_and_writes_the_absage(
    store: Store, sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _cancel(store, sample)
    db = db_argument(store)
    store.close()  # the command line opens the store itself
    out = tmp_path / "p.docx"
    code = cli.main(
        ["export", "minutes", "--db", str(db), "--meeting", "AG SRO/12", "--out", str(out)]
    )
    assert code != 0 and not out.exists()
    assert "wurde abgesagt; dafür gibt es kein Protokoll" in capsys.readouterr().err
    absage = tmp_path / "Absage.docx"
    code = cli.main(
        ["export", "absage", "--db", str(db), "--meeting", "AG SRO/12", "--out", str(absage),
         "--grund", "Erkrankung der Moderation"]
    )  # fmt: skip
    assert code == 0
    text = _text(absage)
    assert "Absage der 12. Sitzung der AG SRO" in text
    assert "findet nicht statt" in text and "Grund: Erkrankung der Moderation" in text


def test_absage_letter_names_meeting_date_next_date_and_contact(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    _cancel(store, sample)
    path = api.export_absage(store, sample.meeting_id, tmp_path / "a.docx")
    doc = open_docx(path)
    assert doc.paragraphs[0].text == "Absage der 12. Sitzung der AG SRO"
    rows = table_rows(doc.tables[0])
    assert ["Ursprünglicher Termin", "Mittwoch, 25.11.2026, 10:00 Uhr"] in rows
    assert ["Sitzung", "12. Sitzung"] in rows
    text = _text(path)
    assert (
        "die 12. Sitzung der AG SRO am Mittwoch, 25.11.2026 um 10:00 Uhr findet nicht statt."
        in text
    )
    assert "Die nächste Sitzung ist für Mittwoch, 20.01.2027 vorgesehen." in text
    assert "Grund:" not in text
    assert "Ansprechperson\nAnna Berger" in text
    assert "Ergebnisprotokoll" not in text and "ENTWURF" not in text
    assert doc.core_properties.title == "Absage 12. Sitzung AG SRO am 25.11.2026"


def test_absage_of_a_meeting_that_takes_place_is_refused(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="ist nicht abgesagt"):
        api.export_absage(store, sample.meeting_id, tmp_path / "a.docx")
    assert not (tmp_path / "a.docx").exists()


def test_stored_attachments_appear_in_minutes_and_invitation(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from sromod.services.attachments import add_attachment

    slides = tmp_path / "Folien.pdf"
    slides.write_bytes(b"%PDF-1.4 Folien")
    add_attachment(store, sample.meeting_id, slides, title="Präsentation Spielplätze")
    text = _text(api.export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    assert "Anlagen\nAnlage 1: Präsentation Spielplätze" in text
    invitation = _text(api.export_invitation(store, sample.meeting_id, tmp_path / "e.docx"))
    assert "Anlage 1: Präsentation Spielplätze" in invitation
