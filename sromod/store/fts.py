"""Full-text search index (SQLite FTS5; on PostgreSQL `fts_pg`), kept in step by triggers.

One FTS5 table holds TOPs, decisions, tasks and people. Each row's rowid is derived from the
source row's rowid and its kind (rowid * 8 + kind code), so a trigger finds its entry without a scan.
Batch migrations recreate tables (new rowids, dropped triggers): call `rebuild_search_index` and
`create_search_triggers` after such a migration.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, text

from sromod.store import fts_pg

FTS_TABLE = "search_fts"

# kind code, kind name, source table, title expression, body expression
SOURCES: tuple[tuple[int, str, str, str, str], ...] = (
    (
        1,
        "top",
        "agenda_items",
        "{r}.title",
        "coalesce({r}.description, '') || ' ' || coalesce({r}.result, '') || ' '"
        " || coalesce({r}.presenter, '')",
    ),
    (
        2,
        "decision",
        "decisions",
        "{r}.register_number",
        "{r}.text",
    ),
    (
        3,
        "task",
        "tasks",
        "{r}.register_number || ' ' || {r}.title",
        "coalesce({r}.details, '') || ' ' || coalesce({r}.remark, '')",
    ),
    (
        4,
        "person",
        "persons",
        "{r}.name",
        "coalesce({r}.function, '') || ' ' || coalesce({r}.organisation, '')",
    ),
)


def is_fts_object(name: str) -> bool:
    return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")


def _on_server(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def create_search_table(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.create_search_table(conn)
        return
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "kind UNINDEXED, ref UNINDEXED, title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    )


def create_search_triggers(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.create_search_triggers(conn, SOURCES)
        return
    for code, kind, table, title, body in SOURCES:
        new_title, new_body = title.format(r="new"), body.format(r="new")
        insert = (
            f"INSERT INTO {FTS_TABLE}(rowid, kind, ref, title, body) "
            f"VALUES (new.rowid * 8 + {code}, '{kind}', new.id, {new_title}, {new_body});"
        )
        delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = old.rowid * 8 + {code};"
        statements = {
            f"{FTS_TABLE}_{table}_ai": f"AFTER INSERT ON {table} BEGIN {insert} END",
            f"{FTS_TABLE}_{table}_ad": f"AFTER DELETE ON {table} BEGIN {delete} END",
            f"{FTS_TABLE}_{table}_au": f"AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        }
        for name, body_sql in statements.items():
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text(f"CREATE TRIGGER {name} {body_sql}"))


def rebuild_search_index(conn: Connection) -> None:
    """Fill the index anew from the source tables."""
    if _on_server(conn):
        fts_pg.rebuild_search_index(conn, SOURCES)
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
    for code, kind, table, title, body in SOURCES:
        conn.execute(
            text(
                f"INSERT INTO {FTS_TABLE}(rowid, kind, ref, title, body) "
                f"SELECT r.rowid * 8 + {code}, '{kind}', r.id, {title.format(r='r')}, "
                f"{body.format(r='r')} FROM {table} AS r"
            )
        )


def merge_search_index(dbapi_connection: Any) -> None:
    """Merge the index into one segment, dropping deleted entries (FTS5 'optimize').

    FTS5 deletes by writing tombstones; the old terms stay in their segments until a merge.
    Runs in its own transaction on a raw connection in autocommit mode.
    """
    dbapi_connection.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('optimize')")


def drop_search_triggers(conn: Connection) -> None:
    """Drop the triggers (a bulk load rebuilds the index once instead, then recreates them)."""
    if _on_server(conn):
        fts_pg.drop_search_triggers(conn, SOURCES)
        return
    for _code, _kind, table, _title, _body in SOURCES:
        for suffix in ("ai", "ad", "au"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{table}_{suffix}"))


def vacuum_search_sources(engine: Engine) -> None:
    """On a server: VACUUM the indexed tables, so that erased values leave the dead rows."""
    tables = ", ".join([FTS_TABLE, *(source[2] for source in SOURCES)])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"VACUUM {tables}"))


def drop_search_index(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.drop_search_index(conn, SOURCES)
        return
    for _code, _kind, table, _title, _body in SOURCES:
        for suffix in ("ai", "ad", "au"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{table}_{suffix}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
