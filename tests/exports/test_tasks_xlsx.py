"""The task list workbook, read back with openpyxl as Excel would show it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from sromod.exports.files import ExportCancelled
from sromod.exports.tasks_xlsx import (
    MARKER_NAME,
    MARKER_SHEET,
    STATUS_LABELS,
    TASK_COLUMNS,
    WORKBOOK_KIND,
    export_tasks,
)
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskStatus
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.services.helpers import office_id

TODAY = date(2026, 11, 25)


def _rows_by_number(ws: Worksheet) -> dict[str, dict[str, Cell]]:
    header = [c.value for c in ws[HEADER_ROW]]
    return {
        str(row[0].value): {name: cell for name, cell in zip(header, row, strict=False)}
        for row in ws.iter_rows(min_row=HEADER_ROW + 1)
    }


@pytest.fixture
def workbook_path(store: Store, sample: Sample, tmp_path: Path) -> Path:
    path = tmp_path / "Aufgaben.xlsx"
    assert export_tasks(store, path, TaskFilter(today=TODAY), per_office_sheets=True) == 4
    return path


def test_tasks_sheet_columns_and_values(workbook_path: Path, sample: Sample) -> None:
    wb = load_workbook(workbook_path)
    assert wb.sheetnames[:2] == ["Aufgaben", "Übersicht"]
    ws = wb["Aufgaben"]
    assert tuple(c.value for c in ws[HEADER_ROW]) == TASK_COLUMNS
    rows = _rows_by_number(ws)
    jug = rows["A-2026/0123"]
    assert jug["Aufgabe"].value == "Bedarfsanalyse fortschreiben"
    assert jug["Amt"].value == "Jug"
    assert jug["Person"].value == "Bernd Kurz"
    assert jug["Status"].value == "offen"
    assert jug["Gremium"].value == "AG SRO"
    assert jug["Sitzung"].value == "12. Sitzung, 25.11.2026"
    assert jug["TOP"].value == "TOP 3.1 Bedarfsanalyse Köpenick-Nord"
    assert jug["ID"].value == sample.task_ids["jug"]
    assert jug["Stand"].value


def test_dates_are_real_date_cells_in_german_format(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Aufgaben"]
    row = _rows_by_number(ws)["A-2026/0050"]
    for column, expected in (
        ("Fällig am", date(2026, 10, 31)),
        ("Erledigt am", date(2026, 11, 20)),
    ):
        cell = row[column]
        assert isinstance(cell.value, datetime)
        assert cell.value.date() == expected
        assert cell.number_format == "DD.MM.YYYY"
    assert isinstance(row["Angelegt"].value, datetime)


def test_user_text_never_becomes_a_formula(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    cell = _rows_by_number(wb["Aufgaben"])["A-2026/0124"]["Aufgabe"]
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK(")
    overdue_column = TASK_COLUMNS.index("Überfällig")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            # Only sromod's own overdue test is a formula; no text from users ever is.
            assert all(c.data_type != "f" for c in row if c.column != overdue_column + 1), ws.title


def test_frozen_header_filter_status_dropdown_and_overdue_marks(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Aufgaben"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:Q6"
    assert all(c.font.b for c in ws[HEADER_ROW])
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].type == "list"
    assert validations[0].formula1 == '"' + ",".join(STATUS_LABELS) + '"'
    assert str(validations[0].sqref) == "F3:F6"
    rules = [(str(cf.sqref), rule) for cf in ws.conditional_formatting for rule in cf.rules]
    assert len(rules) == 1
    sqref, rule = rules[0]
    assert sqref == "A3:Q6"
    # Due date and status decide, in Excel, when the file is opened: a row set to "erledigt"
    # there loses its colour.
    condition = 'AND(ISNUMBER($E3),$E3<TODAY(),OR($F3="offen",$F3="in Bearbeitung"))'
    assert rule.formula == [condition]
    assert rule.dxf.fill.fgColor.rgb.endswith("FFC7CE") or rule.dxf.fill.bgColor.rgb.endswith(
        "FFC7CE"
    )
    # The word as well as the colour, from the same test.
    rows = _rows_by_number(ws)
    for number in ("A-2026/0050", "A-2026/0051", "A-2026/0123"):
        cell = rows[number]["Überfällig"]
        row = cell.row
        assert cell.value == f'=IF({condition.replace("3", str(row))},"überfällig","")'


def test_overview_counts_open_and_overdue_per_office_with_a_chart(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    ws = wb["Übersicht"]
    table = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=5, max_col=4)]
    assert table[0] == ("Amt", "Bezeichnung", "offen", "davon überfällig")
    assert ("Jug", "Jugendamt", 1, 0) in table
    assert ("SGA", "Straßen- und Grünflächenamt", 2, 1) in table
    assert ("Summe", None, 3, 1) in table
    charts = ws._charts
    assert len(charts) == 1 and charts[0].tagname == "barChart"


def test_marker_sheet_and_per_office_sheets(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    marker = wb[MARKER_SHEET]
    assert marker.sheet_state == "hidden"
    assert marker["B1"].value == WORKBOOK_KIND
    assert datetime.fromisoformat(str(marker["B3"].value))
    assert MARKER_NAME in wb.defined_names
    assert set(_rows_by_number(wb["Jug"])) == {"A-2026/0050", "A-2026/0123"}
    assert set(_rows_by_number(wb["SGA"])) == {"A-2026/0051", "A-2026/0124"}


def test_filters_by_office_status_and_overdue(store: Store, sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    sga = office_id(store, "SGA")
    assert export_tasks(store, path, TaskFilter(office_id=sga, today=TODAY)) == 2
    assert set(_rows_by_number(load_workbook(path)["Aufgaben"])) == {"A-2026/0051", "A-2026/0124"}
    assert export_tasks(store, path, TaskFilter(overdue=True, today=TODAY)) == 1
    assert set(_rows_by_number(load_workbook(path)["Aufgaben"])) == {"A-2026/0051"}
    assert export_tasks(store, path, TaskFilter(statuses=(TaskStatus.DONE,), today=TODAY)) == 1
    in_progress = TaskFilter(statuses=(TaskStatus.IN_PROGRESS,), today=TODAY)
    assert export_tasks(store, path, in_progress) == 1


def test_cancel_leaves_no_file_and_progress_reaches_total(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    export_tasks(store, tmp_path / "a.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    with pytest.raises(ExportCancelled):
        export_tasks(store, tmp_path / "b.xlsx", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == ["a.xlsx"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sromod-")]


def test_control_characters_and_error_lookalikes_stay_text(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from sromod.models import Task

    with store.unit_of_work() as session:
        task = session.get(Task, sample.task_ids["jug"])
        assert task is not None
        task.title = "Zeile\x0bmit Steuerzeichen"
        task.remark = "#N/A"
    path = tmp_path / "a.xlsx"
    export_tasks(store, path, TaskFilter(today=TODAY))
    row = _rows_by_number(load_workbook(path)["Aufgaben"])["A-2026/0123"]
    assert row["Aufgabe"].value == "Zeilemit Steuerzeichen"
    assert row["Bemerkung"].value == "#N/A"
    assert row["Bemerkung"].data_type == "s"


def test_filters_by_body_and_region_take_in_planungsraeume(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from sromod.models import Body, Region, RegionLevel, Task

    with store.unit_of_work() as session:
        jug = session.get(Task, sample.task_ids["jug"])
        sga = session.get(Task, sample.task_ids["sga"])
        assert jug is not None and sga is not None and jug.region_id is not None
        bezirksregion_id = jug.region_id
        planungsraum = session.scalars(
            select(Region).where(
                Region.level == RegionLevel.PLANUNGSRAUM, Region.parent_id == bezirksregion_id
            )
        ).first()
        assert planungsraum is not None
        sga.region_id = planungsraum.id
        other = Body(name="Steuerungsrunde Adlershof", short_name="SR Adl")
        session.add(other)
        session.flush()
        sga.body_id = other.id
        body_id = jug.body_id
    path = tmp_path / "a.xlsx"
    assert export_tasks(store, path, TaskFilter(region_id=bezirksregion_id, today=TODAY)) == 2
    rows = _rows_by_number(load_workbook(path)["Aufgaben"])
    assert set(rows) == {"A-2026/0123", "A-2026/0124"}
    region_name = rows["A-2026/0123"]["Bezirksregion"].value
    assert region_name and rows["A-2026/0124"]["Bezirksregion"].value == region_name
    assert export_tasks(store, path, TaskFilter(body_id=body_id, today=TODAY)) == 3
    assert "A-2026/0124" not in _rows_by_number(load_workbook(path)["Aufgaben"])


def test_tasks_without_a_due_date_come_after_the_dated_ones(store: Store, tmp_path: Path) -> None:
    # As in the register: the earliest due dates first, the undated tasks at the end of the office.
    from sromod.services import tasks
    from tests.services.register_data import build_register

    reg = build_register(store)
    tasks.add_task(store, "Ohne Termin", office_id=reg.offices["Jug"])
    path = tmp_path / "Jug.xlsx"
    export_tasks(store, path, TaskFilter(office_id=reg.offices["Jug"], today=TODAY))
    rows = list(load_workbook(path)["Aufgaben"].iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    due = [r[TASK_COLUMNS.index("Fällig am")] for r in rows]
    assert due[-1] is None and None not in due[:-1]
    assert due[:-1] == sorted(due[:-1])
