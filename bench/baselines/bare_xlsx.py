"""Bare task-list baseline: openpyxl in write-only mode writing the same rows.

The rows are read back from the task sheet sromod wrote (untimed): the same values in the same
cells, dates as real date cells with a number format. Only :func:`write_bare` is timed.
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
    workbook = load_workbook(str(path), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def write_bare(rows: list[tuple[Any, ...]], target: Path) -> None:
    """What a bare openpyxl write-only script would do with the same rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Aufgaben")
    for values in rows:
        sheet.append([_cell(sheet, v) for v in values])
    workbook.save(str(target))


def _cell(sheet: Any, value: Any) -> Any:
    if isinstance(value, datetime | date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value
