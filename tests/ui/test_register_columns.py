"""Issue 10, point 8: the columns a user filters by are in view at 1366×768 and 1280×800."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from sromod.models import DecisionKind, RegionLevel
from sromod.services import agenda, decisions, directory, tasks
from sromod.store import Store
from sromod.ui.itemmodels.tasks import COLUMN
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.decision_register import DecisionRegisterScreen
from sromod.ui.screens.office_view import DECISION_VOTES as VOTES_COLUMN
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.region_view import RegionViewScreen
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import make_body, office_id, plan
from tests.ui.laptop_helpers import laptop_window  # noqa: F401
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture(autouse=True)
def register_data(store: Store) -> None:
    meeting = plan(store, make_body(store))
    item = agenda.add_agenda_item(store, meeting, "Kiezkasse Adlershof")
    decision = decisions.add_decision(
        store, item, "Bewilligt.", DecisionKind.BESCHLUSS, votes=(9, 1, 2)
    )
    region = directory.list_regions(store, RegionLevel.BEZIRKSREGION)[0]
    for n in range(5):
        tasks.add_task(
            store, f"Aufgabe {n}", office_id=office_id(store, "Jug"), due_date=date(2026, 1, 5),
            agenda_item_id=item, decision_id=decision.id, region_id=region.id,
        )  # fmt: skip


def in_view(table: QTableView, column: int) -> bool:
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return (
        not table.isColumnHidden(column)
        and left >= 0
        and left + header.sectionSize(column) <= table.viewport().width()
    )


def test_task_register_shows_status_and_overdue_without_scrolling(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.menu_actions.pages[1].trigger()  # Ctrl+2
    screen = window.page("tasks")
    assert isinstance(screen, TaskRegisterScreen)
    table = screen.table
    assert table.horizontalScrollBar().value() == 0
    for key in ("register_number", "title", "office_code", "due_date", "status", "overdue"):
        assert in_view(table, COLUMN[key]), key
    assert not screen.detail.isVisible()  # nothing chosen: no empty pane beside the table
    assert table.width() > window.width() * 0.7

    # a chosen task opens the pane; the key columns still fit beside it
    rect = table.visualRect(screen.model.index(0, COLUMN["title"]))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.detail.isVisible() and screen.detail.task_id == screen.model.task_id(0)
    for key in ("status", "overdue"):
        assert in_view(table, COLUMN[key]), key

    # and the pane collapses on request, the choice kept while moving through tasks
    qtbot.mouseClick(screen.details_button, Qt.MouseButton.LeftButton)
    assert not screen.detail.isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert not screen.detail.isVisible()
    qtbot.mouseClick(screen.details_button, Qt.MouseButton.LeftButton)
    assert screen.detail.isVisible() and screen.detail.task_id == screen.model.task_id(1)


def test_decision_register_shows_the_votes_without_scrolling(window: MainWindow) -> None:
    window.menu_actions.pages[2].trigger()  # Ctrl+3
    screen = window.page("decisions")
    assert isinstance(screen, DecisionRegisterScreen)
    assert screen.model.index(0, VOTES_COLUMN).data() == "9 : 1 : 2"
    assert in_view(screen.table, VOTES_COLUMN)
    assert screen.table.horizontalScrollBar().value() == 0


@pytest.mark.parametrize("page", ["offices", "regions"])
def test_office_and_region_views_show_status_overdue_and_votes(
    window: MainWindow, store: Store, page: str
) -> None:
    region = directory.list_regions(store, RegionLevel.BEZIRKSREGION)[0]
    window.show_page(page)
    screen = window.page(page)
    assert isinstance(screen, OfficeViewScreen if page == "offices" else RegionViewScreen)
    screen.show_item(office_id(store, "Jug") if page == "offices" else region.id)
    for key in ("register_number", "title", "due_date", "status", "overdue"):
        assert in_view(screen.task_table, COLUMN[key]), key
    assert screen.tasks.index(0, COLUMN["overdue"]).data() == "überfällig"
    # overdue is the overdue cell's colour and icon, not a pink row
    title = screen.tasks.index(0, COLUMN["title"])
    assert title.data(Qt.ItemDataRole.BackgroundRole) is None
    overdue = screen.tasks.index(0, COLUMN["overdue"])
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not overdue.data(Qt.ItemDataRole.DecorationRole).isNull()
    if isinstance(screen, OfficeViewScreen):
        assert in_view(screen.decision_table, VOTES_COLUMN)
