"""Decisions: register numbers per year, kind, text, optional votes, region tags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sromod.models import AgendaItem, Decision, DecisionKind, DecisionRegion, Meeting, Task
from sromod.services.common import (
    apply_fields,
    clean_text,
    editable_item,
    ensure_editable,
    get_or_fail,
)
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

    @property
    def has_votes(self) -> bool:
        return self.votes_for is not None


DECISION_FIELDS = {"kind", "text", "votes_for", "votes_against", "votes_abstain"}


def decision_number(year: int, seq: int) -> str:
    return f"B-{year}/{seq:03d}"


def next_decision_seq(session: Session, year: int) -> int:
    return (session.scalar(select(func.max(Decision.seq)).where(Decision.year == year)) or 0) + 1


def _check_votes(votes: tuple[int | None, int | None, int | None]) -> None:
    given = [v for v in votes if v is not None]
    if given and len(given) != 3:
        raise ServiceError("Bitte alle drei Zahlen angeben: dafür, dagegen, Enthaltung.")
    if any(v < 0 for v in given):
        raise ServiceError("Stimmenzahlen können nicht negativ sein.")


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
    )


def add_decision(
    store: Store,
    agenda_item_id: str,
    text: str,
    kind: DecisionKind = DecisionKind.BESCHLUSS,
    *,
    votes: tuple[int | None, int | None, int | None] | None = None,
    region_ids: list[str] | None = None,
) -> DecisionInfo:
    """Record a decision under a TOP; its number counts on within the meeting's year."""
    body = clean_text(text, what="Der Beschlusstext", required=True, limit=20_000)
    votes = votes or (None, None, None)
    _check_votes(votes)
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
        )
        for region_id in dict.fromkeys(region_ids or []):
            decision.region_tags.append(DecisionRegion(region_id=region_id))
        session.add(decision)
        session.flush()
        return _info(decision, item.meeting_id)


def update_decision(store: Store, decision_id: str, **fields: Any) -> None:
    if "text" in fields:
        fields["text"] = clean_text(fields["text"], what="Der Beschlusstext", required=True)
    with unit_of_work(store) as session:
        decision = get_or_fail(session, Decision, decision_id)
        ensure_editable(decision.agenda_item.meeting)
        apply_fields(decision, fields, DECISION_FIELDS)
        _check_votes((decision.votes_for, decision.votes_against, decision.votes_abstain))


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
