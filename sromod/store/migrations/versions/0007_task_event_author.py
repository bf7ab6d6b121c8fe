"""Who made each change of a task: task_events.author (on PostgreSQL the login, set by the server)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# On PostgreSQL the server fills the author with the login that inserts the event, so the program
# need not know its own login name (PGUSER, the password file and the OS user all may give it).
# An author already given (an undo putting back events of other users) is kept; that an office
# lead cannot pass someone else's name is the row-level security of `sromod server init`.
AUTHOR_FUNCTION = """
CREATE OR REPLACE FUNCTION task_events_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author := coalesce(NEW.author, current_user);
  RETURN NEW;
END $$
"""


def upgrade() -> None:
    # A nullable column is a plain ALTER TABLE on SQLite: no table is rebuilt.
    with op.batch_alter_table("task_events") as batch:
        batch.add_column(sa.Column("author", sa.String(128), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUTHOR_FUNCTION)
        op.execute(
            "CREATE TRIGGER task_events_author BEFORE INSERT ON task_events "
            "FOR EACH ROW EXECUTE FUNCTION task_events_author()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS task_events_author ON task_events")
        op.execute("DROP FUNCTION IF EXISTS task_events_author()")
    with op.batch_alter_table("task_events") as batch:
        batch.drop_column("author")
