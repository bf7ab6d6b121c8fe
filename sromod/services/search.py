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
from typing import Any

from sqlalchemy import Date, Integer, String, literal, null, select, type_coerce, union_all
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
    total: int = 0  # how many rows of this kind match, at most the cap
    capped: bool = False  # more than `total` match: counting stopped at the cap


def match_expression(user_text: str) -> str:
    """The FTS5 query for the user's words: each a quoted phrase, the last one a prefix."""
    return fts.parse_query(user_text).fts5()


# Matches are counted per kind up to this many; past it a group says "mehr als 1.000" and
# shows its newest matches instead of the most relevant. Counting or ranking every match of a
# common word costs a tenth of a second on a shared register of twelve districts (42,000
# entries hold "Spielplatz"), and nobody reads a thousand hits: they narrow the search.
MATCH_CAP = 1000


def search(
    store: Store,
    user_text: str,
    *,
    per_kind: int = 8,
    kinds: tuple[str, ...] = KINDS,
    cap: int | None = None,
) -> list[SearchGroup]:
    """Hits for the user's words, grouped by kind (TOPs, decisions, tasks, people).

    cap: count up to this many matches per kind (default MATCH_CAP)."""
    query = fts.parse_query(user_text)
    if not query:
        return []
    cap = cap or MATCH_CAP
    groups = []
    words = query_words(user_text)
    with store.reading() as conn:
        matches = fts.best_matches(conn, query, kinds, per_kind, cap)
        shown = {kind: [ref for ref, _title, _body in m.shown] for kind, m in matches.items()}
        places = _places(conn, shown)
    for kind in kinds:
        found = matches[kind].found
        if not found:
            continue
        hits = _hits(kind, words, matches[kind].shown, places)
        shown_count = min(found, cap)
        capped = found > cap
        more = found > per_kind or capped
        groups.append(SearchGroup(kind, KIND_LABELS[kind], hits, more, shown_count, capped))
    return groups


def _hits(
    kind: str,
    words: list[tuple[str, bool]],
    shown: list[fts.Entry],
    places: dict[tuple[str, str], Place],
) -> list[SearchHit]:
    # The entries come without their snippet: FTS5's snippet() would evaluate the query once
    # more per row, which for a broad prefix costs more than the whole search.
    hits = []
    for ref, title, body in shown:
        place = places.get((kind, ref))
        if place is not None:
            snippet = make_snippet(body or "", words)
            hits.append(SearchHit(kind, ref, " ".join(title.split()), snippet, *place))
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

# What each kind's hits need to say where they belong, read for all kinds in one statement
# (a round trip to a busy server costs more than the query): (ref, office code, task status,
# body, meeting id, number and date, the id to open, a person's function and organisation).
_PLACE_COLUMNS = (
    ("ref", String()), ("office_code", String()), ("status", Task.status.type),
    ("body", String()), ("meeting_id", String()), ("number", Integer()),
    ("day", Date()), ("open_id", String()), ("function", String()),
    ("organisation", String()),
)  # fmt: skip


def _place_select(kind: str, **given: Any) -> Any:
    columns = [
        type_coerce(given.get(name, null()), type_).label(name) for name, type_ in _PLACE_COLUMNS
    ]
    return select(literal(kind).label("kind"), *columns)


def _place_query(kind: str, refs: list[str]) -> Any:
    if kind == "person":
        return (
            _place_select(kind, ref=Person.id, office_code=Office.code,
                          open_id=Person.id, function=Person.function,
                          organisation=Person.organisation)
            .select_from(Person)
            .outerjoin(Office, Office.id == Person.office_id)
            .where(Person.id.in_(refs))
        )  # fmt: skip
    meeting = {"meeting_id": Meeting.id, "number": Meeting.number, "day": Meeting.date}
    if kind == "task":
        item = aliased(AgendaItem)
        return (
            _place_select(kind, ref=Task.id, office_code=Office.code, status=Task.status,
                          body=Body.short_name, open_id=Task.id, **meeting)
            .select_from(Task)
            .outerjoin(Office, Office.id == Task.office_id)
            .outerjoin(Body, Body.id == Task.body_id)
            .outerjoin(item, item.id == Task.origin_agenda_item_id)
            .outerjoin(Meeting, Meeting.id == item.meeting_id)
            .where(Task.id.in_(refs))
        )  # fmt: skip
    in_meeting = Meeting.id == AgendaItem.meeting_id
    if kind == "decision":  # a decision is shown in its meeting, under its TOP
        return (
            _place_select(kind, ref=Decision.id, body=Body.short_name,
                          open_id=AgendaItem.id, **meeting)
            .select_from(Decision)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .join(Meeting, in_meeting)
            .join(Body, Body.id == Meeting.body_id)
            .where(Decision.id.in_(refs))
        )  # fmt: skip
    return (
        _place_select(kind, ref=AgendaItem.id, body=Body.short_name,
                      open_id=AgendaItem.id, **meeting)
        .select_from(AgendaItem)
        .join(Meeting, in_meeting)
        .join(Body, Body.id == Meeting.body_id)
        .where(AgendaItem.id.in_(refs))
    )  # fmt: skip


def _places(conn: Any, refs: dict[str, list[str]]) -> dict[tuple[str, str], Place]:
    """Where each hit belongs and what opens it, by (kind, ref)."""
    queries = [_place_query(kind, found) for kind, found in refs.items() if found]
    if not queries:
        return {}
    places: dict[tuple[str, str], Place] = {}
    for r in conn.execute(union_all(*queries)):
        places[(r.kind, r.ref)] = _place(r)
    return places


def _place(r: Any) -> Place:
    meeting = MeetingRef(r.meeting_id, r.body, r.number, r.day) if r.meeting_id else None
    if r.kind == "person":
        details = tuple(p for p in (r.function, r.organisation) if p)
        return HitPlace(r.office_code, details=details), "person", r.open_id
    if r.kind == "task":
        # A task opens in the register, which shows its history and the link to its meeting.
        place = HitPlace(r.office_code, r.status, meeting, None if meeting else r.body)
        return place, "task", r.open_id
    return HitPlace(meeting=meeting), "agenda_item", r.open_id


def strip_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")
