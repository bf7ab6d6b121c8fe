"""What keeps the search fast on a shared register: the plan, read from PostgreSQL itself.

A search counts the matches of each kind only up to a cap, from the kind's own GIN index, ranks
only a kind with no more matches than the cap, and finds the newest matches of a kind with more
by walking the kind's rowids backwards (sromod.store.fts_pg.search_sql). Timings are for the
benchmark (python3 -m bench.pg_register); these tests pin the plan that gives them.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from sromod.services import directory
from sromod.services.search import search
from sromod.store import Store, fts, fts_pg, open_store

CAP = 3  # counted up to 3: four or more matches are "more than 3"


def _people(store: Store, n: int, function: str) -> list[str]:
    return [directory.create_person(store, f"Person {k}", function=function) for k in range(n)]


def _plan(conn: Any, words: str, kinds: list[tuple[int, str]]) -> str:
    params = {"q": fts.parse_query(words).for_engine("postgresql"), "limit": CAP + 1,
              "cap": CAP, "per_kind": 2}  # fmt: skip
    sql = "EXPLAIN (ANALYZE, COSTS OFF) " + fts_pg.search_sql(kinds)
    return "\n".join(r[0] for r in conn.execute(text(sql), params))


@pytest.mark.both_engines
def test_counts_stop_at_the_cap_and_the_newest_come_first_past_it(store: Store) -> None:
    many = _people(store, 5, "Straßenbau")  # more than the cap
    few = _people(store, 2, "Spielplatzplanung")
    (group,) = search(store, "strasse", per_kind=2, cap=CAP)
    assert (group.kind, group.total, group.capped, group.more) == ("person", CAP, True, True)
    assert [h.ref for h in group.hits] == many[::-1][:2]  # newest first
    (group,) = search(store, "spielplatz", per_kind=8, cap=CAP)
    assert (group.total, group.capped, group.more) == (2, False, False)
    assert {h.ref for h in group.hits} == set(few)


@pytest.mark.both_engines
def test_a_few_matches_are_ranked_titles_first(store: Store) -> None:
    in_text = directory.create_person(store, "Anna Berg", function="Kita Sonnenschein")
    in_title = directory.create_person(store, "Sonnenschein, Karl", function="Kita")
    (group,) = search(store, "sonnenschein", cap=CAP)
    assert [h.ref for h in group.hits] == [in_title, in_text]


def test_each_kind_is_read_from_its_own_indexes(pg_url: str) -> None:
    with open_store(pg_url) as store:
        _people(store, 5, "Straßenbau")
        with store.engine.begin() as conn:
            _filler(conn, ["top", "task", "person"], 3000)
        with store.engine.connect() as conn:
            # A real register is too big to scan for a count; this one would be scanned in a
            # moment. Told so, the planner must find each kind's own index usable.
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            rare = _plan(conn, "strasse", [(1, "top"), (3, "task"), (4, "person")])
        with store.engine.connect() as conn:
            common = _plan(conn, "beratung", [(4, "person")])  # every filler entry
    # Counting: a bitmap of each kind's own GIN index (the statement names the kind as a
    # literal, so that the partial indexes apply), not the (kind, ref) key read kind by kind.
    for kind in ("top", "task", "person"):
        assert f"Bitmap Index Scan on ix_search_fts_tsv_{kind}" in rare, rare
    assert "uq_search_fts_kind_ref" not in rare, rare
    for plan in (rare, common):
        assert "JIT" not in plan, plan
        assert "ix_search_fts_tsv " not in plan + " "  # the one index over all kinds is gone
    # A one-time test of each kind's count decides what runs: TOPs and tasks (no match) never
    # look for their newest, people (5, more than the cap) are not ranked.
    for kind in ("top", "task"):
        assert _skipped(rare, f"ix_search_fts_tsv_{kind}", f"ix_search_fts_rowid_{kind}"), rare
    assert _skipped(rare, "ix_search_fts_tsv_person"), rare
    # 3,000 people match "beratung": the newest are found by walking the people's rowids
    # backwards, and ranking them is skipped.
    assert "Index Scan Backward using ix_search_fts_rowid_person" in common, common
    ranking = common.split(f"<= '{CAP}'")[1].split("One-Time Filter")[0]  # the ranked part
    assert "(never executed)" in ranking, common


def _skipped(plan: str, *indexes: str) -> bool:
    """Some scan of one of these indexes was never executed."""
    return any(
        line.endswith("(never executed)") and any(f" {index} " in line for index in indexes)
        for line in plan.splitlines()
    )


def _filler(conn: Any, kinds: list[str], n: int) -> None:
    """Index entries that match nothing searched here, then the planner's statistics: a few
    thousand entries per kind, so that the planner sees a register, not an empty table."""
    for code, kind in enumerate(kinds, 1):
        conn.execute(
            text(
                "INSERT INTO search_fts (rowid, kind, ref, title, body) "
                f"SELECT nextval('search_fts_seq') * 8 + {code}, '{kind}', 'f-' || g, "
                "'Eintrag ' || g, 'Beratung Nummer ' || g FROM generate_series(1, :n) AS g"
            ),
            {"n": n},
        )
    conn.execute(text("ANALYZE search_fts"))


def test_the_migration_puts_back_the_one_index_on_downgrade(pg_url: str) -> None:
    from alembic import command

    from sromod.store import migrate

    with open_store(pg_url) as store:
        assert _indexes(store) >= {"ix_search_fts_tsv_task", "ix_search_fts_rowid_task"}
        with store.engine.connect() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0011")
            conn.commit()
        assert {i for i in _indexes(store) if i.startswith("ix_search_fts_")} == {
            "ix_search_fts_tsv"
        }
        migrate.upgrade(store.engine)
        assert "ix_search_fts_tsv" not in _indexes(store)
        assert "ix_search_fts_rowid_person" in _indexes(store)


def _indexes(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'search_fts'"))
        return {r[0] for r in rows}
