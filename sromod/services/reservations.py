"""Taking a meeting along on a laptop ("Für die Sitzung mitnehmen"): reservations on the register.

A replica takes meetings along when it syncs (the laptop is online then): `take_meetings` runs in
the sync's transaction on the server. While a meeting is out, the server refuses everyone else's
changes to its agenda, attendance, decisions and minutes (a trigger, `store.reservations_pg`);
tasks stay editable. The reservation ends with the replica's next sync (`return_meetings`) or when
a coordinator releases it (`release_meeting`, with a reason that the register keeps).

On a laptop's file there are no reservations: every function reading them returns nothing there.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from sromod.services.errors import NotFound, ServiceError
from sromod.services.meetings import resolve_meeting_ref
from sromod.services.replica import STATE_KEY
from sromod.store import Store
from sromod.store.refusals import Refusal, refused
from sromod.store.reservations_pg import reserved_refusal, reserved_sentence, void_error

log = logging.getLogger(__name__)

RETURNED, RELEASED = "returned", "released"

_SELECT = (
    "SELECT r.id, r.meeting_id, r.replica_id, r.login, r.since, b.short_name, m.number "
    "FROM meeting_reservations r JOIN meetings m ON m.id = r.meeting_id "
    "JOIN bodies b ON b.id = m.body_id WHERE r.ended_at IS NULL"
)


@dataclass(frozen=True)
class Reservation:
    """An open reservation: which replica (and login) has the meeting, since when (naive UTC)."""

    id: str
    meeting_id: str
    replica_id: str
    login: str
    since: datetime
    body_short_name: str
    number: int

    @property
    def sentence(self) -> str:
        """Why a change to the meeting is refused, in German."""
        return reserved_sentence(self.body_short_name, self.number, self.login, self.since)

    @property
    def refusal(self) -> Refusal:
        """The same as data, for the window's language."""
        return reserved_refusal(self.body_short_name, self.number, self.login, self.since)


def has_reservations(store: Store) -> bool:
    """Whether the store knows reservations: a register on a server, not a laptop's file."""
    if store.server is None:
        return False
    with store.engine.connect() as conn:
        return bool(
            conn.execute(text("SELECT to_regclass('meeting_reservations') IS NOT NULL")).scalar()
        )


def reservation_of(store: Store, meeting_id: str) -> Reservation | None:
    """The meeting's open reservation, or None (also on a laptop's file)."""
    if not has_reservations(store):
        return None
    with store.engine.connect() as conn:
        row = conn.execute(text(_SELECT + " AND r.meeting_id = :m"), {"m": meeting_id}).first()
    return Reservation(*row) if row is not None else None


def open_reservations(store: Store) -> list[Reservation]:
    """Every meeting that is out, oldest first."""
    if not has_reservations(store):
        return []
    with store.engine.connect() as conn:
        return [Reservation(*row) for row in conn.execute(text(_SELECT + " ORDER BY r.since"))]


def take_meetings(conn: Connection, replica_id: str, meeting_ids: list[str]) -> list[Reservation]:
    """Reserve the meetings for the replica, in the caller's transaction on the server.

    One German sentence (ServiceError) when a meeting is already out with another replica;
    a meeting this replica already has stays as it is.
    """
    taken = []
    for meeting_id in meeting_ids:
        held = conn.execute(text(_SELECT + " AND r.meeting_id = :m"), {"m": meeting_id}).first()
        if held is not None and held.replica_id != replica_id:
            raise refused(ServiceError, Reservation(*held).refusal)
        if held is None:
            conn.execute(
                text(
                    "INSERT INTO meeting_reservations (id, meeting_id, replica_id, login) "
                    "VALUES (:id, :m, :r, session_user)"
                ),
                {"id": str(uuid.uuid4()), "m": meeting_id, "r": replica_id},
            )
        row = conn.execute(text(_SELECT + " AND r.meeting_id = :m"), {"m": meeting_id}).one()
        taken.append(Reservation(*row))
    log.info("Replica %s took %d meetings along", replica_id, len(taken))
    return taken


def return_meetings(conn: Connection, replica_id: str) -> list[str]:
    """End the replica's reservations (its sync brought the meetings back); their meeting ids."""
    returned = conn.execute(
        text(
            "UPDATE meeting_reservations SET ended_at = (now() AT TIME ZONE 'utc'), "
            "ended_by = session_user, ended_how = :how "
            "WHERE replica_id = :r AND ended_at IS NULL RETURNING meeting_id"
        ),
        {"r": replica_id, "how": RETURNED},
    ).scalars()
    meetings = list(returned)
    log.info("Replica %s returned %d meetings", replica_id, len(meetings))
    return meetings


def begin_push(conn: Connection, replica_id: str) -> None:
    """Open the replica's push in the caller's transaction: the server refuses a void replica
    (ReplicaVoid) and lets this replica change the meetings it has taken along."""
    conn.execute(text("SELECT sromod_begin_push(:id)"), {"id": replica_id})


def check_replica(conn: Connection, replica_id: str) -> None:
    """Before a sync changes anything: ReplicaVoid (one sentence) for a void replica."""
    void_at = conn.execute(
        text("SELECT void_at FROM replicas WHERE id = :id"), {"id": replica_id}
    ).scalar()
    if void_at is not None:
        log.warning("Sync of void replica %s refused", replica_id)
        raise void_error()


def release_meeting(store: Store, meeting_ref: str, reason: str) -> Reservation:
    """A coordinator ends a reservation by hand (a lost laptop); the reason stays in the register."""
    if not reason.strip():
        raise ServiceError(
            "Bitte geben Sie einen Grund für die Freigabe an (etwa „Laptop verloren“); er "
            "bleibt im Register vermerkt."
        )
    require_coordinator(store, "eine mitgenommene Sitzung freigeben")
    meeting_id = resolve_meeting_ref(store, meeting_ref)
    held = reservation_of(store, meeting_id)
    if held is None:
        raise NotFound(f"Die Sitzung „{meeting_ref}“ ist nicht für eine Sitzung mitgenommen.")
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE meeting_reservations SET ended_at = (now() AT TIME ZONE 'utc'), "
                "ended_by = session_user, ended_how = :how, reason = :why "
                "WHERE id = :id AND ended_at IS NULL"
            ),
            {"id": held.id, "how": RELEASED, "why": reason.strip()},
        )
    log.info("Reservation %s of meeting %s released by hand", held.id, meeting_id)
    return held


def require_coordinator(store: Store, what: str) -> None:
    """One German sentence unless the login may edit everything (koordination, the owner)."""
    if store.server is None:
        raise ServiceError(
            f"Nur in einem Register auf einem Server lässt sich {what}; eine Datei auf diesem "
            "Rechner kennt keine Repliken."
        )
    if not store.access.may_edit_everything:
        raise ServiceError(
            f"Nur eine Anmeldung der Koordination darf {what}; Ihre Anmeldung "
            f"„{store.access.login}“ darf es nicht. Es wurde nichts geändert."
        )


@dataclass(frozen=True)
class ReservationView:
    """What the meeting screen says about a meeting that is out (times naive UTC).

    here: the open store is the replica that took it (it may change the meeting); otherwise the
    store is the register and refuses changes until the meeting comes back.
    """

    label: str
    login: str
    since: datetime
    here: bool


def reservation_view(store: Store, meeting_id: str) -> ReservationView | None:
    """The meeting's reservation as the open store knows it: on the register its open
    reservation, on a replica the meetings it took along (its sync state)."""
    if store.server is not None:
        held = reservation_of(store, meeting_id)
        if held is None:
            return None
        label = f"{held.body_short_name}/{held.number}"
        return ReservationView(label, held.login, held.since, here=False)
    state = open_replica_state(store)
    for taken in state.get("taken", []):
        if taken["meeting_id"] == meeting_id:
            since = datetime.fromisoformat(taken["since"])
            return ReservationView(taken["label"], str(state["login"]), since, here=True)
    return None


def open_replica_state(store: Store) -> dict[str, Any]:
    """The sync state of an open replica ({} for a store that is no replica)."""
    with store.engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM settings WHERE key = :key"), {"key": STATE_KEY}
        ).scalar()
    return dict(json.loads(value)) if value else {}
