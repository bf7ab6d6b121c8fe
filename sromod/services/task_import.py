"""Importing a task list an office lead filled in: preview first, then apply in one transaction.

The rows come as plain data (`ParsedWorkbook`): the reader of the workbook lives beside its
writer in `exports/` and fills them in (`exports/tasks_xlsx_import.py` joins the two), so that
this service knows tasks, not spreadsheets. The preview compares each row with the task in the
store: status, due date and remark that differ are changes. A task changed in sromod after the export (its `updated_at` is later than the row's
"Stand") is a conflict: reported, never overwritten. Any problem in the file (unknown task, unknown
status word, a date that is not a date, a formula, a file that is not a task list) refuses the whole
import, so that a half-understood file changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sromod.models import Task, TaskEvent, TaskEventKind, TaskEventSource, TaskStatus, utcnow
from sromod.services.errors import ServiceError
from sromod.services.import_problems import IgnoredEdit, ImportProblem, ProblemKind, RowPlace
from sromod.services.import_summary import first_lines, summarise_problems
from sromod.services.local_zone import stored_utc
from sromod.services.tasks import change_status
from sromod.services.uow import unit_of_work
from sromod.services.wording import (
    change_lines,
    conflict_sides,
    german_datetime,
    german_number,
    ignored_text,
    unread_sheets_text,
)
from sromod.store import Store

log = logging.getLogger(__name__)


class Unset(Enum):
    """A row's value for a column the file does not have (not the same as an empty cell)."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class ParsedRow:
    """One task row of an edited list, as the reader found it."""

    sheet: str
    row: int  # 1-based, as Excel shows it
    task_id: str
    number: str  # the register number as the file shows it, for messages
    stand: datetime | None  # the task's updated_at at export (naive UTC)
    status: TaskStatus | None  # None: the column is missing
    due_date: date | Unset | None  # UNSET: the column is missing
    remark: str | Unset | None
    # (header, value) of the read-only columns and of columns the list does not have
    read_only: tuple[tuple[str, Any], ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass
class ParsedWorkbook:
    """An edited task list once read: its rows and every problem found."""

    path: Path
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    exported_at: datetime | None = None  # local wall-clock time of the export (marker sheet)
    sheets: list[str] = field(default_factory=list)  # the task sheets read
    ignored_sheets: list[str] = field(default_factory=list)  # neither tasks nor sromod's own


@dataclass(frozen=True)
class TaskChange:
    task_id: str
    register_number: str
    title: str
    updated_at: datetime  # the task's state the preview saw
    status: tuple[TaskStatus, TaskStatus] | None = None  # old, new
    due_date: tuple[date | None, date | None] | None = None
    remark: tuple[str | None, str | None] | None = None
    where: RowPlace | None = None  # the sheet and row it comes from


@dataclass
class ImportPreview:
    path: Path
    changes: list[TaskChange] = field(default_factory=list)
    conflicts: list[TaskChange] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    unread_sheets: list[str] = field(default_factory=list)  # sheets that hold no tasks
    ignored: list[IgnoredEdit] = field(default_factory=list)  # edits in columns not taken
    unchanged: int = 0
    exported_at: datetime | None = None

    @property
    def ok(self) -> bool:
        """Nothing in the file stands in the way of applying the changes."""
        return not self.problems


def preview_import(store: Store, parsed: ParsedWorkbook) -> ImportPreview:
    """What importing the read workbook would change, its conflicts and its problems.

    Changes nothing. Edits in columns the import does not take are the reader's to name
    (`exports/tasks_xlsx_import.py`): only the format knows what an export writes there.
    """
    preview = ImportPreview(parsed.path)
    preview.exported_at = parsed.exported_at
    preview.problems.extend(parsed.problems)
    preview.unread_sheets = list(parsed.ignored_sheets)
    # Without a row's "Stand", the export time on the marker sheet decides. It is kept to the
    # second: a task saved in the same second as the export is taken as older than the export.
    fallback = _utc(parsed.exported_at) + timedelta(seconds=1) if parsed.exported_at else None
    tasks = _load_tasks(store, {r.task_id for r in parsed.rows})
    proposed: dict[str, TaskChange] = {}
    for row in parsed.rows:
        task = tasks.get(row.task_id)
        if task is None:
            where = RowPlace(row.sheet, row.row)
            preview.problems.append(
                ImportProblem(ProblemKind.UNKNOWN_TASK, where, task=row.number or row.task_id)
            )
            continue
        change = _diff(task, row)
        if change is None:
            continue
        earlier = proposed.get(row.task_id)
        if earlier is not None:
            if _fields(earlier) != _fields(change):
                preview.problems.append(
                    ImportProblem(ProblemKind.DIFFERENT_ON_SHEETS, earlier.where,
                                  task=change.register_number, other=change.where)
                )  # fmt: skip
                # Neither sheet's word stands: the task is neither a change nor a conflict.
                preview.changes = [c for c in preview.changes if c is not earlier]
                preview.conflicts = [c for c in preview.conflicts if c is not earlier]
            continue  # the same edit on two sheets counts once
        proposed[row.task_id] = change
        stand = row.stand or fallback
        if stand is None:
            preview.problems.append(
                ImportProblem(ProblemKind.NO_STAND, change.where, task=change.register_number)
            )
        elif task["updated_at"] > stand:
            preview.conflicts.append(change)
        else:
            preview.changes.append(change)
    rows_seen = len({r.task_id for r in parsed.rows})
    preview.unchanged = max(0, rows_seen - len(proposed))
    return preview


def _fields(change: TaskChange) -> tuple[object, ...]:
    """What a change sets; two sheets agree when they set the same."""
    return (change.status, change.due_date, change.remark)


def _utc(local: datetime) -> datetime:
    """The export time is local wall-clock time; the store's timestamps are naive UTC."""
    return stored_utc(local)


def _load_tasks(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    wanted = list(ids)
    columns = (Task.id, Task.register_number, Task.title, Task.status, Task.due_date,
               Task.remark, Task.updated_at)  # fmt: skip
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters
            chunk = wanted[start : start + 500]
            for row in conn.execute(select(*columns).where(Task.id.in_(chunk))):
                found[row[0]] = dict(row._mapping) | {"id": row[0]}
    return {k: {_key(n): v for n, v in d.items()} for k, d in found.items()}


def _key(name: str) -> str:
    return name.split(".")[-1]


def _diff(task: dict[str, Any], row: ParsedRow) -> TaskChange | None:
    status = due = remark = None
    if row.status is not None and row.status != task["status"]:
        status = (task["status"], row.status)
    if row.due_date is not UNSET and row.due_date != task["due_date"]:
        due = (task["due_date"], row.due_date)
    if row.remark is not UNSET and (row.remark or None) != (task["remark"] or None):
        remark = (task["remark"], row.remark)
    if status is None and due is None and remark is None:
        return None
    return TaskChange(
        task["id"], task["register_number"], task["title"], task["updated_at"],
        status, due, remark, RowPlace(row.sheet, row.row),
    )  # fmt: skip


def apply_import(store: Store, preview: ImportPreview) -> int:
    """Apply the preview's changes (never its conflicts) in one transaction; returns how many tasks.

    Each change is recorded in the task's history as coming from the Excel import. A task changed
    since the preview was made refuses the whole import.
    """
    if not preview.ok:
        raise ServiceError("Die Aufgabenliste enthält Fehler; es wurde nichts übernommen.")
    note = f"aus „{preview.path.name}“"
    with unit_of_work(store) as session, session.no_autoflush:
        # Loaded in chunks with their histories, and flushed once at the end: one query and one
        # flush per task took seconds for a few thousand rows and froze the window.
        tasks = _tasks_with_events(session, [c.task_id for c in preview.changes])
        for change in preview.changes:
            task = tasks.get(change.task_id)
            if task is None or task.updated_at != change.updated_at:
                raise ServiceError(
                    f"Die Aufgabe {change.register_number} wurde nach der Vorschau geändert; "
                    "bitte die Vorschau neu erstellen. Es wurde nichts übernommen."
                )
            _apply(session, task, change, note)
    log.info("Excel-Import %s: %d Aufgaben geändert", preview.path.name, len(preview.changes))
    return len(preview.changes)


def _tasks_with_events(session: Any, ids: list[str]) -> dict[str, Task]:
    found: dict[str, Task] = {}
    for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
        query = (
            select(Task)
            .where(Task.id.in_(ids[start : start + 500]))
            .options(selectinload(Task.events))
        )
        found.update((t.id, t) for t in session.scalars(query))
    return found


def _apply(session: Any, task: Task, change: TaskChange, note: str) -> None:
    if change.status:
        change_status(session, task, change.status[1], source=TaskEventSource.IMPORT, note=note)
    edits = change_lines(replace(change, status=None))  # the status change has its own event
    if change.due_date:
        task.due_date = change.due_date[1]
    if change.remark:
        task.remark = change.remark[1]
    if edits:
        task.events.append(
            TaskEvent(
                at=utcnow(),
                kind=TaskEventKind.EDIT,
                source=TaskEventSource.IMPORT,
                note=f"{'; '.join(edits)} ({note})",
            )
        )


def format_preview(preview: ImportPreview) -> str:
    """The preview as German lines for the command line."""
    lines = [f"Aufgabenliste „{preview.path.name}“"]
    if preview.exported_at:
        lines[0] += f" (exportiert am {german_datetime(preview.exported_at)})"
    if preview.problems:
        lines.append(f"{german_number(len(preview.problems))} Fehler – es wird nichts übernommen:")
        lines += summarise_problems(preview.problems)
    count = len(preview.changes)
    heading = f"{german_number(count)} {'Änderung' if count == 1 else 'Änderungen'}"
    if preview.problems:
        heading += " (erst übernehmbar, wenn die Fehler behoben sind)"
    lines.append(f"{heading}:" if count else "Keine Änderungen.")
    changes = [
        f"  {c.register_number} {c.title}: {'; '.join(change_lines(c))}" for c in preview.changes
    ]
    lines += first_lines(changes, "Änderungen")
    if preview.conflicts:
        count = len(preview.conflicts)
        lines.append(
            f"{german_number(count)} {'Konflikt' if count == 1 else 'Konflikte'} (in sromod "
            "nach dem Export geändert, nicht übernommen):"
        )
        conflicts = [
            f"  {c.register_number} {c.title}: {' · '.join(conflict_sides(c))}"
            for c in preview.conflicts
        ]
        lines += first_lines(conflicts, "Konflikte")
    if preview.ignored:
        lines.append("Nicht übernommen (diese Spalten liest sromod nicht ein):")
        lines += [f"  {ignored_text(edit)}" for edit in preview.ignored]
    if preview.unchanged:
        lines.append(f"{german_number(preview.unchanged)} Aufgaben ohne Änderung.")
    if preview.unread_sheets:
        lines.append(unread_sheets_text(preview.unread_sheets))
    return "\n".join(lines)
