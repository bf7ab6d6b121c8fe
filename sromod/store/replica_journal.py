"""A replica's own journal of local changes, kept by SQLite triggers (replica files only).

Why triggers and not the undo machinery's row images or a listener in the unit of work: a replica
must hear every change to its rows, whatever made it: services through the ORM, undo and redo
(which replay rows with plain SQL statements that no ORM listener sees), the task import, a
future command. A trigger fires for all of them, in the same transaction, so a change and its
journal entry are committed together or not at all.

`sync_dirty` holds one entry per row changed since the last sync: the row's image as of the last
sync (`base`, JSON; NULL for a row made here) and an id for the latest local change (a new id
with every change, so that a push knows which state it sent). What changed is the difference
between base and the row as it is now; a deleted row is absent. `sync_conflicts` keeps the
conflicts a sync found until the user resolves them. While a sync writes what the server sent,
`sync_flag.applying` is 1 in its transaction, and the triggers stay silent.
"""

from __future__ import annotations

from sqlalchemy import Connection, LargeBinary, Table, text

from sromod.models import Base

DIRTY = "sync_dirty"
CONFLICTS = "sync_conflicts"
FLAG = "sync_flag"
LOCAL_ONLY_SETTINGS = ("sync.replica",)  # settings of the replica that the server never sees

_TABLES = (
    f"CREATE TABLE IF NOT EXISTS {DIRTY} (tbl TEXT NOT NULL, row_id TEXT NOT NULL, base TEXT, "
    "change_id TEXT NOT NULL, changed_at TEXT NOT NULL, PRIMARY KEY (tbl, row_id))",
    f"CREATE TABLE IF NOT EXISTS {CONFLICTS} (id TEXT PRIMARY KEY, tbl TEXT NOT NULL, "
    "row_id TEXT NOT NULL, field TEXT NOT NULL, kind TEXT NOT NULL, local_value TEXT, "
    "server_value TEXT, local_changed_at TEXT, local_changed_by TEXT, server_changed_at TEXT, "
    "server_changed_by TEXT, found_at TEXT NOT NULL, image TEXT)",
    f"CREATE TABLE IF NOT EXISTS {FLAG} (applying INTEGER NOT NULL)",
)
_NEW_ID = "lower(hex(randomblob(16)))"
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def install_local_journal(conn: Connection) -> None:
    """The journal's tables and a trigger per synced table for insert, update and delete."""
    for statement in _TABLES:
        conn.execute(text(statement))
    if conn.execute(text(f"SELECT count(*) FROM {FLAG}")).scalar_one() == 0:
        conn.execute(text(f"INSERT INTO {FLAG} VALUES (0)"))
    for table in Base.metadata.sorted_tables:
        for operation in ("INSERT", "UPDATE", "DELETE"):
            name = f"sync_{table.name}_{operation.lower()}"
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text(_trigger(table, operation, name)))


def _trigger(table: Table, operation: str, name: str) -> str:
    row = "NEW" if operation == "INSERT" else "OLD"
    base = "NULL" if operation == "INSERT" else _image(table, "OLD")
    when = f"(SELECT applying FROM {FLAG}) = 0"
    if table.name == "settings":
        keys = ", ".join(f"'{key}'" for key in LOCAL_ONLY_SETTINGS)
        when += f" AND {row}.key NOT IN ({keys})"
    return (
        f"CREATE TRIGGER {name} AFTER {operation} ON {table.name} WHEN {when} BEGIN "
        f"INSERT INTO {DIRTY} (tbl, row_id, base, change_id, changed_at) VALUES "
        f"('{table.name}', {row}.id, {base}, {_NEW_ID}, {_NOW}) "
        "ON CONFLICT (tbl, row_id) DO UPDATE SET change_id = excluded.change_id, "
        "changed_at = excluded.changed_at; END"
    )


def _image(table: Table, row: str) -> str:
    """json_object of the row's columns (bytes as hex: JSON holds no blobs)."""
    parts = []
    for column in table.columns:
        value = f"{row}.{column.name}"
        if isinstance(column.type, LargeBinary):
            value = f"hex({value})"
        parts.append(f"'{column.name}', {value}")
    return f"json_object({', '.join(parts)})"


def set_applying(conn: Connection, on: bool) -> None:
    """Silence the triggers for the rest of this transaction (and on again before its commit)."""
    conn.execute(text(f"UPDATE {FLAG} SET applying = :on"), {"on": int(on)})


def is_replica_journal(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"),
            {"n": DIRTY},
        ).scalar_one()
    )
