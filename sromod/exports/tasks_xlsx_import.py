"""Reading an edited task list back into a preview of the import.

The reader (`tasks_xlsx_reader.py`) turns the file into rows, the import service
(`services/task_import.py`) compares them with the store; this module joins the two and adds
what only the format knows: which edits were made in columns the import does not take.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sromod.exports.tasks_xlsx import TASK_COLUMNS
from sromod.exports.tasks_xlsx_reader import (
    READ_ONLY,
    ReadCancelled,
    WorkbookUnreadable,
    read_task_workbook,
)
from sromod.services.errors import ServiceError
from sromod.services.import_problems import IgnoredEdit, RowPlace
from sromod.services.task_export import task_rows
from sromod.services.task_import import ImportPreview, ParsedRow, preview_import
from sromod.services.task_query import TaskFilter
from sromod.store import Store


def preview_task_list(
    store: Store,
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPreview:
    """What importing the workbook would change, its conflicts and its problems; changes nothing.

    Reading a list of 50,000 rows takes seconds: progress(rows, 0) reports, and cancelled()
    stops it with a ServiceError.
    """
    path = Path(path)
    try:
        parsed = read_task_workbook(path, progress=progress, cancelled=cancelled)
    except ReadCancelled as exc:
        raise ServiceError("Das Einlesen wurde abgebrochen; es wurde nichts geändert.") from exc
    except WorkbookUnreadable as exc:
        return ImportPreview(path, problems=[exc.problem])
    preview = preview_import(store, parsed)
    preview.ignored = ignored_edits(store, parsed.rows)
    return preview


LONG_TEXT = 1000  # a text this long in a column not taken is named on its own


def ignored_edits(store: Store, rows: list[ParsedRow]) -> list[IgnoredEdit]:
    """What the file changed in columns the import does not take.

    The read-only columns are compared with what an export would write now; columns the list
    does not have are reported when they hold anything. Rows of tasks the store does not have
    are left out: the preview refuses them already.
    """
    expected = _exported_values(store, {r.task_id for r in rows})
    changed: dict[tuple[str, bool], list[str]] = {}  # (column, listed) -> the rows' numbers
    long_texts: list[IgnoredEdit] = []
    for row in rows:
        if row.task_id not in expected:
            continue
        now = expected[row.task_id]
        label = row.number or row.task_id
        for name, value in row.read_only:
            if name in now and _norm(value) != _norm(now[name]):
                changed.setdefault((name, True), []).append(label)
                _note_long(long_texts, row, name, value)
        for name, value in row.extra:
            changed.setdefault((name, False), []).append(label)
            _note_long(long_texts, row, name, value)
    found = [IgnoredEdit(name, tuple(labels), listed) for (name, listed), labels in changed.items()]
    return found + long_texts


def _note_long(found: list[IgnoredEdit], row: ParsedRow, name: str, value: Any) -> None:
    if isinstance(value, str) and len(value) >= LONG_TEXT:
        found.append(IgnoredEdit(name, place=RowPlace(row.sheet, row.row), size=len(value)))


def _exported_values(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    """What an export would write now into each read-only column, per task id."""
    wanted = list(ids)
    indexes = [(name, TASK_COLUMNS.index(name)) for name in READ_ONLY]
    task_index = TASK_COLUMNS.index("ID")
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters
        for values in task_rows(store, TaskFilter(task_ids=tuple(wanted[start : start + 500]))):
            found[str(values[task_index])] = {name: values[i] for name, i in indexes}
    return found


def _norm(value: Any) -> Any:
    """A cell's value as the comparison sees it: dates as days, texts without outer blanks."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip() or None
    return value
