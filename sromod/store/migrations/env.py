"""Alembic environment: always run programmatically by sromod.store.migrate on a given connection."""

from __future__ import annotations

from alembic import context

from sromod.models import Base
from sromod.store.fts import is_fts_object

config = context.config
connection = config.attributes.get("connection")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # FTS5 virtual tables and their shadow tables are managed by hand, never by autogenerate.
    return not (type_ == "table" and name is not None and is_fts_object(name))


if connection is None:
    raise RuntimeError("sromod migrations run only through sromod.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
