"""The change journal names the replica whose push wrote an entry

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 23:40:00

PostgreSQL only (sromod.store.journal): a replica's next pull leaves out the rows its own push
wrote, as far as it holds them as sent, instead of fetching them back. A laptop's SQLite store
has no journal of this kind and is left as it is.
"""

from __future__ import annotations

from alembic import op

from sromod.store.journal import forget_replicas, record_replicas

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        record_replicas(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        forget_replicas(op.get_bind())
