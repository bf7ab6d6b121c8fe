"""The window's task lists export exactly what their filter shows, and the combo boxes carry the
office and region as item data, never as a piece of their display text (issue 12, point 3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.store import Store
from sromod.ui import exports_ui
from sromod.ui.context import AppContext
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.region_view import RegionViewScreen
from sromod.ui.screens.task_register import TaskFilterBar, TaskRegisterScreen
from tests.services.task_filter_data import Rich, build_rich_register


@pytest.fixture
def rich(store: Store) -> Rich:
    return build_rich_register(store)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"title": [], "suggested": []}

    def save_path(_parent: object, title: str, suggested: str, _filter: str) -> str:
        seen["title"].append(title)
        seen["suggested"].append(suggested)
        return str(tmp_path / suggested)

    monkeypatch.setattr(exports_ui, "ask_save_path", save_path)
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda *_a: False)
    return seen


def _workbook(path: Path, column: str) -> list[object]:
    sheet = openpyxl.load_workbook(path, read_only=True)["Aufgaben"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    index = rows[0].index(column)
    return [r[index] for r in rows[1:]]


def _register(store: Store, qtbot: QtBot) -> tuple[AppContext, TaskRegisterScreen, list[str]]:
    context = AppContext(store)
    screen = TaskRegisterScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    messages: list[str] = []
    context.message.connect(messages.append)
    context.error.connect(messages.append)
    return context, screen, messages


def _choose(
    combo_name: str, data: Callable[[Rich], object]
) -> Callable[[TaskFilterBar, Rich], None]:
    def choose(bar: TaskFilterBar, r: Rich) -> None:
        combo = getattr(bar, combo_name)
        combo.setCurrentIndex(combo.findData(data(r)))

    return choose


def _all_statuses(bar: TaskFilterBar, _r: Rich) -> None:
    bar.status.setCurrentIndex(0)


def _overdue(bar: TaskFilterBar, _r: Rich) -> None:
    bar.overdue.setChecked(True)


def _due_range(bar: TaskFilterBar, _r: Rich) -> None:
    bar.status.setCurrentIndex(0)
    bar.due_from.set_value(date(2026, 10, 1))
    bar.due_to.set_value(date(2026, 12, 1))


def _person(bar: TaskFilterBar, r: Rich) -> None:
    bar.person.set_current(r.person_id)


STEPS: dict[str, list[Callable[[TaskFilterBar, Rich], None]]] = {
    "default (unerledigt)": [],
    "office": [_choose("office", lambda r: r.reg.offices["SGA"])],
    "person": [_person],
    "every status and overdue": [_all_statuses, _overdue],
    "body": [_choose("body", lambda r: r.other_body_id)],
    "region": [_all_statuses, _choose("region", lambda r: r.bezirksregion_id)],
    "due range": [_due_range],
}


@pytest.mark.parametrize("what", list(STEPS))
def test_the_register_exports_exactly_what_its_filter_shows(
    store: Store, rich: Rich, qtbot: QtBot, dialogs: dict[str, list[str]], tmp_path: Path,
    what: str,
) -> None:  # fmt: skip
    _context, screen, messages = _register(store, qtbot)
    for step in STEPS[what]:
        step(screen.filter_bar, rich)
    shown = {screen.model.task_id(r) for r in range(screen.model.rowCount())}
    assert shown and screen.model.rowCount() == screen.model.total
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / dialogs["suggested"][-1]
    assert set(_workbook(written, "ID")) == shown, what
    # The dialog and the message say that the list is the register's selection.
    count = f"{len(shown)} Aufgabe{'' if len(shown) == 1 else 'n'}"
    assert "wie im Register gefiltert" in dialogs["title"][-1] and count in dialogs["title"][-1]
    assert "wie im Register gefiltert" in messages[-1] and count in messages[-1], messages
    assert not any(m.startswith("Hinweis") for m in messages)


def test_the_register_exports_typed_words(
    store: Store, rich: Rich, qtbot: QtBot, dialogs: dict[str, list[str]], tmp_path: Path
) -> None:
    _context, screen, _messages = _register(store, qtbot)
    qtbot.keyClicks(screen.filter_bar.text, "spielplatz")
    qtbot.waitUntil(lambda: screen.model.filters.text == "spielplatz")
    assert screen.model.rowCount() == 1
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert _workbook(tmp_path / dialogs["suggested"][-1], "ID") == [rich.far_task_id]


def test_the_register_office_is_item_data_not_display_text(
    store: Store, rich: Rich, qtbot: QtBot, dialogs: dict[str, list[str]], tmp_path: Path
) -> None:
    _context, screen, messages = _register(store, qtbot)
    combo = screen.filter_bar.office
    combo.setCurrentIndex(combo.findData(rich.reg.offices["Jug"]))
    for index in range(combo.count()):  # texts that hold neither code nor " – "
        combo.setItemText(index, f"Eintrag {index}")
    screen.update_counts()
    assert screen.counts.text().startswith("Jugendamt: 4 offen"), screen.counts.text()
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert dialogs["suggested"][-1].endswith("Aufgabenliste Jug.xlsx"), messages
    assert set(_workbook(tmp_path / dialogs["suggested"][-1], "Amt")) == {"Jug"}


def test_office_and_region_views_take_the_id_from_item_data(
    store: Store, rich: Rich, qtbot: QtBot, dialogs: dict[str, list[str]], tmp_path: Path
) -> None:
    context = AppContext(store)
    office = OfficeViewScreen(context)
    qtbot.addWidget(office)
    office.show_item(rich.reg.offices["Jug"])
    for index in range(office.office.count()):
        office.office.setItemText(index, f"Eintrag {index}")
    office.refresh()
    assert office.counts.text().startswith("Jugendamt: ")
    qtbot.mouseClick(office.export_button, Qt.MouseButton.LeftButton)
    assert dialogs["suggested"][-1].endswith("Aufgabenliste Jug.xlsx")
    written = tmp_path / dialogs["suggested"][-1]
    assert set(_workbook(written, "ID")) == {
        office.tasks.task_id(r) for r in range(office.tasks.rowCount())
    }
    region = RegionViewScreen(context)
    qtbot.addWidget(region)
    region.show_item(rich.bezirksregion_id)
    for index in range(region.region.count()):
        region.region.setItemText(index, f"Eintrag {index}")
    qtbot.mouseClick(region.export_button, Qt.MouseButton.LeftButton)
    assert dialogs["suggested"][-1].endswith(f"Aufgabenliste {rich.bezirksregion_name}.xlsx")
    written = tmp_path / dialogs["suggested"][-1]
    assert set(_workbook(written, "ID")) == {
        region.tasks.task_id(r) for r in range(region.tasks.rowCount())
    }
    assert set(_workbook(written, "Bezirksregion")) == {rich.bezirksregion_name}
