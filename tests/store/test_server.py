"""A shared register on PostgreSQL: opened by URL, schema by the same migrations, clear refusals."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, select, text

from sromod.models import Office, Task
from sromod.services.reference import load_reference_data
from sromod.store import NotASromodDatabase, Store, StoreError, migrate, open_store
from sromod.store.address import is_server_url, masked
from tests.pg_cluster import Cluster, free_port


def test_a_url_opens_a_register_at_head_with_reference_data(pg_cluster: Cluster) -> None:
    url = pg_cluster.create_database("leer_fuer_start")
    with open_store(url, initialise=load_reference_data) as store:
        assert store.path is None
        assert store.location == url.replace("+psycopg", "")
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        with store.session() as session:
            assert (session.scalar(select(func.count()).select_from(Office)) or 0) > 0
    # Opened again: nothing is created twice, the reference data stay as they were.
    with open_store(url, initialise=load_reference_data) as again:
        with again.session() as session:
            offices = session.scalar(select(func.count()).select_from(Office))
        assert offices == _count(url, "offices")


def _count(url: str, table: str) -> int:
    with open_store(url) as store, store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_the_store_fixture_runs_on_postgresql(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert store.engine.dialect.name == "postgresql"
        with store.unit_of_work() as session:
            session.add(Office(code="Test-Amt", name="Testamt", kind="fachamt"))
        with store.session() as session:
            assert session.scalar(select(Office.name).where(Office.code == "Test-Amt")) == "Testamt"


def test_a_database_of_another_program_is_refused_and_left_alone(pg_cluster: Cluster) -> None:
    url = pg_cluster.create_database("fremd")
    with _raw(url) as conn:
        conn.execute(text("CREATE TABLE kunden (nr integer)"))
    with pytest.raises(NotASromodDatabase, match="anderen Programms"):
        open_store(url)
    with _raw(url) as conn:
        tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'"))
        assert [r[0] for r in tables] == ["kunden"]


def _raw(url: str) -> Connection:
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    return engine.connect()


def test_a_server_that_is_down_gives_one_sentence_without_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"postgresql://amt:geheim-123@127.0.0.1:{free_port()}/register"
    with caplog.at_level(logging.DEBUG), pytest.raises(StoreError) as refused:
        open_store(url)
    message = str(refused.value)
    assert "nicht erreichbar" in message
    assert "geheim-123" not in message
    assert "geheim-123" not in caplog.text
    assert "***" in message


def test_a_wrong_login_is_named_without_the_password(pg_cluster: Cluster) -> None:
    url = pg_cluster.url("postgres").replace("sromod_test@", "niemand:geheim-456@")
    with pytest.raises(StoreError) as refused:
        open_store(url)
    assert "Anmeldung abgelehnt" in str(refused.value)
    assert "geheim-456" not in str(refused.value)


def test_server_urls_are_told_from_file_names() -> None:
    assert is_server_url("postgresql://amt@server/register")
    assert is_server_url("postgresql+psycopg://amt@server/register")
    assert is_server_url("postgres://amt@server/register")
    assert not is_server_url("C:/Users/Amt/sromod.db")
    assert not is_server_url("postgresql.db")
    assert masked("postgresql://amt:geheim@server:5433/register") == (
        "postgresql://amt:***@server:5433/register"
    )


@pytest.mark.both_engines
def test_a_task_written_through_the_store_fixture_is_read_back(store: Store) -> None:
    """The parametrised fixture: the same test on SQLite and on PostgreSQL."""
    with store.unit_of_work() as session:
        office = session.scalars(select(Office)).first()
        assert office is not None
        session.add(
            Task(year=2026, seq=1, register_number="A-2026/0001", title="Übergabe", office=office)
        )
    with store.session() as session:
        assert session.scalar(select(Task.title)) == "Übergabe"


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_backup_and_restore_of_a_register_name_pg_dump(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    from sromod import cli

    target = tmp_path / "sicherung.db"
    option = "--out" if command == "backup" else "--from"
    url = pg_url.replace("sromod_test@", "sromod_test:geheim-789@")
    code = cli.main([command, "--db", url, option, str(target)])
    err = capsys.readouterr().err
    assert code != 0
    assert "pg_dump" in err and "docs/server.md" in err
    assert "geheim-789" not in err
    assert not target.exists()


def test_check_of_a_sound_register_says_so(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sromod import cli

    assert cli.main(["check", "--db", pg_url]) == 0
    assert "ist in Ordnung" in capsys.readouterr().out


def test_check_finds_dangling_rows_duplicate_numbers_and_a_stale_index(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sromod import cli

    with _raw(pg_url) as conn:
        # As replication does: no foreign key checks, no triggers (so no search entry either).
        conn.execute(text("SET session_replication_role = replica"))
        conn.execute(text("ALTER TABLE tasks DROP CONSTRAINT uq_tasks_register_number"))
        conn.execute(text("ALTER TABLE tasks DROP CONSTRAINT uq_tasks_year_seq"))
        for seq, office in ((1, "verschwunden"), (2, None)):
            conn.execute(
                text(
                    "INSERT INTO tasks (id, year, seq, register_number, title, office_id, status, "
                    "priority, created_at, updated_at) VALUES (:id, 2026, :seq, 'A-2026/0001', "
                    "'Doppelt', :office, 'offen', 'normal', now(), now())"
                ),
                {"id": f"t{seq}", "seq": seq, "office": office},
            )
    assert cli.main(["check", "--db", pg_url]) != 0
    err = capsys.readouterr().err
    assert "hat Fehler" in err
    assert "1 Eintrag verweist ins Leere (Tabellen: tasks)" in err
    assert "1× ist eine Aufgabennummer mehrfach vergeben" in err
    assert "Suchindex ist nicht aktuell (fehlend: 2, überzählig: 0)" in err


def test_check_of_a_register_behind_the_head_says_it_will_be_upgraded(pg_url: str) -> None:
    from sromod.store.address import ServerAddress
    from sromod.store.check import check_store

    with _raw(pg_url) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    report = check_store(ServerAddress(pg_url))
    assert not report.ok
    assert "Der Schemastand ist 0005" in report.summary()


def test_search_folds_umlauts_and_sharp_s(pg_url: str) -> None:
    from sromod.store import fts

    with open_store(pg_url) as store, store.engine.connect() as conn:
        conn.execute(
            text(
                "INSERT INTO persons (id, name, function, external, contact_consent, active, "
                "created_at, updated_at) VALUES ('p1', 'Jürgen Übermuth', 'Straßenbau', false, "
                "false, true, now(), now())"
            )
        )
        for words in ("strasse", "Straße", "ubermuth", "Übermu", "jurgen strassenbau"):
            assert fts.count_matches(conn, fts.parse_query(words)) == {4: 1}, words
    # Which indexes the search reads: tests/store/test_search_plan.py


def test_a_register_of_a_newer_sromod_is_refused_and_left_alone(pg_url: str) -> None:
    from sromod.store import NewerDatabase

    with _raw(pg_url) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerDatabase, match="neueren sromod-Version"):
        open_store(pg_url)
    with _raw(pg_url) as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"


def test_two_programs_opening_an_empty_register_at_once_create_it_once(
    pg_cluster: Cluster,
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = pg_cluster.create_database("gleichzeitig")

    def open_and_count(_n: int) -> int:
        with open_store(url, initialise=load_reference_data) as store, store.session() as s:
            return int(s.scalar(select(func.count()).select_from(Office)) or 0)

    with ThreadPoolExecutor(max_workers=3) as pool:
        counts = list(pool.map(open_and_count, range(3)))
    # Each saw the register complete: the reference data once, not three times.
    assert counts[0] > 0
    assert counts == [counts[0]] * 3


def test_demo_fills_an_empty_register_once_and_its_index_is_complete(
    pg_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    from sromod import cli
    from sromod.services import search
    from sromod.store.address import ServerAddress
    from sromod.store.check import check_store

    url = pg_cluster.create_database("demo_register")
    assert cli.main(["demo", "--db", url, "--scale", "1"]) == 0
    assert "Aufgaben" in capsys.readouterr().out
    assert cli.main(["demo", "--db", url, "--scale", "1"]) != 0
    assert "ist nicht leer" in capsys.readouterr().err
    assert check_store(ServerAddress(url)).ok  # the rebuilt index: one entry per row
    with open_store(url) as store:
        assert store.display_name == "demo_register auf 127.0.0.1"
        groups = search.search(store, "ubergabe")
        assert groups and all("bergabe" in hit.title + hit.snippet for hit in groups[0].hits)
