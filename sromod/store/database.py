"""Opening a store: file checks, lock, migrations, pragmas; the one place that knows SQLite."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from sromod.store import backup, migrate
from sromod.store.errors import (
    DamagedDatabase,
    EmptyFile,
    MigrationFailed,
    NewerDatabase,
    NotASromodDatabase,
    ReadOnlyStore,
    StoreError,
    StoreWriteError,
    quoted,
)
from sromod.store.fts import merge_search_index
from sromod.store.leftovers import new_file_for, remove_dead_new_files, remove_restore_leftovers
from sromod.store.location import location_warnings, windows_path_too_long
from sromod.store.lock import StoreLock
from sromod.store.readonly import connect_readonly, sidecars

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53524F4D  # "SROM"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class Store:
    """An open store: the engine, a session factory and the lock that keeps others out."""

    def __init__(self, path: Path, engine: Engine, lock: StoreLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.warnings: list[str] = location_warnings(path)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back."""
        with self._sessions() as session, session.begin():
            yield session

    def erase_deleted_traces(self) -> bool:
        """Rewrite where erased data could still be read: search index segments and the WAL.

        Call after deleting personal data. The search index keeps deleted terms in its old
        segments until they are merged; the WAL keeps old page images until it is checkpointed.
        Returns False when another reader kept the WAL from being emptied (it is on next close).
        """
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
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        _raise_store_error(path, context.original_exception)

    return engine


# SQLite error names of writes that failed for reasons outside the program (full disk, a file
# that vanished or turned read-only); the transaction is rolled back, the user gets one sentence.
_WRITE_FAILURES = {
    "SQLITE_FULL": "der Datenträger voll ist",
    "SQLITE_IOERR": "die Datei nicht geschrieben werden konnte",
    "SQLITE_READONLY": "die Datei schreibgeschützt ist",
    "SQLITE_CANTOPEN": "die Datei nicht mehr erreichbar ist",
}


def _raise_store_error(path: Path, error: BaseException) -> None:
    """Turn SQLite's errors about the file itself into StoreErrors; leave the rest alone."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        log.error("Store damaged: %s", name)
        raise DamagedDatabase(_damaged_message(path), path) from error
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


def open_store(
    path: Path | str,
    *,
    create: bool = True,
    lock: bool | StoreLock = True,
    initialise: Callable[[Store], None] | None = None,
    daily_backup: bool = True,
) -> Store:
    """Open (or create) the store at path; raise a StoreError with a German message if it can't be.

    A file that fails a check is never written to. `initialise` fills a newly created store
    (reference data) before it is moved into place, so a half-made store never exists at path.
    With daily_backup, an existing store is backed up first if its last daily backup is a day
    old (a caller that must start fast passes False and calls `backup_if_due` later).
    lock may be a StoreLock made by the caller (a command that waits for another command).
    """
    path = Path(path).expanduser().absolute()
    too_long = windows_path_too_long(path)
    if too_long:
        raise StoreError(too_long, path)
    remove_dead_new_files(path)
    created = False
    if not path.exists():
        if not create:
            raise StoreError(f"Die Datenbank {quoted(path)} gibt es nicht.", path)
        _create_new(path, initialise)
        created = True
    check_file(path)
    store_lock = lock if isinstance(lock, StoreLock) else StoreLock(path) if lock else None
    if store_lock is not None:
        try:
            store_lock.acquire()
        except PermissionError as exc:
            raise ReadOnlyStore(_read_only_message(path), path) from exc
    try:
        if store_lock is not None:
            remove_restore_leftovers(path)
        backup_warning = backup_if_due(path) if daily_backup and not created else None
        upgrade_notes = _upgrade_if_needed(path)
        engine = make_engine(path)
        store = Store(path, engine, store_lock)
        if backup_warning:
            store.warnings.append(backup_warning)
        store.warnings.extend(upgrade_notes)
        return store
    except BaseException:
        if store_lock is not None:
            store_lock.release()
        raise


def backup_if_due(path: Path) -> str | None:
    """Back up the store if its last daily backup is a day old; return a warning if that failed.

    Safe while the store is open (SQLite's backup API reads a consistent snapshot).
    """
    if not backup.daily_backup_due(path):
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
        raise DamagedDatabase(_damaged_message(path), path)
    if writable and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise ReadOnlyStore(_read_only_message(path), path)
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
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise DamagedDatabase(_damaged_message(path), path) from exc
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
        raise DamagedDatabase(_damaged_message(path), path) from exc
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


def _upgrade_if_needed(path: Path) -> list[str]:
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
        raise ReadOnlyStore(_read_only_message(path), path)
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


def _damaged_message(path: Path) -> str:
    return (
        f"Die Datenbank {quoted(path)} ist beschädigt (unvollständig oder fehlerhaft) und kann "
        "nicht geöffnet werden. Stellen Sie eine Sicherung wieder her."
    )


def _read_only_message(path: Path) -> str:
    return (
        f"Die Datenbank {quoted(path)} oder ihr Ordner ist schreibgeschützt. sromod braucht "
        "Schreibrechte, damit keine Eingabe verloren geht."
    )
