"""Replicas and meeting reservations on a shared register, guarded by a trigger

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 20:45:00

PostgreSQL only (sromod.store.reservations_pg): which laptop replicas exist (and which are void),
which replica took which meeting along, and a trigger on the meeting's tables that refuses others'
changes while it is out. A laptop's SQLite store has no replicas of its own and is left as it is.
"""

from __future__ import annotations

from alembic import op

from sromod.store.notify import create_notify_triggers
from sromod.store.reservations_pg import (
    TABLES,
    create_reservation_tables,
    drop_reservation_tables,
)

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        create_reservation_tables(op.get_bind())
        create_notify_triggers(op.get_bind(), TABLES)  # open windows show who has a meeting


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        drop_reservation_tables(op.get_bind())
