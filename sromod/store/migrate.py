"""Schema migrations: Alembic scripts inside the package, run before any window exists."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from sromod.store import revisions
from sromod.store.errors import MigrationFailed
from sromod.store.replica_journal import install_local_journal, is_replica_journal
from sromod.store.revisions import MIGRATIONS_DIR as MIGRATIONS_DIR  # re-exported
from sromod.store.revisions import schema_version as schema_version  # re-exported

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic loads only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Revision ids of the shipped scripts, read from their file names ("0001_initial.py").

    Opening a store at head must not pay for importing Alembic; a test checks that these names
    agree with Alembic's own view of the scripts.
    """
    return revisions.known_revisions(MIGRATIONS_DIR)


def head_revision() -> str:
    """The newest revision (the scripts are numbered in order)."""
    return revisions.head_revision(MIGRATIONS_DIR)


def upgrade(engine: Engine, target: str = "head") -> list[str]:
    """Run the migrations, then check that no row points into the void.

    On SQLite with foreign keys off (recreated tables must not cascade). Returns the German
    notes the migrations left for the user (say, a short name renamed).
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config = alembic_config()
        config.attributes["connection"] = conn
        from alembic import command

        command.upgrade(config, target)
        if sqlite:
            _after_sqlite_upgrade(conn)
        conn.commit()
    log.info("Schema at %s", head_revision())
    return list(config.attributes.get("notes", []))


def _after_sqlite_upgrade(conn: Connection) -> None:
    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise MigrationFailed(
            f"Nach der Aktualisierung verweisen {len(problems)} Einträge ins Leere."
        )
    conn.exec_driver_sql(f"PRAGMA user_version={schema_version(head_revision())}")
    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    # A replica's journal triggers go with a table a migration rebuilt: put them back.
    if is_replica_journal(conn):
        install_local_journal(conn)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            has_table = bool(
                conn.execute(
                    text(
                        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                    )
                ).first()
            )
        else:
            has_table = "alembic_version" in inspect(conn).get_table_names()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
