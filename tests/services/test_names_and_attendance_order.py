"""One order for people: chair and deputy first, then by surname with titles ignored; arrival
is stamped for everyone marked present while the meeting runs."""

from __future__ import annotations

from datetime import datetime

import pytest

from sromod.models import AttendanceStatus, MeetingState, MemberRole
from sromod.services import attendance, bodies, directory, meetings
from sromod.services.names import name_parts, person_key, surname_key
from sromod.store import Store
from tests.services.helpers import make_body, plan


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Prof. Dr. Sabine von Haase", ("Haase", "Sabine", "von")),
        ("Dr. med. Erik Zander", ("Zander", "Erik", "")),
        ("Haase, Sabine", ("Haase", "Sabine", "")),
        ("Anna Müller, M.A.", ("Müller", "Anna", "")),
        ("Dipl.-Ing. Jan van der Berg", ("Berg", "Jan", "van der")),
        ("Lin Ma", ("Ma", "Lin", "")),  # "Ma" without dots is a surname, not a degree
        ("Frieda Gast (QM Allende)", ("Gast", "Frieda", "")),
        ("Hans-Peter Müller-Lüdenscheidt", ("Müller-Lüdenscheidt", "Hans-Peter", "")),
    ],
)
def test_name_parts(name: str, parts: tuple[str, str, str]) -> None:
    assert name_parts(name) == parts


def test_sorted_by_surname_titles_particles_and_umlauts_ignored() -> None:
    names = [
        "Bernd Zander",
        "Prof. Dr. Anna Zander",
        "Clara von Bock",
        "Dr. Zora Albers",
        "Öle Abel",
    ]
    assert sorted(names, key=surname_key) == [
        "Öle Abel",
        "Dr. Zora Albers",
        "Clara von Bock",
        "Prof. Dr. Anna Zander",
        "Bernd Zander",
    ]


def test_chair_and_deputy_before_everyone() -> None:
    people = [
        ("Anton Abel", MemberRole.MEMBER),
        ("Zoe Zorn", MemberRole.CHAIR),
        ("Dr. Yann Yilmaz", MemberRole.DEPUTY),
        ("Berta Bauer", None),
    ]
    ordered = sorted(people, key=lambda p: person_key(*p))
    assert [n for n, _ in ordered] == ["Zoe Zorn", "Dr. Yann Yilmaz", "Anton Abel", "Berta Bauer"]


def _body_with_roles(store: Store) -> str:
    body_id = make_body(store, members=0)
    for name, role in (
        ("Dr. Mia Weber", MemberRole.MEMBER),
        ("Prof. Dr. Karl Adler", MemberRole.MEMBER),
        ("Zora Zimmer", MemberRole.CHAIR),
        ("Tom von Berg", MemberRole.MEMBER),
        ("Ute Yoon", MemberRole.DEPUTY),
    ):
        person = directory.create_person(store, name)
        bodies.add_member(store, body_id, person, role)
    return body_id


def test_attendance_list_chair_deputy_then_members_by_surname_then_guests(store: Store) -> None:
    meeting_id = plan(store, _body_with_roles(store))
    attendance.add_guest(store, meeting_id, "Dr. Bea Zuse", "QM")
    attendance.add_guest(store, meeting_id, "Arno Gast", "Träger")
    names = [line.name for line in attendance.list_attendance(store, meeting_id)]
    assert names == [
        "Zora Zimmer",
        "Ute Yoon",
        "Prof. Dr. Karl Adler",
        "Tom von Berg",
        "Dr. Mia Weber",
        "Arno Gast",
        "Dr. Bea Zuse",
    ]


def test_arrival_stamped_for_members_and_guests_marked_present_after_the_start(
    store: Store,
) -> None:
    meeting_id = plan(store, _body_with_roles(store))
    lines = attendance.list_attendance(store, meeting_id)
    early = lines[0].person_id
    assert early is not None
    attendance.set_attendance(store, meeting_id, early, AttendanceStatus.PRESENT)
    before_start_guest = attendance.add_guest(store, meeting_id, "Arno Gast")
    meetings.set_meeting_state(store, meeting_id, MeetingState.RUNNING)

    before = datetime.now().time().replace(second=0, microsecond=0)
    late = lines[2].person_id
    assert late is not None
    attendance.set_attendance(store, meeting_id, late, AttendanceStatus.PRESENT)
    late_guest = attendance.add_guest(store, meeting_id, "Kim Gast")
    after = datetime.now().time()
    found = {line.name: line for line in attendance.list_attendance(store, meeting_id)}
    assert found["Zora Zimmer"].arrived_at is None  # marked before the meeting began
    assert found["Arno Gast"].arrived_at is None
    for name in ("Prof. Dr. Karl Adler", "Kim Gast"):
        arrived = found[name].arrived_at
        assert arrived is not None and before <= arrived <= after, name
    assert late_guest != before_start_guest

    # marked present by mistake: the arrival goes with the correction
    attendance.set_attendance(store, meeting_id, late, AttendanceStatus.EXCUSED)
    corrected = {line.name: line for line in attendance.list_attendance(store, meeting_id)}
    assert corrected["Prof. Dr. Karl Adler"].arrived_at is None
    # a time typed by hand wins over the stamp
    attendance.set_attendance(
        store, meeting_id, late, AttendanceStatus.PRESENT, arrived_at=before.replace(hour=9)
    )
    typed = {line.name: line for line in attendance.list_attendance(store, meeting_id)}
    assert typed["Prof. Dr. Karl Adler"].arrived_at == before.replace(hour=9)
