"""Reads of one statement take no transaction on a server: no BEGIN and no ROLLBACK around them.

On a busy server every round trip costs more than a short query itself; a page of the task
register, its counts and a search are one statement each, sent in autocommit mode (psycopg then
sends no BEGIN, and the connection's return to the pool no ROLLBACK). Benchmark:
python3 -m bench.pg_register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from sqlalchemy import event, text

from sromod.models import TaskStatus
from sromod.services import register, search
from sromod.services.task_query import TaskFilter
from sromod.store import Store, open_store


def test_the_register_and_the_search_read_without_a_transaction(pg_url: str) -> None:
    with open_store(pg_url) as store:
        mine = TaskFilter(statuses=(TaskStatus.OPEN,))
        assert _sent(store, lambda: register.task_page(store, mine)) == [("SELECT", True)]
        assert _sent(store, lambda: register.task_totals(store, mine)) == [("SELECT", True)]
        assert _sent(store, lambda: search.search(store, "Jugend")) == [("WITH", True)]
        with store.reading() as conn:
            conn.execute(text("SELECT 1"))
            driver = conn.connection.driver_connection
            assert isinstance(driver, psycopg.Connection)
            assert driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        with store.session() as session:  # a session keeps its transaction
            session.execute(text("SELECT 1"))
            driver = session.connection().connection.driver_connection
            assert isinstance(driver, psycopg.Connection)
            assert driver.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS


def _sent(store: Store, action: Callable[[], object]) -> list[tuple[str, bool]]:
    """Each statement the action sent: its first word, and whether autocommit was on."""
    sent: list[tuple[str, bool]] = []

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append((statement.split()[0].upper(), conn.connection.driver_connection.autocommit))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", before)
    return sent
