"""The Excel round trip: export, edit as an office lead would, preview, apply; bad files change nothing."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import text, update

from sromod.exports.tasks_xlsx import TASKS_SHEET, export_tasks
from sromod.exports.tasks_xlsx_import import preview_task_list
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import Task, TaskEventSource, TaskStatus
from sromod.services import register, task_import, tasks
from sromod.services.errors import ServiceError
from sromod.services.task_query import TaskFilter
from sromod.services.wording import change_lines, ignored_text, problem_text
from sromod.store import Store
from tests.services.helpers import office_id
from tests.services.register_data import TODAY, Register, build_register


@pytest.fixture
def reg(store: Store) -> Register:
    return build_register(store)


@pytest.fixture
def exported(store: Store, reg: Register, tmp_path: Path) -> Path:
    out = tmp_path / "Aufgaben Jug.xlsx"
    export_tasks(store, out, TaskFilter(today=TODAY))
    return out


def _dump(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [
            *conn.execute(text("SELECT * FROM tasks ORDER BY id")).all(),
            *conn.execute(text("SELECT * FROM task_events ORDER BY id")).all(),
        ]


def _columns(ws: Worksheet) -> dict[str, int]:
    return {c.value: c.column for c in ws[HEADER_ROW]}


def _row_of(ws: Worksheet, task_id: str) -> int:
    col = _columns(ws)["ID"]
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, col).value == task_id:
            return r
    raise AssertionError(task_id)


def _edit(src: Path, dst: Path, edits: dict[str, dict[str, object]], *, resort: bool = True,
          hide: str = "Aufgabe") -> Path:  # fmt: skip
    """Change cells of the tasks sheet as an office lead would: by task id and header name."""
    wb = openpyxl.load_workbook(src)
    ws = wb[TASKS_SHEET]
    cols = _columns(ws)
    for task_id, values in edits.items():
        row = _row_of(ws, task_id)
        for header, value in values.items():
            ws.cell(row, cols[header]).value = value
    if resort:  # sort the rows by title, descending (Excel's sort rewrites the rows in place)
        data = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
        data.sort(key=lambda r: str(r[cols["Aufgabe"] - 1]), reverse=True)
        for r, row_values in enumerate(data, start=HEADER_ROW + 1):
            for c, value in enumerate(row_values, start=1):
                ws.cell(r, c).value = value
    letter = openpyxl.utils.get_column_letter(cols[hide])
    ws.column_dimensions[letter].hidden = True
    ws.row_dimensions[3].hidden = True  # filtered out in Excel: still read
    ws.auto_filter.ref = ws.dimensions
    wb.save(dst)
    return dst


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip(store: Store, reg: Register, exported: Path, tmp_path: Path) -> None:
    t0, t1, t5 = reg.task_ids[0], reg.task_ids[1], reg.task_ids[5]
    edited = _edit(exported, tmp_path / "zurück.xlsx", {
        t0: {"Status": "erledigt", "Bemerkung": "Übergabe ist erfolgt"},
        t1: {"Status": "in Bearbeitung", "Fällig am": datetime(2027, 1, 31)},
        t5: {"Fällig am": "15.03.2027"},  # typed as text, German form
    })  # fmt: skip
    digest, before = _digest(edited), _dump(store)

    preview = preview_task_list(store, edited)
    assert preview.ok and not preview.conflicts, preview.problems
    got = {c.task_id: change_lines(c) for c in preview.changes}
    assert got == {
        t0: ["Status: offen → erledigt", "Bemerkung: (leer) → „Übergabe ist erfolgt“"],
        t1: ["Status: offen → in Bearbeitung", "Fällig am: 01.12.2026 → 31.01.2027"],
        t5: ["Fällig am: 01.02.2027 → 15.03.2027"],
    }
    assert preview.unchanged == 5
    assert preview.ignored == []  # sorted and hidden, but nothing changed in read-only columns
    assert _dump(store) == before  # the dry run changes nothing
    text_out = task_import.format_preview(preview)
    assert (
        "3 Änderungen:" in text_out
        and "Übersicht" not in text_out
        and "Status: offen → erledigt" in text_out
    )

    assert task_import.apply_import(store, preview) == 3
    assert tasks.get_task(store, t0).status == TaskStatus.DONE
    assert tasks.get_task(store, t0).remark == "Übergabe ist erfolgt"
    assert tasks.get_task(store, t0).completed_on is not None
    assert tasks.get_task(store, t1).due_date == date(2027, 1, 31)
    assert tasks.get_task(store, t5).due_date == date(2027, 3, 15)
    imported = [e for e in register.task_history(store, t0) if e.source == TaskEventSource.IMPORT]
    assert [(e.old_status, e.new_status) for e in imported] == [
        (TaskStatus.OPEN, TaskStatus.DONE),
        (None, None),  # the remark, noted as an edit
    ]
    assert all("zurück.xlsx" in (e.note or "") for e in imported)
    assert "Übergabe ist erfolgt" in (imported[1].note or "")
    assert _digest(edited) == digest  # the user's file is never written

    again = preview_task_list(store, edited)  # importing twice changes nothing more
    assert again.ok and not again.changes


def test_edits_in_columns_not_read_back_are_listed(
    store: Store, reg: Register, exported: Path, tmp_path: Path
) -> None:
    t0, t1, t2 = reg.task_ids[0], reg.task_ids[1], reg.task_ids[2]
    long_text = "Sehr lange Beschreibung. " * 1280  # 32,000 characters
    edited = _edit(exported, tmp_path / "zurück.xlsx", {
        t0: {"Aufgabe": "Neu formuliert", "Status": "erledigt"},
        t1: {"Aufgabe": long_text},
        t2: {"Aufgabe": "Auch anders", "Person": "Jemand Anderes"},
    }, hide="Gremium")  # fmt: skip
    wb = openpyxl.load_workbook(edited)
    ws = wb[TASKS_SHEET]
    ws.cell(HEADER_ROW, ws.max_column + 1).value = "Kommentar"  # a column the lead added
    ws.cell(_row_of(ws, t2), ws.max_column).value = "bitte anrufen"
    wb.save(edited)

    preview = preview_task_list(store, edited)
    assert preview.ok and len(preview.changes) == 1  # only the status is taken
    numbers = [tasks.get_task(store, t).register_number for t in (t0, t1, t2)]
    assert [ignored_text(edit) for edit in preview.ignored[:3]] == [
        f"Spalte „Aufgabe“ geändert in 3 Zeilen ({', '.join(sorted(numbers, key=_order(edited)))})"
        " – wird nicht übernommen.",
        f"Spalte „Person“ geändert in 1 Zeile ({numbers[2]}) – wird nicht übernommen.",
        f"Spalte „Kommentar“ (nicht Teil der Liste) geändert in 1 Zeile ({numbers[2]}) – wird "
        "nicht übernommen.",
    ]
    assert ignored_text(preview.ignored[3]).endswith(
        "ein Text von 32.000 Zeichen in der Spalte „Aufgabe“ – wird nicht übernommen."
    )
    assert "Spalte „Aufgabe“ geändert in 3 Zeilen" in task_import.format_preview(preview)


def _order(path: Path) -> Callable[[str], int]:
    """Sort key: the row in which a register number stands in the file."""
    ws = openpyxl.load_workbook(path)[TASKS_SHEET]
    rows = {str(r[0].value): r[0].row for r in ws.iter_rows(min_row=HEADER_ROW + 1)}
    return lambda number: rows[number]


def test_conflict_is_reported_not_applied(store: Store, reg: Register, exported: Path,
                                          tmp_path: Path) -> None:  # fmt: skip
    t0, t1 = reg.task_ids[0], reg.task_ids[1]
    tasks.set_task_status(store, t0, TaskStatus.IN_PROGRESS, note="in der Sitzung besprochen")
    edited = _edit(exported, tmp_path / "e.xlsx", {t0: {"Status": "erledigt"},
                                                   t1: {"Status": "erledigt"}})  # fmt: skip
    preview = preview_task_list(store, edited)
    assert [c.task_id for c in preview.conflicts] == [t0]
    assert [c.task_id for c in preview.changes] == [t1]
    text_out = task_import.format_preview(preview)
    assert "1 Konflikt (in sromod nach dem Export geändert, nicht übernommen)" in text_out
    assert "in sromod: Status in Bearbeitung · in der Datei: Status erledigt" in text_out
    task_import.apply_import(store, preview)
    assert tasks.get_task(store, t0).status == TaskStatus.IN_PROGRESS  # not overwritten
    assert tasks.get_task(store, t1).status == TaskStatus.DONE


def test_extra_sheet_is_fine(store: Store, reg: Register, exported: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    wb.create_sheet("Meine Notizen").append(["Rückruf bei Frau Weber", "=1+1"])
    wb.save(tmp_path / "x.xlsx")
    edited = _edit(tmp_path / "x.xlsx", tmp_path / "y.xlsx",
                   {reg.task_ids[0]: {"Status": "entfällt"}})  # fmt: skip
    preview = preview_task_list(store, edited)
    assert preview.ok and len(preview.changes) == 1
    assert preview.unread_sheets == ["Meine Notizen"]


def _bad_cases(reg: Register) -> dict[str, tuple[dict[str, dict[str, object]], str]]:
    t0 = reg.task_ids[0]
    return {
        "unknown task": ({t0: {"ID": "00000000-0000-4000-8000-000000000000"}}, "gibt es in dieser"),
        "unknown status": ({t0: {"Status": "fertig"}}, "den Status „fertig“ kennt sromod nicht"),
        "not a date": ({t0: {"Fällig am": "bald"}}, "„bald“ in der Spalte „Fällig am“ ist kein Datum"),
        "formula": ({t0: {"Fällig am": "=TODAY()+7"}}, "eine Formel kann nicht eingelesen werden"),
    }  # fmt: skip


@pytest.mark.parametrize("case", ["unknown task", "unknown status", "not a date", "formula"])
def test_bad_rows_refuse_everything(store: Store, reg: Register, exported: Path, tmp_path: Path,
                                    case: str) -> None:  # fmt: skip
    edits, message = _bad_cases(reg)[case]
    edits = {**edits, reg.task_ids[1]: {"Status": "erledigt"}}  # a good edit beside the bad one
    edited = _edit(exported, tmp_path / "bad.xlsx", edits)
    before = _dump(store)
    preview = preview_task_list(store, edited)
    assert not preview.ok
    texts = [problem_text(p) for p in preview.problems]
    assert any(message in t for t in texts), texts
    with pytest.raises(ServiceError, match="nichts übernommen"):
        task_import.apply_import(store, preview)
    assert _dump(store) == before


def test_files_that_are_not_task_lists(store: Store, reg: Register, exported: Path,
                                       tmp_path: Path) -> None:  # fmt: skip
    other = tmp_path / "Haushalt.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Titel", "Betrag"])
    wb.active.append(["Kiezkasse", 1500])
    wb.save(other)
    damaged = tmp_path / "kaputt.xlsx"
    damaged.write_bytes(exported.read_bytes()[:2000])
    text_file = tmp_path / "liste.xlsx"
    text_file.write_text("Nr.;Aufgabe;Status\n", encoding="utf-8")
    before = _dump(store)
    expected = {
        other: "ist keine Aufgabenliste von sromod",
        damaged: "kann nicht gelesen werden",
        text_file: "kann nicht gelesen werden",
        tmp_path / "fehlt.xlsx": "gibt es nicht",
    }
    for path, message in expected.items():
        preview = preview_task_list(store, path)
        assert not preview.ok and not preview.changes
        texts = [problem_text(p) for p in preview.problems]
        assert len(texts) == 1 and message in texts[0], texts
        with pytest.raises(ServiceError):
            task_import.apply_import(store, preview)
    assert _dump(store) == before


def test_task_changed_after_preview_refuses(store: Store, reg: Register, exported: Path,
                                            tmp_path: Path) -> None:  # fmt: skip
    t0 = reg.task_ids[0]
    edited = _edit(exported, tmp_path / "e.xlsx", {t0: {"Status": "erledigt"}})
    preview = preview_task_list(store, edited)
    tasks.update_task(store, t0, title="Neu formuliert")
    before = _dump(store)
    with pytest.raises(ServiceError, match="nach der Vorschau geändert"):
        task_import.apply_import(store, preview)
    assert _dump(store) == before


def test_copy_without_marker_sheet_still_reads(store: Store, reg: Register, exported: Path,
                                               tmp_path: Path) -> None:  # fmt: skip
    copy = tmp_path / "Kopie.xlsx"
    shutil.copy(exported, copy)
    wb = openpyxl.load_workbook(copy)
    del wb["sromod"]
    wb.save(copy)
    edited = _edit(copy, tmp_path / "k.xlsx", {reg.task_ids[2]: {"Status": "erledigt"}})
    preview = preview_task_list(store, edited)
    assert preview.ok and [c.task_id for c in preview.changes] == [reg.task_ids[2]]


def test_long_list_reports_progress_and_can_be_cancelled(store: Store, reg: Register,
                                                         exported: Path, tmp_path: Path) -> None:  # fmt: skip
    wb = openpyxl.load_workbook(exported)
    ws = wb[TASKS_SHEET]
    row = [c.value for c in ws[HEADER_ROW + 1]]
    for _ in range(1200):  # the same task again and again: a long list without edits
        ws.append(row)
    long_list = tmp_path / "lang.xlsx"
    wb.save(long_list)
    seen: list[int] = []
    preview = preview_task_list(store, long_list, progress=lambda n, _t: seen.append(n))
    assert preview.ok and not preview.changes and seen[:2] == [500, 1000]
    with pytest.raises(ServiceError, match="abgebrochen"):
        preview_task_list(store, long_list, cancelled=lambda: True)


def test_office_sheets_edited_instead_of_the_main_sheet(store: Store, reg: Register,
                                                        tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "mit Blättern.xlsx"
    export_tasks(store, out, per_office_sheets=True)
    wb = openpyxl.load_workbook(out)
    office_sheet = wb["Jug"]
    cols = _columns(office_sheet)
    t0, t1 = reg.task_ids[0], reg.task_ids[1]
    office_sheet.cell(_row_of(office_sheet, t0), cols["Status"]).value = "erledigt"
    office_sheet.cell(_row_of(office_sheet, t1), cols["Status"]).value = "erledigt"
    main = wb[TASKS_SHEET]
    main.cell(_row_of(main, t1), cols["Status"]).value = "entfällt"  # disagrees with "Jug"
    main.cell(_row_of(main, t0), cols["Status"]).value = "erledigt"  # agrees: counts once
    wb.save(out)
    preview = preview_task_list(store, out)
    assert [c.task_id for c in preview.changes] == [t0]
    texts = [problem_text(p) for p in preview.problems]
    assert len(texts) == 1 and "in mehreren Blättern" in texts[0], texts


def test_without_the_stand_column_the_export_time_decides(store: Store, reg: Register,
                                                          exported: Path, tmp_path: Path) -> None:  # fmt: skip
    t0, t1 = reg.task_ids[0], reg.task_ids[1]
    tasks.set_task_status(store, t0, TaskStatus.IN_PROGRESS)
    with store.unit_of_work() as session:  # that change came a minute after the export
        task = session.get(Task, t0)
        assert task is not None
        session.execute(
            update(Task)
            .where(Task.id == t0)
            .values(updated_at=task.updated_at + timedelta(seconds=60))
            .execution_options(synchronize_session=False)
        )
    edited = _edit(exported, tmp_path / "ohne Stand.xlsx",
                   {t0: {"Status": "erledigt"}, t1: {"Status": "erledigt"}})  # fmt: skip
    wb = openpyxl.load_workbook(edited)
    ws = wb[TASKS_SHEET]
    ws.delete_cols(_columns(ws)["Stand"])
    wb.save(edited)
    preview = preview_task_list(store, edited)
    assert preview.ok, preview.problems
    assert [c.task_id for c in preview.conflicts] == [t0]
    assert [c.task_id for c in preview.changes] == [t1]


def test_applying_many_changes_reads_the_tasks_in_a_few_queries(
    store: Store, reg: Register, tmp_path: Path
) -> None:
    # One query and one flush per task made a list of a few thousand answers freeze the window
    # for twenty seconds; the count of SELECTs must not grow with the number of changes.
    from sqlalchemy import event

    many = [tasks.add_task(store, f"Aufgabe {n}", office_id=reg.offices["Jug"]).id
            for n in range(60)]  # fmt: skip
    out = tmp_path / "viele.xlsx"
    export_tasks(store, out, TaskFilter(office_id=office_id(store, "Jug"), today=TODAY))
    edited = _edit(out, tmp_path / "viele bearbeitet.xlsx",
                   {i: {"Status": "erledigt", "Bemerkung": f"fertig {i[:4]}"} for i in many})  # fmt: skip
    preview = preview_task_list(store, edited)
    assert len(preview.changes) == 60 and preview.ok
    selects: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        assert task_import.apply_import(store, preview) == 60
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(selects) < 10
    done = register.task_totals(store, TaskFilter(statuses=(TaskStatus.DONE,)))
    assert done.total == 61  # the 60 and the one done before
    history = register.task_history(store, many[0])
    assert [e.source for e in history][-1] == TaskEventSource.IMPORT


def test_a_remark_excel_turned_into_a_date_reads_as_a_german_date(
    store: Store, reg: Register, exported: Path, tmp_path: Path
) -> None:
    # Typed "3.12.2026" into Bemerkung, Excel keeps a date cell; it read as "2026-12-03 00:00:00".
    t0 = reg.task_ids[0]
    edited = _edit(exported, tmp_path / "Datum.xlsx", {t0: {"Bemerkung": datetime(2026, 12, 3)}})
    preview = preview_task_list(store, edited)
    assert [change_lines(c) for c in preview.changes] == [["Bemerkung: (leer) → „03.12.2026“"]]
