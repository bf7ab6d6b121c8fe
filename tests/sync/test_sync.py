"""`sromod sync` on an existing replica: pull, merge, push, conflicts, numbers."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sromod import cli
from sromod.models import TaskStatus
from sromod.services import agenda, bodies, decisions, directory, meetings, tasks
from sromod.services.register import TaskRow, task_page
from sromod.services.sync_conflicts import list_conflicts, resolve_conflict
from sromod.services.task_query import TaskFilter
from sromod.store import open_store
from tests.services.helpers import office_id
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import Register, _register


def _tasks(url_or_path: str | Path) -> dict[str, TaskRow]:
    with open_store(url_or_path, create=False) as store:
        return {r.title: r for r in task_page(store, TaskFilter())}


def test_an_offline_meeting_goes_to_the_register_while_an_office_lead_changes_a_status(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    with open_store(laptop) as store:  # offline: the meeting happens
        item = agenda.add_agenda_item(store, reg.nord_meeting, "Neuer Spielplatz")
        decision = decisions.add_decision(store, item, "Der Spielplatz wird gebaut")
        tasks.add_task(store, "Bauantrag stellen", office_id=office_id(store, "SGA"),
                       agenda_item_id=item, decision_id=decision.id)  # fmt: skip
    server_tasks = _tasks(pg_url)
    with open_store(pg_url, create=False) as server:  # meanwhile in the office
        tasks.set_task_status(server, server_tasks["Spielplatz prüfen"].id, TaskStatus.DONE)
    assert cli.main(["sync", "--db", str(laptop), "--server", pg_url]) == 0
    out = capsys.readouterr().out
    assert "Abgleich abgeschlossen." in out and "Ins Register geschrieben: " in out
    on_server = _tasks(pg_url)
    assert on_server["Bauantrag stellen"].register_number.startswith("A-")
    with open_store(pg_url, create=False) as server:
        texts = [d.text for d in decisions.list_decisions_for_meeting(server, reg.nord_meeting)]
        assert "Der Spielplatz wird gebaut" in texts
        titles = [a.title for a in agenda.list_agenda(server, reg.nord_meeting)]
        assert "Neuer Spielplatz" in titles
    here = _tasks(laptop)
    assert here["Spielplatz prüfen"].status == TaskStatus.DONE
    assert (
        here["Bauantrag stellen"].register_number == on_server["Bauantrag stellen"].register_number
    )
    # A second sync has nothing to do.
    outcome = sync(pg_url, laptop)
    assert not outcome.pushed and not outcome.conflicts


def _laptop_and_task(url: str, tmp_path: Path) -> tuple[Path, str]:
    """A replica of StR Nord, and the id of its task "Spielplatz prüfen"."""
    _register(url)
    laptop = make_replica(url, tmp_path / "laptop.db", "StR Nord")
    return laptop, _tasks(url)["Spielplatz prüfen"].id


def test_the_same_field_changed_on_both_sides_is_a_conflict_the_user_resolves(
    pg_url: str, tmp_path: Path
) -> None:
    laptop, task_id = _laptop_and_task(pg_url, tmp_path)
    with open_store(laptop) as store:
        tasks.update_task(store, task_id, due_date=date(2027, 1, 15))
    with open_store(pg_url, create=False) as server:
        tasks.update_task(server, task_id, due_date=date(2027, 2, 1))
    outcome = sync(pg_url, laptop)
    assert outcome.conflicts == 1
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        assert (conflict.table, conflict.field) == ("tasks", "due_date")
        assert conflict.local_value == date(2027, 1, 15)
        assert conflict.server_value == date(2027, 2, 1)
        assert conflict.server_changed_at is not None and conflict.server_changed_by
        assert "Spielplatz prüfen" in conflict.row_label
        assert tasks.get_task(store, task_id).due_date == date(2027, 2, 1)  # the server's stands
        resolve_conflict(store, conflict.id, take_local=True)
        assert list_conflicts(store) == []
    sync(pg_url, laptop)
    assert _tasks(pg_url)["Spielplatz prüfen"].due_date == date(2027, 1, 15)
    assert _tasks(laptop)["Spielplatz prüfen"].due_date == date(2027, 1, 15)


def test_a_conflict_resolved_for_the_server_keeps_the_servers_value(
    pg_url: str, tmp_path: Path
) -> None:
    laptop, task_id = _laptop_and_task(pg_url, tmp_path)
    with open_store(laptop) as store:
        tasks.update_task(store, task_id, title="Spielplatz prüfen (Laptop)")
    with open_store(pg_url, create=False) as server:
        tasks.update_task(server, task_id, title="Spielplatz prüfen (Büro)")
    sync(pg_url, laptop)
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        resolve_conflict(store, conflict.id, take_local=False)
    outcome = sync(pg_url, laptop)
    assert not outcome.pushed.get("tasks")
    assert "Spielplatz prüfen (Büro)" in _tasks(pg_url)
    assert "Spielplatz prüfen (Büro)" in _tasks(laptop)


def test_different_fields_merge(pg_url: str, tmp_path: Path) -> None:
    laptop, task_id = _laptop_and_task(pg_url, tmp_path)
    with open_store(laptop) as store:
        tasks.update_task(store, task_id, due_date=date(2027, 3, 1))
    with open_store(pg_url, create=False) as server:
        tasks.set_task_status(server, task_id, TaskStatus.IN_PROGRESS)
    outcome = sync(pg_url, laptop)
    assert outcome.merged == 1 and outcome.conflicts == 0
    for where in (pg_url, laptop):
        row = _tasks(where)["Spielplatz prüfen"]
        assert (row.due_date, row.status) == (date(2027, 3, 1), TaskStatus.IN_PROGRESS)


def test_two_laptops_plan_the_13th_meeting_offline(pg_url: str, tmp_path: Path) -> None:
    reg = _register(pg_url)
    one = make_replica(pg_url, tmp_path / "eins.db", "StR Nord")
    two = make_replica(pg_url, tmp_path / "zwei.db", "StR Nord")
    for laptop, day in ((one, date(2026, 12, 1)), (two, date(2026, 12, 8))):
        with open_store(laptop) as store:
            meetings.plan_meeting(store, reg.nord, day)
    sync(pg_url, one)
    outcome = sync(pg_url, two)
    assert [(r.old, r.new) for r in outcome.renumbered] == [("StR Nord/2", "StR Nord/3")]
    sync(pg_url, one)
    for where in (pg_url, one, two):
        with open_store(where, create=False) as store:
            listed = {m.date: m.number for m in meetings.list_meetings(store, reg.nord)}
        assert listed == {date(2026, 3, 10): 1, date(2026, 12, 1): 2, date(2026, 12, 8): 3}


def _sub_top(where: str | Path, meeting_id: str) -> dict[str, str]:
    with open_store(where, create=False) as store:
        return {a.title: a.id for a in agenda.list_agenda(store, meeting_id)}


def _laptop_and_sub_top(url: str, tmp_path: Path) -> tuple[Register, Path, str]:
    """The register, a replica of StR Nord, and the id of the sub-TOP "Spielgeräte Nord"."""
    reg = _register(url)
    laptop = make_replica(url, tmp_path / "laptop.db", "StR Nord")
    return reg, laptop, _sub_top(url, reg.nord_meeting)["Spielgeräte Nord"]


def test_an_edit_against_a_deletion_on_the_server_is_a_conflict(
    pg_url: str, tmp_path: Path
) -> None:
    reg, laptop, item = _laptop_and_sub_top(pg_url, tmp_path)
    with open_store(laptop) as store:
        agenda.update_agenda_item(store, item, title="Spielgeräte Nord (geprüft)")
    with open_store(pg_url, create=False) as server:
        agenda.delete_agenda_item(server, item)
    outcome = sync(pg_url, laptop)
    assert outcome.conflicts == 1
    assert item not in _sub_top(laptop, reg.nord_meeting).values()  # the server's deletion stands
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        assert conflict.kind == "deleted_on_server" and conflict.table == "agenda_items"
        assert conflict.row_label.startswith("Spielgeräte Nord (geprüft)")
        resolve_conflict(store, conflict.id, take_local=True)  # made again, from the laptop
    sync(pg_url, laptop)
    assert _sub_top(pg_url, reg.nord_meeting)["Spielgeräte Nord (geprüft)"] == item


def test_a_deletion_against_an_edit_on_the_server_is_a_conflict(
    pg_url: str, tmp_path: Path
) -> None:
    reg, laptop, item = _laptop_and_sub_top(pg_url, tmp_path)
    with open_store(laptop) as store:
        agenda.delete_agenda_item(store, item)
    with open_store(pg_url, create=False) as server:
        agenda.update_agenda_item(server, item, title="Spielgeräte Nord (Büro)")
    assert sync(pg_url, laptop).conflicts == 1
    assert _sub_top(laptop, reg.nord_meeting)["Spielgeräte Nord (Büro)"] == item  # restored
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
        assert conflict.kind == "deleted_here"
        resolve_conflict(store, conflict.id, take_local=True)  # deleted after all
    sync(pg_url, laptop)
    assert item not in _sub_top(pg_url, reg.nord_meeting).values()


def test_a_deletion_nobody_else_touched_goes_to_the_register(pg_url: str, tmp_path: Path) -> None:
    reg, laptop, item = _laptop_and_sub_top(pg_url, tmp_path)
    with open_store(laptop) as store:
        agenda.delete_agenda_item(store, item)
    outcome = sync(pg_url, laptop)
    assert outcome.pushed["agenda_items"] == 1 and outcome.conflicts == 0
    assert item not in _sub_top(pg_url, reg.nord_meeting).values()


def test_the_replicas_journal_survives_an_upgrade_of_its_schema(
    pg_url: str, tmp_path: Path
) -> None:
    laptop, task_id = _laptop_and_task(pg_url, tmp_path)
    with sqlite3.connect(laptop) as raw:  # as if a migration had rebuilt the tasks table
        raw.execute("DROP TRIGGER sync_tasks_update")
        raw.execute("UPDATE alembic_version SET version_num = '0009'")
    with open_store(laptop) as store:  # upgraded on opening
        tasks.update_task(store, task_id, remark="nach dem Update")
    sync(pg_url, laptop)
    with open_store(pg_url, create=False) as server:
        assert tasks.get_task(server, task_id).remark == "nach dem Update"


def test_rows_entering_and_leaving_the_scope(pg_url: str, tmp_path: Path) -> None:
    reg = _register(pg_url)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    rows = _tasks(pg_url)
    with open_store(pg_url, create=False) as server:
        jug, soz = office_id(server, "Jug"), office_id(server, "Soz")
        # The Sozialamt is no member of StR Nord, the Jugendamt is.
        tasks.update_task(server, rows["Sozialberatung Süd"].id, office_id=jug, person_id=None)
        tasks.update_task(server, rows["Jugendclub Süd öffnen"].id, office_id=soz, person_id=None)
        bodies.add_member(server, reg.nord, reg.people["Clara Süd"])
    assert "Sozialberatung Süd" not in _tasks(laptop)
    sync(pg_url, laptop)
    here = _tasks(laptop)
    assert "Sozialberatung Süd" in here and "Jugendclub Süd öffnen" not in here
    with open_store(laptop) as store:
        names = {p.name for p in directory.list_people(store)}
    assert "Clara Süd" in names  # a new member brings the person along


def test_register_numbers_taken_elsewhere_are_renumbered_and_reported(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)  # B-…/001 in StR Nord, B-…/002 in StR Süd (not in the replica)
    laptop = make_replica(pg_url, tmp_path / "laptop.db", "StR Nord")
    item = _sub_top(pg_url, reg.nord_meeting)["Spielplatz Nord"]
    with open_store(laptop) as store:
        made = [decisions.add_decision(store, item, f"Offline {n}") for n in range(3)]
    year = date.today().year
    assert [d.register_number for d in made] == [f"B-{year}/00{n}" for n in (2, 3, 4)]
    outcome = sync(pg_url, laptop)
    assert [(r.old, r.new) for r in outcome.renumbered] == [
        (f"B-{year}/00{n}", f"B-{year}/00{n + 1}") for n in (2, 3, 4)
    ]
    for where in (pg_url, laptop):
        with open_store(where, create=False) as store:
            numbers = {
                d.text: d.register_number
                for d in decisions.list_decisions_for_meeting(store, reg.nord_meeting)
            }
        assert numbers["Offline 0"] == f"B-{year}/003" and numbers["Offline 2"] == f"B-{year}/005"
