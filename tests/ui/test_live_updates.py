"""Open screens show other users' changes on a shared register (LISTEN/NOTIFY), not on a file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.tasks import COLUMN
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import office_id

LISTENING_SECONDS = 10


def _status_shown(screen: TaskRegisterScreen, number: str) -> str | None:
    model = screen.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, COLUMN["register_number"])) == number:
            return str(model.data(model.index(row, COLUMN["status"])))
    return None


@pytest.mark.parametrize("store_engine", ["postgresql"])
def test_another_users_change_shows_in_the_open_register(
    window: MainWindow, qtbot: QtBot, pg_url: str
) -> None:
    store = window.context.store
    task = tasks.add_task(
        store, "Spielplatz Köllnische Heide prüfen", office_id=office_id(store, "SGA")
    )
    screen = window.show_page("tasks")
    assert isinstance(screen, TaskRegisterScreen)
    window.context.notify({"tasks"})  # the task was made behind the window's back
    qtbot.waitUntil(lambda: _status_shown(screen, task.register_number) == "offen")
    live_updates = window.context.live_updates
    listener = live_updates.listener if live_updates is not None else None
    assert listener is not None
    qtbot.waitUntil(listener.listening.is_set, timeout=LISTENING_SECONDS * 1000)

    with open_store(pg_url) as other:  # a second user, on a connection of their own
        tasks.set_status_of_tasks(other, [task.id], TaskStatus.IN_PROGRESS)

    qtbot.waitUntil(
        lambda: _status_shown(screen, task.register_number) == "in Bearbeitung", timeout=5000
    )


def test_a_file_store_has_no_listener(store: Store) -> None:
    before = _listening_threads()
    context = AppContext(store)
    assert context.live_updates is None  # not even the object that would listen
    assert _listening_threads() == before


def _listening_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "sromod-listen"}


def test_replacing_a_register_by_a_file_stops_listening(pg_url: str, tmp_path: Path) -> None:
    context = AppContext(open_store(pg_url))
    live_updates = context.live_updates
    assert live_updates is not None and live_updates.listener is not None
    listener = live_updates.listener
    assert listener.listening.wait(LISTENING_SECONDS)
    old = context.replace_store(open_store(tmp_path / "a.db", initialise=load_reference_data))
    old.close()
    assert live_updates.listener is None
    assert not listener.running()
    context.store.close()


def test_closing_the_register_ends_the_listener(pg_url: str) -> None:
    store = open_store(pg_url)
    context = AppContext(store)
    assert context.live_updates is not None
    listener = context.live_updates.listener
    assert listener is not None and listener.listening.wait(LISTENING_SECONDS)
    store.close()
    listener.join(LISTENING_SECONDS)
    assert not listener.running()
