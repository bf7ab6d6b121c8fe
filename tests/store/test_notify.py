"""LISTEN/NOTIFY on a shared register: a listener hears other users' changes, not its own."""

from __future__ import annotations

import threading

from sqlalchemy import text

from sromod.services import directory, tasks
from sromod.store import open_store
from sromod.store.notify import APPLICATION_NAME, EVERYTHING, RETRY_SECONDS, ChangeListener
from tests.services.helpers import office_id

LISTENING_SECONDS = 10


def test_the_listener_hears_others_not_its_own_engine(pg_url: str) -> None:
    heard: list[set[str]] = []
    arrived = threading.Event()

    def on_change(tables: set[str]) -> None:
        heard.append(tables)
        arrived.set()

    with open_store(pg_url) as mine, open_store(pg_url) as theirs:
        listener = ChangeListener(mine, on_change)
        listener.start()
        try:
            assert listener.listening.wait(LISTENING_SECONDS)
            directory.create_person(mine, "Eigene Änderung")  # committed first, not reported
            tasks.add_task(theirs, "Fremde Änderung", office_id=office_id(theirs, "Jug"))
            assert arrived.wait(LISTENING_SECONDS)
        finally:
            listener.stop()
    assert heard[0] == {"tasks", "task_events"}


def test_a_listener_that_lost_its_connection_listens_again_and_says_reload_everything(
    pg_url: str,
) -> None:
    heard: list[set[str]] = []
    arrived = threading.Event()

    def on_change(tables: set[str]) -> None:
        heard.append(tables)
        arrived.set()

    with open_store(pg_url) as mine, open_store(pg_url) as admin:
        listener = ChangeListener(mine, on_change)
        listener.start()
        try:
            assert listener.listening.wait(LISTENING_SECONDS)
            with admin.engine.begin() as conn:  # the server ends the connection (a restart)
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = :name"
                    ),
                    {"name": APPLICATION_NAME},
                )
            assert arrived.wait(LISTENING_SECONDS + RETRY_SECONDS)
            assert heard == [{EVERYTHING}]  # what changed meanwhile is unknown: everything
            assert listener.listening.is_set()
        finally:
            listener.stop()
