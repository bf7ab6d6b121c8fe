"""Data protection: anonymising a person keeps old minutes whole; the retention rule for guests."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from sqlalchemy import func, select

from sromod.exports.minutes_docx import export_minutes
from sromod.models import (
    Attendance,
    Body,
    Decision,
    Meeting,
    Membership,
    Person,
    Task,
)
from sromod.services import privacy, search
from sromod.services.errors import ServiceError
from sromod.services.privacy import ANONYMISED_NAME, GUEST, PERSON
from sromod.services.uow import record, undo
from sromod.store import Store
from tests.exports.conftest import Sample, build_sample

TODAY = date(2026, 11, 25)


def _person_id(store: Store, name: str) -> str:
    with store.session() as session:
        return session.scalars(select(Person.id).where(Person.name == name)).one()


def _counts(store: Store) -> dict[str, object]:
    with store.session() as session:
        return {
            "attendance": session.scalar(select(func.count()).select_from(Attendance)),
            "decisions": session.scalar(select(func.count()).select_from(Decision)),
            "tasks": session.scalar(select(func.count()).select_from(Task)),
            "people": session.scalar(select(func.count()).select_from(Person)),
            "votes": tuple(
                session.execute(
                    select(
                        func.sum(Decision.votes_for),
                        func.sum(Decision.votes_against),
                        func.sum(Decision.votes_abstain),
                    )
                ).one()
            ),
        }


@pytest.fixture
def sample(store: Store) -> Sample:
    return build_sample(store)


def test_anonymised_person_loses_name_and_contact_but_keeps_their_part(
    store: Store, sample: Sample
) -> None:
    bernd = _person_id(store, "Bernd Kurz")
    before = _counts(store)
    privacy.anonymise_person(store, bernd)
    assert _counts(store) == before
    with store.session() as session:
        person = session.get(Person, bernd)
        assert person is not None
        assert person.name == ANONYMISED_NAME
        assert (person.email, person.phone, person.function, person.organisation) == (None,) * 4
        assert person.anonymised_at is not None and not person.contact_consent
        # What they did stays theirs: the task, the attendance line, the minute taking.
        task = session.get(Task, sample.task_ids["jug"])
        assert task is not None and task.person_id == bernd
        assert (
            session.scalar(select(Meeting.minute_taker_id).where(Meeting.id == sample.meeting_id))
            == bernd
        )
        assert (
            session.scalar(
                select(func.count()).select_from(Attendance).where(Attendance.person_id == bernd)
            )
            == 1
        )
    # The directory search no longer finds the name (free text written by users is theirs).
    assert search.search(store, "Kurz", kinds=("person",)) == []


def test_anonymisation_keeps_the_minutes_structure_and_numbers(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    before = export_minutes(store, sample.meeting_id, tmp_path / "vorher.docx")
    privacy.anonymise_person(store, _person_id(store, "Bernd Kurz"))
    after = export_minutes(store, sample.meeting_id, tmp_path / "nachher.docx")
    old, new = Document(str(before)), Document(str(after))
    assert [(len(t.rows), len(t.columns)) for t in old.tables] == [
        (len(t.rows), len(t.columns)) for t in new.tables
    ]
    assert len(old.paragraphs) == len(new.paragraphs)
    old_text, new_text = _all_text(old), _all_text(new)
    numbers = re.compile(r"[AB]-\d{4}/\d+|\b\d+\b")
    assert numbers.findall(old_text) == numbers.findall(new_text)
    assert ANONYMISED_NAME in new_text
    assert "bernd.kurz@ba-tk.berlin.de" not in new_text
    assert "90297-9999" not in new_text


def _all_text(doc: DocumentObject) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_anonymisation_can_be_undone(store: Store, sample: Sample) -> None:
    bernd = _person_id(store, "Bernd Kurz")
    _result, changes = record(store, privacy.anonymise_person, bernd)
    undo(store, changes)
    with store.session() as session:
        person = session.get(Person, bernd)
        assert person is not None and person.name == "Bernd Kurz"
        assert person.email == "bernd.kurz@ba-tk.berlin.de"


def test_anonymising_an_unknown_person_says_so(store: Store) -> None:
    with pytest.raises(ServiceError):
        privacy.anonymise_person(store, "gibt-es-nicht")


# --- retention of guests -------------------------------------------------------------------


@pytest.fixture
def guests(store: Store) -> dict[str, str]:
    """Guests and external people seen at different times, and a member who is not a guest."""
    with store.unit_of_work() as s:
        body = Body(name="Ortsteilkonferenz Altglienicke", short_name="OTK Altglienicke")
        s.add(body)
        s.flush()
        old = Meeting(body_id=body.id, number=1, date=date(2023, 5, 10))
        recent = Meeting(body_id=body.id, number=2, date=date(2026, 6, 3))
        extern_old = Person(name="Olga Alt", external=True, organisation="Träger A",
                            email="olga@example.org")  # fmt: skip
        extern_recent = Person(name="Rita Neu", external=True, organisation="Träger B")
        extern_member = Person(name="Mia Mitglied", external=True, organisation="QM")
        extern_with_task = Person(name="Tom Aufgabe", external=True, organisation="Träger C")
        s.add_all([old, recent, extern_old, extern_recent, extern_member, extern_with_task])
        s.flush()
        s.add(Membership(body_id=body.id, person_id=extern_member.id))
        s.add(Task(year=2023, seq=1, register_number="A-2023/0001", title="Flyer",
                   person_id=extern_with_task.id))  # fmt: skip
        lines = {
            "gast_alt": Attendance(meeting_id=old.id, guest_name="Gerd Gast",
                                   guest_organisation="Kiezladen"),
            "gast_wieder_da_alt": Attendance(meeting_id=old.id, guest_name="Wanda Wieder"),
            "gast_wieder_da_neu": Attendance(meeting_id=recent.id, guest_name="wanda  wieder"),
        }  # fmt: skip
        s.add_all(lines.values())
        for person in (extern_old, extern_member, extern_with_task):
            s.add(Attendance(meeting_id=old.id, person_id=person.id))
        s.add(Attendance(meeting_id=recent.id, person_id=extern_recent.id))
        s.flush()
        ids = {key: line.id for key, line in lines.items()}
        ids |= {"olga": extern_old.id, "tom": extern_with_task.id, "rita": extern_recent.id}
        return ids


def test_preview_lists_only_those_not_seen_for_the_period(
    store: Store, guests: dict[str, str]
) -> None:
    before = _counts(store)
    found = privacy.guests_to_expire(store, 24, today=TODAY)
    assert [(c.kind, c.name, c.last_seen) for c in found] == [
        (GUEST, "Gerd Gast", date(2023, 5, 10)),
        (PERSON, "Olga Alt", date(2023, 5, 10)),
        (PERSON, "Tom Aufgabe", date(2023, 5, 10)),
    ]
    assert _counts(store) == before  # a preview changes nothing


def test_the_period_comes_from_the_settings(store: Store, guests: dict[str, str]) -> None:
    assert privacy.retention_months(store) == 24  # shipped default
    privacy.set_retention_months(store, 60)
    assert privacy.guests_to_expire(store, today=TODAY) == []
    privacy.set_retention_months(store, None)
    with pytest.raises(ServiceError) as caught:
        privacy.guests_to_expire(store, today=TODAY)
    assert caught.value.message == "Es ist keine Aufbewahrungsfrist für Gäste eingestellt."
    with pytest.raises(ServiceError) as caught:
        privacy.set_retention_months(store, 0)
    assert caught.value.message == "Die Aufbewahrungsfrist muss zwischen 1 und 1200 Monaten liegen."


def test_expiry_by_anonymising_keeps_every_line(store: Store, guests: dict[str, str]) -> None:
    before = _counts(store)
    result = privacy.expire_guests(store, 24, "anonymise", today=TODAY)
    assert (result.anonymised, result.deleted) == (3, 0)
    assert _counts(store) == before
    with store.session() as session:
        line = session.get(Attendance, guests["gast_alt"])
        assert line is not None
        assert (line.guest_name, line.guest_organisation) == (ANONYMISED_NAME, None)
        olga = session.get(Person, guests["olga"])
        assert olga is not None and olga.name == ANONYMISED_NAME and olga.email is None
        rita = session.get(Person, guests["rita"])
        assert rita is not None and rita.name == "Rita Neu"
    assert privacy.guests_to_expire(store, 24, today=TODAY) == []


def test_expiry_by_deleting_spares_people_named_in_tasks(
    store: Store, guests: dict[str, str]
) -> None:
    result = privacy.expire_guests(store, 24, "delete", today=TODAY)
    assert (result.anonymised, result.deleted) == (1, 2)
    with store.session() as session:
        assert session.get(Attendance, guests["gast_alt"]) is None
        assert session.get(Person, guests["olga"]) is None
        tom = session.get(Person, guests["tom"])
        assert tom is not None and tom.name == ANONYMISED_NAME  # the task keeps its person
        assert session.get(Attendance, guests["gast_wieder_da_alt"]) is not None
    with store.session() as session:
        assert session.execute(select(func.count()).select_from(Task)).scalar() == 1


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 25), 24, date(2024, 11, 25)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_cutoff_counts_calendar_months(today: date, months: int, expected: date) -> None:
    assert privacy.cutoff_date(months, today) == expected


def test_log_holds_no_personal_data_or_minutes_text(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger="sromod")
    sample = build_sample(store)
    export_minutes(store, sample.meeting_id, tmp_path / "protokoll.docx")
    bernd = _person_id(store, "Bernd Kurz")
    privacy.anonymise_person(store, bernd)
    privacy.expire_guests(store, 1, "anonymise", today=date(2030, 1, 1))
    logged = caplog.text
    for secret in ("Bernd", "Kurz", "anna.berger", "90297", "Frieda", "Bedarfsanalyse", "Begehung"):
        assert secret not in logged
