"""`check_store`, `backup_store` and `restore_store`: what `sromod check/backup/restore` do."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sromod.models import Office, Task
from sromod.store import (
    DamagedDatabase,
    NotASromodDatabase,
    StoreError,
    StoreLocked,
    open_store,
)
from sromod.store.backup import list_backups
from sromod.store.check import backup_store, check_store, restore_store
from tests.store.files import fingerprint, make_closed_store, sqlite_count


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    return make_closed_store(store_path)


def _add_task(path: Path, title: str, seq: int = 1) -> None:
    with open_store(path) as opened, opened.unit_of_work() as session:
        office = session.query(Office).first()
        assert office is not None
        session.add(
            Task(
                year=2026,
                seq=seq,
                register_number=f"A-2026/{seq:04d}",
                title=title,
                office_id=office.id,
                due_date=date(2026, 12, 1),
            )
        )


def _raw(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _titles(path: Path) -> list[str]:
    from sromod.store.readonly import connect_readonly

    conn = connect_readonly(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM tasks ORDER BY title")]
    finally:
        conn.close()


# --- check ---------------------------------------------------------------------------------


def test_sound_store_passes_and_is_not_touched(closed_store: Path) -> None:
    before = fingerprint(closed_store)
    report = check_store(closed_store)
    assert report.ok
    assert report.findings == []
    assert report.summary() == f"Die Datenbank „{closed_store}“ ist in Ordnung."
    assert fingerprint(closed_store) == before


def test_check_works_while_the_store_is_open(store_path: Path) -> None:
    with open_store(store_path) as opened:
        with opened.unit_of_work() as session:
            session.add(Office(code="TEST", name="Testamt"))
        report = check_store(store_path)
    assert report.ok, report.findings


def test_missing_file(tmp_path: Path) -> None:
    report = check_store(tmp_path / "fehlt.db")
    assert not report.ok
    assert report.findings == [f"Die Datei „{tmp_path / 'fehlt.db'}“ gibt es nicht."]


def test_search_index_out_of_step(closed_store: Path) -> None:
    # A lost trigger: the next task never reaches the index.
    _raw(closed_store, "DROP TRIGGER search_fts_tasks_ai")
    _add_task(closed_store, "Bolzplatz sanieren")
    report = check_store(closed_store)
    assert report.findings == [
        "Der Suchindex ist nicht aktuell (fehlend: 1, überzählig: 0); die Suche findet nicht alles."
    ]


def test_dangling_reference(closed_store: Path) -> None:
    _raw(
        closed_store,
        "INSERT INTO tasks (id, created_at, updated_at, year, seq, register_number, title, "
        "office_id, status, priority) VALUES ('t1', '2026-01-01', '2026-01-01', 2026, 1, "
        "'A-2026/0001', 'x', 'gibt-es-nicht', 'offen', 'normal')",
    )
    report = check_store(closed_store)
    assert report.findings == ["1 Eintrag verweist ins Leere (Tabellen: tasks)."]


def test_stray_search_entry(closed_store: Path) -> None:
    _raw(
        closed_store,
        "INSERT INTO search_fts(rowid, kind, ref, title, body) "
        "VALUES (99999 * 8 + 3, 'task', 'weg', 'gelöscht', '')",
    )
    assert check_store(closed_store).findings == [
        "Der Suchindex ist nicht aktuell (fehlend: 0, überzählig: 1); die Suche findet nicht alles."
    ]


def test_missing_table(closed_store: Path) -> None:
    _raw(closed_store, "DROP TABLE task_reviews")
    assert check_store(closed_store).findings == ["Es fehlen Tabellen: task_reviews."]


# --- backup --------------------------------------------------------------------------------


def test_backup_of_an_open_store_holds_its_latest_edits(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "sicherung.sqlite"
    make_closed_store(store_path)
    with open_store(store_path) as opened:
        with opened.unit_of_work() as session:
            office = session.query(Office).first()
            assert office is not None
            session.add(
                Task(
                    year=2026,
                    seq=1,
                    register_number="A-2026/0001",
                    title="Kita-Bedarf",
                    office_id=office.id,
                )
            )
        assert backup_store(store_path, out) == out
    assert _titles(out) == ["Kita-Bedarf"]
    assert check_store(out).ok
    # A backup is a single self-contained file (no WAL beside it).
    assert (
        sqlite_count(out, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode='delete'")
        == 1
    )


def test_backup_refuses_to_overwrite_the_store(closed_store: Path) -> None:
    before = fingerprint(closed_store)
    with pytest.raises(StoreError) as caught:
        backup_store(closed_store, closed_store)
    assert caught.value.message == (
        f"Die Sicherung kann nicht auf die Datenbank „{closed_store}“ selbst geschrieben werden; "
        "wählen Sie eine andere Zieldatei."
    )
    assert fingerprint(closed_store) == before


def test_backup_refuses_to_overwrite_another_file(closed_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "bericht.docx"
    other.write_bytes(b"PK wichtig")
    with pytest.raises(StoreError) as caught:
        backup_store(closed_store, other)
    assert caught.value.message == (
        f"Die Datei „{other}“ gibt es schon; sie wird nicht überschrieben. "
        "Wählen Sie einen anderen Namen."
    )
    assert other.read_bytes() == b"PK wichtig"


def test_backup_of_a_text_file_is_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notizen.db"
    text_file.write_text("kein SQLite", encoding="utf-8")
    with pytest.raises(NotASromodDatabase):
        backup_store(text_file, tmp_path / "out.sqlite")
    assert not (tmp_path / "out.sqlite").exists()


# --- restore -------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_replaced_store(
    closed_store: Path, tmp_path: Path
) -> None:
    _add_task(closed_store, "vor der Sicherung", seq=1)
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    _add_task(closed_store, "nach der Sicherung", seq=2)
    kept = restore_store(closed_store, saved)
    assert _titles(closed_store) == ["vor der Sicherung"]
    assert kept is not None and kept.name.endswith("-vor-wiederherstellung.sqlite")
    assert _titles(kept) == ["nach der Sicherung", "vor der Sicherung"]
    assert check_store(closed_store).ok
    with open_store(closed_store) as reopened, reopened.session() as session:
        assert session.query(Task).count() == 1


def test_restore_refused_while_the_store_is_open(closed_store: Path, tmp_path: Path) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    with open_store(closed_store):
        before = fingerprint(closed_store)
        with pytest.raises(StoreLocked) as caught:
            restore_store(closed_store, saved)
        assert "ist bereits in sromod geöffnet von " in caught.value.message
        assert fingerprint(closed_store) == before


def test_restore_from_a_damaged_backup_is_refused(closed_store: Path, tmp_path: Path) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2 + 100])
    before = fingerprint(closed_store)
    with pytest.raises(DamagedDatabase) as caught:
        restore_store(closed_store, saved)
    assert caught.value.message == (
        f"Die Datenbank „{saved}“ ist beschädigt (unvollständig oder fehlerhaft) und kann nicht "
        "geöffnet werden. Stellen Sie eine Sicherung wieder her."
    )
    assert fingerprint(closed_store) == before
    assert list_backups(closed_store) == []


def test_restore_from_a_text_file_is_refused(closed_store: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "sicherung.sqlite"
    bogus.write_text("kein SQLite", encoding="utf-8")
    before = fingerprint(closed_store)
    with pytest.raises(NotASromodDatabase) as caught:
        restore_store(closed_store, bogus)
    assert caught.value.message == (
        f"Die Datei „{bogus}“ ist keine sromod-Datenbank (keine SQLite-Datei)."
    )
    assert fingerprint(closed_store) == before


def test_restore_over_a_damaged_store_keeps_its_bytes(closed_store: Path, tmp_path: Path) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    data = closed_store.read_bytes()
    closed_store.write_bytes(data[: len(data) // 2 + 100])
    damaged_bytes = closed_store.read_bytes()
    kept = restore_store(closed_store, saved)
    assert kept is not None and kept.read_bytes() == damaged_bytes
    assert check_store(closed_store).ok


def test_restore_never_replaces_another_programs_file(closed_store: Path, tmp_path: Path) -> None:
    saved = backup_store(closed_store, tmp_path / "stand.sqlite")
    other = tmp_path / "brief.db"
    other.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    with pytest.raises(NotASromodDatabase) as caught:
        restore_store(other, saved)
    assert caught.value.message == (
        f"Die Datei „{other}“ ist keine sromod-Datenbank (keine SQLite-Datei). "
        "Sie wird deshalb nicht durch die Sicherung ersetzt."
    )
    assert other.read_text(encoding="utf-8") == "Sehr geehrte Damen und Herren"


def test_restore_from_the_store_itself_is_refused(closed_store: Path) -> None:
    with pytest.raises(StoreError) as caught:
        restore_store(closed_store, closed_store)
    assert caught.value.message == (
        "Die Datenbank kann nicht aus sich selbst wiederhergestellt werden; wählen Sie "
        "eine Sicherungsdatei."
    )


def test_damaged_search_index(closed_store: Path) -> None:
    # Rows and entries still match one to one, but the index's own pages are broken.
    _add_task(closed_store, "Bolzplatz sanieren")
    _raw(
        closed_store,
        "UPDATE search_fts_data SET block = zeroblob(length(block)) "
        "WHERE id = (SELECT max(id) FROM search_fts_data)",
    )
    assert check_store(closed_store).findings == [
        "Der Suchindex ist beschädigt; die Suche findet nicht alles."
    ]


def test_restore_from_the_oldest_kept_copy_survives_rotation(closed_store: Path) -> None:
    from sromod.store import backup

    _add_task(closed_store, "erster Stand", seq=1)
    oldest = backup.automatic_backup(closed_store, backup.BEFORE_RESTORE)
    aged = oldest.with_name(f"sromod-20200101-000000-{backup.BEFORE_RESTORE}.sqlite")
    oldest.rename(aged)
    folder = aged.parent
    for n in range(backup.AUTO_KEEP - 1):
        (folder / f"sromod-202101{n + 1:02d}-000000-{backup.BEFORE_RESTORE}.sqlite").write_bytes(
            aged.read_bytes()
        )
    _add_task(closed_store, "zweiter Stand", seq=2)
    restore_store(closed_store, aged)  # keeping the replaced store rotates `aged` out
    assert _titles(closed_store) == ["erster Stand"]
    assert not aged.exists()
