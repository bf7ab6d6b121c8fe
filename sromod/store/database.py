"""An open store and its engine: pragmas, explicit transactions, SQLite errors in German.

How a store is opened (checks, lock, upgrade, backup) is `sromod.store.opening`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from sromod.store.address import ServerAddress, server_display_name
from sromod.store.errors import DamagedDatabase, StoreWriteError, quoted
from sromod.store.filecheck import damaged_message
from sromod.store.fts import merge_search_index, vacuum_search_sources
from sromod.store.location import location_warnings
from sromod.store.lock import StoreLock
from sromod.store.server_roles import FULL_ACCESS, Access

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class Store:
    """An open store: the engine, a session factory and the lock that keeps others out.

    A store is a file (path) or a shared register on a server (path None, server its address).
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        lock: StoreLock | None,
        *,
        server: ServerAddress | None = None,
    ) -> None:
        self.path = path
        self.server = server
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Sessions that write: on SQLite their transaction takes the file's write lock at BEGIN
        # (BEGIN IMMEDIATE), so that two writers queue instead of one failing half-way.
        self._write_sessions = sessionmaker(
            engine.execution_options(sromod_writes=True), expire_on_commit=False
        )
        self.warnings: list[str] = location_warnings(path) if path is not None else []
        # What the login may change; a file has one user, who may change everything.
        self.access: Access = FULL_ACCESS
        self.closed = False  # set by close(): a listener on the store stops then

    @property
    def address(self) -> Path | ServerAddress:
        """What `check_store` and the command line take: the file's path or the server's address."""
        if self.server is not None:
            return self.server
        assert self.path is not None
        return self.path

    @property
    def display_name(self) -> str:
        """A short name for the window title: the file's name, or "database auf host"."""
        if self.server is not None:
            return server_display_name(self.server)
        return self.path.name if self.path is not None else ""

    @property
    def location(self) -> str:
        """Where the store lives, for the user: the file path or the server's masked address."""
        return str(self.server) if self.server is not None else str(self.path)

    def session(self) -> Session:
        return self._sessions()

    def write_session(self) -> Session:
        """A session for a unit of work that writes (see `unit_of_work`)."""
        return self._write_sessions()

    def reading(self) -> Connection:
        """A connection for reads that are one statement each (a page of a list, its counts, a
        search), to be closed after use (`with store.reading() as conn`).

        On a server it runs without a transaction: PostgreSQL's driver would open one with a
        BEGIN and end it with a ROLLBACK, two round trips more than the query, and on a busy
        server each round trip costs more than the query itself. Every statement sees one
        consistent state on its own; reads that must agree with each other take a session.
        On a file it is the engine's ordinary connection.
        """
        if self.server is None:
            return self.engine.connect()
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back."""
        with self._write_sessions() as session, session.begin():
            yield session

    def erase_deleted_traces(self) -> bool:
        """Rewrite where erased data could still be read: search index segments and the WAL.

        Call after deleting personal data. The search index keeps deleted terms in its old
        segments until they are merged; the WAL keeps old page images until it is checkpointed.
        Returns False when another reader kept the WAL from being emptied (it is on next close).
        On a server, VACUUM removes the dead row versions that still hold the old values.
        """
        if self.path is None:
            vacuum_search_sources(self.engine)
            return True
        raw = self.engine.raw_connection()
        try:
            sqlite = raw.driver_connection
            assert sqlite is not None
            merge_search_index(sqlite)
            busy = sqlite.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            raw.close()
        if busy:
            log.warning("WAL could not be emptied after an erasure: a reader holds it")
        return not busy

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose every connection carries the store's pragmas and explicit transactions."""
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Explicit BEGIN (below) instead of pysqlite's implicit transactions, so that pragmas
        # and migrations run outside a transaction when they must.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # Deleted and overwritten content is zeroed, not left readable in free space: an
        # anonymised person's old name must not survive in the file.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock first and waits for another one (busy_timeout); a
        # deferred BEGIN would read, then fail to write after the other writer's commit.
        writes = conn.get_execution_options().get("sromod_writes", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        raise_store_error(path, context.original_exception)

    return engine


def tune_for_bulk_load(conn: Connection) -> None:
    """Settings for one big write (the demo): on SQLite a page cache that holds the indexes."""
    if conn.dialect.name == "sqlite":
        # A big page cache keeps the random-UUID index inserts in memory.
        conn.exec_driver_sql("PRAGMA cache_size=-65536")


# SQLite error names of writes that failed for reasons outside the program (full disk, a file
# that vanished or turned read-only); the transaction is rolled back, the user gets one sentence.
_WRITE_FAILURES = {
    "SQLITE_FULL": "der Datenträger voll ist",
    "SQLITE_IOERR": "die Datei nicht geschrieben werden konnte",
    "SQLITE_READONLY": "die Datei schreibgeschützt ist",
    "SQLITE_CANTOPEN": "die Datei nicht mehr erreichbar ist",
}


def raise_store_error(path: Path, error: BaseException) -> None:
    """Turn SQLite's errors about the file itself into StoreErrors; leave the rest alone."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        log.error("Store damaged: %s", name)
        raise DamagedDatabase(damaged_message(path), path) from error
    reason = next((text for key, text in _WRITE_FAILURES.items() if name.startswith(key)), None)
    if reason is None:
        return
    log.error("Write failed: %s", name)
    raise StoreWriteError(
        f"Die Änderung wurde nicht gespeichert, weil {reason}; die bisherigen Daten in "
        f"{quoted(path)} sind unverändert. Schaffen Sie Platz bzw. prüfen Sie das Laufwerk "
        "und versuchen Sie es erneut.",
        path,
    ) from error
