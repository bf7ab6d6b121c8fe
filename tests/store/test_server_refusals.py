"""The program with an office lead's or a reader's login: allowed changes go through, with the
login as their author; refused ones are one German sentence and change nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from sromod.cli import main
from sromod.models import TaskStatus
from sromod.services import register, tasks, uow
from sromod.store import Store, open_store
from sromod.store.server_roles import AMT, LESEN, NotPermitted
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.services.test_task_import import _edit

OTHER_OFFICE = "Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde nichts geändert."
OTHER_FIELD = (
    "Als Amt dürfen Sie bei den Aufgaben Ihres Amtes nur Status, Fälligkeit und Bemerkung "
    "ändern; es wurde nichts geändert."
)


def _dump(reg: Register) -> list[tuple[object, ...]]:
    with psycopg.connect(reg.url.replace("+psycopg", "")) as conn:
        return [
            *conn.execute("SELECT * FROM tasks ORDER BY id").fetchall(),
            *conn.execute("SELECT * FROM task_events ORDER BY id").fetchall(),
            *conn.execute("SELECT * FROM decisions ORDER BY id").fetchall(),
        ]


def _open(reg: Register, login: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    return open_store(login_url(reg, login, monkeypatch), create=False)


def test_an_office_lead_changes_own_tasks_and_undoes_it(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with _open(reg, logins["amt"], monkeypatch) as store:
        assert store.access.role == AMT and store.access.login == logins["amt"]
        tasks.set_task_status(store, reg.own_task, TaskStatus.IN_PROGRESS, note="begonnen")
        tasks.update_task(store, reg.own_task, due_date=date(2026, 12, 24), remark="Rückfrage")
        tasks.add_task_note(store, reg.own_task, "telefonisch geklärt")
        history = register.task_history(store, reg.own_task)
        assert [e.author for e in history[1:]] == [logins["amt"]] * 3
        changed = tasks.get_task(store, reg.own_task)
        assert (changed.status, changed.due_date, changed.remark) == (
            TaskStatus.IN_PROGRESS, date(2026, 12, 24), "Rückfrage",
        )  # fmt: skip
        # Undo writes back only what changed: the office lead's few columns and own entry.
        _, changes = uow.record(store, tasks.set_task_status, reg.own_task, TaskStatus.DONE)
        uow.undo(store, changes)
        assert tasks.get_task(store, reg.own_task).status == TaskStatus.IN_PROGRESS
        assert len(register.task_history(store, reg.own_task)) == len(history)


def test_an_office_lead_is_refused_with_one_sentence_and_nothing_changes(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _dump(reg)
    with _open(reg, logins["amt"], monkeypatch) as store:
        with pytest.raises(NotPermitted) as refused:
            tasks.set_task_status(store, reg.other_task, TaskStatus.DONE, note="fertig")
        assert str(refused.value) == OTHER_OFFICE
        for change in (
            lambda: tasks.update_task(store, reg.own_task, title="Anders"),
            lambda: tasks.update_task(store, reg.own_task, remark="x", title="Anders"),
            lambda: tasks.add_task(
                store, "Neu", office_id=tasks.get_task(store, reg.own_task).office_id
            ),
        ):
            with pytest.raises(NotPermitted) as refused:
                change()
            assert str(refused.value) == OTHER_FIELD
        with pytest.raises(NotPermitted):  # a note on another office's task
            tasks.add_task_note(store, reg.other_task, "Notiz")
    assert _dump(reg) == before


def test_a_reader_is_refused_every_change(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _dump(reg)
    sentence = (
        f"Ihre Anmeldung „{logins['lesen']}“ darf im Register nur lesen; es wurde nichts geändert."
    )
    with _open(reg, logins["lesen"], monkeypatch) as store:
        assert store.access.role == LESEN and store.access.read_only
        assert tasks.get_task(store, reg.own_task).title == "Kitaplätze zählen"
        for change in (
            lambda: tasks.set_task_status(store, reg.own_task, TaskStatus.DONE),
            lambda: tasks.add_task_note(store, reg.own_task, "Notiz"),
            lambda: tasks.update_task(store, reg.own_task, remark="x"),
        ):
            with pytest.raises(NotPermitted) as refused:
                change()
            assert str(refused.value) == sentence
    assert _dump(reg) == before


def test_the_command_line_with_a_readers_and_an_office_leads_login(
    reg: Register,
    logins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    exported = tmp_path / "Liste.xlsx"
    reader = login_url(reg, logins["lesen"], monkeypatch)
    assert main(["export", "tasks", "--db", reader, "--out", str(exported)]) == 0  # reading is fine
    edited = _edit(exported, tmp_path / "Liste zurück.xlsx",
                   {reg.own_task: {"Status": "erledigt"}})  # fmt: skip
    before = _dump(reg)
    capsys.readouterr()
    assert main(["import", "tasks", "--db", reader, str(edited)]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"sromod: Ihre Anmeldung „{logins['lesen']}“ darf im Register nur lesen; es wurde nichts geändert.\n"
    )
    assert _dump(reg) == before

    office_lead = login_url(reg, logins["amt"], monkeypatch)
    assert main(["import", "tasks", "--db", office_lead, str(edited)]) == 0
    with psycopg.connect(reg.url.replace("+psycopg", "")) as conn:
        assert conn.execute(
            "SELECT t.status, e.author FROM tasks t JOIN task_events e ON e.task_id = t.id "
            "WHERE t.id = %s AND e.kind = 'status'",
            (reg.own_task,),
        ).fetchall() == [("erledigt", logins["amt"])]


def test_the_owner_and_a_file_may_change_everything(pg_url: str, store: Store) -> None:
    with open_store(pg_url) as owner:
        assert owner.access.may_edit_everything and owner.access.role is None
    assert store.access.may_edit_everything and not store.access.read_only
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM offices")).scalar_one() > 10
