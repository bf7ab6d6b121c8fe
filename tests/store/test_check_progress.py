"""`check` and restore on big stores: the search-index query uses keys, both report progress."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sromod.cli import main
from sromod.store import backup
from sromod.store.check import backup_store, check_store, restore_store, stray_entries_sql
from sromod.store.fts import SOURCES
from sromod.store.readonly import connect_readonly
from tests.store.files import make_closed_store


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    return make_closed_store(store_path)


def test_stray_entries_are_found_by_key_not_by_scanning_each_table(closed_store: Path) -> None:
    """A scan per index entry took 92 s on a district decade; a lookup by rowid takes 0.1 s."""
    conn = connect_readonly(closed_store)
    try:
        for code, _kind, table, _title, _body in SOURCES:
            plan = [
                row[3]
                for row in conn.execute("EXPLAIN QUERY PLAN " + stray_entries_sql(code, table))
            ]
            assert any(step.startswith("SEARCH r USING INTEGER PRIMARY KEY") for step in plan), plan
            assert not any(step.startswith("SCAN r") for step in plan), plan
    finally:
        conn.close()


def test_check_reports_its_progress_up_to_the_end(closed_store: Path) -> None:
    heard: list[tuple[int, int]] = []
    assert check_store(closed_store, lambda done, total: heard.append((done, total))).ok
    assert heard[-1] == (100, 100)
    assert len(heard) >= 4
    assert [d for d, _t in heard] == sorted(d for d, _t in heard)


def test_restore_reports_its_progress_through_every_phase(
    closed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    monkeypatch.setattr(backup, "COPY_STEP_PAGES", 4)  # many small steps on a small store
    heard: list[int] = []
    restore_store(closed_store, saved, lambda done, total: heard.append(done * 100 // total))
    assert heard == sorted(heard) and heard[-1] == 100
    assert any(0 < p < 40 for p in heard)  # checking the backup
    assert any(40 < p < 70 for p in heard)  # copying it in, page by page
    assert any(70 < p < 100 for p in heard)  # keeping the replaced store
    assert check_store(closed_store).ok


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_command_line_shows_progress_on_a_terminal_only(
    closed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "--db", str(closed_store)]) == 0
    assert main(["restore", "--db", str(closed_store), "--from", str(saved)]) == 0
    lines = terminal.getvalue().split("\n")
    assert lines[0].endswith("\rPrüfung: 100 %") and "\rPrüfung:  65 %" in lines[0]
    assert lines[1].endswith("\rWiederherstellung: 100 %")

    piped = io.StringIO()  # a script or a log file: no percent lines in it
    monkeypatch.setattr(sys, "stderr", piped)
    assert main(["check", "--db", str(closed_store)]) == 0
    assert piped.getvalue() == ""
