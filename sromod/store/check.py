"""Checking, backing up and restoring a store file: what `sromod check/backup/restore` call.

The check only reads: it never writes the database nor leaves files beside it, so it is safe
on a store that is damaged, from a newer sromod, or open in another sromod.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sromod.models import Base
from sromod.store import backup, migrate
from sromod.store.address import ServerAddress, is_server_url
from sromod.store.backup import Progress
from sromod.store.check_report import CheckReport
from sromod.store.consistency import check_server
from sromod.store.errors import (
    DamagedDatabase,
    EmptyFile,
    NewerDatabase,
    NotASromodDatabase,
    ReadOnlyStore,
    StoreError,
    TargetNotAStore,
    quoted,
)
from sromod.store.filecheck import check_file
from sromod.store.fts import FTS_TABLE, SOURCES
from sromod.store.location import location_warnings
from sromod.store.lock import StoreLock
from sromod.store.readonly import connect_readonly, sidecars
from sromod.store.server import SERVER_BACKUP_SENTENCE

log = logging.getLogger(__name__)

MAX_LISTED_PROBLEMS = 3
# The FTS5 "integrity-check" command is a write, so it runs on an in-memory copy; above this
# size the copy would cost too much memory and the cheaper row comparison has to do.
FTS_COPY_LIMIT_BYTES = 256 * 1024 * 1024
PERCENT = 100


def check_store(path: Path | str | ServerAddress, progress: Progress | None = None) -> CheckReport:
    """Check a store file thoroughly without changing it (file, pages, keys, schema, search).

    A register on a server gets the consistency queries of `check_server`.
    progress, if given, hears (percent done, 100) after each step, in the checking thread.
    """
    if isinstance(path, ServerAddress) or is_server_url(path):
        address = path if isinstance(path, ServerAddress) else ServerAddress(str(path))
        server_report = CheckReport(address)
        check_server(address, server_report, progress)
        return server_report
    path = Path(path).expanduser().absolute()
    report = CheckReport(path)
    if not path.exists():
        report.add(f"Die Datei {quoted(path)} gibt es nicht.")
        return report
    try:
        check_file(path, writable=False)
    except StoreError as exc:
        report.add(exc.message)
        return report
    report.notes.extend(location_warnings(path))
    try:
        conn = connect_readonly(path)
    except sqlite3.Error:
        report.add(_unreadable(path))
        return report
    try:
        done = 0
        for step, share in _check_steps():
            step(conn, report)
            done += share
            _tell(progress, done)
    except sqlite3.DatabaseError as exc:
        log.warning("Check stopped: %s", exc)
        report.add(_unreadable(path))
    finally:
        conn.close()
    if report.ok:
        _note_writability(path, report)
    _tell(progress, PERCENT)
    return report


def _check_steps() -> tuple[tuple[Callable[[sqlite3.Connection, CheckReport], None], int], ...]:
    """The steps of a check with their share of the time in percent (measured on a big store)."""
    return (
        (_check_pages, 65),
        (_check_foreign_keys, 10),
        (_check_schema, 0),
        (_check_search_index, 25),
    )


def _tell(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done, PERCENT)


def _part_of(progress: Progress | None, start: int, end: int) -> Progress | None:
    """Progress of one phase (done, total) as the range start..end of the whole's percent."""
    if progress is None:
        return None

    def tell(done: int, total: int) -> None:
        progress(start + (end - start) * done // max(total, 1), PERCENT)

    return tell


def _unreadable(path: Path) -> str:
    return (
        f"Die Datenbank {quoted(path)} ist beschädigt und lässt sich nicht vollständig lesen. "
        "Stellen Sie eine Sicherung wieder her."
    )


def _check_pages(conn: sqlite3.Connection, report: CheckReport) -> None:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(100)")]
    if rows == ["ok"]:
        return
    problems = [
        line.strip()
        for row in rows
        for line in str(row).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]
    shown = "; ".join(problems[:MAX_LISTED_PROBLEMS])
    more = " …" if len(problems) > MAX_LISTED_PROBLEMS else ""
    report.add(
        f"Die Integritätsprüfung von SQLite meldet {len(problems)} Fehler ({shown}{more}). "
        "Stellen Sie eine Sicherung wieder her."
    )


def _check_foreign_keys(conn: sqlite3.Connection, report: CheckReport) -> None:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if rows:
        tables = sorted({r[0] for r in rows})
        what = "Eintrag verweist" if len(rows) == 1 else "Einträge verweisen"
        report.add(f"{len(rows)} {what} ins Leere (Tabellen: {', '.join(tables)}).")


def _check_schema(conn: sqlite3.Connection, report: CheckReport) -> None:
    head = migrate.head_revision()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    row = (
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if "alembic_version" in present
        else None
    )
    revision = row[0] if row else None
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if revision != head:
        report.notes.append(
            f"Der Schemastand ist {revision or 'unbekannt'}, aktuell ist {head}; die Datenbank "
            "wird beim nächsten Öffnen nach einer Sicherung aktualisiert."
        )
    elif user_version != migrate.schema_version(head):
        report.add(f"Die Schemaversion ({user_version}) passt nicht zum Schemastand {revision}.")
    missing = sorted(set(Base.metadata.tables) - present)
    if revision == head and missing:
        report.add(f"Es fehlen Tabellen: {', '.join(missing)}.")


def _check_search_index(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Every searchable row has exactly its entry in the search index, and no entry is stray."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone():
        report.add("Der Suchindex fehlt.")
        return
    missing = stray = 0
    for code, _kind, table, _title, _body in SOURCES:
        missing += conn.execute(
            f"SELECT count(*) FROM {table} AS r WHERE NOT EXISTS (SELECT 1 FROM {FTS_TABLE} "
            f"AS f WHERE f.rowid = r.rowid * 8 + {code} AND f.ref = r.id)"
        ).fetchone()[0]
        stray += conn.execute(stray_entries_sql(code, table)).fetchone()[0]
    if missing or stray:
        report.add(
            f"Der Suchindex ist nicht aktuell (fehlend: {missing}, überzählig: {stray}); "
            "die Suche findet nicht alles."
        )
        return
    if Path(str(report.path)).stat().st_size <= FTS_COPY_LIMIT_BYTES and not _fts_integrity_ok(
        conn
    ):
        report.add("Der Suchindex ist beschädigt; die Suche findet nicht alles.")


def stray_entries_sql(code: int, table: str) -> str:
    """Count the index entries of one kind whose source row is gone.

    r.rowid stands alone on its side of "=", so SQLite looks the row up by its key; written
    as "r.rowid * 8 + code = f.rowid" it scanned the table once per entry (92 s on a decade).
    """
    return (
        f"SELECT count(*) FROM {FTS_TABLE} AS f WHERE f.rowid % 8 = {code} AND NOT EXISTS "
        f"(SELECT 1 FROM {table} AS r WHERE r.rowid = (f.rowid - {code}) / 8)"
    )


def _fts_integrity_ok(conn: sqlite3.Connection) -> bool:
    copy = sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        copy.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        log.warning("Search index check failed: %s", exc)
        return False
    finally:
        copy.close()
    return True


def _note_writability(path: Path, report: CheckReport) -> None:
    try:
        check_file(path)
    except ReadOnlyStore as exc:
        report.notes.append(exc.message)
    except StoreError:
        pass


def backup_store(db_path: Path | str | ServerAddress, out_path: Path | str) -> Path:
    """Write a consistent copy of the store to out_path (SQLite backup API; the store may be open).

    Refuses to write onto the store itself or onto any existing file, and a register on a
    server (its backup is the server's pg_dump).
    """
    if isinstance(db_path, ServerAddress) or is_server_url(db_path):
        raise StoreError(SERVER_BACKUP_SENTENCE)
    db_path = Path(db_path).expanduser().absolute()
    out_path = Path(out_path).expanduser().absolute()
    if not db_path.exists():
        raise StoreError(f"Die Datenbank {quoted(db_path)} gibt es nicht.", db_path)
    check_file(db_path, writable=False)
    if _same_file(db_path, out_path) or out_path in (*sidecars(db_path), _lock_file(db_path)):
        raise StoreError(
            f"Die Sicherung kann nicht auf die Datenbank {quoted(db_path)} selbst geschrieben "
            "werden; wählen Sie eine andere Zieldatei.",
            db_path,
        )
    if out_path.exists():
        raise StoreError(
            f"Die Datei {quoted(out_path)} gibt es schon; sie wird nicht überschrieben. "
            "Wählen Sie einen anderen Namen.",
            out_path,
        )
    if not out_path.parent.is_dir():
        raise StoreError(f"Den Ordner {quoted(out_path.parent)} gibt es nicht.", out_path)
    try:
        if not os.access(out_path.parent, os.W_OK):
            raise PermissionError(errno.EACCES, "read-only folder", str(out_path.parent))
        backup.backup_database(db_path, out_path)
    except (OSError, sqlite3.Error) as exc:
        if backup.source_is_damaged(exc):
            raise DamagedDatabase(_unreadable(db_path), db_path) from exc
        # The store was only read: it is fine, and restoring a backup would be wrong advice.
        code = getattr(exc, "sqlite_errorname", None) or getattr(exc, "errno", None)
        log.warning("Backup on request failed: %s %s", type(exc).__name__, code)
        raise StoreError(
            f"Die Sicherung konnte nicht nach {quoted(out_path)} geschrieben werden: "
            f"{backup.write_failure_reason(exc)}. Die Datenbank {quoted(db_path)} ist "
            "unverändert.",
            out_path,
        ) from exc
    log.info("Backup written on request")
    return out_path


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return b.exists() and a.samefile(b)
    except OSError:
        return False


def _lock_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def restore_store(
    db_path: Path | str | ServerAddress,
    backup_path: Path | str,
    progress: Progress | None = None,
    *,
    replace_foreign: bool = False,
) -> Path | None:
    """Put a backup in place of the store; return the copy kept of the replaced store.

    The backup must be a sound sromod database. The store must not be open anywhere (the
    caller closes its own Store first, which disposes the engine). The replaced store is kept
    in the backup folder with reason "vor-wiederherstellung"; None when there was no store.
    A file at db_path that is no sromod store (an export written over it) is refused with
    TargetNotAStore, or with replace_foreign renamed beside it with a time stamp and kept.
    A register on a server is refused (pg_restore restores it).
    progress, if given, hears (percent done, 100) in the restoring thread.
    """
    if isinstance(db_path, ServerAddress) or is_server_url(db_path):
        raise StoreError(SERVER_BACKUP_SENTENCE)
    db_path = Path(db_path).expanduser().absolute()
    backup_path = Path(backup_path).expanduser().absolute()
    _validate_backup(db_path, backup_path, _part_of(progress, 0, 40))
    foreign = _refuse_foreign_target(db_path, replace_foreign)
    lock = StoreLock(db_path)
    try:
        lock.acquire()
    except PermissionError as exc:
        raise ReadOnlyStore(
            f"Die Datenbank {quoted(db_path)} kann nicht ersetzt werden, weil ihr Ordner "
            "schreibgeschützt ist.",
            db_path,
        ) from exc
    try:
        # The backup is read first: keeping the replaced store rotates old backups out,
        # and the one being restored may be among them.
        prepared = backup.prepare_restore(backup_path, db_path, _part_of(progress, 40, 70))
        if foreign:
            kept: Path | None = set_aside(db_path)
        else:
            replaced = _part_of(progress, 70, 98)
            kept = _keep_replaced(db_path, replaced) if db_path.exists() else None
        backup.swap_in(prepared, db_path)
    except (OSError, sqlite3.Error) as exc:
        db_path.with_name(db_path.name + ".restore").unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) else "die Sicherung ist nicht lesbar"
        raise StoreError(
            f"Die Sicherung konnte nicht wiederhergestellt werden: {reason}. Die "
            f"Datenbank {quoted(db_path)} ist unverändert.",
            db_path,
        ) from exc
    finally:
        lock.release()
    log.info("Store restored from a backup")
    _tell(progress, PERCENT)
    return kept


def _validate_backup(db_path: Path, backup_path: Path, progress: Progress | None) -> None:
    if not backup_path.exists():
        raise StoreError(f"Die Sicherung {quoted(backup_path)} gibt es nicht.", backup_path)
    if db_path.exists() and _same_file(db_path, backup_path):
        raise StoreError(
            "Die Datenbank kann nicht aus sich selbst wiederhergestellt werden; wählen Sie "
            "eine Sicherungsdatei.",
            backup_path,
        )
    check_file(backup_path, writable=False)
    report = check_store(backup_path, progress)
    if not report.ok:
        raise DamagedDatabase(
            f"Die Sicherung {quoted(backup_path)} ist nicht in Ordnung und wird nicht "
            f"wiederhergestellt: {report.findings[0]}",
            backup_path,
        )


def _refuse_foreign_target(db_path: Path, replace_foreign: bool) -> bool:
    """Never replace a newer store, nor unasked a file that is no store; True for such a file.

    A damaged store may be replaced (it is kept in the backups folder).
    """
    if not db_path.exists():
        return False
    try:
        check_file(db_path, writable=False)
    except (EmptyFile, DamagedDatabase):
        return False
    except NewerDatabase as exc:
        raise NewerDatabase(
            f"{exc.message} Sie wird deshalb nicht durch die Sicherung ersetzt.", db_path
        ) from exc
    except NotASromodDatabase as exc:
        if replace_foreign:
            return True
        raise TargetNotAStore(
            f"{exc.message} Sie wird deshalb nicht durch die Sicherung ersetzt.", db_path
        ) from exc
    return False


def set_aside(path: Path) -> Path:
    """Rename a file that is in a store's place beside it, with a time stamp; return its name.

    Its -wal and -shm files (another program's database) move with it.
    """
    stamp = datetime.now().strftime(backup.STAMP_FORMAT)
    aside = path.with_name(f"{path.name}.beiseitegelegt-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.beiseitegelegt-{stamp}-{number}")
    os.rename(path, aside)
    for sidecar, suffix in zip(sidecars(path), ("-wal", "-shm"), strict=True):
        if sidecar.exists():
            os.rename(sidecar, aside.with_name(aside.name + suffix))
    log.info("A file that was no store was set aside before a restore")
    return aside


def _keep_replaced(db_path: Path, progress: Progress | None) -> Path:
    """Keep the store about to be replaced; a damaged one is kept byte for byte."""
    try:
        return backup.automatic_backup(db_path, backup.BEFORE_RESTORE, progress=progress)
    except sqlite3.DatabaseError:
        folder = backup.backup_dir_for(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime(backup.STAMP_FORMAT)
        target = folder / f"{db_path.stem}-{stamp}-{backup.BEFORE_RESTORE}.sqlite"
        shutil.copy2(db_path, target)
        for sidecar, suffix in zip(sidecars(db_path), ("-wal", "-shm"), strict=True):
            if sidecar.exists():
                shutil.copy2(sidecar, target.with_name(target.name + suffix))
        return target
