"""What the login of an open store may change: the one answer every screen asks (no Qt).

On a laptop's file everything may be changed. On a shared register the login's role decides
(`sromod.store.server_roles`): koordination changes everything; an office lead (amt) reads
everything and changes only status, due date and remark of its own office's tasks (and adds
notes to them); lesen reads. The database enforces the same rules; the screens ask here so that
they offer nothing the database would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sromod.store.role_names import AMT, KOORDINATION, LESEN

if TYPE_CHECKING:  # the window asks here before the store (and SQLAlchemy) is loaded
    from sromod.store.server_roles import Access


class Limit(StrEnum):
    """Why a screen is read-only, for the note that says so."""

    READS_ONLY = "lesen"  # nothing may be changed
    OWN_TASKS_ONLY = "amt"  # only the own office's tasks: status, due date, remark, notes


@dataclass(frozen=True)
class Permissions:
    role: str | None = None  # None: a file, or the owner of a register
    login: str = ""
    office_code: str | None = None

    @classmethod
    def of(cls, access: Access) -> Permissions:
        return cls(access.role, access.login, access.office_code)

    @property
    def edits_everything(self) -> bool:
        """Meetings, TOPs, attendance, decisions, bodies, people, offices, live capture …"""
        return self.role in (None, KOORDINATION)

    @property
    def changes_some_tasks(self) -> bool:
        """Whether the login may change any task at all (status, due date, remark)."""
        return self.role not in (LESEN, NOT_YET_KNOWN)

    def may_change_task(self, office_code: str | None) -> bool:
        """Whether status, due date and remark of a task of this office may be changed."""
        if self.edits_everything:
            return True
        return self.role == AMT and office_code is not None and office_code == self.office_code

    @property
    def may_import_task_lists(self) -> bool:
        """An edited task list brings status, due date and remark back: not for a reader."""
        return self.changes_some_tasks

    @property
    def limit(self) -> Limit | None:
        """What the read-only note says, or None where everything may be changed (or the
        register's answer is still awaited: no note yet)."""
        if self.edits_everything or self.role == NOT_YET_KNOWN:
            return None
        return Limit.READS_ONLY if self.role == LESEN else Limit.OWN_TASKS_ONLY


# A register still being opened has not said the login's role yet: nothing is offered for
# changing until it has (a step taken meanwhile waits for the store and asks again then).
NOT_YET_KNOWN = "noch nicht bekannt"

EVERYTHING = Permissions()
NOT_YET = Permissions(role=NOT_YET_KNOWN)
