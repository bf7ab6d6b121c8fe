"""`sromod sync` on an existing replica: pull the register's changes, then push the local ones.

Order: pull first, then push. The merge of both sides happens on the replica during the pull,
where conflicts are kept (the register never has to hold a replica's conflicts); after the pull
every local change left is a difference against the register's current state, so the push only
writes what was changed here, checked against the row's version. A change the register took
after the pull (a race) is not forced: it waits, and the next sync merges it. Pushing first would
have to merge on the register and bring conflicts back, and a push killed after its commit would
lose them.

Each step is one transaction on each side: the pull's on the replica (with its watermark), the
push's on the register (with the ids of its changes) and then the replica's taking note of it.
A kill anywhere leaves both consistent; the next sync pulls the pushed rows back (they then
agree), or finds the change ids applied, so nothing is applied twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from sromod.services.errors import ServiceError
from sromod.services.replica import STATE_KEY
from sromod.services.server_import_report import counted
from sromod.services.sync_local import step
from sromod.services.sync_pull import Echo, Outcome, apply, fetch, scope_of
from sromod.services.sync_push import collect, echoes, push_changes, settle
from sromod.services.wording import german_number
from sromod.store import Store
from sromod.store.address import masked
from sromod.store.journal import has_journal, snapshot_xmin
from sromod.store.journal_trim import note_pulled
from sromod.store.refusals import Refusal, RefusalKind, refused
from sromod.store.replica_journal import install_local_journal, is_replica_journal, set_applying

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


def sync_replica(server: Store, replica: Store, progress: Progress | None = None) -> Outcome:
    """Bring the replica up to date with the register and the register with the replica."""
    say = progress or (lambda _line: None)
    state = load_state(replica)
    _check_server(server, state)
    out = Outcome()
    say("Änderungen im Register werden geholt …")
    from_xid = state["watermark"].get("xid") or snapshot_xmin(state["watermark"]["snapshot"])
    echo = Echo(state["replica_id"], state.get("echo", {}))
    incoming = fetch(server, replica, int(from_xid), scope_of(state), out, echo)
    step("fetched")
    with _replica_transaction(replica) as conn:
        if len(incoming.batch) or out.reread:
            apply(conn, incoming, out, state["login"])
        state["watermark"]["xid"] = incoming.batch.horizon
        state["echo"] = {}  # a later pull reads later entries only
        state["synced_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        _save_state(conn, state)
        step("pulled")
    with server.engine.begin() as conn:  # after the replica's commit: never ahead of it
        note_pulled(conn, state["replica_id"], incoming.batch.horizon)
    with replica.engine.connect() as conn:
        changes = collect(conn)
    if changes:
        say(
            f"{german_number(len(changes))} Änderungen der Replik werden ins Register geschrieben …"
        )
        results = push_changes(server, state["replica_id"], changes)
        step("pushed")
        with _replica_transaction(replica) as conn:
            settle(conn, changes, results, out, state["login"])
            state["echo"] = echoes(changes, results)  # the next pull need not fetch them back
            _save_state(conn, state)
            step("settled")
    log.info("sync: pulled %s, pushed %s, conflicts %s", dict(out.pulled), dict(out.pushed),
             out.conflicts)  # fmt: skip
    return out


class _replica_transaction:  # used as a context manager, like engine.begin()
    """A write transaction on the replica with its journal's triggers silent and foreign keys
    checked at the commit (rows arrive in any order within a table)."""

    def __init__(self, replica: Store) -> None:
        self._begin = replica.engine.execution_options(sromod_writes=True).begin()

    def __enter__(self) -> Connection:
        conn = self._begin.__enter__()
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        set_applying(conn, True)
        self._conn = conn
        return conn

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            set_applying(self._conn, False)
        self._begin.__exit__(*exc)


def load_state(replica: Store) -> dict[str, Any]:
    """The replica's sync state; a store that is no replica gets one German sentence."""
    with replica.engine.connect() as conn:
        value = None
        if conn.dialect.name == "sqlite":
            value = conn.execute(
                text("SELECT value FROM settings WHERE key = :k"), {"k": STATE_KEY}
            ).scalar()
        journal = is_replica_journal(conn) if value else False
    if not value:
        raise refused(ServiceError, Refusal(RefusalKind.NOT_A_REPLICA, value=str(replica.location)))
    if not journal:  # a replica made before the local journal existed
        with replica.engine.begin() as conn:
            install_local_journal(conn)
    state: dict[str, Any] = json.loads(value)
    return state


def save_state(replica: Store, state: dict[str, Any]) -> None:
    """Write the replica's sync state in a transaction of its own (no change to push)."""
    with _replica_transaction(replica) as conn:
        _save_state(conn, state)


def _save_state(conn: Connection, state: dict[str, Any]) -> None:
    conn.execute(
        text("UPDATE settings SET value = :v WHERE key = :k"),
        {"v": json.dumps(state), "k": STATE_KEY},
    )


def _check_server(server: Store, state: dict[str, Any]) -> None:
    if server.server is None:
        raise ServiceError("„sync“ braucht mit --server ein Register auf einem PostgreSQL-Server.")
    mine, given = make_url(state["server"]), make_url(server.server.url)
    if (mine.host, mine.port, mine.database) != (given.host, given.port, given.database):
        mine_shown = Refusal(RefusalKind.OTHER_REGISTER, value=masked(state["server"]))
        raise refused(ServiceError, mine_shown)
    with server.engine.connect() as conn:
        if not has_journal(conn):
            raise refused(ServiceError, Refusal(RefusalKind.NO_JOURNAL))


def report_lines(out: Outcome) -> list[str]:
    """The German report of a sync: pushed, pulled, merged, conflicts, renumbered."""
    pushed, pulled = sum(out.pushed.values()), sum(out.pulled.values())
    lines = [
        "Abgleich abgeschlossen.",
        f"Ins Register geschrieben: {_tables(out.pushed) if pushed else 'nichts'}.",
        f"Aus dem Register geholt: {_tables(out.pulled) if pulled else 'nichts'}.",
    ]
    if out.merged:
        lines.append(
            "Zusammengeführt (hier und im Register in verschiedenen Feldern geändert): "
            f"{german_number(out.merged)} {'Eintrag' if out.merged == 1 else 'Einträge'}."
        )
    if out.conflicts:
        lines.append(
            f"Konflikte: {german_number(out.conflicts)}. Bis zu Ihrer Entscheidung gilt der Wert "
            "des Registers; Ihr Wert ist aufbewahrt (Liste der Konflikte im Fenster)."
        )
    if out.reread:
        lines.append(
            "Das Änderungsprotokoll des Registers war seit Ihrem letzten Abgleich gekürzt; die "
            "Replik wurde deshalb ganz mit dem Register verglichen. Ihre eigenen Änderungen sind "
            "erhalten und wurden ins Register geschrieben."
        )
    if out.renumbered:
        lines.append("Neu nummeriert (die Nummer war im Register schon vergeben):")
        lines += [f"  {r.old} → {r.new}" for r in out.renumbered]
    if out.waiting:
        lines.append(
            f"{german_number(out.waiting)} Änderungen wurden im Register gerade von anderen "
            "geändert; der nächste Abgleich führt sie zusammen."
        )
    return lines


def _tables(counts: Any) -> str:
    return ", ".join(counted(n, t) for t, n in sorted(counts.items()) if n)
