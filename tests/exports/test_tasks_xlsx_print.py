"""The task list as an office lead prints and edits it: print setup, protection, properties, chart."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from sromod.exports.tasks_xlsx import TASK_COLUMNS, export_tasks
from sromod.exports.tasks_xlsx_layout import HEADER_ROW, NOTE
from sromod.models import Task
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.exports.conftest import Sample

TODAY = date(2026, 11, 25)
A4_LANDSCAPE_POINTS = 842 - 2 * 0.4 * 72  # the page width inside the margins
POINTS_PER_CHARACTER = 5.6  # Calibri 11: a column width of 1 is about 7 pixels at 96 dpi


@pytest.fixture
def workbook_path(store: Store, sample: Sample, tmp_path: Path) -> Path:
    path = tmp_path / "Aufgaben.xlsx"
    export_tasks(store, path, TaskFilter(today=TODAY), per_office_sheets=True)
    return path


def test_printed_list_holds_the_leads_columns_at_a_readable_size(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    for name in ("Aufgaben", "Jug"):
        ws = wb[name]
        assert ws.print_area == f"'{name}'!$A$1:$H$" + str(ws.max_row)
        printed = [c.value for c in ws[HEADER_ROW][:8]]
        assert printed == ["Nr.", "Aufgabe", "Amt", "Person", "Fällig am", "Status",
                           "Überfällig", "Bemerkung"]  # fmt: skip
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)  # width only: pages as needed
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_options.gridLines
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert "Aufgabenliste" in ws.oddHeader.left.text
        assert "Stand" in ws.oddFooter.left.text
        assert ws.oddFooter.right.text == "Seite &P von &N"
        # Fitted to the width, the printed columns shrink 11 pt text to no less than 8 pt.
        width = sum(ws.column_dimensions[c].width for c in "ABCDEFGH") * POINTS_PER_CHARACTER
        assert 11 * min(1.0, A4_LANDSCAPE_POINTS / width) >= 8
        assert ws.column_dimensions["B"].alignment.wrap_text  # long tasks wrap, not cut


def test_only_status_due_date_and_remark_can_be_edited(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Aufgaben"]
    assert ws.protection.sheet and not ws.protection.password
    # Filtering and sorting stay allowed (openpyxl: False means "not protected").
    assert ws.protection.autoFilter is False and ws.protection.sort is False
    assert ws["A1"].value == NOTE
    editable = {"Status", "Fällig am", "Bemerkung"}
    header = {c.value: c for c in ws[HEADER_ROW]}
    for name, cell in header.items():
        green = cell.fill.fgColor.rgb.endswith("C6E0B4")
        assert green == (name in editable), name
        assert (cell.comment is not None) == (name in editable), name
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for cell in row:
            name = TASK_COLUMNS[cell.column - 1]
            if cell.value is not None:
                assert cell.protection.locked == (name not in editable), (name, cell.coordinate)
    # An empty remark cell takes the column's style: unlocked as well.
    assert ws.column_dimensions["H"].protection.locked is False
    assert ws.column_dimensions["B"].protection.locked is not False


def test_properties_name_the_office_not_openpyxl(workbook_path: Path) -> None:
    props = load_workbook(workbook_path).properties
    assert props.title == "Aufgabenliste"
    assert props.subject == "Aufgaben – alle Aufgaben"
    assert props.creator == "Sozialraumorientierte Planungskoordination (SPK)"
    assert props.lastModifiedBy == props.creator
    assert props.language == "de-DE"


def test_page_header_names_the_body_of_the_selection(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from sromod.models import Body

    with store.session() as session:
        body_id = session.scalar(select(Body.id).where(Body.short_name == "AG SRO"))
    path = tmp_path / "ag.xlsx"
    export_tasks(store, path, TaskFilter(body_id=body_id, today=TODAY))
    ws = load_workbook(path)["Aufgaben"]
    assert ws.oddHeader.left.text == "Aufgabenliste · Gremium AG SRO"


def test_sheets_have_names_and_the_chart_a_title_and_a_description(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    assert wb.sheetnames == ["Aufgaben", "Übersicht", "Jug", "SGA", "sromod"]
    overview = wb["Übersicht"]
    assert overview.freeze_panes == "A6"  # the header of the table stays in view
    chart = overview._charts[0]
    title = "".join(r.t for p in chart.title.tx.rich.p for r in p.r)
    assert title == "Aufgaben je Amt"
    with zipfile.ZipFile(workbook_path) as archive:
        drawing = ElementTree.fromstring(archive.read("xl/drawings/drawing1.xml"))
    frame = next(e for e in drawing.iter() if e.tag.endswith("cNvPr"))
    assert frame.get("name") == "Diagramm: Aufgaben je Amt"
    assert frame.get("descr", "").startswith("Balkendiagramm: offene und davon überfällige")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_row_set_to_done_in_the_spreadsheet_is_no_longer_overdue(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    """The overdue word follows the status typed in the spreadsheet program (LibreOffice here)."""
    with store.unit_of_work() as session:
        for task_id in sample.task_ids.values():
            task = session.get(Task, task_id)
            assert task is not None
            if task.register_number in ("A-2026/0051", "A-2026/0124"):  # both open
                task.due_date = date.today() - timedelta(days=3)
    path = tmp_path / "Aufgaben.xlsx"
    export_tasks(store, path)
    wb = load_workbook(path)
    ws = wb["Aufgaben"]
    status_col = TASK_COLUMNS.index("Status") + 1
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        if row[0].value == "A-2026/0124":
            ws.cell(row[0].row, status_col).value = "erledigt"
    edited = tmp_path / "bearbeitet.xlsx"
    wb.save(edited)
    shown = _as_csv(edited, tmp_path)
    overdue = {r[0]: r[TASK_COLUMNS.index("Überfällig")] for r in shown[HEADER_ROW:]}
    assert overdue["A-2026/0051"] == "überfällig"
    assert overdue["A-2026/0050"] == ""  # done
    assert overdue["A-2026/0124"] == ""  # set to "erledigt" in the file


def _as_csv(path: Path, work: Path) -> list[list[str]]:
    profile = (work / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(work), str(path)],
        check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(work)},
    )  # fmt: skip
    with open(work / (path.stem + ".csv"), encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_long_texts_wrap_in_rows_tall_enough(store: Store, sample: Sample, tmp_path: Path) -> None:
    long_title = "Bedarfsanalyse für die Jugendfreizeiteinrichtungen im Ortsteil " * 3
    with store.unit_of_work() as session:
        task = session.get(Task, sample.task_ids["jug"])
        assert task is not None
        task.title = long_title.strip()
        task.remark = "erste Zeile\nzweite Zeile"
    path = tmp_path / "a.xlsx"
    export_tasks(store, path, TaskFilter(today=TODAY))
    ws = load_workbook(path)["Aufgaben"]
    row = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[0].value == "A-2026/0123")
    title, remark = row[TASK_COLUMNS.index("Aufgabe")], row[TASK_COLUMNS.index("Bemerkung")]
    assert title.alignment.wrap_text and remark.alignment.wrap_text
    assert remark.protection.locked is False  # still editable
    assert ws.row_dimensions[title.row].height >= 4 * 15  # 190 characters in a 46-wide column
    short = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[0].value == "A-2026/0050")
    assert ws.row_dimensions[short[0].row].height is None  # one line: Excel's default height
