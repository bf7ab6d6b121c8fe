"""The push's fast path: the changes of a table written together, a few statements per table.

A push after a meeting brings a few hundred rows; one statement (or three) per row cost a round
trip each. Here the new rows of a table are checked for taken unique values in one query per
unique key and inserted in one statement; the updates of a table read and lock the versions of
their rows in one query and are written by one statement per set of changed fields. Whatever
this path cannot decide alone goes to the one-change-at-a-time path (`single`), which decides
as before: a table whose new rows clash with the register's (the numbering rule renumbers them
one after the other, as they come), an update that moves a number or position, a row the
register no longer has (or the login may not change), a deletion. A refusal (an exception)
rolls the whole push back; `sync_push` then runs it again with a savepoint per change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from sromod.services.sync_changes import (
    APPLIED_NOW,
    INSERT,
    SERVER_FILLED,
    STALE,
    UPDATE,
    LocalChange,
    Result,
)
from sromod.services.sync_local import step
from sromod.services.sync_numbers import NUMBERED, unique_keys
from sromod.services.sync_rows import Row, encode, merged_fields, read_rows, same, table, tables

Single = Callable[[Connection, LocalChange], Result]
CHUNK = 1000


def apply_batched(
    conn: Connection, changes: list[LocalChange], single: Single
) -> dict[str, Result]:
    """Apply the changes in their order, runs of one table and operation together."""
    order = {t.name: n for n, t in enumerate(tables())}
    results: dict[str, Result] = {}
    for operation, phase in groupby(changes, key=lambda c: c.operation):
        ordered = list(phase)
        if operation == UPDATE:  # updates come in any order of tables; each table's together
            ordered.sort(key=lambda c: order[c.table])
        for name, run in groupby(ordered, key=lambda c: c.table):
            group, tbl = list(run), table(name)
            if operation == INSERT:
                results.update(_inserts(conn, tbl, group, single))
            elif operation == UPDATE:
                results.update(_updates(conn, tbl, group, single))
            else:
                results.update((c.change_id, single(conn, c)) for c in group)
            step(f"pushing {name}")
    return results


def _inserts(
    conn: Connection, tbl: Table, group: list[LocalChange], single: Single
) -> dict[str, Result]:
    filled = SERVER_FILLED.get(tbl.name, ())
    rows = [{**c.values, **dict.fromkeys(filled)} for c in group]
    if _any_taken(conn, tbl, rows):
        return {c.change_id: single(conn, c) for c in group}
    for part in _chunks(rows):
        conn.execute(insert(tbl), part)
    now = read_rows(conn, tbl, [c.row_id for c in group]) if filled else {}
    return {
        c.change_id: Result(APPLIED_NOW, c.values["version"],
                            values=_differences(tbl, now.get(c.row_id), c.values))
        for c in group
    }  # fmt: skip


def _differences(tbl: Table, row: Row | None, sent: Row) -> Row:
    """The fields the register holds other than sent (those it fills itself)."""
    if row is None:
        return {}
    return {n: row[n] for n in merged_fields(tbl) if n in sent and not same(row[n], sent[n])}


def _any_taken(conn: Connection, tbl: Table, rows: list[Row]) -> bool:
    """Whether one of the rows holds a unique value that another row of the register holds."""
    for key in unique_keys(tbl):
        # NULL never clashes (parent_id: a TOP without a parent; sync_numbers.blockers likewise)
        checked = [r for r in rows if all(r.get(c) is not None for c in key if c != "parent_id")]
        for part in _chunks(checked):
            if _taken_in(conn, tbl, key, part):
                return True
    return False


def _taken_in(conn: Connection, tbl: Table, key: tuple[str, ...], rows: list[Row]) -> bool:
    query = select(tbl.c.id, *(tbl.c[c] for c in key))
    for column in key:
        values = {r.get(column) for r in rows}
        if None not in values:  # a column that may be empty is compared below only
            query = query.where(tbl.c[column].in_(sorted(values, key=encode)))
    held = {_key_of(found[1:]): found[0] for found in conn.execute(query)}
    return any(held.get(_key_of(r.get(c) for c in key), r["id"]) != r["id"] for r in rows)


def _key_of(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(encode(v) for v in values)


def _updates(
    conn: Connection, tbl: Table, group: list[LocalChange], single: Single
) -> dict[str, Result]:
    numbered = [set(k) for k in unique_keys(tbl)] if tbl.name in NUMBERED else []
    plain = [c for c in group if not any(k & set(c.values) for k in numbered)]
    results: dict[str, Result] = {}
    versions: dict[str, int] = {}
    for part in _chunks([c.row_id for c in plain]):
        query = select(tbl.c.id, tbl.c.version).where(tbl.c.id.in_(part)).with_for_update()
        versions.update((row_id, version) for row_id, version in conn.execute(query))
    ready = [c for c in plain if versions.get(c.row_id) == c.base_version]
    done, looked_at = {c.change_id for c in ready}, {c.change_id for c in plain}
    for _same_fields, run in groupby(sorted(ready, key=_fields), key=_fields):
        statement = (
            update(tbl).where(tbl.c.id == bindparam("_row_id")).values(version=tbl.c.version + 1)
        )
        conn.execute(statement, [{**c.values, "_row_id": c.row_id} for c in run])
    for change in group:
        if change.change_id in done:
            results[change.change_id] = Result(APPLIED_NOW, (change.base_version or 0) + 1)
        elif change.change_id in looked_at and change.row_id in versions:
            results[change.change_id] = Result(STALE)  # changed on the register since the pull
        else:  # a number that moves, a row gone or out of the login's reach: one by one
            results[change.change_id] = single(conn, change)
    return results


def _fields(change: LocalChange) -> tuple[str, ...]:
    return tuple(sorted(change.values))


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
