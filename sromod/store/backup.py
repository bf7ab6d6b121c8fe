"""Backups made with SQLite's backup API (a file copy of a live WAL database is not a backup)."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

AUTO_KEEP = 10


def backup_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def backup_database(db_path: Path, target: Path) -> Path:
    """Copy the database at db_path consistently into target (written beside, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    _restrict_permissions(partial)
    os.replace(partial, target)
    return target


def automatic_backup(db_path: Path, reason: str, keep: int = AUTO_KEEP) -> Path:
    """A backup in the store's backup folder, named by time and reason; old ones rotate out."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir_for(db_path)
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    backup_database(db_path, target)
    rotate_backups(folder, db_path.stem, reason, keep)
    log.info("Backup written (%s)", reason)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this store, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def rotate_backups(folder: Path, stem: str, reason: str, keep: int) -> None:
    found = sorted(
        folder.glob(f"{stem}-*-{reason}.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in found[keep:]:
        old.unlink(missing_ok=True)


def _restrict_permissions(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, 0o600)


def restore_file(source: Path, db_path: Path) -> None:
    """Put a backup in place of the database file (engine disposed, lock held by the caller)."""
    partial = db_path.with_name(db_path.name + ".restore")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=WAL")
        finally:
            dest.close()
    finally:
        src.close()
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    _restrict_permissions(partial)
    os.replace(partial, db_path)
