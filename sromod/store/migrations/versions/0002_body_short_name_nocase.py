"""body short names unique regardless of case

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 12:40:00

Short names were unique only as typed, but a meeting is looked up by "ag sro/3" regardless of
case, so "ag sro" beside "AG SRO" made the reference find the wrong body. Existing clashes are
resolved without losing anything: the body created first keeps its short name, every later one
gets " (2)", " (3)" … appended; each renaming is logged and reported to the user.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import context, op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

log = logging.getLogger("sromod.store.migrations")

INDEX = "uq_bodies_short_name_nocase"
SHORT_NAME_LIMIT = 60


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, short_name FROM bodies ORDER BY created_at, id")).all()
    taken = {short.casefold() for _id, short in rows}
    kept: set[str] = set()
    now = datetime.now(UTC).replace(tzinfo=None)
    for body_id, short in rows:
        if short.casefold() not in kept:
            kept.add(short.casefold())
            continue
        renamed = _free_name(short, taken)
        taken.add(renamed.casefold())
        kept.add(renamed.casefold())
        bind.execute(
            sa.text("UPDATE bodies SET short_name = :short, updated_at = :now WHERE id = :id"),
            {"short": renamed, "now": now, "id": body_id},
        )
        _report(
            f"Die Kurzbezeichnung „{short}“ gab es mehrfach (nur in Groß- und Kleinschreibung "
            f"verschieden); das später angelegte Gremium heißt jetzt „{renamed}“."
        )
    op.create_index(INDEX, "bodies", [sa.text("lower(short_name)")], unique=True)


def _free_name(short: str, taken: set[str]) -> str:
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = short[: SHORT_NAME_LIMIT - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def _report(note: str) -> None:
    """Into the log and into the notes the caller shows the user after the upgrade."""
    log.warning("Upgrade 0002: %s", note)
    context.config.attributes.setdefault("notes", []).append(note)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="bodies")
