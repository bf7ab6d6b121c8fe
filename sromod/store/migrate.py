"""Schema migrations: Alembic scripts inside the package, run before any window exists."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from sromod.store.errors import MigrationFailed

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def schema_version(revision: str) -> int:
    """The integer kept in PRAGMA user_version for a revision ("0003" -> 3)."""
    return int(revision.split("_")[0])


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations with foreign keys off (recreated tables must not cascade), then check."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, target)
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationFailed(
                f"Nach der Aktualisierung verweisen {len(problems)} Einträge ins Leere."
            )
        conn.exec_driver_sql(f"PRAGMA user_version={schema_version(head_revision())}")
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
    log.info("Schema at %s", head_revision())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
