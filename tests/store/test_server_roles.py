"""Roles of a shared register, enforced by PostgreSQL itself: direct SQL with each role's login."""

from __future__ import annotations

import io
from typing import Any

import psycopg
import pytest
from psycopg import errors

from sromod.cli import main
from sromod.models import Base
from sromod.store import open_store
from tests.roles_helpers import (
    PASSWORD,
    Register,
    add_user,
    role_logins,  # noqa: F401 (fixture)
    role_register,  # noqa: F401 (fixture)
    unique,
)


def _status(reg: Register, task_id: str) -> str:
    with psycopg.connect(reg.url.replace("+psycopg", "")) as conn:
        row = conn.execute("SELECT status FROM tasks WHERE id = %s", (task_id,)).fetchone()
        assert row is not None
        return str(row[0])


def test_an_office_lead_changes_status_due_date_and_remark_of_own_office_tasks(
    reg: Register, logins: dict[str, str]
) -> None:
    with reg.connect(logins["amt"]) as conn:
        done = conn.execute(
            "UPDATE tasks SET status = 'erledigt', due_date = '2026-12-24', remark = 'gezählt' "
            "WHERE id = %s",
            (reg.own_task,),
        )
        assert done.rowcount == 1
        conn.execute(
            "INSERT INTO task_events (id, task_id, at, kind, source, created_at, updated_at) "
            "VALUES (gen_random_uuid(), %s, now(), 'notiz', 'bearbeitung', now(), now())",
            (reg.own_task,),
        )
    assert _status(reg, reg.own_task) == "erledigt"
    with psycopg.connect(reg.url.replace("+psycopg", "")) as admin:  # the index followed
        found = admin.execute("SELECT count(*) FROM search_fts WHERE body LIKE '%gezählt%'")
        assert found.fetchone() == (1,)


def test_an_office_lead_is_refused_another_offices_task_the_title_and_decisions(
    reg: Register, logins: dict[str, str]
) -> None:
    refused = [
        ("UPDATE tasks SET status = 'erledigt' WHERE id = %s", (reg.other_task,)),
        ("UPDATE tasks SET title = 'anders' WHERE id = %s", (reg.own_task,)),
        ("UPDATE tasks SET office_id = NULL WHERE id = %s", (reg.own_task,)),
        ("DELETE FROM tasks WHERE id = %s", (reg.own_task,)),
        ("INSERT INTO decisions (id) VALUES (gen_random_uuid())", ()),
        ("UPDATE offices SET name = 'x'", ()),
        (
            "INSERT INTO task_events (id, task_id, at, kind, source, created_at, updated_at) "
            "VALUES (gen_random_uuid(), %s, now(), 'notiz', 'bearbeitung', now(), now())",
            (reg.other_task,),
        ),
        (  # nobody writes history in another's name
            "INSERT INTO task_events (id, task_id, at, kind, source, created_at, updated_at, "
            "author) VALUES (gen_random_uuid(), %s, now(), 'notiz', 'bearbeitung', now(), "
            "now(), 'jemand')",
            (reg.own_task,),
        ),
    ]
    with reg.connect(logins["amt"]) as conn:
        for statement, values in refused:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement, values)
        assert conn.execute("SELECT count(*) FROM tasks").fetchone() == (2,)  # reads all
    assert _status(reg, reg.other_task) == "offen"


def test_a_reader_reads_and_is_refused_every_write(reg: Register, logins: dict[str, str]) -> None:
    with reg.connect(logins["lesen"]) as conn:
        assert conn.execute("SELECT count(*) FROM tasks").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM offices").fetchone()[0] > 10
        for statement, values in [
            ("UPDATE tasks SET status = 'erledigt' WHERE id = %s", (reg.own_task,)),
            ("DELETE FROM task_events", ()),
            ("INSERT INTO decisions (id) VALUES (gen_random_uuid())", ()),
            ("UPDATE offices SET name = 'x'", ()),
            ("DELETE FROM register_logins", ()),
        ]:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement, values)
    assert _status(reg, reg.own_task) == "offen"


def test_coordination_changes_everything(reg: Register, logins: dict[str, str]) -> None:
    with reg.connect(logins["koordination"]) as conn:
        assert (
            conn.execute(
                "UPDATE tasks SET title = 'neu', status = 'erledigt' WHERE id = ANY(%s)",
                ([reg.own_task, reg.other_task],),
            ).rowcount
            == 2
        )
        conn.execute("UPDATE offices SET name = name || ' (neu)' WHERE code = 'Jug'")
        assert conn.execute("DELETE FROM task_events").rowcount == 2
        # the search index followed the new titles
        assert conn.execute(
            "SELECT count(*) FROM search_fts WHERE title LIKE '% neu'"
        ).fetchone() == (2,)
        with pytest.raises(errors.InsufficientPrivilege):  # the logins are the owner's
            conn.execute("DELETE FROM register_logins")


def test_init_twice_is_harmless_and_keeps_logins_and_data(
    reg: Register, logins: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["server", "init", "--db", reg.url]) == 0
    assert "schon vorhanden" in capsys.readouterr().out
    with reg.connect(logins["amt"]) as conn:
        assert conn.execute("SELECT count(*) FROM tasks").fetchone() == (2,)
        conn.execute("UPDATE tasks SET status = 'erledigt' WHERE id = %s", (reg.own_task,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE tasks SET status = 'erledigt' WHERE id = %s", (reg.other_task,))


def test_add_user_stores_only_a_verifier_and_the_password_works(
    reg: Register, monkeypatch: pytest.MonkeyPatch, user_folders: Any
) -> None:
    name = unique("amt")
    assert add_user(monkeypatch, reg.url, name, "amt", "jug") == 0  # office code in any case
    with psycopg.connect(reg.url.replace("+psycopg", "")) as admin:
        (stored,) = admin.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (name,)
        ).fetchone()  # type: ignore[misc]
        assert stored.startswith("SCRAM-SHA-256$") and PASSWORD not in stored
        assert admin.execute(
            "SELECT role, o.code FROM register_logins JOIN offices o ON o.id = office_id "
            "WHERE login = %s",
            (name,),
        ).fetchone() == ("amt", "Jug")
    with reg.connect(name) as conn:  # the password works …
        assert conn.execute("SELECT current_user").fetchone() == (name,)
    with pytest.raises(psycopg.OperationalError):  # … and only it
        reg.connect(name, "falsch")
    logs = list(user_folders.rglob("*.log"))
    assert logs and all(PASSWORD not in path.read_text(errors="replace") for path in logs)


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (["amt"], "Für die Rolle amt fehlt das Amt (--office KÜRZEL)."),
        (["lesen", "--office", "Jug"], "Ein Amt (--office) gehört nur zur Rolle amt."),
        (["amt", "--office", "XYZ"], "Ein Amt mit dem Kürzel „XYZ“ gibt es im Register nicht."),
    ],
)
def test_add_user_refuses_a_wrong_request_with_one_sentence(
    reg: Register,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    sentence: str,
) -> None:
    name = unique("x")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    role, *rest = arguments
    assert main(["server", "add-user", "--db", reg.url, name, "--role", role, *rest]) == 1
    assert capsys.readouterr().err == f"sromod: {sentence}\n"
    with psycopg.connect(reg.url.replace("+psycopg", "")) as admin:
        assert (
            admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None
        )


def test_add_user_refuses_a_taken_name_an_empty_password_and_a_bad_name(
    reg: Register,
    logins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert add_user(monkeypatch, reg.url, logins["lesen"], "lesen") == 1
    assert "gibt es schon eine Anmeldung" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    name = unique("leer")
    assert main(["server", "add-user", "--db", reg.url, name, "--role", "lesen"]) == 1
    assert "leeres Passwort" in capsys.readouterr().err
    assert add_user(monkeypatch, reg.url, "Robert'); DROP TABLE tasks;--", "lesen") == 1
    assert "taugt nicht als Anmeldename" in capsys.readouterr().err


def test_server_commands_need_a_server_and_its_owner(
    reg: Register,
    logins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Any,
) -> None:
    capsys.readouterr()
    assert main(["server", "init", "--db", str(tmp_path / "laptop.db")]) == 2
    assert "eine Datenbankdatei kennt keine Rollen" in capsys.readouterr().err
    port, database = reg.cluster.port, reg.url.rsplit("/", 1)[1]
    as_coordination = f"postgresql://{logins['koordination']}@127.0.0.1:{port}/{database}"
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert main(["server", "init", "--db", as_coordination]) == 1
    err = capsys.readouterr().err
    assert "kann nur der Eigentümer des Registers (sromod_test) einrichten" in err
    assert add_user(monkeypatch, as_coordination, unique("y"), "lesen") == 1


def test_add_user_before_init_says_what_to_do(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add_user(monkeypatch, pg_url, unique("z"), "lesen") == 1
    assert "zuerst „sromod server init“" in capsys.readouterr().err


def test_an_upgrade_by_the_owner_renews_the_grants(reg: Register, logins: dict[str, str]) -> None:
    """As if the register were at 0006 and 0007 (the author of the history), 0008 (the change
    notifications), 0009 (the row versions), 0010 (the change journal), 0011 (replicas and
    reservations) and 0012 (the search's indexes per kind) came with an update."""
    from sromod.store.fts_pg import one_index_statements

    with psycopg.connect(reg.url.replace("+psycopg", ""), autocommit=True) as admin:
        for statement in (
            *one_index_statements(("top", "decision", "task", "person")),
            "DROP POLICY amt_eintragen ON task_events",
            "DROP POLICY amt_zuruecknehmen ON task_events",
            "DROP TRIGGER task_events_author ON task_events",
            "ALTER TABLE task_events DROP COLUMN author",
            *(f"ALTER TABLE {table} DROP COLUMN version" for table in Base.metadata.tables),
            "REVOKE UPDATE (remark) ON tasks FROM sromod_amt",
            "ALTER FUNCTION search_fts_tasks() SECURITY INVOKER",
            "DROP FUNCTION sromod_journal_change() CASCADE",
            "DROP TABLE sync_journal, sync_applied",
            "UPDATE alembic_version SET version_num = '0006'",
        ):
            admin.execute(statement)
    open_store(reg.url).close()  # the owner opens it with the newer sromod
    with reg.connect(logins["amt"]) as conn:
        conn.execute("UPDATE tasks SET remark = 'gezählt' WHERE id = %s", (reg.own_task,))
        conn.execute(
            "INSERT INTO task_events (id, task_id, at, kind, source, created_at, updated_at) "
            "VALUES (gen_random_uuid(), %s, now(), 'notiz', 'bearbeitung', now(), now())",
            (reg.own_task,),
        )
        author = conn.execute("SELECT author FROM task_events WHERE kind = 'notiz'").fetchone()
        assert author == (logins["amt"],)
