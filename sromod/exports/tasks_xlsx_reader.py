"""Reading back a task list that an office lead edited in Excel or LibreOffice.

Columns are found by their header names (`TASK_COLUMNS`), never by position: the lead may move,
hide, sort and filter rows and columns. The import takes ID, Stand, Status, Fällig am and
Bemerkung; the other columns are read too, so that the preview can say which edits it does not
take. The user's file is opened read-only and never written.

The workbook is read with `data_only=False`: a formula in a cell the import uses is refused anyway,
and this way it is seen as a formula rather than as its cached value (a file saved by another
program than Excel may hold no cached value at all), in one pass over the file.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from sromod.exports.tasks_xlsx import MARKER_SHEET, OVERVIEW_SHEET, TASK_COLUMNS, WORKBOOK_KIND
from sromod.models import TaskStatus
from sromod.services.common import parse_german_date
from sromod.services.import_problems import ImportProblem, ProblemKind, RowPlace
from sromod.services.task_import import UNSET, ParsedRow, ParsedWorkbook, Unset
from sromod.services.wording import german_date, german_datetime, problem_text

log = logging.getLogger(__name__)

ID_HEADER = TASK_COLUMNS[TASK_COLUMNS.index("ID")]
STAND_HEADER = "Stand"
STATUS_HEADER = "Status"
DUE_HEADER = "Fällig am"
REMARK_HEADER = "Bemerkung"
NUMBER_HEADER = "Nr."
EDITABLE = (STATUS_HEADER, DUE_HEADER, REMARK_HEADER)
# Shown for reading only: compared with the store, so that an edit there is reported, not lost.
READ_ONLY = tuple(
    h for h in TASK_COLUMNS if h not in (*EDITABLE, ID_HEADER, STAND_HEADER, "Überfällig")
)
HEADER_SEARCH_ROWS = 5  # the header may sit below a title row someone added


class WorkbookUnreadable(Exception):
    """The file cannot be used at all: `problem` says why (str() in German, for the log)."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem_text(problem))
        self.problem = problem


class ReadCancelled(Exception):
    """The user cancelled reading a long list."""


@dataclass
class _Watch:
    """Reports progress every few hundred rows and asks whether to stop."""

    progress: Callable[[int, int], None] | None
    cancelled: Callable[[], bool] | None
    rows: int = 0

    def tick(self) -> None:
        self.rows += 1
        if self.rows % 500:
            return
        if self.cancelled is not None and self.cancelled():
            raise ReadCancelled
        if self.progress is not None:
            self.progress(self.rows, 0)


def read_task_workbook(
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ParsedWorkbook:
    """The task rows of an edited task list, with every problem found.

    Raises WorkbookUnreadable when the file cannot be opened or is not a sromod task list, and
    ReadCancelled when `cancelled()` turns true. progress(rows read, 0) is called now and then.
    """
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except PermissionError as exc:
        raise WorkbookUnreadable(ImportProblem(ProblemKind.ACCESS_DENIED, file=path.name)) from exc
    except FileNotFoundError as exc:
        raise WorkbookUnreadable(ImportProblem(ProblemKind.MISSING_FILE, file=str(path))) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise WorkbookUnreadable(ImportProblem(ProblemKind.NOT_A_WORKBOOK, file=path.name)) from exc
    try:
        return _read(wb, path, _Watch(progress, cancelled))
    except (WorkbookUnreadable, ReadCancelled):
        raise
    except Exception as exc:  # openpyxl fails in many ways on damaged parts of a zip
        log.warning("Aufgabenliste nicht lesbar: %s", path, exc_info=True)
        raise WorkbookUnreadable(ImportProblem(ProblemKind.DAMAGED, file=path.name)) from exc
    finally:
        wb.close()  # read-only mode keeps the file open until closed (Windows would lock it)


def _read(wb: Any, path: Path, watch: _Watch) -> ParsedWorkbook:
    parsed = ParsedWorkbook(path, exported_at=_marker_time(wb))
    for ws in wb.worksheets:
        if ws.title == MARKER_SHEET:
            continue
        columns = _header(ws)
        if columns is None:
            if ws.title != OVERVIEW_SHEET:  # sromod's own, written beside the tasks
                parsed.ignored_sheets.append(ws.title)
            continue
        header_row, found = columns
        parsed.sheets.append(ws.title)
        # The stored dimensions of a sheet are often missing or wrong; openpyxl would otherwise
        # parse the whole sheet once more to compute them.
        ws.reset_dimensions()
        _read_sheet(ws, header_row, found, parsed, watch)
    if not parsed.sheets:
        raise WorkbookUnreadable(
            ImportProblem(ProblemKind.NOT_A_TASK_LIST, file=path.name, column=ID_HEADER,
                          value=STATUS_HEADER)
        )  # fmt: skip
    return parsed


def _marker_time(wb: Any) -> datetime | None:
    if MARKER_SHEET not in wb.sheetnames:
        return None
    values = {
        str(row[0]): row[1]
        for row in wb[MARKER_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True)
        if row and row[0] is not None
    }
    if values.get("Art") != WORKBOOK_KIND:
        return None
    stamp = values.get("Exportiert am")
    try:
        return datetime.fromisoformat(str(stamp)) if stamp else None
    except ValueError:
        return None


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _header(ws: Any) -> tuple[int, dict[str, int]] | None:
    """The header row and the 0-based index of each column, if a task sheet.

    Known columns are named as in TASK_COLUMNS; a column the list does not have is named by its
    header, or by its letter ("Spalte R") when it has none.
    """
    wanted = {_norm(h): h for h in TASK_COLUMNS}
    rows = ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True)
    for number, row in enumerate(rows, start=1):
        found: dict[str, int] = {}
        for index, value in enumerate(row or ()):
            name = wanted.get(_norm(value))
            if name is not None and name not in found:
                found[name] = index
        if ID_HEADER in found and any(h in found for h in EDITABLE):
            for index, value in enumerate(row or ()):
                if index not in found.values() and value not in (None, ""):
                    found.setdefault(f"{EXTRA_PREFIX}{str(value).strip()}", index)
            return number, found
    return None


EXTRA_PREFIX = "\x00"  # marks a column the task list does not have (never a header's first char)


def _read_sheet(
    ws: Any, header_row: int, columns: dict[str, int], parsed: ParsedWorkbook, watch: _Watch
) -> None:
    used = {name: columns[name] for name in (ID_HEADER, STAND_HEADER, NUMBER_HEADER, *EDITABLE)
            if name in columns}  # fmt: skip
    shown = {name: index for name, index in columns.items() if name not in used}
    width = max(columns.values()) + 1
    for number, cells in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        watch.tick()
        values = {name: _cell(cells, index) for name, index in used.items()}
        if all(c is None or c.value in (None, "") for c in values.values()):
            continue
        problems = [
            ImportProblem(ProblemKind.FORMULA, RowPlace(ws.title, number), column=name,
                          cell=f"{get_column_letter(columns[name] + 1)}{number}")
            for name, cell in values.items()
            if cell is not None and cell.data_type == "f"
        ]  # fmt: skip
        if problems:
            parsed.problems.extend(problems)
            continue
        row = _parse_row(ws.title, number, {k: c.value if c else None for k, c in values.items()},
                         columns, parsed.problems)  # fmt: skip
        if row is not None:
            parsed.rows.append(_with_other_columns(row, cells, shown, width))


def _with_other_columns(
    row: ParsedRow, cells: tuple[Any, ...], shown: dict[str, int], width: int
) -> ParsedRow:
    """The row with what it holds in the columns the import does not take."""
    read_only, extra = [], []
    for name, index in shown.items():
        cell = _cell(cells, index)
        value = cell.value if cell is not None else None
        if name.startswith(EXTRA_PREFIX):
            if value not in (None, ""):
                extra.append((name[len(EXTRA_PREFIX) :], value))
        else:
            read_only.append((name, value))
    for index in range(width, len(cells)):  # beyond the last column with a header
        cell = _cell(cells, index)
        if cell is not None and cell.value not in (None, ""):
            extra.append((f"Spalte {get_column_letter(index + 1)}", cell.value))
    return replace(row, read_only=tuple(read_only), extra=tuple(extra))


def _cell(cells: tuple[Any, ...], index: int) -> Any:
    if index >= len(cells):
        return None
    cell = cells[index]
    return cell if hasattr(cell, "data_type") else None  # EmptyCell of a read-only sheet


def _parse_row(
    sheet: str,
    number: int,
    values: dict[str, Any],
    columns: dict[str, int],
    problems: list[ImportProblem],
) -> ParsedRow | None:
    label = str(values.get(NUMBER_HEADER) or "").strip()
    where = RowPlace(sheet, number, label)
    task_id = str(values.get(ID_HEADER) or "").strip()
    if not task_id:
        problems.append(ImportProblem(ProblemKind.NO_ID, where, column=ID_HEADER))
        return None
    before = len(problems)
    status = _status(values, columns, where, problems)
    due = _due(values, columns, where, problems)
    remark: str | Unset | None = UNSET
    if REMARK_HEADER in columns:
        text = values.get(REMARK_HEADER)
        if isinstance(text, datetime):  # Excel turns a remark like "3.12.2026" into a date cell
            text = (
                german_date(text) if text.time() == datetime.min.time() else german_datetime(text)
            )
        remark = (str(text).strip() or None) if text is not None else None
    stand = _stand(values.get(STAND_HEADER))
    if len(problems) > before:
        return None
    return ParsedRow(sheet, number, task_id, label, stand, status, due, remark)


def _status(
    values: dict[str, Any], columns: dict[str, int], where: RowPlace, problems: list[ImportProblem]
) -> TaskStatus | None:
    if STATUS_HEADER not in columns:
        return None
    word = values.get(STATUS_HEADER)
    if word is None or not str(word).strip():
        problems.append(ImportProblem(ProblemKind.NO_STATUS, where))
        return None
    found = TaskStatus.from_label(str(word))
    if found is None:
        problems.append(ImportProblem(ProblemKind.UNKNOWN_STATUS, where, value=str(word)))
        return None
    return TaskStatus(found)


def _due(
    values: dict[str, Any], columns: dict[str, int], where: RowPlace, problems: list[ImportProblem]
) -> date | Unset | None:
    if DUE_HEADER not in columns:
        return UNSET
    value = values.get(DUE_HEADER)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_german_date(value)
        if parsed is not None:
            return parsed
    problems.append(
        ImportProblem(ProblemKind.NOT_A_DATE, where, column=DUE_HEADER, value=str(value))
    )
    return None


def _stand(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
