"""Votes: checked against the voting members present, outcome and wording from the counts."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from sromod.models import AttendanceStatus
from sromod.services import agenda, attendance, bodies, decisions, meetings
from sromod.services.errors import ServiceError
from sromod.services.wording import vote_adopted, votes_in_words
from sromod.store import Store
from tests.services.helpers import make_body, plan


def _meeting_with_voters(store: Store) -> tuple[str, str, list[str]]:
    """Five voting members: three present, one represented, one excused; TOP "Kiezkasse"."""
    body = make_body(store, members=5, quorum=3)
    meeting = plan(store, body, date(2026, 11, 25))
    people = [m.person_id for m in bodies.list_members(store, body)]
    statuses = [AttendanceStatus.PRESENT] * 3 + [
        AttendanceStatus.REPRESENTED,
        AttendanceStatus.EXCUSED,
    ]
    for person, status in zip(people, statuses, strict=True):
        attendance.set_attendance(
            store,
            meeting,
            person,
            status,
            represented_by="Vertretung" if status == AttendanceStatus.REPRESENTED else None,
        )
    top = agenda.add_agenda_item(store, meeting, "Kiezkasse")
    return meeting, top, people


@pytest.mark.parametrize(
    ("votes", "words"),
    [
        ((12, 0, 0), "einstimmig angenommen"),
        ((9, 2, 1), "mit 9 Ja-Stimmen bei 2 Nein-Stimmen und 1 Enthaltung angenommen"),
        ((1, 0, 3), "mit 1 Ja-Stimme bei 3 Enthaltungen angenommen"),
        ((5, 1, 0), "mit 5 Ja-Stimmen bei 1 Nein-Stimme angenommen"),
        ((3, 3, 1), "mit 3 Ja-Stimmen bei 3 Nein-Stimmen und 1 Enthaltung abgelehnt"),
        ((0, 6, 0), "einstimmig abgelehnt"),
        ((0, 0, 4), "ohne Ja-Stimme bei 4 Enthaltungen abgelehnt"),
    ],
)
def test_votes_in_words(votes: tuple[int, int, int], words: str) -> None:
    assert votes_in_words(*votes) == words
    assert "(en)" not in words


def test_outcome_is_a_simple_majority_of_the_votes_cast() -> None:
    assert vote_adopted(4, 3) and not vote_adopted(3, 3) and not vote_adopted(2, 5)


def test_voters_count_substitutes_and_not_who_has_left(store: Store) -> None:
    meeting, top, people = _meeting_with_voters(store)
    assert decisions.voters_present(store, top) == 4
    line = next(a for a in attendance.list_attendance(store, meeting) if a.person_id == people[0])
    assert line.id is not None
    attendance.update_attendance(store, line.id, left_at=time(11, 0))
    assert decisions.voters_present(store, top, at=time(10, 30)) == 4
    assert decisions.voters_present(store, top, at=time(11, 30)) == 3


def test_more_votes_than_voters_are_refused_without_a_reason(store: Store) -> None:
    _meeting, top, _people = _meeting_with_voters(store)
    with pytest.raises(ServiceError) as refused:
        decisions.add_decision(store, top, "Kiezkasse wird verteilt.", votes=(14, 0, 2))
    assert str(refused.value) == (
        "16 Stimmen abgegeben, aber nur 4 stimmberechtigte Mitglieder anwesend. "
        "Bitte die Zahlen prüfen oder die Abweichung begründen."
    )
    assert decisions.list_decisions_for_meeting(store, _meeting) == []

    kept = decisions.add_decision(
        store,
        top,
        "Kiezkasse wird verteilt.",
        votes=(5, 0, 0),
        votes_override_reason="Eine Vertretung hatte zwei Stimmen (Jug und Soz).",
    )
    stored = decisions.list_decisions_for_meeting(store, _meeting)[0]
    assert (stored.votes_for, stored.votes_against, stored.votes_abstain) == (5, 0, 0)
    assert stored.votes_override_reason == "Eine Vertretung hatte zwei Stimmen (Jug und Soz)."

    # an edit back within the voters drops the reason; an edit beyond them needs one again
    decisions.update_decision(store, kept.id, votes_for=3, votes_against=1, votes_abstain=0)
    stored = decisions.list_decisions_for_meeting(store, _meeting)[0]
    assert stored.votes_override_reason is None
    with pytest.raises(ServiceError, match="7 Stimmen abgegeben, aber nur 4"):
        decisions.update_decision(store, kept.id, votes_for=6)


def test_a_sum_below_the_voters_is_taken_with_a_warning(store: Store) -> None:
    _meeting, top, _people = _meeting_with_voters(store)
    check = decisions.check_votes(store, top, (2, 1, 0))
    assert check.differs and not check.too_many
    assert check.sentence() == "3 Stimmen abgegeben bei 4 anwesenden stimmberechtigten Mitgliedern."
    assert decisions.add_decision(store, top, "Text", votes=(2, 1, 0)).votes_for == 2


def test_unanimous_means_every_voter_present_votes_for(store: Store) -> None:
    _meeting, top, _people = _meeting_with_voters(store)
    assert decisions.unanimous_votes(store, top) == (4, 0, 0)


def test_without_attendance_there_is_nothing_to_check(store: Store) -> None:
    body = make_body(store)
    meeting = plan(store, body)
    top = agenda.add_agenda_item(store, meeting, "Kiezkasse")
    assert decisions.voters_present(store, top) is None
    assert not decisions.check_votes(store, top, (14, 0, 2)).differs
    assert decisions.add_decision(store, top, "Text", votes=(14, 0, 2)).votes_for == 14


def test_no_votes_at_all_is_not_a_vote(store: Store) -> None:
    _meeting, top, _people = _meeting_with_voters(store)
    with pytest.raises(ServiceError, match="mindestens eine Stimme"):
        decisions.add_decision(store, top, "Text", votes=(0, 0, 0))


def test_a_running_vote_counts_the_voters_at_this_moment(store: Store) -> None:
    meeting, top, people = _meeting_with_voters(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    agenda.start_agenda_item(store, top, datetime(2026, 11, 25, 10, 5))
    line = next(a for a in attendance.list_attendance(store, meeting) if a.person_id == people[1])
    assert line.id is not None
    attendance.update_attendance(store, line.id, left_at=time(0, 0))  # left before "now"
    assert decisions.voters_present(store, top) == 3
