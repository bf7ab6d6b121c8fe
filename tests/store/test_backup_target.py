"""`sromod backup` to a target that cannot be written: says so, never calls the store damaged."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sromod.cli import main
from sromod.store import backup
from sromod.store.check import check_store, restore_store
from tests.store.files import chmod_or_pretend, fingerprint, make_closed_store


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    return make_closed_store(store_path)


def _backup_cli(store: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["backup", "--db", str(store), "--out", str(out)])
    return status, capsys.readouterr().err


def _nothing_left_in(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == []


def _disk_full_at_partial(monkeypatch: pytest.MonkeyPatch) -> None:
    """The target disk has room for 3 pages: SQLite itself answers SQLITE_FULL."""
    real_connect = sqlite3.connect

    def connect(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = real_connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count=3")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)  # the module backup uses


def test_full_disk_says_so_and_leaves_nothing(
    closed_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target_folder = tmp_path / "USB-Stick"
    target_folder.mkdir()
    out = target_folder / "sicherung.sqlite"
    before = fingerprint(closed_store)
    _disk_full_at_partial(monkeypatch)

    status, err = _backup_cli(closed_store, out, capsys)

    assert status != 0
    assert err == (
        f"sromod: Die Sicherung konnte nicht nach „{out}“ geschrieben werden: kein Platz mehr "
        f"auf dem Datenträger. Die Datenbank „{closed_store}“ ist unverändert.\n"
    )
    assert "beschädigt" not in err and "wieder her" not in err
    _nothing_left_in(target_folder)  # no .partial, no -journal
    assert fingerprint(closed_store) == before
    assert check_store(closed_store).ok


def test_full_disk_reported_by_the_system_says_so_too(
    closed_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ENOSPC while the copy is moved into place (the copy itself fitted)."""

    def replace(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)  # as backup calls it
    status, err = _backup_cli(closed_store, tmp_path / "sicherung.sqlite", capsys)
    assert status != 0
    assert "kein Platz mehr auf dem Datenträger" in err and "No space" not in err
    assert [p.name for p in tmp_path.iterdir() if "sicherung" in p.name] == []


def test_read_only_folder_says_so_and_leaves_nothing(
    closed_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target_folder = tmp_path / "Nur lesen"
    target_folder.mkdir()
    out = target_folder / "sicherung.sqlite"
    chmod_or_pretend(monkeypatch, target_folder, 0o500)
    try:
        status, err = _backup_cli(closed_store, out, capsys)
    finally:
        target_folder.chmod(0o700)
    assert status != 0
    assert err == (
        f"sromod: Die Sicherung konnte nicht nach „{out}“ geschrieben werden: keine "
        f"Schreibrechte im Zielordner. Die Datenbank „{closed_store}“ ist unverändert.\n"
    )
    _nothing_left_in(target_folder)


def test_sqlite_cannot_create_the_copy(
    closed_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's own refusal to open the target (as in a read-only folder) is no damage either."""
    out = tmp_path / "sicherung.sqlite"
    (tmp_path / "sicherung.sqlite.partial").mkdir()  # SQLite: "unable to open database file"
    status, err = _backup_cli(closed_store, out, capsys)
    assert status != 0
    assert "keine Schreibrechte im Zielordner" in err and "beschädigt" not in err
    assert not out.exists()


def test_restore_over_a_damaged_store_leaves_no_partial_copy(
    closed_store: Path, tmp_path: Path
) -> None:
    saved = backup.backup_database(closed_store, tmp_path / "stand.sqlite")
    data = closed_store.read_bytes()
    closed_store.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))  # pages overwritten
    restore_store(closed_store, saved)
    folder = backup.backup_dir_for(closed_store)
    leftovers = [p.name for p in folder.iterdir() if not p.name.endswith(".sqlite")]
    assert leftovers == []
    assert all(p.stat().st_size > 0 for p in folder.iterdir())
