"""Other users' changes on a shared register, heard through PostgreSQL's LISTEN/NOTIFY.

Every table of the register has a trigger (migration 0008, PostgreSQL only) that sends
"table id" on the channel `sromod_changes` when a row is inserted, updated or deleted; the
notification reaches listeners when the transaction commits. A `ChangeListener` listens on a
connection of its own, in a thread, and hands the names of the changed tables to a callback,
one call per burst. Changes made through the program's own engine are left out (their backend
process ids are known): the window redraws after its own actions already.

A register on SQLite has no other users: nothing listens there.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Engine, event

from sromod.store.database import Store
from sromod.store.pg_triggers import create_triggers, drop_triggers

log = logging.getLogger(__name__)

CHANNEL = "sromod_changes"
FUNCTION = "sromod_notify_change"
WAIT_SECONDS = 0.5  # how long a listener waits for a notification before it looks up again
RETRY_SECONDS = 3.0  # after the server went away, the next attempt to listen again
APPLICATION_NAME = "sromod-listen"  # how the listening connection shows in pg_stat_activity
EVERYTHING = "*"  # in a burst: notifications may have been missed, reload everything

Callback = Callable[[set[str]], None]


def create_notify_triggers(conn: Connection, tables: Iterable[str]) -> None:
    """One trigger per table sending "table id" on the channel; PostgreSQL only."""
    create_triggers(
        conn,
        tables,
        FUNCTION,
        f"  PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ' ' ||\n"
        "    CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);\n"
        "  RETURN NULL;",
    )


def drop_notify_triggers(conn: Connection, tables: Iterable[str]) -> None:
    drop_triggers(conn, tables, FUNCTION)


def parse_payload(payload: str) -> tuple[str, str]:
    """ "tasks 1f0c…" -> ("tasks", "1f0c…")."""
    table, _, row_id = payload.partition(" ")
    return table, row_id


class OwnConnections:
    """The backend process ids of an engine's connections: its own changes, not others'."""

    def __init__(self, engine: Engine) -> None:
        self.pids: set[int] = set()
        event.listen(engine, "checkout", self._checked_out)

    def _checked_out(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
        if pid is not None:
            self.pids.add(pid)


class ChangeListener:
    """Listens for other users' changes to a store on its own connection, in a daemon thread.

    `on_change` is called from that thread with the set of changed table names (EVERYTHING
    after the connection was lost and found again: what happened meanwhile is unknown). It is
    held weakly when it is a bound method, so a listener dies with the window that heard it;
    it stops too when the store is closed, or by `stop()`.
    """

    def __init__(self, store: Store, on_change: Callback) -> None:
        self._store = store
        self._url = store.engine.url.set(drivername="postgresql")
        self._own = OwnConnections(store.engine)
        self._callback: Callable[[], Callback | None]
        if hasattr(on_change, "__self__"):
            self._callback = weakref.WeakMethod(on_change)
        else:
            self._callback = lambda: on_change
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force
        self._thread = threading.Thread(target=self._run, name="sromod-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 2 * WAIT_SECONDS) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    def running(self) -> bool:
        return self._thread.is_alive()

    def join(self, seconds: float) -> None:
        """Wait up to seconds for the thread to end (after `stop()` or the store's close)."""
        self._thread.join(seconds)

    def _alive(self) -> bool:
        return not (self._stop.is_set() or self._store.closed) and self._callback() is not None

    def _run(self) -> None:
        missed = False
        while self._alive():
            try:
                self._listen(missed)
            except Exception as exc:  # the server went away: try again, quietly
                self.listening.clear()
                if not missed:
                    log.warning("Listening for changes interrupted: %s", type(exc).__name__)
                missed = True
                self._stop.wait(RETRY_SECONDS)

    def _listen(self, missed: bool) -> None:
        import psycopg

        conninfo = self._url.render_as_string(hide_password=False)
        with psycopg.connect(
            conninfo, autocommit=True, application_name=APPLICATION_NAME, connect_timeout=10
        ) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            if missed:
                log.info("Listening for changes again")
                self._deliver({EVERYTHING})
            while self._alive():
                tables = set()
                for note in conn.notifies(timeout=WAIT_SECONDS):
                    if note.pid not in self._own.pids:
                        tables.add(parse_payload(note.payload)[0])
                if tables:
                    self._deliver(tables)

    def _deliver(self, tables: set[str]) -> None:
        callback = self._callback()
        if callback is not None:
            callback(tables)
