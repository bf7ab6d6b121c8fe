"""TOPs "nicht behandelt", TOPs carried over from a postponed one, reason for a vote override

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sromod.store.fts import create_search_triggers, rebuild_search_index

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_STATES = ("offen", "behandelt", "vertagt")
NEW_STATES = (*OLD_STATES, "nicht_behandelt")
POSITION_INDEX = (
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_agenda_items_position "
    "ON agenda_items (meeting_id, coalesce(parent_id, ''), position)"
)


def _state_type(states: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *states, name="agendaitemstate", native_enum=False, create_constraint=True, length=24
    )


def _alter_agenda_items_in_place(states: tuple[str, ...], *, add: bool) -> None:
    """On PostgreSQL: ALTER in place (no recreation, no cascade); the CHECK is replaced."""
    check = "ck_agenda_items_agendaitemstate"
    op.drop_constraint(op.f(check), "agenda_items", type_="check")
    listed = ", ".join(f"'{state}'" for state in states)
    op.create_check_constraint(op.f(check), "agenda_items", sa.text(f"state IN ({listed})"))
    if add:
        op.add_column("agenda_items", sa.Column("carried_from_id", sa.String(36), nullable=True))
        op.create_foreign_key(
            op.f("fk_agenda_items_carried_from_id_agenda_items"),
            "agenda_items",
            "agenda_items",
            ["carried_from_id"],
            ["id"],
        )
    else:
        op.drop_column("agenda_items", "carried_from_id")


def _rebuild_agenda_items(states: tuple[str, ...], *, add: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        _alter_agenda_items_in_place(states, add=add)
        return
    # agenda_items is a parent table: sromod.store.migrate runs this with foreign keys off, so
    # the batch recreation does not cascade into decisions, tasks and reviews. The recreation
    # drops the search triggers and the expression index, and renumbers rowids.
    op.execute("DROP INDEX IF EXISTS uq_agenda_items_position")
    # resolve_fks off: reflecting the referred tables would meet the expression index of bodies
    with op.batch_alter_table(
        "agenda_items", recreate="always", reflect_kwargs={"resolve_fks": False}
    ) as batch:
        batch.alter_column(
            "state",
            existing_type=_state_type(OLD_STATES if add else NEW_STATES),
            type_=_state_type(states),
            existing_nullable=False,
        )
        if add:
            batch.add_column(sa.Column("carried_from_id", sa.String(length=36), nullable=True))
            batch.create_foreign_key(
                batch.f("fk_agenda_items_carried_from_id_agenda_items"),
                "agenda_items",
                ["carried_from_id"],
                ["id"],
            )
        else:
            batch.drop_column("carried_from_id")
    op.execute(POSITION_INDEX)
    conn = op.get_bind()
    create_search_triggers(conn)
    rebuild_search_index(conn)


def upgrade() -> None:
    _rebuild_agenda_items(NEW_STATES, add=True)
    with op.batch_alter_table("decisions", reflect_kwargs={"resolve_fks": False}) as batch:
        batch.add_column(sa.Column("votes_override_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE agenda_items SET state = 'offen' WHERE state = 'nicht_behandelt'")
    _rebuild_agenda_items(OLD_STATES, add=False)
    with op.batch_alter_table("decisions", reflect_kwargs={"resolve_fks": False}) as batch:
        batch.drop_column("votes_override_reason")
