"""Rows as a sync sees them: the synced tables, the fields that merge, values as JSON and back."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Connection, Date, DateTime, LargeBinary, Table, select
from sqlalchemy.orm import RelationshipDirection

from sromod.models import Base

Row = dict[str, Any]
# Columns a sync never merges field by field: the key, and what the row's writer sets itself.
BOOKKEEPING = ("id", "created_at", "updated_at", "version")


def tables() -> list[Table]:
    """The synced tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def ownership() -> tuple[tuple[str, str, str], ...]:
    """(child table, column, parent table): references by which a row belongs to another, so
    that deleting the parent deletes it too: a reference that may not be empty, or one the
    models delete along (a sub-TOP with its TOP, an attachment with its TOP)."""
    found = {
        (t.name, fk.parent.name, fk.column.table.name)
        for t in tables()
        for fk in t.foreign_keys
        if not fk.parent.nullable
    }
    for mapper in Base.registry.mappers:
        for rel in mapper.relationships:
            if rel.cascade.delete and rel.direction is RelationshipDirection.ONETOMANY:
                found |= {(r.table.name, r.name, p.table.name) for p, r in rel.local_remote_pairs}
    return tuple(sorted(found))


def owners(name: str) -> list[tuple[str, str]]:
    """(column, parent table) of the references by which a row of the table belongs to another."""
    return [(column, parent) for child, column, parent in ownership() if child == name]


def merged_fields(tbl: Table) -> list[str]:
    return [c.name for c in tbl.columns if c.name not in BOOKKEEPING]


def encode(value: Any) -> Any:
    """A value as JSON holds it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def decode(column: Column[Any], value: Any) -> Any:
    """A JSON value (or one of SQLite's stored values) as the column's Python value."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(kind, Date):
        return date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(kind, LargeBinary):
        return bytes.fromhex(value) if isinstance(value, str) else value
    if isinstance(kind, Boolean):
        return bool(value)
    return value


def same(a: Any, b: Any) -> bool:
    """Equal as stored (an enum member equals its value, True equals 1)."""
    return bool(encode(a) == encode(b))


def decode_row(tbl: Table, raw: Row) -> Row:
    return {c.name: decode(c, raw.get(c.name)) for c in tbl.columns}


def dumps(row: Row | None) -> str | None:
    return None if row is None else json.dumps({k: encode(v) for k, v in row.items()})


def loads(tbl: Table, text_: str | None) -> Row | None:
    return None if text_ is None else decode_row(tbl, json.loads(text_))


def read_rows(conn: Connection, tbl: Table, ids: list[str], chunk: int = 2000) -> dict[str, Row]:
    """The rows of tbl among ids, by id."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        for row in conn.execute(select(tbl).where(tbl.c.id.in_(part))).mappings():
            found[row["id"]] = dict(row)
    return found
