"""A version column on every row: optimistic concurrency on a shared register

Every UPDATE and DELETE names the version it read; a row another user changed meanwhile is not
overwritten (sromod.services.concurrency). Existing rows start at version 1.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 17:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The tables of revision 0008, named here so that the migration does not follow later models.
TABLES = (
    "agenda_item_regions",
    "agenda_items",
    "attachments",
    "attendances",
    "bodies",
    "decision_regions",
    "decisions",
    "meetings",
    "memberships",
    "office_departments",
    "offices",
    "persons",
    "regions",
    "settings",
    "standing_agenda_items",
    "task_events",
    "task_reviews",
    "tasks",
)


def upgrade() -> None:
    # A NOT NULL column with a constant default is a plain ALTER TABLE on SQLite and on
    # PostgreSQL (no table is rebuilt, no row rewritten on PostgreSQL 11+).
    for table in TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
