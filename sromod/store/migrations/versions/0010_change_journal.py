"""A change journal on a shared register: a trigger per table records every row changed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 20:40:00

PostgreSQL only: laptops' replicas pull the rows others changed since their last sync
(sromod.store.journal), and the ids of the changes a replica pushed are kept (exactly once). A
laptop's SQLite store is left as it is.
"""

from __future__ import annotations

from alembic import op

from sromod.store.journal import create_journal, drop_journal

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The tables at this revision (a later migration that adds a table gives it its trigger).
TABLES = (
    "offices",
    "office_departments",
    "regions",
    "settings",
    "persons",
    "bodies",
    "memberships",
    "standing_agenda_items",
    "meetings",
    "agenda_items",
    "agenda_item_regions",
    "attendances",
    "attachments",
    "decisions",
    "decision_regions",
    "tasks",
    "task_events",
    "task_reviews",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        create_journal(op.get_bind(), TABLES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        drop_journal(op.get_bind(), TABLES)
