"""How far each replica has pulled the register's change journal, and where it was trimmed.

PostgreSQL only (migration 0013). `replicas.pulled_xid` is the replica's watermark as it stood
after its last pull had committed on the laptop: every journal entry below it that replica has
read. The replica's sync reports it (`sromod_note_pulled`, SECURITY DEFINER like the replica's
registration, so an office lead's login reports its own replica and no other); it only ever
rises. `sync_journal_trims` logs every trimming of the journal: by whom, when, how many entries,
and `below_xid`: entries of transactions below it may be gone. A replica whose watermark lies
below the highest `below_xid` cannot rely on the journal and compares its whole scope instead.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

TRIMS = "sync_journal_trims"
NOTE = "sromod_note_pulled"

_UTC_NOW = "(now() AT TIME ZONE 'utc')"

_DDL = (
    "ALTER TABLE replicas ADD COLUMN IF NOT EXISTS pulled_xid xid8",
    f"CREATE TABLE IF NOT EXISTS {TRIMS} ("
    " id bigserial PRIMARY KEY,"
    f" trimmed_at timestamp NOT NULL DEFAULT {_UTC_NOW},"
    " trimmed_by name NOT NULL DEFAULT session_user,"
    " below_xid xid8 NOT NULL,"
    " entries bigint NOT NULL,"
    " left_behind text NOT NULL DEFAULT '')",
)

# A replica made before the register knew replicas (or by a bare copy) is registered here.
_NOTE_PULLED = f"""
CREATE OR REPLACE FUNCTION {NOTE}(replica varchar, pulled text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = {{schema}}, pg_catalog AS $$
  INSERT INTO replicas (id, login, last_sync, pulled_xid)
  VALUES (replica, session_user, {_UTC_NOW}, pulled::xid8)
  ON CONFLICT (id) DO UPDATE SET last_sync = {_UTC_NOW},
    pulled_xid = CASE WHEN replicas.pulled_xid IS NULL OR replicas.pulled_xid < pulled::xid8
                      THEN pulled::xid8 ELSE replicas.pulled_xid END
  WHERE replicas.login = session_user AND replicas.void_at IS NULL
$$"""


def create_trim_tables(conn: Connection) -> None:
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    for statement in _DDL:
        conn.execute(text(statement))
    conn.exec_driver_sql(_NOTE_PULLED.format(schema=schema).replace("%", "%%"))


def drop_trim_tables(conn: Connection) -> None:
    conn.execute(text(f"DROP FUNCTION IF EXISTS {NOTE}(varchar, text)"))
    conn.execute(text(f"DROP TABLE IF EXISTS {TRIMS}"))
    conn.execute(text("ALTER TABLE replicas DROP COLUMN IF EXISTS pulled_xid"))


def note_pulled(conn: Connection, replica_id: str, xid: int) -> None:
    """Record on the register that the replica has read the journal up to xid (committed)."""
    conn.execute(text(f"SELECT {NOTE}(:r, :x)"), {"r": replica_id, "x": str(xid)})


def trimmed_below(conn: Connection) -> int:
    """The journal may miss entries of transactions below this id (0: never trimmed)."""
    found = conn.execute(text(f"SELECT max(below_xid)::text FROM {TRIMS}")).scalar()
    return int(found) if found else 0
