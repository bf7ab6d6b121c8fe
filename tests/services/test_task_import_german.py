"""The command line's German import report, sentence for sentence: pinned before the problems,
changes and ignored edits became data (the window words the same data in its own language)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from sromod.exports.tasks_xlsx import TASKS_SHEET, export_tasks
from sromod.exports.tasks_xlsx_import import preview_task_list
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskStatus
from sromod.services import task_import, tasks
from sromod.services.errors import ServiceError
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.services.register_data import TODAY, Register, build_register


@pytest.fixture
def reg(store: Store) -> Register:
    return build_register(store)


def _numbers(store: Store, reg: Register) -> list[str]:
    return [tasks.get_task(store, t).register_number for t in reg.task_ids]


def _sheet_rows(path: Path) -> tuple[openpyxl.Workbook, dict[str, int], dict[str, int]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[TASKS_SHEET]
    cols = {str(c.value): c.column for c in ws[HEADER_ROW]}
    rows = {str(ws.cell(r, cols["ID"]).value): r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    return wb, cols, rows


def test_a_bad_list_is_reported_in_the_same_german_sentences(
    store: Store, reg: Register, tmp_path: Path
) -> None:
    out = tmp_path / "Liste.xlsx"
    export_tasks(store, out, TaskFilter(today=TODAY), per_office_sheets=True)
    wb, cols, rows = _sheet_rows(out)
    ws = wb[TASKS_SHEET]
    t = reg.task_ids
    ws.cell(rows[t[0]], cols["Status"]).value = "fertig"
    ws.cell(rows[t[1]], cols["Fällig am"]).value = "bald"
    ws.cell(rows[t[2]], cols["Fällig am"]).value = "=TODAY()+7"
    ws.cell(rows[t[3]], cols["Status"]).value = None
    ws.cell(rows[t[4]], cols["ID"]).value = None
    ws.cell(rows[t[5]], cols["ID"]).value = "00000000-0000-4000-8000-000000000000"
    ws.cell(rows[t[6]], cols["Stand"]).value = None
    ws.cell(rows[t[6]], cols["Status"]).value = "erledigt"
    ws.cell(rows[t[7]], cols["Aufgabe"]).value = "Neu formuliert"
    ws.cell(rows[t[7]], cols["Bemerkung"]).value = "nachgefragt"
    office = wb["Soz"]
    office_cols = {str(c.value): c.column for c in office[HEADER_ROW]}
    for line in range(HEADER_ROW + 1, office.max_row + 1):
        if office.cell(line, office_cols["ID"]).value == t[7]:
            office.cell(line, office_cols["Bemerkung"]).value = "anders"
    wb.create_sheet("Meine Notizen").append(["Rückruf"])
    del wb["sromod"]  # without the export time, a row without "Stand" cannot be checked
    wb.save(out)
    n = _numbers(store, reg)
    r = {task_id: rows[task_id] for task_id in t}
    before = task_import.format_preview(preview_task_list(store, out)).splitlines()
    preview = preview_task_list(store, out)
    formula = f"{get_column_letter(cols['Fällig am'])}{r[t[2]]}"
    soz_row = next(row for row in range(HEADER_ROW + 1, office.max_row + 1)
                   if office.cell(row, office_cols["ID"]).value == t[7])  # fmt: skip
    problems = [
        f"  Blatt „Aufgaben“, Zeile {r[t[0]]} ({n[0]}): den Status „fertig“ kennt sromod nicht "
        "(möglich: „offen“, „in Bearbeitung“, „erledigt“, „zurückgestellt“, „entfällt“).",
        f"  Blatt „Aufgaben“, Zeile {r[t[1]]} ({n[1]}): „bald“ in der Spalte „Fällig am“ ist "
        "kein Datum.",
        f"  Blatt „Aufgaben“, Zeile {r[t[2]]}, Spalte „Fällig am“ ({formula}): eine Formel kann "
        "nicht eingelesen werden; bitte den Wert eintragen.",
        f"  Blatt „Aufgaben“, Zeile {r[t[3]]} ({n[3]}): der Status ist leer.",
        f"  Blatt „Aufgaben“, Zeile {r[t[4]]} ({n[4]}): die Spalte „ID“ ist leer; neue Aufgaben "
        "können nicht per Excel angelegt werden, bitte in sromod erfassen.",
        f"  Blatt „Aufgaben“, Zeile {r[t[5]]}: die Aufgabe {n[5]} gibt es in dieser Datenbank "
        "nicht.",
        f"  Blatt „Aufgaben“, Zeile {r[t[6]]}: die Spalte „Stand“ fehlt oder ist leer; so lässt "
        f"sich nicht prüfen, ob {n[6]} seit dem Export geändert wurde.",
        f"  Die Aufgabe {n[7]} steht in mehreren Blättern mit verschiedenen Angaben (Blatt "
        f"„Aufgaben“, Zeile {r[t[7]]}; Blatt „Soz“, Zeile {soz_row}).",
    ]
    assert before[0] == "Aufgabenliste „Liste.xlsx“"
    assert before[1] == "8 Fehler – es wird nichts übernommen:"
    assert sorted(before[2:10]) == sorted(problems)
    assert before[10:] == [
        "Keine Änderungen.",
        "Nicht übernommen (diese Spalten liest sromod nicht ein):",
        f"  Spalte „Aufgabe“ geändert in 1 Zeile ({n[7]}) – wird nicht übernommen.",
        "7 Aufgaben ohne Änderung.",
        "Nicht eingelesen (keine Aufgabenblätter): „Meine Notizen“.",
    ]
    assert not preview.ok
    with pytest.raises(ServiceError, match="nichts übernommen"):
        task_import.apply_import(store, preview)


def test_changes_and_conflicts_are_reported_in_the_same_german_sentences(
    store: Store, reg: Register, tmp_path: Path
) -> None:
    out = tmp_path / "Liste.xlsx"
    export_tasks(store, out, TaskFilter(today=TODAY))
    t = reg.task_ids
    tasks.set_task_status(store, t[1], TaskStatus.DEFERRED, note="in der Sitzung")
    wb, cols, rows = _sheet_rows(out)
    ws = wb[TASKS_SHEET]
    ws.cell(rows[t[0]], cols["Status"]).value = "erledigt"
    ws.cell(rows[t[0]], cols["Fällig am"]).value = datetime(2027, 1, 31)
    ws.cell(rows[t[0]], cols["Bemerkung"]).value = "Übergabe " + "sehr " * 20 + "gut"
    ws.cell(rows[t[1]], cols["Status"]).value = "erledigt"
    ws.cell(rows[t[1]], cols["Fällig am"]).value = None
    beyond = get_column_letter(ws.max_column + 1)  # a column without a header
    ws[f"{beyond}{rows[t[1]]}"] = "bitte anrufen"
    wb.save(out)
    n = _numbers(store, reg)
    lines = task_import.format_preview(preview_task_list(store, out)).splitlines()
    long = "„Übergabe " + "sehr " * 10 + "…“"  # cut to 60 characters
    assert lines[1:] == [
        "1 Änderung:",
        f"  {n[0]} Aufgabe 1 für Jug: Status: offen → erledigt; Fällig am: 01.10.2026 → "
        f"31.01.2027; Bemerkung: (leer) → {long}",
        "1 Konflikt (in sromod nach dem Export geändert, nicht übernommen):",
        f"  {n[1]} Aufgabe 2 für Jug: in sromod: Status zurückgestellt, fällig 01.12.2026 · "
        "in der Datei: Status erledigt, fällig (leer)",
        "Nicht übernommen (diese Spalten liest sromod nicht ein):",
        f"  Spalte „Spalte {beyond}“ (nicht Teil der Liste) geändert in 1 Zeile ({n[1]}) – wird "
        "nicht übernommen.",
        "6 Aufgaben ohne Änderung.",
    ]
