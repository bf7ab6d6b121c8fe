"""Two people on one register: nothing overwritten, undo only of one's own change.

Each test runs on SQLite (two connections to one file) and on PostgreSQL (two engines); the
second user is a second Store on the same database, as a second laptop would be.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from sromod.models import AgendaItemKind, Task, TaskStatus
from sromod.services import agenda, decisions, meetings, tasks, uow
from sromod.services.concurrency import ChangedMeanwhile, expecting, seen
from sromod.store import Store, open_store
from tests.services.helpers import make_body, office_id, plan, second_user


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """A second user's store on the same register."""
    with second_user(store) as second:
        yield second


def new_task(store: Store, title: str = "Spielplatz prüfen") -> tasks.TaskInfo:
    return tasks.add_task(store, title, office_id=office_id(store, "Jug"))


def stored_title(store: Store, task_id: str) -> str:
    with store.session() as session:
        return session.scalars(select(Task.title).where(Task.id == task_id)).one()


def test_the_second_change_of_a_task_seen_before_the_first_is_refused(
    store: Store, other: Store
) -> None:
    task = new_task(store)
    mine, theirs = tasks.get_task(store, task.id), tasks.get_task(other, task.id)

    with expecting(seen("tasks", theirs)):
        uow.record(other, tasks.update_task, task.id, title="Spielplatz sanieren")
    with pytest.raises(ChangedMeanwhile) as refused, expecting(seen("tasks", mine)):
        uow.record(store, tasks.update_task, task.id, title="Spielplatz abreißen")

    assert str(refused.value) == (
        f"Die Aufgabe {task.register_number} wurde inzwischen von jemand anderem geändert. "
        "Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand."
    )
    assert refused.value.table == "tasks"
    # no lost update: the other user's title stands, and reading again shows it
    assert stored_title(store, task.id) == "Spielplatz sanieren"
    current = tasks.get_task(store, task.id)
    assert current.title == "Spielplatz sanieren" and current.version == mine.version + 1
    # with what is shown now, the change goes through
    with expecting(seen("tasks", current)):
        uow.record(store, tasks.update_task, task.id, title="Spielplatz abreißen")
    assert stored_title(other, task.id) == "Spielplatz abreißen"


def test_a_status_change_of_several_tasks_refuses_all_when_one_changed(
    store: Store, other: Store
) -> None:
    first, second = new_task(store, "Eins"), new_task(store, "Zwei")
    shown = seen("tasks", first, second)
    tasks.set_task_status(other, second.id, TaskStatus.IN_PROGRESS)

    with pytest.raises(ChangedMeanwhile, match=second.register_number), expecting(shown):
        uow.record(store, tasks.set_status_of_tasks, [first.id, second.id], TaskStatus.DONE)

    assert tasks.get_task(store, first.id).status == TaskStatus.OPEN  # one transaction: none
    assert tasks.get_task(store, second.id).status == TaskStatus.IN_PROGRESS


def test_meetings_tops_and_decisions_are_guarded_alike(store: Store, other: Store) -> None:
    meeting = meetings.get_meeting(store, plan(store, make_body(store)))
    top = agenda.list_agenda(store, meeting.id)[0]
    decision = decisions.add_decision(store, top.id, "Der Bericht wird zur Kenntnis genommen.")

    meetings.update_meeting(other, meeting.id, place="Rathaus, Raum 2")
    refused = pytest.raises(ChangedMeanwhile, match=rf"^Die Sitzung Nr\. {meeting.number} wurde")
    with refused, expecting(seen("meetings", meeting)):
        meetings.update_meeting(store, meeting.id, place="Rathaus, Raum 1")
    assert meetings.get_meeting(store, meeting.id).place == "Rathaus, Raum 2"

    agenda.update_agenda_item(other, top.id, title="Begrüßung")
    refused = pytest.raises(ChangedMeanwhile, match=r"^Der TOP „Begrüßung“ wurde inzwischen")
    with refused, expecting(seen("agenda_items", top)):
        agenda.update_agenda_item(store, top.id, presenter="Frau Muster")
    assert agenda.get_agenda_item(store, top.id).presenter is None

    decisions.update_decision(other, decision.id, text="Der Bericht wird angenommen.")
    refused = pytest.raises(ChangedMeanwhile, match=f"^Der Beschluss {decision.register_number}")
    with refused, expecting(seen("decisions", decision)):
        decisions.delete_decision(store, decision.id)
    assert [d.text for d in decisions.list_decisions_for_meeting(store, meeting.id)] == [
        "Der Bericht wird angenommen."
    ]


# --- undo -------------------------------------------------------------------------------------


def test_undo_takes_back_only_ones_own_change(store: Store, other: Store) -> None:
    task = new_task(store)
    _r, mine = uow.record(store, tasks.update_task, task.id, title="Spielplatz sanieren")
    tasks.update_task(other, task.id, remark="Angebot liegt vor")

    with pytest.raises(ChangedMeanwhile) as refused:
        uow.undo(store, mine)

    assert str(refused.value) == (
        f"Rückgängig ist nicht möglich: die Aufgabe {task.register_number} wurde seit Ihrer "
        "Änderung von jemand anderem geändert. Der aktuelle Stand bleibt erhalten."
    )
    current = tasks.get_task(store, task.id)
    assert (current.title, current.remark) == ("Spielplatz sanieren", "Angebot liegt vor")


def test_undo_of_a_row_someone_else_deleted_says_so(store: Store, other: Store) -> None:
    meeting = plan(store, make_body(store))
    top = agenda.list_agenda(store, meeting)[0]
    _r, mine = uow.record(store, agenda.update_agenda_item, top.id, title="Begrüßung")
    agenda.delete_agenda_item(other, top.id)

    with pytest.raises(ChangedMeanwhile, match=r"^Rückgängig ist nicht möglich: der TOP „Begr"):
        uow.undo(store, mine)
    assert top.id not in {i.id for i in agenda.list_agenda(store, meeting)}


def test_own_steps_undo_and_redo_in_any_depth_while_others_touch_other_rows(
    store: Store, other: Store
) -> None:
    task, elsewhere = new_task(store), new_task(store, "Anderes")
    steps = [
        uow.record(store, tasks.update_task, task.id, title=title)[1]
        for title in ("Zweiter Titel", "Dritter Titel")
    ]
    _r, status = uow.record(store, tasks.set_task_status, task.id, TaskStatus.DONE)
    steps.append(status)
    tasks.update_task(other, elsewhere.id, title="Vom Kollegen geändert")

    for step in reversed(steps):
        uow.undo(store, step)
    assert tasks.get_task(store, task.id).title == "Spielplatz prüfen"
    assert tasks.get_task(store, task.id).status == TaskStatus.OPEN
    for step in steps:
        uow.redo(store, step)
    assert tasks.get_task(store, task.id).status == TaskStatus.DONE
    assert stored_title(store, elsewhere.id) == "Vom Kollegen geändert"


def test_a_replayed_row_gets_a_new_version_so_others_notice(store: Store, other: Store) -> None:
    task = new_task(store)
    _r, mine = uow.record(store, tasks.update_task, task.id, title="Spielplatz sanieren")
    theirs = tasks.get_task(other, task.id)  # the other user sees the new title …
    uow.undo(store, mine)  # … which is taken back: the old title with a new version

    with pytest.raises(ChangedMeanwhile), expecting(seen("tasks", theirs)):
        tasks.update_task(other, task.id, remark="Zum sanierten Spielplatz")
    assert tasks.get_task(other, task.id).version > theirs.version


def test_a_change_slipping_in_between_read_and_write_is_caught(pg_url: str) -> None:
    """Without a version from the window (the command line): the versioned UPDATE refuses.

    On PostgreSQL two transactions may interleave; on SQLite a writer holds the file from BEGIN.
    """
    with open_store(pg_url) as mine, open_store(pg_url) as theirs:
        task = new_task(mine)
        refused = pytest.raises(ChangedMeanwhile, match=f"^Die Aufgabe {task.register_number} ")
        with refused, uow.unit_of_work(mine) as session:
            loaded = session.get(Task, task.id)
            assert loaded is not None
            tasks.update_task(theirs, task.id, title="Vom Kollegen")  # commits meanwhile
            loaded.title = "Von mir"
        assert stored_title(mine, task.id) == "Vom Kollegen"


def test_undo_of_a_new_task_already_in_a_review_is_refused_with_a_sentence(store: Store) -> None:
    """Planning the next meeting put the new task into its Wiedervorlage: taking the task back
    would leave that review pointing at nothing, so undo refuses and changes nothing."""
    body = make_body(store)
    first = plan(store, body)
    top = agenda.add_agenda_item(store, first, "Spielplätze")
    task, mine = uow.record(
        store, tasks.add_task, "Spielplatz prüfen", office_id=office_id(store, "Jug"),
        agenda_item_id=top,
    )  # fmt: skip
    second = plan(store, body, date(2026, 12, 16))
    review_top = next(
        i.id for i in agenda.list_agenda(store, second) if i.kind == AgendaItemKind.REVIEW
    )
    reviewed = [r.task.id for r in tasks.list_reviews(store, review_top)]
    assert task.id in reviewed

    with pytest.raises(ChangedMeanwhile) as refused:
        uow.undo(store, mine)

    assert str(refused.value) == (
        f"Rückgängig ist nicht möglich: die Aufgabe {task.register_number} wird inzwischen "
        "anderswo verwendet (etwa in der Wiedervorlage einer Sitzung). Der aktuelle Stand "
        "bleibt erhalten."
    )
    assert stored_title(store, task.id) == "Spielplatz prüfen"
    assert task.id in [r.task.id for r in tasks.list_reviews(store, review_top)]
