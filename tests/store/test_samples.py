"""Every stored sample of a past schema revision opens, is upgraded to head and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sromod.models import Base
from sromod.services.search import search
from sromod.store import migrate, open_store
from sromod.store.check import check_store
from tests.store.files import sqlite_count

SAMPLES = sorted((Path(__file__).parent / "samples").glob("sromod-*.sqlite"))


def _row_counts(path: Path) -> dict[str, int]:
    tables = {
        name
        for (name,) in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if name in Base.metadata.tables
    }
    return {name: sqlite_count(path, f"SELECT count(*) FROM {name}") for name in sorted(tables)}


def _rows(path: Path, sql: str) -> list[tuple[str]]:
    from sromod.store.readonly import connect_readonly

    conn = connect_readonly(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_there_is_a_sample_of_the_current_revision() -> None:
    assert f"sromod-{migrate.head_revision()}.sqlite" in {p.name for p in SAMPLES}, (
        "Vor einer neuen Migration: python -m tests.store.samples.make_sample"
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_upgrades_to_head_and_keeps_its_rows(sample: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "sromod.db"
    shutil.copy(sample, store_path)
    before = _row_counts(store_path)
    assert before["tasks"] > 0 and before["decisions"] > 0 and before["attendances"] > 0
    with open_store(store_path) as store:
        assert search(store, "Bericht vorlegen")  # the search index came along
    assert _rows(store_path, "SELECT version_num FROM alembic_version") == [
        (migrate.head_revision(),)
    ]
    after = _row_counts(store_path)
    assert {name: after[name] for name in before} == before
    assert check_store(store_path).ok
