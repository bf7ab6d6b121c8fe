"""Row triggers on PostgreSQL: one plpgsql function and an AFTER trigger per table calling it.

The change notifications (`notify`), the search index (`fts_pg`) and the change journal
(`journal`) each keep something in step with every row written; they differ only in what the
function does.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text


def create_function(conn: Connection, name: str, body: str, *, definer: bool = False) -> None:
    """A trigger function `name()` in plpgsql running `body` (between BEGIN and END).

    definer: the function runs with its owner's privileges (and a fixed search path), so that a
    login may write what the function writes without a privilege of its own on it.
    """
    security = " SECURITY DEFINER SET search_path FROM CURRENT" if definer else ""
    conn.execute(
        text(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql{security} "
            f"AS $$\nBEGIN\n{body}\nEND $$"
        )
    )


def create_row_trigger(conn: Connection, table: str, function: str, trigger: str = "") -> None:
    """An AFTER INSERT OR UPDATE OR DELETE trigger per row of table calling function()."""
    name = trigger or function
    conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
    conn.execute(
        text(
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    )


def drop_row_trigger(conn: Connection, table: str, trigger: str) -> None:
    conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger} ON {table}"))


def drop_function(conn: Connection, name: str) -> None:
    conn.execute(text(f"DROP FUNCTION IF EXISTS {name}()"))


def create_triggers(
    conn: Connection, tables: Iterable[str], function: str, body: str, *, definer: bool = False
) -> None:
    """One function and a trigger calling it on each of tables."""
    create_function(conn, function, body, definer=definer)
    for table in tables:
        create_row_trigger(conn, table, function)


def drop_triggers(conn: Connection, tables: Iterable[str], function: str) -> None:
    for table in tables:
        drop_row_trigger(conn, table, function)
    drop_function(conn, function)
