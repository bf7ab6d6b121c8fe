"""Helpers for the store tests: fingerprints of a file and its SQLite sidecars."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from sromod.store import Store
from sromod.store.readonly import connect_readonly


def fingerprint(path: Path) -> dict[str, str | None]:
    """sha256 of the file and of its -wal/-shm/-journal sidecars (None: absent)."""
    result: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        result[suffix or "db"] = (
            hashlib.sha256(candidate.read_bytes()).hexdigest() if candidate.exists() else None
        )
    return result


def make_closed_store(path: Path) -> Path:
    """A store with reference data, closed again (no -wal or -shm left beside it)."""
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store

    open_store(path, initialise=load_reference_data).close()
    return path


def sqlite_count(path: Path, sql: str) -> int:
    conn = connect_readonly(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def store_file(store: Store) -> Path:
    """The file of a SQLite store (a server's store has none)."""
    assert store.path is not None
    return store.path


def chmod_or_pretend(monkeypatch: pytest.MonkeyPatch, path: Path, mode: int) -> None:
    """Make path unwritable; pretend via os.access where chmod does not stop writes.

    That is as root, and on Windows for folders (their read-only flag does not stop writing).
    """
    os.chmod(path, mode)
    if sys.platform == "win32" or os.geteuid() == 0:
        real_access = os.access
        blocked = {path.resolve()}

        def access(target: str | os.PathLike[str], flags: int, *args: Any, **kwargs: Any) -> bool:
            if flags & os.W_OK and Path(target).resolve() in blocked:
                return False
            return real_access(target, flags, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
