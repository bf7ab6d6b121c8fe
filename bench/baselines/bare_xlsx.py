"""Bare task-list baseline: openpyxl in write-only mode writing the same rows.

The rows are read back from the task sheet sromod wrote (untimed): the same values in the same
cells (the note row, the header in row 2, the rows), dates as real date cells with a number format,
the "Überfällig" formulas as formulas, texts that look like formulas as texts. Only
:func:`write_bare` is timed.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

DATE_FORMAT = "DD.MM.YYYY"


def read_rows(path: Path) -> list[tuple[Any, ...]]:
    """All rows of the workbook's first sheet (header included), as plain values."""
    # Not data_only: a formula cell holds no cached value (nobody calculated it), only its formula.
    workbook = load_workbook(str(path), read_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [tuple(_value(cell) for cell in row) for row in sheet.iter_rows()]
    finally:
        workbook.close()


def write_bare(rows: list[tuple[Any, ...]], target: Path) -> None:
    """What a bare openpyxl write-only script would do with the same rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Aufgaben")
    for values in rows:
        sheet.append([_cell(sheet, v) for v in values])
    workbook.save(str(target))


class Text(str):
    """A text that openpyxl would otherwise write as a formula or an error ("=...", "#N/A")."""


def _value(cell: Any) -> Any:
    value = cell.value
    if cell.data_type == "s" and isinstance(value, str) and value[:1] in ("=", "#"):
        return Text(value)
    return value


def _cell(sheet: Any, value: Any) -> Any:
    if value.__class__ is Text:
        cell = WriteOnlyCell(sheet)
        cell._value, cell.data_type = str(value), "s"
        return cell
    if isinstance(value, datetime | date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value
