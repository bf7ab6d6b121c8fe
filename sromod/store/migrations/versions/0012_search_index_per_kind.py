"""The search index of a shared register indexed per kind: capped counts, newest matches

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 21:00:00

PostgreSQL only: the one GIN index over the search table becomes one partial GIN index per kind
(TOPs, decisions, tasks, people) and one partial B-tree of the rowid per kind, so that a search
counts each kind only up to its cap and finds a kind's newest matches without reading every match
(sromod.store.fts_pg). A laptop's SQLite store keeps its FTS5 table as it is.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from sromod.store.fts_pg import kind_index_statements, one_index_statements

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

KINDS = ("top", "decision", "task", "person")  # the kinds of the search index at this revision


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in kind_index_statements(KINDS):
            op.get_bind().execute(text(statement))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in one_index_statements(KINDS):
            op.get_bind().execute(text(statement))
