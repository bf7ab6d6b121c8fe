"""Backups made with SQLite's backup API (a file copy of a live WAL database is not a backup)."""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path

from sromod.store.errors import StoreError
from sromod.store.readonly import connect_readonly, sidecars
from sromod.store.server import SERVER_BACKUP_SENTENCE

log = logging.getLogger(__name__)

AUTO_KEEP = 10
DAILY = "taeglich"
AFTER_ERASURE = "nach-anonymisierung"
BEFORE_MIGRATION = "vor-aktualisierung"
BEFORE_RESTORE = "vor-wiederherstellung"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
_STAMP = re.compile(r"-(\d{8}-\d{6})-([a-z-]+)\.sqlite$")
# How many pages one step of a copy with progress takes (16 MB with SQLite's 4 KB pages).
COPY_STEP_PAGES = 4096

Progress = Callable[[int, int], None]


def backup_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backup_database(db_path: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy the database at db_path consistently into target (written beside, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    remove_with_journals(partial)
    try:
        copy_file(db_path, partial, "DELETE", progress)
        os.replace(partial, target)
    except BaseException:
        remove_with_journals(partial)  # a half-written copy is no backup: nothing stays behind
        raise
    return target


def remove_with_journals(path: Path) -> None:
    """Remove a database file we wrote and SQLite's journal files beside it, if they exist."""
    for leftover in (path, path.with_name(path.name + "-journal"), *sidecars(path)):
        with suppress(OSError):
            leftover.unlink(missing_ok=True)


_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_RIGHTS = {errno.EACCES, errno.EPERM, errno.EROFS}


def source_is_damaged(exc: BaseException) -> bool:
    """Whether SQLite failed because the database read was damaged (not the file written)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def write_failure_reason(exc: BaseException) -> str:
    """Why writing a copy failed, in German words (never the system's English text)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    number = getattr(exc, "errno", None)
    if name.startswith("SQLITE_FULL") or number in _NO_SPACE:
        return "kein Platz mehr auf dem Datenträger"
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) or (
        number in _NO_RIGHTS or isinstance(exc, PermissionError)
    ):
        return "keine Schreibrechte im Zielordner"
    return "der Datenträger meldet einen Schreibfehler"


def automatic_backup(
    db_path: Path, reason: str, keep: int = AUTO_KEEP, progress: Progress | None = None
) -> Path:
    """A backup in the store's backup folder, named by time and reason; old ones rotate out."""
    stamp = datetime.now().strftime(STAMP_FORMAT)
    folder = backup_dir_for(db_path)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    folder.mkdir(mode=0o700, exist_ok=True)
    with suppress(OSError):  # the folder of a store's backups is the owner's only
        _restrict_permissions(folder, 0o700)
    _remove_leftovers(folder, db_path.stem)
    backup_database(db_path, target, progress)
    rotate_backups(folder, db_path.stem, reason, keep)
    log.info("Backup written (%s)", reason)
    return target


def _remove_leftovers(folder: Path, stem: str) -> None:
    """Remove half-written backups of a process that died while writing one."""
    if folder.is_dir():
        for leftover in folder.glob(f"{stem}-*.sqlite.partial*"):
            leftover.unlink(missing_ok=True)


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this store, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def backups_holding(db_path: Path | None, query: str, params: tuple[object, ...]) -> list[Path]:
    """This store's backups in which query finds a row (newest first).

    A register on a server (no path) has no backup files of sromod's: pg_dump's are the IT's.

    A backup that cannot be read (a damaged store kept byte for byte) is listed too: what it
    holds cannot be ruled out.
    """
    found: list[Path] = []
    if db_path is None:
        return found
    for candidate in list_backups(db_path):
        try:
            conn = connect_readonly(candidate)
            try:
                holds = conn.execute(query, params).fetchone() is not None
            finally:
                conn.close()
        except sqlite3.Error:
            holds = True
        if holds:
            found.append(candidate)
    return found


def replace_backups(db_path: Path | None, old: list[Path]) -> Path:
    """Write a fresh backup of the store, then delete the old ones (from its backup folder only)."""
    if db_path is None:
        raise StoreError(SERVER_BACKUP_SENTENCE)
    folder = backup_dir_for(db_path).resolve()
    strangers = [p for p in old if p.resolve().parent != folder]
    if strangers:
        raise ValueError(f"not a backup of this store: {strangers[0]}")
    fresh = automatic_backup(db_path, AFTER_ERASURE)
    for backup in old:
        if backup.resolve() != fresh.resolve():
            remove_with_journals(backup)  # with the -wal/-shm kept beside a damaged store's copy
    return fresh


def backup_time(backup: Path) -> tuple[datetime, str] | None:
    """When an automatic backup was taken and why, read from its name."""
    match = _STAMP.search(backup.name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), STAMP_FORMAT), match.group(2)
    except ValueError:
        return None


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """True when no daily backup of the store is younger than a day."""
    now = now or datetime.now()
    stamps = [
        found[0]
        for found in map(backup_time, list_backups(db_path))
        if found is not None and found[1] == DAILY
    ]
    # A stamp in the future (clock put back) must not suppress backups for ever.
    return not any(timedelta(0) <= now - stamp < timedelta(days=1) for stamp in stamps)


def rotate_backups(folder: Path, stem: str, reason: str, keep: int) -> None:
    """Delete all but the newest `keep` automatic backups of one reason (newest by name stamp)."""
    found = [p for p in folder.glob(f"{stem}-*-{reason}.sqlite") if backup_time(p) is not None]
    found.sort(key=lambda p: backup_time(p) or (datetime.min, ""), reverse=True)
    for old in found[keep:]:
        old.unlink(missing_ok=True)


def _restrict_permissions(path: Path, mode: int = 0o600) -> None:
    """Owner only on POSIX; on Windows the store lives under the user's profile folder."""
    if os.name == "posix":
        os.chmod(path, mode)


def restore_file(source: Path, db_path: Path) -> None:
    """Put a backup in place of the database file (engine disposed, lock held by the caller)."""
    swap_in(prepare_restore(source, db_path), db_path)


def prepare_restore(source: Path, db_path: Path, progress: Progress | None = None) -> Path:
    """Copy a backup into a file beside the store, ready to replace it; the store is untouched."""
    partial = db_path.with_name(db_path.name + ".restore")
    for leftover in (partial, *sidecars(partial)):
        leftover.unlink(missing_ok=True)
    copy_file(source, partial, "WAL", progress)
    return partial


def copy_file(source: Path, dest_path: Path, journal_mode: str, progress: Progress | None) -> None:
    """Copy a database file with the backup API into a new file, readable by its owner only."""
    src = connect_readonly(source)
    try:
        dest = sqlite3.connect(dest_path)
        try:
            copy_database(src, dest, progress)
            dest.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            dest.close()
    finally:
        src.close()
    _restrict_permissions(dest_path)


def copy_database(
    source: sqlite3.Connection, dest: sqlite3.Connection, progress: Progress | None = None
) -> None:
    """SQLite's backup API; with progress, in steps that report (pages copied, pages in all)."""
    if progress is None:
        source.backup(dest)
        return

    def step(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    source.backup(dest, pages=COPY_STEP_PAGES, progress=step)


def swap_in(partial: Path, db_path: Path) -> None:
    """Replace the store by a prepared file in one rename.

    The old WAL goes first: SQLite would otherwise replay its pages into the new file.
    """
    for sidecar in sidecars(db_path):
        sidecar.unlink(missing_ok=True)
    os.replace(partial, db_path)
