"""Taking a meeting along ("Für die Sitzung mitnehmen"): the server refuses others' changes to it.

A real PostgreSQL with the roles: a coordinator's replica takes a meeting at its first copy; a
second coordinator is refused by the server (direct SQL and the service), an office lead still
changes the meeting's task, a coordinator releases it, and the replica's sync returns it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import psycopg
import pytest

from sromod.cli import main
from sromod.models import AttendanceStatus, BodyKind, TaskStatus
from sromod.services import agenda, attendance, bodies, decisions, directory, meetings, tasks
from sromod.services.replica import STATE_KEY
from sromod.services.reservations import (
    begin_push,
    open_reservations,
    reservation_of,
    return_meetings,
)
from sromod.store import open_store
from sromod.store.reservations_pg import MeetingReserved
from tests.roles_helpers import (
    Register,
    login_url,
    role_logins,  # noqa: F401 (fixture)
    role_register,  # noqa: F401 (fixture)
)
from tests.services.helpers import office_id


def plain(url: str) -> str:
    return url.replace("postgresql+psycopg", "postgresql")


def _meeting(url: str) -> dict[str, str]:
    """StR Nord/1 with a TOP, an attendance, a decision and a task of the Jugendamt."""
    with open_store(url, create=False) as store:
        body = bodies.create_body(store, "Steuerungsrunde Nord", "StR Nord", BodyKind.STEERING)
        person = directory.create_person(store, "Anna Nord", office_id=office_id(store, "Jug"))
        bodies.add_member(store, body, person)
        meeting = meetings.plan_meeting(store, body, date(2026, 3, 10))
        attendance.set_attendance(store, meeting, person, AttendanceStatus.PRESENT)
        item = agenda.add_agenda_item(store, meeting, "Spielplatz Nord")
        decision = decisions.add_decision(store, item, "Beschluss Nord")
        task = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "Jug"),
                              agenda_item_id=item, decision_id=decision.id, body_id=body)  # fmt: skip
    return {"meeting": meeting, "item": item, "decision": decision.id, "task": task.id,
            "person": person}  # fmt: skip


def _take(tmp_path: Path, reg: Register, login: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    replica = tmp_path / f"{login}.db"
    url = login_url(reg, login, monkeypatch)
    assert main(["sync", "--db", str(replica), "--server", url, "--body", "StR Nord",
                 "--take", "StR Nord/1"]) == 0  # fmt: skip
    return replica


def _on_server(reg: Register, table: str, row_id: str) -> str:
    """A row's title as the register holds it."""
    with psycopg.connect(plain(reg.url)) as admin:
        row = admin.execute(f"SELECT title FROM {table} WHERE id = %s", (row_id,)).fetchone()
    assert row is not None
    return str(row[0])


def _state(replica: Path) -> dict[str, object]:
    with sqlite3.connect(replica) as raw:
        (value,) = raw.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
    return dict(json.loads(value))


@pytest.fixture(name="taken")
def taken_meeting(
    reg: Register, logins: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> dict[str, str]:  # fmt: skip
    """StR Nord/1 taken along by the koordination login's replica; a second coordinator."""
    rows = _meeting(reg.url)
    other = "zweite_" + logins["koordination"]
    from tests.roles_helpers import add_user

    assert add_user(monkeypatch, reg.url, other, "koordination") == 0
    replica = _take(tmp_path, reg, logins["koordination"], monkeypatch)
    assert "Für die Sitzung mitgenommen: StR Nord/1" in capsys.readouterr().out
    state = _state(replica)
    return {**rows, **logins, "other": other, "replica": str(replica),
            "replica_id": str(state["replica_id"])}  # fmt: skip


def test_the_replica_records_the_meeting_it_took_and_the_server_lists_it(
    reg: Register, taken: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    state = _state(Path(taken["replica"]))
    assert [t["label"] for t in state["taken"]] == ["StR Nord/1"]  # type: ignore[attr-defined]  # JSON
    with open_store(reg.url, create=False) as store:
        held = reservation_of(store, taken["meeting"])
        assert held is not None and held.login == taken["koordination"]
        assert held.replica_id == taken["replica_id"]
        assert "ist von" in held.sentence and "für die Sitzung mitgenommen" in held.sentence
    assert main(["server", "replicas", "--db", reg.url]) == 0
    out = capsys.readouterr().out
    assert taken["replica_id"] in out and taken["koordination"] in out and "gültig" in out
    assert f"StR Nord/1  von {taken['koordination']} seit" in out


def test_another_coordinator_is_refused_by_the_server_in_sql(
    reg: Register, taken: dict[str, str]
) -> None:
    refused = [
        ("UPDATE agenda_items SET title = 'anders' WHERE id = %s", (taken["item"],)),
        ("UPDATE decisions SET text = 'anders' WHERE id = %s", (taken["decision"],)),
        ("DELETE FROM attendances WHERE meeting_id = %s", (taken["meeting"],)),
        ("UPDATE meetings SET notes = 'Protokoll' WHERE id = %s", (taken["meeting"],)),
        ("INSERT INTO agenda_items (id, meeting_id, position, title, kind, state, created_at, "
         "updated_at) VALUES (gen_random_uuid(), %s, 9, 'neu', 'diskussion', 'offen', now(), "
         "now())", (taken["meeting"],)),
    ]  # fmt: skip
    with reg.connect(taken["other"]) as conn:
        for statement, values in refused:
            with pytest.raises(psycopg.Error) as caught:
                conn.execute(statement, values)
            assert caught.value.sqlstate == "SR001", statement
            assert "StR Nord/1 ist von" in str(caught.value)
            assert "Änderungen sind erst nach dem Abgleich möglich" in str(caught.value)
    with reg.connect(taken["koordination"]) as conn:  # the holder too, outside its push
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("UPDATE agenda_items SET title = 'x' WHERE id = %s", (taken["item"],))
        assert caught.value.sqlstate == "SR001"
    assert _on_server(reg, "agenda_items", taken["item"]) == "Spielplatz Nord"


def test_another_coordinator_is_refused_by_the_service_with_the_sentence(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(login_url(reg, taken["other"], monkeypatch), create=False) as store:
        with pytest.raises(MeetingReserved) as caught:
            agenda.update_agenda_item(store, taken["item"], title="Anders")
        sentence = str(caught.value)
        assert sentence.startswith(f"Die Sitzung StR Nord/1 ist von {taken['koordination']} für "
                                   "die Sitzung mitgenommen (seit ")  # fmt: skip
        assert sentence.endswith("Änderungen sind erst nach dem Abgleich möglich.")
        with pytest.raises(MeetingReserved):
            attendance.set_attendance(
                store, taken["meeting"], taken["person"], AttendanceStatus.EXCUSED
            )
        with pytest.raises(MeetingReserved):
            decisions.update_decision(store, taken["decision"], text="Anders")
        titles = [a.title for a in agenda.list_agenda(store, taken["meeting"])]
        assert "Spielplatz Nord" in titles and "Anders" not in titles
        # Tasks stay editable, also the meeting's own task, also for coordinators.
        tasks.update_task(store, taken["task"], title="Spielplatz Nord prüfen")


def test_an_office_lead_still_sets_the_status_of_the_meetings_task(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(login_url(reg, taken["amt"], monkeypatch), create=False) as store:
        tasks.set_task_status(store, taken["task"], TaskStatus.IN_PROGRESS, note="läuft")
        assert tasks.get_task(store, taken["task"]).status == TaskStatus.IN_PROGRESS


def test_a_coordinator_releases_it_with_a_reason_and_others_may_change_it_again(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    amt = login_url(reg, taken["amt"], monkeypatch)
    assert main(["server", "release", "--db", amt, "StR Nord/1", "--grund", "weg"]) == 1
    assert "Nur eine Anmeldung der Koordination darf" in capsys.readouterr().err
    other = login_url(reg, taken["other"], monkeypatch)
    assert main(["server", "release", "--db", other, "StR Nord/1"]) == 1
    assert "Bitte geben Sie einen Grund für die Freigabe an" in capsys.readouterr().err

    assert main(["server", "release", "--db", other, "StR Nord/1", "--grund",
                 "Laptop verloren"]) == 0  # fmt: skip
    assert "Sitzung StR Nord/1 freigegeben" in capsys.readouterr().out
    with open_store(other, create=False) as store:
        assert reservation_of(store, taken["meeting"]) is None
        agenda.update_agenda_item(store, taken["item"], title="Spielplatz Nord, neu")
    with psycopg.connect(plain(reg.url)) as admin:
        logged = admin.execute(
            "SELECT ended_how, ended_by, reason FROM meeting_reservations WHERE meeting_id = %s",
            (taken["meeting"],),
        ).fetchall()
    assert logged == [("released", taken["other"], "Laptop verloren")]


def test_the_holders_push_may_change_it_and_its_sync_returns_it(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(login_url(reg, taken["koordination"], monkeypatch), create=False) as store:
        with store.engine.begin() as conn:  # what the replica's push does in its transaction
            begin_push(conn, taken["replica_id"])
            conn.exec_driver_sql(
                "UPDATE agenda_items SET title = 'Vom Laptop' WHERE id = %(id)s",
                {"id": taken["item"]},
            )
            assert return_meetings(conn, taken["replica_id"]) == [taken["meeting"]]
        assert open_reservations(store) == []
    with open_store(login_url(reg, taken["other"], monkeypatch), create=False) as store:
        assert "Vom Laptop" in [a.title for a in agenda.list_agenda(store, taken["meeting"])]
        agenda.update_agenda_item(store, taken["item"], title="Wieder im Register")


def test_a_meeting_out_with_one_replica_cannot_be_taken_by_another(
    reg: Register, taken: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    second = tmp_path / "zweite.db"
    url = login_url(reg, taken["other"], monkeypatch)
    capsys.readouterr()
    assert main(["sync", "--db", str(second), "--server", url, "--body", "StR Nord",
                 "--take", "StR Nord/1"]) == 1  # fmt: skip
    assert f"ist von {taken['koordination']} für die Sitzung mitgenommen" in (
        capsys.readouterr().err
    )
    assert not second.exists()


def _sync(replica: Path | str, url: str, *take: str) -> int:
    args = ["sync", "--db", str(replica), "--server", url]
    for ref in take:
        args += ["--take", ref]
    return main(args)


def test_the_replicas_next_sync_brings_its_changes_and_returns_the_meeting(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    replica = Path(taken["replica"])
    with open_store(replica) as store:  # offline, in the meeting
        agenda.update_agenda_item(store, taken["item"], title="Spielplatz Nord, besprochen")
    holder = login_url(reg, taken["koordination"], monkeypatch)
    capsys.readouterr()
    assert _sync(replica, holder) == 0
    assert "Zurückgegeben: StR Nord/1." in capsys.readouterr().out
    assert _on_server(reg, "agenda_items", taken["item"]) == "Spielplatz Nord, besprochen"
    with psycopg.connect(plain(reg.url)) as admin:
        ended = admin.execute(
            "SELECT ended_how, ended_by FROM meeting_reservations WHERE meeting_id = %s",
            (taken["meeting"],),
        ).fetchall()
    assert ended == [("returned", taken["koordination"])]
    assert _state(replica)["taken"] == []
    with open_store(login_url(reg, taken["other"], monkeypatch), create=False) as store:
        agenda.update_agenda_item(store, taken["item"], title="Wieder im Register")


def test_a_sync_with_take_keeps_the_meeting_out(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    replica = Path(taken["replica"])
    holder = login_url(reg, taken["koordination"], monkeypatch)
    capsys.readouterr()
    assert _sync(replica, holder, "StR Nord/1") == 0
    out = capsys.readouterr().out
    assert "Für die Sitzung mitgenommen: StR Nord/1" in out and "Zurückgegeben" not in out
    assert [t["label"] for t in _state(replica)["taken"]] == ["StR Nord/1"]  # type: ignore[attr-defined]  # JSON
    with open_store(holder, create=False) as store:
        held = reservation_of(store, taken["meeting"])
        assert held is not None and held.replica_id == taken["replica_id"]


def _second_replica(
    reg: Register, taken: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Path]:
    """The second coordinator's login URL and a replica of StR Nord made with it."""
    other = login_url(reg, taken["other"], monkeypatch)
    second = tmp_path / "zweite.db"
    assert main(["sync", "--db", str(second), "--server", other, "--body", "StR Nord"]) == 0
    return other, second


def test_another_replicas_change_to_the_meeting_is_refused_and_kept_as_a_conflict(
    reg: Register, taken: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from sromod.services.sync_conflicts import REFUSED, list_conflicts

    other, second = _second_replica(reg, taken, tmp_path, monkeypatch)
    with open_store(second) as store:
        agenda.update_agenda_item(store, taken["item"], title="Vom zweiten Laptop")
        tasks.update_task(store, taken["task"], title="Spielplatz prüfen, dringend")
    capsys.readouterr()
    assert _sync(second, other) == 0
    assert _on_server(reg, "agenda_items", taken["item"]) == "Spielplatz Nord"  # refused: out
    assert _on_server(reg, "tasks", taken["task"]) == "Spielplatz prüfen, dringend"  # editable
    with open_store(second) as store:
        (conflict,) = list_conflicts(store)
    assert (conflict.kind, conflict.row_id) == (REFUSED, taken["item"])


def test_a_new_top_refused_for_a_meeting_out_leaves_the_other_new_rows_pushed(
    reg: Register, taken: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """One refused row in a push of many: the others arrive, the one becomes one conflict."""
    from sromod.services.sync_conflicts import REFUSED, list_conflicts

    other, second = _second_replica(reg, taken, tmp_path, monkeypatch)
    with open_store(second) as store:
        tasks.add_task(store, "Neu vorher", office_id=office_id(store, "Jug"))
        item = agenda.add_agenda_item(store, taken["meeting"], "Vom zweiten Laptop")
        for n in range(3):
            tasks.add_task(store, f"Neu {n}", office_id=office_id(store, "Jug"))
    capsys.readouterr()
    assert _sync(second, other) == 0
    with psycopg.connect(plain(reg.url)) as admin:
        made = admin.execute("SELECT title FROM tasks WHERE title LIKE 'Neu %%'").fetchall()
        tops = admin.execute("SELECT count(*) FROM agenda_items WHERE id = %s", (item,)).fetchone()
    assert sorted(t for (t,) in made) == ["Neu 0", "Neu 1", "Neu 2", "Neu vorher"]
    assert tops == (0,)
    with open_store(second) as store:
        (conflict,) = list_conflicts(store)
        assert [a.id for a in agenda.list_agenda(store, taken["meeting"]) if a.id == item] == []
    assert (conflict.kind, conflict.row_id) == (REFUSED, item)


def test_a_void_replicas_sync_is_refused_and_changes_nothing(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    replica = Path(taken["replica"])
    with open_store(replica) as store:
        agenda.update_agenda_item(store, taken["item"], title="Vom verlorenen Laptop")
    assert main(["server", "void-replica", "--db", reg.url, taken["replica_id"]]) == 0
    holder = login_url(reg, taken["koordination"], monkeypatch)
    capsys.readouterr()
    assert _sync(replica, holder) == 1
    assert "Diese Replik wurde im Register für ungültig erklärt" in capsys.readouterr().err
    assert _on_server(reg, "agenda_items", taken["item"]) == "Spielplatz Nord"
    assert _state(replica)["taken"] != []  # the replica as it was
