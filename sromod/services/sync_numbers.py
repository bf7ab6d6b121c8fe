"""Numbers that must stay unique when replicas meet the register: who keeps a number, who moves.

Rule (the same as the move into the register, `server_import`): whoever reaches the register
first keeps the number. A meeting planned offline whose number the register has meanwhile given
to another meeting of the same body becomes the body's next free number (its notes keep the old
one); a decision or task whose register number is taken gets the next free number of its year
(a task keeps the old one in its remark). A TOP (or standing TOP) whose position is taken moves
to the end of its list. The same rule runs on the register when a push brings a new row, and on
the replica when a pull brings a row that takes the place of one made offline.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    String,
    Table,
    UniqueConstraint,
    func,
    select,
    text,
    update,
)
from sqlalchemy.sql import visitors

from sromod.services.concurrency import _NUMBERING_LOCKS
from sromod.services.decisions import decision_number
from sromod.services.server_import_report import Renumbered
from sromod.services.tasks import task_number

Row = dict[str, Any]


@dataclass(frozen=True)
class Numbering:
    counter: str
    group: tuple[str, ...]
    trace_column: str | None = None
    trace: str = ""


NUMBERED = {
    "meetings": Numbering("number", ("body_id",), "notes",
                          "Vor dem Abgleich mit dem Register als {old}. Sitzung geführt."),
    "decisions": Numbering("seq", ("year",)),
    "tasks": Numbering("seq", ("year",), "remark", "Bisherige Nr. {old} (Abgleich mit dem Register)."),
    "agenda_items": Numbering("position", ("meeting_id", "parent_id")),
    "standing_agenda_items": Numbering("position", ("body_id",)),
}  # fmt: skip
_REGISTER = {"decisions": decision_number, "tasks": task_number}


def unique_keys(tbl: Table) -> list[tuple[str, ...]]:
    """The column sets of tbl that must be unique, apart from its key."""
    keys: set[tuple[str, ...]] = set()
    for constraint in tbl.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.add(tuple(c.name for c in constraint.columns))
    for index in tbl.indexes:
        if index.unique:
            found = [c.name for e in index.expressions if not isinstance(e, str)
                     for c in visitors.iterate(e) if isinstance(c, Column)]  # fmt: skip
            keys.add(tuple(dict.fromkeys(found)))
    keys.update((c.name,) for c in tbl.columns if c.unique)
    return sorted(keys)


def blockers(conn: Connection, tbl: Table, row: Row) -> list[tuple[tuple[str, ...], str]]:
    """The other rows holding one of row's unique values: (key, their id)."""
    found = []
    for key in unique_keys(tbl):
        if any(row.get(c) is None for c in key if c not in ("parent_id",)):
            continue
        query = select(tbl.c.id).where(tbl.c.id != row["id"])
        for column in key:
            value = row.get(column)
            query = query.where(
                tbl.c[column].is_(None) if value is None else tbl.c[column] == value
            )
        other = conn.scalar(query)
        if other is not None:
            found.append((key, other))
    return found


def renumber(
    conn: Connection, tbl: Table, row_id: str, original: Row | None = None
) -> Renumbered | None:
    """Give the row the next free number of its group (see the rule above); None if unnumbered.

    Returns what changed, for the report (meetings and register numbers; positions silently);
    original: the row's values before they were parked (the number it came with).
    """
    rule = NUMBERED.get(tbl.name)
    if rule is None:
        return None
    row = dict(conn.execute(select(tbl).where(tbl.c.id == row_id)).mappings().one())
    _serialise(conn, tbl, row)
    group = [tbl.c[c].is_(None) if row[c] is None else tbl.c[c] == row[c] for c in rule.group]
    last = conn.scalar(select(func.max(tbl.c[rule.counter])).where(*group)) or 0
    values: Row = {rule.counter: last + 1}
    came = original or row
    old = str(came[rule.counter])
    if tbl.name in _REGISTER:
        old = came["register_number"]
        values["register_number"] = _REGISTER[tbl.name](row["year"], last + 1)
    if rule.trace_column is not None:
        trace = rule.trace.format(old=old)
        before = row[rule.trace_column]
        values[rule.trace_column] = f"{before}\n{trace}" if before else trace
    conn.execute(update(tbl).where(tbl.c.id == row_id).values(values))
    if tbl.name == "meetings":
        short = conn.scalar(text("SELECT short_name FROM bodies WHERE id = :id"),
                            {"id": row["body_id"]})  # fmt: skip
        return Renumbered(f"{short}/{old}", f"{short}/{last + 1}", row["date"])
    if tbl.name in _REGISTER:
        return Renumbered(old, values["register_number"])
    return None


def _serialise(conn: Connection, tbl: Table, row: Row) -> None:
    """On a server, queue behind other writers of the same number series (`serialise_numbering`)."""
    if conn.dialect.name != "postgresql":
        return
    series = {
        "meetings": lambda: f"meetings {row['body_id']}",
        "decisions": lambda: f"B-{row['year']}",
        "tasks": lambda: f"A-{row['year']}",
    }.get(tbl.name)
    if series is not None:
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:series))"),
            {"space": _NUMBERING_LOCKS, "series": series()},
        )


def park(conn: Connection, tbl: Table, row_id: str, key: tuple[str, ...]) -> None:
    """Move a row's unique value out of the way until the row's own new state is written."""
    values = parked(tbl, row_id, key)
    if values:
        conn.execute(update(tbl).where(tbl.c.id == row_id).values(values))


def parked(tbl: Table, row_id: str, key: tuple[str, ...]) -> Row:
    """Values for key's own columns that no real row holds (negative numbers, "~id")."""
    values: Row = {}
    for column in key:
        col = tbl.c[column]
        if col.foreign_keys or column == "year":
            continue
        if isinstance(col.type, Integer):
            values[column] = -(zlib.crc32(row_id.encode()) % 1_000_000_000) - 1
        elif isinstance(col.type, String):
            values[column] = f"~{row_id}"[: col.type.length or 36]
    return values
