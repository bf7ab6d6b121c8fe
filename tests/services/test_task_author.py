"""Every change of a task records who made it: the login on a server, the computer's user on a file."""

from __future__ import annotations

import getpass

import pytest
from sqlalchemy import text

from sromod.models import TaskStatus
from sromod.models.tasks import local_user
from sromod.services import register, tasks
from sromod.store import Store
from tests.services.helpers import office_id


def _expected_author(store: Store) -> str:
    if store.server is not None:
        return str(store.engine.url.username)  # the login the register was opened with
    return getpass.getuser()


def test_each_history_entry_names_who_made_it(store: Store) -> None:
    task = tasks.add_task(store, "Bericht vorlegen", office_id=office_id(store, "Jug"))
    tasks.set_task_status(store, task.id, TaskStatus.IN_PROGRESS, note="begonnen")
    tasks.update_task(store, task.id, remark="Rückfrage beim Amt")
    tasks.add_task_note(store, task.id, "telefonisch geklärt")

    history = register.task_history(store, task.id)
    assert len(history) == 4
    assert {entry.author for entry in history} == {_expected_author(store)}
    with store.engine.connect() as conn:  # the database itself holds it
        stored = conn.execute(
            text("SELECT DISTINCT author FROM task_events WHERE task_id = :t"), {"t": task.id}
        ).scalars()
        assert list(stored) == [_expected_author(store)]


def test_an_entry_from_before_the_author_was_recorded_has_none(store: Store) -> None:
    task = tasks.add_task(store, "Bericht vorlegen", office_id=office_id(store, "Jug"))
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE task_events SET author = NULL WHERE task_id = :t"), {"t": task.id}
        )
    assert register.task_history(store, task.id)[0].author is None


@pytest.mark.sqlite_only("the computer's user name is a laptop's")
def test_without_a_login_name_the_entry_has_no_author(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_user() -> str:
        raise OSError("kein Benutzername")  # what getpass does on a system without one

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert local_user() is None
    task = tasks.add_task(store, "Bericht vorlegen", office_id=office_id(store, "Jug"))
    assert register.task_history(store, task.id)[0].author is None


@pytest.mark.sqlite_only("the computer's user name is a laptop's")
def test_on_windows_the_author_is_the_username_variable(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LOGNAME", "USER", "LNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("USERNAME", "Jürgen Müller")  # Windows sets only this one
    task = tasks.add_task(store, "Bericht vorlegen", office_id=office_id(store, "Jug"))
    assert register.task_history(store, task.id)[0].author == "Jürgen Müller"
