"""Push: the replica's local changes into the register, in one transaction, each exactly once.

Every local change carries the id of the replica's latest change of that row
(`store.replica_journal`). The register applies the changes it has not seen from this replica
and records their ids in `sync_applied` in the same transaction; a push repeated after a kill
finds them there and applies nothing twice. A change is what differs between the row now and its
image at the last sync: a new row is inserted whole, an update writes only the changed fields
and only while the register's row still has the version of that image (else another user
changed it after the pull: the change waits for the next sync's merge), a deletion likewise.
A change the register refuses (a privilege the login lacks, a row that must be unique) becomes
a conflict on the replica; its local state is kept there and the register's stands.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, delete, insert, text, update
from sqlalchemy.exc import DBAPIError

from sromod.services import sync_conflicts as sc
from sromod.services.reservations import begin_push
from sromod.services.server_import import _parents_first
from sromod.services.sync_changes import (
    ALREADY,
    APPLIED_NOW,
    DELETE,
    DUPLICATE,
    HELD,
    INSERT,
    REFUSED,
    SERVER_FILLED,
    STALE,
    UPDATE,
    WAITS,
    LocalChange,
    Result,
)
from sromod.services.sync_local import Dirty, Later, drop_dirty, load_dirty, rebase, row_now, step
from sromod.services.sync_numbers import (
    NUMBERED,
    blockers,
    park,
    parked,
    renumber,
    unique_keys,
)
from sromod.services.sync_pull import Outcome, repair_references
from sromod.services.sync_push_batch import apply_batched
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
from sromod.services.sync_scope import SHAPING
from sromod.store import Store
from sromod.store.journal import APPLIED
from sromod.store.reservations_pg import MeetingReserved
from sromod.store.server_roles import NotPermitted


def collect(conn: Connection) -> list[LocalChange]:
    """The replica's local changes since the last sync, in the order a register can take them."""
    dirty = load_dirty(conn)
    ids: dict[str, list[str]] = {}
    for name, row_id in dirty:
        ids.setdefault(name, []).append(row_id)
    now = {name: read_rows(conn, table(name), found) for name, found in ids.items()}
    changes = [c for (name, row_id), d in dirty.items()
               if (c := _change(name, row_id, d, now[name].get(row_id))) is not None]  # fmt: skip
    order = {t.name: n for n, t in enumerate(tables())}
    inserts = [c for c in changes if c.operation == INSERT]
    inserts.sort(key=lambda c: order[c.table])
    inserts = _self_parents_first(inserts)
    updates = [c for c in changes if c.operation == UPDATE]
    deletes = [c for c in changes if c.operation == DELETE]
    deletes.sort(key=lambda c: -order[c.table])
    return inserts + updates + deletes


def _self_parents_first(inserts: list[LocalChange]) -> list[LocalChange]:
    """Sub-TOPs after their TOP (the tables that refer to themselves)."""
    out: list[LocalChange] = []
    for name in dict.fromkeys(c.table for c in inserts):
        of_table = [c for c in inserts if c.table == name]
        by_id = {c.row_id: c for c in of_table}
        ordered = _parents_first(table(name), [c.values for c in of_table])
        out += [by_id[r["id"]] for r in ordered]
    return out


def _change(name: str, row_id: str, dirty: Dirty, local: Row | None) -> LocalChange | None:
    tbl = table(name)
    base = loads(tbl, dirty.base)
    if base is None:
        if local is None:
            return None  # made and deleted here: the register never needs to know
        return LocalChange(dirty.change_id, name, row_id, INSERT, local, None, dirty.changed_at)
    if local is None:  # values: the rows it belonged to (a deletion may go only with theirs)
        owned = {column: base[column] for column, _parent in owners(name)}
        return LocalChange(dirty.change_id, name, row_id, DELETE, owned, base["version"],
                           dirty.changed_at)  # fmt: skip
    changed = {n: local[n] for n in merged_fields(tbl) if not same(base[n], local[n])}
    if not changed:
        return None  # changed and changed back
    changed["updated_at"] = local["updated_at"]
    return LocalChange(dirty.change_id, name, row_id, UPDATE, changed, base["version"],
                       dirty.changed_at)  # fmt: skip


def push_changes(server: Store, replica_id: str, changes: list[LocalChange]) -> dict[str, Result]:
    """Apply the changes to the register in one transaction; the result of each by change id.

    First all at once; if the register refuses one, the transaction is rolled back and done
    again with each change in a savepoint of its own, so that a refusal undoes that one alone
    (a savepoint per change costs two round trips each, most pushes need none).
    """
    try:
        return _push(server, replica_id, changes, guarded=False)
    except (DBAPIError, NotPermitted, MeetingReserved):
        return _push(server, replica_id, changes, guarded=True)


def _push(
    server: Store, replica_id: str, changes: list[LocalChange], *, guarded: bool
) -> dict[str, Result]:
    results: dict[str, Result] = {}
    with server.engine.begin() as conn:
        begin_push(conn, replica_id)  # a void replica is refused; its meetings taken along open
        done = _applied_before(conn, replica_id, [c.change_id for c in changes])
        units = deletion_groups(changes)
        if not guarded:  # new rows and updates (each a unit of its own) a table at a time
            plain = [unit[0] for unit in units if unit[0].operation != DELETE]
            results.update((c.change_id, Result(ALREADY)) for c in plain if c.change_id in done)
            fresh = [c for c in plain if c.change_id not in done]
            results.update(apply_batched(conn, fresh, _apply_change))
            units = [unit for unit in units if unit[0].operation == DELETE]
        for unit in units:
            if len(unit) == 1:
                results[unit[0].change_id] = _apply_one(conn, unit[0], done, guarded)
            else:
                results.update(_apply_group(conn, unit, done, guarded))
        applied = [{"r": replica_id, "c": c} for c, r in results.items() if r.status == APPLIED_NOW]
        if applied:
            conn.execute(
                text(f"INSERT INTO {APPLIED} (replica_id, change_id) VALUES (:r, :c)"), applied
            )
    return results


def _apply_change(conn: Connection, change: LocalChange) -> Result:
    return _apply(conn, table(change.table), change)


def _apply_one(conn: Connection, change: LocalChange, done: set[str], guarded: bool) -> Result:
    if change.change_id in done:
        return Result(ALREADY)
    result = _apply_guarded(conn, change) if guarded else _apply(conn, table(change.table), change)
    step(f"pushing {change.table}")
    return result


def _apply_group(
    conn: Connection, group: list[LocalChange], done: set[str], guarded: bool
) -> dict[str, Result]:
    """A deletion and the deletions of the rows that belonged to it (last: the owner), in a
    savepoint: if the owner's deletion does not go through (changed meanwhile, refused), none
    does. A task's history is never deleted from the register while the task stays."""
    savepoint = conn.begin_nested()
    results = {c.change_id: _apply_one(conn, c, done, guarded) for c in group}
    owner = results[group[-1].change_id]
    if owner.status in (APPLIED_NOW, ALREADY):
        savepoint.commit()
        return results
    savepoint.rollback()
    for change in group[:-1]:
        if owner.status == STALE:
            results[change.change_id] = Result(HELD, reason=WAITS)
        else:
            results[change.change_id] = Result(
                HELD, server_row=row_now(conn, table(change.table), change.row_id)
            )
    return results


def deletion_groups(changes: list[LocalChange]) -> list[list[LocalChange]]:
    """The changes in their order, one per unit, but a deletion together with the deletions of
    the rows that belonged to it (sub-TOPs, a task's history), deepest first, at its place."""
    deleted = {(c.table, c.row_id): c for c in changes if c.operation == DELETE}

    def owner(change: LocalChange) -> LocalChange | None:
        for column, parent in owners(change.table):
            found = deleted.get((parent, str(change.values.get(column))))
            if found is not None and found is not change:
                return found
        return None

    def chain(change: LocalChange) -> list[LocalChange]:
        path = [change]
        while (up := owner(path[-1])) is not None and all(up is not p for p in path):
            path.append(up)
        return path

    members: dict[str, list[tuple[int, LocalChange]]] = {}
    for change in deleted.values():
        path = chain(change)
        members.setdefault(path[-1].change_id, []).append((len(path), change))
    units: list[list[LocalChange]] = []
    for change in changes:
        if change.operation != DELETE or owner(change) is None:
            group = sorted(members.get(change.change_id, [(1, change)]), key=lambda m: -m[0])
            units.append([c for _depth, c in group])
    return units


def _applied_before(conn: Connection, replica_id: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 2000):
        found.update(
            conn.scalars(
                text(
                    f"SELECT change_id FROM {APPLIED} WHERE replica_id = :r "
                    "AND change_id = ANY(:ids)"
                ),
                {"r": replica_id, "ids": ids[start : start + 2000]},
            )
        )
    return found


def _apply_guarded(conn: Connection, change: LocalChange) -> Result:
    """One change in a savepoint: a refusal undoes it alone."""
    savepoint = conn.begin_nested()
    try:
        result = _apply(conn, table(change.table), change)
    except (DBAPIError, NotPermitted, MeetingReserved) as exc:
        savepoint.rollback()
        tbl = table(change.table)
        return Result(REFUSED, server_row=row_now(conn, tbl, change.row_id), reason=_reason(exc))
    savepoint.commit()
    return result


def _reason(exc: DBAPIError | NotPermitted | MeetingReserved) -> str:
    if isinstance(exc, MeetingReserved):  # taken along by another replica: the sentence says so
        return str(exc)
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", "") or ""
    if isinstance(exc, NotPermitted) or sqlstate.startswith("42501"):
        return "Die Anmeldung darf diese Änderung im Register nicht vornehmen."
    return "Das Register hat die Änderung abgelehnt, weil sie seinem Stand widerspricht."


def _apply(conn: Connection, tbl: Table, change: LocalChange) -> Result:
    if change.operation == INSERT:
        return _insert(conn, tbl, change)
    this = [tbl.c.id == change.row_id, tbl.c.version == change.base_version]
    if change.operation == DELETE:
        done = conn.execute(delete(tbl).where(*this)).rowcount
        if done or row_now(conn, tbl, change.row_id) is None:
            return Result(APPLIED_NOW)
        return Result(STALE)
    return _update(conn, tbl, change, this)


def _insert(conn: Connection, tbl: Table, change: LocalChange) -> Result:
    row = dict(change.values)
    for column in SERVER_FILLED.get(tbl.name, ()):
        row[column] = None
    clashes = blockers(conn, tbl, row)
    if clashes and tbl.name not in NUMBERED:
        return Result(DUPLICATE, server_row=None, reason="")
    for key, _other in clashes:
        row.update(parked(tbl, row["id"], key))
    conn.execute(insert(tbl).values(row))
    if not clashes and tbl.name not in SERVER_FILLED:
        return Result(APPLIED_NOW, row["version"])
    moved = renumber(conn, tbl, row["id"], change.values) if clashes else None
    return Result(APPLIED_NOW, row["version"], moved, _differences(conn, tbl, change.values))


def _update(conn: Connection, tbl: Table, change: LocalChange, this: list[Any]) -> Result:
    values = {**change.values, "version": tbl.c.version + 1}
    moving = [key for key in _keys_touched(tbl, change.values)]
    if moving:  # a position moved here: out of the way first, so that a swap goes through
        parked_values: Row = {}
        for key in moving:
            parked_values.update(parked(tbl, change.row_id, key))
        if (
            parked_values
            and not conn.execute(update(tbl).where(*this).values(parked_values)).rowcount
        ):
            return Result(STALE)
    if not conn.execute(update(tbl).where(*this).values(values)).rowcount:
        return Result(STALE)
    version = (change.base_version or 0) + 1
    if not moving:
        return Result(APPLIED_NOW, version)
    row = row_now(conn, tbl, change.row_id)
    assert row is not None
    moved = None
    if any(other for _key, other in blockers(conn, tbl, row)):
        moved = renumber(conn, tbl, change.row_id)
    sent = {**change.values, "id": change.row_id}
    return Result(APPLIED_NOW, version, moved, _differences(conn, tbl, sent))


def _keys_touched(tbl: Table, values: Row) -> list[tuple[str, ...]]:
    return [key for key in unique_keys(tbl) if tbl.name in NUMBERED and set(key) & set(values)]


def _differences(conn: Connection, tbl: Table, sent: Row) -> Row:
    """The fields the register holds other than sent (a renumbering)."""
    row = row_now(conn, tbl, sent["id"]) if "id" in sent else None
    if row is None:
        return {}
    return {n: row[n] for n in merged_fields(tbl) if n in sent and not same(row[n], sent[n])}


def echoes(changes: list[LocalChange], results: dict[str, Result]) -> dict[str, dict[str, str]]:
    """The rows this push wrote that the replica holds as the register does once settled: new
    rows and updates the register took as sent (settling takes what it fills itself, the
    history's author), that moved no number (the register's renumbering writes more than the
    number) and, for updates, no reference (a reference can move rows into or out of the
    scope); never a membership (it shapes the scope), never a deletion. By table and id:
    "insert" or "update"."""
    found: dict[str, dict[str, str]] = {}
    for change in changes:
        result = results[change.change_id]
        if result.status != APPLIED_NOW or change.table in SHAPING:
            continue
        tbl = table(change.table)
        filled = set(SERVER_FILLED.get(change.table, ()))
        plain = result.renumbered is None and set(result.values) <= filled
        if plain and (
            change.operation == INSERT
            or (
                change.operation == UPDATE and not any(tbl.c[n].foreign_keys for n in change.values)
            )
        ):
            found.setdefault(change.table, {})[change.row_id] = change.operation
    return found


def settle(conn: Connection, changes: list[LocalChange], results: dict[str, Result],
           out: Outcome, login: str) -> None:  # fmt: skip
    """After the register's commit: the replica takes what the push did (conn: its transaction,
    triggers silent). A row changed here again meanwhile stays changed, against what was sent."""
    dirty = load_dirty(conn)
    deleted_from: set[str] = set()
    later = Later()
    _park_renumbered(conn, changes, results)
    for change in changes:
        result = results[change.change_id]
        if result.status == STALE:
            out.waiting += 1
        elif result.status == HELD:
            _held(conn, change, result, dirty)
        elif result.status in (APPLIED_NOW, ALREADY):
            _took(conn, change, result, dirty, out, later)
        else:
            _refused(conn, change, result, dirty, out, login)
            deleted_from.add(change.table)
    later.write(conn)
    repair_references(conn, dirty, out, login, deleted_from)


def _park_renumbered(
    conn: Connection, changes: list[LocalChange], results: dict[str, Result]
) -> None:
    """Rows the register renumbered leave their old numbers first: B-…/002 → 003 and 003 → 004
    must not meet half-way."""
    for change in changes:
        values = results[change.change_id].values
        if values and change.operation != DELETE:
            tbl = table(change.table)
            for key in unique_keys(tbl):
                if set(key) & set(values):
                    park(conn, tbl, change.row_id, key)


def _took(conn: Connection, change: LocalChange, result: Result,
          dirty: dict[tuple[str, str], Dirty], out: Outcome, later: Later) -> None:  # fmt: skip
    """A change the register took: the row gets its version (and what the register gave it);
    plain rows are written with the others at the end, renumbered ones at once, in order."""
    tbl = table(change.table)
    out.pushed[change.table] += 1
    if result.renumbered is not None:
        out.renumbered.append(result.renumbered)
    key = (change.table, change.row_id)
    if change.operation == DELETE or result.status == ALREADY:
        if key in dirty and dirty[key].change_id == change.change_id:
            later.drop(dirty, *key)
        return
    values = {**result.values, "version": result.version}
    if "updated_at" in change.values:  # as sent, as the register has it (not the time of now)
        values.setdefault("updated_at", change.values["updated_at"])
    if result.values:
        conn.execute(update(tbl).where(tbl.c.id == change.row_id).values(values))
    else:
        later.update(change.table, change.row_id, values)
    entry = dirty.get(key)
    if entry is not None and entry.change_id == change.change_id:
        later.drop(dirty, *key)
    elif entry is not None:  # changed again during the push: its base is what was sent
        sent = loads(tbl, entry.base) or {}
        rebase(conn, dirty, change.table, {**sent, **change.values, **values, "id": change.row_id})


def _held(conn: Connection, change: LocalChange, result: Result,
          dirty: dict[tuple[str, str], Dirty]) -> None:  # fmt: skip
    """A deletion held back with its owner's: it waits with it, or (the owner's refused) the
    row comes back as the register has it, with its owner."""
    if result.reason == WAITS:
        return
    if result.server_row is not None:
        tbl = table(change.table)
        if row_now(conn, tbl, change.row_id) is None:
            conn.execute(insert(tbl).values(result.server_row))
    drop_dirty(conn, dirty, change.table, change.row_id)


def _refused(conn: Connection, change: LocalChange, result: Result,
             dirty: dict[tuple[str, str], Dirty], out: Outcome, login: str) -> None:  # fmt: skip
    tbl = table(change.table)
    local = row_now(conn, tbl, change.row_id)
    kind = sc.DUPLICATE if result.status == DUPLICATE else sc.REFUSED
    sc.record_conflict(conn, change.table, change.row_id, kind, values=(None, result.reason),
                       local=sc.Side(change.changed_at, login), image=local)  # fmt: skip
    out.conflicts += 1
    server = result.server_row
    if server is None:
        conn.execute(delete(tbl).where(tbl.c.id == change.row_id))
    elif local is None:
        conn.execute(insert(tbl).values(server))
    else:
        conn.execute(update(tbl).where(tbl.c.id == change.row_id).values(server))
    drop_dirty(conn, dirty, change.table, change.row_id)
