"""Automatic backups: on opening at most once a day, rotated, and never in the way of work."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sromod.models import Office
from sromod.store import backup, open_store
from sromod.store.backup import backup_time, list_backups
from sromod.store.check import check_store
from sromod.store.opening import backup_if_due
from tests.store.files import make_closed_store, sqlite_count


def _daily(path: Path) -> list[Path]:
    return [p for p in list_backups(path) if p.name.endswith("-taeglich.sqlite")]


def _age(copy: Path, days: float) -> Path:
    """Rename a backup as if it had been taken `days` ago."""
    stamp = (datetime.now() - timedelta(days=days)).strftime(backup.STAMP_FORMAT)
    aged = copy.with_name(f"sromod-{stamp}-taeglich.sqlite")
    copy.rename(aged)
    return aged


def test_first_reopen_backs_up_then_not_again_that_day(store_path: Path) -> None:
    make_closed_store(store_path)
    assert list_backups(store_path) == []  # a brand-new store needs no copy of itself
    open_store(store_path).close()
    open_store(store_path).close()
    daily = _daily(store_path)
    assert len(daily) == 1
    assert daily[0].parent == store_path.with_name("sromod.db.backups")
    assert check_store(daily[0]).ok


def test_a_day_later_there_is_a_new_backup(store_path: Path) -> None:
    make_closed_store(store_path)
    open_store(store_path).close()
    _age(_daily(store_path)[0], days=1.1)
    open_store(store_path).close()
    assert len(_daily(store_path)) == 2


def test_rotation_keeps_the_newest_ten(store_path: Path) -> None:
    make_closed_store(store_path)
    open_store(store_path).close()
    first = _daily(store_path)[0]
    for days in range(2, 14):
        shutil.copy(first, first.with_name(f"x{days}.sqlite"))
        _age(first.with_name(f"x{days}.sqlite"), days)
    _age(first, days=1.5)
    open_store(store_path).close()
    kept = _daily(store_path)
    assert len(kept) == backup.AUTO_KEEP
    taken = [backup_time(p) for p in kept]
    ages = sorted(datetime.now() - t[0] for t in taken if t is not None)
    assert len(ages) == len(kept)  # every kept file names its time
    assert ages[0] < timedelta(minutes=5)  # today's is among them
    assert ages[-1] < timedelta(days=9.5)  # ten kept: today, 1.5 and 2 to 9 days old


def test_failed_daily_backup_only_warns(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_closed_store(store_path)

    def disk_full(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "automatic_backup", disk_full)
    with open_store(store_path) as opened:
        assert opened.warnings == [
            "Die tägliche Sicherung konnte nicht geschrieben werden (Datenträger voll oder "
            "Ordner schreibgeschützt?). Sie können weiterarbeiten; bitte prüfen Sie das Laufwerk."
        ]


def test_backups_are_readable_by_their_owner_only(store_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    make_closed_store(store_path)
    open_store(store_path).close()
    assert _daily(store_path)[0].stat().st_mode & 0o077 == 0


def test_backup_can_be_left_for_later_while_the_store_is_open(store_path: Path) -> None:
    make_closed_store(store_path)
    with open_store(store_path, daily_backup=False) as opened:
        assert _daily(store_path) == []
        with opened.unit_of_work() as session:
            session.add(Office(code="NEU", name="Neues Amt"))
        assert backup_if_due(store_path) is None
        assert backup_if_due(store_path) is None  # once a day
    daily = _daily(store_path)
    assert len(daily) == 1
    assert check_store(daily[0]).ok
    assert sqlite_count(daily[0], "SELECT count(*) FROM offices WHERE code = 'NEU'") == 1
