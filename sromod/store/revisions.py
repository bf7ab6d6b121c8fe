"""Which schema revisions this version of sromod knows, read from the names of its scripts.

No SQLAlchemy and no Alembic here: the start asks before the database machinery is imported.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def known_revisions(folder: Path = MIGRATIONS_DIR) -> set[str]:
    """Revision ids of the shipped scripts, read from their file names ("0001_initial.py")."""
    return {script.name.split("_")[0] for script in (folder / "versions").glob("[0-9]*_*.py")}


def head_revision(folder: Path = MIGRATIONS_DIR) -> str:
    """The newest revision (the scripts are numbered in order)."""
    return max(known_revisions(folder), key=schema_version)


def schema_version(revision: str) -> int:
    """The integer kept in PRAGMA user_version for a revision ("0003" -> 3)."""
    return int(revision.split("_")[0])
