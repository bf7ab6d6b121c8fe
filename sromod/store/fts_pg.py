"""The search index on PostgreSQL: a tsvector with German stemming and unaccent, GIN-indexed.

The same table as on SQLite (`search_fts`: rowid, kind, ref, title, body), kept in step by one
trigger per source table; the tsvector is a generated column over title (weight A) and body
(weight B). The text search configuration `sromod` folds umlauts and ß (unaccent: "Straße" →
"strasse") and stems German words, but keeps stop words: a search for "die" finds what it
finds on SQLite. The rowid (sequence * 8 + kind code) keeps the kind and insertion order, so
counting per kind and "newest first" read as on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from sromod.store.pg_triggers import (
    create_function,
    create_row_trigger,
    drop_function,
    drop_row_trigger,
)

CONFIG = "sromod"
_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"
_TSV = f"setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', body), 'B')"
MATCH = f"tsv @@ to_tsquery('{CONFIG}', :q)"
# ts_rank weights {D, C, B, A}: titles weigh twice the body. Negated: lower is better, as bm25.
SCORE = f"-ts_rank('{{0, 0, 0.5, 1.0}}', tsv, to_tsquery('{CONFIG}', :q))"

Source = tuple[int, str, str, str, str]


def create_search_table(conn: Connection) -> None:
    # unaccent is a trusted extension: the database's owner may create it (postgresql-contrib).
    statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE TEXT SEARCH DICTIONARY sromod_german_stem (TEMPLATE = snowball, Language = german)",
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.german)",
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {_TOKENS} "
        "WITH unaccent, sromod_german_stem",
        "CREATE SEQUENCE search_fts_seq",
        "CREATE TABLE search_fts (rowid bigint PRIMARY KEY, kind varchar(16) NOT NULL, "
        "ref varchar(36) NOT NULL, title text NOT NULL, body text NOT NULL, "
        f"tsv tsvector GENERATED ALWAYS AS ({_TSV}) STORED, "
        "CONSTRAINT uq_search_fts_kind_ref UNIQUE (kind, ref))",
        "CREATE INDEX ix_search_fts_tsv ON search_fts USING gin (tsv)",
    ]
    for statement in statements:
        conn.execute(text(statement))


def create_search_triggers(conn: Connection, sources: Sequence[Source]) -> None:
    for code, kind, table, title, body in sources:
        new_title = f"coalesce({title.format(r='NEW')}, '')"
        new_body = f"coalesce({body.format(r='NEW')}, '')"
        old_title = f"coalesce({title.format(r='OLD')}, '')"
        old_body = f"coalesce({body.format(r='OLD')}, '')"
        function = f"search_fts_{table}"
        create_function(
            conn,
            function,
            "  IF TG_OP = 'DELETE' THEN\n"
            f"    DELETE FROM search_fts WHERE kind = '{kind}' AND ref = OLD.id;\n"
            "    RETURN OLD;\n"
            "  END IF;\n"
            f"  IF TG_OP = 'UPDATE' AND {new_title} = {old_title} AND {new_body} = {old_body}"
            " THEN\n"
            "    RETURN NEW;\n"  # a status change leaves the index alone
            "  END IF;\n"
            "  INSERT INTO search_fts(rowid, kind, ref, title, body)\n"
            f"  VALUES (nextval('search_fts_seq') * 8 + {code}, '{kind}', NEW.id, "
            f"{new_title}, {new_body})\n"
            "  ON CONFLICT (kind, ref) DO UPDATE SET title = EXCLUDED.title, "
            "body = EXCLUDED.body;\n"
            "  RETURN NEW;",
        )
        create_row_trigger(conn, table, function)


def drop_search_triggers(conn: Connection, sources: Sequence[Source]) -> None:
    for _code, _kind, table, _title, _body in sources:
        drop_row_trigger(conn, table, f"search_fts_{table}")
        drop_function(conn, f"search_fts_{table}")


def rebuild_search_index(conn: Connection, sources: Sequence[Source]) -> None:
    conn.execute(text("DELETE FROM search_fts"))
    for code, kind, table, title, body in sources:
        conn.execute(
            text(
                "INSERT INTO search_fts(rowid, kind, ref, title, body) "
                f"SELECT nextval('search_fts_seq') * 8 + {code}, '{kind}', r.id, "
                f"coalesce({title.format(r='r')}, ''), coalesce({body.format(r='r')}, '') "
                f"FROM (SELECT * FROM {table} ORDER BY created_at, id) AS r"
            )
        )


def drop_search_index(conn: Connection, sources: Sequence[Source]) -> None:
    drop_search_triggers(conn, sources)
    for statement in (
        "DROP TABLE IF EXISTS search_fts",
        "DROP SEQUENCE IF EXISTS search_fts_seq",
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
        "DROP TEXT SEARCH DICTIONARY IF EXISTS sromod_german_stem",
    ):
        conn.execute(text(statement))


# --- One index per kind ----------------------------------------------------------------------
#
# A search asks per kind (TOPs, decisions, tasks, people) how many entries match, up to a cap,
# and which to show. One GIN index over all kinds answers "which rows match" for all of them
# at once: counting one kind then reads every match of every kind from the table (42,000 rows
# for "Spielplatz" on twelve districts). A partial GIN index per kind holds only that kind's
# entries, so a capped count stops after the cap. A partial B-tree of the rowid per kind lets
# "the newest matches of a kind" walk that kind's entries backwards and stop at the first few
# (the primary key would walk through the entries of every later kind first). Its predicate
# also names "rowid > 0" (always true), which only the newest-first query states: a count
# never takes the B-tree to read the kind's entries one by one (the planner chose that for a
# LIMIT, and read 37,000 people to find 84 matches).


def kind_index_statements(kinds: Sequence[str]) -> list[str]:
    statements = ["DROP INDEX IF EXISTS ix_search_fts_tsv"]
    for kind in kinds:
        statements += [
            f"CREATE INDEX ix_search_fts_tsv_{kind} ON search_fts USING gin (tsv) "
            f"WHERE kind = '{kind}'",
            f"CREATE INDEX ix_search_fts_rowid_{kind} ON search_fts (rowid) "
            f"WHERE kind = '{kind}' AND rowid > 0",
        ]
    return statements


def one_index_statements(kinds: Sequence[str]) -> list[str]:
    """Back to the one GIN index over all kinds (the migration's downgrade)."""
    statements = []
    for kind in kinds:
        statements += [
            f"DROP INDEX IF EXISTS ix_search_fts_tsv_{kind}",
            f"DROP INDEX IF EXISTS ix_search_fts_rowid_{kind}",
        ]
    return [*statements, "CREATE INDEX ix_search_fts_tsv ON search_fts USING gin (tsv)"]


# In a search the query is a subquery: the planner then prices every kind's matches as a few
# (it cannot look at the words) and reads them from the kind's GIN index, whatever the words.
# Told the words, it judged a common one to match so many entries that a sequential scan for
# the LIMIT would stop early: but each kind's entries lie together, and it read 700,000 rows.
# Priced as many, the statement also passed the bar for JIT compilation (120 ms).
SEARCH_MATCH = f"tsv @@ (SELECT to_tsquery('{CONFIG}', :q))"


def search_sql(kinds: Sequence[tuple[int, str]]) -> str:
    """One statement for a search: per kind how many entries match, and the entries to show.

    Rows: (kind code, matches counted, place, rowid, ref, title, body), for each kind with a
    match. Per kind the first :limit matches the kind's GIN index names are counted (without
    reading their text). A kind with no more than :cap matches is ranked, and its :per_kind best
    come back with their place (1 the best); of a kind with more the :per_kind newest come back
    (place NULL), found by walking the kind's rowids backwards. Which of the two runs is a
    one-time test of the count: ranking a common word would read and score every match, and for
    a kind with few matches the walk backwards would read all its entries. The kind is written
    into the statement (not a parameter), so that the planner takes the kind's own partial
    indexes whatever plan it keeps for the statement.
    """
    counted = " UNION ALL ".join(
        f"SELECT {code} AS code, count(*) AS found FROM (SELECT FROM search_fts "
        f"WHERE kind = '{kind}' AND {SEARCH_MATCH} LIMIT :limit) AS candidates"
        for code, kind in kinds
    )
    ranked = " UNION ALL ".join(
        f"SELECT {code} AS code, n, rowid FROM ("
        "SELECT rowid, row_number() OVER (ORDER BY score, rowid DESC) AS n FROM ("
        f"SELECT rowid, {SCORE} AS score FROM search_fts WHERE kind = '{kind}' AND {SEARCH_MATCH} "
        f"AND (SELECT found FROM counted WHERE code = {code}) <= :cap) AS scored"
        ") AS numbered WHERE n <= :per_kind"
        for code, kind in kinds
    )
    newest = " UNION ALL ".join(
        f"(SELECT {code} AS code, NULL::bigint AS n, rowid "
        f"FROM search_fts WHERE kind = '{kind}' AND rowid > 0 AND {SEARCH_MATCH} "
        f"AND (SELECT found FROM counted WHERE code = {code}) > :cap "
        "ORDER BY rowid DESC LIMIT :per_kind)"
        for code, kind in kinds
    )
    return (
        f"WITH counted AS ({counted}), shown AS ({ranked} UNION ALL {newest}) "
        "SELECT shown.code, counted.found, shown.n, shown.rowid, f.ref, f.title, f.body "
        "FROM shown JOIN counted ON counted.code = shown.code "
        "JOIN search_fts AS f ON f.rowid = shown.rowid"
    )


def tsquery_text(words: Sequence[str], prefix: bool) -> str:
    """to_tsquery's input for the user's words: each a quoted phrase, the last a prefix if wanted.

    A quoted word is split into lexemes by the same parser as the documents ("Kita-Plätze").
    """
    terms = []
    for n, word in enumerate(words):
        quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
        terms.append(quoted + (":*" if prefix and n == len(words) - 1 else ""))
    return " & ".join(terms)
