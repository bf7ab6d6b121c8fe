"""Read-only connections find files whose names hold spaces, umlauts and URI characters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sromod.store.readonly import connect_readonly, file_uri


def test_odd_file_names_open_read_only(tmp_path: Path) -> None:
    path = tmp_path / "Sitzungen Köpenick #2?.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = path.read_bytes()
    reader = connect_readonly(path)
    assert reader.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    reader.close()
    assert path.read_bytes() == before
    assert "%23" in file_uri(path) and "%3F" in file_uri(path)
