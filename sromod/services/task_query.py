"""One filter and one query for every list of tasks.

The task register, the office and region views, the Excel export (window and command line) and
the task detail pane read tasks through `TaskFilter` and `task_select`, so that a list and its
export never disagree about which tasks a filter holds or what a column says.

The region rule: a task counts for the region it is tagged with and for every region above it
(Planungsraum → Bezirksregion → Prognoseraum). A list's column "Bezirksregion" names the
Bezirksregion: for a task of a Planungsraum the one above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from sromod.models import (
    OVERDUE_TASK_STATUSES,
    PENDING_TASK_STATUSES,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    Office,
    Person,
    Region,
    RegionLevel,
    Task,
    TaskStatus,
)
from sromod.services.common import parse_german_date
from sromod.services.errors import ServiceError
from sromod.services.wording import german_date
from sromod.store import Store, fts

# "unerledigt": what an office still owes (open, in progress, deferred).
PENDING = PENDING_TASK_STATUSES
AnySelect = Select[*tuple[Any, ...]]  # a query of any columns, filtered the same way


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks a list or an export holds; empty fields do not filter."""

    office_id: str | None = None
    person_id: str | None = None
    statuses: tuple[TaskStatus, ...] = ()  # any of these ("unerledigt": PENDING)
    overdue: bool = False
    body_id: str | None = None
    region_id: str | None = None  # the region or any region below it (see the module's rule)
    due_from: date | None = None
    due_to: date | None = None
    decision_id: str | None = None
    text: str = ""  # words in number, title, details or remark (umlauts folded)
    meeting_id: str | None = None  # tasks that arose in this meeting
    task_ids: tuple[str, ...] = ()  # only these tasks (the import compares a file with them)
    today: date | None = None  # decides "overdue"; None: the day it is asked

    def day(self) -> date:
        return self.today or date.today()


def region_ids_clause(column: Any, region_id: str) -> Any:
    """The column names the region or a region below it (up to two levels: a Prognoseraum's
    Bezirksregionen and their Planungsräume)."""
    below = select(Region.id).where(Region.parent_id == region_id)
    ids = select(Region.id).where(
        or_(Region.id == region_id, Region.parent_id == region_id, Region.parent_id.in_(below))
    )
    return column.in_(ids)


def overdue_clause(today: date) -> ColumnElement[bool]:
    return and_(Task.due_date < today, Task.status.in_(list(OVERDUE_TASK_STATUSES)))


def filtered(query: AnySelect, f: TaskFilter) -> AnySelect:
    """The query narrowed to the filter's tasks; it needs no join (only Task's own columns)."""
    conditions: list[Any] = []
    for value, condition in (
        (f.office_id, lambda: Task.office_id == f.office_id),
        (f.person_id, lambda: Task.person_id == f.person_id),
        (f.statuses, lambda: Task.status.in_(list(f.statuses))),
        (f.overdue, lambda: overdue_clause(f.day())),
        (f.body_id, lambda: Task.body_id == f.body_id),
        (f.region_id, lambda: region_ids_clause(Task.region_id, str(f.region_id))),
        (f.due_from, lambda: Task.due_date >= f.due_from),
        (f.due_to, lambda: Task.due_date <= f.due_to),
        (f.decision_id, lambda: Task.decision_id == f.decision_id),
        (f.meeting_id, lambda: Task.origin_agenda_item_id.in_(
            select(AgendaItem.id).where(AgendaItem.meeting_id == f.meeting_id))),
        (f.task_ids, lambda: Task.id.in_(f.task_ids)),
    ):  # fmt: skip
        if value:
            conditions.append(condition())
    words = fts.parse_query(f.text)
    if words:
        conditions.append(fts.matching("task", words))
    return query.where(*conditions) if conditions else query


# The tables the one query joins, by the names its joins give them.
TAGGED_REGION = aliased(Region, name="tagged_region")
UPPER_REGION = aliased(Region, name="upper_region")
ORIGIN_ITEM = aliased(AgendaItem, name="origin_item")
ORIGIN_PARENT = aliased(AgendaItem, name="origin_parent")
ORIGIN_MEETING = aliased(Meeting, name="origin_meeting")
BEZIRKSREGION = case(
    (TAGGED_REGION.level == RegionLevel.PLANUNGSRAUM, UPPER_REGION.name),
    else_=TAGGED_REGION.name,
)


def _columns() -> dict[str, Any]:
    """Each column of the one task query by the name its rows carry."""
    labelled = (
        Task.id, Task.register_number, Task.title, Task.details, Task.office_id,
        Office.code.label("office_code"), Task.person_id, Person.name.label("person_name"),
        Task.due_date, Task.status, Task.priority, Task.region_id,
        TAGGED_REGION.name.label("region_name"), BEZIRKSREGION.label("bezirksregion"),
        Task.body_id, Body.short_name.label("body_short_name"), Task.origin_agenda_item_id,
        ORIGIN_MEETING.id.label("meeting_id"), ORIGIN_MEETING.number.label("meeting_number"),
        ORIGIN_MEETING.date.label("meeting_date"), ORIGIN_ITEM.position.label("item_position"),
        ORIGIN_PARENT.position.label("parent_position"), ORIGIN_ITEM.title.label("item_title"),
        Task.decision_id, Decision.register_number.label("decision_number"),
        Task.completed_on, Task.remark, Task.created_at, Task.updated_at, Task.version,
    )  # fmt: skip
    return {column.key: column for column in labelled}


TASK_COLUMNS: dict[str, Any] = _columns()


def task_select(*names: str, page: Any = None) -> AnySelect:
    """Every task with the names the lists, the workbook and the detail pane show, one row per
    task; read the columns by name (`row.office_code`). names: only these columns (a page of
    the register reads what it shows; both engines then skip the joins nobody reads).

    page: a subquery of task ids (column `id`) that the rows are read for, joined first: the
    tasks of a page are found before the names are joined to them (PostgreSQL keeps the order
    of more than eight joins as written, and would otherwise join every task's names first).
    """
    columns = [TASK_COLUMNS[n] for n in names] if names else list(TASK_COLUMNS.values())
    start: Any = Task if page is None else page.join(Task, Task.id == page.c.id)
    return (
        select(*columns)
        .select_from(start)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Person, Person.id == Task.person_id)
        .outerjoin(TAGGED_REGION, TAGGED_REGION.id == Task.region_id)
        .outerjoin(UPPER_REGION, UPPER_REGION.id == TAGGED_REGION.parent_id)
        .outerjoin(Body, Body.id == Task.body_id)
        .outerjoin(ORIGIN_ITEM, ORIGIN_ITEM.id == Task.origin_agenda_item_id)
        .outerjoin(ORIGIN_PARENT, ORIGIN_PARENT.id == ORIGIN_ITEM.parent_id)
        .outerjoin(ORIGIN_MEETING, ORIGIN_MEETING.id == ORIGIN_ITEM.meeting_id)
        .outerjoin(Decision, Decision.id == Task.decision_id)
    )


# --- the filter as a person names it (the command line) and back -------------------------------

UNERLEDIGT = "unerledigt"


def parse_statuses(words: Iterable[str]) -> tuple[TaskStatus, ...]:
    """Statuses from their German labels or codes; "unerledigt" stands for every pending one."""
    found: list[TaskStatus] = []
    for word in words:
        if word.strip().casefold() == UNERLEDIGT:
            wanted: tuple[TaskStatus, ...] = PENDING
        else:
            status = TaskStatus.from_label(word)
            if status is None:
                labels = ", ".join([*(s.label for s in TaskStatus), UNERLEDIGT])
                raise ServiceError(f"Unbekannter Status „{word}“ (möglich: {labels}).")
            wanted = (TaskStatus(status),)
        found += [s for s in wanted if s not in found]
    return tuple(found)


def _day(text: str | None) -> date | None:
    if text is None or not text.strip():
        return None
    day = parse_german_date(text)
    if day is None:
        raise ServiceError(f"„{text}“ ist kein Datum (erwartet wie 25.11.2026 oder 2026-11-25).")
    return day


def _one(rows: list[Any], wanted: str) -> Any:
    """The row whose name is wanted exactly, else the only one that matches ignoring case."""
    exact = [r for r in rows if r.name == wanted]
    if exact:
        return exact[0]
    folded = [r for r in rows if r.name.casefold() == wanted.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def _named_id(conn: Any, id_column: Any, name_column: Any, wanted: str, refusal: str) -> str:
    rows = conn.execute(select(id_column.label("id"), name_column.label("name"))).all()
    found = _one(rows, wanted)
    if found is None:
        raise ServiceError(refusal)
    return str(found.id)


def _office_id(conn: Any, code: str) -> str:
    refusal = f"Ein Amt mit dem Kürzel „{code}“ gibt es nicht."
    return _named_id(conn, Office.id, Office.code, code, refusal)


def office_id_for(store: Store, code: str) -> str:
    """The id of the office with this code; an unknown code is one German sentence."""
    with store.engine.connect() as conn:
        return _office_id(conn, code)


_WITH_OFFICE = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


def _person_id(conn: Any, name: str) -> str:
    """A person by name; two people of one name are told apart as "Name (Amt)"."""
    query = select(Person.id, Person.name, Office.code).outerjoin(
        Office, Office.id == Person.office_id
    )
    people = conn.execute(query).all()
    wanted = name.strip().casefold()
    rows = [p for p in people if p.name.casefold() == wanted]
    with_office = _WITH_OFFICE.match(name)
    if not rows and with_office:
        person, code = (g.strip().casefold() for g in with_office.groups())
        rows = [
            p for p in people if (p.name.casefold(), (p.code or "").casefold()) == (person, code)
        ]
    if not rows:
        raise ServiceError(f"Eine Person „{name}“ gibt es nicht.")
    if len(rows) > 1:
        raise ServiceError(
            f"Mehrere Personen heißen „{name}“; geben Sie das Amt dazu an, etwa "
            f"„{name} ({rows[0].code or '—'})“."
        )
    return str(rows[0].id)


def _body_id(conn: Any, short_name: str) -> str:
    refusal = f"Ein Gremium mit der Kurzbezeichnung „{short_name}“ gibt es nicht."
    return _named_id(conn, Body.id, Body.short_name, short_name, refusal)


# A name shared by two levels (Alt-Treptow is a Bezirksregion and a Planungsraum) means the
# Bezirksregion: the level the lists and the workbook's column work in.
_LEVEL_ORDER = (RegionLevel.BEZIRKSREGION, RegionLevel.PLANUNGSRAUM, RegionLevel.PROGNOSERAUM)


def _region_id(conn: Any, name: str) -> str:
    """A region by its name or its LOR number."""
    wanted = name.strip().casefold()
    rows = [
        r
        for r in conn.execute(select(Region.id, Region.lor_id, Region.name, Region.level))
        if wanted in (r.lor_id, r.name.casefold())
    ]
    if not rows:
        raise ServiceError(f"Eine Region „{name}“ gibt es nicht.")
    return str(min(rows, key=lambda r: _LEVEL_ORDER.index(r.level)).id)


def resolve_task_filter(
    store: Store,
    *,
    office: str | None = None,
    statuses: Iterable[str] = (),
    person: str | None = None,
    body: str | None = None,
    region: str | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
    text: str = "",
    overdue: bool = False,
    today: date | None = None,
) -> TaskFilter:
    """The filter that office code, status words, names and German or ISO dates describe;
    a name the store does not know or a value that is no date is one German sentence."""
    first, last = _day(due_from), _day(due_to)
    if first and last and first > last:
        raise ServiceError(
            f"Der Beginn des Fälligkeitszeitraums ({german_date(first)}) liegt nach seinem "
            f"Ende ({german_date(last)})."
        )
    wanted = parse_statuses(statuses)
    with store.engine.connect() as conn:
        return TaskFilter(
            office_id=_office_id(conn, office) if office else None,
            person_id=_person_id(conn, person) if person else None,
            statuses=wanted,
            overdue=overdue,
            body_id=_body_id(conn, body) if body else None,
            region_id=_region_id(conn, region) if region else None,
            due_from=first,
            due_to=last,
            text=text.strip(),
            today=today,
        )


@dataclass(frozen=True)
class FilterNames:
    """The names behind a filter's ids, for a page header or a file name."""

    office_code: str = ""
    office_name: str = ""
    person_name: str = ""
    body_short_name: str = ""
    region_name: str = ""
    region_level: RegionLevel | None = None
    decision_number: str = ""


def filter_names(store: Store, f: TaskFilter) -> FilterNames:
    with store.engine.connect() as conn:

        def one(query: Any) -> Any:
            return conn.execute(query).first()

        office = one(select(Office.code, Office.name).where(Office.id == f.office_id))
        person = one(select(Person.name).where(Person.id == f.person_id))
        body = one(select(Body.short_name).where(Body.id == f.body_id))
        region = one(select(Region.name, Region.level).where(Region.id == f.region_id))
        decision = one(select(Decision.register_number).where(Decision.id == f.decision_id))
    return FilterNames(
        office.code if office else "", office.name if office else "",
        person.name if person else "", body.short_name if body else "",
        region.name if region else "", region.level if region else None,
        decision.register_number if decision else "",
    )  # fmt: skip
