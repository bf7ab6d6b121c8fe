"""The Wiedervorlage of a real AG SRO in the live view: 57 tasks readable on a laptop screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.store import Store
from sromod.ui.itemmodels.reviews import TITLE_COLUMN
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.live_review import ReviewPanel
from tests.ui.live_helpers import open_live, review_item
from tests.ui.review_helpers import TASK_COUNT, meeting_with_long_review

# the window's client area: maximised on a 1366×768 and a 1280×800 screen (taskbar 40 px, title
# bar 31 px), and a window of the full size on a larger screen
SIZES = [(1366, 697), (1280, 729), (1366, 768), (1280, 800)]
OFFICE_COLUMN, DUE_COLUMN = 2, 3


@pytest.fixture
def review_view(store: Store, qtbot: QtBot) -> LiveView:
    setup = meeting_with_long_review(store)
    view, _mono = open_live(qtbot, store, setup.meeting_id)
    view.go_to(review_item(store, setup.meeting_id).id)
    return view


def settle(qtbot: QtBot, view: LiveView, width: int, height: int) -> ReviewPanel:
    view.showNormal()
    view.resize(width, height)
    qtbot.waitUntil(lambda: view.size().width() == width and view.size().height() == height)
    panel = view.review
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not panel._fit_timer.isActive())
    return panel


def fully_visible_task_rows(panel: ReviewPanel) -> list[int]:
    table, model = panel.table, panel.model
    bottom = table.viewport().height()
    return [
        row
        for row in range(model.rowCount())
        if model.review(row) is not None
        and table.rowViewportPosition(row) >= 0
        and table.rowViewportPosition(row) + table.rowHeight(row) <= bottom
    ]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_ten_tasks_readable_in_full_at_laptop_sizes(
    review_view: LiveView, qtbot: QtBot, width: int, height: int
) -> None:
    panel = settle(qtbot, review_view, width, height)
    table = panel.table
    assert panel.isVisible() and not review_view.side.isVisible()
    assert panel.height() > 0.6 * review_view.height()  # the review has the window
    visible = fully_visible_task_rows(panel)
    assert len(visible) >= 10, (width, height, len(visible))
    # no horizontal scrolling: every column, office and due date included, inside the viewport
    assert not table.horizontalScrollBar().isVisible()
    right = table.viewport().width()
    for column in (OFFICE_COLUMN, DUE_COLUMN, TITLE_COLUMN):
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= right
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) or column == 1
    metrics = QFontMetrics(table.font())
    wrapped = 0
    for row in visible:
        index = panel.model.index(row, TITLE_COLUMN)
        title = index.data()
        review = panel.model.review(row)
        assert review is not None and title == review.task.title  # the whole title, no "…"
        assert table.sizeHintForRow(row) <= table.rowHeight(row)  # all its lines fit the row
        if metrics.horizontalAdvance(title) > table.columnWidth(TITLE_COLUMN):
            wrapped += 1
            assert table.rowHeight(row) >= 2 * metrics.lineSpacing()
    assert wrapped > 0 or width > 1300  # the long titles do wrap at 1280


def office_rows(panel: ReviewPanel) -> list[str]:
    return [r.task.office_code or "" for r in panel.model.reviews()]


def test_grouped_by_office_with_headings_that_keys_step_over(
    review_view: LiveView, store: Store, qtbot: QtBot
) -> None:
    panel = settle(qtbot, review_view, 1366, 697)
    model, table = panel.model, panel.table
    offices = office_rows(panel)
    assert offices == sorted(offices, key=str.casefold) and len(offices) == TASK_COUNT
    headings = [row for row in range(model.rowCount()) if model.is_group_row(row)]
    assert len(headings) == 8 and model.index(0, 0).data().startswith("Gesundheitsamt (Ges) · ")
    assert table.columnSpan(headings[1], 0) == model.columnCount()  # one line across the table
    # Down from the last task of an office lands on the first task of the next, not its heading
    last_of_first = headings[1] - 1
    panel.select_row(last_of_first)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == headings[1] + 1
    # 3 sets "erledigt" and moves on, across the heading too
    panel.select_row(last_of_first)
    done = model.review(last_of_first)
    assert done is not None
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert tasks.get_task(store, done.task.id).status == TaskStatus.DONE
    assert panel.table.currentIndex().row() == headings[1] + 1
    assert "1 besprochen" in model.index(0, 0).data()


def test_filters_overdue_and_one_office_by_keyboard(
    review_view: LiveView, store: Store, qtbot: QtBot
) -> None:
    panel = settle(qtbot, review_view, 1280, 729)
    model = panel.model
    qtbot.keyClick(panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.overdue_only.isChecked)  # a mnemonic clicks the box as a mouse would
    shown = model.reviews()
    assert shown and len(shown) == sum(1 for n in range(TASK_COUNT) if n % 3 == 0)
    assert all(r.task.due_date and r.task.due_date < review_view.meeting.date for r in shown)
    rows = [model.row_of(r.id) for r in shown]
    assert None not in rows
    assert all("⚠" in model.index(row, DUE_COLUMN).data() for row in rows if row is not None)
    spoken = model.index(rows[0] or 0, DUE_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith(", überfällig")
    # one office: Alt+A goes to the office box, the arrow keys choose
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.office_filter
    qtbot.keyClick(panel.office_filter, Qt.Key.Key_Down)
    qtbot.keyClick(panel.office_filter, Qt.Key.Key_Down)
    assert panel.office_filter.currentData() == "Jug"
    assert {r.task.office_code for r in model.reviews()} == {"Jug"}
    assert all(
        r.task.due_date and r.task.due_date < review_view.meeting.date for r in model.reviews()
    )
    # set a state by key: the next overdue Jugendamt task is the one selected after it
    first, second = model.reviews()[:2]
    panel.focus_table()
    panel.select_row(model.row_of(first.id))
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert tasks.get_task(store, first.task.id).status == TaskStatus.IN_PROGRESS
    assert panel.selected_id() == second.id
    assert "Jugendamt (Jug)" in panel.office_filter.currentText()
    # without grouping the tasks stand in the order they were carried over
    panel.grouped.setChecked(False)
    assert not model.is_group_row(0)
    review_view.go_next()
    review_view.go_previous()  # back on the Wiedervorlage: the filters start afresh
    assert not panel.overdue_only.isChecked() and panel.office_filter.currentIndex() == 0
    assert len(model.reviews()) == TASK_COUNT
