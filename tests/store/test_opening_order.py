"""Opening runs its steps in one order: check the file, lock, upgrade, daily backup, engine."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sromod.store import NewerDatabase, backup, filecheck, migrate, open_store, opening
from sromod.store.backup import backup_time, list_backups
from sromod.store.lock import StoreLock
from sromod.store.readonly import connect_readonly, sidecars
from tests.store.files import fingerprint

OLDEST_SAMPLE = Path(__file__).parent / "samples" / "sromod-0001.sqlite"


def _revision(path: Path) -> str:
    conn = connect_readonly(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _backups_by_reason(path: Path) -> dict[str, Path]:
    found = {}
    for copy in list_backups(path):
        stamp = backup_time(copy)
        assert stamp is not None
        found[stamp[1]] = copy
    return found


def test_an_upgraded_store_keeps_the_old_schema_and_a_daily_backup_of_the_new(
    store_path: Path,
) -> None:
    shutil.copy(OLDEST_SAMPLE, store_path)
    open_store(store_path).close()
    backups = _backups_by_reason(store_path)
    assert set(backups) == {"vor-aktualisierung", "taeglich"}
    assert _revision(backups["vor-aktualisierung"]) == "0001"
    # Restoring the day's backup gives a store this version opens without another upgrade.
    assert _revision(backups["taeglich"]) == migrate.head_revision()


def _recording(
    steps: list[str], name: str, real: Callable[..., Any], lock: StoreLock | None = None
) -> Callable[..., Any]:
    def step(*args: Any, **kwargs: Any) -> Any:
        label = name
        if name == "backup":
            label = f"backup {args[1]}"
        if name == "engine" and kwargs.get("foreign_keys") is False:
            label = "migration engine"
        if lock is not None and label != "check":
            assert lock.held, f"{label} ran before the lock was held"
        steps.append(label)
        return real(*args, **kwargs)

    return step


def test_the_steps_run_in_order_and_nothing_is_written_before_the_lock(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(OLDEST_SAMPLE, store_path)
    lock = StoreLock(store_path)
    steps: list[str] = []
    real_acquire = StoreLock.acquire

    def acquire(self: StoreLock) -> None:
        steps.append("lock")
        real_acquire(self)

    monkeypatch.setattr(StoreLock, "acquire", acquire)
    monkeypatch.setattr(opening, "check_file", _recording(steps, "check", filecheck.check_file))
    for module, name, step in (
        (backup, "automatic_backup", "backup"),
        (migrate, "upgrade", "upgrade"),
        (opening, "make_engine", "engine"),
    ):
        monkeypatch.setattr(module, name, _recording(steps, step, getattr(module, name), lock))
    open_store(store_path, lock=lock).close()
    assert [step for step in steps if step != "migration engine"] == [
        "check",
        "lock",
        "backup vor-aktualisierung",
        "upgrade",
        "backup taeglich",
        "engine",
    ]


def test_a_newer_store_is_refused_before_any_lock_or_backup(store_path: Path) -> None:
    shutil.copy(OLDEST_SAMPLE, store_path)
    open_store(store_path).close()
    lock_file = store_path.with_name(store_path.name + ".lock")
    for copy in (*list_backups(store_path), lock_file):
        copy.unlink(missing_ok=True)
    assert not any(side.exists() for side in sidecars(store_path))
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA user_version=9999")
    conn.close()
    before = fingerprint(store_path)
    with pytest.raises(NewerDatabase):
        open_store(store_path)
    assert list_backups(store_path) == []
    assert not lock_file.exists()
    assert fingerprint(store_path) == before
