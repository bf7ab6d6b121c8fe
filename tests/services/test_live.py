"""The live state of a meeting: one read with the running TOP, the current one and its records."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sromod.models import AgendaItemKind
from sromod.services import agenda, decisions, live, meetings, tasks
from sromod.services.errors import NotFound
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan

START = datetime(2026, 11, 25, 10, 0)


def _meeting_with_carried_task(store: Store) -> tuple[str, str]:
    """A running meeting whose Wiedervorlage reviews one task of the meeting before."""
    body = make_body(store)
    earlier = plan(store, body, date(2026, 10, 1))
    top = agenda.add_agenda_item(store, earlier, "Kiezkasse 2027")
    carried = tasks.add_task(
        store, "Raumbuchung klären", office_id=office_id(store, "Jug"), agenda_item_id=top
    )
    meeting = plan(store, body)
    meetings.start_meeting(store, meeting, START)
    return meeting, carried.id


def test_before_any_top_runs_the_first_is_current(store: Store) -> None:
    meeting, _ = _meeting_with_carried_task(store)
    state = live.live_state(store, meeting)
    assert state.is_running and state.running is None
    assert state.current == state.items[0]
    assert state.neighbour(1) == state.items[1] and state.neighbour(-1) is None
    assert state.quorum.voting_members == 3 and state.quorum.voting_present == 0


def test_the_running_top_is_current_with_its_own_decisions_and_tasks(store: Store) -> None:
    meeting, _ = _meeting_with_carried_task(store)
    first, second = (i.id for i in agenda.list_agenda(store, meeting)[:2])
    decisions.add_decision(store, first, "Die Tagesordnung wird festgestellt.")
    decided = decisions.add_decision(store, second, "Das Protokoll wird genehmigt.")
    task = tasks.add_task(
        store, "Protokoll versenden", office_id=office_id(store, "SGA"), agenda_item_id=second
    )
    agenda.start_agenda_item(store, second, START)
    state = live.live_state(store, meeting, current_id=first)
    assert state.running_id == state.current_id == second
    assert [d.id for d in state.decisions] == [decided.id]
    assert [t.id for t in state.tasks] == [task.id]
    assert state.reviews == ()


def test_between_tops_the_current_one_stays_and_a_review_brings_its_tasks(store: Store) -> None:
    meeting, carried = _meeting_with_carried_task(store)
    review = next(i for i in agenda.list_agenda(store, meeting) if i.kind == AgendaItemKind.REVIEW)
    agenda.start_agenda_item(store, review.id, START)
    agenda.end_agenda_item(store, review.id, START)
    state = live.live_state(store, meeting, current_id=review.id)
    assert state.running is None and state.current_id == review.id and state.is_review
    assert [r.task.id for r in state.reviews] == [carried]
    assert state.office_names["Jug"] == "Jugendamt"
    # a TOP that is gone (say, deleted by an undo) gives way to the first
    assert live.live_state(store, meeting, current_id="weg").current == state.items[0]


def test_a_deleted_meeting_is_not_found(store: Store) -> None:
    meeting = plan(store, make_body(store))
    assert not live.live_state(store, meeting).is_running
    meetings.delete_meeting(store, meeting)
    with pytest.raises(NotFound):
        live.live_state(store, meeting)
