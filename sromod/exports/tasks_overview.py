"""The overview sheet of the task list: open and overdue tasks per office, with a bar chart.

The chart has a title and a description (the drawing's alternative text, which Excel's
accessibility check asks for and screen readers read); openpyxl has no setting for the latter, so
the overview sheet hands openpyxl a drawing that writes it.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from sromod.services.wording import german_datetime

OVERVIEW_HEADER = ("Amt", "Bezeichnung", "offen", "davon überfällig")
HEADER_ROW = 5  # title, export time, filter, blank line, then the table
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")


CHART_TITLE = "Aufgaben je Amt"


def _described_chart_frame(drawing: SpreadsheetDrawing, idx: int) -> Any:
    """The drawing's frame for chart idx, carrying the chart's name and description (alt text)."""
    frame = SpreadsheetDrawing._chart_frame(drawing, idx)
    chart = drawing.charts[idx - 1]
    props = frame.nvGraphicFramePr.cNvPr
    props.name = getattr(chart, "sromod_name", props.name)
    props.descr = getattr(chart, "sromod_description", None)
    return frame


class _OverviewSheet(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl is untyped: its class is Any to mypy
    """openpyxl gives each sheet a plain drawing when it saves; this sheet's describes its chart."""

    @property
    def _drawing(self) -> Any:
        return self.__dict__.get("_described_drawing")

    @_drawing.setter
    def _drawing(self, value: Any) -> None:
        if isinstance(value, SpreadsheetDrawing):
            value._chart_frame = partial(_described_chart_frame, value)
        self.__dict__["_described_drawing"] = value


def new_overview_sheet(wb: Any, title: str) -> Any:
    """An empty overview sheet at the end of the (write-only) workbook."""
    ws = _OverviewSheet(parent=wb, title=title)
    wb._add_sheet(ws)
    return ws


def _styled(ws: Any, value: Any, *, bold: bool = False, size: float = 11, fill: Any = None) -> Any:
    cell = WriteOnlyCell(ws, value)
    cell.font = Font(name="Calibri", bold=bold, size=size)
    if fill is not None:
        cell.fill = fill
    return cell


def write_overview(
    ws: Any, rows: list[tuple[str, str, int, int]], exported_at: datetime, filter_text: str
) -> None:
    """Fill the (write-only) overview sheet; rows are (code, office name, open, overdue)."""
    for column, width in zip("ABCD", (14, 46, 10, 16), strict=True):
        ws.column_dimensions[column].width = width
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Before the first row: a write-only sheet writes its view (and so the panes) with that row.
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.append([_styled(ws, "Offene und überfällige Aufgaben je Amt", bold=True, size=14)])
    ws.append(["Stand:", f"{german_datetime(exported_at)} Uhr"])
    ws.append(["Auswahl:", filter_text])
    ws.append([])
    ws.append([_styled(ws, text, bold=True, fill=HEADER_FILL) for text in OVERVIEW_HEADER])
    for code, name, open_count, overdue in rows:
        # Office names come from the store and may be edited by users: keep them text.
        ws.append([_text(ws, code), _text(ws, name), open_count, overdue])
    first, last = HEADER_ROW + 1, HEADER_ROW + len(rows)
    total_open = sum(r[2] for r in rows)
    total_overdue = sum(r[3] for r in rows)
    ws.append([_styled(ws, "Summe", bold=True), None, total_open, total_overdue])
    if rows:
        # Below the table, so that table and chart print on one portrait page.
        peak = max(max(r[2] for r in rows), 1)
        ws.add_chart(_chart(ws, first, last, peak), f"A{last + 3}")


def _text(ws: Any, value: str) -> Any:
    cell = WriteOnlyCell(ws)
    cell._value = value
    cell.data_type = "s"
    return cell


def describe_chart(ws: Any, first: int, last: int) -> str:
    """The chart in words, for screen readers: what it shows and where the numbers are."""
    return (
        "Balkendiagramm: offene und davon überfällige Aufgaben je Amt, ein Balkenpaar je Amt. "
        f"Die Zahlen stehen in der Tabelle darüber, Zeilen {first} bis {last}, Spalten "
        "„offen“ und „davon überfällig“."
    )


def _chart(ws: Any, first: int, last: int, peak: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: office codes stay readable
    chart.grouping = "clustered"
    chart.title = CHART_TITLE
    chart.sromod_name = f"Diagramm: {CHART_TITLE}"
    chart.sromod_description = describe_chart(ws, first, last)
    chart.y_axis.title = "Anzahl"
    chart.x_axis.title = "Amt"
    data = Reference(ws, min_col=3, max_col=4, min_row=HEADER_ROW, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # first office on top, as in the table
    chart.height = max(7.5, 0.6 * (last - first + 1) + 3)
    chart.width = 16
    if peak <= 10:
        chart.y_axis.majorUnit = 1  # whole tasks, not 0.5
    # openpyxl 3.1 marks axes deleted unless told otherwise; Excel would then hide them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart
