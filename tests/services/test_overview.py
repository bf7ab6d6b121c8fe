"""The first screen's overview: each body's next meeting and the tasks due before it."""

from __future__ import annotations

from datetime import date, timedelta

from sromod.models import BodyKind, MeetingState, TaskStatus
from sromod.services import bodies, meetings, overview, tasks
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan

TODAY = date(2026, 11, 29)


def test_next_meeting_is_the_soonest_planned_one_and_counts_what_is_due(store: Store) -> None:
    body = make_body(store)
    plan(store, body, TODAY - timedelta(days=7))
    cancelled = plan(store, body, TODAY + timedelta(days=2))
    meetings.set_meeting_state(store, cancelled, MeetingState.CANCELLED)
    soon = plan(store, body, TODAY + timedelta(days=9))
    plan(store, body, TODAY + timedelta(days=60))
    jug = office_id(store, "Jug")
    for days, status in ((-5, TaskStatus.OPEN), (3, TaskStatus.IN_PROGRESS),
                         (9, TaskStatus.DEFERRED), (-2, TaskStatus.DONE), (20, TaskStatus.OPEN)):  # fmt: skip
        task = tasks.add_task(store, "t", office_id=jug, body_id=body,
                              due_date=TODAY + timedelta(days=days))  # fmt: skip
        if status != TaskStatus.OPEN:
            tasks.set_task_status(store, task.id, status)

    (entry,) = overview.next_meetings(store, TODAY)
    assert entry.meeting_id == soon
    assert (entry.due, entry.overdue) == (3, 1)  # due by the 9th day; one of them already late
    found = meetings.list_meetings(store, body)
    assert overview.next_meeting_id(found, TODAY) == soon


def test_a_running_meeting_comes_first_and_resting_bodies_are_left_out(store: Store) -> None:
    body = make_body(store)
    running = plan(store, body, TODAY)
    meetings.start_meeting(store, running)
    plan(store, body, TODAY + timedelta(days=1))
    resting = bodies.create_body(store, "Ruhende Runde", "RR", BodyKind.WORKING_GROUP)
    plan(store, resting, TODAY + timedelta(days=1))
    bodies.update_body(store, resting, active=False)

    entries = overview.next_meetings(store, TODAY)
    assert [(e.meeting_id, e.state) for e in entries] == [(running, MeetingState.RUNNING)]
    assert overview.next_meeting_id(meetings.list_meetings(store, body), TODAY) == running
    assert overview.next_meeting_id([], TODAY) is None
