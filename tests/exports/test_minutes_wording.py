"""The minutes say what happened: TOPs not treated or postponed, votes in words, the quorum."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from sqlalchemy import select

from sromod.exports.minutes_docx import export_minutes
from sromod.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemState,
    Attendance,
    Body,
    Decision,
    Meeting,
    Person,
)
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.exports.docx_helpers import open_docx, section_text, sections


def _set_top(store: Store, sample: Sample, position: int, **values: object) -> None:
    with store.unit_of_work() as session:
        item = session.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == sample.meeting_id,
                AgendaItem.parent_id.is_(None),
                AgendaItem.position == position,
            )
        ).one()
        for key, value in values.items():
            setattr(item, key, value)


def test_untreated_and_postponed_tops_say_so(store: Store, sample: Sample, tmp_path: Path) -> None:
    _set_top(store, sample, 4, state=AgendaItemState.POSTPONED, result=None)
    _set_top(store, sample, 5, state=AgendaItemState.NOT_TREATED)
    parts = sections(open_docx(export_minutes(store, sample.meeting_id, tmp_path / "p.docx")))
    assert "Vertagt auf die nächste Sitzung." in section_text(
        parts["TOP 4 Grünflächenpflege und Spielplätze"]
    )
    assert section_text(parts["TOP 5 Verschiedenes"]).strip() == "Nicht behandelt."
    treated = section_text(parts["TOP 3 Jugendfreizeiteinrichtungen im Sozialraum"])
    assert "behandelt" not in treated and "vertagt" not in treated.casefold()


def test_votes_read_as_words(store: Store, sample: Sample, tmp_path: Path) -> None:
    with store.unit_of_work() as session:
        decision = session.scalars(
            select(Decision).where(Decision.register_number == "B-2026/018")
        ).one()
        decision.votes_for, decision.votes_against, decision.votes_abstain = 3, 0, 0
        decision.votes_override_reason = "Zwei Ämter stimmten mit je einer Stimme zusätzlich ab."
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "p.docx"))
    parts = sections(doc)
    sub = section_text(parts["TOP 3.1 Bedarfsanalyse Köpenick-Nord"])
    assert "Abstimmung: mit 9 Ja-Stimmen bei 1 Nein-Stimme und 2 Enthaltungen angenommen." in sub
    top4 = section_text(parts["TOP 4 Grünflächenpflege und Spielplätze"])
    assert "Abstimmung: einstimmig angenommen." in top4
    assert "Hinweis zur Abstimmung: Zwei Ämter stimmten mit je einer Stimme zusätzlich ab." in top4
    every = "\n".join(p.text for p in doc.paragraphs)
    assert "(en)" not in every and "dafür" not in every


def _with_quorum(store: Store, sample: Sample, needed: int) -> None:
    with store.unit_of_work() as session:
        meeting = session.get(Meeting, sample.meeting_id)
        assert meeting is not None
        body = session.get(Body, meeting.body_id)
        assert body is not None
        body.quorum = needed


def test_quorum_sentence_and_its_loss(store: Store, sample: Sample, tmp_path: Path) -> None:
    # four voting members: Anna and Bernd present, Dora represented, Clara excused
    _with_quorum(store, sample, 3)
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "a.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Die AG SRO ist mit 3 von 4 stimmberechtigten Mitgliedern beschlussfähig." in text
    assert "nicht mehr beschlussfähig" not in text

    with store.unit_of_work() as session:
        bernd = session.scalars(select(Person).where(Person.name == "Bernd Kurz")).one()
        line = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == sample.meeting_id, Attendance.person_id == bernd.id
            )
        ).one()
        line.left_at = time(11, 40)
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "b.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "Ab 11:40 Uhr war die AG SRO mit 2 von 4 stimmberechtigten Mitgliedern nicht mehr "
        "beschlussfähig." in text
    )


def test_quorum_not_reached_is_stated(store: Store, sample: Sample, tmp_path: Path) -> None:
    _with_quorum(store, sample, 4)
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "a.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Die AG SRO ist mit 3 von 4 stimmberechtigten Mitgliedern nicht beschlussfähig." in text


def test_no_quorum_sentence_where_the_body_has_none(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "a.docx"))
    assert "beschlussfähig" not in "\n".join(p.text for p in doc.paragraphs)


def test_next_meeting_appears_once(store: Store, sample: Sample, tmp_path: Path) -> None:
    with store.unit_of_work() as session:
        session.add(
            AgendaItem(
                meeting_id=sample.meeting_id,
                position=6,
                title="Nächster Termin",
                kind=AgendaItemKind.NEXT_DATE,
                state=AgendaItemState.TREATED,
            )
        )
    doc = open_docx(export_minutes(store, sample.meeting_id, tmp_path / "a.docx"))
    headings = [
        p.text.replace("\u00a0", " ")
        for p in doc.paragraphs
        if p.style is not None and "Heading" in p.style.name
    ]
    assert [h for h in headings if "Nächster Termin" in h] == ["TOP 6 Nächster Termin"]
    text = section_text(sections(doc)["TOP 6 Nächster Termin"])
    assert "Die nächste Sitzung findet am Mittwoch, 20.01.2027 statt." in text
