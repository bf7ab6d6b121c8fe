"""The replica's journal of local changes as the sync reads and settles it (`replica_journal`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, select, text

from sromod.services.sync_rows import Row, dumps
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
