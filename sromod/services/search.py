"""Full-text search over TOPs, decisions, tasks and people (SQLite FTS5, umlauts folded).

Each word the user types is quoted as a phrase, so that FTS5 syntax characters in ordinary text
("Kita-Plätze", "AND", quotes) never turn into operators; the last word matches as a prefix, so
results appear while typing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import column, literal_column, select, table, text
from sqlalchemy.orm import aliased

from sromod.models import AgendaItem, Body, Decision, Meeting, Office, Person, Task
from sromod.store import Store

log = logging.getLogger(__name__)

KINDS = ("top", "decision", "task", "person")
KIND_LABELS = {"top": "TOPs", "decision": "Beschlüsse", "task": "Aufgaben", "person": "Personen"}
MARK_START, MARK_END = "\u0002", "\u0003"  # marks around matched words in snippets

_FTS = table("search_fts", column("kind"), column("ref"))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # top, decision, task, person
    ref: str  # the row's id
    title: str
    snippet: str  # text around the match, matches between MARK_START and MARK_END
    context: str  # "AG SRO, 12. Sitzung, 25.11.2026"
    open_kind: str  # what to navigate to: agenda_item (opens its meeting), task, person
    open_id: str


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    label: str
    hits: list[SearchHit]
    more: bool  # there are more hits than shown
    total: int = 0  # how many rows of this kind match


def match_expression(user_text: str) -> str:
    """The FTS5 query for the user's words: each a quoted phrase, the last one a prefix."""
    words = [w for w in user_text.split() if w.strip('"')]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if not user_text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def fts_refs(kind: str, expression: str) -> Any:
    """A SELECT of the ids of one kind whose text matches (for use in IN clauses)."""
    return (
        select(_FTS.c.ref)
        .where(_FTS.c.kind == kind)
        .where(literal_column("search_fts").op("MATCH")(expression))
    )


KIND_CODES = {"top": 1, "decision": 2, "task": 3, "person": 4}  # as in sromod.store.fts
# Ranking by relevance reads statistics of every match; past this many matches of a kind the
# newest rows come first instead (a short prefix like "s" would otherwise take a tenth of a second).
RANK_LIMIT = 3000

# The kind is derived from the rowid (source rowid * 8 + kind code), so counting and filtering
# by kind never reads the stored text.
_COUNT_SQL = text(
    "SELECT rowid % 8, count(*) FROM search_fts WHERE search_fts MATCH :q GROUP BY rowid % 8"
)
_RANKED_SQL = text(
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid % 8 = :code "
    "ORDER BY rank LIMIT :limit"
)
_NEWEST_SQL = text(
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid % 8 = :code "
    "ORDER BY rowid DESC LIMIT :limit"
)


def search(store: Store, user_text: str, *, per_kind: int = 8) -> list[SearchGroup]:
    """Hits for the user's words, grouped by kind (TOPs, decisions, tasks, people)."""
    expression = match_expression(user_text)
    if not expression:
        return []
    groups = []
    with store.engine.connect() as conn:
        counts: dict[int, int] = dict(conn.execute(_COUNT_SQL, {"q": expression}).all())
        for kind in KINDS:
            found = counts.get(KIND_CODES[kind], 0)
            if not found:
                continue
            hits = _hits(conn, kind, expression, per_kind, ranked=found <= RANK_LIMIT)
            groups.append(SearchGroup(kind, KIND_LABELS[kind], hits, found > per_kind, found))
    return groups


def _hits(conn: Any, kind: str, expression: str, limit: int, *, ranked: bool) -> list[SearchHit]:
    args = {"q": expression, "code": KIND_CODES[kind], "limit": limit}
    rowids = [r[0] for r in conn.execute(_RANKED_SQL if ranked else _NEWEST_SQL, args)]
    if not rowids:
        return []
    marks = ", ".join(str(int(r)) for r in rowids)
    rows = conn.execute(
        text(
            "SELECT rowid, ref, title, snippet(search_fts, 3, :a, :b, '…', 12) FROM search_fts "
            f"WHERE search_fts MATCH :q AND rowid IN ({marks})"
        ),
        {"a": MARK_START, "b": MARK_END, "q": expression},
    ).all()
    by_rowid = {r[0]: r[1:] for r in rows}
    places = _PLACES[kind](conn, [r[1] for r in rows])
    hits = []
    for rowid in rowids:
        ref, title, snippet = by_rowid[rowid]
        if ref in places:
            hits.append(
                SearchHit(kind, ref, *_title_and_snippet(kind, title, snippet), *places[ref])
            )
    return hits


def _title_and_snippet(kind: str, title: str, snippet: str) -> tuple[str, str]:
    snippet = " ".join(snippet.split())
    if kind == "decision" and not snippet:
        return title, ""
    return title, snippet


def _meeting_label(short_name: str | None, number: int | None, day: Any) -> str:
    if number is None:
        return short_name or ""
    return f"{short_name}, {number}. Sitzung, {day:%d.%m.%Y}"


Place = tuple[str, str, str]  # context, open_kind, open_id


def _top_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(AgendaItem.id, Body.short_name, Meeting.number, Meeting.date)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(AgendaItem.id.in_(refs))
    )
    return {
        r[0]: (_meeting_label(r[1], r[2], r[3]), "agenda_item", r[0]) for r in conn.execute(query)
    }


def _decision_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(Decision.id, Body.short_name, Meeting.number, Meeting.date, AgendaItem.id)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(Decision.id.in_(refs))
    )
    # A decision is shown in its meeting, under its TOP.
    return {
        r[0]: (_meeting_label(r[1], r[2], r[3]), "agenda_item", r[4]) for r in conn.execute(query)
    }


def _task_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    item = aliased(AgendaItem)
    query = (
        select(Task.id, Office.code, Task.status, Body.short_name, Meeting.number, Meeting.date)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Body, Body.id == Task.body_id)
        .outerjoin(item, item.id == Task.origin_agenda_item_id)
        .outerjoin(Meeting, Meeting.id == item.meeting_id)
        .where(Task.id.in_(refs))
    )
    places = {}
    for task_id, office, status, body, number, day in conn.execute(query):
        parts = [p for p in (office, status.label, _meeting_label(body, number, day)) if p]
        # A task opens in the register, which shows its history and the link to its meeting.
        places[task_id] = (" · ".join(parts), "task", task_id)
    return places


def _person_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(Person.id, Office.code, Person.function, Person.organisation)
        .outerjoin(Office, Office.id == Person.office_id)
        .where(Person.id.in_(refs))
    )
    return {
        r[0]: (" · ".join(p for p in (r[1], r[2], r[3]) if p), "person", r[0])
        for r in conn.execute(query)
    }


_PLACES = {
    "top": _top_places,
    "decision": _decision_places,
    "task": _task_places,
    "person": _person_places,
}


def strip_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def count_hits(store: Store, user_text: str) -> int:
    """How many index rows match (all kinds)."""
    expression = match_expression(user_text)
    if not expression:
        return 0
    with store.engine.connect() as conn:
        return sum(n for _code, n in conn.execute(_COUNT_SQL, {"q": expression}))
