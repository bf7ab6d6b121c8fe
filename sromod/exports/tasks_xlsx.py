"""The task list as an Excel workbook that office leads filter, fill in and send back.

Written in openpyxl's write-only mode (50,000 rows stream through without being held in memory).
Text from users always lands as text: a title such as "=HYPERLINK(...)" would otherwise become a
formula. The reader of the edited workbook (`tasks_xlsx_reader.py`) maps columns by the header
names in `TASK_COLUMNS` and finds the workbook's origin on the hidden sheet `MARKER_SHEET`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from sqlalchemy import select

from sromod.exports.files import Cancelled, Progress, atomic_write, check_cancelled
from sromod.exports.tasks_overview import write_overview
from sromod.models import Office, TaskStatus
from sromod.services.local_zone import berlin_zone
from sromod.services.task_export import (
    OFFICE_CODE_INDEX,
    OVERDUE_INDEX,
    OVERDUE_TEXT,
    STATUS_INDEX,
    TASK_FIELDS,
    TaskFilter,
    check_office,
    count_tasks,
    parse_status,
    task_rows,
)
from sromod.store import Store

log = logging.getLogger(__name__)

# The header of the tasks sheet, one per field of task_rows (same order as TASK_FIELDS).
TASK_COLUMNS: tuple[str, ...] = (
    "Nr.",
    "Aufgabe",
    "Amt",
    "Person",
    "Fällig am",
    "Status",
    "Priorität",
    "Bezirksregion",
    "Gremium",
    "Sitzung",
    "TOP",
    "Angelegt",
    "Erledigt am",
    "Bemerkung",
    "Überfällig",
    "ID",
    "Stand",
)
COLUMN_WIDTHS = (12, 48, 9, 18, 11, 14, 9, 22, 18, 20, 32, 11, 11, 32, 11, 37, 27)
PRINTED_COLUMNS = 15  # ID and Stand serve the read-back, not the reader of a printout
DATE_COLUMNS = tuple(TASK_FIELDS.index(f) for f in ("due_date", "created_on", "completed_on"))
TASKS_SHEET = "Aufgaben"
OVERVIEW_SHEET = "Übersicht"
MARKER_SHEET = "sromod"
MARKER_NAME = "sromod_aufgabenliste"
WORKBOOK_KIND = "sromod-aufgabenliste"
FORMAT_VERSION = 1
DATE_FORMAT = "DD.MM.YYYY"
STATUS_LABELS = tuple(s.label for s in TaskStatus)
OVERDUE_FILL = PatternFill(fill_type="solid", start_color="FFC7CE", end_color="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
PROGRESS_STEP = 1000

assert len(TASK_COLUMNS) == len(TASK_FIELDS) == len(COLUMN_WIDTHS)

# Characters XML cannot hold (openpyxl refuses them); users paste them from other programs.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# A text that openpyxl would store as a formula ("=...") or an error ("#N/A"), or that holds such
# characters; searched in the row's texts joined by newlines, hence the multiline anchor.
_RISKY = re.compile(r"^[=#]|[\000-\010\013\014\016-\037]", re.MULTILINE)


@dataclass
class _Sheet:
    """A tasks sheet being streamed: its cells reused for dates, its row count."""

    ws: Any
    date_cells: dict[int, WriteOnlyCell]
    rows: int = 0


@dataclass
class _Counts:
    open: dict[str | None, int] = field(default_factory=dict)
    overdue: dict[str | None, int] = field(default_factory=dict)


def export_tasks(
    store: Store,
    out_path: Path | str,
    *,
    office_code: str | None = None,
    status: TaskStatus | str | None = None,
    overdue: bool = False,
    body_id: str | None = None,
    region_id: str | None = None,
    per_office_sheets: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    statuses: Iterable[TaskStatus] = (),
) -> int:
    """Write the filtered task list to out_path; returns the number of task rows written.

    status takes a TaskStatus, its German label or its code; statuses several TaskStatus (the
    pending ones an office still owes); today (for tests) decides overdue.
    """
    wanted = status if isinstance(status, TaskStatus) or status is None else parse_status(status)
    filters = TaskFilter(office_code, wanted, overdue, body_id, region_id, today, tuple(statuses))
    check_office(store, office_code)
    total = count_tasks(store, filters)
    with store.session() as session:
        offices = {code: name for code, name in session.execute(select(Office.code, Office.name))}
    written = 0

    def write(temp: Path) -> None:
        nonlocal written
        written = write_tasks_workbook(
            task_rows(store, filters),
            temp,
            total=total,
            offices=offices,
            per_office_sheets=per_office_sheets,
            filter_text=describe(filters),
            progress=progress,
            cancelled=cancelled,
        )

    atomic_write(Path(out_path), write, store_path=store.path)
    log.info("Aufgabenliste mit %d Zeilen exportiert", written)
    return written


def describe(filters: TaskFilter) -> str:
    parts = []
    if filters.office_code:
        parts.append(f"Amt {filters.office_code}")
    if filters.status is not None:
        parts.append(f"Status {filters.status.label}")
    if filters.statuses:
        parts.append(f"Status {', '.join(s.label for s in filters.statuses)}")
    if filters.overdue:
        parts.append("nur überfällige")
    if filters.body_id:
        parts.append("ein Gremium")
    if filters.region_id:
        parts.append("eine Bezirksregion")
    return ", ".join(parts) or "alle Aufgaben"


def write_tasks_workbook(
    rows: Iterable[tuple[Any, ...]],
    target: Path,
    *,
    total: int,
    offices: dict[str, str],
    per_office_sheets: bool = False,
    filter_text: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Stream rows (TASK_FIELDS order) into a new workbook at target; returns the row count."""
    # Berlin wall-clock time whatever the machine's zone: the reader takes it as such.
    exported_at = datetime.now(berlin_zone()).replace(microsecond=0, tzinfo=None)
    wb = Workbook(write_only=True)
    try:
        stamp = f"Stand {exported_at:%d.%m.%Y %H:%M} Uhr"
        main = _new_tasks_sheet(wb, TASKS_SHEET, f"Aufgabenliste – {stamp}")
        overview = wb.create_sheet(OVERVIEW_SHEET)  # second tab, filled once counts are known
        counts = _Counts()
        done = _stream(wb, main, rows, counts, total, per_office_sheets, progress, cancelled, stamp)
        write_overview(overview, _overview_rows(counts, offices), exported_at, filter_text)
        _mark(wb, exported_at, filter_text, done)
        check_cancelled(cancelled)
        wb.save(str(target))
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(done, total)
    return done


def _stream(
    wb: Workbook,
    main: _Sheet,
    rows: Iterable[tuple[Any, ...]],
    counts: _Counts,
    total: int,
    per_office_sheets: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
    stamp: str,
) -> int:
    by_office: dict[str | None, _Sheet] = {}
    done = 0
    for row in rows:
        if done % PROGRESS_STEP == 0:
            check_cancelled(cancelled)
            if progress is not None:
                progress(done, total)
        _append(main, _cells(row, main.ws))
        code = row[OFFICE_CODE_INDEX]
        if per_office_sheets:
            sheet = by_office.get(code)
            if sheet is None:
                title = _sheet_title(code, by_office)
                label = f"Aufgabenliste {code or 'ohne Amt'} – {stamp}"
                sheet = by_office[code] = _new_tasks_sheet(wb, title, label)
            _append(sheet, _cells(row, sheet.ws))
        _count(counts, code, row)
        done += 1
    for sheet in (main, *by_office.values()):
        _finish_tasks_sheet(sheet)
    return done


def _discard(wb: Workbook) -> None:
    """Close and delete the temporary files of a workbook that will not be saved."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if not ws.closed:
                ws.close()
            writer.cleanup()
        except Exception:  # a half-written sheet may refuse to close; its temp file goes anyway
            log.debug("Temporäre Datei eines abgebrochenen Exports", exc_info=True)
            with suppress(OSError, ValueError):
                writer.cleanup()


def _count(counts: _Counts, code: str | None, row: tuple[Any, ...]) -> None:
    if row[STATUS_INDEX] in _OPEN_LABELS:
        counts.open[code] = counts.open.get(code, 0) + 1
        if row[OVERDUE_INDEX]:
            counts.overdue[code] = counts.overdue.get(code, 0) + 1


_OPEN_LABELS = frozenset((TaskStatus.OPEN.label, TaskStatus.IN_PROGRESS.label))


def _overview_rows(counts: _Counts, offices: dict[str, str]) -> list[tuple[str, str, int, int]]:
    codes = sorted(counts.open, key=lambda c: (c is None, (c or "").casefold()))
    return [
        (
            code or "ohne Amt",
            offices.get(code or "", ""),
            counts.open[code],
            counts.overdue.get(code, 0),
        )
        for code in codes
    ]


def _cells(row: tuple[Any, ...], ws: Any) -> list[Any]:
    """The row's values, with any text that Excel would read as a formula or error forced to text."""
    values = list(row)
    # One search over the row's texts; the rare hit is then handled cell by cell.
    texts = "\n".join([v for v in row if v.__class__ is str])
    if _RISKY.search(texts):
        for i, value in enumerate(values):
            if value.__class__ is str and _RISKY.search(value):
                values[i] = _text_cell(ws, value)
    return values


def _text_cell(ws: Any, value: str) -> Any:
    cell = WriteOnlyCell(ws)
    # Bypass openpyxl's type guessing, which makes "=..." a formula and "#N/A" an error.
    cell._value = _ILLEGAL.sub("", value)
    cell.data_type = "s"
    return cell


def _append(sheet: _Sheet, values: list[Any]) -> None:
    # Date cells carry the German number format; one styled cell per column is reused, since
    # the write-only sheet writes each appended row out before the next one comes.
    for index, cell in sheet.date_cells.items():
        value = values[index]
        if value is not None:
            # A date for a date cell: openpyxl's type guessing (a regex per cell) is not needed.
            cell._value = value
            cell.data_type = "d"
            values[index] = cell
    sheet.ws.append(values)
    sheet.rows += 1


def _new_tasks_sheet(wb: Workbook, title: str, label: str) -> _Sheet:
    ws = wb.create_sheet(title)
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.oddHeader.left.text = label
    ws.oddFooter.right.text = "Seite &P von &N"
    header = []
    for title_text in TASK_COLUMNS:
        cell = WriteOnlyCell(ws, title_text)
        cell.font = Font(name="Calibri", bold=True)
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.append(header)
    date_cells = {}
    for index in DATE_COLUMNS:
        cell = WriteOnlyCell(ws)
        cell.number_format = DATE_FORMAT
        date_cells[index] = cell
    return _Sheet(ws, date_cells)


def _finish_tasks_sheet(sheet: _Sheet) -> None:
    ws = sheet.ws
    last_row = sheet.rows + 1
    last_col = get_column_letter(len(TASK_COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    ws.print_area = f"A1:{get_column_letter(PRINTED_COLUMNS)}{last_row}"
    if sheet.rows == 0:
        return
    status_col = get_column_letter(STATUS_INDEX + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_LABELS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Status",
        error="Bitte wählen Sie einen Status aus der Liste.",
    )
    validation.add(f"{status_col}2:{status_col}{last_row}")
    ws.data_validations.append(validation)
    overdue_col = get_column_letter(OVERDUE_INDEX + 1)
    ws.conditional_formatting.add(
        f"A2:{last_col}{last_row}",
        FormulaRule(
            formula=[f'${overdue_col}2="{OVERDUE_TEXT}"'], fill=OVERDUE_FILL, font=OVERDUE_FONT
        ),
    )


def _sheet_title(code: str | None, taken: dict[str | None, _Sheet]) -> str:
    title = re.sub(r"[\[\]:*?/\\']", "-", code or "ohne Amt")[:28] or "Amt"
    used = {s.ws.title for s in taken.values()} | {TASKS_SHEET, OVERVIEW_SHEET, MARKER_SHEET}
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title} {n}", n + 1
    return candidate


def _mark(wb: Workbook, exported_at: datetime, filter_text: str, rows: int) -> None:
    """A hidden sheet and a defined name that say: this is a sromod task list, exported then."""
    ws = wb.create_sheet(MARKER_SHEET)
    ws.sheet_state = "hidden"
    for key, value in (
        ("Art", WORKBOOK_KIND),
        ("Version", FORMAT_VERSION),
        ("Exportiert am", exported_at.isoformat()),
        ("Filter", filter_text),
        ("Zeilen", rows),
    ):
        ws.append([key, value])
    wb.defined_names[MARKER_NAME] = DefinedName(MARKER_NAME, attr_text=f"'{MARKER_SHEET}'!$B$1")
