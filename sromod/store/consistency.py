"""Consistency queries that hold on either engine; the check of a register on PostgreSQL.

The server guards its own pages (there is no SQLite integrity_check to run); what can go wrong
in the data is checked by query: the schema is at the head this sromod knows, every reference
points to an existing row, register and meeting numbers are unique, and the search index holds
exactly one entry per indexed row. The queries are plain SQL over the models' metadata.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from sromod.models import Base
from sromod.store import migrate
from sromod.store.address import ServerAddress
from sromod.store.backup import Progress
from sromod.store.check_report import CheckReport
from sromod.store.fts import FTS_TABLE, SOURCES
from sromod.store.server import make_server_engine, unreachable_message

log = logging.getLogger(__name__)

# (table, columns) whose values must be unique: the numbers people cite.
UNIQUE_NUMBERS = (
    ("tasks", ("register_number",), "Aufgabennummer"),
    ("decisions", ("register_number",), "Beschlussnummer"),
    ("meetings", ("body_id", "number"), "Sitzungsnummer eines Gremiums"),
)

Finding = Callable[[Connection], list[str]]


def check_server(
    address: ServerAddress, report: CheckReport, progress: Progress | None = None
) -> None:
    """Run every consistency query against the register; add findings and notes to report."""
    engine = make_server_engine(address.url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))
            steps: tuple[Finding, ...] = (
                schema_findings,
                dangling_references,
                duplicate_numbers,
                search_index_findings,
            )
            for done, step in enumerate(steps, start=1):
                for finding in step(conn):
                    report.add(finding)
                if progress is not None:
                    progress(done * 100 // len(steps), 100)
    except DBAPIError as exc:
        log.warning("Check of a shared register failed: %s", type(exc).__name__)
        report.add(unreachable_message(address.url, exc))
    finally:
        engine.dispose()


def schema_findings(conn: Connection) -> list[str]:
    head = migrate.head_revision()
    present = set(inspect(conn).get_table_names())
    if "alembic_version" not in present:
        return ["Das Register hat keinen Schemastand (keine Tabelle alembic_version)."]
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != head:
        return [
            f"Der Schemastand ist {revision or 'unbekannt'}, aktuell ist {head}; das Register "
            "wird beim nächsten Öffnen mit dieser sromod-Version aktualisiert."
        ]
    missing = sorted(set(Base.metadata.tables) - present)
    return [f"Es fehlen Tabellen: {', '.join(missing)}."] if missing else []


def dangling_references(conn: Connection) -> list[str]:
    """Rows whose foreign key names a row that does not exist (whatever the engine)."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            column = fk.elements[0]
            child, parent = column.parent.name, column.column
            found = conn.execute(
                text(
                    f"SELECT count(*) FROM {table.name} AS c WHERE c.{child} IS NOT NULL AND NOT "
                    f"EXISTS (SELECT 1 FROM {parent.table.name} AS p WHERE p.{parent.name} = "
                    f"c.{child})"
                )
            ).scalar_one()
            if found:
                counts[table.name] = counts.get(table.name, 0) + int(found)
    if not counts:
        return []
    total = sum(counts.values())
    what = "Eintrag verweist" if total == 1 else "Einträge verweisen"
    return [f"{total} {what} ins Leere (Tabellen: {', '.join(sorted(counts))})."]


def duplicate_numbers(conn: Connection) -> list[str]:
    findings = []
    for table, columns, label in UNIQUE_NUMBERS:
        listed = ", ".join(columns)
        clashes = conn.execute(
            text(
                f"SELECT count(*) FROM (SELECT {listed} FROM {table} GROUP BY {listed} "
                "HAVING count(*) > 1) AS d"
            )
        ).scalar_one()
        if clashes:
            findings.append(f"{clashes}× ist eine {label} mehrfach vergeben ({table}).")
    return findings


def search_index_findings(conn: Connection) -> list[str]:
    """Every searchable row has one entry in the index, and no entry's row is gone."""
    missing = stray = 0
    for _code, kind, table, _title, _body in SOURCES:
        missing += conn.execute(
            text(
                f"SELECT count(*) FROM {table} AS r WHERE NOT EXISTS (SELECT 1 FROM {FTS_TABLE} "
                f"AS f WHERE f.kind = '{kind}' AND f.ref = r.id)"
            )
        ).scalar_one()
        stray += conn.execute(
            text(
                f"SELECT count(*) FROM {FTS_TABLE} AS f WHERE f.kind = '{kind}' AND NOT EXISTS "
                f"(SELECT 1 FROM {table} AS r WHERE r.id = f.ref)"
            )
        ).scalar_one()
    if missing or stray:
        return [
            f"Der Suchindex ist nicht aktuell (fehlend: {missing}, überzählig: {stray}); "
            "die Suche findet nicht alles."
        ]
    return []
