"""The quorum (Beschlussfähigkeit) as the minutes state it, and when a meeting lost it."""

from __future__ import annotations

from dataclasses import dataclass

from sromod.services import attendance
from sromod.services.wording import QuorumChange, quorum_change_sentence, quorum_sentence
from sromod.store import Store


@dataclass(frozen=True)
class QuorumStatement:
    """The quorum sentence of the minutes, and when the body lost (or regained) its quorum."""

    body: str
    voting_members: int
    voting_present: int
    quorum: int
    changes: tuple[QuorumChange, ...] = ()

    @property
    def quorate(self) -> bool:
        return self.voting_present >= self.quorum

    def sentences(self) -> list[str]:
        """ "Die AG SRO ist mit 10 von 16 stimmberechtigten Mitgliedern beschlussfähig." …"""
        first = quorum_sentence(self.body, self.voting_present, self.voting_members, self.quorate)
        return [first] + [
            quorum_change_sentence(self.body, c, self.voting_members) for c in self.changes
        ]


def quorum_statement(store: Store, meeting_id: str, body: str) -> QuorumStatement | None:
    """The quorum at the start, and each departure that lost it (or an arrival regaining it)."""
    found = attendance.quorum(store, meeting_id)
    if found.quorum is None or not found.voting_members:
        return None
    voters = [
        a
        for a in attendance.list_attendance(store, meeting_id)
        if a.member and a.voting and a.status in attendance.PRESENT_LIKE
    ]
    changes: list[QuorumChange] = []
    present = found.voting_present
    for moment in sorted({a.left_at for a in voters if a.left_at is not None}):
        before = present >= found.quorum
        present -= sum(1 for a in voters if a.left_at == moment)
        if before != (present >= found.quorum):
            changes.append(QuorumChange(moment, present, present >= found.quorum))
    return QuorumStatement(
        body,
        found.voting_members,
        found.voting_present,
        found.quorum,
        tuple(changes),
    )
