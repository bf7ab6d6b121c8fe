"""Read-only SQLite connections that leave no trace beside a file they only look at."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sidecars(path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that never writes path nor creates files beside it.

    A plain read-only connection to a WAL database creates -wal and -shm files and cannot
    remove them again. Without a -wal file nobody has the database open (SQLite removes it
    when the last connection closes), so the file is opened as immutable and no sidecar
    appears. With a -wal file present, its committed pages must be read, which needs the
    ordinary read-only mode; those sidecars already belong to whoever left them.
    """
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    if not sidecars(Path(path))[0].exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)
