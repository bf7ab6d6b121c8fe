"""Ending a meeting with TOPs not reached: recorded as postponed or not treated, carried over."""

from __future__ import annotations

from datetime import date, datetime

from sromod.models import AgendaItemState, MeetingState
from sromod.services import agenda, decisions, meetings, untreated, uow
from sromod.services.wording import top_numbers
from sromod.store import Store
from tests.services.helpers import make_body, plan

DAY = date(2026, 11, 25)


def _meeting_with_topics(store: Store) -> tuple[str, str, dict[str, str]]:
    """TOP 1–2 formal, 3 Wiedervorlage, 4–6 topics (4 with sub-items), 7 Verschiedenes, 8 Termin."""
    body = make_body(store)
    meeting = plan(store, body, DAY)
    ids = {}
    for n, title in enumerate(("Kiezkasse", "Spielplätze", "Sozialraumdaten"), 4):
        ids[title] = agenda.add_agenda_item(store, meeting, title, position=n, planned_minutes=15)
    ids["4.1"] = agenda.add_agenda_item(store, meeting, "Anträge", parent_id=ids["Kiezkasse"])
    ids["4.2"] = agenda.add_agenda_item(store, meeting, "Jury", parent_id=ids["Kiezkasse"])
    return body, meeting, ids


def _states(store: Store, meeting: str) -> dict[str, AgendaItemState]:
    return {i.number: i.state for i in agenda.list_agenda(store, meeting)}


def test_the_tops_not_reached_are_named_compactly(store: Store) -> None:
    _body, meeting, ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    for number in ("1", "2", "3"):
        item = next(i for i in agenda.list_agenda(store, meeting) if i.number == number)
        agenda.start_agenda_item(store, item.id, datetime(2026, 11, 25, 10, int(number)))
    agenda.start_agenda_item(store, ids["4.1"], datetime(2026, 11, 25, 10, 30))
    # TOP 5 was dealt with outside the live view: a decision hangs on it
    decisions.add_decision(store, ids["Spielplätze"], "Begehung im Frühjahr.")

    found = untreated.untreated_tops(store, meeting)
    assert [t.number for t in found] == ["4.2", "6", "7", "8"]
    assert top_numbers([t.number for t in found]) == "TOP 4.2, 6–8"


def test_ending_postpones_the_tops_not_reached_in_one_undo_step(store: Store) -> None:
    _body, meeting, _ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    first = agenda.list_agenda(store, meeting)[0]
    agenda.start_agenda_item(store, first.id, datetime(2026, 11, 25, 10, 0))
    before = _states(store, meeting)

    _, changes = uow.record(
        store,
        meetings.end_meeting,
        meeting,
        datetime(2026, 11, 25, 12, 0),
        AgendaItemState.POSTPONED,
    )
    states = _states(store, meeting)
    assert states["1"] == AgendaItemState.TREATED
    assert {states[n] for n in ("2", "3", "4", "4.1", "4.2", "5", "6", "7", "8")} == {
        AgendaItemState.POSTPONED
    }
    assert meetings.get_meeting(store, meeting).state == MeetingState.HELD

    uow.undo(store, changes)
    assert _states(store, meeting) == before
    assert meetings.get_meeting(store, meeting).state == MeetingState.RUNNING


def test_closing_as_not_treated(store: Store) -> None:
    _body, meeting, _ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    meetings.end_meeting(store, meeting, datetime(2026, 11, 25, 12, 0), AgendaItemState.NOT_TREATED)
    assert set(_states(store, meeting).values()) == {AgendaItemState.NOT_TREATED}
    assert untreated.untreated_tops(store, meeting) == []


def test_postponed_tops_are_offered_and_carried_into_the_next_meeting(store: Store) -> None:
    body, meeting, ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    for item in agenda.list_agenda(store, meeting):
        if item.number in ("1", "2", "3", "5", "7", "8"):
            agenda.end_agenda_item(store, item.id, datetime(2026, 11, 25, 11, 0))
    meetings.end_meeting(store, meeting, datetime(2026, 11, 25, 12, 0), AgendaItemState.POSTPONED)

    offered = untreated.postponed_tops(store, body)
    assert [(t.number, t.title, t.meeting_number) for t in offered] == [
        ("4", "Kiezkasse", 1),
        ("6", "Sozialraumdaten", 1),
    ]
    following = meetings.plan_meeting(
        store, body, date(2026, 12, 16), carried_tops=[offered[0].id, offered[1].id]
    )
    new = agenda.list_agenda(store, following)
    assert [(i.number, i.title) for i in new] == [
        ("1", "Begrüßung und Feststellung der Tagesordnung"),
        ("2", "Genehmigung des Protokolls der letzten Sitzung"),
        ("3", "Wiedervorlage: Stand der Aufgaben"),
        ("4", "Kiezkasse"),
        ("4.1", "Anträge"),
        ("4.2", "Jury"),
        ("5", "Sozialraumdaten"),
        ("6", "Verschiedenes"),
        ("7", "Nächster Termin"),
    ]
    assert all(i.state == AgendaItemState.OPEN for i in new)
    carried = {i.title: i.carried_from_id for i in new}
    assert carried["Kiezkasse"] == ids["Kiezkasse"]
    assert carried["Sozialraumdaten"] == ids["Sozialraumdaten"]
    # once carried over, a TOP is not offered again
    assert untreated.postponed_tops(store, body) == []


def test_standing_tops_are_not_offered_twice(store: Store) -> None:
    body, meeting, _ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    meetings.end_meeting(store, meeting, datetime(2026, 11, 25, 12, 0), AgendaItemState.POSTPONED)
    offered = [t.title for t in untreated.postponed_tops(store, body)]
    assert offered == ["Kiezkasse", "Spielplätze", "Sozialraumdaten"]


def test_deleting_a_postponed_top_keeps_the_carried_copy(store: Store) -> None:
    body, meeting, ids = _meeting_with_topics(store)
    meetings.start_meeting(store, meeting, datetime(2026, 11, 25, 10, 0))
    meetings.end_meeting(store, meeting, datetime(2026, 11, 25, 12, 0), AgendaItemState.POSTPONED)
    following = meetings.plan_meeting(
        store, body, date(2026, 12, 16), carried_tops=[ids["Sozialraumdaten"]]
    )
    agenda.delete_agenda_item(store, ids["Sozialraumdaten"])
    titles = [i.title for i in agenda.list_agenda(store, following)]
    assert "Sozialraumdaten" in titles
