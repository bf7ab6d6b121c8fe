"""The domain's tables as typed SQLAlchemy 2 mappings. No Qt, no I/O."""

from sromod.models.attachments import Attachment
from sromod.models.base import Base, new_id, utcnow
from sromod.models.bodies import Body, Membership, StandingAgendaItem
from sromod.models.decisions import Decision, DecisionRegion
from sromod.models.directory import Office, OfficeDepartment, Person, Region
from sromod.models.enums import (
    CLOSED_TASK_STATUSES,
    OVERDUE_TASK_STATUSES,
    PENDING_TASK_STATUSES,
    AgendaItemKind,
    AgendaItemState,
    AttendanceStatus,
    BodyKind,
    DecisionKind,
    MeetingState,
    MemberRole,
    OfficeKind,
    RegionLevel,
    TaskEventKind,
    TaskEventSource,
    TaskPriority,
    TaskStatus,
)
from sromod.models.meetings import AgendaItem, AgendaItemRegion, Attendance, Meeting
from sromod.models.settings import Setting
from sromod.models.tasks import Task, TaskEvent, TaskReview

__all__ = [
    "CLOSED_TASK_STATUSES",
    "OVERDUE_TASK_STATUSES",
    "PENDING_TASK_STATUSES",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaItemRegion",
    "AgendaItemState",
    "Attachment",
    "Attendance",
    "AttendanceStatus",
    "Base",
    "Body",
    "BodyKind",
    "Decision",
    "DecisionKind",
    "DecisionRegion",
    "Meeting",
    "MeetingState",
    "MemberRole",
    "Membership",
    "Office",
    "OfficeDepartment",
    "OfficeKind",
    "Person",
    "Region",
    "RegionLevel",
    "Setting",
    "StandingAgendaItem",
    "Task",
    "TaskEvent",
    "TaskEventKind",
    "TaskEventSource",
    "TaskPriority",
    "TaskReview",
    "TaskStatus",
    "new_id",
    "utcnow",
]
