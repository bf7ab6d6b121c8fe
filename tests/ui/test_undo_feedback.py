"""Issue 10, point 12: undo and redo on another screen say what they did and lead there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.store import Store
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import make_body, office_id, plan
from tests.ui.laptop_helpers import laptop_window  # noqa: F401
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def statuses(store: Store, ids: list[str]) -> list[TaskStatus]:
    return [tasks.get_task(store, i).status for i in ids]


def main_toolbar(window: MainWindow) -> QToolBar:
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar is not None
    return toolbar


def toolbar_button(window: MainWindow, action: QAction) -> QToolButton:
    button = main_toolbar(window).widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def test_undo_on_another_page_names_the_step_and_leads_back(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    jug = office_id(store, "Jug")
    ids = [tasks.add_task(store, f"Aufgabe {n}", office_id=jug, due_date=date(2027, 1, n + 1)).id
           for n in range(3)]  # fmt: skip
    plan(store, make_body(store))
    undo_button = toolbar_button(window, window.menu_actions.undo_tool)
    width_before = main_toolbar(window).sizeHint().width()

    window.menu_actions.pages[1].trigger()
    register = window.page("tasks")
    assert isinstance(register, TaskRegisterScreen)
    register.table.selectAll()
    register.set_status(TaskStatus.DONE)
    assert statuses(store, ids) == [TaskStatus.DONE] * 3
    step = "Status von 3 Aufgaben auf „erledigt“ setzen"
    assert window.menu_actions.undo.text() == f"Rückgängig: {step}"
    assert undo_button.text() == "Rückgängig"  # the toolbar keeps its words and its width
    assert step in undo_button.toolTip()
    assert main_toolbar(window).sizeHint().width() == width_before

    window.menu_actions.pages[0].trigger()  # Gremien & Sitzungen
    window.menu_actions.undo.trigger()  # Ctrl+Z (a key click needs the active window)
    assert statuses(store, ids) == [TaskStatus.OPEN] * 3
    assert window.statusBar().currentMessage() == f"Rückgängig gemacht: {step}"
    feedback = window.undo_feedback
    assert feedback.show_button.isVisible()
    assert window.menu_actions.redo.text() == f"Wiederholen: {step}"

    qtbot.mouseClick(feedback.show_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "tasks"
    assert register.chosen_id() in ids
    assert not feedback.show_button.isVisible()

    window.menu_actions.redo.trigger()
    assert statuses(store, ids) == [TaskStatus.DONE] * 3
    assert window.statusBar().currentMessage() == f"Wiederholt: {step}"


def test_undo_of_a_meeting_step_opens_the_meeting_on_its_tab(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store))
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id, 1)  # Tagesordnung
    editor = window.meeting_screen.agenda
    qtbot.keyClicks(editor.quick_title, "Kiezfonds")
    qtbot.keyClick(editor.quick_title, Qt.Key.Key_Return)
    window.menu_actions.undo.trigger()  # where it was taken: said, with nowhere else to go
    assert window.statusBar().currentMessage() == "Rückgängig gemacht: TOP „Kiezfonds“ hinzufügen"
    assert not window.undo_feedback.show_button.isVisible()
    window.menu_actions.redo.trigger()
    window.menu_actions.pages[2].trigger()  # Beschlüsse

    window.menu_actions.undo.trigger()
    assert window.statusBar().currentMessage() == "Rückgängig gemacht: TOP „Kiezfonds“ hinzufügen"
    window.undo_feedback.go_there()
    assert window.current_page_key() == "meeting"
    assert window.meeting_screen.meeting_id == meeting_id
    assert window.meeting_screen.tabs.currentIndex() == 1
    assert window.menu_actions.undo.text() == "Rückgängig"  # nothing left: the bare word
    assert not window.menu_actions.undo.isEnabled()
