"""Read-only SQLite connections that leave no trace beside a file they only look at."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePath
from urllib.parse import quote


def sidecars(path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside a database in WAL mode."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def file_uri(path: PurePath) -> str:
    """An SQLite URI for path; a Windows share (\\\\server\\share) keeps an empty authority.

    Path.as_uri() puts the server into the authority ("file://server/share"), which SQLite
    refuses; "file:////server/share" is what it understands.
    """
    text = (path if path.is_absolute() else Path(path).absolute()).as_posix()
    if text.startswith("//"):
        return "file:////" + quote(text[2:], safe="/:")
    if not text.startswith("/"):
        text = "/" + text  # a drive letter: file:///C:/...
    return "file://" + quote(text, safe="/:")


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that never writes path nor creates files beside it.

    A plain read-only connection to a WAL database creates -wal and -shm files and cannot
    remove them again. Without a -wal file nobody has the database open (SQLite removes it
    when the last connection closes), so the file is opened as immutable and no sidecar
    appears. With a -wal file present, its committed pages must be read, which needs the
    ordinary read-only mode; those sidecars already belong to whoever left them.
    """
    uri = file_uri(Path(path)) + "?mode=ro"
    if not sidecars(Path(path))[0].exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)
