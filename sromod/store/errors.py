"""Errors the store raises, each with one clear German sentence for the user."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every store error; str() is the message shown to the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class NotASromodDatabase(StoreError):
    """The file is not SQLite, or another program's SQLite database."""


class TargetNotAStore(NotASromodDatabase):
    """A restore would replace a file that is not (or no longer) a sromod store."""


class EmptyFile(NotASromodDatabase):
    """The file has zero bytes."""


class DamagedDatabase(StoreError):
    """The file is a sromod database but damaged (truncated, corrupted)."""


class NewerDatabase(StoreError):
    """The database was written by a newer sromod; it is left untouched."""


class ReadOnlyStore(StoreError):
    """The file or its folder cannot be written."""


class StoreLocked(StoreError):
    """Another sromod has the store open."""

    def __init__(self, message: str, path: Path | None = None, holder: str = "") -> None:
        super().__init__(message, path)
        self.holder = holder


class MigrationFailed(StoreError):
    """An upgrade of the schema failed; the store was restored from the backup taken before."""


class StoreWriteError(StoreError):
    """A write failed (disk full, file vanished); nothing of the failed edit was kept."""


def quoted(path: Path | object) -> str:
    return f"„{path}“"
