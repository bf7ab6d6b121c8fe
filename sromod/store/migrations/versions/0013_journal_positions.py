"""How far each replica has read the change journal, and a log of the journal's trimming

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 23:30:00

PostgreSQL only (sromod.store.journal_trim): `replicas.pulled_xid`, reported by each replica's
sync, and `sync_journal_trims`, written by `sromod server trim-journal`, which deletes the entries
every replica has read. A laptop's SQLite store is left as it is.
"""

from __future__ import annotations

from alembic import op

from sromod.store.journal_trim import create_trim_tables, drop_trim_tables

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        create_trim_tables(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        drop_trim_tables(op.get_bind())
