"""Which files an export must never overwrite: the store, the files beside it, any database.

An export written onto the store replaced the user's whole database by a Word file. Paths are
compared after resolving symbolic links, without regard to case where the file system ignores
it (Windows, macOS), and by file identity where the file exists (a hard link, a share mapped
twice), so no spelling of the same file slips through.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from sromod.store.errors import quoted
from sromod.store.filecheck import SQLITE_MAGIC

# Files SQLite and sromod keep beside a store; each belongs to it.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
BACKUPS_SUFFIX = ".backups"


def case_insensitive_file_system() -> bool:
    """True where the file system ignores case by default (Windows, macOS)."""
    return sys.platform in ("win32", "darwin")


def _key(path: Path) -> str:
    """A comparable spelling of path: symbolic links resolved, case folded where it is ignored."""
    text = os.path.realpath(os.path.abspath(path))
    if case_insensitive_file_system():
        return text.replace("\\", "/").casefold()
    return text


def store_files(store_path: Path) -> list[Path]:
    """The store and the files beside it that belong to it (WAL, shared memory, journal, lock)."""
    return [store_path, *(store_path.with_name(store_path.name + s) for s in SIDE_SUFFIXES)]


def is_sqlite_file(path: Path) -> bool:
    """True when path is an existing file that starts with the SQLite header."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _same_existing_file(a: Path, b: Path) -> bool:
    with suppress(OSError):
        return os.path.samefile(a, b)
    return False


def belongs_to_store(out: Path, store_path: Path) -> bool:
    """True when out is the store, one of its side files, or lies in its backups folder."""
    out_key = _key(out)
    for protected in store_files(store_path):
        if out_key == _key(protected) or _same_existing_file(out, protected):
            return True
    backups = store_path.with_name(store_path.name + BACKUPS_SUFFIX)
    backups_key = _key(backups)
    if out_key.startswith((backups_key + "/", backups_key + os.sep)):
        return True
    parent = Path(os.path.abspath(out)).parent
    return parent.exists() and backups.exists() and _inside(parent, backups)


def _inside(folder: Path, ancestor: Path) -> bool:
    """True when folder is ancestor or lies below it (by file identity)."""
    return any(_same_existing_file(c, ancestor) for c in (folder, *folder.parents))


def output_refusal(out: Path | str, store_path: Path | str | None = None) -> str | None:
    """One German sentence why out must not be written, or None when it may be.

    Refused: the store itself and what belongs to it (store_path, if given), and any existing
    file that is an SQLite database (another store, a backup, another program's database).
    """
    out = Path(out).expanduser()
    if store_path is not None and belongs_to_store(out, Path(store_path).expanduser()):
        return (
            f"Die Datei {quoted(out)} ist die Datenbank von sromod oder gehört zu ihr "
            "(Sicherung, Sperr- oder Protokolldatei) und wird nicht überschrieben; "
            "wählen Sie einen anderen Dateinamen."
        )
    if is_sqlite_file(out):
        return (
            f"Die Datei {quoted(out)} ist eine Datenbank und wird nicht überschrieben; "
            "wählen Sie einen anderen Dateinamen."
        )
    return None
