"""Checks of a store file before SQLite opens it for writing: file-only, never a write."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sromod.store.errors import (
    DamagedDatabase,
    EmptyFile,
    NewerDatabase,
    NotASromodDatabase,
    ReadOnlyStore,
    quoted,
)
from sromod.store.readonly import connect_readonly

APPLICATION_ID = 0x53524F4D  # "SROM"
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_file(path: Path, *, writable: bool = True) -> None:
    """Check a file before SQLite opens it (for writing, unless writable=False).

    Raises the matching StoreError; never writes path nor creates files beside it.
    """
    if path.is_dir():
        raise NotASromodDatabase(f"{quoted(path)} ist ein Ordner, keine sromod-Datenbank.", path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(100)
    except PermissionError as exc:
        raise ReadOnlyStore(f"Die Datei {quoted(path)} kann nicht gelesen werden.", path) from exc
    if size == 0:
        raise EmptyFile(
            f"Die Datei {quoted(path)} ist leer (0 Byte) und keine sromod-Datenbank.", path
        )
    if not header.startswith(SQLITE_MAGIC):
        raise NotASromodDatabase(
            f"Die Datei {quoted(path)} ist keine sromod-Datenbank (keine SQLite-Datei).", path
        )
    if len(header) < 100 or _is_truncated(header, size):
        raise DamagedDatabase(damaged_message(path), path)
    if writable and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise ReadOnlyStore(read_only_message(path), path)
    _probe(path)


def _is_truncated(header: bytes, size: int) -> bool:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    if size % page_size:
        return True
    pages_in_header = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    # The in-header page count is only valid when "version-valid-for" matches the counter.
    return valid_for == change_counter and size < pages_in_header * page_size


def _probe(path: Path) -> None:
    """Read the application id, schema version and revision over a read-only connection."""
    from sromod.store import migrate  # SQLAlchemy: not before the window paints (early_read)

    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise DamagedDatabase(damaged_message(path), path) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotASromodDatabase(
                f"Die Datei {quoted(path)} ist eine SQLite-Datenbank eines anderen Programms, "
                "keine sromod-Datenbank.",
                path,
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(damaged_message(path), path) from exc
    finally:
        conn.close()
    head_version = migrate.schema_version(migrate.head_revision())
    if user_version > head_version or (
        revision is not None and revision not in migrate.known_revisions()
    ):
        raise NewerDatabase(
            f"Die Datenbank {quoted(path)} wurde mit einer neueren sromod-Version angelegt. "
            "Bitte installieren Sie die aktuelle Version von sromod; die Datei bleibt unverändert.",
            path,
        )


def damaged_message(path: Path) -> str:
    return (
        f"Die Datenbank {quoted(path)} ist beschädigt (unvollständig oder fehlerhaft) und kann "
        "nicht geöffnet werden. Stellen Sie eine Sicherung wieder her."
    )


def read_only_message(path: Path) -> str:
    return (
        f"Die Datenbank {quoted(path)} oder ihr Ordner ist schreibgeschützt. sromod braucht "
        "Schreibrechte, damit keine Eingabe verloren geht."
    )
