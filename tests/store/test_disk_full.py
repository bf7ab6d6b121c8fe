"""A full disk during a write: a clear message, nothing half-written, the earlier data intact."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event, text

from sromod.models import Office, Setting
from sromod.services.uow import unit_of_work
from sromod.store import Store, StoreWriteError
from sromod.store.check import check_store
from tests.store.files import fingerprint, sqlite_count, store_file


@dataclass
class FullDisk:
    store: Store
    listener: Any

    def free(self) -> None:
        if event.contains(self.store.engine, "connect", self.listener):
            event.remove(self.store.engine, "connect", self.listener)
            self.store.engine.dispose()


@pytest.fixture
def full_disk(store: Store) -> Iterator[FullDisk]:
    """The store's engine reconnected with no room for more pages, as on a full disk."""
    with store.unit_of_work() as session:
        session.add(Setting(key="vorher", value="bleibt"))
    with store.session() as session:
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        pages = session.execute(text("PRAGMA page_count")).scalar()

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    store.engine.dispose()
    event.listen(store.engine, "connect", no_room)
    disk = FullDisk(store, no_room)
    yield disk
    disk.free()


def test_full_disk_during_a_write(full_disk: FullDisk) -> None:
    store = full_disk.store
    before = fingerprint(store_file(store))["db"]
    with pytest.raises(StoreWriteError) as caught, unit_of_work(store) as session:
        session.add(Office(code="NEU", name="Neues Amt"))
        session.add(Setting(key="ergebnis", value="Ergebnis " * 100_000))
    assert caught.value.message == (
        "Die Änderung wurde nicht gespeichert, weil der Datenträger voll ist; die bisherigen "
        f"Daten in „{store.path}“ sind unverändert. Schaffen Sie Platz bzw. prüfen Sie das "
        "Laufwerk und versuchen Sie es erneut."
    )
    assert fingerprint(store_file(store))["db"] == before
    # Nothing of the failed edit was kept, everything before it is there.
    with store.session() as session:
        assert session.query(Office).filter_by(code="NEU").count() == 0
        assert session.query(Setting).filter_by(key="vorher").one().value == "bleibt"
        assert session.query(Office).count() == 19


def test_store_is_sound_and_usable_once_there_is_room(full_disk: FullDisk) -> None:
    store = full_disk.store
    with pytest.raises(StoreWriteError), unit_of_work(store) as session:
        session.add(Setting(key="ergebnis", value="x" * 1_000_000))
    full_disk.free()
    with unit_of_work(store) as session:
        session.add(Setting(key="ergebnis", value="x" * 1_000_000))
    assert (
        sqlite_count(store_file(store), "SELECT count(*) FROM settings WHERE key='ergebnis'") == 1
    )
    assert check_store(store_file(store)).ok
