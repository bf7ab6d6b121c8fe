"""Opening a store: a new store is at head, every session carries the pragmas, keys hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from sromod.models import Office, Task
from sromod.store import APPLICATION_ID, Store, migrate, open_store
from sromod.store import location as location_module
from sromod.store.location import is_network_path
from tests.store.files import make_closed_store, sqlite_count, store_file


def test_new_store_is_at_head_with_application_id(store: Store) -> None:
    with store.session() as session:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        app_id = session.execute(text("PRAGMA application_id")).scalar()
        user_version = session.execute(text("PRAGMA user_version")).scalar()
        offices = session.query(Office).count()
    assert revision == migrate.head_revision()
    assert app_id == APPLICATION_ID
    assert user_version == migrate.schema_version(migrate.head_revision())
    assert offices == 19  # reference data loaded on creation


def test_every_session_carries_the_pragmas(store: Store) -> None:
    # Several sessions at once force the pool to hand out more than one connection.
    sessions = [store.session() for _ in range(3)]
    try:
        for session in sessions:
            pragmas = {
                name: session.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
            assert pragmas == {
                "foreign_keys": 1,
                "journal_mode": "wal",
                "synchronous": 2,  # FULL: a commit survives power loss
                "busy_timeout": 5000,
            }
    finally:
        for session in sessions:
            session.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), store.unit_of_work() as session:
        session.add(
            Task(year=2026, seq=1, register_number="A-2026/0001", title="x", office_id="bogus")
        )
    assert sqlite_count(store_file(store), "SELECT count(*) FROM tasks") == 0


def test_reopening_keeps_data_and_creates_no_second_copy(store_path: Path) -> None:
    make_closed_store(store_path)
    with open_store(store_path) as again:
        with again.session() as session:
            assert session.query(Office).count() == 19
        assert again.warnings == []


def test_new_store_readable_by_owner_only(store: Store) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    assert store_file(store).stat().st_mode & 0o077 == 0


def test_network_path_is_warned(monkeypatch: pytest.MonkeyPatch, store_path: Path) -> None:
    monkeypatch.setattr(location_module, "_posix_filesystem", lambda _path: "cifs")
    with open_store(store_path) as opened:
        assert opened.warnings == [
            "Die Datenbank liegt auf einem Netzlaufwerk. SQLite kann dort nicht sicher sperren; "
            "Eingaben können verloren gehen. Legen Sie die Datenbank auf die lokale Festplatte."
        ]


def test_unc_paths_count_as_network_paths() -> None:
    assert is_network_path(Path("//server/freigabe/sromod.db"))


def test_sync_folder_is_warned(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Bezirksamt" / "Dokumente"
    folder.mkdir(parents=True)
    with open_store(folder / "sromod.db") as opened:
        assert opened.warnings == [
            "Die Datenbank liegt in einem Cloud-Synchronisationsordner. Die Synchronisation kann "
            "die Datei beschädigen; legen Sie sie in einen nicht synchronisierten Ordner."
        ]
