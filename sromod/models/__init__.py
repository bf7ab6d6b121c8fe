"""The domain's tables as typed SQLAlchemy 2 mappings. No Qt, no I/O.

The enumerations load with the package; the mapped classes (and SQLAlchemy with them, a third
of a second on a laptop) load all together when one of them is first asked for. So the window
can label a meeting's state before the database machinery is imported, and the mappers always
meet every class they refer to.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from sromod.models.attachments import Attachment
    from sromod.models.base import Base, new_id, utcnow
    from sromod.models.bodies import Body, Membership, StandingAgendaItem
    from sromod.models.decisions import Decision, DecisionRegion
    from sromod.models.directory import Office, OfficeDepartment, Person, Region
    from sromod.models.meetings import AgendaItem, AgendaItemRegion, Attendance, Meeting
    from sromod.models.settings import Setting
    from sromod.models.tasks import Task, TaskEvent, TaskReview

_ORM_MODULES = (
    "attachments",
    "base",
    "bodies",
    "decisions",
    "directory",
    "meetings",
    "settings",
    "tasks",
)

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


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for module in _ORM_MODULES:  # every mapped class at once: relationships name each other
        loaded = importlib.import_module(f"{__name__}.{module}")
        globals().update((key, getattr(loaded, key)) for key in __all__ if hasattr(loaded, key))
    return globals()[name]
