"""Who may sync a replica: TLS off loopback, registered replicas that a coordinator can void.

- A sync reaches a server other than the laptop itself only over TLS with a verified certificate
  (`sslmode` verify-ca or verify-full): a replica carries people's data and decisions, and a
  coordinator's password; `tls_refusal` decides before anything connects.
- Every replica is registered on the server when it is made (`register_replica`, table
  `replicas`). A coordinator can declare a lost laptop's replica void (`void_replica`): its
  later syncs are refused before they change anything (`check_replica`), and the server
  itself refuses its push (`begin_push`, SQLSTATE SR002). Its meetings are released.
- A login removed from the server cannot connect; `sync_refusal` says so in the words of a sync.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sromod.services.errors import NotFound, ServiceError
from sromod.services.local_zone import berlin_time
from sromod.services.meetings import get_meeting, resolve_meeting_ref
from sromod.services.replica import ReplicaReport, create_replica, refuse_existing
from sromod.services.reservations import (
    RELEASED,
    Reservation,
    begin_push,
    check_replica,
    has_reservations,
    open_replica_state,
    require_coordinator,
    return_meetings,
    take_meetings,
)
from sromod.services.sync import save_state, sync_replica
from sromod.services.sync_pull import Outcome
from sromod.services.wording import german_number
from sromod.store import Store, open_store
from sromod.store.address import ServerAddress, masked
from sromod.store.journal import JOURNAL, snapshot_xmin
from sromod.store.journal_trim import TRIMS, note_pulled
from sromod.store.refusals import Refusal, RefusalKind, refusal_text, refused
from sromod.store.server import LoginRefused

log = logging.getLogger(__name__)

VERIFIED_MODES = ("verify-ca", "verify-full")
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


@dataclass(frozen=True)
class ReplicaEntry:
    """A replica as the register lists it (times naive UTC)."""

    id: str
    login: str
    made: datetime
    scope: str
    last_sync: datetime | None
    void_at: datetime | None
    void_by: str | None
    open_reservations: int
    behind: int | None = None  # journal entries since its last pull (None: not reported)
    left_behind: bool = False  # the journal was trimmed past its last pull


def is_loopback(host: str | None) -> bool:
    """Whether a URL's host is this computer: none (a local socket), a socket folder, loopback."""
    if not host or host.startswith("/"):
        return True
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve anywhere


def tls_refusal(url: str) -> str | None:
    """The German sentence refusing a sync to this server address, or None when it may go ahead."""
    refusal = tls_refusal_of(url)
    return refusal_text(refusal) if refusal else None


def tls_refusal_of(url: str) -> Refusal | None:
    """Why a sync to this server address is refused, or None when it may go ahead.

    Off loopback the address must ask for TLS with a verified certificate (verify-ca or
    verify-full); libpq's default `prefer` would talk in plain text to a server without TLS.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return Refusal(RefusalKind.BAD_ADDRESS)
    host = parsed.host or _query_value(parsed.query.get("host"))
    if is_loopback(host):
        return None
    if _query_value(parsed.query.get("sslmode")) in VERIFIED_MODES:
        return None
    return Refusal(RefusalKind.TLS_REQUIRED, value=masked(url))


def refuse_plain_text(url: str) -> None:
    """A ServiceError (with its refusal as data) unless a sync to url may go ahead."""
    refusal = tls_refusal_of(url)
    if refusal:
        raise refused(ServiceError, refusal)


def _query_value(value: str | tuple[str, ...] | None) -> str | None:
    if isinstance(value, tuple):
        return value[0] if value else None
    return value


def sync_refusal(login: str) -> Refusal:
    """The connection refusal of a sync, for a login the server rejects (removed, or a wrong
    password): the replica stays as it is."""
    return Refusal(RefusalKind.SYNC_LOGIN_REFUSED, login=login)


def register_replica(conn: Connection, replica_id: str, scope: str) -> None:
    """Record the new replica on the server, for the login of the session (any role)."""
    conn.execute(text("SELECT sromod_register_replica(:id, :scope)"), {"id": replica_id,
                                                                       "scope": scope})  # fmt: skip


def list_replicas(store: Store) -> list[ReplicaEntry]:
    """Every replica of the register, newest first."""
    if not has_reservations(store):
        return []
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.id, p.login, p.made, p.scope, p.last_sync, p.void_at, p.void_by, "
                "(SELECT count(*) FROM meeting_reservations r WHERE r.replica_id = p.id "
                "AND r.ended_at IS NULL), "
                "CASE WHEN p.pulled_xid IS NOT NULL THEN "
                f"(SELECT count(*) FROM {JOURNAL} j WHERE j.xid >= p.pulled_xid) END, "
                f"coalesce(p.pulled_xid < (SELECT max(below_xid) FROM {TRIMS}), false) "
                "FROM replicas p ORDER BY p.made DESC, p.id"
            )
        )
        return [ReplicaEntry(*row) for row in rows]


def void_replica(store: Store, replica_id: str, reason: str) -> ReplicaEntry:
    """A coordinator declares a replica void: its syncs are refused, its meetings released."""
    require_coordinator(store, "eine Replik für ungültig erklären")
    why = reason.strip() or "Replik für ungültig erklärt"
    with store.engine.begin() as conn:
        found = conn.execute(
            text(
                "UPDATE replicas SET void_at = coalesce(void_at, now() AT TIME ZONE 'utc'), "
                "void_by = coalesce(void_by, session_user), void_reason = :why "
                "WHERE id = :id RETURNING id"
            ),
            {"id": replica_id.strip(), "why": why},
        ).first()
        if found is None:
            raise NotFound(
                f"Eine Replik mit der ID „{replica_id}“ kennt das Register nicht "
                "(„sromod server replicas“ listet sie)."
            )
        conn.execute(
            text(
                "UPDATE meeting_reservations SET ended_at = (now() AT TIME ZONE 'utc'), "
                "ended_by = session_user, ended_how = :how, reason = :why "
                "WHERE replica_id = :id AND ended_at IS NULL"
            ),
            {"id": replica_id.strip(), "how": RELEASED, "why": f"Replik ungültig: {why}"},
        )
    log.info("Replica %s declared void", replica_id)
    return next(r for r in list_replicas(store) if r.id == replica_id.strip())


def require_known_server(store: Store) -> None:
    if not has_reservations(store):
        raise ServiceError(
            "Dieses Register kennt noch keine Repliken; bitte mit der aktuellen sromod-Version "
            "öffnen (die das Schema erneuert)."
        )


@dataclass(frozen=True)
class Wanted:
    """A meeting to take along, resolved on the register before the copy starts."""

    meeting_id: str
    body_id: str
    label: str  # "StR Nord/1"


def meetings_to_take(server: Store, refs: list[str]) -> list[Wanted]:
    """The meetings named by --take (id or KURZNAME/NUMMER); one sentence for an unknown one."""
    if not refs:
        return []
    require_coordinator(server, "eine Sitzung für die Sitzung mitnehmen")
    wanted = []
    for ref in refs:
        meeting_id = resolve_meeting_ref(server, ref)
        info = get_meeting(server, meeting_id)
        wanted.append(Wanted(meeting_id, info.body_id, f"{info.body_short_name}/{info.number}"))
    return wanted


@dataclass
class FirstCopy:
    """Run when a first copy has every row: register the replica, take the meetings along.

    One transaction on the server; it adds the reservations to the replica's sync state
    (`taken`), so the laptop shows which meetings it has.
    """

    server: Store
    wanted: list[Wanted]

    def __call__(self, report: ReplicaReport) -> None:
        state = report.state
        scope = state["scope"]
        for meeting in self.wanted:
            if meeting.body_id not in scope["body_ids"]:
                raise ServiceError(
                    f"Die Sitzung {meeting.label} gehört zu keinem Gremium der Replik "
                    f"({', '.join(scope['short_names'])}); es wurde keine Replik angelegt."
                )
        with self.server.engine.begin() as conn:
            register_replica(conn, state["replica_id"], ", ".join(scope["short_names"]))
            note_pulled(conn, state["replica_id"], snapshot_xmin(state["watermark"]["snapshot"]))
            taken = take_meetings(conn, state["replica_id"], [m.meeting_id for m in self.wanted])
        state["taken"] = [
            {"meeting_id": r.meeting_id, "label": f"{r.body_short_name}/{r.number}",
             "since": r.since.isoformat(timespec="seconds")}
            for r in taken
        ]  # fmt: skip


def open_for_sync(address: ServerAddress) -> Store:
    """The register for a sync; a login the server refuses gets the sync's own sentence."""
    try:
        return open_store(address, create=False)
    except LoginRefused:
        login = make_url(address.url).username or ""
        raise refused(LoginRefused, sync_refusal(login)) from None


def taken_lines(state: dict[str, Any]) -> list[str]:
    """The command line's German lines about the meetings the replica took along."""
    return [
        f"Für die Sitzung mitgenommen: {taken['label']} (bis zum nächsten Abgleich ändert sie "
        "im Register niemand sonst)."
        for taken in state.get("taken", [])
    ]


def replica_lines(replicas: list[ReplicaEntry], out: list[Reservation]) -> list[str]:
    """The German listing of `server replicas`: one line per replica, then the meetings out."""
    if not replicas:
        return ["Das Register kennt keine Repliken."]
    lines = []
    for entry in replicas:
        synced = _when(entry.last_sync) if entry.last_sync else "nie"
        if entry.left_behind:
            synced += " (zurückgelassen: das Protokoll ist gekürzt; sie gleicht sich ganz ab)"
        elif entry.behind is not None:
            synced += f", seither {german_number(entry.behind)} Änderungen im Register"
        elif not entry.void_at:
            synced += " (Stand noch nicht gemeldet)"
        state = (
            f"UNGÜLTIG seit {_when(entry.void_at)} ({entry.void_by})" if entry.void_at else "gültig"
        )
        lines.append(
            f"{entry.id}  {entry.login}  angelegt {_when(entry.made)}  letzter Abgleich "
            f"{synced}  {entry.scope or '—'}  {state}"
        )
    lines.append("")
    lines.append("Mitgenommene Sitzungen:" if out else "Keine Sitzung ist mitgenommen.")
    for held in out:
        lines.append(
            f"  {held.body_short_name}/{held.number}  von {held.login} seit {_when(held.since)}  "
            f"(Replik {held.replica_id})"
        )
    return lines


def _when(utc: datetime | None) -> str:
    return f"{berlin_time(utc):%d.%m.%Y %H:%M}" if utc else "—"


def first_copy(
    server: Store,
    path: Path,
    short_names: list[str] | None,
    take: list[str],
    progress: Callable[[str], None] | None = None,
) -> ReplicaReport:
    """A new replica at path, registered on the server, with the meetings `take` taken along.

    Refuses (one German sentence, nothing made) a sync in plain text off loopback, an existing
    file and an unknown meeting, before the copy starts.
    """
    assert server.server is not None, "a first copy needs a register on a server"
    refuse_plain_text(server.server.url)
    refuse_existing(path)
    hook = FirstCopy(server, meetings_to_take(server, take))
    return create_replica(server, path, short_names, progress, on_copied=hook)


@dataclass
class SyncResult:
    """A sync of an existing replica: the sync's outcome, the meetings returned and taken."""

    outcome: Outcome
    returned: list[str] = field(default_factory=list)  # "StR Nord/13"
    taken: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The German lines the command line adds to the sync's report."""
        found = []
        if self.returned:
            found.append(f"Zurückgegeben: {', '.join(self.returned)}.")
        if self.taken:
            found.append(
                f"Für die Sitzung mitgenommen: {', '.join(self.taken)} (bis zum nächsten Abgleich "
                "ändert sie im Register niemand sonst)."
            )
        return found


def sync_with_register(
    replica: Store,
    take: list[str],
    progress: Callable[[str], None] | None = None,
    *,
    server: Store | None = None,
    password: str | None = None,
) -> SyncResult:
    """Sync the replica (services.sync) with its security around it: TLS off loopback, a void
    replica refused before anything changes, then the meetings it had taken along returned and
    those of `take` taken, in one transaction after the push. server: the register already
    open (the command line); else the replica's own address, with `password` (the window asked
    for it) or else the password file's.
    """
    state = open_replica_state(replica)
    if server is None:
        if not state:
            raise refused(ServiceError, Refusal(RefusalKind.NOT_A_REPLICA))
        address = ServerAddress(with_password(state["server"], password))
        refuse_plain_text(address.url)
        with open_for_sync(address) as opened:
            return sync_with_register(replica, take, progress, server=opened)
    wanted = meetings_to_take(server, take)
    if state:
        with server.engine.connect() as conn:
            check_replica(conn, state["replica_id"])
    outcome = sync_replica(server, replica, progress)
    result = SyncResult(outcome)
    state = open_replica_state(replica)  # the sync saved its new watermark
    with server.engine.begin() as conn:
        begin_push(conn, state["replica_id"])
        returned = return_meetings(conn, state["replica_id"])
        taken = take_meetings(conn, state["replica_id"], [w.meeting_id for w in wanted])
    result.returned = [
        _label(server, m) for m in returned if m not in {w.meeting_id for w in wanted}
    ]
    result.taken = [f"{r.body_short_name}/{r.number}" for r in taken]
    state["taken"] = _taken_state(taken)
    save_state(replica, state)
    return result


def with_password(url: str, password: str | None) -> str:
    """The register's address with the password the user typed (none: libpq's password file)."""
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _label(server: Store, meeting_id: str) -> str:
    try:
        return get_meeting(server, meeting_id).ref
    except NotFound:
        return meeting_id


def _taken_state(taken: list[Reservation]) -> list[dict[str, str]]:
    return [
        {"meeting_id": r.meeting_id, "label": f"{r.body_short_name}/{r.number}",
         "since": r.since.isoformat(timespec="seconds")}
        for r in taken
    ]  # fmt: skip
