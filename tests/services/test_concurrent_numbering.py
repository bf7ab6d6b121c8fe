"""Register and meeting numbers under concurrent writers: no duplicate, no gap, no lost row.

Several threads, each with its own engine (a user of its own), create tasks, decisions and
meetings at the same moment. The next number is the highest plus one, read under a lock of the
number series (PostgreSQL: a transaction advisory lock; SQLite: the write lock taken at BEGIN).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from sromod.models import Decision, Meeting, Task
from sromod.services import agenda, decisions, meetings, tasks
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan, second_user

WRITERS = 6
EACH = 4


def run_at_once(store: Store, work: Callable[[Store, int], None]) -> None:
    """`work(its_store, n)` in WRITERS threads released together; any error fails the test."""
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with second_user(store) as own:
                start.wait()
                work(own, n)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def numbers(store: Store, column: object, where: object = True) -> list[str]:
    with store.session() as session:
        return sorted(session.scalars(select(column).where(where)))  # type: ignore[call-overload]


def test_task_numbers_stay_unique_and_contiguous(store: Store) -> None:
    jug = office_id(store, "Jug")

    def work(own: Store, n: int) -> None:
        for k in range(EACH):
            tasks.add_task(own, f"Aufgabe {n}.{k}", office_id=jug)

    run_at_once(store, work)
    year = date.today().year
    assert numbers(store, Task.register_number) == [
        f"A-{year}/{seq:04d}" for seq in range(1, WRITERS * EACH + 1)
    ]
    assert numbers(store, Task.title) == sorted(
        f"Aufgabe {n}.{k}" for n in range(WRITERS) for k in range(EACH)
    )


def test_decision_and_meeting_numbers_stay_unique_and_contiguous(store: Store) -> None:
    body = make_body(store)
    meeting = plan(store, body, date(2026, 11, 25))
    top = agenda.list_agenda(store, meeting)[0].id

    def work(own: Store, n: int) -> None:
        for k in range(EACH):
            decisions.add_decision(own, top, f"Beschluss {n}.{k}")
            meetings.plan_meeting(own, body, date(2027, 1, 1 + n))

    run_at_once(store, work)
    assert numbers(store, Decision.register_number) == [
        f"B-2026/{seq:03d}" for seq in range(1, WRITERS * EACH + 1)
    ]
    with store.session() as session:
        held = session.scalars(select(Meeting.number).where(Meeting.body_id == body)).all()
        assert sorted(held) == list(range(1, WRITERS * EACH + 2))  # the first one, and the rest
        assert session.scalar(select(func.count()).select_from(Decision)) == WRITERS * EACH
