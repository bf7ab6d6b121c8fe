"""Conflicts a sync found on a replica, kept until the user picks a side.

Kinds: `field` (the same field changed here and on the server), `deleted_on_server` (changed
here, deleted on the server meanwhile), `deleted_here` (deleted here, changed on the server),
`duplicate` (a row made here holds what must be unique and the server's row has it: the
server's stays), `refused` (the register refused a change of this replica, say a field the
login may not change). Until a conflict is resolved the server's state stands in the replica and
the local value is kept here. Resolving it for the local side changes the replica's row, which
the next sync pushes like any local change; for the server's side only the entry goes.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, update

from sromod.services.errors import NotFound
from sromod.services.server_import_report import TABLE_NAMES
from sromod.services.sync_rows import (
    Row,
    decode,
    decode_row,
    dumps,
    encode,
    loads,
    merged_fields,
    owners,
    table,
    tables,
)
from sromod.store import Store
from sromod.store.replica_journal import CONFLICTS

FIELD, DELETED_ON_SERVER, DELETED_HERE, DUPLICATE, REFUSED = (
    "field", "deleted_on_server", "deleted_here", "duplicate", "refused",
)  # fmt: skip
ALONG = "_along"  # in a kept row's image: the rows that belong to it, [[table, row], …]


@dataclass(frozen=True)
class Conflict:
    """One conflict: which row and field, both values, who changed them and when (UTC)."""

    id: str
    table: str
    table_label: str  # German, singular: "Aufgabe"
    row_id: str
    row_label: str  # what the row is called: "A-2026/0012 Spielplatz prüfen"
    field: str  # the column; "" for a whole row (deletions, duplicates, refusals)
    kind: str
    local_value: Any  # a whole row's conflict: the row as it was here (dict, values as JSON)
    server_value: Any  # a refusal: the register's reason (German)
    local_changed_at: datetime | None
    local_changed_by: str | None
    server_changed_at: datetime | None
    server_changed_by: str | None


@dataclass(frozen=True)
class Side:
    """Who changed a value on one side, and when."""

    at: datetime | str | None = None
    by: str | None = None


def record_conflict(
    conn: Connection,
    tbl: str,
    row_id: str,
    kind: str,
    *,
    field: str = "",
    values: tuple[Any, Any] = (None, None),
    local: Side = Side(),
    server: Side = Side(),
    image: Row | None = None,
    along: list[tuple[str, Row]] | None = None,
) -> None:
    """Keep a conflict; one already kept for the same row and field keeps its local value.

    along: rows that belong to a whole row kept (its history), made again with it."""
    found = conn.execute(
        text(f"SELECT id FROM {CONFLICTS} WHERE tbl = :t AND row_id = :r AND field = :f"),
        {"t": tbl, "r": row_id, "f": field},
    ).scalar()
    server_side = {
        "server_value": json.dumps(encode(values[1])),
        "server_changed_at": _text(server.at),
        "server_changed_by": server.by,
        "kind": kind,
    }
    if found is not None:
        conn.execute(_UPDATE, {**server_side, "id": found})
        return
    conn.execute(
        _INSERT,
        {
            **server_side,
            "id": str(uuid.uuid4()),
            "tbl": tbl,
            "row_id": row_id,
            "field": field,
            "local_value": json.dumps(encode(values[0])),
            "local_changed_at": _text(local.at),
            "local_changed_by": local.by,
            "image": _image(image, along or []),
        },
    )


_UPDATE = text(
    f"UPDATE {CONFLICTS} SET server_value = :server_value, kind = :kind, "
    "server_changed_at = :server_changed_at, server_changed_by = :server_changed_by WHERE id = :id"
)
_INSERT = text(
    f"INSERT INTO {CONFLICTS} (id, tbl, row_id, field, kind, local_value, server_value, "
    "local_changed_at, local_changed_by, server_changed_at, server_changed_by, found_at, "
    "image) VALUES (:id, :tbl, :row_id, :field, :kind, :local_value, :server_value, "
    ":local_changed_at, :local_changed_by, :server_changed_at, :server_changed_by, "
    "strftime('%Y-%m-%d %H:%M:%f', 'now'), :image)"
)


def _image(row: Row | None, along: list[tuple[str, Row]]) -> str | None:
    if row is None or not along:
        return dumps(row)
    kept = json.loads(dumps(row) or "{}")
    kept[ALONG] = [[name, json.loads(dumps(other) or "{}")] for name, other in along]
    return json.dumps(kept)


def _text(value: datetime | str | None) -> str | None:
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value


def list_conflicts(store: Store) -> list[Conflict]:
    """The replica's unresolved conflicts, oldest first (none on a store that is no replica)."""
    with store.engine.connect() as conn:
        if not _has_table(conn):
            return []
        rows = conn.execute(text(f"SELECT * FROM {CONFLICTS} ORDER BY found_at, id")).mappings()
        return [_conflict(conn, dict(r)) for r in rows]


def _has_table(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and bool(
        conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=:n"),
            {"n": CONFLICTS},
        ).scalar_one()
    )


def _conflict(conn: Connection, row: Row) -> Conflict:
    tbl = table(row["tbl"])
    column = tbl.c[row["field"]] if row["field"] else None

    def value(raw: str | None) -> Any:
        loaded = json.loads(raw) if raw is not None else None
        return decode(column, loaded) if column is not None else loaded

    return Conflict(
        id=row["id"],
        table=row["tbl"],
        table_label=TABLE_NAMES.get(row["tbl"], (row["tbl"], ""))[0],
        row_id=row["row_id"],
        row_label=_row_label(conn, row),
        field=row["field"],
        kind=row["kind"],
        local_value=_shown_image(row["image"]) if row["image"] else value(row["local_value"]),
        server_value=value(row["server_value"]),
        local_changed_at=_when(row["local_changed_at"]),
        local_changed_by=row["local_changed_by"],
        server_changed_at=_when(row["server_changed_at"]),
        server_changed_by=row["server_changed_by"],
    )


def _shown_image(image: str) -> Row:
    shown: Row = json.loads(image)
    shown.pop(ALONG, None)
    return shown


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_LABELS = ("register_number", "title", "name", "short_name", "text", "key", "code")


def _row_label(conn: Connection, row: Row) -> str:
    tbl = table(row["tbl"])
    current = conn.execute(select(tbl).where(tbl.c.id == row["row_id"])).mappings().first()
    values = dict(current) if current is not None else (loads(tbl, row["image"]) or {})
    if row["tbl"] == "meetings" and values:
        return f"{values.get('number')}. Sitzung ({values.get('date')})"
    parts = [str(values[c]) for c in _LABELS if values.get(c)]
    return " ".join(parts[:2])[:120] or row["row_id"]


def resolve_conflict(store: Store, conflict_id: str, take_local: bool) -> None:
    """Settle a conflict: the local value back into the row (pushed with the next sync), or
    the server's value kept. Raises NotFound for a conflict that is no longer there."""
    with store.unit_of_work() as session:
        conn = session.connection()
        found = conn.execute(
            text(f"SELECT * FROM {CONFLICTS} WHERE id = :id"), {"id": conflict_id}
        ).mappings().first() if _has_table(conn) else None  # fmt: skip
        if found is None:
            raise NotFound("Diesen Konflikt gibt es nicht mehr; er ist schon gelöst.")
        if take_local:
            _take_local(conn, dict(found))
        conn.execute(text(f"DELETE FROM {CONFLICTS} WHERE id = :id"), {"id": conflict_id})


def _take_local(conn: Connection, found: Row) -> None:
    tbl = table(found["tbl"])
    this = tbl.c.id == found["row_id"]
    exists = conn.scalar(select(tbl.c.id).where(this)) is not None
    if found["kind"] == FIELD and exists:
        column = tbl.c[found["field"]]
        value = decode(column, json.loads(found["local_value"]))
        conn.execute(
            update(tbl).where(this).values({column.name: value, "version": tbl.c.version + 1})
        )
    elif found["kind"] == DELETED_HERE and exists:
        delete_owned(conn, tbl.name, [found["row_id"]])
    elif found["image"]:  # a deleted, refused or duplicate row made again as it was here
        image = loads(tbl, found["image"]) or {}
        if not exists:
            conn.execute(insert(tbl).values(image))
            for name, other in json.loads(found["image"]).get(ALONG, []):
                _make_again(conn, name, other)
            return
        values = {n: image[n] for n in merged_fields(tbl)}
        conn.execute(update(tbl).where(this).values({**values, "version": tbl.c.version + 1}))


def _make_again(conn: Connection, name: str, raw: Row) -> None:
    tbl = table(name)
    if conn.scalar(select(tbl.c.id).where(tbl.c.id == raw["id"])) is None:
        conn.execute(insert(tbl).values(decode_row(tbl, raw)))


def owned_rows(conn: Connection, name: str, ids: list[str]) -> list[tuple[str, Row]]:
    """The rows that belong to the rows ids of table name (see delete_owned), parents first."""
    found: list[tuple[str, Row]] = []
    for child, column in _owned_by(name):
        tbl = table(child)
        rows = [dict(r) for r in conn.execute(select(tbl).where(tbl.c[column].in_(ids))).mappings()]
        for row in rows:
            found.append((child, row))
            found += owned_rows(conn, child, [row["id"]])
    return found


def _owned_by(name: str) -> list[tuple[str, str]]:
    return [(t.name, column) for t in tables() for column, parent in owners(t.name)
            if parent == name]  # fmt: skip


def delete_owned(conn: Connection, name: str, ids: list[str]) -> None:
    """Delete rows with what belongs to them (a task with its history, a TOP with its sub-TOPs,
    regions and attachments), as deleting them here did; other references to them are emptied."""
    for child in tables():
        for fk in child.foreign_keys:
            if fk.column.table.name != name:
                continue
            column = child.c[fk.parent.name]
            if (fk.parent.name, name) in owners(child.name):
                found = list(conn.scalars(select(child.c.id).where(column.in_(ids))))
                if found:
                    delete_owned(conn, child.name, found)
            else:
                conn.execute(update(child).where(column.in_(ids)).values({column.name: None}))
    tbl = table(name)
    conn.execute(delete(tbl).where(tbl.c.id.in_(ids)))
