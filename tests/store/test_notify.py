"""LISTEN/NOTIFY on a shared register: a listener hears other users' changes, not its own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from sromod.services import directory, tasks
from sromod.store import Store, open_store
from sromod.store.notify import APPLICATION_NAME, EVERYTHING, RETRY_SECONDS, ChangeListener
from tests.services.helpers import office_id

LISTENING_SECONDS = 10


class Heard:
    """What a listener reported, and an event set at its first report."""

    def __init__(self) -> None:
        self.bursts: list[set[str]] = []
        self.arrived = threading.Event()

    def __call__(self, tables: set[str]) -> None:
        self.bursts.append(tables)
        self.arrived.set()


@contextmanager
def listening(store: Store) -> Iterator[tuple[ChangeListener, Heard]]:
    heard = Heard()
    listener = ChangeListener(store, heard)
    listener.start()
    try:
        assert listener.listening.wait(LISTENING_SECONDS)
        yield listener, heard
    finally:
        listener.stop()


def test_the_listener_hears_others_not_its_own_engine(pg_url: str) -> None:
    with open_store(pg_url) as mine, open_store(pg_url) as theirs, listening(mine) as (_, heard):
        directory.create_person(mine, "Eigene Änderung")  # committed first, not reported
        tasks.add_task(theirs, "Fremde Änderung", office_id=office_id(theirs, "Jug"))
        assert heard.arrived.wait(LISTENING_SECONDS)
    assert heard.bursts[0] == {"tasks", "task_events"}


def test_a_listener_that_lost_its_connection_listens_again_and_says_reload_everything(
    pg_url: str,
) -> None:
    with (
        open_store(pg_url) as mine,
        open_store(pg_url) as admin,
        listening(mine) as (listener, heard),
    ):
        with admin.engine.begin() as conn:  # the server ends the connection (a restart)
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :name"
                ),
                {"name": APPLICATION_NAME},
            )
        assert heard.arrived.wait(LISTENING_SECONDS + RETRY_SECONDS)
        assert heard.bursts == [{EVERYTHING}]  # what changed meanwhile is unknown
        assert listener.listening.is_set()
