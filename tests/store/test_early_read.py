"""The body list read ahead from the file equals the service's, and only from a file at head."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest

from sromod.models import BodyKind
from sromod.services import bodies, demo
from sromod.services.body_info import early_bodies
from sromod.services.reference import load_reference_data
from sromod.store import open_store
from sromod.store.early_read import read_bodies
from sromod.store.readonly import sidecars


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of demo meetings, and bodies with every field the list shows set or empty."""
    path = tmp_path_factory.mktemp("early") / "Demo Köpenick.db"
    demo.create_demo_store(path, 1)
    with open_store(path, daily_backup=False) as store:
        bodies.create_body(
            store,
            "Ämterrunde Süd",
            "ÄR Süd",
            BodyKind.WORKING_GROUP,
            default_start=time(9, 30),
            quorum=4,
            needs_attendance_list=True,
            distribution="Bezirksbürgermeister\nPresse",
            default_place="Rathaus Treptow",
        )
        resting = bodies.create_body(store, "Zukunftswerkstatt", "ZW", BodyKind.OTHER)
        bodies.update_body(store, resting, active=False)
        bodies.create_body(store, "arbeitsgruppe klein", "ag klein", BodyKind.WORKING_GROUP)
    return path


def test_the_bodies_read_ahead_are_the_services_list(demo_store: Path) -> None:
    early = early_bodies(demo_store)
    with open_store(demo_store, daily_backup=False) as store:
        listed = bodies.list_bodies(store)
    assert early == listed  # same order, same fields, meeting counts included
    assert len(listed) == 23 and sum(b.meeting_count for b in listed) > 200
    south = next(b for b in listed if b.short_name == "ÄR Süd")
    assert south.default_start == time(9, 30) and south.needs_attendance_list
    assert not next(b for b in listed if b.short_name == "ZW").active


def test_reading_ahead_leaves_the_file_as_it_was(demo_store: Path, tmp_path: Path) -> None:
    path = shutil.copy(demo_store, tmp_path / "Kopie.db")
    before = Path(path).read_bytes()
    assert read_bodies(Path(path))
    assert Path(path).read_bytes() == before
    assert not any(p.exists() for p in sidecars(Path(path)))


def test_a_file_held_by_another_sromod_is_not_read_ahead(demo_store: Path, tmp_path: Path) -> None:
    path = Path(shutil.copy(demo_store, tmp_path / "offen.db"))
    with open_store(path, daily_backup=False):
        assert read_bodies(path) is None  # its opening will name the holder
    assert read_bodies(path)


def _set(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "spoil",
    [
        "PRAGMA user_version = 99",  # a newer sromod's file
        "UPDATE alembic_version SET version_num = '0001'",  # an older one, to be upgraded
        "PRAGMA application_id = 7",  # another program's database
        "DROP TABLE bodies",
    ],
)
def test_a_file_this_version_does_not_open_as_it_is_is_not_read_ahead(
    demo_store: Path, tmp_path: Path, spoil: str
) -> None:
    path = Path(shutil.copy(demo_store, tmp_path / "anders.db"))
    _set(path, spoil)
    assert read_bodies(path) is None


def test_a_damaged_missing_or_new_file_is_not_read_ahead(tmp_path: Path) -> None:
    damaged = tmp_path / "kaputt.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    assert read_bodies(damaged) is None
    assert read_bodies(tmp_path / "gibt es nicht.db") is None
    assert read_bodies(tmp_path) is None
    fresh = tmp_path / "neu.db"
    with open_store(fresh, initialise=load_reference_data, daily_backup=False):
        pass
    assert early_bodies(fresh) == []  # a new store has no bodies yet


def test_reading_ahead_imports_no_sqlalchemy(demo_store: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sromod.services.body_info import early_bodies\n"
        f"assert len(early_bodies(Path({str(demo_store)!r}))) == 23\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
