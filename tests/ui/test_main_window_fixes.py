"""Issue 10, point 13: small things that sent the moderator the wrong way in the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import agenda, meetings, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.agenda_editor import AgendaEditor
from sromod.ui.screens.task_register import DEFAULT_STATUS
from tests.services.helpers import make_body, office_id, plan
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401
from tests.ui.test_task_register import _screen

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def window(store: Store, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(1366, 740)
    made.show()
    yield made


def test_sidebar_entry_and_ctrl_1_leave_an_open_meeting(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store), date.today() + timedelta(days=7))
    window.bodies.reload_bodies()
    window.context.navigate.emit("meeting", meeting_id)
    assert window.current_page_key() == "meeting"
    assert window.nav.currentRow() == 0  # the meeting belongs to "Gremien & Sitzungen"

    window.menu_actions.pages[0].trigger()  # Ctrl+1 (a key click needs the active window)
    assert window.current_page_key() == "bodies"
    assert window.bodies.selected_meeting_id() == meeting_id  # back in the list, on the meeting

    window.context.navigate.emit("meeting", meeting_id)
    assert window.current_page_key() == "meeting"
    entry = window.nav.item(0)
    rect = window.nav.visualItemRect(entry)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "bodies"
    shortcut = window.menu_actions.pages[0].shortcut()
    assert shortcut == QKeySequence("Ctrl+1")


def test_quick_add_appends_a_top_level_top_even_with_a_sub_item_selected(
    store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store))
    first = agenda.list_agenda(store, meeting_id)[0]
    sub = agenda.add_agenda_item(store, meeting_id, "Unterpunkt", parent_id=first.id)
    editor = AgendaEditor(AppContext(store))
    qtbot.addWidget(editor)
    editor.resize(1100, 700)
    editor.show()
    editor.set_meeting(meeting_id)
    editor.select(sub)
    assert editor.selected_id() == sub

    qtbot.keyClicks(editor.quick_title, "Kiezkasse")
    qtbot.keyClick(editor.quick_title, Qt.Key.Key_Return)

    items = agenda.list_agenda(store, meeting_id)
    added = next(i for i in items if i.title == "Kiezkasse")
    assert added.parent_id is None
    top_level = [i for i in items if i.parent_id is None]
    assert top_level[-1].id == added.id
    assert added.number == str(len(top_level))


def test_first_screen_preselects_the_next_meeting_not_the_furthest(
    window: MainWindow, store: Store
) -> None:
    body = make_body(store)
    today = date.today()
    plan(store, body, today - timedelta(days=30))
    later = plan(store, body, today + timedelta(days=60))
    soon = plan(store, body, today + timedelta(days=6))
    furthest = plan(store, body, today + timedelta(days=120))
    window.bodies.reload_bodies()
    assert window.bodies.selected_meeting_id() == soon
    assert later != furthest != soon

    # once chosen by the user, a choice is kept when the list reloads
    window.bodies.select_meeting(furthest)
    window.context.notify({"meetings"})
    assert window.bodies.selected_meeting_id() == furthest


def test_running_meeting_is_preselected_before_a_planned_one(
    window: MainWindow, store: Store
) -> None:
    body = make_body(store)
    today = date.today()
    plan(store, body, today + timedelta(days=3))
    running = plan(store, body, today)
    meetings.start_meeting(store, running)
    window.bodies.reload_bodies()
    assert window.bodies.selected_meeting_id() == running


def test_a_status_the_tasks_already_have_is_not_offered_and_says_nothing_changed(
    store: Store, qtbot: QtBot
) -> None:
    jug = office_id(store, "Jug")
    for n in range(2):
        tasks.add_task(store, f"Aufgabe {n}", office_id=jug, due_date=date.today())
    context, screen = _screen(store, qtbot)
    messages: list[str] = []
    context.message.connect(messages.append)
    screen.table.selectAll()
    assert not screen.status_actions[TaskStatus.OPEN].isEnabled()
    assert screen.status_actions[TaskStatus.DONE].isEnabled()

    screen.set_status(TaskStatus.OPEN)  # e.g. by a key the menu no longer offers
    assert messages == ["Nichts geändert: die gewählten Aufgaben stehen schon auf „offen“."]
    assert context.undo_stack.count() == 0

    screen.set_status(TaskStatus.IN_PROGRESS)
    assert messages[-1] == "2 Aufgaben auf „in Bearbeitung“ gesetzt."
    assert context.undo_stack.undoText() == "Status von 2 Aufgaben auf „in Bearbeitung“ setzen"


def test_reset_filters_returns_to_the_default_filter(store: Store, qtbot: QtBot) -> None:
    jug = office_id(store, "Jug")
    open_task = tasks.add_task(store, "Offen", office_id=jug, due_date=date.today())
    done = tasks.add_task(store, "Erledigt", office_id=jug, due_date=date.today())
    tasks.set_task_status(store, done.id, TaskStatus.DONE)
    _, screen = _screen(store, qtbot)
    bar = screen.filter_bar
    start = bar.filters()
    assert screen.model.rowCount() == 1

    bar.status.setCurrentIndex(0)  # alle Status
    bar.office.setCurrentIndex(bar.office.findData(jug))
    qtbot.mouseClick(bar.overdue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)

    assert bar.status.currentIndex() == DEFAULT_STATUS
    assert bar.filters() == start
    assert screen.model.rowCount() == 1
    assert screen.model.task_id(0) == open_task.id

    # jumping to a closed task still shows it, with every status
    screen.show_item(done.id)
    assert bar.status.currentIndex() == 0
    assert screen.selected_ids() == [done.id]
