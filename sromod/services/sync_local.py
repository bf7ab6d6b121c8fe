"""The replica's journal of local changes as the sync reads and settles it (`replica_journal`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, bindparam, select, text, update

from sromod.services.sync_rows import Row, dumps, table
from sromod.store.replica_journal import DIRTY

# Called between the steps of a sync with the step's name; the tests of a sync killed half-way
# put a function here that raises.
STEP_HOOKS: list[Callable[[str], None]] = []


def step(name: str) -> None:
    for hook in STEP_HOOKS:
        hook(name)


@dataclass
class Dirty:
    """A row changed here since the last sync: its image then (None: made here), the id of its
    latest local change, and when that was."""

    base: str | None
    change_id: str
    changed_at: str


def load_dirty(conn: Connection) -> dict[tuple[str, str], Dirty]:
    rows = conn.execute(text(f"SELECT tbl, row_id, base, change_id, changed_at FROM {DIRTY}"))
    return {(t, r): Dirty(b, c, at) for t, r, b, c, at in rows}


def drop_dirty(
    conn: Connection, dirty: dict[tuple[str, str], Dirty], tbl: str, row_id: str
) -> None:
    conn.execute(
        text(f"DELETE FROM {DIRTY} WHERE tbl = :t AND row_id = :r"), {"t": tbl, "r": row_id}
    )
    dirty.pop((tbl, row_id), None)


def rebase(conn: Connection, dirty: dict[tuple[str, str], Dirty], tbl: str, server: Row) -> None:
    """The row's base becomes the server's state: what still differs is the local change."""
    base = dumps(server)
    conn.execute(
        text(f"UPDATE {DIRTY} SET base = :b WHERE tbl = :t AND row_id = :r"),
        {"b": base, "t": tbl, "r": server["id"]},
    )
    entry = dirty.get((tbl, server["id"]))
    if entry is not None:
        entry.base = base


def row_now(conn: Connection, tbl: Table, row_id: str) -> Row | None:
    found = conn.execute(select(tbl).where(tbl.c.id == row_id)).mappings().first()
    return dict(found) if found is not None else None


@dataclass
class Later:
    """Row updates and journal entries to drop, written together (a statement per table and
    set of fields instead of two per row)."""

    rows: dict[tuple[str, tuple[str, ...]], list[Row]] = field(default_factory=dict)
    dropped: list[dict[str, str]] = field(default_factory=list)

    def update(self, name: str, row_id: str, values: Row) -> None:
        self.rows.setdefault((name, tuple(sorted(values))), []).append(
            {**values, "_row_id": row_id}
        )

    def drop(self, dirty: dict[tuple[str, str], Dirty], name: str, row_id: str) -> None:
        dirty.pop((name, row_id), None)
        self.dropped.append({"t": name, "r": row_id})

    def write(self, conn: Connection) -> None:
        for (name, _fields), rows in self.rows.items():
            tbl = table(name)
            conn.execute(update(tbl).where(tbl.c.id == bindparam("_row_id")), rows)
        if self.dropped:
            conn.execute(text(f"DELETE FROM {DIRTY} WHERE tbl = :t AND row_id = :r"), self.dropped)
        self.rows, self.dropped = {}, []
