"""Opening a store, as one pipeline: check the file, lock it, upgrade, daily backup, engine.

The file-only steps (the bytes check, the lock file beside the store, the new file made beside it
and moved in, file backups) are each one call in `open_store`, so a store that is not one SQLite
file can leave them out and keep the order of the rest: a register on PostgreSQL
(`sromod.store.server.open_server`) connects, upgrades under an advisory lock and fills a fresh
register, with no file check, lock file or file backup.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from sromod.store import backup, migrate
from sromod.store.address import ServerAddress, is_server_url
from sromod.store.database import Store, make_engine
from sromod.store.errors import MigrationFailed, ReadOnlyStore, StoreError, quoted
from sromod.store.filecheck import APPLICATION_ID, check_file, read_only_message
from sromod.store.leftovers import new_file_for, remove_dead_new_files, remove_restore_leftovers
from sromod.store.location import windows_path_too_long
from sromod.store.lock import StoreLock
from sromod.store.readonly import sidecars
from sromod.store.server import open_server

log = logging.getLogger(__name__)


def open_store(
    path: Path | str | ServerAddress,
    *,
    create: bool = True,
    lock: bool | StoreLock = True,
    initialise: Callable[[Store], None] | None = None,
    daily_backup: bool = True,
) -> Store:
    """Open (or create) the store at path; raise a StoreError with a German message if it can't be.

    A file that fails a check is never written to, and an existing store is not written before
    the lock is held (a new one is made whole beside it first). `initialise` fills a newly created store (reference data) before it is moved into
    place, so a half-made store never exists at path. An upgrade first backs up the old schema
    ("vor-aktualisierung"); the daily backup comes after it, so it holds the schema this version
    opens (a caller that must start fast passes daily_backup=False and calls `backup_if_due`
    later). lock may be a StoreLock made by the caller (a command that waits for another).
    A postgresql:// URL (or ServerAddress) opens a shared register instead.
    """
    if isinstance(path, ServerAddress | str) and (
        isinstance(path, ServerAddress) or is_server_url(path)
    ):
        return open_server(path, create=create, initialise=initialise)
    path = _usable_path(path)
    created = _create_if_missing(path, create, initialise)  # file: made beside, moved in whole
    check_file(path)  # file: a refused file is never written
    store_lock = _take_lock(path, lock)  # file: before the first write
    try:
        notes = upgrade_schema(path)
        warning = backup_if_due(path) if daily_backup and not created else None  # file
        store = Store(path, make_engine(path), store_lock)
    except BaseException:
        if store_lock is not None:
            store_lock.release()
        raise
    store.warnings.extend([warning, *notes] if warning else notes)
    return store


def usable_location(location: Path | str | ServerAddress) -> Path | ServerAddress:
    """A file's absolute path, or a server's address (a postgresql:// URL)."""
    if isinstance(location, ServerAddress):
        return location
    if is_server_url(location):
        return ServerAddress(str(location))
    return Path(location).expanduser().absolute()


def store_exists(location: Path | ServerAddress) -> bool:
    """Whether a file (or a link) is at location; a server's database is looked into on opening."""
    return isinstance(location, Path) and (location.exists() or location.is_symlink())


def _usable_path(path: Path | str) -> Path:
    """The absolute path, refused when Windows cannot open it; dead half-made stores removed."""
    path = Path(path).expanduser().absolute()
    too_long = windows_path_too_long(path)
    if too_long:
        raise StoreError(too_long, path)
    remove_dead_new_files(path)
    return path


def _create_if_missing(
    path: Path, create: bool, initialise: Callable[[Store], None] | None
) -> bool:
    """Create the store if there is none at path (True), or refuse when create is False."""
    if path.exists():
        return False
    if not create:
        raise StoreError(f"Die Datenbank {quoted(path)} gibt es nicht.", path)
    _create_new(path, initialise)
    return True


def _take_lock(path: Path, lock: bool | StoreLock) -> StoreLock | None:
    """Hold the lock beside the store, then clear what a restore cut short left behind."""
    store_lock = lock if isinstance(lock, StoreLock) else StoreLock(path) if lock else None
    if store_lock is None:
        return None
    try:
        store_lock.acquire()
    except PermissionError as exc:
        raise ReadOnlyStore(read_only_message(path), path) from exc
    try:
        remove_restore_leftovers(path)  # only the holder may touch the store's files
    except BaseException:
        store_lock.release()
        raise
    return store_lock


def backup_if_due(path: Path | None) -> str | None:
    """Back up the store if its last daily backup is a day old; return a warning if that failed.

    Safe while the store is open (SQLite's backup API reads a consistent snapshot). A register
    on a server (no path) is backed up by the server's pg_dump, not here.
    """
    if path is None or not backup.daily_backup_due(path):
        return None
    try:
        backup.automatic_backup(path, backup.DAILY)
    except (OSError, sqlite3.Error) as exc:
        log.warning("Daily backup failed: %s", type(exc).__name__)
        return (
            "Die tägliche Sicherung konnte nicht geschrieben werden (Datenträger voll oder "
            "Ordner schreibgeschützt?). Sie können weiterarbeiten; bitte prüfen Sie das Laufwerk."
        )
    return None


def upgrade_schema(path: Path) -> list[str]:
    """Upgrade the schema after a safety backup; return the notes the upgrade left for the user."""
    engine = make_engine(path, foreign_keys=False)
    try:
        if migrate.current_revision(engine) == migrate.head_revision():
            return []
    finally:
        engine.dispose()
    safety_copy = backup.automatic_backup(path, backup.BEFORE_MIGRATION)
    engine = make_engine(path, foreign_keys=False)
    try:
        notes = migrate.upgrade(engine)
    except Exception as exc:
        engine.dispose()
        log.exception("Migration failed; restoring the backup")
        backup.restore_file(safety_copy, path)
        raise MigrationFailed(
            f"Die Datenbank {quoted(path)} konnte nicht aktualisiert werden; "
            "der vorherige Stand wurde wiederhergestellt.",
            path,
        ) from exc
    engine.dispose()
    return notes


def _create_new(path: Path, initialise: Callable[[Store], None] | None) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"Den Ordner {quoted(folder)} gibt es nicht.", path)
    if not os.access(folder, os.W_OK):
        raise ReadOnlyStore(read_only_message(path), path)
    partial = new_file_for(path)
    for leftover in (partial, *sidecars(partial)):
        leftover.unlink(missing_ok=True)
    try:
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        raw = sqlite3.connect(partial)
        raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.close()
        engine = make_engine(partial, foreign_keys=False)
        migrate.upgrade(engine)
        engine.dispose()
        if initialise is not None:
            with Store(partial, make_engine(partial), None) as fresh:
                initialise(fresh)
        _checkpoint(partial)
        os.replace(partial, path)
    except OSError as exc:
        raise ReadOnlyStore(
            f"Die Datenbank {quoted(path)} konnte nicht angelegt werden: {exc.strerror}.", path
        ) from exc
    finally:
        for leftover in (partial, *sidecars(partial)):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    log.info("New store created")


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
