"""Moving a laptop's store into the shared register: merged by UUID, in one transaction.

Every row keeps its UUID. A row the register already has (the same UUID) stays as the register
holds it, so running the import twice changes nothing. The reference data every laptop seeded
for itself (offices, regions, settings) are matched by their keys (code, LOR number, key), not
by UUID. Clashes are resolved by the rules stated in the report (`server_import_report`): a body
with the short name of a register's body is that body; meeting numbers and register numbers
(B-/A-) already taken are numbered on after the last. Any other contradiction aborts the
import, which then changes nothing. While it runs, the numbered tables are locked against
writers, so the numbers it hands out stay free.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.exc import IntegrityError

from sromod.models import Base
from sromod.services.decisions import decision_number
from sromod.services.errors import ServiceError
from sromod.services.server_import_report import TABLE_NAMES, ImportReport, Renumbered
from sromod.services.tasks import task_number
from sromod.store import Store
from sromod.store.laptop import laptop_store

log = logging.getLogger(__name__)

Row = dict[str, Any]
CHUNK = 5000  # ids per IN (...) when asking the register which rows it has
NUMBERED_TABLES = ("bodies", "meetings", "decisions", "tasks")
NOT_A_SERVER = (
    "„server import“ bringt eine Laptop-Datenbank in ein Register auf einem PostgreSQL-Server; "
    "--db muss eine Adresse postgresql://… sein."
)


@dataclass
class _Merge:
    """One import under way: the register's connection (in its transaction) and what it did."""

    conn: Connection
    report: ImportReport
    id_map: dict[str, str] = field(default_factory=dict)  # laptop id -> register id
    merged_bodies: dict[str, str] = field(default_factory=dict)  # laptop body id -> short name

    def remap(self, table: Table, row: Row) -> Row:
        """The row with every reference pointing to the register's row of the same thing."""
        for fk in table.foreign_keys:
            value = row.get(fk.parent.name)
            if value in self.id_map:
                row[fk.parent.name] = self.id_map[value]
        return row


def import_laptop_store(target: Store, source: Path, *, dry_run: bool = False) -> ImportReport:
    """Bring the laptop store at source into the register; the report says what and how.

    Refuses (ServiceError/StoreError, one German sentence, nothing changed) a target that is
    no server, a source that is damaged, foreign or from a newer sromod, and any clash no rule
    resolves. dry_run does everything and then rolls back: the report shows what would happen.
    """
    if target.server is None:
        raise ServiceError(NOT_A_SERVER)
    with laptop_store(source) as laptop:
        report = ImportReport(
            str(Path(source).expanduser().absolute()), target.location, dry_run=dry_run
        )
        with laptop.engine.connect() as src, target.engine.connect() as conn:
            transaction = conn.begin()
            try:
                _lock_numbered_tables(conn)
                merge = _Merge(conn, report)
                for table in Base.metadata.sorted_tables:
                    rows = [dict(r._mapping) for r in src.execute(select(table))]
                    _merge_table(merge, table, rows)
            except IntegrityError as exc:
                transaction.rollback()
                raise ServiceError(_contradiction(exc)) from exc
            except BaseException:
                transaction.rollback()
                raise
            if dry_run:
                transaction.rollback()
            else:
                transaction.commit()
    log.info(
        "server import: %s added, %s present", dict(report.added), sum(report.present.values())
    )
    return report


def _lock_numbered_tables(conn: Connection) -> None:
    """Writers wait until the import is done: the numbers it hands out must stay free."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"LOCK TABLE {', '.join(NUMBERED_TABLES)} IN SHARE ROW EXCLUSIVE MODE"))


def _contradiction(exc: IntegrityError) -> str:
    diag = getattr(exc.orig, "diag", None)
    table = getattr(diag, "table_name", None) or ""
    what = TABLE_NAMES.get(table, ("", "Einträge"))[1]
    return (
        f"Die Übernahme wurde abgebrochen und hat nichts geändert: {what} des Laptops "
        "widersprechen Einträgen, die das Register schon hat, und keine Regel der Übernahme "
        "löst diesen Fall."
    )


def _merge_table(merge: _Merge, table: Table, rows: list[Row]) -> None:
    if not rows:
        return
    present = _present(merge.conn, table, [r["id"] for r in rows])
    new = []
    for row in _parents_first(table, rows):
        if row["id"] in present:
            merge.report.present[table.name] += 1
            stored = present[row["id"]]
            if stored is not None and row["updated_at"] > stored:
                merge.report.changed_on_laptop += 1
        else:
            new.append(row)
    handler = _HANDLERS.get(table.name, _plain)
    fresh = handler(merge, table, new)
    if fresh:
        merge.conn.execute(table.insert(), fresh)
        merge.report.added[table.name] += len(fresh)


def _present(conn: Connection, table: Table, ids: list[str]) -> dict[str, Any]:
    """The register's rows among ids: id -> updated_at."""
    found: dict[str, Any] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(table.c.id, table.c.updated_at).where(table.c.id.in_(chunk))
        found.update((r[0], r[1]) for r in conn.execute(query))
    return found


def _parents_first(table: Table, rows: list[Row]) -> list[Row]:
    """Rows of a table that refers to itself (sub-TOPs, regions) after the rows they refer to."""
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    by_id = {r["id"]: r for r in rows}
    placed: set[str] = set()
    ordered: list[Row] = []
    for row in rows:
        stack = [row]
        while stack:
            current = stack[-1]
            waiting = [
                by_id[current[c]]
                for c in own
                if current[c] in by_id
                and current[c] not in placed
                and by_id[current[c]] not in stack
            ]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            if current["id"] not in placed:
                placed.add(current["id"])
                ordered.append(current)
    return ordered


# --- rules per table ------------------------------------------------------------------------------


Handler = Callable[[_Merge, Table, list[Row]], list[Row]]


def _plain(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
    return [merge.remap(table, row) for row in rows]


def _by_key(column: str) -> Handler:
    """Reference data: a row whose key the register has is that row (the register's stays)."""

    def handler(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
        keys = [r[column] for r in rows]
        existing = dict(
            merge.conn.execute(
                select(table.c[column], table.c.id).where(table.c[column].in_(keys))
            ).all()
        )
        fresh = []
        for row in rows:
            row = merge.remap(table, row)
            if row[column] in existing:
                merge.id_map[row["id"]] = existing[row[column]]
                merge.report.matched[table.name] += 1
            else:
                fresh.append(row)
        return fresh

    return handler


def _bodies(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
    """A body with a register body's short name (regardless of case) is that body."""
    fresh = []
    for row in _plain(merge, table, rows):
        found = merge.conn.execute(
            select(table.c.id, table.c.short_name).where(
                func.lower(table.c.short_name) == func.lower(row["short_name"])
            )
        ).first()
        if found is None:
            fresh.append(row)
            continue
        merge.id_map[row["id"]] = found[0]
        merge.merged_bodies[row["id"]] = found[1]
        merge.report.merged_bodies.append((row["short_name"], found[1]))
    return fresh


def _standing_items(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
    """A merged body keeps the register's standing agenda; the laptop's is left out."""
    fresh = []
    for row in rows:
        short = merge.merged_bodies.get(row["body_id"])
        if short is None:
            fresh.append(merge.remap(table, row))
        else:
            merge.report.dropped_standing_items[short] += 1
    return fresh


def _persons(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
    fresh = _plain(merge, table, rows)
    names = {r["name"] for r in fresh}
    known = set(
        merge.conn.execute(
            select(table.c.name, table.c.office_id).where(table.c.name.in_(names))
        ).all()
    )
    merge.report.same_name_persons += sum((r["name"], r["office_id"]) in known for r in fresh)
    return fresh


def _meetings(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
    """Where a body's new meeting has a number the register has, all its new ones move on."""
    fresh = _plain(merge, table, rows)
    by_body: dict[str, list[Row]] = {}
    for row in fresh:
        by_body.setdefault(row["body_id"], []).append(row)
    for body_id, meetings in by_body.items():
        taken = set(
            merge.conn.scalars(select(table.c.number).where(table.c.body_id == body_id)).all()
        )
        if not any(m["number"] in taken for m in meetings):
            continue
        short = merge.conn.scalar(
            text("SELECT short_name FROM bodies WHERE id = :id"), {"id": body_id}
        )
        number = max(taken)
        for meeting in sorted(meetings, key=lambda m: m["number"]):
            number += 1
            old = meeting["number"]
            meeting["number"] = number
            trace = f"Auf dem Laptop als {old}. Sitzung geführt (Übernahme ins Register)."
            meeting["notes"] = f"{meeting['notes']}\n{trace}" if meeting["notes"] else trace
            merge.report.meetings.append(
                Renumbered(f"{short}/{old}", f"{short}/{number}", meeting["date"])
            )
    return fresh


def _numbered(format_number: Callable[[int, int], str], trace_column: str | None) -> Handler:
    """A register number the register has: the next free one of its year (B-/A-YYYY/…)."""

    def handler(merge: _Merge, table: Table, rows: list[Row]) -> list[Row]:
        fresh = _plain(merge, table, rows)
        years = {r["year"] for r in fresh}
        taken: set[tuple[int, int]] = set()
        numbers: set[str] = set()
        for year, seq, number in merge.conn.execute(
            select(table.c.year, table.c.seq, table.c.register_number).where(
                table.c.year.in_(years)
            )
        ):
            taken.add((year, seq))
            numbers.add(number)
        last = _last_seq(taken | {(r["year"], r["seq"]) for r in fresh})
        for row in sorted(fresh, key=lambda r: (r["year"], r["seq"])):
            if (row["year"], row["seq"]) not in taken and row["register_number"] not in numbers:
                taken.add((row["year"], row["seq"]))
                numbers.add(row["register_number"])
                continue
            last[row["year"]] += 1
            old, row["seq"] = row["register_number"], last[row["year"]]
            row["register_number"] = format_number(row["year"], row["seq"])
            taken.add((row["year"], row["seq"]))
            numbers.add(row["register_number"])
            merge.report.numbers.append(Renumbered(old, row["register_number"]))
            if trace_column is not None:
                trace = f"Bisherige Nr. {old} (Übernahme ins Register)."
                before = row[trace_column]
                row[trace_column] = f"{before}\n{trace}" if before else trace
        return fresh

    return handler


def _last_seq(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    last: dict[int, int] = {}
    for year, seq in pairs:
        last[year] = max(last.get(year, 0), seq)
    return last


_HANDLERS: dict[str, Handler] = {
    "offices": _by_key("code"),
    "regions": _by_key("lor_id"),
    "settings": _by_key("key"),
    "persons": _persons,
    "bodies": _bodies,
    "standing_agenda_items": _standing_items,
    "meetings": _meetings,
    "decisions": _numbered(decision_number, None),
    "tasks": _numbered(task_number, "remark"),
}
