"""A laptop's store opened as the source of a move into a shared register: read, never written.

The file is checked as any store before SQLite opens it (damaged, foreign, newer: refused with
the German sentence of `check_file`). A store at an older schema is not upgraded in place (that
would write the laptop's file): a copy made with SQLite's backup API in a temporary folder is
upgraded and read instead.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sromod.store import migrate
from sromod.store.backup import copy_file
from sromod.store.database import Store, make_engine
from sromod.store.errors import MigrationFailed, StoreError, quoted
from sromod.store.filecheck import check_file
from sromod.store.reading import open_for_reading

log = logging.getLogger(__name__)


@contextmanager
def laptop_store(path: Path | str) -> Iterator[Store]:
    """The store at path for reading, at the current schema; the file itself stays untouched."""
    path = Path(path).expanduser().absolute()
    if not path.is_file():
        raise StoreError(f"Die Datenbank {quoted(path)} gibt es nicht.", path)
    check_file(path, writable=False)
    store = open_for_reading(path)
    if store is not None:
        with store:
            yield store
        return
    folder = Path(tempfile.mkdtemp(prefix="sromod-uebernahme-"))
    try:
        copy = folder / "laptop.db"
        copy_file(path, copy, "DELETE", None)
        _upgrade_copy(path, copy)
        with Store(copy, make_engine(copy), None) as upgraded:
            yield upgraded
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _upgrade_copy(original: Path, copy: Path) -> None:
    engine = make_engine(copy, foreign_keys=False)
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        log.exception("Upgrading the copy of a laptop store failed")
        raise MigrationFailed(
            f"Die Datenbank {quoted(original)} stammt von einer älteren sromod-Version und konnte "
            "für die Übernahme nicht aktualisiert werden; sie bleibt unverändert.",
            original,
        ) from exc
    finally:
        engine.dispose()
