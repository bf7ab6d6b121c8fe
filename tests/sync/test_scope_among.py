"""The pull's quick test of a few ids against the scope finds the rows the replica's scope holds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sromod.services.replica_scope import Scope, ids_among, row_queries
from sromod.services.sync_rows import table
from sromod.store import open_store
from tests.sync.test_replica import _register


@pytest.mark.parametrize("name", ["tasks", "task_events", "persons"])
def test_the_quick_test_of_ids_agrees_with_the_scopes_rows(pg_url: str, name: str) -> None:
    reg = _register(pg_url)
    with open_store(pg_url, create=False) as server, server.engine.connect() as conn:
        for scope in (Scope((reg.nord,), ("StR Nord",), "named"),
                      Scope((reg.sued,), ("StR Süd",), "named")):  # fmt: skip
            every = sorted(conn.scalars(select(table(name).c.id)))
            sub = row_queries(scope)[name].subquery()
            held = set(conn.scalars(select(sub.c.id)))
            assert 0 < len(held) < len(every)  # some in, some out: the test tells them apart
            assert ids_among(conn, scope, name, every) == held
            one_out = next(i for i in every if i not in held)
            assert ids_among(conn, scope, name, [one_out]) == set()
