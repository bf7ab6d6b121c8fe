"""The shared register's change journal: which rows changed, when, by whom (PostgreSQL only).

Every synced table has an AFTER trigger (migration 0010) that writes one row per inserted,
updated or deleted row into `sync_journal`: a rising id, the table, the row's id, the operation
(I/U/D), the writing transaction's id (`pg_current_xact_id()`), the time and the login. Laptops'
replicas pull by it (`sromod.services.sync_pull`). `sync_applied` holds, per replica, the ids of
the local changes a push has applied, written in the push's own transaction.

Why transaction ids and not the journal's own id: sequence numbers are handed out when a row is
written but become visible when its transaction commits, in another order. A reader that took
"every id above the last one I saw" would skip for ever a change whose transaction took a lower
id and committed after the read. Transaction ids have the property needed instead: every
transaction that has not finished when a snapshot is taken has an id at or above the snapshot's
xmin (`pg_snapshot_xmin`), and every transaction below it has finished. A pull therefore reads,
in one snapshot, exactly the entries of transactions with `from_xid <= xid < xmin(snapshot)`
(all finished, so all of their entries are visible or rolled back), and the next pull starts at
that xmin. A change committed later always has an xid at or above it: nothing is skipped. A
long transaction on the server only delays what later pulls see (they stop at its xid), and a
change read twice is harmless: a pull applies the row as it is now, not a difference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, text

from sromod.store.pg_triggers import create_function, create_triggers, drop_triggers
from sromod.store.reservations_pg import SETTING as REPLICA_SETTING

JOURNAL = "sync_journal"
APPLIED = "sync_applied"
FUNCTION = "sromod_journal_change"


def create_journal(conn: Connection, tables: Iterable[str]) -> None:
    """The journal and applied-changes tables and a journal trigger on every table given."""
    for statement in (
        f"CREATE TABLE {JOURNAL} (id bigserial PRIMARY KEY, table_name varchar(40) NOT NULL, "
        "row_id varchar(36) NOT NULL, operation char(1) NOT NULL, "
        "xid xid8 NOT NULL DEFAULT pg_current_xact_id(), "
        "changed_at timestamp NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'utc'), "
        "changed_by name NOT NULL DEFAULT session_user)",
        f"CREATE INDEX ix_{JOURNAL}_xid ON {JOURNAL} (xid)",
        f"CREATE TABLE {APPLIED} (replica_id varchar(36) NOT NULL, "
        "change_id varchar(36) NOT NULL, "
        "applied_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'), "
        "applied_by name NOT NULL DEFAULT session_user, PRIMARY KEY (replica_id, change_id))",
    ):
        conn.execute(text(statement))
    # The owner's privileges: an office lead writes a journal entry with a status change
    # without any privilege on the journal (session_user still names the login).
    create_triggers(conn, tables, FUNCTION, _body(), definer=True)


def record_replicas(conn: Connection) -> None:
    """Journal entries name the replica whose push wrote them (migration 0014).

    A push names its replica in its transaction (`sromod_begin_push` sets `sromod.replica`);
    every other writer leaves it empty. The replica's next pull leaves out the rows that only
    its own push wrote, as far as it holds them as sent (`sync_pull`).
    """
    conn.execute(text(f"ALTER TABLE {JOURNAL} ADD COLUMN IF NOT EXISTS replica_id varchar(36)"))
    create_function(conn, FUNCTION, _body("replica_id", _REPLICA), definer=True)


def forget_replicas(conn: Connection) -> None:
    create_function(conn, FUNCTION, _body(), definer=True)
    conn.execute(text(f"ALTER TABLE {JOURNAL} DROP COLUMN IF EXISTS replica_id"))


_REPLICA = f"nullif(current_setting('{REPLICA_SETTING}', true), '')"


def _body(column: str = "", value: str = "") -> str:
    more, given = (f", {column}", f", {value}") if column else ("", "")
    return (
        f"  INSERT INTO {JOURNAL}(table_name, row_id, operation{more}) VALUES (TG_TABLE_NAME,\n"
        f"    CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, left(TG_OP, 1){given});\n"
        "  RETURN NULL;"
    )


def drop_journal(conn: Connection, tables: Iterable[str]) -> None:
    drop_triggers(conn, tables, FUNCTION)
    conn.execute(text(f"DROP TABLE IF EXISTS {APPLIED}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {JOURNAL}"))


def has_journal(conn: Connection) -> bool:
    return bool(conn.execute(text(f"SELECT to_regclass('{JOURNAL}') IS NOT NULL")).scalar_one())


@dataclass(frozen=True)
class Touch:
    """The last journal entry of a row in a batch: what happened to it, when and by whom."""

    operation: str
    changed_at: datetime
    changed_by: str
    replica: str | None = None  # the replica whose pushes wrote every entry of the row here


@dataclass
class Batch:
    """The journal entries of finished transactions in [from_xid, horizon), per table."""

    from_xid: int
    horizon: int  # the next pull starts here
    rows: dict[str, dict[str, Touch]] = field(default_factory=lambda: defaultdict(dict))

    def __len__(self) -> int:
        return sum(len(ids) for ids in self.rows.values())


def read_batch(conn: Connection, from_xid: int) -> Batch:
    """The rows changed by transactions that finished below this transaction's snapshot's xmin.

    conn must be in a REPEATABLE READ transaction, so that the rows read afterwards are those of
    the same snapshot.
    """
    horizon = int(
        conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")).scalar_one()
    )
    batch = Batch(from_xid, max(horizon, from_xid))
    if horizon <= from_xid:
        return batch
    entries = conn.execute(
        text(
            "SELECT table_name, row_id, operation, changed_at, changed_by, replica_id "
            f"FROM {JOURNAL} WHERE xid >= CAST(:lo AS xid8) AND xid < CAST(:hi AS xid8) "
            "ORDER BY id"
        ),
        {"lo": str(from_xid), "hi": str(horizon)},
    )
    rows = batch.rows
    for table, row_id, operation, changed_at, changed_by, replica in entries:
        before = rows[table].get(row_id)
        alone = replica if before is None or before.replica == replica else None
        rows[table][row_id] = Touch(operation, changed_at, changed_by, alone)
    return batch


def snapshot_xmin(snapshot: str) -> int:
    """The xmin of a snapshot's text form "xmin:xmax:xip,…"."""
    return int(snapshot.split(":", 1)[0])
