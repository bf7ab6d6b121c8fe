"""What a minutes, excerpt or invitation document needs, gathered into plain frozen values.

The exports never see ORM objects: they get a `MinutesData` built here in one short session with a
handful of joined queries, so a 30-TOP meeting costs a few milliseconds to gather.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from sromod.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemState,
    Body,
    Decision,
    Meeting,
    MeetingState,
    Office,
    Person,
    Setting,
    Task,
    TaskReview,
    TaskStatus,
)
from sromod.services.agenda import TimePlan, time_plan
from sromod.services.errors import NotFound
from sromod.services.minutes_attendance import (
    AttendanceGroup,
    Attendee,
    attendance_groups,
    sign_in_members,
)
from sromod.services.quorum import QuorumStatement, quorum_statement
from sromod.store import Store

log = logging.getLogger(__name__)

DEFAULT_DISTRICT = "Bezirksamt Treptow-Köpenick von Berlin"


@dataclass(frozen=True)
class MeetingHeader:
    meeting_id: str
    body_id: str
    body_name: str
    body_short_name: str
    number: int
    meeting_date: date
    planned_start: time | None
    planned_end: time | None
    actual_start: datetime | None
    actual_end: datetime | None
    place: str | None
    moderator: str | None
    minute_taker: str | None
    state: MeetingState
    district: str
    organisational_unit: str
    next_date: date | None
    next_start: time | None
    next_place: str | None
    next_note: str | None

    @property
    def released(self) -> bool:
        return self.state is MeetingState.RELEASED

    @property
    def body_label(self) -> str:
        """The body as a title names it: its short name, else its name."""
        return self.body_short_name or self.body_name


@dataclass(frozen=True)
class DecisionLine:
    register_number: str
    kind_label: str
    text: str
    votes: tuple[int, int, int] | None  # dafür, dagegen, Enthaltung when a vote was taken
    task_office_ids: frozenset[str]
    votes_override_reason: str = ""  # why more votes than voters present were accepted


@dataclass(frozen=True)
class TaskLine:
    task_id: str
    register_number: str
    title: str
    details: str
    office_id: str | None
    office_code: str
    office_name: str
    person: str
    due_date: date | None
    status: TaskStatus

    @property
    def who(self) -> str:
        """ "Jugendamt (Frau Muster)" — the office, with the person where one is named."""
        who = self.office_name or self.office_code
        if self.person:
            return f"{who} ({self.person})" if who else self.person
        return who


@dataclass(frozen=True)
class ReviewLine:
    task: TaskLine
    status_before: TaskStatus
    status_after: TaskStatus | None
    note: str


@dataclass(frozen=True)
class AgendaEntry:
    item_id: str
    number: str  # "2" or "2.1"; documents write "TOP 2.1"
    depth: int
    title: str
    description: str
    presenter: str
    kind: AgendaItemKind
    state: AgendaItemState
    planned_minutes: int
    result: str
    decisions: tuple[DecisionLine, ...]
    tasks: tuple[TaskLine, ...]
    reviews: tuple[ReviewLine, ...]
    # in an excerpt that shows only some of the tasks reviewed here: how many were reviewed
    reviewed_in_all: int = 0


@dataclass(frozen=True)
class MinutesData:
    header: MeetingHeader
    attendance: tuple[AttendanceGroup, ...]
    members: tuple[Attendee, ...]  # the body's members on the meeting day (for the sign-in list)
    agenda: tuple[AgendaEntry, ...]
    office_id: str | None = None  # set for an excerpt (Protokollauszug)
    office_name: str = ""
    quorum: QuorumStatement | None = None  # where the body has a quorum

    @property
    def reviews(self) -> tuple[ReviewLine, ...]:
        return tuple(r for entry in self.agenda for r in entry.reviews)


def minutes_data(store: Store, meeting_id: str, *, office_id: str | None = None) -> MinutesData:
    """Everything the minutes need; with office_id, cut down to what concerns that office."""
    with store.session() as session:
        header = _header(session, meeting_id)
        agenda = _agenda(session, meeting_id)
        data = MinutesData(
            header=header,
            attendance=_attendance(session, header),
            members=sign_in_members(session, header.body_id, header.meeting_date),
            agenda=agenda,
        )
        if office_id is None:
            return replace(
                data,
                quorum=quorum_statement(
                    store, meeting_id, header.body_short_name or header.body_name
                ),
            )
        office = session.get(Office, office_id)
        if office is None:
            raise NotFound("Das Amt wurde nicht gefunden (vielleicht inzwischen gelöscht).")
        return excerpt_of(data, office_id, office.name)


def meeting_header(store: Store, meeting_id: str) -> MeetingHeader:
    """The meeting's header values (for file names and titles)."""
    with store.session() as session:
        return _header(session, meeting_id)


def excerpt_of(data: MinutesData, office_id: str, office_name: str) -> MinutesData:
    """The TOPs, decisions, tasks and reviews of the minutes that concern one office."""
    kept: list[AgendaEntry] = []
    for entry in data.agenda:
        tasks = tuple(t for t in entry.tasks if t.office_id == office_id)
        reviews = tuple(r for r in entry.reviews if r.task.office_id == office_id)
        if not tasks and not reviews:
            continue
        # A decision stays when it led to this office's tasks, or to no task at all (it is the
        # TOP's general outcome); decisions that only bind other offices are left out.
        decisions = tuple(
            d for d in entry.decisions if not d.task_office_ids or office_id in d.task_office_ids
        )
        reviewed = len(entry.reviews)
        entry = _replace_entry(entry, decisions, tasks, reviews)
        if len(reviews) < reviewed:
            # The TOP's own result speaks of all tasks reviewed; the excerpt says what it shows.
            entry = replace(entry, result="", reviewed_in_all=reviewed if reviews else 0)
        kept.append(entry)
    return MinutesData(
        header=data.header,
        attendance=data.attendance,
        members=data.members,
        agenda=_with_parents(data.agenda, kept),
        office_id=office_id,
        office_name=office_name,
    )


def _with_parents(
    agenda: tuple[AgendaEntry, ...], kept: list[AgendaEntry]
) -> tuple[AgendaEntry, ...]:
    """The kept TOPs in agenda order, each sub-item under its parent's title (title only)."""
    numbers = {e.number for e in kept}
    wanted = set(numbers)
    for number in numbers:
        parts = number.split(".")
        wanted.update(".".join(parts[:n]) for n in range(1, len(parts)))
    by_id = {e.item_id: e for e in kept}
    return tuple(
        by_id.get(e.item_id)
        or replace(e, presenter="", result="", decisions=(), tasks=(), reviews=(), description="")
        for e in agenda
        if e.number in wanted
    )


def _replace_entry(
    entry: AgendaEntry,
    decisions: tuple[DecisionLine, ...],
    tasks: tuple[TaskLine, ...],
    reviews: tuple[ReviewLine, ...],
) -> AgendaEntry:
    return replace(entry, decisions=decisions, tasks=tasks, reviews=reviews)


def _settings(session: Session) -> dict[str, str]:
    rows = session.execute(select(Setting.key, Setting.value))
    return {key: value or "" for key, value in rows}


def _header(session: Session, meeting_id: str) -> MeetingHeader:
    moderator = aliased(Person)
    taker = aliased(Person)
    row = session.execute(
        select(Meeting, Body.name, Body.short_name, moderator.name, taker.name)
        .join(Body, Body.id == Meeting.body_id)
        .outerjoin(moderator, moderator.id == Meeting.moderator_id)
        .outerjoin(taker, taker.id == Meeting.minute_taker_id)
        .where(Meeting.id == meeting_id)
    ).first()
    if row is None:
        raise NotFound("Die Sitzung wurde nicht gefunden (vielleicht inzwischen gelöscht).")
    meeting, body_name, short_name, moderator_name, taker_name = row
    settings = _settings(session)
    following = _following(session, meeting)
    # The date the meeting fixed wins; a later meeting already planned fills in the rest.
    next_date = meeting.next_date or (following.date if following else None)
    same = following if following is not None and following.date == next_date else None
    return MeetingHeader(
        meeting_id=meeting.id,
        body_id=meeting.body_id,
        body_name=body_name,
        body_short_name=short_name,
        number=meeting.number,
        meeting_date=meeting.date,
        planned_start=meeting.planned_start,
        planned_end=meeting.planned_end,
        actual_start=meeting.actual_start,
        actual_end=meeting.actual_end,
        place=meeting.place,
        moderator=moderator_name,
        minute_taker=taker_name,
        state=meeting.state,
        district=settings.get("district") or DEFAULT_DISTRICT,
        organisational_unit=settings.get("organisational_unit", ""),
        next_date=next_date,
        next_start=same.planned_start if same else None,
        next_place=same.place if same else None,
        next_note=meeting.next_note,
    )


def _following(session: Session, meeting: Meeting) -> Meeting | None:
    """The body's next meeting after this one that is not cancelled, if already planned."""
    return session.scalars(
        select(Meeting)
        .where(Meeting.body_id == meeting.body_id, Meeting.number > meeting.number)
        .where(Meeting.state != MeetingState.CANCELLED)
        .order_by(Meeting.number)
        .limit(1)
    ).first()


def _attendance(session: Session, header: MeetingHeader) -> tuple[AttendanceGroup, ...]:
    meeting = session.get(Meeting, header.meeting_id)
    taker = meeting.minute_taker_id if meeting else None
    return attendance_groups(session, header.meeting_id, header.body_id, header.meeting_date, taker)


def _task_line(
    task: Task, office_code: str | None, office_name: str | None, person: str | None
) -> TaskLine:
    return TaskLine(
        task_id=task.id,
        register_number=task.register_number,
        title=task.title,
        details=task.details or "",
        office_id=task.office_id,
        office_code=office_code or "",
        office_name=office_name or "",
        person=person or "",
        due_date=task.due_date,
        status=task.status,
    )


def _tasks_by_item(session: Session, item_ids: list[str]) -> dict[str, list[TaskLine]]:
    rows = session.execute(
        select(Task, Office.code, Office.name, Person.name)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Person, Person.id == Task.person_id)
        .where(Task.origin_agenda_item_id.in_(item_ids))
        .order_by(Task.year, Task.seq)
    ).all()
    by_item: dict[str, list[TaskLine]] = defaultdict(list)
    for task, code, office, person in rows:
        by_item[task.origin_agenda_item_id or ""].append(_task_line(task, code, office, person))
    return by_item


def _decision_offices(session: Session, decision_ids: list[str]) -> dict[str, set[str]]:
    rows = session.execute(
        select(Task.decision_id, Task.office_id).where(Task.decision_id.in_(decision_ids))
    )
    offices: dict[str, set[str]] = defaultdict(set)
    for decision_id, office_id in rows:
        if office_id and decision_id:
            offices[decision_id].add(office_id)
    return offices


def _decisions_by_item(session: Session, item_ids: list[str]) -> dict[str, list[DecisionLine]]:
    decisions = session.scalars(
        select(Decision)
        .where(Decision.agenda_item_id.in_(item_ids))
        .order_by(Decision.year, Decision.seq)
    ).all()
    offices = _decision_offices(session, [d.id for d in decisions])
    by_item: dict[str, list[DecisionLine]] = defaultdict(list)
    for d in decisions:
        counts = (d.votes_for, d.votes_against, d.votes_abstain)
        voted = any(c is not None for c in counts)
        by_item[d.agenda_item_id].append(
            DecisionLine(
                register_number=d.register_number,
                kind_label=d.kind.label,
                text=d.text,
                votes=(d.votes_for or 0, d.votes_against or 0, d.votes_abstain or 0)
                if voted
                else None,
                task_office_ids=frozenset(offices.get(d.id, ())),
                votes_override_reason=d.votes_override_reason or "",
            )
        )
    return by_item


def _reviews_by_item(session: Session, item_ids: list[str]) -> dict[str, list[ReviewLine]]:
    rows = session.execute(
        select(TaskReview, Task, Office.code, Office.name, Person.name)
        .join(Task, Task.id == TaskReview.task_id)
        .outerjoin(Office, Office.id == Task.office_id)
        .outerjoin(Person, Person.id == Task.person_id)
        .where(TaskReview.agenda_item_id.in_(item_ids))
        .order_by(TaskReview.position)
    ).all()
    by_item: dict[str, list[ReviewLine]] = defaultdict(list)
    for review, task, code, office, person in rows:
        by_item[review.agenda_item_id].append(
            ReviewLine(
                task=_task_line(task, code, office, person),
                status_before=review.status_before,
                status_after=review.status_after,
                note=review.note or "",
            )
        )
    return by_item


def _agenda(session: Session, meeting_id: str) -> tuple[AgendaEntry, ...]:
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
    ids = [item.id for item in items]
    tasks = _tasks_by_item(session, ids)
    decisions = _decisions_by_item(session, ids)
    reviews = _reviews_by_item(session, ids)
    children: dict[str | None, list[AgendaItem]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    entries: list[AgendaEntry] = []

    def walk(parent_id: str | None, prefix: str, depth: int) -> None:
        for item in sorted(children.get(parent_id, ()), key=lambda i: i.position):
            number = f"{prefix}{item.position}"
            entries.append(
                AgendaEntry(
                    item_id=item.id,
                    number=number,
                    depth=depth,
                    title=item.title,
                    description=item.description or "",
                    presenter=item.presenter or "",
                    kind=item.kind,
                    state=item.state,
                    planned_minutes=item.planned_minutes or 0,
                    result=item.result or "",
                    decisions=tuple(decisions.get(item.id, ())),
                    tasks=tuple(tasks.get(item.id, ())),
                    reviews=tuple(reviews.get(item.id, ())),
                )
            )
            walk(item.id, f"{number}.", depth + 1)

    walk(None, "", 0)
    return tuple(entries)


def agenda_plan(data: MinutesData) -> TimePlan:
    """The time plan of the document's agenda (see `sromod.services.agenda.TimePlan`)."""
    by_number = {e.number: e.item_id for e in data.agenda}
    items = [
        (e.item_id, by_number.get(e.number.rpartition(".")[0]), e.planned_minutes)
        for e in data.agenda
    ]
    header = data.header
    day = header.meeting_date

    def at(value: time | None) -> datetime | None:
        return datetime.combine(day, value) if value is not None else None

    return time_plan(items, at(header.planned_start), at(header.planned_end))


def planned_times(data: MinutesData) -> dict[str, time]:
    """Planned start of each TOP, counted from the meeting's planned start (empty without one)."""
    plan = agenda_plan(data)
    return {
        item_id: begin.time()
        for item_id in plan.offsets
        if (begin := plan.start_of(item_id)) is not None
    }
