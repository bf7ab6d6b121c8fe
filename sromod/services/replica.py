"""A laptop's replica of the shared register: a full sromod store holding one scope of it.

The first `sromod sync` copies the scope (`replica_scope`) from one consistent snapshot of the
register (a REPEATABLE READ, READ ONLY transaction) into a new SQLite store. The store is made
beside its final name and moved there only when complete (`open_store`'s creation), so a
killed run leaves no replica, only a half-made file that the next run removes.

The replica records its sync state in its settings (key `sync.replica`, JSON): the server's
address without password, the replica's own id, the scope, when it was made, and the watermark
for the next pull: the server's transaction snapshot the copy saw (`pg_current_snapshot()`:
every transaction not visible in it changed rows after the copy), the server's clock at the copy
and the newest `updated_at` copied.

Later runs bring the replica up to date both ways (`sromod.services.sync`); from its creation on,
the replica journals its own changes (`sromod.store.replica_journal`).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select, text
from sqlalchemy.engine import URL, make_url

from sromod.models import Base
from sromod.services.errors import ServiceError
from sromod.services.replica_scope import (
    CONTEXT_BODY_BLANKS,
    Scope,
    named_scope,
    office_scope,
    row_queries,
)
from sromod.services.server_import_report import TABLE_NAMES
from sromod.services.wording import german_number
from sromod.store import Store, open_store
from sromod.store.errors import quoted
from sromod.store.laptop import laptop_store
from sromod.store.replica_journal import install_local_journal

log = logging.getLogger(__name__)

STATE_KEY = "sync.replica"
BATCH = 2000  # rows fetched and written at a time
Progress = Callable[[str], None]


@dataclass
class ReplicaReport:
    """What the first sync copied."""

    path: Path
    state: dict[str, Any]
    copied: Counter[str] = field(default_factory=Counter)
    withheld: Counter[str] = field(default_factory=Counter)  # table.column -> references left empty


def create_replica(
    server: Store,
    path: Path,
    short_names: list[str] | None = None,
    progress: Progress | None = None,
    on_copied: Callable[[ReplicaReport], None] | None = None,
) -> ReplicaReport:
    """Make the replica at path of the register `server` for the bodies short_names.

    Without short_names the scope is the bodies in which the login's office has a member.
    Refuses (ServiceError, one German sentence, no file made) an existing file at path.
    on_copied runs when every row is copied, before the state is written and the file takes
    its name (it registers the replica on the server and takes meetings along; it may add to
    report.state, and an exception from it leaves no file).
    """
    say = progress or (lambda _line: None)
    refuse_existing(path)
    if server.server is None:
        raise ServiceError("„sync“ braucht mit --server ein Register auf einem PostgreSQL-Server.")
    with server.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.execute(text("SET TRANSACTION READ ONLY"))
            scope = _scope(conn, server, short_names)
            say(f"Replik für {', '.join(scope.short_names)}: Daten werden vom Server geholt …")
            state = _state(conn, server, scope)
            report = ReplicaReport(path, state)

            def fill(replica: Store) -> None:
                _copy(conn, replica, scope, report, say, on_copied)

            open_store(path, initialise=fill).close()
    log.info("Replica created: %s tables, withheld %s", dict(report.copied), dict(report.withheld))
    return report


def refuse_existing(path: Path) -> None:
    """One German sentence when path holds a file that is no replica (a laptop's own store)."""
    if path.exists() and read_state(path) is None:
        raise ServiceError(
            f"Die Datei {quoted(path)} gibt es schon und sie ist keine Replik des Registers; "
            "„sync“ legt eine Replik nur in einer neuen Datei an. Die Datei bleibt unverändert."
        )


def read_state(path: Path) -> dict[str, Any] | None:
    """The sync state of the store at path, or None for a store that is no replica."""
    with laptop_store(path) as store, store.engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM settings WHERE key = :key"), {"key": STATE_KEY}
        ).scalar()
    return json.loads(value) if value else None


def _scope(conn: Connection, server: Store, short_names: list[str] | None) -> Scope:
    if short_names:
        return named_scope(conn, short_names)
    return office_scope(conn, server.access.office_id, server.access.login)


def _state(conn: Connection, server: Store, scope: Scope) -> dict[str, Any]:
    snapshot, clock = conn.execute(text("SELECT pg_current_snapshot()::text, now()")).one()
    assert server.server is not None
    url = make_url(server.server.url)  # without its password (URL.set ignores a None)
    address = URL.create("postgresql", url.username, None, url.host, url.port, url.database,
                         url.query)  # fmt: skip
    return {
        "server": address.render_as_string(hide_password=False),
        "login": server.access.login,
        "replica_id": str(uuid.uuid4()),
        "scope": {
            "rule": scope.rule,
            "body_ids": list(scope.body_ids),
            "short_names": list(scope.short_names),
        },
        "synced_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "watermark": {"snapshot": snapshot, "server_time": clock.isoformat()},
    }


def _copy(
    conn: Connection,
    replica: Store,
    scope: Scope,
    report: ReplicaReport,
    say: Progress,
    on_copied: Callable[[ReplicaReport], None] | None = None,
) -> None:
    """Every table's rows of the scope into the new replica, then its sync state."""
    queries = row_queries(scope)
    kept: dict[str, set[str]] = {}
    newest: datetime | None = None
    with replica.engine.begin() as out:
        out.exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # sub-TOPs before their TOP
        for table in Base.metadata.sorted_tables:
            query = queries[table.name]
            kept[table.name] = set(conn.scalars(select(query.subquery().c.id)))  # sub-TOPs' TOPs
            result = conn.execution_options(stream_results=True).execute(query)
            for batch in result.mappings().partitions(BATCH):
                rows = [dict(r) for r in batch]
                for row in rows:
                    minimise(table, row, scope, kept, report.withheld)
                    newest = max(newest or row["updated_at"], row["updated_at"])
                out.execute(table.insert(), rows)
                report.copied[table.name] += len(rows)
            say(
                f"  {TABLE_NAMES.get(table.name, ('', table.name))[1]}: {report.copied[table.name]}"
            )
        report.state["watermark"]["max_updated_at"] = newest.isoformat() if newest else None
        if on_copied is not None:
            on_copied(report)
        out.execute(
            Base.metadata.tables["settings"].insert(),
            {"id": str(uuid.uuid4()), "key": STATE_KEY, "value": json.dumps(report.state)},
        )
        install_local_journal(out)  # from now on every local change is journaled


def minimise(
    table: Table,
    row: dict[str, Any],
    scope: Scope,
    kept: dict[str, set[str]],
    withheld: Counter[str],
) -> None:
    """Leave empty what the replica must not hold: references to rows it does not have, and a
    context body's place, description, distribution list and people."""
    if table.name == "bodies" and row["id"] not in scope.body_ids:
        for column in CONTEXT_BODY_BLANKS:
            row[column] = None
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        if value is not None and value not in kept[fk.column.table.name]:
            if not fk.parent.nullable:  # the scope's queries never let this happen
                raise AssertionError(f"{table.name}.{fk.parent.name} outside the replica")
            row[fk.parent.name] = None
            withheld[f"{table.name}.{fk.parent.name}"] += 1


def _count(n: int, table: str) -> str:
    one, several = TABLE_NAMES[table]
    return f"{german_number(n)} {one if n == 1 else several}"


def progress_lines(report: ReplicaReport) -> list[str]:
    """The German closing lines of the command line."""
    scope = report.state["scope"]
    how = (
        "mit --body genannt"
        if scope["rule"] == "named"
        else f"die Gremien, in denen das Amt der Anmeldung „{report.state['login']}“ Mitglied ist"
    )
    withheld = sum(report.withheld.values())
    lines = [
        f"Replik angelegt: {report.path}",
        f"Gremien: {', '.join(scope['short_names'])} ({how}).",
        ", ".join(_count(report.copied[t], t) for t in ("meetings", "tasks", "persons")) + ".",
    ]
    if withheld:
        lines.append(
            f"{german_number(withheld)} Verweise auf Einträge außerhalb der Replik (etwa die Person einer "
            "Aufgabe eines anderen Gremiums) bleiben in der Replik leer; im Register stehen sie."
        )
    return lines
