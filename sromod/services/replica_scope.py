"""Which rows of the shared register a laptop's replica holds (data minimisation).

A replica is chosen by bodies. It holds those bodies whole (their meetings, TOPs, decisions,
attendance, standing agenda, attachments), the people of those bodies (members, and everyone their
records name: moderator, minute taker, attendance, the person responsible for one of their
tasks), every task of those bodies and every task assigned to an office that has a member in one
of them, whatever body it came from (the office lead's list of what the office owes). Reference
data (offices, their departments, regions, settings) are copied whole.

A task from another body brings along that body's name only (a "context" body: no people, no
place, no distribution list, no meetings); references the replica does not hold (its TOP, its
decision, a person of the other body) are left empty there and counted as withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from sqlalchemy import Connection, Table, or_, select, union

from sromod.models import Base
from sromod.services.errors import ServiceError
from sromod.services.task_query import AnySelect

T = Base.metadata.tables
Among: TypeAlias = "list[str] | AnySelect | None"  # ids, or a query of them
# Columns of a body that the replica leaves empty for a body outside its scope.
CONTEXT_BODY_BLANKS = ("default_place", "description", "distribution", "moderator_id",
                       "minute_taker_id")  # fmt: skip
WHOLE_TABLES = ("offices", "office_departments", "regions", "settings")


@dataclass(frozen=True)
class Scope:
    """The bodies a replica holds whole, by id and short name, and how they were chosen."""

    body_ids: tuple[str, ...]
    short_names: tuple[str, ...]
    rule: str  # "named" (--body) or "office" (the login's office is a member)


def named_scope(conn: Connection, short_names: list[str]) -> Scope:
    """The bodies of these short names (regardless of case); one German sentence for an unknown."""
    bodies = T["bodies"]
    known = {
        short.casefold(): (body_id, short)
        for body_id, short in conn.execute(select(bodies.c.id, bodies.c.short_name))
    }
    missing = [name for name in short_names if name.casefold() not in known]
    if missing:
        listed = ", ".join(sorted(short for _, short in known.values())) or "keine"
        raise ServiceError(
            f"Das Register kennt kein Gremium mit der Kurzbezeichnung „{missing[0]}“; es gibt: "
            f"{listed}. Es wurde keine Replik angelegt."
        )
    chosen = dict.fromkeys(known[name.casefold()] for name in short_names)
    return Scope(tuple(i for i, _ in chosen), tuple(s for _, s in chosen), "named")


def office_scope(conn: Connection, office_id: str | None, login: str) -> Scope:
    """Without --body: the active bodies in which the login's office has a current member."""
    if office_id is None:
        raise ServiceError(
            f"Für die Anmeldung „{login}“ wählt sromod die Gremien der Replik nicht selbst, weil "
            "ihr kein Amt zugeordnet ist; bitte nennen Sie sie mit --body KURZBEZEICHNUNG."
        )
    bodies, members, persons = T["bodies"], T["memberships"], T["persons"]
    rows = conn.execute(
        select(bodies.c.id, bodies.c.short_name)
        .where(bodies.c.active.is_(True))
        .where(
            bodies.c.id.in_(
                select(members.c.body_id)
                .join(persons, persons.c.id == members.c.person_id)
                .where(persons.c.office_id == office_id, members.c.valid_to.is_(None))
            )
        )
        .order_by(bodies.c.short_name)
    ).all()
    if not rows:
        raise ServiceError(
            f"Das Amt der Anmeldung „{login}“ ist in keinem Gremium Mitglied; bitte nennen Sie "
            "die Gremien der Replik mit --body KURZBEZEICHNUNG."
        )
    return Scope(tuple(r[0] for r in rows), tuple(r[1] for r in rows), "office")


def row_queries(scope: Scope) -> dict[str, AnySelect]:
    """For every table, the query of the rows the replica holds (run on the register)."""
    b = scope.body_ids
    m, a, d, t = T["meetings"], T["agenda_items"], T["decisions"], T["tasks"]
    meeting_ids = select(m.c.id).where(m.c.body_id.in_(b))
    item_ids = select(a.c.id).where(a.c.meeting_id.in_(meeting_ids))
    task_ids = _task_ids(b, item_ids)
    queries: dict[str, AnySelect] = {name: select(T[name]) for name in WHOLE_TABLES}
    queries.update(
        persons=_where(T["persons"], T["persons"].c.id.in_(_people(scope, meeting_ids))),
        bodies=_where(
            T["bodies"],
            or_(
                T["bodies"].c.id.in_(b),
                T["bodies"].c.id.in_(select(t.c.body_id).where(t.c.id.in_(task_ids))),
            ),
        ),
        meetings=_where(m, m.c.id.in_(meeting_ids)),
        memberships=_where(T["memberships"], T["memberships"].c.body_id.in_(b)),
        standing_agenda_items=_where(
            T["standing_agenda_items"], T["standing_agenda_items"].c.body_id.in_(b)
        ),
        agenda_items=_where(a, a.c.id.in_(item_ids)),
        attendances=_where(T["attendances"], T["attendances"].c.meeting_id.in_(meeting_ids)),
        agenda_item_regions=_child(T["agenda_item_regions"], "agenda_item_id", item_ids),
        attachments=_child(T["attachments"], "meeting_id", meeting_ids),
        decisions=_child(d, "agenda_item_id", item_ids),
        decision_regions=_child(
            T["decision_regions"],
            "decision_id",
            select(d.c.id).where(d.c.agenda_item_id.in_(item_ids)),
        ),
        tasks=_where(t, t.c.id.in_(task_ids)),
        task_events=_child(T["task_events"], "task_id", task_ids),
        task_reviews=_child(T["task_reviews"], "agenda_item_id", item_ids),
    )
    return queries


def _task_ids(b: tuple[str, ...], item_ids: AnySelect, among: Among = None) -> AnySelect:
    """The bodies' tasks, those of offices with a member in them, and those reviewed there
    (of the tasks among, if given)."""
    t, persons, members, reviews = T["tasks"], T["persons"], T["memberships"], T["task_reviews"]
    offices = (
        select(persons.c.office_id)
        .join(members, members.c.person_id == persons.c.id)
        .where(members.c.body_id.in_(b), persons.c.office_id.is_not(None))
    )
    reviewed = select(reviews.c.task_id).where(reviews.c.agenda_item_id.in_(item_ids))
    query = select(t.c.id)
    if among is not None:
        query, reviewed = (
            query.where(t.c.id.in_(among)),
            reviewed.where(reviews.c.task_id.in_(among)),
        )
    return query.where(or_(t.c.body_id.in_(b), t.c.office_id.in_(offices), t.c.id.in_(reviewed)))


def _people(scope: Scope, meeting_ids: AnySelect, among: Among = None) -> AnySelect:
    """The people of the scope's bodies: members and everyone the bodies' records name (of the
    people among, if given)."""
    b, m, t, bodies = scope.body_ids, T["meetings"], T["tasks"], T["bodies"]
    named = [
        select(T["memberships"].c.person_id).where(T["memberships"].c.body_id.in_(b)),
        select(bodies.c.moderator_id).where(bodies.c.id.in_(b)),
        select(bodies.c.minute_taker_id).where(bodies.c.id.in_(b)),
        select(m.c.moderator_id).where(m.c.id.in_(meeting_ids)),
        select(m.c.minute_taker_id).where(m.c.id.in_(meeting_ids)),
        select(T["attendances"].c.person_id).where(T["attendances"].c.meeting_id.in_(meeting_ids)),
        select(t.c.person_id).where(t.c.body_id.in_(b)),
    ]
    if among is not None:
        named = [q.where(q.selected_columns[0].in_(among)) for q in named]
    return select(union(*named).subquery().c[0])


def ids_among(conn: Connection, scope: Scope, name: str, ids: list[str]) -> set[str] | None:
    """The ids among ids that the replica holds, for the tables whose row query the planner
    reads whole before it looks at a few ids (tasks, their history, people); None for the
    others, whose row query does well with the ids added. The same rows as `row_queries`."""
    b, m, a, e = scope.body_ids, T["meetings"], T["agenda_items"], T["task_events"]
    meeting_ids = select(m.c.id).where(m.c.body_id.in_(b))
    item_ids = select(a.c.id).where(a.c.meeting_id.in_(meeting_ids))
    if name == "tasks":
        return set(conn.scalars(_task_ids(b, item_ids, ids)))
    if name == "task_events":  # by their tasks: the tasks' ids first, then those of the scope
        task_of = {
            i: t for i, t in conn.execute(select(e.c.id, e.c.task_id).where(e.c.id.in_(ids)))
        }
        held = set(conn.scalars(_task_ids(b, item_ids, sorted(set(task_of.values())))))
        return {event for event, task in task_of.items() if task in held}
    if name == "persons":
        return set(conn.scalars(_people(scope, meeting_ids, ids)))
    return None


def _where(table: Table, condition: object) -> AnySelect:
    return select(table).where(condition)  # type: ignore[arg-type]  # the callers' conditions are SQL expressions, typed loosely as object here


def _child(table: Table, column: str, parents: AnySelect) -> AnySelect:
    return select(table).where(table.c[column].in_(parents))
