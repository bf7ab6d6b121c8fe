"""Erasure erases: after anonymising, the old name and contact data are nowhere in the store's
files (free space, search index, WAL), and the backups that still hold them can be replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from sromod.services import directory, privacy
from sromod.store import Store
from sromod.store.backup import automatic_backup, backup_dir_for, list_backups
from tests.store.files import store_file

# The erasure from the file's bytes, its WAL and its backups: what a laptop's SQLite file holds.
# (On a server VACUUM and pg_dump's retention are the IT's; see docs/server.md.)
pytestmark = pytest.mark.sqlite_only

SECRETS = ("quasthoff", "hildegard", "h.quasthoff@bezirk.example", "030 9029 4711", "kiezküche")


def _traces(path: Path) -> dict[str, list[str]]:
    """Which secrets the raw bytes of a file and its SQLite sidecars hold (case folded)."""
    found: dict[str, list[str]] = {}
    for file in sorted(path.parent.glob(path.name + "*")):
        data = file.read_bytes().lower()
        hits = [s for s in SECRETS if s.encode("utf-8") in data]
        if hits:
            found[file.name] = hits
    return found


def _backup_traces(store: Store) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for file in backup_dir_for(store_file(store)).iterdir():
        found.update(_traces(file))
    return found


@pytest.fixture
def person(store: Store) -> str:
    person_id = directory.create_person(
        store,
        "Hildegard Quasthoff",
        email="h.quasthoff@bezirk.example",
        phone="030 9029 4711",
        organisation="Kiezküche Köpenick e. V.",
        external=True,
    )
    # an earlier e-mail, overwritten: its bytes must not linger in free space either
    directory.update_person(store, person_id, email="hq@alt.example")
    directory.update_person(store, person_id, email="h.quasthoff@bezirk.example")
    for n in range(30):  # more search index segments
        directory.create_person(store, f"Person {n}", function="Sachbearbeitung")
    return person_id


def test_anonymising_leaves_the_old_data_nowhere_in_the_store(store: Store, person: str) -> None:
    assert _traces(store_file(store)), "the test must see the data before"

    privacy.anonymise_person(store, person)

    assert _traces(store_file(store)) == {}
    assert store_file(store).with_name(store_file(store).name + "-wal").stat().st_size == 0


def test_backups_holding_the_old_data_are_listed_and_replaced(store: Store, person: str) -> None:
    older = automatic_backup(store_file(store), "taeglich")
    privacy.anonymise_person(store, person)
    assert _backup_traces(store) != {}

    stale = privacy.backups_with_old_data(store, person)
    assert stale == [older]

    fresh = privacy.replace_backups(store, stale)
    assert list_backups(store_file(store)) == [fresh]
    assert _backup_traces(store) == {}
    assert privacy.backups_with_old_data(store, person) == []


def test_a_backup_made_after_the_erasure_is_not_listed(store: Store, person: str) -> None:
    privacy.anonymise_person(store, person)
    automatic_backup(store_file(store), "taeglich")
    assert privacy.backups_with_old_data(store, person) == []


def test_replacing_refuses_files_outside_the_backup_folder(
    store: Store, person: str, tmp_path: Path
) -> None:
    stranger = tmp_path / "wichtig.sqlite"
    stranger.write_bytes(b"x")
    with pytest.raises(ValueError):
        privacy.replace_backups(store, [stranger])
    assert stranger.exists()
