"""Pull: the register's changes in a replica's scope since its watermark, merged into the replica.

The register is read in one REPEATABLE READ, READ ONLY transaction: the journal entries of the
transactions finished since the watermark (`store.journal.read_batch`) and, in the same snapshot,
the rows they touched. The rows are written into the replica in one transaction together with the
new watermark, so a pull applies all or nothing, and a pull killed before its commit leaves the
replica as it was (the next one reads the same entries again).

Rows are written as the server has them, cut to the replica's scope as the first copy was
(`replica.minimise`); rows that entered the scope come along, rows that left it or were deleted
go. A row changed here since the last sync is merged field by field with its state at the last
sync as base: fields changed on one side take that side's value, a field changed on both sides
to different values is a conflict (`sync_conflicts`): the server's value stands, the local one is
kept there. Numbers that clash follow `sync_numbers`' rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, text, update

from sromod.services import sync_conflicts as sc
from sromod.services.replica import minimise
from sromod.services.replica_scope import Scope
from sromod.services.server_import_report import Renumbered
from sromod.services.sync_local import Dirty, drop_dirty, load_dirty, rebase, row_now, step
from sromod.services.sync_numbers import NUMBERED, blockers, park, renumber
from sromod.services.sync_rows import (
    Row,
    loads,
    merged_fields,
    owners,
    read_rows,
    same,
    table,
    tables,
)
from sromod.services.sync_scope import among, scope_sets, whole_scope
from sromod.store import Store
from sromod.store.journal import Batch, Touch, read_batch
from sromod.store.journal_trim import trimmed_below
from sromod.store.replica_journal import DIRTY, LOCAL_ONLY_SETTINGS


@dataclass
class Outcome:
    """What a sync did on the replica, for its report."""

    pulled: Counter[str] = field(default_factory=Counter)  # rows written or removed, by table
    pushed: Counter[str] = field(default_factory=Counter)
    merged: int = 0  # rows changed on both sides in different fields
    conflicts: int = 0
    renumbered: list[Renumbered] = field(default_factory=list)
    withheld: Counter[str] = field(default_factory=Counter)
    waiting: int = 0  # local changes the register had changed meanwhile: the next sync merges them
    reread: bool = False  # the journal was trimmed past the watermark: the whole scope compared
    echoed: int = 0  # rows the last push wrote that the pull left out: held here as sent


@dataclass
class Incoming:
    """What the register sent: rows in scope, rows gone from it, the journal entries."""

    batch: Batch
    rows: dict[str, dict[str, Row]] = field(default_factory=dict)
    gone: dict[str, set[str]] = field(default_factory=dict)
    deleted: dict[str, set[str]] = field(default_factory=dict)  # of gone: deleted on the server

    def touch(self, tbl: str, row_id: str) -> sc.Side:
        found: Touch | None = self.batch.rows.get(tbl, {}).get(row_id)
        return sc.Side(found.changed_at, found.changed_by) if found else sc.Side()


def scope_of(state: dict[str, Any]) -> Scope:
    scope = state["scope"]
    return Scope(tuple(scope["body_ids"]), tuple(scope["short_names"]), scope["rule"])


@dataclass(frozen=True)
class Echo:
    """The rows the replica's last push wrote and holds as the register does, by table and id
    ("insert" or "update"), and the replica's id that the journal names its push's entries by."""

    replica_id: str
    rows: dict[str, dict[str, str]]


def fetch(server: Store, replica: Store, from_xid: int, scope: Scope, out: Outcome,
          echo: Echo | None = None) -> Incoming:  # fmt: skip
    """Read the register's changes since from_xid in one snapshot (nothing is written)."""
    with server.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.execute(text("SET TRANSACTION READ ONLY"))
            # The scope's queries are estimated dear (nested IN over the whole register) but run
            # on a few ids by index: compiling them just in time cost 0.4 s per query, for nothing.
            conn.execute(text("SET LOCAL jit = off"))
            incoming = Incoming(read_batch(conn, from_xid))
            # Entries this replica has not read were trimmed: compare its whole scope instead.
            out.reread = from_xid < trimmed_below(conn)
            if len(incoming.batch) or out.reread:
                _read_rows(conn, replica, scope, incoming, out, echo)
    return incoming


def _read_rows(conn: Connection, replica: Store, scope: Scope, incoming: Incoming, out: Outcome,
               echo: Echo | None) -> None:  # fmt: skip
    """The changed rows in scope, the rows that entered or left it, those deleted."""
    changed = {name: set(ids) for name, ids in incoming.batch.rows.items()}
    with replica.engine.connect() as local:
        if out.reread:
            kept, here = whole_scope(conn, local, scope)
            changed = {name: set(ids) for name, ids in kept.items()}
        else:
            for name, ids in _echoed(conn, local, scope, incoming.batch, echo).items():
                changed[name] -= ids
                out.echoed += len(ids)
            kept, here = scope_sets(conn, local, scope, changed)
        here["settings"] -= _local_settings(local)
    for tbl in tables():
        name = tbl.name
        wanted = (changed.get(name, set()) & kept[name]) | (kept[name] - here[name])
        rows = read_rows(conn, tbl, sorted(wanted))
        for row in rows.values():
            minimise(tbl, row, scope, kept, out.withheld)
        incoming.rows[name] = rows
        gone = here[name] - kept[name]
        incoming.gone[name] = gone
        still = (
            set(conn.scalars(select(tbl.c.id).where(tbl.c.id.in_(sorted(gone))))) if gone else set()
        )
        incoming.deleted[name] = gone - still


def _echoed(conn: Connection, local: Connection, scope: Scope, batch: Batch,
            echo: Echo | None) -> dict[str, set[str]]:  # fmt: skip
    """The rows of the batch that only the replica's last push wrote, that it holds unchanged
    since, as the register has them (its settling took what the register gave them: numbers,
    the history's author, versions), and that stay in its scope: there is nothing to fetch.

    Not left out: a row someone else changed after the push (an entry not the replica's), one
    changed here since (or whose push was not settled here: still in the local journal), a
    deletion, and a new row outside the scope (a task of an office and body not held here).
    """
    if echo is None or not echo.rows:
        return {}
    dirty = {(t, r) for t, r in local.execute(text(f"SELECT tbl, row_id FROM {DIRTY}"))}
    found: dict[str, set[str]] = {}
    for name, rows in echo.rows.items():
        touched = batch.rows.get(name, {})
        found[name] = {
            row_id
            for row_id in rows
            if (t := touched.get(row_id)) is not None and t.replica == echo.replica_id
            and t.operation in ("I", "U") and (name, row_id) not in dirty
        }  # fmt: skip
    made = {n: {r for r in ids if echo.rows[n][r] == "insert"} for n, ids in found.items()}
    kept, here = among(conn, local, scope, made)
    return {n: ids - (made[n] - (kept[n] & here[n])) for n, ids in found.items()}


def _local_settings(conn: Connection) -> set[str]:
    settings = tables_by_name()["settings"]
    return set(conn.scalars(select(settings.c.id).where(settings.c.key.in_(LOCAL_ONLY_SETTINGS))))


def tables_by_name() -> dict[str, Table]:
    return {t.name: t for t in tables()}


@dataclass
class _Apply:
    conn: Connection
    incoming: Incoming
    dirty: dict[tuple[str, str], Dirty]
    out: Outcome
    login: str
    deleted_from: set[str] = field(default_factory=set)  # tables rows were deleted from
    restored: list[tuple[str, str]] = field(default_factory=list)  # deleted here, back: conflict
    along: dict[tuple[str, str], list[tuple[str, Row]]] = field(default_factory=dict)


def apply(conn: Connection, incoming: Incoming, out: Outcome, login: str) -> None:
    """Write what the register sent into the replica (conn: its transaction, triggers silent)."""
    work = _Apply(conn, incoming, load_dirty(conn), out, login)
    work.along = _along_of_deleted(work)
    for tbl in reversed(tables()):
        for row_id in sorted(incoming.gone.get(tbl.name, ())):
            _remove(work, tbl, row_id)
    for tbl in tables():
        for row in incoming.rows.get(tbl.name, {}).values():
            _take(work, tbl, row)
        step(f"pulling {tbl.name}")
    restore_along(work)
    _forget_deleted_both_sides(work)
    repair_references(work.conn, work.dirty, work.out, login, work.deleted_from)


def _local_side(work: _Apply, dirty: Dirty) -> sc.Side:
    return sc.Side(dirty.changed_at, work.login)


def _remove(work: _Apply, tbl: Table, row_id: str) -> None:
    """A row the register deleted or that left the scope."""
    dirty = work.dirty.get((tbl.name, row_id))
    work.deleted_from.add(tbl.name)
    if dirty is None:
        work.conn.execute(delete(tbl).where(tbl.c.id == row_id))
        work.out.pulled[tbl.name] += 1
        return
    if dirty.base is None or row_id not in work.incoming.deleted.get(tbl.name, ()):
        return  # made here, or changed here and only out of scope: the push brings it
    local = row_now(work.conn, tbl, row_id)
    if local is None:  # deleted on both sides: nothing to decide
        drop_dirty(work.conn, work.dirty, tbl.name, row_id)
        return
    along = work.along.get((tbl.name, row_id), [])
    sc.record_conflict(work.conn, tbl.name, row_id, sc.DELETED_ON_SERVER,
                       local=_local_side(work, dirty), server=work.incoming.touch(tbl.name, row_id),
                       image=local, along=along)  # fmt: skip
    work.out.conflicts += 1
    for name, row in reversed(along):  # kept in the conflict, not each a conflict of its own
        work.conn.execute(delete(table(name)).where(table(name).c.id == row["id"]))
        drop_dirty(work.conn, work.dirty, name, row["id"])
        work.deleted_from.add(name)
    work.conn.execute(delete(tbl).where(tbl.c.id == row_id))
    drop_dirty(work.conn, work.dirty, tbl.name, row_id)
    work.out.pulled[tbl.name] += 1


def _along_of_deleted(work: _Apply) -> dict[tuple[str, str], list[tuple[str, Row]]]:
    """For each row changed here that the register deleted: what belongs to it here (a task's
    history, new entries included), kept with its conflict so that it comes back whole."""
    found = {}
    for name, ids in work.incoming.deleted.items():
        for row_id in ids:
            dirty = work.dirty.get((name, row_id))
            if dirty is not None and dirty.base is not None:
                found[(name, row_id)] = sc.owned_rows(work.conn, name, [row_id])
    return found


def _take(work: _Apply, tbl: Table, server: Row) -> None:
    """A row as the register has it, merged with what changed here since the last sync."""
    key = (tbl.name, server["id"])
    dirty = work.dirty.get(key)
    local = row_now(work.conn, tbl, server["id"])
    work.out.pulled[tbl.name] += 1
    if dirty is None or dirty.base is None:  # unchanged here, or our own pushed new row
        write_row(work, tbl, server, exists=local is not None)
        if dirty is not None:
            drop_dirty(work.conn, work.dirty, *key)
        return
    base = loads(tbl, dirty.base)
    assert base is not None
    if local is None:
        _deleted_here(work, tbl, base, server, dirty)
        return
    merged, kept_local = _merge(work, tbl, base, local, server, dirty)
    write_row(work, tbl, merged, exists=True)
    if kept_local:
        rebase(work.conn, work.dirty, tbl.name, server)
    else:
        drop_dirty(work.conn, work.dirty, *key)


def _merge(
    work: _Apply, tbl: Table, base: Row, local: Row, server: Row, dirty: Dirty
) -> tuple[Row, bool]:
    """The three-way merge of one row: the merged row, and whether local changes remain."""
    merged = dict(server)
    kept_local = False
    server_changed = False
    for name in merged_fields(tbl):
        b, mine, theirs = base[name], local[name], server[name]
        server_changed = server_changed or not same(b, theirs)
        if same(mine, b) or same(mine, theirs):
            continue
        if same(theirs, b):
            merged[name] = mine
            kept_local = True
            continue
        sc.record_conflict(work.conn, tbl.name, server["id"], sc.FIELD, field=name,
                           values=(mine, theirs), local=_local_side(work, dirty),
                           server=work.incoming.touch(tbl.name, server["id"]))  # fmt: skip
        work.out.conflicts += 1
    if kept_local and server_changed:
        work.out.merged += 1
    return merged, kept_local


def _deleted_here(work: _Apply, tbl: Table, base: Row, server: Row, dirty: Dirty) -> None:
    """Deleted here: the deletion stands if the server left the row alone, else a conflict."""
    if all(same(base[n], server[n]) for n in merged_fields(tbl)):
        rebase(work.conn, work.dirty, tbl.name, server)  # the push deletes it on the server
        return
    sc.record_conflict(work.conn, tbl.name, server["id"], sc.DELETED_HERE,
                       local=_local_side(work, dirty),
                       server=work.incoming.touch(tbl.name, server["id"]), image=base)  # fmt: skip
    work.out.conflicts += 1
    write_row(work, tbl, server, exists=False)
    drop_dirty(work.conn, work.dirty, tbl.name, server["id"])
    work.restored.append((tbl.name, server["id"]))


def restore_along(work: _Apply) -> None:
    """Rows deleted here whose deletion became a conflict came back; what was deleted here with
    them comes back too, as the register has it: a task's history with its task, a TOP's
    sub-TOPs with it (so the register never loses them by a push of their deletion alone), and
    the rows they refer to, if deleted here as well (listed as conflicts of their own)."""
    gone = _deleted_here_rows(work)
    pending = list(work.restored)
    while pending and gone:
        name, row_id = pending.pop()
        row = row_now(work.conn, tables_by_name()[name], row_id)
        if row is None:
            continue
        above = [(fk.column.table.name, row[fk.parent.name])
                 for fk in tables_by_name()[name].foreign_keys]  # fmt: skip
        below = [key for key, base in gone.items()
                 if any(parent == name and base[column] == row_id
                        for column, parent in owners(key[0]))]  # fmt: skip
        for key in above + below:
            if key in gone:
                _bring_back(work, key, gone.pop(key), conflict=key in above)
                pending.append(key)


def _deleted_here_rows(work: _Apply) -> dict[tuple[str, str], Row]:
    """The rows deleted here since the last sync that the register still has: their bases."""
    bases: dict[str, dict[str, Row]] = {}
    for (name, row_id), dirty in work.dirty.items():
        base = loads(tables_by_name()[name], dirty.base)
        if base is not None and row_id not in work.incoming.deleted.get(name, ()):
            bases.setdefault(name, {})[row_id] = base
    found: dict[tuple[str, str], Row] = {}
    for name, of_table in bases.items():
        tbl = tables_by_name()[name]
        present = set(work.conn.scalars(select(tbl.c.id).where(tbl.c.id.in_(sorted(of_table)))))
        found.update({(name, i): base for i, base in of_table.items() if i not in present})
    return found


def _bring_back(work: _Apply, key: tuple[str, str], base: Row, *, conflict: bool) -> None:
    name, row_id = key
    tbl = tables_by_name()[name]
    if conflict:
        sc.record_conflict(work.conn, name, row_id, sc.DELETED_HERE,
                           local=_local_side(work, work.dirty[key]),
                           server=work.incoming.touch(name, row_id), image=base)  # fmt: skip
        work.out.conflicts += 1
    write_row(work, tbl, work.incoming.rows.get(name, {}).get(row_id, base), exists=False)
    drop_dirty(work.conn, work.dirty, name, row_id)


def write_row(work: _Apply, tbl: Table, row: Row, *, exists: bool) -> None:
    """Insert or update the row, after moving out of its way what holds its unique values."""
    for key, other in blockers(work.conn, tbl, row):
        _make_room(work, tbl, key, other)
    if exists:
        work.conn.execute(update(tbl).where(tbl.c.id == row["id"]).values(row))
    else:
        work.conn.execute(insert(tbl).values(row))


def _make_room(work: _Apply, tbl: Table, key: tuple[str, ...], other: str) -> None:
    dirty = work.dirty.get((tbl.name, other))
    if other in work.incoming.rows.get(tbl.name, {}) and dirty is None:
        park(work.conn, tbl, other, key)  # its own new state comes in this pull
        return
    if tbl.name in NUMBERED:  # made or moved here: the register's row was there first
        moved = renumber(work.conn, tbl, other)
        if moved is not None:
            work.out.renumbered.append(moved)
        return
    local = row_now(work.conn, tbl, other)
    sc.record_conflict(work.conn, tbl.name, other, sc.DUPLICATE, image=local,
                       local=_local_side(work, dirty) if dirty else sc.Side())  # fmt: skip
    work.out.conflicts += 1
    work.deleted_from.add(tbl.name)
    work.conn.execute(delete(tbl).where(tbl.c.id == other))
    drop_dirty(work.conn, work.dirty, tbl.name, other)


def _forget_deleted_both_sides(work: _Apply) -> None:
    for (name, row_id), dirty in list(work.dirty.items()):
        touch = work.incoming.batch.rows.get(name, {}).get(row_id)
        if dirty.base is None or touch is None or touch.operation != "D":
            continue
        if row_now(work.conn, tables_by_name()[name], row_id) is None:
            drop_dirty(work.conn, work.dirty, name, row_id)


def repair_references(
    conn: Connection,
    dirty: dict[tuple[str, str], Dirty],
    out: Outcome,
    login: str,
    deleted_from: set[str],
) -> None:
    """Rows here that point to rows deleted from the tables deleted_from: an empty reference
    where one may be empty, else the row goes too; a row changed here is kept as a conflict."""
    suspects = set(deleted_from)
    for _round in range(50):
        children = {t.name for t in tables() for fk in t.foreign_keys
                    if fk.column.table.name in suspects}  # fmt: skip
        broken = [
            row
            for name in sorted(children)
            for row in conn.exec_driver_sql(f"PRAGMA foreign_key_check({name})").fetchall()
        ]
        if not broken:
            return
        suspects = set()
        for name, rowid, _parent, fkid in broken:
            if _repair(conn, name, rowid, fkid, dirty, out, login):
                suspects.add(name)
    raise RuntimeError("references could not be repaired")


def _repair(conn: Connection, name: str, rowid: int, fkid: int,
            dirty: dict[tuple[str, str], Dirty], out: Outcome, login: str) -> bool:  # fmt: skip
    """Mend one broken reference; True if the row was deleted."""
    tbl = tables_by_name()[name]
    fks = conn.exec_driver_sql(f"PRAGMA foreign_key_list({name})").fetchall()
    column = next(fk[3] for fk in fks if fk[0] == fkid)
    row = conn.execute(
        text(f"SELECT id, {column} FROM {name} WHERE rowid = :r"), {"r": rowid}
    ).first()
    if row is None:
        return False
    row_id, old = row
    entry = dirty.get((name, row_id))
    side = sc.Side(entry.changed_at, login) if entry else sc.Side()
    if tbl.c[column].nullable:
        if entry is not None:
            sc.record_conflict(conn, name, row_id, sc.FIELD, field=column,
                               values=(old, None), local=side)  # fmt: skip
            out.conflicts += 1
        conn.execute(update(tbl).where(tbl.c.id == row_id).values({column: None}))
        return False
    if entry is not None:
        sc.record_conflict(conn, name, row_id, sc.DELETED_ON_SERVER, local=side,
                           image=row_now(conn, tbl, row_id))  # fmt: skip
        out.conflicts += 1
        drop_dirty(conn, dirty, name, row_id)
    conn.execute(delete(tbl).where(tbl.c.id == row_id))
    return True
