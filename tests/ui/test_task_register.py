"""The task register in the window: filter, open a task, change its status, undo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskEventSource, TaskStatus
from sromod.services import register, tasks
from sromod.services.register import TaskRow
from sromod.services.task_import import ImportPreview
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs import task_detail
from sromod.ui.itemmodels.tasks import COLUMN
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.register_data import build_register


def _screen(store: Store, qtbot: QtBot) -> tuple[AppContext, TaskRegisterScreen]:
    context = AppContext(store)
    screen = TaskRegisterScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    return context, screen


def _shown(screen: TaskRegisterScreen) -> list[TaskRow]:
    """The rows the register shows, top to bottom."""
    rows = [screen.model.row_at(r) for r in range(screen.model.rowCount())]
    return [row for row in rows if row is not None]


def _click_row(
    qtbot: QtBot, screen: TaskRegisterScreen, row: int, modifier=Qt.KeyboardModifier.NoModifier
) -> None:
    table = screen.table
    rect = table.visualRect(screen.model.index(row, COLUMN["title"]))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_filter_open_change_status_and_undo(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reg = build_register(store)
    context, screen = _screen(store, qtbot)
    bar = screen.filter_bar
    # Default: the pending tasks of all offices (8 tasks, 2 closed).
    assert screen.model.rowCount() == 6
    bar.office.setCurrentIndex(bar.office.findData(reg.offices["Jug"]))
    assert screen.model.rowCount() == 3
    assert screen.counts.text().startswith("Jugendamt: 3 offen, 2 überfällig")
    qtbot.mouseClick(bar.overdue, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 2
    overdue_column = COLUMN["overdue"]
    assert {screen.model.index(r, overdue_column).data() for r in range(2)} == {"überfällig"}
    qtbot.mouseClick(bar.overdue, Qt.MouseButton.LeftButton)

    _click_row(qtbot, screen, 0)
    task_id = screen.model.task_id(0)
    assert screen.detail.task_id == task_id
    assert "Übergabe der Jugendfreizeiteinrichtung" in screen.detail.fields["origin"].text()
    navigated: list[tuple[str, str]] = []
    context.navigate.connect(lambda kind, item: navigated.append((kind, item)))
    screen.detail.fields["origin"].linkActivated.emit("open")
    assert navigated == [("agenda_item", reg.item_id)]

    _click_row(qtbot, screen, 1, Qt.KeyboardModifier.ControlModifier)
    chosen = screen.selected_ids()
    assert len(chosen) == 2
    screen.status_actions[TaskStatus.DONE].trigger()
    assert all(tasks.get_task(store, t).status == TaskStatus.DONE for t in chosen)
    # Done tasks leave the "unerledigt" view; the counts follow.
    assert screen.model.rowCount() == 1
    assert screen.counts.text().startswith("Jugendamt: 1 offen")
    history = register.task_history(store, chosen[0])
    assert history[-1].new_status == TaskStatus.DONE and history[-1].source == TaskEventSource.EDIT

    note = "Rückfrage beim Amt gestellt"
    monkeypatch.setattr(task_detail, "ask_note", lambda _parent, _label: note)
    screen.show_item(chosen[0])
    assert screen.selected_ids() == [chosen[0]]
    qtbot.mouseClick(screen.detail.note_button, Qt.MouseButton.LeftButton)
    assert register.task_history(store, chosen[0])[-1].note == note
    assert screen.detail.task_id == chosen[0]
    newest = screen.detail.history.item(0, 1)
    assert newest is not None and newest.text().endswith(note)  # newest first
    context.undo_stack.undo()  # the note
    assert register.task_history(store, chosen[0])[-1].note != note

    context.undo_stack.undo()  # one step for both tasks
    assert all(tasks.get_task(store, t).status != TaskStatus.DONE for t in chosen)
    shown = {screen.model.task_id(r): screen.model.index(r, COLUMN["status"]).data()
             for r in range(screen.model.rowCount())}  # fmt: skip
    assert all(shown[t] != "erledigt" for t in chosen)  # the list shows the undone state
    assert all(e.new_status != TaskStatus.DONE for e in register.task_history(store, chosen[0]))


def test_sort_by_header_and_show_item(store: Store, qtbot: QtBot) -> None:
    reg = build_register(store)
    _context, screen = _screen(store, qtbot)
    screen.filter_bar.office.setCurrentIndex(screen.filter_bar.office.findData(reg.offices["SGA"]))
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMN["register_number"]) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    numbers = [row.register_number for row in _shown(screen)]
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    screen.filter_bar.office.setCurrentIndex(0)
    qtbot.keyClicks(screen.filter_bar.text, "aufgabe 6")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert [row.title for row in _shown(screen)] == ["Aufgabe 6 für SGA"]
    # A done task hidden by the filters: show_item widens the filters and selects it.
    done_task = reg.task_ids[3]
    screen.show_item(done_task)
    assert screen.selected_ids() == [done_task]
    assert screen.detail.task_id == done_task
    assert screen.filter_bar.text.text() == ""


def test_import_from_the_window_is_one_undo_step(
    store: Store, qtbot: QtBot, tmp_path, monkeypatch
) -> None:
    import openpyxl

    from sromod.exports.tasks_xlsx import export_tasks
    from sromod.ui.dialogs import import_preview

    reg = build_register(store)
    context, screen = _screen(store, qtbot)
    exported = tmp_path / "Aufgaben.xlsx"
    export_tasks(store, exported)
    wb = openpyxl.load_workbook(exported)
    ws = wb["Aufgaben"]
    cols = {c.value: c.column for c in ws[HEADER_ROW]}
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, cols["ID"]).value in reg.task_ids[:2]:
            ws.cell(row, cols["Status"]).value = "erledigt"
    wb.save(exported)
    shown: list[ImportPreview] = []

    def ask(_cls: object, _parent: object, preview: ImportPreview) -> bool:
        shown.append(preview)
        return True

    monkeypatch.setattr(import_preview, "ask_open_path", lambda *_a: str(exported))
    monkeypatch.setattr(import_preview.ImportPreviewDialog, "ask", classmethod(ask))
    errors: list[str] = []
    context.error.connect(errors.append)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert not errors
    assert len(shown) == 1 and len(shown[0].changes) == 2
    assert all(tasks.get_task(store, t).status == TaskStatus.DONE for t in reg.task_ids[:2])
    assert screen.model.rowCount() == 4  # the done tasks left the "unerledigt" view
    context.undo_stack.undo()
    assert all(tasks.get_task(store, t).status == TaskStatus.OPEN for t in reg.task_ids[:2])
    assert screen.model.rowCount() == 6


def test_export_keeps_the_unerledigt_filter(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sromod.ui import exports_ui

    build_register(store)
    context, screen = _screen(store, qtbot)
    messages: list[str] = []
    context.message.connect(messages.append)
    monkeypatch.setattr(exports_ui, "ask_save_path", lambda *_a: str(tmp_path / "Liste.xlsx"))
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda *_a: False)
    assert screen.model.rowCount() == 6  # the default: unerledigt
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(tmp_path / "Liste.xlsx", read_only=True)["Aufgaben"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert len(rows) - 1 == 6
    assert {r[rows[0].index("Status")] for r in rows[1:]} <= {"offen", "in Bearbeitung",
                                                               "zurückgestellt"}  # fmt: skip
    assert not any(m.startswith("Hinweis") for m in messages)


def test_a_due_date_can_be_typed_into_the_empty_filter(store: Store, qtbot: QtBot) -> None:
    # The empty field shows a dash; typed digits used to land beside it and be lost, and its
    # calendar opened in January 1900.
    from datetime import date

    from PySide6.QtCore import QDate, QPoint

    build_register(store)
    _context, screen = _screen(store, qtbot)
    field = screen.filter_bar.due_from
    assert field.value() is None
    field.setFocus()
    qtbot.keyClicks(field, "01112026")
    assert field.value() == date(2026, 11, 1)
    assert screen.model.filters.due_from == date(2026, 11, 1)
    due = {row.due_date for row in _shown(screen)}
    assert due and all(d is not None and d >= date(2026, 11, 1) for d in due)
    empty = screen.filter_bar.due_to
    arrow = QPoint(empty.width() - 5, empty.height() // 2)  # the drop-down button
    qtbot.mouseClick(empty, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = empty.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert empty.value() is None


def test_counts_name_the_whole_office_whatever_the_other_filters(
    store: Store, qtbot: QtBot
) -> None:
    # "Jugendamt: 2 offen" under a region filter read as the office's whole count.
    reg = build_register(store)
    _context, screen = _screen(store, qtbot)
    bar = screen.filter_bar
    bar.office.setCurrentIndex(bar.office.findData(reg.offices["Jug"]))
    bar.region.setCurrentIndex(bar.region.findData(reg.region_id))
    assert screen.model.rowCount() == 2  # pending Jug tasks in the region and its Planungsraum
    assert screen.counts.text() == "Jugendamt: 3 offen, 2 überfällig · 2 Aufgaben in der Auswahl"


def test_one_task_is_spoken_of_in_the_singular(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "1 Aufgaben auf „erledigt“ gesetzt." and "· 1 Aufgaben in der Auswahl" read as mistakes.
    from sromod.exports.tasks_xlsx import export_tasks
    from sromod.ui.dialogs import import_preview

    reg = build_register(store)
    context, screen = _screen(store, qtbot)
    messages: list[str] = []
    context.message.connect(messages.append)
    screen.filter_bar.text.setText("Aufgabe 2 für Jug")  # keyClicks cannot type ü
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.counts.text().endswith("· 1 Aufgabe in der Auswahl")
    screen.select_rows([0])
    screen.set_status(TaskStatus.IN_PROGRESS)
    assert messages[-1] == "1 Aufgabe auf „in Bearbeitung“ gesetzt."
    exported = tmp_path / "Eine.xlsx"
    export_tasks(store, exported)
    wb = openpyxl.load_workbook(exported)
    ws = wb["Aufgaben"]
    cols = {c.value: c.column for c in ws[HEADER_ROW]}
    row = next(
        r
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
        if ws.cell(r, cols["ID"]).value == reg.task_ids[0]
    )
    ws.cell(row, cols["Status"]).value = "erledigt"
    wb.save(exported)
    monkeypatch.setattr(import_preview, "ask_open_path", lambda *_a: str(exported))
    monkeypatch.setattr(import_preview.ImportPreviewDialog, "ask", classmethod(lambda *_a: True))
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert messages[-1] == "1 Aufgabe aus „Eine.xlsx“ übernommen."
