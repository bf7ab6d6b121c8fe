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
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import RowDimension
from sqlalchemy import select

from sromod.exports.files import Cancelled, Progress, atomic_write, check_cancelled
from sromod.exports.tasks_overview import new_overview_sheet, write_overview
from sromod.exports.tasks_xlsx_layout import (
    EDITABLE_INDEXES,
    FIRST_DATA_ROW,
    HEADER_ROW,
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    TOP,
    UNLOCKED,
    WRAP,
    header_cells,
    header_text,
    line_count,
    note_cell,
    print_area,
    set_properties,
    set_up_sheet,
)
from sromod.models import OVERDUE_TASK_STATUSES, Office, Setting, TaskStatus
from sromod.services.local_zone import berlin_zone
from sromod.services.task_export import (
    OFFICE_CODE_INDEX,
    OVERDUE_INDEX,
    OVERDUE_TEXT,
    STATUS_INDEX,
    TASK_FIELDS,
    count_tasks,
    task_rows,
)
from sromod.services.task_query import PENDING, FilterNames, TaskFilter, filter_names
from sromod.services.wording import german_date, german_datetime
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
    "Überfällig",
    "Bemerkung",
    "Priorität",
    "Bezirksregion",
    "Gremium",
    "Sitzung",
    "TOP",
    "Angelegt",
    "Erledigt am",
    "ID",
    "Stand",
)
COLUMN_WIDTHS = (12, 46, 8, 16, 11, 14, 11, 34, 9, 22, 18, 20, 32, 11, 11, 37, 27)
DATE_COLUMNS = tuple(TASK_FIELDS.index(f) for f in ("due_date", "created_on", "completed_on"))
# The printed columns that hold long texts, with their widths.
WRAPPED_COLUMNS = tuple(
    (TASK_FIELDS.index(f), COLUMN_WIDTHS[TASK_FIELDS.index(f)])
    for f in ("title", "person", "remark")
)
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
PROGRESS_STEP = 1000

assert len(TASK_COLUMNS) == len(TASK_FIELDS) == len(COLUMN_WIDTHS)

# Characters XML cannot hold (openpyxl refuses them); users paste them from other programs.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# A text that openpyxl would store as a formula ("=...") or an error ("#N/A"), or that holds such
# characters; searched in the row's texts joined by newlines, hence the multiline anchor.
_RISKY = re.compile(r"^[=#]|[\000-\010\013\014\016-\037]", re.MULTILINE)


@dataclass
class _Sheet:
    """A tasks sheet being streamed: its cells reused for styled columns, its row count."""

    ws: Any
    styled_cells: dict[int, Any]
    wrap_cells: dict[int, Any]
    rows: int = 0
    heights: dict[int, Any] = field(default_factory=dict)


class _StyledCell(Cell):  # type: ignore[misc]  # openpyxl ships no type hints: Cell is Any
    """A reused cell whose style is set once: its style id is looked up once, not per row."""

    __slots__ = ("_fixed_style_id",)
    _fixed_style_id: int

    def fix_style(self) -> None:
        self._fixed_style_id = Cell.style_id.fget(self)

    @property
    def style_id(self) -> int:
        return self._fixed_style_id

    @property
    def has_style(self) -> bool:
        return True


def _styled_cell(ws: Any, **style: Any) -> _StyledCell:
    cell = _StyledCell(ws, column=1, row=1)
    for name, value in style.items():
        setattr(cell, name, value)
    cell.fix_style()
    return cell


@dataclass(frozen=True)
class _Page:
    """What the printed pages say besides the rows: the selection, who sends it, when."""

    filter_text: str
    author: str
    stamp: str

    def header(self, title: str) -> str:
        return header_text(f"{title} · {self.filter_text}")

    @property
    def footer(self) -> str:
        return header_text(" · ".join(p for p in (self.author, self.stamp) if p))


@dataclass
class _Counts:
    open: dict[str | None, int] = field(default_factory=dict)
    overdue: dict[str | None, int] = field(default_factory=dict)


def export_tasks(
    store: Store,
    out_path: Path | str,
    filters: TaskFilter | None = None,
    *,
    per_office_sheets: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the tasks the filter holds (the register's filter: the same tasks the register
    shows) to out_path; returns the number of task rows written."""
    filters = filters or TaskFilter()
    total = count_tasks(store, filters)
    with store.session() as session:
        offices = {code: name for code, name in session.execute(select(Office.code, Office.name))}
        settings = {k: v for k, v in session.execute(select(Setting.key, Setting.value))}
    filter_text = describe(filters, filter_names(store, filters))
    author = settings.get("organisational_unit") or settings.get("district") or ""
    written = 0

    def write(temp: Path) -> None:
        nonlocal written
        written = write_tasks_workbook(
            task_rows(store, filters),
            temp,
            total=total,
            offices=offices,
            per_office_sheets=per_office_sheets,
            filter_text=filter_text,
            author=author,
            progress=progress,
            cancelled=cancelled,
        )

    atomic_write(Path(out_path), write, store_path=store.path)
    log.info("Aufgabenliste mit %d Zeilen exportiert", written)
    return written


def describe(filters: TaskFilter, names: FilterNames) -> str:
    """The filter in words, for the page header and the overview: "Amt Jug, Gremium AG SRO"."""
    f, parts = filters, []
    if f.office_id:
        parts.append(f"Amt {names.office_code}")
    if f.person_id:
        parts.append(f"Person {names.person_name}")
    if set(f.statuses) == set(PENDING):
        parts.append("Status unerledigt")
    elif f.statuses:
        parts.append(f"Status {', '.join(s.label for s in f.statuses)}")
    if f.overdue:
        parts.append("nur überfällige")
    if f.body_id:
        parts.append(f"Gremium {names.body_short_name}")
    if f.region_id:
        level = names.region_level.label if names.region_level else "Region"
        parts.append(f"{level} {names.region_name}")
    if f.due_from or f.due_to:
        parts.append(_due_range(f.due_from, f.due_to))
    if f.decision_id:
        parts.append(f"Beschluss {names.decision_number}")
    if f.meeting_id:
        parts.append("aus einer Sitzung")
    if f.text.strip():
        parts.append(f"Suche „{f.text.strip()}“")
    if f.task_ids:
        parts.append("ausgewählte Aufgaben")
    return ", ".join(parts) or "alle Aufgaben"


def _due_range(first: date | None, last: date | None) -> str:
    if first and last:
        return f"fällig {german_date(first)} bis {german_date(last)}"
    return f"fällig ab {german_date(first)}" if first else f"fällig bis {german_date(last)}"


def write_tasks_workbook(
    rows: Iterable[tuple[Any, ...]],
    target: Path,
    *,
    total: int,
    offices: dict[str, str],
    per_office_sheets: bool = False,
    filter_text: str = "",
    author: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Stream rows (TASK_FIELDS order) into a new workbook at target; returns the row count.

    author (the SPK or the district) goes into the file's properties and the page header.
    """
    # Berlin wall-clock time whatever the machine's zone: the reader takes it as such.
    exported_at = datetime.now(berlin_zone()).replace(microsecond=0, tzinfo=None)
    wb = Workbook(write_only=True)
    try:
        set_properties(wb, author, filter_text, exported_at)
        page = _Page(filter_text, author, f"Stand {german_datetime(exported_at)} Uhr")
        main = _new_tasks_sheet(wb, TASKS_SHEET, page.header("Aufgabenliste"), page.footer)
        overview = new_overview_sheet(
            wb, OVERVIEW_SHEET
        )  # second tab, filled once counts are known
        counts = _Counts()
        done = _stream(wb, main, rows, counts, total, per_office_sheets, progress, cancelled, page)
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
    page: _Page,
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
                header = page.header(f"Aufgabenliste {code or 'ohne Amt'}")
                sheet = by_office[code] = _new_tasks_sheet(wb, title, header, page.footer)
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
    sheet.rows += 1
    row = HEADER_ROW + sheet.rows
    _wrap_long_texts(sheet, values, row)
    # Dates and the editable columns carry a style (German date format, unlocked); one styled
    # cell per column is reused, since the write-only sheet writes each row out before the next.
    for index, cell in sheet.styled_cells.items():
        value = values[index]
        if value is None or value.__class__ is _StyledCell:
            continue  # unwritten: the column's style (unlocked where editable); or wrapped already
        if value.__class__ is Cell:  # a text forced to text by _cells
            if index in EDITABLE_INDEXES:
                value.protection = UNLOCKED
            continue
        # The type is known: openpyxl's type guessing (a regex per cell) is not needed.
        cell._value = value
        cell.data_type = "s" if value.__class__ is str else "d"
        values[index] = cell
    # A formula, so that a row set to "erledigt" in Excel loses the word as well as the colour.
    values[OVERDUE_INDEX] = _OVERDUE_FORMULA.format(row=row)
    sheet.ws.append(values)


def _wrap_long_texts(sheet: _Sheet, values: list[Any], row: int) -> None:
    """Wrap the printed texts longer than their column, and make the row tall enough for them.

    Neither Excel nor LibreOffice sizes the rows of a written file to wrapped text, so the row
    gets a height from an estimate of its lines; short texts keep the plain, unstyled cell.
    """
    lines = 1
    for index, width in WRAPPED_COLUMNS:
        value = values[index]
        text = value._value if value.__class__ is Cell else value
        if text.__class__ is not str or (len(text) <= width and "\n" not in text):
            continue
        lines = max(lines, line_count(text, width))
        if value.__class__ is Cell:
            value.alignment = WRAP
        else:
            cell = sheet.wrap_cells[index]
            cell._value = text
            cell.data_type = "s"
            values[index] = cell
    if lines > 1:
        # One row dimension per height, shared by the rows of that height (the write-only sheet
        # writes a row's height from it; the row number is not part of it).
        height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)
        dimension = sheet.heights.get(height)
        if dimension is None:
            dimension = sheet.heights[height] = RowDimension(sheet.ws, ht=height)
        sheet.ws.row_dimensions[row] = dimension


def _overdue_condition(row: int | str) -> str:
    """Excel's test for an overdue row: a due date before today and an open status."""
    due = f"${get_column_letter(TASK_FIELDS.index('due_date') + 1)}{row}"
    status = f"${get_column_letter(STATUS_INDEX + 1)}{row}"
    pending = ",".join(f'{status}="{s.label}"' for s in OVERDUE_TASK_STATUSES)
    return f"AND(ISNUMBER({due}),{due}<TODAY(),OR({pending}))"


_OVERDUE_FORMULA = f'=IF({_overdue_condition("{row}")},"{OVERDUE_TEXT}","")'


def _new_tasks_sheet(wb: Workbook, title: str, header: str, footer: str) -> _Sheet:
    ws = wb.create_sheet(title)
    set_up_sheet(ws, COLUMN_WIDTHS, header, footer)
    ws.append([note_cell(ws)])
    ws.append(header_cells(ws, TASK_COLUMNS))
    styled = {}
    for index in sorted({*DATE_COLUMNS, *EDITABLE_INDEXES}):
        style: dict[str, Any] = {"alignment": TOP}  # as the wrapped texts beside them
        if index in DATE_COLUMNS:
            style["number_format"] = DATE_FORMAT
        if index in EDITABLE_INDEXES:
            style["protection"] = UNLOCKED
        styled[index] = _styled_cell(ws, **style)
    wrapped = {}
    for index, _width in WRAPPED_COLUMNS:
        style = {"alignment": WRAP}
        if index in EDITABLE_INDEXES:
            style["protection"] = UNLOCKED
        wrapped[index] = _styled_cell(ws, **style)
    return _Sheet(ws, styled, wrapped)


def _finish_tasks_sheet(sheet: _Sheet) -> None:
    ws = sheet.ws
    first, last_row = FIRST_DATA_ROW, HEADER_ROW + sheet.rows
    last_col = get_column_letter(len(TASK_COLUMNS))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"
    ws.print_area = print_area(sheet.rows)
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
    validation.add(f"{status_col}{first}:{status_col}{last_row}")
    ws.data_validations.append(validation)
    ws.conditional_formatting.add(
        f"A{first}:{last_col}{last_row}",
        FormulaRule(formula=[_overdue_condition(first)], fill=OVERDUE_FILL, font=OVERDUE_FONT),
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
