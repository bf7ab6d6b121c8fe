"""What a running meeting looks like right now: one read for the live view and the projector.

The running TOP is the one that has started and not ended (the services keep at most one). The
TOP the moderator looks at is the running one; between TOPs it stays where it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sromod.models import AgendaItemKind, MeetingState
from sromod.services import agenda, attendance, decisions, directory, meetings, tasks
from sromod.services.agenda import AgendaItemInfo
from sromod.services.attendance import QuorumInfo
from sromod.services.decisions import DecisionInfo
from sromod.services.meetings import MeetingInfo
from sromod.services.tasks import ReviewInfo, TaskInfo
from sromod.store import Store


@dataclass(frozen=True)
class LiveState:
    """One meeting in the live view: its TOPs, the running and the current one, and their records.

    The projector shows only `meeting` (title and date), `items` and `running`: no people.
    """

    meeting: MeetingInfo
    items: tuple[AgendaItemInfo, ...]
    running_id: str | None
    current_id: str | None
    quorum: QuorumInfo
    decisions: tuple[DecisionInfo, ...] = ()  # of the current TOP
    tasks: tuple[TaskInfo, ...] = ()  # that arose in the current TOP
    reviews: tuple[ReviewInfo, ...] = ()  # when the current TOP is a Wiedervorlage
    office_names: Mapping[str, str] = field(default_factory=dict)  # code → name, for reviews

    @property
    def is_running(self) -> bool:
        return self.meeting.state == MeetingState.RUNNING

    @property
    def running(self) -> AgendaItemInfo | None:
        return self.item(self.running_id)

    @property
    def current(self) -> AgendaItemInfo | None:
        return self.item(self.current_id)

    @property
    def is_review(self) -> bool:
        current = self.current
        return current is not None and current.kind == AgendaItemKind.REVIEW

    def item(self, item_id: str | None) -> AgendaItemInfo | None:
        return next((i for i in self.items if i.id == item_id), None)

    def neighbour(self, step: int) -> AgendaItemInfo | None:
        """The TOP `step` places after (or before) the current one in reading order."""
        ids = [i.id for i in self.items]
        if self.current_id not in ids:
            return None
        index = ids.index(self.current_id) + step
        return self.items[index] if 0 <= index < len(self.items) else None


def running_item(items: tuple[AgendaItemInfo, ...] | list[AgendaItemInfo]) -> AgendaItemInfo | None:
    """The TOP that has started and not ended."""
    return next((i for i in items if i.actual_start is not None and i.actual_end is None), None)


def live_state(store: Store, meeting_id: str, current_id: str | None = None) -> LiveState:
    """The meeting's live state; current_id is the TOP looked at before (kept between TOPs).

    Raises NotFound when the meeting is gone (deleted by an undo elsewhere).
    """
    meeting = meetings.get_meeting(store, meeting_id)
    items = tuple(agenda.list_agenda(store, meeting_id))
    running = running_item(items)
    ids = {i.id for i in items}
    if running is not None:
        current_id = running.id
    elif current_id not in ids:
        current_id = items[0].id if items else None
    state = LiveState(
        meeting,
        items,
        running.id if running else None,
        current_id,
        attendance.quorum(store, meeting_id),
    )
    if current_id is None:
        return state
    return _with_records(store, state, current_id)


def _with_records(store: Store, state: LiveState, current_id: str) -> LiveState:
    """The state with the decisions, tasks and (for a Wiedervorlage) reviews of the current TOP."""
    meeting_id = state.meeting.id
    found = tuple(
        d
        for d in decisions.list_decisions_for_meeting(store, meeting_id)
        if d.agenda_item_id == current_id
    )
    assigned = tuple(
        t
        for t in tasks.list_tasks_for_meeting(store, meeting_id)
        if t.origin_agenda_item_id == current_id
    )
    reviews: tuple[ReviewInfo, ...] = ()
    names: dict[str, str] = {}
    if state.is_review:
        reviews = tuple(tasks.list_reviews(store, current_id))
        names = {o.code: o.name for o in directory.list_offices(store)}
    return LiveState(
        state.meeting,
        state.items,
        state.running_id,
        current_id,
        state.quorum,
        found,
        assigned,
        reviews,
        names,
    )
