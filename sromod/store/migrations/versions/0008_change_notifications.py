"""Change notifications on a shared register: a trigger per table NOTIFYs "table id"

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 18:10:00

PostgreSQL only: open windows of other users hear what changed (sromod.store.notify) and reload
it. A laptop's SQLite store has no other users and is left as it is.
"""

from __future__ import annotations

from alembic import op

from sromod.store.notify import create_notify_triggers, drop_notify_triggers

revision = "0008"
down_revision = "0007"
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
        create_notify_triggers(op.get_bind(), TABLES)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        drop_notify_triggers(op.get_bind(), TABLES)
