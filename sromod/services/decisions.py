"""Decisions: register numbers per year, kind, text, optional votes, region tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sromod.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    DecisionRegion,
    Meeting,
    MeetingState,
    Task,
)
from sromod.services.attendance import PRESENT_LIKE, list_attendance
from sromod.services.common import (
    apply_fields,
    clean_text,
    editable_item,
    ensure_editable,
    get_or_fail,
)
from sromod.services.concurrency import serialise_numbering
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class DecisionInfo:
    id: str
    register_number: str
    agenda_item_id: str
    meeting_id: str
    kind: DecisionKind
    text: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    region_ids: tuple[str, ...]
    version: int  # what the window saw, for `concurrency.expecting`
    votes_override_reason: str | None = None

    @property
    def has_votes(self) -> bool:
        return self.votes_for is not None


DECISION_FIELDS = {
    "kind",
    "text",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "votes_override_reason",
}
Votes = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class VoteCheck:
    """Votes cast against the voting members present at the TOP (substitutes included)."""

    cast: int
    voters: int | None  # None: no voting members or no attendance taken, nothing to check

    @property
    def too_many(self) -> bool:
        return self.voters is not None and self.cast > self.voters

    @property
    def differs(self) -> bool:
        return self.voters is not None and self.cast != self.voters

    def sentence(self) -> str:
        """One German sentence when the sum differs from the voters present, else ""."""
        if not self.differs:
            return ""
        if self.too_many:
            return (
                f"{self.cast} Stimmen abgegeben, aber nur {self.voters} stimmberechtigte "
                "Mitglieder anwesend. Bitte die Zahlen prüfen oder die Abweichung begründen."
            )
        return (
            f"{self.cast} Stimmen abgegeben bei {self.voters} anwesenden stimmberechtigten "
            "Mitgliedern."
        )


def decision_number(year: int, seq: int) -> str:
    return f"B-{year}/{seq:03d}"


def next_decision_seq(session: Session, year: int) -> int:
    """The next B-number of the year; concurrent writers queue (`serialise_numbering`)."""
    serialise_numbering(session, f"B-{year}")
    return (session.scalar(select(func.max(Decision.seq)).where(Decision.year == year)) or 0) + 1


def _check_votes(votes: Votes) -> None:
    given = [v for v in votes if v is not None]
    if given and len(given) != 3:
        raise ServiceError("Bitte alle drei Zahlen angeben: dafür, dagegen, Enthaltung.")
    if any(v < 0 for v in given):
        raise ServiceError("Stimmenzahlen können nicht negativ sein.")
    if given and not any(given):
        raise ServiceError(
            "Bei einer Abstimmung wird mindestens eine Stimme abgegeben; ohne Abstimmung "
            "bleiben die Felder leer."
        )


def voters_present(store: Store, agenda_item_id: str, at: time | None = None) -> int | None:
    """Voting members present or represented at the TOP; None where that is unknown.

    Someone whose departure is recorded at or before the time of the vote no longer counts.
    Arrival times are not used: attendance is often taken a few minutes into the meeting.
    """
    with store.session() as session:
        item = get_or_fail(session, AgendaItem, agenda_item_id)
        meeting_id = item.meeting_id
        moment = at or _vote_time(item)
    lines = [a for a in list_attendance(store, meeting_id) if a.member and a.voting]
    if not any(a.status is not None for a in lines):
        return None  # no voting members, or their attendance not taken: nothing to check against
    return sum(
        1
        for a in lines
        if a.status in PRESENT_LIKE and (moment is None or a.left_at is None or a.left_at > moment)
    )


def _vote_time(item: AgendaItem) -> time | None:
    """When the TOP's vote took place: now while it runs, else its end or start, if known."""
    if item.actual_start is not None and item.actual_end is None:
        if item.meeting.state == MeetingState.RUNNING:
            return datetime.now().time()
        return item.actual_start.time()
    stamp = item.actual_end or item.actual_start
    return stamp.time() if stamp is not None else None


def check_votes(store: Store, agenda_item_id: str, votes: Votes) -> VoteCheck:
    """The votes' sum against the voters present at the TOP."""
    cast = sum(v or 0 for v in votes)
    return VoteCheck(cast, voters_present(store, agenda_item_id))


def unanimous_votes(store: Store, agenda_item_id: str) -> tuple[int, int, int] | None:
    """ "einstimmig": every voting member present votes for (None when that number is unknown)."""
    voters = voters_present(store, agenda_item_id)
    return (voters, 0, 0) if voters else None


def _vote_reason(store: Store, agenda_item_id: str, votes: Votes, reason: str | None) -> str | None:
    """The reason to keep with the votes; refuses more votes than voters without one."""
    if votes[0] is None:
        return None
    found = check_votes(store, agenda_item_id, votes)
    if not found.too_many:
        return None
    text = clean_text(reason, what="Die Begründung", limit=1000)
    if not text:
        raise ServiceError(found.sentence())
    return text


def _info(d: Decision, meeting_id: str) -> DecisionInfo:
    return DecisionInfo(
        d.id,
        d.register_number,
        d.agenda_item_id,
        meeting_id,
        d.kind,
        d.text,
        d.votes_for,
        d.votes_against,
        d.votes_abstain,
        tuple(t.region_id for t in d.region_tags),
        d.version,
        d.votes_override_reason,
    )


def add_decision(
    store: Store,
    agenda_item_id: str,
    text: str,
    kind: DecisionKind = DecisionKind.BESCHLUSS,
    *,
    votes: Votes | None = None,
    region_ids: list[str] | None = None,
    votes_override_reason: str | None = None,
) -> DecisionInfo:
    """Record a decision under a TOP; its number counts on within the meeting's year.

    More votes than voting members present are refused unless a reason is given.
    """
    body = clean_text(text, what="Der Beschlusstext", required=True, limit=20_000)
    votes = votes or (None, None, None)
    _check_votes(votes)
    reason = _vote_reason(store, agenda_item_id, votes, votes_override_reason)
    with unit_of_work(store) as session:
        item = editable_item(session, agenda_item_id)
        year = item.meeting.date.year
        seq = next_decision_seq(session, year)
        decision = Decision(
            agenda_item_id=agenda_item_id,
            year=year,
            seq=seq,
            register_number=decision_number(year, seq),
            kind=kind,
            text=body,
            votes_for=votes[0],
            votes_against=votes[1],
            votes_abstain=votes[2],
            votes_override_reason=reason,
        )
        for region_id in dict.fromkeys(region_ids or []):
            decision.region_tags.append(DecisionRegion(region_id=region_id))
        session.add(decision)
        session.flush()
        return _info(decision, item.meeting_id)


def update_decision(store: Store, decision_id: str, **fields: Any) -> None:
    """Change a decision; changed votes are checked against the voters as in `add_decision`."""
    if "text" in fields:
        fields["text"] = clean_text(fields["text"], what="Der Beschlusstext", required=True)
    with store.session() as session:
        current = get_or_fail(session, Decision, decision_id)
        item_id = current.agenda_item_id
        votes: Votes = tuple(
            fields.get(name, getattr(current, name))
            for name in ("votes_for", "votes_against", "votes_abstain")
        )
        reason = fields.get("votes_override_reason", current.votes_override_reason)
    _check_votes(votes)
    if VOTE_FIELDS & fields.keys():
        fields["votes_override_reason"] = _vote_reason(store, item_id, votes, reason)
    with unit_of_work(store) as session:
        decision = get_or_fail(session, Decision, decision_id)
        ensure_editable(decision.agenda_item.meeting)
        apply_fields(decision, fields, DECISION_FIELDS)


VOTE_FIELDS = {"votes_for", "votes_against", "votes_abstain", "votes_override_reason"}


def delete_decision(store: Store, decision_id: str) -> None:
    """Delete a decision that no task refers to."""
    with unit_of_work(store) as session:
        decision = get_or_fail(session, Decision, decision_id)
        ensure_editable(decision.agenda_item.meeting)
        if session.scalar(
            select(func.count()).select_from(Task).where(Task.decision_id == decision_id)
        ):
            raise ServiceError("Auf den Beschluss beziehen sich Aufgaben; er bleibt bestehen.")
        session.delete(decision)


def list_decisions_for_meeting(store: Store, meeting_id: str) -> list[DecisionInfo]:
    with store.session() as session:
        rows = session.scalars(
            select(Decision)
            .join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(Meeting.id == meeting_id)
            .order_by(Decision.year, Decision.seq)
        )
        return [_info(d, meeting_id) for d in rows]
