"""Migrations: upgrading keeps data (backup first), a failed upgrade is undone, newer is refused."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sromod.models import Body, Office, Person, Task
from sromod.store import MigrationFailed, NewerDatabase, migrate, open_store
from sromod.store.backup import list_backups
from sromod.store.check import check_store
from tests.store.files import fingerprint, make_closed_store, sqlite_count

# A second revision that rebuilds `offices` (the parent of people and tasks) the way Alembic's
# batch mode does on SQLite: with foreign keys on, the rebuild would cascade into the children.
SECOND_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offices", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    {extra}


def downgrade() -> None:
    pass
"""

HEAD = migrate.head_revision()
NEXT = f"{migrate.schema_version(HEAD) + 1:04d}"  # the test's revision, one after the shipped head

NEWER_MESSAGE = (
    "wurde mit einer neueren sromod-Version angelegt. Bitte installieren Sie die aktuelle "
    "Version von sromod; die Datei bleibt unverändert."
)


@pytest.fixture
def store_with_data(store_path: Path) -> Path:
    make_closed_store(store_path)
    with open_store(store_path) as opened, opened.unit_of_work() as session:
        office = session.query(Office).filter_by(code="SPK").one_or_none()
        office = office or session.query(Office).first()
        assert office is not None
        session.add(Person(name="Erika Beispiel", office_id=office.id, email="e@example.org"))
        session.add(Body(name="AG SRO", short_name="AG SRO"))
        session.add(
            Task(
                year=2026,
                seq=1,
                register_number="A-2026/0001",
                title="Spielplatz prüfen",
                office_id=office.id,
                due_date=date(2026, 12, 1),
            )
        )
    return store_path


def _with_second_revision(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, extra: str = "pass"
) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{NEXT}_test_rebuild.py").write_text(
        SECOND_REVISION.format(extra=extra, revision=NEXT, down=HEAD), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)


def _counts(path: Path) -> tuple[int, ...]:
    return tuple(
        sqlite_count(path, f"SELECT count(*) FROM {table}")
        for table in ("offices", "persons", "tasks", "regions", "bodies")
    )


def test_reopening_at_head_is_a_no_op(store_with_data: Path) -> None:
    before = _counts(store_with_data)
    with open_store(store_with_data):
        pass
    assert _counts(store_with_data) == before
    assert not [p for p in list_backups(store_with_data) if "vor-aktualisierung" in p.name]


def test_upgrade_keeps_data_and_takes_a_backup_first(
    store_with_data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = _counts(store_with_data)
    _with_second_revision(monkeypatch, tmp_path)
    with open_store(store_with_data):
        pass
    assert (
        sqlite_count(
            store_with_data, f"SELECT count(*) FROM alembic_version WHERE version_num = '{NEXT}'"
        )
        == 1
    )
    assert sqlite_count(store_with_data, "PRAGMA user_version") == int(NEXT)
    # The rebuilt parent table did not take its children with it.
    assert _counts(store_with_data) == before
    assert (
        sqlite_count(
            store_with_data,
            "SELECT count(*) FROM tasks t JOIN offices o ON o.id = t.office_id "
            "WHERE t.title = 'Spielplatz prüfen'",
        )
        == 1
    )
    assert check_store(store_with_data).ok
    safety = [
        p for p in list_backups(store_with_data) if p.name.endswith("vor-aktualisierung.sqlite")
    ]
    assert len(safety) == 1
    assert (
        sqlite_count(
            safety[0], f"SELECT count(*) FROM alembic_version WHERE version_num = '{HEAD}'"
        )
        == 1
    )
    assert _counts(safety[0]) == before


def test_failed_upgrade_restores_the_previous_state(
    store_with_data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = _counts(store_with_data)
    _with_second_revision(
        monkeypatch, tmp_path, extra='op.execute("DELETE FROM tasks")\n    raise RuntimeError("x")'
    )
    with pytest.raises(MigrationFailed) as caught:
        open_store(store_with_data)
    assert caught.value.message == (
        f"Die Datenbank „{store_with_data}“ konnte nicht aktualisiert werden; "
        "der vorherige Stand wurde wiederhergestellt."
    )
    assert _counts(store_with_data) == before
    assert (
        sqlite_count(
            store_with_data, f"SELECT count(*) FROM alembic_version WHERE version_num = '{HEAD}'"
        )
        == 1
    )
    assert check_store(store_with_data).ok


def _stamp(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "stamp",
    [
        "UPDATE alembic_version SET version_num = '9999'",
        "PRAGMA user_version = 99",
    ],
    ids=["unknown-revision", "newer-user-version"],
)
def test_newer_database_is_refused_untouched(store_path: Path, stamp: str) -> None:
    make_closed_store(store_path)
    _stamp(store_path, stamp)
    before = fingerprint(store_path)
    assert before["-wal"] is None and before["-shm"] is None
    with pytest.raises(NewerDatabase) as caught:
        open_store(store_path)
    assert caught.value.message == f"Die Datenbank „{store_path}“ {NEWER_MESSAGE}"
    assert fingerprint(store_path) == before
    assert not list_backups(store_path)
    report = check_store(store_path)
    assert not report.ok
    assert NEWER_MESSAGE in report.findings[0]
    assert fingerprint(store_path) == before


def test_check_of_an_older_store_notes_the_coming_upgrade(
    store_with_data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _with_second_revision(monkeypatch, tmp_path)
    before = fingerprint(store_with_data)
    report = check_store(store_with_data)
    assert report.ok
    assert report.notes == [
        f"Der Schemastand ist {HEAD}, aktuell ist {NEXT}; die Datenbank wird beim nächsten Öffnen "
        "nach einer Sicherung aktualisiert."
    ]
    assert fingerprint(store_with_data) == before


def test_revision_names_agree_with_alembic() -> None:
    """Start-up reads the revisions from file names; Alembic's own graph must say the same."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in scripts.walk_revisions()}
