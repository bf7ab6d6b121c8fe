"""The register's change journal: every change recorded, none skipped by a pull."""

from __future__ import annotations

import psycopg
from sqlalchemy import Connection, Engine, create_engine, text

from sromod.store.journal import JOURNAL, Batch, read_batch


def _office(conn: psycopg.Connection, code: str) -> str:
    row = conn.execute("SELECT id FROM offices WHERE code = %s", (code,)).fetchone()
    assert row is not None
    return str(row[0])


def test_a_change_committed_later_with_a_lower_id_is_not_skipped(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg", "postgresql")
    engine = create_engine(pg_url)
    with engine.connect() as reader:
        start = int(
            reader.execute(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
            ).scalar_one()
        )
    with psycopg.connect(plain) as early, psycopg.connect(plain) as late:
        jug, sga = _office(early, "Jug"), _office(early, "SGA")
        early.execute("UPDATE offices SET name = name || ' (früh)' WHERE id = %s", (jug,))
        late.execute("UPDATE offices SET name = name || ' (spät)' WHERE id = %s", (sga,))
        late.commit()
        first = _pull(engine, start)
        # The later transaction committed, but one that started before it is still open:
        # the pull takes neither, and stops below the open one.
        assert jug not in first.rows.get("offices", {})
        assert sga not in first.rows.get("offices", {})
        early.commit()
        ids: dict[str, int] = dict(
            early.execute(f"SELECT row_id, id FROM {JOURNAL} WHERE row_id IN (%s, %s)", (jug, sga))
        )
    # The early change has the lower journal id though it committed last: "everything above
    # the last id seen" would have skipped it for ever.
    assert ids[jug] < ids[sga]
    second = _pull(engine, first.horizon)
    assert {jug, sga} <= set(second.rows["offices"])
    assert second.rows["offices"][jug].operation == "U"
    assert second.rows["offices"][jug].changed_by == "sromod_test"
    assert len(_pull(engine, second.horizon)) == 0  # read once
    engine.dispose()


def _pull(engine: Engine, from_xid: int) -> Batch:
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            return read_batch(conn, from_xid)


def test_every_insert_update_and_delete_is_journaled_with_its_login(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO settings (id, key, value, created_at, updated_at) VALUES "
            "('s-1', 'journal.test', '1', now(), now())"
        )
        conn.execute("UPDATE settings SET value = '2' WHERE id = 's-1'")
        conn.execute("DELETE FROM settings WHERE id = 's-1'")
        rows = conn.execute(
            f"SELECT table_name, operation, changed_by FROM {JOURNAL} WHERE row_id = 's-1' ORDER BY id"
        ).fetchall()
    assert rows == [("settings", "I", "sromod_test"), ("settings", "U", "sromod_test"),
                    ("settings", "D", "sromod_test")]  # fmt: skip


def test_an_entry_names_the_replica_whose_push_wrote_it_and_none_otherwise(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as conn:
        with conn.transaction():
            conn.execute("SELECT sromod_begin_push('replik-1')")  # as a push starts
            conn.execute(
                "INSERT INTO settings (id, key, value, created_at, updated_at) VALUES "
                "('s-2', 'journal.replica', '1', now(), now())"
            )
        conn.execute("UPDATE settings SET value = '2' WHERE id = 's-2'")  # someone else
        rows = conn.execute(
            f"SELECT operation, replica_id FROM {JOURNAL} WHERE row_id = 's-2' ORDER BY id"
        ).fetchall()
    assert rows == [("I", "replik-1"), ("U", None)]


def test_the_migration_takes_the_replica_column_back_on_downgrade(pg_url: str) -> None:
    from alembic import command

    from sromod.store import migrate, open_store

    def columns(conn: Connection) -> set[str]:
        found = conn.execute(
            text("SELECT column_name FROM information_schema.columns WHERE table_name = :t"),
            {"t": JOURNAL},
        )
        return {name for (name,) in found}

    with open_store(pg_url) as store, store.engine.connect() as conn:
        assert "replica_id" in columns(conn)
        config = migrate.alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0013")
        conn.commit()
        assert "replica_id" not in columns(conn)
        conn.execute(text("UPDATE offices SET name = name WHERE code = 'Jug'"))  # still journaled
        conn.commit()
        migrate.upgrade(store.engine)
        assert "replica_id" in columns(conn)
