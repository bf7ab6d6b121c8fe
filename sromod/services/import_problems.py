"""What is wrong in an edited task list, and what it changed where the import does not look: data.

The reader and the preview report each problem as an `ImportProblem` (which kind, sheet, row,
column, cell, value), and each edit in a column the import does not take as an `IgnoredEdit`.
The window words them in its language, the command line in German, both through
`sromod.services.wording` (`problem_text`, `ignored_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProblemKind(StrEnum):
    """What is wrong; the file-level kinds refuse the whole file before any row is read."""

    ACCESS_DENIED = "access_denied"
    MISSING_FILE = "missing_file"
    NOT_A_WORKBOOK = "not_a_workbook"
    DAMAGED = "damaged"
    NOT_A_TASK_LIST = "not_a_task_list"
    FORMULA = "formula"
    NO_ID = "no_id"
    UNKNOWN_TASK = "unknown_task"
    NO_STATUS = "no_status"
    UNKNOWN_STATUS = "unknown_status"
    NOT_A_DATE = "not_a_date"
    NO_STAND = "no_stand"
    DIFFERENT_ON_SHEETS = "different_on_sheets"


@dataclass(frozen=True)
class RowPlace:
    """Where in the file: sheet and row as Excel shows them, the task's number if the row has one."""

    sheet: str
    row: int
    number: str = ""


@dataclass(frozen=True)
class ImportProblem:
    kind: ProblemKind
    place: RowPlace | None = None  # None for a problem of the whole file
    file: str = ""  # the file's name (its path when it is missing)
    column: str = ""  # the header of the column concerned
    cell: str = ""  # "D7"
    value: str = ""  # what the cell holds
    task: str = ""  # the task's register number (or id)
    other: RowPlace | None = None  # the second place of a task on two sheets


@dataclass(frozen=True)
class IgnoredEdit:
    """An edit in a column the import does not take: the column and the tasks whose rows hold it.

    With `size`, one text that long at `place` (named on its own, so nobody expects it kept).
    """

    column: str
    numbers: tuple[str, ...] = ()  # the tasks' register numbers, in the order of the file
    listed: bool = True  # False: a column the task list does not have
    place: RowPlace | None = None
    size: int = 0
