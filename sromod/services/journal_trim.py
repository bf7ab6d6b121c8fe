"""Trimming the register's change journal (`sromod server trim-journal`, for the district's IT).

The journal grows by one entry per changed row. An entry is needed only until every replica has
pulled it: each replica's sync reports how far it has read (`replicas.pulled_xid`), and the
trimming deletes the entries below the lowest position of the valid replicas, in one
transaction, and logs it (`sync_journal_trims`). A replica that has not synced for longer than
`max_age_days` is left behind: its position no longer holds the journal back.

What a replica left behind gets: its next sync sees that its watermark lies below the trimmed
part and compares its whole scope with the register instead of reading the journal
(`sync_pull.fetch`): every row as the register has it, merged with the replica's own changes by
their state at the last sync, as always, and those changes are pushed. Refusing instead would
leave a coordinator whose laptop lay in a drawer for half a year only a new replica, and every
change on the laptop not yet synced (the minutes of the meeting it was taken to) would have to be
typed in again; the comparison costs a minute at most, once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, text

from sromod.services.errors import ServiceError
from sromod.services.local_zone import berlin_time
from sromod.services.wording import german_number
from sromod.store import Store
from sromod.store.journal import JOURNAL, has_journal
from sromod.store.journal_trim import TRIMS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Position:
    """A valid replica and how far it has read the journal (None: not reported yet)."""

    id: str
    login: str
    last_seen: datetime  # its last sync, or when it was made (naive UTC)
    pulled_xid: int | None


@dataclass
class TrimReport:
    deleted: int
    remaining: int
    below: int  # entries of transactions below this id are gone
    counted: list[Position] = field(default_factory=list)
    left_behind: list[Position] = field(default_factory=list)
    unreported: list[Position] = field(default_factory=list)  # held the trimming back


def trim_journal(store: Store, max_age_days: int | None = None) -> TrimReport:
    """Delete the journal's entries every valid replica has pulled; the owner of the register
    only. max_age_days: a replica not synced for longer is left behind (see the module)."""
    if max_age_days is not None and max_age_days < 1:
        raise ServiceError("--max-age nennt eine Zahl von Tagen, mindestens 1.")
    with store.engine.begin() as conn:
        _require_owner(conn)
        horizon = int(
            conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")).scalar_one()
        )
        report = _plan(_positions(conn), horizon, max_age_days)
        if report.below:
            report.deleted = conn.execute(
                text(f"DELETE FROM {JOURNAL} WHERE xid < CAST(:below AS xid8)"),
                {"below": str(report.below)},
            ).rowcount
        if report.deleted:
            behind = [p.id for p in report.left_behind]
            conn.execute(
                text(
                    f"INSERT INTO {TRIMS} (below_xid, entries, left_behind) "
                    "VALUES (CAST(:below AS xid8), :n, :behind)"
                ),
                {"below": str(report.below), "n": report.deleted, "behind": " ".join(behind)},
            )
        report.remaining = conn.execute(text(f"SELECT count(*) FROM {JOURNAL}")).scalar_one()
    log.info("Journal trimmed below %s: %s entries", report.below, report.deleted)
    return report


def _plan(positions: list[Position], horizon: int, max_age_days: int | None) -> TrimReport:
    report = TrimReport(0, 0, 0)
    now = datetime.now(UTC).replace(tzinfo=None)
    limit = now - timedelta(days=max_age_days) if max_age_days is not None else None
    for position in positions:
        if limit is not None and position.last_seen < limit:
            report.left_behind.append(position)
        elif position.pulled_xid is None:
            report.unreported.append(position)
        else:
            report.counted.append(position)
    if report.unreported:
        return report  # where they stand is unknown: nothing may go
    report.below = min([horizon, *(p.pulled_xid or 0 for p in report.counted)])
    report.left_behind = [p for p in report.left_behind if (p.pulled_xid or 0) < report.below]
    return report


def _positions(conn: Connection) -> list[Position]:
    rows = conn.execute(
        text(
            "SELECT id, login, coalesce(last_sync, made), pulled_xid::text FROM replicas "
            "WHERE void_at IS NULL ORDER BY made, id"
        )
    )
    return [Position(i, login, seen, int(xid) if xid else None) for i, login, seen, xid in rows]


def _require_owner(conn: Connection) -> None:
    if not has_journal(conn):
        raise ServiceError(
            "Dieses Register führt kein Änderungsprotokoll; es gibt nichts zu kürzen."
        )
    me, owner, superuser = conn.execute(
        text(
            "SELECT current_user, (SELECT tableowner FROM pg_tables WHERE tablename = :t "
            "AND schemaname = current_schema()), rolsuper FROM pg_roles "
            "WHERE rolname = current_user"
        ),
        {"t": JOURNAL},
    ).one()
    if me != owner and not superuser:
        raise ServiceError(
            f"Das Änderungsprotokoll kürzt nur der Eigentümer des Registers ({owner}), nicht "
            f"„{me}“; es wurde nichts gelöscht."
        )


def trim_lines(report: TrimReport, max_age_days: int | None) -> list[str]:
    """The German report of `server trim-journal`."""
    if report.unreported:
        lines = [
            "Nichts gekürzt: diese Repliken haben noch nicht gemeldet, wie weit sie das "
            "Änderungsprotokoll gelesen haben (das tut ihr nächster Abgleich; --max-age TAGE "
            "lässt Repliken zurück, die so lange nicht abgeglichen haben):"
        ]
        return lines + [f"  {_who(p)}" for p in report.unreported]
    lines = [
        f"Änderungsprotokoll gekürzt: {german_number(report.deleted)} "
        f"{'Eintrag' if report.deleted == 1 else 'Einträge'} gelöscht, "
        f"{german_number(report.remaining)} bleiben.",
        f"Alles Gelöschte haben alle {german_number(len(report.counted))} gültigen Repliken "
        "schon geholt."
        if report.counted
        else "Es gibt keine gültige Replik, die noch etwas davon bräuchte.",
    ]
    if report.left_behind:
        lines.append(
            f"Zurückgelassen (länger als {german_number(max_age_days or 0)} Tage nicht "
            "abgeglichen); ihr nächster Abgleich vergleicht die ganze Replik mit dem Register, "
            "ihre eigenen Änderungen bleiben erhalten und werden ins Register geschrieben:"
        )
        lines += [f"  {_who(p)}" for p in report.left_behind]
    return lines


def _who(position: Position) -> str:
    return f"{position.id} ({position.login}, zuletzt {berlin_time(position.last_seen):%d.%m.%Y})"
