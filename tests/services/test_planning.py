"""Planning meetings: numbering, agenda from the template, carry-over of open tasks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from sromod.models import AgendaItemKind, MeetingState, TaskReview, TaskStatus
from sromod.services import agenda, meetings, register, tasks
from sromod.services.errors import NotFound, ServiceError
from sromod.services.wording import meeting_title
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan


def test_meetings_are_numbered_per_body(store: Store) -> None:
    body = make_body(store)
    first = meetings.get_meeting(store, plan(store, body, date(2026, 1, 10)))
    second = meetings.get_meeting(store, plan(store, body, date(2026, 2, 10)))
    assert (first.number, second.number) == (1, 2)
    assert meeting_title(second.number, second.body_short_name) == "2. Sitzung der AG SRO"
    assert meetings.resolve_meeting_ref(store, "ag sro/2") == second.id
    with pytest.raises(NotFound, match="AG SRO/9"):
        meetings.resolve_meeting_ref(store, "AG SRO/9")


def test_agenda_comes_from_the_standing_template(store: Store) -> None:
    meeting = plan(store, make_body(store))
    items = agenda.list_agenda(store, meeting)
    assert [i.label for i in items] == ["TOP 1", "TOP 2", "TOP 3", "TOP 4", "TOP 5"]
    assert items[2].title == "Wiedervorlage: Stand der Aufgaben"
    assert items[2].kind == AgendaItemKind.REVIEW
    assert meetings.get_meeting(store, meeting).place == "Rathaus Köpenick, Raum 120"


def test_planning_carries_open_tasks_into_the_wiedervorlage(store: Store) -> None:
    body = make_body(store)
    first = plan(store, body, date(2026, 10, 1))
    top = agenda.add_agenda_item(store, first, "Kiezkasse 2027")
    jug = office_id(store, "Jug")
    kept = tasks.add_task(
        store,
        "Bedarfe der Jugendfreizeiteinrichtungen melden",
        office_id=jug,
        agenda_item_id=top,
        due_date=date(2026, 11, 1),
    )
    done = tasks.add_task(store, "Raum buchen", office_id=jug, agenda_item_id=top)
    tasks.set_task_status(store, done.id, TaskStatus.DONE)

    second = plan(store, body, date(2026, 11, 25))
    review_top = next(
        i for i in agenda.list_agenda(store, second) if i.kind == AgendaItemKind.REVIEW
    )
    reviews = tasks.list_reviews(store, review_top.id)
    assert [r.task.id for r in reviews] == [kept.id]

    # carrying over again never duplicates
    assert meetings.carry_over_open_tasks(store, second) == 0
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(TaskReview)) == 1

    tasks.review_task(store, reviews[0].id, TaskStatus.DONE, "erledigt laut Jugendamt")
    task = tasks.get_task(store, kept.id)
    assert task.status == TaskStatus.DONE and task.completed_on == date(2026, 11, 25)
    history = register.task_history(store, kept.id)
    assert history[-1].new_status == TaskStatus.DONE and history[-1].meeting_id == second


def test_decisions_and_tasks_are_numbered_per_year(store: Store) -> None:
    from sromod.services import decisions

    body = make_body(store)
    m2026 = plan(store, body, date(2026, 11, 25))
    m2027 = plan(store, body, date(2027, 1, 20))
    t26 = agenda.add_agenda_item(store, m2026, "Sozialraumdaten")
    t27 = agenda.add_agenda_item(store, m2027, "Sozialraumdaten")
    numbers = [
        decisions.add_decision(store, t26, f"Beschluss {n}").register_number for n in range(2)
    ]
    numbers.append(
        decisions.add_decision(store, t27, "Neues Jahr", votes=(5, 1, 0)).register_number
    )
    assert numbers == ["B-2026/001", "B-2026/002", "B-2027/001"]
    jug = office_id(store, "Jug")
    assert (
        tasks.add_task(store, "A", office_id=jug, agenda_item_id=t26).register_number
        == "A-2026/0001"
    )
    assert (
        tasks.add_task(store, "B", office_id=jug, agenda_item_id=t27).register_number
        == "A-2027/0001"
    )
    with pytest.raises(ServiceError, match="alle drei"):
        decisions.add_decision(store, t26, "Halbe Abstimmung", votes=(3, None, None))


def test_meeting_states_follow_the_flow(store: Store) -> None:
    meeting = plan(store, make_body(store))
    with pytest.raises(ServiceError, match="kann nicht"):
        meetings.release_minutes(store, meeting)
    meetings.start_meeting(store, meeting)
    meetings.end_meeting(store, meeting)
    meetings.release_minutes(store, meeting)
    info = meetings.get_meeting(store, meeting)
    assert info.state == MeetingState.RELEASED
    assert info.actual_start is not None and info.actual_end is not None


def test_ending_the_meeting_closes_the_running_top(store: Store) -> None:
    from datetime import datetime

    from sromod.models import AgendaItemState

    meeting = plan(store, make_body(store))
    meetings.start_meeting(store, meeting, at=datetime(2026, 11, 25, 10, 0))
    top = agenda.list_agenda(store, meeting)[0]
    agenda.start_agenda_item(store, top.id, at=datetime(2026, 11, 25, 10, 1))
    meetings.end_meeting(store, meeting, at=datetime(2026, 11, 25, 11, 30))
    ended = agenda.get_agenda_item(store, top.id)
    assert ended.actual_end == datetime(2026, 11, 25, 11, 30)
    assert ended.state == AgendaItemState.TREATED


def test_released_minutes_are_final_until_the_release_is_withdrawn(store: Store) -> None:
    from sromod.models import AttendanceStatus
    from sromod.services import attendance, bodies, decisions

    body = make_body(store)
    meeting = plan(store, body)
    top = agenda.add_agenda_item(store, meeting, "Kiezkasse")
    meetings.start_meeting(store, meeting)
    meetings.end_meeting(store, meeting)
    meetings.release_minutes(store, meeting)
    person = bodies.list_members(store, body)[0].person_id
    refused: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = [
        (agenda.update_agenda_item, (top,), {"result": "nachträglich"}),
        (agenda.add_agenda_item, (meeting, "Neu"), {}),
        (agenda.delete_agenda_item, (top,), {}),
        (attendance.set_attendance, (meeting, person, AttendanceStatus.EXCUSED), {}),
        (decisions.add_decision, (top, "Nachgeschoben"), {}),
        (
            tasks.add_task,
            ("Nachgeschoben",),
            {"office_id": office_id(store, "Jug"), "agenda_item_id": top},
        ),
        (meetings.update_meeting, (meeting,), {"place": "anderswo"}),
    ]
    for action, args, kwargs in refused:
        with pytest.raises(ServiceError, match="freigegeben"):
            action(store, *args, **kwargs)
    assert agenda.get_agenda_item(store, top).result is None

    meetings.set_meeting_state(store, meeting, MeetingState.HELD)  # "Freigabe zurücknehmen"
    agenda.update_agenda_item(store, top, result="berichtigt")
    assert agenda.get_agenda_item(store, top).result == "berichtigt"
