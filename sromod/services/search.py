"""Full-text search over TOPs, decisions, tasks and people (SQLite FTS5, umlauts folded).

Each word the user types is quoted as a phrase, so that FTS5 syntax characters in ordinary text
("Kita-Plätze", "AND", quotes) never turn into operators; the last word matches as a prefix, so
results appear while typing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
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
    # A NUL (pasted from another program) ends FTS5's string early: a syntax error, not a search.
    user_text = "".join(c if c.isprintable() else " " for c in user_text)
    words = [w for w in user_text.split() if w.strip('"')]
    if not words:
        return ""
    prefix = _prefix_wanted(user_text)
    # Explicit AND: FTS5 takes no implicit AND after a parenthesised group.
    return " AND ".join(_term(w, prefix and n == len(words) - 1) for n, w in enumerate(words))


def _term(word: str, prefix: bool) -> str:
    """One word as a quoted phrase; a word with ss or ß also matches the other spelling."""
    # The tokenizer folds umlauts but keeps ß: "strasse" (typed without ß) would not find
    # "Straße", nor "Straße" an old "Strasse".
    variants = [word]
    if "ß" in word:
        variants.append(word.replace("ß", "ss"))
    elif "ss" in word.casefold():
        variants.append(word.casefold().replace("ss", "ß"))
    star = "*" if prefix else ""
    quoted = ['"' + v.replace('"', '""') + '"' + star for v in variants]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _prefix_wanted(user_text: str) -> bool:
    # A one- or two-letter prefix matches most of the index and costs a second on a district
    # decade; such a word is matched whole until a third letter is typed.
    words = user_text.split()
    return bool(words) and not user_text[-1:].isspace() and len(words[-1].strip('"')) >= 3


def fts_refs(kind: str, expression: str) -> Any:
    """A SELECT of the ids of one kind whose text matches (for use in IN clauses)."""
    return (
        select(_FTS.c.ref)
        .where(_FTS.c.kind == kind)
        .where(literal_column("search_fts").op("MATCH")(expression))
    )


KIND_CODES = {"top": 1, "decision": 2, "task": 3, "person": 4}  # as in sromod.store.fts


def fts_rowids(kind: str, expression: str) -> Any:
    """A SELECT of the source rowids of one kind whose text matches (for `table.rowid IN`).

    Faster than `fts_refs` for broad matches: the rowid encodes the kind and the source row,
    so no stored column is read (a one-letter word matching every task took half a second).
    """
    return (
        select(literal_column("search_fts.rowid / 8"))  # integer division, as SQL writes it
        .select_from(_FTS)
        .where(literal_column("search_fts").op("MATCH")(expression))
        .where(literal_column("search_fts.rowid % 8") == KIND_CODES[kind])
    )


# Ranking by relevance reads the statistics of every match; past this many matches in all, the
# newest rows of each kind come first instead (a short prefix like "s" would otherwise take a
# third of a second on a district decade).
RANK_LIMIT = 6000

# The kind is derived from the rowid (source rowid * 8 + kind code), so counting and filtering
# by kind never reads the stored text. Titles weigh twice the body in the ranking.
_COUNT_SQL = text(
    "SELECT rowid % 8, count(*) FROM search_fts WHERE search_fts MATCH :q GROUP BY rowid % 8"
)
_SCORES_SQL = text(
    "SELECT rowid, bm25(search_fts, 0, 0, 2.0, 1.0) FROM search_fts WHERE search_fts MATCH :q"
)
_NEWEST_SQL = text(
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid % 8 = :code "
    "ORDER BY rowid DESC LIMIT :limit"
)


def search(
    store: Store, user_text: str, *, per_kind: int = 8, kinds: tuple[str, ...] = KINDS
) -> list[SearchGroup]:
    """Hits for the user's words, grouped by kind (TOPs, decisions, tasks, people)."""
    expression = match_expression(user_text)
    if not expression:
        return []
    groups = []
    words = query_words(user_text)
    with store.engine.connect() as conn:
        counts: dict[int, int] = dict(conn.execute(_COUNT_SQL, {"q": expression}).all())
        best = _best_rowids(conn, expression, counts, per_kind)
        for kind in kinds:
            found = counts.get(KIND_CODES[kind], 0)
            if not found:
                continue
            hits = _hits(conn, kind, words, best[KIND_CODES[kind]])
            groups.append(SearchGroup(kind, KIND_LABELS[kind], hits, found > per_kind, found))
    return groups


def _best_rowids(
    conn: Any, expression: str, counts: dict[int, int], per_kind: int
) -> dict[int, list[int]]:
    """The rowids to show per kind code: the most relevant, or the newest of many matches."""
    best: dict[int, list[int]] = {code: [] for code in KIND_CODES.values()}
    if sum(counts.values()) <= RANK_LIMIT:
        # One pass scores every match (bm25: lower is better); sorting a few thousand in
        # Python costs less than one ranked query per kind.
        rows = conn.execute(_SCORES_SQL, {"q": expression}).all()
        scored = sorted(rows, key=lambda r: (round(r[1], 6), -r[0]))  # equal scores: newest first
        for rowid, _score in scored:
            chosen = best.get(rowid % 8)
            if chosen is not None and len(chosen) < per_kind:
                chosen.append(rowid)
        return best
    for code, found in counts.items():
        if found and code in best:
            args = {"q": expression, "code": code, "limit": per_kind}
            best[code] = [r[0] for r in conn.execute(_NEWEST_SQL, args)]
    return best


def _hits(
    conn: Any, kind: str, words: list[tuple[str, bool]], rowids: list[int]
) -> list[SearchHit]:
    if not rowids:
        return []
    # The rows are read by rowid, without MATCH: FTS5's snippet() would evaluate the query once
    # more per row, which for a broad prefix costs more than the whole search.
    marks = ", ".join(str(int(r)) for r in rowids)
    rows = conn.execute(
        text(f"SELECT rowid, ref, title, body FROM search_fts WHERE rowid IN ({marks})")
    ).all()
    by_rowid = {r[0]: r[1:] for r in rows}
    places = _PLACES[kind](conn, [r[1] for r in rows])
    hits = []
    for rowid in rowids:
        ref, title, body = by_rowid[rowid]
        if ref in places:
            snippet = make_snippet(body or "", words)
            hits.append(SearchHit(kind, ref, " ".join(title.split()), snippet, *places[ref]))
    return hits


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without diacritics, as the index's tokenizer sees a word (Ü → u)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_words(user_text: str) -> list[tuple[str, bool]]:
    """The folded tokens of the user's words, each with whether it matches as a prefix."""
    tokens = [fold(t) for t in _TOKEN.findall(user_text)]
    prefix = _prefix_wanted(user_text)
    return [(t, prefix and n == len(tokens) - 1) for n, t in enumerate(tokens)]


def make_snippet(body: str, words: list[tuple[str, bool]], width: int = 14) -> str:
    """About `width` words of body around the first match, matches between the marks."""
    tokens = list(_TOKEN.finditer(body))
    if not tokens:
        return ""

    def matches(token: str) -> bool:
        folded = fold(token)
        return any(folded.startswith(w) if prefix else folded == w for w, prefix in words)

    hits = [n for n, t in enumerate(tokens) if matches(t.group())]
    if not hits:
        return ""  # the words matched the title; the start of the body would say nothing
    first = max(0, hits[0] - width // 3)
    last = min(len(tokens), first + width) - 1
    start, end = tokens[first].start(), tokens[last].end()
    while end < len(body) and not body[end].isspace():  # keep "(SGA)" and "Straße." whole
        end += 1
    pieces, at = [], start
    for token in tokens[first : last + 1]:
        if matches(token.group()):
            pieces += [body[at : token.start()], MARK_START, token.group(), MARK_END]
            at = token.end()
    pieces.append(body[at:end])
    snippet = " ".join("".join(pieces).split())
    return ("… " if first > 0 else "") + snippet + (" …" if last < len(tokens) - 1 else "")


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
