"""Issue 10, point 7: the search popup stays on the screen, and every group offers all its hits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from sromod.models import DecisionKind, TaskStatus
from sromod.services import agenda, decisions, tasks
from sromod.store import Store
from sromod.ui import screen_fit
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.decision_register import DecisionRegisterScreen
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import make_body, office_id, plan
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")

LAPTOPS = {"1366x768": QRect(0, 0, 1366, 728), "1280x800": QRect(0, 0, 1280, 760)}


@pytest.fixture
def window(store: Store, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.show()
    yield made


def kiezkasse(store: Store, count: int = 12) -> list[str]:
    """`count` TOPs, decisions and tasks about the Kiezkasse; every third task done."""
    meeting = plan(store, make_body(store))
    jug = office_id(store, "Jug")
    task_ids = []
    for n in range(count):
        item = agenda.add_agenda_item(store, meeting, f"Kiezkasse Antrag {n + 1}")
        decisions.add_decision(store, item, f"Kiezkasse {n + 1} bewilligt.", DecisionKind.BESCHLUSS)
        task = tasks.add_task(
            store, f"Kiezkasse auszahlen {n + 1}", office_id=jug, due_date=date(2026, 12, 1)
        )
        if n % 3 == 0:
            tasks.set_task_status(store, task.id, TaskStatus.DONE)
        task_ids.append(task.id)
    return task_ids


@pytest.mark.parametrize("screen", LAPTOPS, ids=list(LAPTOPS))
@pytest.mark.parametrize(
    "placement",
    ["maximised", "left-half", "right-half", "low", "partly-off-right"],
)
def test_popup_lies_inside_the_available_screen_geometry(
    window: MainWindow,
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    screen: str,
    placement: str,
) -> None:
    area = LAPTOPS[screen]
    monkeypatch.setattr(screen_fit, "screen_areas", lambda: [area])
    kiezkasse(store, 3)
    geometry = {
        "maximised": area,
        "left-half": QRect(0, 0, area.width() // 2, area.height()),
        "right-half": QRect(area.width() // 2, 0, area.width() // 2, area.height()),
        "low": QRect(100, area.height() - 260, 1100, 250),
        "partly-off-right": QRect(area.width() - 600, 40, 1000, 600),
    }[placement]
    window.setGeometry(geometry)
    window.search_field.setText("Kiezkasse")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    popup = window._search_popup
    assert popup.isVisible()
    shown = popup.frameGeometry()
    assert area.contains(shown), f"{shown} not inside {area}"
    assert popup.width() >= min(600, area.width())  # still a usable list, not a sliver
    field = QRect(window.search_field.mapToGlobal(QPoint(0, 0)), window.search_field.size())
    assert shown.top() == field.bottom() + 1 or shown.bottom() == field.top() - 1


def test_place_popup_on_a_second_screen_stays_on_that_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laptop, monitor = QRect(0, 0, 1366, 728), QRect(1366, 0, 1920, 1040)
    monkeypatch.setattr(screen_fit, "screen_areas", lambda: [laptop, monitor])
    anchor = QRect(3000, 60, 320, 28)  # the search field at the monitor's right edge
    placed = screen_fit.place_popup(anchor, screen_fit.DEFAULT_SIZE)
    assert monitor.contains(placed)
    anchor = QRect(1100, 60, 320, 28)  # on the laptop, near its right edge
    placed = screen_fit.place_popup(anchor, screen_fit.DEFAULT_SIZE)
    assert laptop.contains(placed)


def test_show_all_tasks_opens_the_register_with_every_match(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    task_ids = kiezkasse(store)
    window.search_field.setText("Kiezkasse")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    popup = window._search_popup
    groups = {
        popup.model.item(r).text(): popup.model.item(r) for r in range(popup.model.rowCount())
    }
    task_group = next(g for text, g in groups.items() if text.startswith("Aufgaben (12"))
    assert task_group.rowCount() == 9  # 8 hits and "alle anzeigen"
    show_all = task_group.child(8).index()
    assert show_all.data() == "Alle 12 Aufgaben im Aufgabenregister anzeigen …"
    popup.tree.setCurrentIndex(show_all)
    qtbot.keyClick(popup.tree, Qt.Key.Key_Return)

    assert not popup.isVisible()
    register = window.current_page_key()
    assert register == "tasks"
    screen = window.page("tasks")
    assert isinstance(screen, TaskRegisterScreen)
    shown = {screen.model.task_id(r) for r in range(screen.model.rowCount())}
    assert shown == set(task_ids)  # the done ones too
    assert screen.filter_bar.text.text() == "Kiezkasse"


def test_show_all_decisions_opens_the_decision_register(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    kiezkasse(store)
    window.search_field.setText("bewilligt")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    popup = window._search_popup
    group = popup.model.item(0)
    assert group.text().startswith("Beschlüsse (12")
    popup.open_hit(group.child(group.rowCount() - 1).index())
    screen = window.page("decisions")
    assert isinstance(screen, DecisionRegisterScreen)
    assert window.current_page_key() == "decisions"
    assert screen.model.rowCount() == 12
    assert screen.text.text() == "bewilligt"


def test_show_all_tops_lists_them_in_the_popup_and_goes_back(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    kiezkasse(store)
    window.search_field.setText("Antrag")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    popup = window._search_popup
    group = popup.model.item(0)
    assert group.text().startswith("TOPs (12")
    popup.open_hit(group.child(group.rowCount() - 1).index())
    assert popup.isVisible()
    full = popup.model.item(1)
    assert full.rowCount() == 12  # every TOP, and no further "alle anzeigen"
    assert all(popup.model.hit(full.child(r).index()) for r in range(12))
    popup.open_hit(popup.model.item(0).index())  # "‹ Alle Gruppen"
    assert popup.model.item(0).rowCount() == 9
