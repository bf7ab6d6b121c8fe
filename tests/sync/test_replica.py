"""`sromod sync`: the first copy of a laptop's replica of the shared register (data minimised)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest

from sromod import cli
from sromod.models import AttendanceStatus, BodyKind
from sromod.services import agenda, attendance, bodies, decisions, directory, meetings, tasks
from sromod.services.register import task_page
from sromod.services.replica import STATE_KEY
from sromod.services.search import search
from sromod.services.task_query import TaskFilter
from sromod.store import Store, open_store
from sromod.store.check import check_store
from tests.pg_cluster import Cluster
from tests.roles_helpers import add_user, login_url, make_register, unique
from tests.services.helpers import office_id


@dataclass
class Register:
    nord: str
    sued: str
    nord_meeting: str
    sued_meeting: str
    people: dict[str, str]  # name -> id


def _register(url: str) -> Register:
    """Two bodies: Nord (Jug and SGA members) and Süd (people found only there)."""
    with open_store(url, create=False) as store:
        nord = bodies.create_body(store, "Steuerungsrunde Nord", "StR Nord", BodyKind.STEERING)
        sued = bodies.create_body(
            store, "Steuerungsrunde Süd", "StR Süd", BodyKind.STEERING,
            default_place="Schule Süd, Aula", description="Nur für Süd",
        )  # fmt: skip
        people = {}
        for name, code, body in (
            ("Anna Nord", "Jug", nord), ("Bert Nord", "SGA", nord),
            ("Clara Süd", "Ges", sued), ("Dieter Süd", "Soz", sued),
        ):  # fmt: skip
            people[name] = directory.create_person(store, name, office_id=office_id(store, code))
            bodies.add_member(store, body, people[name])
        bodies.update_body(store, sued, moderator_id=people["Dieter Süd"])
        nord_meeting = _meeting(store, nord, people["Anna Nord"], "Nord")
        tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "SGA"),
                       person_id=people["Bert Nord"], body_id=nord)  # fmt: skip
        sued_meeting = _meeting(store, sued, people["Dieter Süd"], "Süd")
        tasks.add_task(store, "Jugendclub Süd öffnen", office_id=office_id(store, "Jug"),
                       person_id=people["Clara Süd"], body_id=sued)  # fmt: skip
        tasks.add_task(store, "Sozialberatung Süd", office_id=office_id(store, "Soz"),
                       person_id=people["Dieter Süd"], body_id=sued)  # fmt: skip
    return Register(nord, sued, nord_meeting, sued_meeting, people)


def _meeting(store: Store, body_id: str, person: str, what: str) -> str:
    meeting_id = meetings.plan_meeting(store, body_id, date(2026, 3, 10))
    attendance.set_attendance(store, meeting_id, person, AttendanceStatus.PRESENT)
    item = agenda.add_agenda_item(store, meeting_id, f"Spielplatz {what}")
    agenda.add_agenda_item(store, meeting_id, f"Spielgeräte {what}", parent_id=item)
    decision = decisions.add_decision(store, item, f"Beschluss {what}")
    tasks.add_task(store, f"Aufgabe {what}", office_id=office_id(store, "Jug"),
                   agenda_item_id=item, decision_id=decision.id)  # fmt: skip
    return meeting_id


def _sync(replica: Path | str, url: str, *bodies_: str) -> int:
    args = ["sync", "--db", str(replica), "--server", url]
    for short in bodies_:
        args += ["--body", short]
    return cli.main(args)


def test_the_replica_opens_as_a_store_with_the_bodys_meetings_and_tasks(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = _register(pg_url)
    replica = tmp_path / "Mein Laptop ä" / "replik.db"
    replica.parent.mkdir()
    assert _sync(replica, pg_url, "str nord") == 0
    out, err = capsys.readouterr()
    assert "Replik angelegt" in out and "StR Nord" in out
    assert "Verbinde mit" in err and "Aufgaben: " in err  # German progress on stderr
    if os.name == "posix":
        assert replica.stat().st_mode & 0o777 == 0o600
    with open_store(replica) as store:
        listed = meetings.list_meetings(store, reg.nord)
        assert [m.id for m in listed] == [reg.nord_meeting]
        items = {a.title: a for a in agenda.list_agenda(store, reg.nord_meeting)}
        assert items["Spielgeräte Nord"].parent_id == items["Spielplatz Nord"].id  # sub-TOP
        assert [d.text for d in decisions.list_decisions_for_meeting(store, reg.nord_meeting)] == [
            "Beschluss Nord"
        ]
        present = attendance.list_attendance(store, reg.nord_meeting)
        assert any(a.person_id == reg.people["Anna Nord"] for a in present)
        rows = {r.title: r for r in task_page(store, TaskFilter())}
        # The body's tasks, and the Süd tasks of the Jugendamt (a member office of Nord) without
        # their Süd person and TOP; the Süd task of the Sozialamt (not in Nord) stays on the server.
        assert set(rows) == {
            "Aufgabe Nord", "Spielplatz prüfen", "Jugendclub Süd öffnen", "Aufgabe Süd"
        }  # fmt: skip
        assert rows["Aufgabe Süd"].meeting_id is None
        assert rows["Spielplatz prüfen"].person_name == "Bert Nord"
        assert rows["Jugendclub Süd öffnen"].person_name is None
        assert rows["Jugendclub Süd öffnen"].body_short_name == "StR Süd"
        assert meetings.list_meetings(store, reg.sued) == []
        assert len(directory.list_offices(store)) > 5  # reference lists whole
        found = {h.title for g in search(store, "spielplatz") for h in g.hits}
        assert "Spielplatz Nord" in found and "Spielplatz Süd" not in found
    report = check_store(replica)  # a sound store: foreign keys, schema, search index
    assert report.ok, report.findings


def test_people_of_other_bodies_stay_on_the_server(pg_url: str, tmp_path: Path) -> None:
    reg = _register(pg_url)
    replica = tmp_path / "replik.db"
    assert _sync(replica, pg_url, "StR Nord") == 0
    with sqlite3.connect(replica) as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM persons")}
        sued = raw.execute(
            "SELECT default_place, description, moderator_id FROM bodies WHERE id = ?", (reg.sued,)
        ).fetchone()
        blob = b"".join(
            bytes(str(r), "utf-8") for r in raw.execute("SELECT * FROM attendances, memberships")
        )
    assert names == {"Anna Nord", "Bert Nord"}
    assert sued == (None, None, None)  # the Süd body only by its name
    assert b"S\xc3\xbcd" not in blob
    raw_bytes = replica.read_bytes()
    assert "Clara Süd".encode() not in raw_bytes and "Dieter Süd".encode() not in raw_bytes


def test_the_sync_state_is_recorded_without_password(pg_url: str, tmp_path: Path) -> None:
    _register(pg_url)
    replica = tmp_path / "replik.db"
    with_password = pg_url.replace("@", ":geheim@", 1)  # trust on loopback: not checked
    assert _sync(replica, with_password, "StR Nord") == 0
    with sqlite3.connect(replica) as raw:
        (value,) = raw.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
    state = json.loads(value)
    assert "geheim" not in value and "geheim" not in replica.read_bytes().decode("latin-1")
    assert state["server"].startswith("postgresql://")
    assert state["scope"] == {"rule": "named", "body_ids": [state["scope"]["body_ids"][0]],
                              "short_names": ["StR Nord"]}  # fmt: skip
    assert len(state["replica_id"]) == 36
    assert state["watermark"]["snapshot"].count(":") == 2  # xmin:xmax:in-flight
    assert state["watermark"]["max_updated_at"] is not None


def test_a_second_run_syncs_and_a_laptops_own_store_is_refused(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _register(pg_url)
    replica = tmp_path / "replik.db"
    assert _sync(replica, pg_url, "StR Nord") == 0
    capsys.readouterr()
    assert _sync(replica, pg_url) == 0
    out = capsys.readouterr().out
    assert "Abgleich abgeschlossen." in out and "Ins Register geschrieben: nichts." in out
    before = replica.read_bytes()
    assert _sync(replica, pg_url, "StR Süd") == 1  # the scope is fixed at the first sync
    assert "--body gilt nur beim ersten Abgleich" in capsys.readouterr().err
    assert replica.read_bytes() == before

    own = tmp_path / "eigen.db"
    open_store(own).close()  # the laptop's own store, no replica
    before = own.read_bytes()
    assert _sync(own, pg_url, "StR Nord") == 1
    assert "ist keine Replik des Registers" in capsys.readouterr().err
    assert own.read_bytes() == before


def test_an_unknown_body_and_a_server_that_is_down_are_one_sentence_and_no_file(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _register(pg_url)
    replica = tmp_path / "replik.db"
    assert _sync(replica, pg_url, "StR West") == 1
    err = capsys.readouterr().err
    assert "Das Register kennt kein Gremium mit der Kurzbezeichnung „StR West“" in err
    assert "StR Nord, StR Süd" in err and "Es wurde keine Replik angelegt." in err
    assert list(tmp_path.iterdir()) == []

    assert _sync(replica, "postgresql://niemand@127.0.0.1:1/sromod", "StR Nord") == 1
    err = capsys.readouterr().err
    assert "ist nicht erreichbar" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []

    assert _sync(replica, str(tmp_path / "register.db"), "StR Nord") == 1
    assert "--server muss ein Register auf einem PostgreSQL-Server sein" in capsys.readouterr().err
    assert _sync(pg_url, pg_url, "StR Nord") == 1
    assert "--db nennt die Datei der Replik" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_without_body_an_office_login_gets_its_offices_bodies(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _register(pg_url)
    replica = tmp_path / "replik.db"
    # The owner's login has no office: it must name the bodies.
    assert _sync(replica, pg_url) == 1
    assert "bitte nennen Sie sie mit --body" in capsys.readouterr().err
    assert not replica.exists()


def test_an_office_leads_login_without_body_gets_the_bodies_its_office_is_member_of(
    pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reg = _register(pg_url)
    roles = make_register(pg_cluster, pg_url)
    login = unique("amt")
    assert add_user(monkeypatch, pg_url, login, "amt", "Jug") == 0
    replica = tmp_path / "replik.db"
    assert _sync(replica, login_url(roles, login, monkeypatch)) == 0
    out = capsys.readouterr().out
    assert f"Gremien: StR Nord (die Gremien, in denen das Amt der Anmeldung „{login}“" in out
    with open_store(replica) as store:
        assert [m.id for m in meetings.list_meetings(store)] == [reg.nord_meeting]


def test_a_killed_creation_leaves_no_replica_and_the_next_run_completes(
    pg_url: str, tmp_path: Path
) -> None:
    _register(pg_url)
    replica = tmp_path / "replik.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as blocker:
        # The copy waits at the last tables while this transaction locks them.
        blocker.execute("LOCK TABLE task_events IN ACCESS EXCLUSIVE MODE")
        proc = subprocess.Popen(
            [sys.executable, "-m", "sromod", "sync", "--db", str(replica), "--server", pg_url,
             "--body", "StR Nord"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait_until_blocked(blocker)
            assert any(p.name.startswith(".replik.db.neu-") for p in tmp_path.iterdir())
        finally:
            proc.kill()
            proc.wait()
        blocker.rollback()
    assert not replica.exists()
    assert _sync(replica, pg_url, "StR Nord") == 0
    with open_store(replica) as store:
        assert [m.number for m in meetings.list_meetings(store)] == [1]
    assert not any(p.name.startswith(".replik.db.neu-") for p in tmp_path.iterdir())


def _wait_until_blocked(blocker: psycopg.Connection) -> None:
    """Until sromod's connection waits for the lock (the copy is under way)."""
    deadline = time.monotonic() + 60
    with psycopg.connect(blocker.info.dsn) as watcher:
        watcher.autocommit = True
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sromod' "
                "AND wait_event_type = 'Lock'"
            ).fetchone()
            if waiting and waiting[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the sync never reached the locked table")
