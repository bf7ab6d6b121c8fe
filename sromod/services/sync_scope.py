"""Which rows a pull compares with the scope: the changed rows and those they can move with them.

Comparing every row of a replica with the scope on every pull costs seconds on a district's
decade. A row can only enter or leave the scope if it changed itself, or a row it belongs to
changed (a task moved to another office takes its history along), or a changed row names it (a
new attendance brings its person). So a pull looks at the changed rows, their children (on the
register and in the replica), the rows they name, and the children of rows that entered, and
asks the scope's queries about those ids only. One change moves whole sets: a membership (an
office that joins a body brings all its tasks); then every row is compared.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from sromod.services.replica_scope import Scope, ids_among, row_queries
from sromod.services.sync_rows import table, tables

Ids = dict[str, set[str]]
SHAPING = ("memberships",)
CHUNK = 2000


def scope_sets(conn: Connection, local: Connection, scope: Scope, changed: Ids) -> tuple[Ids, Ids]:
    """(kept, here): ids in the scope on the register (conn) and ids in the replica (local),
    among the rows the pull must compare."""
    if any(changed.get(name) for name in SHAPING):
        return whole_scope(conn, local, scope)
    candidates: Ids = {t.name: set(changed.get(t.name, ())) for t in tables()}
    _add_children(candidates, changed, conn, local)
    _add_targets(candidates, conn)
    kept, here = among(conn, local, scope, candidates)
    done: Ids = {name: set() for name in candidates}
    for _depth in range(6):  # rows that entered bring their children along
        entered = {n: kept[n] - here[n] - done[n] for n in kept}
        if not any(entered.values()):
            break
        for name, ids in entered.items():
            done[name] |= ids
        before = {n: set(ids) for n, ids in candidates.items()}
        _add_children(candidates, entered, conn)
        _add_targets(candidates, conn)
        fresh = {n: candidates[n] - before[n] for n in candidates}
        more_kept, more_here = among(conn, local, scope, fresh)
        for name in kept:
            kept[name] |= more_kept[name]
            here[name] |= more_here[name]
    return kept, here


def whole_scope(conn: Connection, local: Connection, scope: Scope) -> tuple[Ids, Ids]:
    """(kept, here) over every row: all ids in the scope on the register, all in the replica."""
    here = {t.name: set(local.scalars(select(t.c.id))) for t in tables()}
    queries = row_queries(scope)
    kept = {n: set(conn.scalars(select(q.subquery().c.id))) for n, q in queries.items()}
    return kept, here


def _chunks(ids: set[str]) -> list[list[str]]:
    ordered = sorted(ids)
    return [ordered[n : n + CHUNK] for n in range(0, len(ordered), CHUNK)]


def _add_children(candidates: Ids, parents: Ids, *conns: Connection) -> None:
    """The rows that refer to one of parents, on each connection."""
    for tbl in tables():
        for fk in tbl.foreign_keys:
            ids = parents.get(fk.column.table.name)
            if not ids:
                continue
            column = tbl.c[fk.parent.name]
            for conn in conns:
                for part in _chunks(ids):
                    candidates[tbl.name].update(
                        conn.scalars(select(tbl.c.id).where(column.in_(part)))
                    )


def _add_targets(candidates: Ids, conn: Connection) -> None:
    """The rows the candidates name on the register, and the rows those name, and so on."""
    new = {n: set(ids) for n, ids in candidates.items()}
    while any(new.values()):
        found: Ids = {n: set() for n in candidates}
        for name, ids in new.items():
            tbl = table(name)
            fks = [fk for fk in tbl.foreign_keys]
            if not ids or not fks:
                continue
            columns = [tbl.c[fk.parent.name] for fk in fks]
            for part in _chunks(ids):
                for row in conn.execute(select(*columns).where(tbl.c.id.in_(part))):
                    for fk, value in zip(fks, row, strict=True):
                        if value is not None:
                            found[fk.column.table.name].add(value)
        new = {n: found[n] - candidates[n] for n in candidates}
        for name, ids in new.items():
            candidates[name] |= ids


def among(conn: Connection, local: Connection, scope: Scope, ids: Ids) -> tuple[Ids, Ids]:
    """Of ids: those in the scope on the register, those in the replica."""
    queries = row_queries(scope)
    kept: Ids = {name: set() for name in ids}
    here: Ids = {name: set() for name in ids}
    for name, wanted in ids.items():
        sub = queries[name].subquery()
        tbl = table(name)
        for part in _chunks(wanted):
            found = ids_among(conn, scope, name, part)
            if found is None:
                found = set(conn.scalars(select(sub.c.id).where(sub.c.id.in_(part))))
            kept[name].update(found)
            here[name].update(local.scalars(select(tbl.c.id).where(tbl.c.id.in_(part))))
    return kept, here
