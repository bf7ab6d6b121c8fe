"""Full-text search index (SQLite FTS5; on PostgreSQL `fts_pg`), kept in step by triggers.

One FTS5 table holds TOPs, decisions, tasks and people. Each row's rowid is derived from the
source row's rowid and its kind (rowid * 8 + kind code), so a trigger finds its entry without a scan.
Batch migrations recreate tables (new rowids, dropped triggers): call `rebuild_search_index` and
`create_search_triggers` after such a migration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, Engine, literal, text
from sqlalchemy.ext.compiler import compiles

from sromod.store import fts_pg

FTS_TABLE = "search_fts"

# kind code, kind name, source table, title expression, body expression
SOURCES: tuple[tuple[int, str, str, str, str], ...] = (
    (
        1,
        "top",
        "agenda_items",
        "{r}.title",
        "coalesce({r}.description, '') || ' ' || coalesce({r}.result, '') || ' '"
        " || coalesce({r}.presenter, '')",
    ),
    (
        2,
        "decision",
        "decisions",
        "{r}.register_number",
        "{r}.text",
    ),
    (
        3,
        "task",
        "tasks",
        "{r}.register_number || ' ' || {r}.title",
        "coalesce({r}.details, '') || ' ' || coalesce({r}.remark, '')",
    ),
    (
        4,
        "person",
        "persons",
        "{r}.name",
        "coalesce({r}.function, '') || ' ' || coalesce({r}.organisation, '')",
    ),
)


def is_fts_object(name: str) -> bool:
    return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")


def _on_server(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def create_search_table(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.create_search_table(conn)
        return
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "kind UNINDEXED, ref UNINDEXED, title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    )


def create_search_triggers(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.create_search_triggers(conn, SOURCES)
        return
    for code, kind, table, title, body in SOURCES:
        new_title, new_body = title.format(r="new"), body.format(r="new")
        insert = (
            f"INSERT INTO {FTS_TABLE}(rowid, kind, ref, title, body) "
            f"VALUES (new.rowid * 8 + {code}, '{kind}', new.id, {new_title}, {new_body});"
        )
        delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = old.rowid * 8 + {code};"
        statements = {
            f"{FTS_TABLE}_{table}_ai": f"AFTER INSERT ON {table} BEGIN {insert} END",
            f"{FTS_TABLE}_{table}_ad": f"AFTER DELETE ON {table} BEGIN {delete} END",
            f"{FTS_TABLE}_{table}_au": f"AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
        }
        for name, body_sql in statements.items():
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text(f"CREATE TRIGGER {name} {body_sql}"))


def rebuild_search_index(conn: Connection) -> None:
    """Fill the index anew from the source tables."""
    if _on_server(conn):
        fts_pg.rebuild_search_index(conn, SOURCES)
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
    for code, kind, table, title, body in SOURCES:
        conn.execute(
            text(
                f"INSERT INTO {FTS_TABLE}(rowid, kind, ref, title, body) "
                f"SELECT r.rowid * 8 + {code}, '{kind}', r.id, {title.format(r='r')}, "
                f"{body.format(r='r')} FROM {table} AS r"
            )
        )


def merge_search_index(dbapi_connection: Any) -> None:
    """Merge the index into one segment, dropping deleted entries (FTS5 'optimize').

    FTS5 deletes by writing tombstones; the old terms stay in their segments until a merge.
    Runs in its own transaction on a raw connection in autocommit mode.
    """
    dbapi_connection.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('optimize')")


def drop_search_triggers(conn: Connection) -> None:
    """Drop the triggers (a bulk load rebuilds the index once instead, then recreates them)."""
    if _on_server(conn):
        fts_pg.drop_search_triggers(conn, SOURCES)
        return
    for _code, _kind, table, _title, _body in SOURCES:
        for suffix in ("ai", "ad", "au"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{table}_{suffix}"))


def vacuum_search_sources(engine: Engine) -> None:
    """On a server: VACUUM the indexed tables, so that erased values leave the dead rows."""
    tables = ", ".join([FTS_TABLE, *(source[2] for source in SOURCES)])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"VACUUM {tables}"))


def drop_search_index(conn: Connection) -> None:
    if _on_server(conn):
        fts_pg.drop_search_index(conn, SOURCES)
        return
    drop_search_triggers(conn)
    conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


# --- Queries: the search service's one way into the index, whatever the engine -------------


@dataclass(frozen=True)
class SearchQuery:
    """The user's words, each matched as a phrase; the last one as a prefix if `prefix`."""

    words: tuple[str, ...]
    prefix: bool

    def __bool__(self) -> bool:
        return bool(self.words)

    def fts5(self) -> str:
        """The FTS5 expression: each word a quoted phrase, joined by an explicit AND."""
        # Explicit AND: FTS5 takes no implicit AND after a parenthesised group.
        last = len(self.words) - 1
        return " AND ".join(
            _fts5_term(w, self.prefix and n == last) for n, w in enumerate(self.words)
        )

    def for_engine(self, dialect: str) -> str:
        if dialect == "postgresql":
            return fts_pg.tsquery_text(self.words, self.prefix)
        return self.fts5()


def parse_query(user_text: str) -> SearchQuery:
    """The words the user typed; the last matches as a prefix while it is being typed."""
    # A NUL (pasted from another program) ends FTS5's string early: a syntax error, not a search.
    user_text = "".join(c if c.isprintable() else " " for c in user_text)
    words = tuple(w for w in user_text.split() if w.strip('"'))
    return SearchQuery(words, bool(words) and prefix_wanted(user_text))


def prefix_wanted(user_text: str) -> bool:
    # A one- or two-letter prefix matches most of the index and costs a second on a district
    # decade; such a word is matched whole until a third letter is typed.
    words = user_text.split()
    return bool(words) and not user_text[-1:].isspace() and len(words[-1].strip('"')) >= 3


def _fts5_term(word: str, prefix: bool) -> str:
    """One word as a quoted phrase; a word with ss or ß also matches the other spelling."""
    # The tokenizer folds umlauts but keeps ß: "strasse" (typed without ß) would not find
    # "Straße", nor "Straße" an old "Strasse". (PostgreSQL's unaccent folds ß itself.)
    variants = [word]
    if "ß" in word:
        variants.append(word.replace("ß", "ss"))
    elif "ss" in word.casefold():
        variants.append(word.casefold().replace("ss", "ß"))
    star = "*" if prefix else ""
    quoted = ['"' + v.replace('"', '""') + '"' + star for v in variants]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


_MATCH = {"sqlite": f"{FTS_TABLE} MATCH :q", "postgresql": fts_pg.MATCH}


def _run(conn: Connection, sql: str, query: SearchQuery, **params: object) -> Any:
    statement = sql.format(match=_MATCH[conn.dialect.name])
    return conn.execute(text(statement), {"q": query.for_engine(conn.dialect.name), **params})


def count_matches(conn: Connection, query: SearchQuery) -> dict[int, int]:
    """How many entries match, per kind code (the kind is rowid % 8: no stored text is read)."""
    sql = f"SELECT rowid % 8, count(*) FROM {FTS_TABLE} WHERE {{match}} GROUP BY rowid % 8"
    return {int(code): int(n) for code, n in _run(conn, sql, query)}


Entry = tuple[str, str, str]  # an index entry's ref (the row's id), title and body


@dataclass(frozen=True)
class KindMatches:
    found: int  # entries of the kind that match, counted up to the cap + 1
    shown: list[Entry]  # the entries to show, best first


def best_matches(
    conn: Connection, query: SearchQuery, kinds: Sequence[str], per_kind: int, cap: int
) -> dict[str, KindMatches]:
    """Per kind: how many entries match, counted up to cap + 1 (more than cap: "more than cap"),
    and the per_kind entries to show: the most relevant when no more than cap match (titles
    weigh twice the text; equal scores newest first), else the newest.

    Ranking reads the statistics of every match, and counting a common word reads every entry
    that holds it (on twelve districts tens of thousands): both stop at the cap.
    """
    codes = [(code, kind) for code, kind, *_ in SOURCES if kind in kinds]
    if _on_server(conn):
        found, shown = _best_on_server(conn, query, codes, per_kind, cap)
    else:
        found, best = _best_on_sqlite(conn, query, codes, per_kind, cap)
        by_rowid = entries(conn, [rowid for rowids in best.values() for rowid in rowids])
        shown = {code: [by_rowid[r] for r in rowids] for code, rowids in best.items()}
    return {kind: KindMatches(found.get(code, 0), shown.get(code, [])) for code, kind in codes}


Codes = list[tuple[int, str]]


def _best_on_sqlite(
    conn: Connection, query: SearchQuery, codes: Codes, per_kind: int, cap: int
) -> tuple[dict[int, int], dict[int, list[int]]]:
    # FTS5 counts from its doclists without reading a row, so SQLite counts exactly and caps
    # afterwards; ranking and "newest" stop early as on the server.
    counts = count_matches(conn, query)
    found = {code: min(counts.get(code, 0), cap + 1) for code, _kind in codes}
    ranked = [code for code, n in found.items() if 0 < n <= cap]
    best: dict[int, list[int]] = {code: [] for code in found}
    if ranked:
        # One pass scores the matches of every kind to rank (lower is better); sorting a few
        # thousand in Python costs less than one ranked query per kind.
        marks = ", ".join(str(code) for code in ranked)
        sql = (
            f"SELECT rowid, bm25({FTS_TABLE}, 0, 0, 2.0, 1.0) FROM {FTS_TABLE} "
            f"WHERE {{match}} AND rowid % 8 IN ({marks})"
        )
        scored = sorted(_run(conn, sql, query), key=lambda r: (round(r[1], 6), -r[0]))
        for rowid, _score in scored:
            chosen = best[int(rowid) % 8]
            if len(chosen) < per_kind:
                chosen.append(int(rowid))
    newest = (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {{match}} AND rowid % 8 = :code "
        "ORDER BY rowid DESC LIMIT :limit"
    )
    for code in (code for code, n in found.items() if n > cap):
        best[code] = [int(r[0]) for r in _run(conn, newest, query, code=code, limit=per_kind)]
    return found, best


def _best_on_server(
    conn: Connection, query: SearchQuery, codes: Codes, per_kind: int, cap: int
) -> tuple[dict[int, int], dict[int, list[Entry]]]:
    params = {
        "q": query.for_engine("postgresql"),
        "limit": cap + 1,
        "cap": cap,
        "per_kind": per_kind,
    }
    found: dict[int, int] = {}
    rows: list[tuple[int, int, Entry]] = []
    statement = text(fts_pg.search_sql(codes))
    for code, n, place, rowid, ref, title, body in conn.execute(statement, params):
        found[int(code)] = int(n)
        # the best first, or the newest first where a kind has more matches than the cap
        order = int(place) if place is not None else -int(rowid)
        rows.append((int(code), order, (ref, title, body)))
    shown: dict[int, list[Entry]] = {code: [] for code in found}
    for code, _order, entry in sorted(rows):
        shown[code].append(entry)
    return found, shown


def entries(conn: Connection, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    """(ref, title, body) of the given index entries, by rowid (read without matching)."""
    if not rowids:
        return {}
    marks = ", ".join(str(int(r)) for r in rowids)
    rows = conn.execute(
        text(f"SELECT rowid, ref, title, body FROM {FTS_TABLE} WHERE rowid IN ({marks})")
    )
    return {int(r[0]): (r[1], r[2], r[3]) for r in rows}


class _Matches(ColumnElement[bool]):
    """`<source>.<key> IN (entries of this kind that match)`, written for each engine."""

    inherit_cache = False  # the query text is rendered per engine at compile time
    type = Boolean()

    def __init__(self, kind: str, query: SearchQuery) -> None:
        self.kind = kind
        self.query = query
        self.code, self.table = next((s[0], s[2]) for s in SOURCES if s[1] == kind)


def matching(kind: str, query: SearchQuery) -> ColumnElement[bool]:
    """A WHERE clause for the source table of kind (tasks, decisions …): rows whose text matches."""
    return _Matches(kind, query)


@compiles(_Matches, "sqlite")
def _matches_on_sqlite(element: _Matches, compiler: Any, **kw: Any) -> str:
    # By rowid (source rowid * 8 + kind code): no stored column is read, so a one-letter word
    # matching every task costs no half second.
    q = compiler.process(literal(element.query.fts5()), **kw)
    return (
        f"{element.table}.rowid IN (SELECT {FTS_TABLE}.rowid / 8 FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH {q} AND {FTS_TABLE}.rowid % 8 = {element.code})"
    )


@compiles(_Matches, "postgresql")
def _matches_on_postgresql(element: _Matches, compiler: Any, **kw: Any) -> str:
    q = compiler.process(
        literal(fts_pg.tsquery_text(element.query.words, element.query.prefix)), **kw
    )
    return (
        f"{element.table}.id IN (SELECT ref FROM {FTS_TABLE} WHERE kind = '{element.kind}' "
        f"AND tsv @@ to_tsquery('{fts_pg.CONFIG}', {q}))"
    )
