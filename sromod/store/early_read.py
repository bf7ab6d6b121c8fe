"""What the first screen shows, read from a store file before SQLAlchemy is imported.

The window paints at once and the store opens after that (SQLAlchemy, its ORM and the models
take a third of a second on a laptop, more on a busy one). Meanwhile the body list can already
show the file's bodies: read here with the standard library, over a connection that writes
nothing, as plain tuples in the order of `sromod.services.bodies.list_bodies` (a test holds the
two equal). Only a file this version opens as it is gets read; anything else (a new, damaged,
older or newer file, one another sromod holds) answers None, and the opening that follows says
what is wrong with it, as before.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sromod.store.filecheck import APPLICATION_ID
from sromod.store.lock import lock_path_for
from sromod.store.readonly import connect_readonly
from sromod.store.revisions import head_revision, schema_version

log = logging.getLogger(__name__)

# The columns of services.bodies.BodyInfo, in its order; meeting_count from the subquery.
BODIES_QUERY = """
SELECT b.id, b.name, b.short_name, b.kind, b.region_id, b.default_place, b.default_start,
       b.default_minutes, b.moderator_id, b.minute_taker_id, b.organisational_unit, b.quorum,
       b.needs_attendance_list, b.active, coalesce(counts.n, 0), b.distribution, b.version
FROM bodies AS b
LEFT OUTER JOIN (SELECT body_id, count(*) AS n FROM meetings GROUP BY body_id) AS counts
    ON counts.body_id = b.id
ORDER BY b.kind, b.name
"""


def read_bodies(path: Path) -> list[tuple[Any, ...]] | None:
    """The bodies of the store file at path as stored (text, 0/1, None), or None: not now."""
    try:
        if not path.is_file() or _held_by_another(path):
            return None
        conn = connect_readonly(path)
    except (OSError, sqlite3.Error):
        return None
    try:
        if not _at_head(conn):
            return None
        return conn.execute(BODIES_QUERY).fetchall()
    except sqlite3.Error:  # damaged, or not a store at all: the opening will say which
        log.info("The body list is not read ahead", exc_info=True)
        return None
    finally:
        conn.close()


def _held_by_another(path: Path) -> bool:
    """A holder writes its name into the lock file and empties it when it lets go."""
    lock = lock_path_for(path)
    return lock.exists() and lock.stat().st_size > 0


def _at_head(conn: sqlite3.Connection) -> bool:
    head = head_revision()
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    if conn.execute("PRAGMA user_version").fetchone()[0] != schema_version(head):
        return False
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == head
