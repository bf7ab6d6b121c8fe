"""A body's Verteiler for the minutes, a meeting's "Rückmeldung bis" for the invitation

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding nullable columns is a plain ALTER TABLE on SQLite: no table is rebuilt.
    with op.batch_alter_table("bodies") as batch:
        batch.add_column(sa.Column("distribution", sa.Text(), nullable=True))
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("reply_by", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("reply_by")
    with op.batch_alter_table("bodies") as batch:
        batch.drop_column("distribution")
