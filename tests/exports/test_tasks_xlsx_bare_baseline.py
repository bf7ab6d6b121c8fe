"""Benchmark figure (e) compares the task list with a bare openpyxl copy of the same content.

The copy must hold what sromod wrote: the note row, the header in row 2, real date cells, the
"Überfällig" formulas as formulas (not dropped as empty) and a formula-like title as text.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from bench.baselines import bare_xlsx
from sromod.exports.tasks_xlsx import TASK_COLUMNS, export_tasks
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import Task
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.exports.conftest import Sample


def test_bare_copy_holds_the_same_cells_formulas_included(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    with store.unit_of_work() as session:
        task = session.get(Task, sample.task_ids["jug"])
        assert task is not None
        task.title = "=HYPERLINK(1)"
    ours, bare = tmp_path / "sromod.xlsx", tmp_path / "bare.xlsx"
    export_tasks(store, ours, TaskFilter(today=date(2026, 3, 1)))
    bare_xlsx.write_bare(bare_xlsx.read_rows(ours), bare)
    theirs, copy = load_workbook(ours)["Aufgaben"], load_workbook(bare)["Aufgaben"]
    header = [c.value for c in copy[HEADER_ROW]]
    assert header == list(TASK_COLUMNS)
    overdue = TASK_COLUMNS.index("Überfällig") + 1
    rows = range(HEADER_ROW + 1, theirs.max_row + 1)
    assert len(rows) >= 2 and copy.max_row == theirs.max_row
    for row in rows:
        assert copy.cell(row, overdue).data_type == "f"
        assert copy.cell(row, overdue).value == theirs.cell(row, overdue).value
        for column in range(1, len(TASK_COLUMNS) + 1):
            mine, other = theirs.cell(row, column), copy.cell(row, column)
            assert other.data_type == mine.data_type, (row, column)
            if isinstance(mine.value, date | datetime):
                assert other.value == mine.value and other.number_format == "DD.MM.YYYY"
            else:
                assert other.value == mine.value, (row, column)
    titles = [copy.cell(r, 2) for r in rows]
    assert any(c.value == "=HYPERLINK(1)" and c.data_type == "s" for c in titles)
