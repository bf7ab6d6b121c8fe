"""Opening a store for a command that only reads (an export, an import's dry run).

Such a command takes no lock, writes no backup and never migrates: SQLite's WAL lets it read a
consistent snapshot beside a writer, so it works while the window has the store open and while
another command changes it. `PRAGMA query_only` makes any write a refusal, not a change.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext

from sromod.store import migrate
from sromod.store.database import BUSY_TIMEOUT_MS, Store, raise_store_error
from sromod.store.errors import StoreError, quoted
from sromod.store.filecheck import check_file
from sromod.store.readonly import connect_readonly, file_uri

log = logging.getLogger(__name__)


def open_for_reading(path: Path | str) -> Store | None:
    """The store at path for reading only; None when its schema must first be upgraded.

    Raises the StoreError of `check_file` for a file that is missing, damaged or foreign.
    """
    path = Path(path).expanduser().absolute()
    if not path.exists():
        raise StoreError(f"Die Datenbank {quoted(path)} gibt es nicht.", path)
    check_file(path, writable=False)
    if _revision(path) != migrate.head_revision():
        return None  # an upgrade is a write: the caller opens the store as a writer
    return Store(path, _reading_engine(path), None)


def _revision(path: Path) -> str | None:
    conn = connect_readonly(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _connect(path: Path) -> sqlite3.Connection:
    # An ordinary connection removes its -wal and -shm files when it is the last to close;
    # SQLite's read-only mode would leave them behind. Only where nothing may be written
    # (a write-protected folder) is the read-only mode the way in.
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return sqlite3.connect(path, check_same_thread=False)
    return sqlite3.connect(file_uri(path) + "?mode=ro", uri=True, check_same_thread=False)


def _reading_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", creator=partial(_connect, path))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")  # deferred: a read transaction, one snapshot

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        raise_store_error(path, context.original_exception)

    return engine
