"""Replicas and meeting reservations on a shared register, enforced by the server (PostgreSQL only).

`replicas` lists every laptop replica made of the register (id, login, when; void_at/void_by
once a coordinator declared it void). `meeting_reservations` records which replica took which
meeting along ("Für die Sitzung mitnehmen") and since when; a row stays as the log once the
reservation ends (returned by the replica's sync, or released by a coordinator with a reason).

While a reservation is open, a trigger on the meeting's rows (the meeting itself, its TOPs,
their regions, attendance, decisions and their regions, attachments, Wiedervorlage reviews)
refuses every change, except in a transaction of the reserving replica's login that named the
replica (`SELECT sromod_begin_push(:id)`, which refuses a void replica, sets the transaction's
`sromod.replica`). The refusal carries SQLSTATE `SR001` and the reservation in its DETAIL (JSON),
so the program words it; psql shows a German sentence. Tasks have no such trigger: office leads
keep changing them.

Registration and the push's start run as the owner (SECURITY DEFINER): an office lead's login
may register its own replica without the right to write the table, and the login recorded is
the session's, never one the caller names.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Connection, text

from sromod.store.errors import StoreError
from sromod.store.refusals import Refusal, RefusalKind, refusal_text, refused

RESERVED = "SR001"  # SQLSTATE of a change to a meeting another replica has taken along
VOID = "SR002"  # SQLSTATE of a void replica's push
SETTING = "sromod.replica"
GUARD = "sromod_reservation_guard"
# table -> how the trigger finds its meeting: the row itself, or through a column.
GUARDED = {
    "meetings": "self",
    "agenda_items": "meeting_id",
    "attendances": "meeting_id",
    "attachments": "meeting_id",
    "agenda_item_regions": "agenda_item_id",
    "task_reviews": "agenda_item_id",
    "decisions": "agenda_item_id",
    "decision_regions": "decision_id",
}
TABLES = ("replicas", "meeting_reservations")

_UTC_NOW = "(now() AT TIME ZONE 'utc')"

_DDL = (
    "CREATE TABLE IF NOT EXISTS replicas ("
    " id varchar(36) PRIMARY KEY,"
    " login name NOT NULL,"
    f" made timestamp NOT NULL DEFAULT {_UTC_NOW},"
    " scope text NOT NULL DEFAULT '',"
    " last_sync timestamp,"
    " void_at timestamp,"
    " void_by name,"
    " void_reason text)",
    "CREATE TABLE IF NOT EXISTS meeting_reservations ("
    " id varchar(36) PRIMARY KEY,"
    " meeting_id varchar(36) NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " replica_id varchar(36) NOT NULL REFERENCES replicas(id),"
    " login name NOT NULL,"
    f" since timestamp NOT NULL DEFAULT {_UTC_NOW},"
    " ended_at timestamp,"
    " ended_by name,"
    " ended_how varchar(16) CHECK (ended_how IN ('returned', 'released')),"
    " reason text,"
    " CHECK ((ended_at IS NULL) = (ended_how IS NULL)))",
    # At most one open reservation per meeting: a second taker fails on this index.
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_meeting_reservations_open "
    "ON meeting_reservations (meeting_id) WHERE ended_at IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_meeting_reservations_replica "
    "ON meeting_reservations (replica_id)",
)

_MEETING_OF = """
CREATE OR REPLACE FUNCTION sromod_meeting_of(how text, r jsonb) RETURNS varchar
LANGUAGE sql STABLE AS $$
  SELECT CASE how
    WHEN 'self' THEN r->>'id'
    WHEN 'meeting_id' THEN r->>'meeting_id'
    WHEN 'agenda_item_id' THEN (SELECT a.meeting_id FROM agenda_items a
                                WHERE a.id = r->>'agenda_item_id')
    WHEN 'decision_id' THEN (SELECT a.meeting_id FROM decisions d
                             JOIN agenda_items a ON a.id = d.agenda_item_id
                             WHERE d.id = r->>'decision_id')
  END
$$"""

_REFUSE = f"""
CREATE OR REPLACE FUNCTION sromod_refuse_if_reserved(meeting varchar) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  held record;
BEGIN
  IF meeting IS NULL THEN
    RETURN;
  END IF;
  SELECT r.login, r.since, b.short_name, m.number INTO held
    FROM meeting_reservations r
    JOIN meetings m ON m.id = r.meeting_id JOIN bodies b ON b.id = m.body_id
   WHERE r.meeting_id = meeting AND r.ended_at IS NULL
     AND NOT (r.login = session_user
              AND r.replica_id IS NOT DISTINCT FROM current_setting('{SETTING}', true));
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '{RESERVED}',
      MESSAGE = format('Die Sitzung %s/%s ist von %s für die Sitzung mitgenommen (seit %s UTC); '
                       'Änderungen sind erst nach dem Abgleich möglich.',
                       held.short_name, held.number, held.login,
                       to_char(held.since, 'DD.MM.YYYY HH24:MI')),
      DETAIL = json_build_object('meeting_id', meeting, 'body', held.short_name,
                                 'number', held.number, 'login', held.login,
                                 'since', held.since)::text;
  END IF;
END $$"""

_GUARD = f"""
CREATE OR REPLACE FUNCTION {GUARD}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM sromod_refuse_if_reserved(sromod_meeting_of(TG_ARGV[0], to_jsonb(OLD)));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM sromod_refuse_if_reserved(sromod_meeting_of(TG_ARGV[0], to_jsonb(NEW)));
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$"""

_REGISTER = """
CREATE OR REPLACE FUNCTION sromod_register_replica(replica varchar, what text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = {schema}, pg_catalog AS $$
  INSERT INTO replicas (id, login, scope) VALUES (replica, session_user, what)
  ON CONFLICT (id) DO NOTHING
$$"""

_BEGIN_PUSH = f"""
CREATE OR REPLACE FUNCTION sromod_begin_push(replica varchar) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_catalog AS $$
DECLARE
  entry record;
BEGIN
  SELECT * INTO entry FROM replicas WHERE id = replica;
  IF FOUND AND entry.void_at IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '{VOID}',
      MESSAGE = format('Die Replik %s wurde am %s von %s für ungültig erklärt; '
                       'ihr Abgleich wird abgelehnt.', replica,
                       to_char(entry.void_at, 'DD.MM.YYYY'), entry.void_by);
  END IF;
  IF NOT FOUND THEN  -- a replica made before the server knew replicas: registered now
    INSERT INTO replicas (id, login) VALUES (replica, session_user);
  ELSE
    UPDATE replicas SET last_sync = {_UTC_NOW} WHERE id = replica;
  END IF;
  PERFORM set_config('{SETTING}', replica, true);
END $$"""

_FUNCTIONS = ("sromod_begin_push(varchar)", "sromod_register_replica(varchar, text)", f"{GUARD}()",
              "sromod_refuse_if_reserved(varchar)", "sromod_meeting_of(text, jsonb)")  # fmt: skip


def create_reservation_tables(conn: Connection) -> None:
    """The two tables, the guard on the meeting's tables and the functions; PostgreSQL only."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    for statement in _DDL:
        conn.execute(text(statement))
    for function in (_MEETING_OF, _REFUSE, _GUARD, _REGISTER, _BEGIN_PUSH):
        # exec_driver_sql: the functions' bodies hold colons that text() would read as binds
        conn.exec_driver_sql(function.format(schema=schema).replace("%", "%%"))
    for table, how in GUARDED.items():  # harmless twice (a register restored half-way)
        conn.execute(text(f"DROP TRIGGER IF EXISTS {GUARD} ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {GUARD} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {GUARD}('{how}')"
            )
        )


def drop_reservation_tables(conn: Connection) -> None:
    for table in GUARDED:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {GUARD} ON {table}"))
    for function in _FUNCTIONS:
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function}"))
    for table in reversed(TABLES):
        conn.execute(text(f"DROP TABLE IF EXISTS {table}"))


class MeetingReserved(StoreError):
    """A change to a meeting that a replica has taken along; nothing was changed."""


class ReplicaVoid(StoreError):
    """The push of a replica a coordinator declared void; nothing was changed."""


def reserved_refusal(body: str, number: object, login: str, since: datetime) -> Refusal:
    """A change refused while the meeting is out, as data (since: naive UTC; shown local)."""
    local = since.replace(tzinfo=UTC).astimezone()
    return Refusal(
        RefusalKind.RESERVED, "meetings", f"{body}/{number}", login, f"{local:%d.%m.%Y, %H:%M}"
    )


def reserved_sentence(body: str, number: object, login: str, since: datetime) -> str:
    """The German sentence for a change refused while the meeting is out (since: naive UTC)."""
    return refusal_text(reserved_refusal(body, number, login, since))


def refusal_of(error: BaseException) -> StoreError | None:
    """The store error for a refusal of the guard or of a void replica's push, else None."""
    sqlstate = getattr(error, "sqlstate", None)
    if sqlstate == RESERVED:
        diag = getattr(error, "diag", None)
        try:
            held = json.loads(getattr(diag, "message_detail", None) or "")
            since = datetime.fromisoformat(held["since"])
            refusal = reserved_refusal(held["body"], held["number"], held["login"], since)
            return refused(MeetingReserved, refusal)
        except (ValueError, KeyError, TypeError):
            return MeetingReserved(str(getattr(diag, "message_primary", "") or error))
    if sqlstate == VOID:
        return void_error()
    return None


def void_sentence() -> str:
    return refusal_text(Refusal(RefusalKind.REPLICA_VOID))


def void_error() -> ReplicaVoid:
    """The refusal of a void replica's sync, with its refusal as data."""
    return refused(ReplicaVoid, Refusal(RefusalKind.REPLICA_VOID))
