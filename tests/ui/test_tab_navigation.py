"""Tab and Shift+Tab move between controls everywhere; arrows move inside tables and dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import PAGE_KEYS, MainWindow
from sromod.ui.screens.attendance import AttendanceScreen
from sromod.ui.screens.meeting import TAB_ATTENDANCE, TAB_OVERVIEW, TAB_RECORDS
from sromod.ui.widgets import DateEdit, TimeEdit
from tests.services.helpers import make_body, plan
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")
SIZES = [(1366, 768), (1280, 800)]
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot, backward: bool = False) -> QWidget | None:
    widget = focused()
    assert widget is not None
    if backward:
        qtbot.keyClick(widget, Qt.Key.Key_Backtab, SHIFT)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return focused()


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Focus follows Tab only in the active window."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def inside(widget: QWidget | None, container: QWidget) -> bool:
    return widget is not None and (widget is container or container.isAncestorOf(widget))


@pytest.mark.parametrize(
    "make",
    [lambda: DateEdit(optional=True), DateEdit, TimeEdit],
    ids=["empty-date", "date", "time"],
)
def test_tab_leaves_date_and_time_fields_both_ways(qtbot: QtBot, make: type) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    before, field, after = QLineEdit(), make(), QLineEdit()
    for widget in (before, field, after):
        layout.addWidget(widget)
    show_active(qtbot, form)
    field.setFocus()
    assert tab(qtbot) is after
    assert tab(qtbot, backward=True) is field
    assert tab(qtbot, backward=True) is before
    assert tab(qtbot) is field


def test_arrows_and_typed_dots_still_move_between_date_sections(qtbot: QtBot) -> None:
    field = DateEdit()
    qtbot.addWidget(field)
    show_active(qtbot, field)
    field.setFocus()
    field.set_value(date(2026, 11, 25))
    field.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    assert field.currentSection() == QDateTimeEdit.Section.MonthSection
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == date(2026, 12, 25)
    empty = DateEdit(optional=True)
    qtbot.addWidget(empty)
    show_active(qtbot, empty)
    empty.setFocus()
    qtbot.keyClicks(empty, "15.01.2027")
    assert empty.value() == date(2027, 1, 15)


@pytest.fixture(params=SIZES, ids=["1366x768", "1280x800"])
def window(
    request: pytest.FixtureRequest, store: Store, qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(*request.param)
    show_active(qtbot, made)
    yield made


def test_meetings_table_lets_tab_leave_both_ways(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    body_id = make_body(store)
    for day in (date(2026, 11, 25), date(2027, 1, 20)):
        plan(store, body_id, day)
    window.bodies.reload_bodies()
    view = window.bodies.meetings_view
    assert window.bodies.meetings_model.rowCount() == 2
    view.setFocus()
    view.setCurrentIndex(window.bodies.meetings_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1  # arrows move inside
    assert not inside(tab(qtbot), view)
    view.setFocus()
    assert not inside(tab(qtbot, backward=True), view)


def test_meeting_overview_tabs_through_every_field_and_back(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    window.open_meeting(plan(store, make_body(store)), TAB_OVERVIEW)
    overview = window.meeting_screen.overview
    assert overview.next_date.value() is None  # the empty optional date, shown as a dash
    chain = [
        overview.day,
        overview.start,
        overview.end,
        overview.place,
        overview.reply_by,
        overview.moderator,
        overview.minute_taker,
        overview.next_date,
        overview.next_note,
    ]
    overview.day.setFocus()
    for expected in chain[1:]:
        assert inside(tab(qtbot), expected), expected.accessibleName()
    for expected in reversed(chain[:-1]):
        assert inside(tab(qtbot, backward=True), expected), expected.accessibleName()


def test_attendance_table_lets_tab_leave_both_ways(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    window.open_meeting(plan(store, make_body(store)), TAB_ATTENDANCE)
    screen: AttendanceScreen = window.meeting_screen.attendance
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    assert screen.table.currentIndex().row() == 1
    assert tab(qtbot) is screen.add_guest_button
    assert tab(qtbot, backward=True) is screen.table
    assert not inside(tab(qtbot, backward=True), screen.table)


def test_no_item_view_anywhere_keeps_tab_for_its_cells(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    """A sweep of every page and every meeting tab: a view that cycles Tab is a trap."""
    window.open_meeting(plan(store, make_body(store)), TAB_OVERVIEW)
    for tab_index in range(TAB_OVERVIEW, TAB_RECORDS + 1):
        window.meeting_screen.tabs.setCurrentIndex(tab_index)
    for row, _key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
    views = window.findChildren(QAbstractItemView)
    assert len(views) > 8
    trapping = [v.accessibleName() or type(v).__name__ for v in views if v.tabKeyNavigation()]
    assert trapping == []
    # every date and time field is one of ours, which let Tab leave
    stray = [
        w.accessibleName()
        for w in window.findChildren(QDateTimeEdit)
        if not isinstance(w, (DateEdit, TimeEdit))
    ]
    assert stray == []


def test_dialog_tables_let_tab_leave(qtbot: QtBot, tmp_path: Path) -> None:
    from sromod.services.task_import import ImportPreview
    from sromod.ui.dialogs.import_preview import ImportPreviewDialog

    dialog = ImportPreviewDialog(ImportPreview(path=tmp_path / "Aufgaben.xlsx"))
    qtbot.addWidget(dialog)
    assert not dialog.changes.tabKeyNavigation()
    assert not dialog.conflicts.tabKeyNavigation()
