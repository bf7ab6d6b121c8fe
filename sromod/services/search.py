"""Full-text search over TOPs, decisions, tasks and people (umlauts folded), on either engine.

Each word the user types is quoted as a phrase, so that search syntax in ordinary text
("Kita-Plätze", "AND", quotes) never turns into operators; the last word matches as a prefix, so
results appear while typing. The index and its queries live in `sromod.store.fts`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from sromod.models import AgendaItem, Body, Decision, Meeting, Office, Person, Task, TaskStatus
from sromod.services.common import MeetingRef
from sromod.store import Store, fts

log = logging.getLogger(__name__)

KINDS = ("top", "decision", "task", "person")
KIND_LABELS = {"top": "TOPs", "decision": "Beschlüsse", "task": "Aufgaben", "person": "Personen"}
MARK_START, MARK_END = "\u0002", "\u0003"  # marks around matched words in snippets


@dataclass(frozen=True)
class HitPlace:
    """Where a hit belongs, as data; the window and the command line word it."""

    office_code: str | None = None
    status: TaskStatus | None = None  # of a task
    meeting: MeetingRef | None = None
    body_short_name: str | None = None  # a task's body when it came from no meeting
    details: tuple[str, ...] = ()  # a person's function and organisation


@dataclass(frozen=True)
class SearchHit:
    kind: str  # top, decision, task, person
    ref: str  # the row's id
    title: str
    snippet: str  # text around the match, matches between MARK_START and MARK_END
    place: HitPlace  # where it belongs: "AG SRO, 12. Sitzung, 25.11.2026", a task's office …
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
    return fts.parse_query(user_text).fts5()


KIND_CODES = {"top": 1, "decision": 2, "task": 3, "person": 4}  # as in sromod.store.fts

# Ranking by relevance reads the statistics of every match; past this many matches in all, the
# newest rows of each kind come first instead (a short prefix like "s" would otherwise take a
# third of a second on a district decade).
RANK_LIMIT = 6000


def search(
    store: Store, user_text: str, *, per_kind: int = 8, kinds: tuple[str, ...] = KINDS
) -> list[SearchGroup]:
    """Hits for the user's words, grouped by kind (TOPs, decisions, tasks, people)."""
    query = fts.parse_query(user_text)
    if not query:
        return []
    groups = []
    words = query_words(user_text)
    with store.engine.connect() as conn:
        counts = fts.count_matches(conn, query)
        best = _best_rowids(conn, query, counts, per_kind)
        for kind in kinds:
            found = counts.get(KIND_CODES[kind], 0)
            if not found:
                continue
            hits = _hits(conn, kind, words, best[KIND_CODES[kind]])
            groups.append(SearchGroup(kind, KIND_LABELS[kind], hits, found > per_kind, found))
    return groups


def _best_rowids(
    conn: Any, query: fts.SearchQuery, counts: dict[int, int], per_kind: int
) -> dict[int, list[int]]:
    """The rowids to show per kind code: the most relevant, or the newest of many matches."""
    best: dict[int, list[int]] = {code: [] for code in KIND_CODES.values()}
    if sum(counts.values()) <= RANK_LIMIT:
        # One pass scores every match (lower is better); sorting a few thousand in Python
        # costs less than one ranked query per kind.
        rows = fts.scored_matches(conn, query)
        scored = sorted(rows, key=lambda r: (round(r[1], 6), -r[0]))  # equal scores: newest first
        for rowid, _score in scored:
            chosen = best.get(rowid % 8)
            if chosen is not None and len(chosen) < per_kind:
                chosen.append(rowid)
        return best
    for code, found in counts.items():
        if found and code in best:
            best[code] = fts.newest_matches(conn, query, code, per_kind)
    return best


def _hits(
    conn: Any, kind: str, words: list[tuple[str, bool]], rowids: list[int]
) -> list[SearchHit]:
    if not rowids:
        return []
    # The rows are read by rowid, without MATCH: FTS5's snippet() would evaluate the query once
    # more per row, which for a broad prefix costs more than the whole search.
    by_rowid = fts.entries(conn, rowids)
    places = _PLACES[kind](conn, [ref for ref, _title, _body in by_rowid.values()])
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
    prefix = fts.prefix_wanted(user_text)
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


Place = tuple[HitPlace, str, str]  # place, open_kind, open_id


def _meeting(meeting_id: str, short_name: str, number: int, day: date) -> HitPlace:
    return HitPlace(meeting=MeetingRef(meeting_id, short_name, number, day))


def _top_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(AgendaItem.id, Meeting.id, Body.short_name, Meeting.number, Meeting.date)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(AgendaItem.id.in_(refs))
    )
    return {r[0]: (_meeting(*r[1:]), "agenda_item", r[0]) for r in conn.execute(query)}


def _decision_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(
            Decision.id, Meeting.id, Body.short_name, Meeting.number, Meeting.date, AgendaItem.id
        )
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(Decision.id.in_(refs))
    )
    # A decision is shown in its meeting, under its TOP.
    return {r[0]: (_meeting(*r[1:5]), "agenda_item", r[5]) for r in conn.execute(query)}


def _task_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    item = aliased(AgendaItem)
    query = (
        select(
            Task.id,
            Office.code,
            Task.status,
            Body.short_name,
            Meeting.id,
            Meeting.number,
            Meeting.date,
        )
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Body, Body.id == Task.body_id)
        .outerjoin(item, item.id == Task.origin_agenda_item_id)
        .outerjoin(Meeting, Meeting.id == item.meeting_id)
        .where(Task.id.in_(refs))
    )
    places = {}
    for task_id, office, status, body, meeting_id, number, day in conn.execute(query):
        meeting = MeetingRef(meeting_id, body, number, day) if meeting_id else None
        place = HitPlace(office, status, meeting, None if meeting else body)
        # A task opens in the register, which shows its history and the link to its meeting.
        places[task_id] = (place, "task", task_id)
    return places


def _person_places(conn: Any, refs: list[str]) -> dict[str, Place]:
    query = (
        select(Person.id, Office.code, Person.function, Person.organisation)
        .outerjoin(Office, Office.id == Person.office_id)
        .where(Person.id.in_(refs))
    )
    return {
        r[0]: (HitPlace(r[1], details=tuple(p for p in (r[2], r[3]) if p)), "person", r[0])
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
