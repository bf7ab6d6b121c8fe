"""Issue 10, point 16: one icon family, empty states with the next step, overdue as a cell,
and a first screen that shows a newcomer where to begin."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton, QToolBar
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.resources import resource_path
from sromod.services import meetings, overview, tasks
from sromod.store import Store
from sromod.ui import icons
from sromod.ui.context import AppContext
from sromod.ui.dialogs.body_dialog import BodyDialog
from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
from sromod.ui.itemmodels.tasks import COLUMN
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.region_view import RegionViewScreen
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import make_body, office_id, plan
from tests.ui.laptop_helpers import laptop_window  # noqa: F401
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401
from tests.ui.test_bodies import body_values

pytestmark = pytest.mark.usefixtures("no_message_boxes")
LEFT = Qt.MouseButton.LeftButton


def painted(icon: Any) -> bool:
    image = icon.pixmap(24, 24).toImage()
    return any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24))


def test_every_icon_is_shipped_with_its_licence_and_paints(qapp: Any) -> None:
    folder = resource_path("icons")
    for meaning, name in icons.ICONS.items():
        assert (folder / f"{name}.svg").is_file(), meaning
        assert painted(icons.icon(meaning)), meaning  # currentColor replaced: strokes visible
    assert "MIT License" in (folder / "LICENSE-tabler-icons.txt").read_text(encoding="utf-8")
    assert "@tabler/icons" in (folder / "ICONS.md").read_text(encoding="utf-8")
    pyproject = (resource_path().parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources/icons/*"' in pyproject  # the wheel's data files take the folder whole


def test_toolbar_navigation_and_menus_carry_icons(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar is not None
    for action in toolbar.actions():
        if action.isSeparator() or toolbar.widgetForAction(action) is None:
            continue
        if action.text():
            assert painted(action.icon()), action.text()
    for row in range(window.nav.count()):
        assert painted(window.nav.item(row).icon()), window.nav.item(row).text()
    menus = window.menuBar().actions()
    for menu in (menus[0].menu(), menus[1].menu()):
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.isSeparator():
                assert painted(action.icon()), action.text()


def test_overdue_is_a_cell_with_icon_not_a_pink_row(store: Store, qtbot: QtBot) -> None:
    jug = office_id(store, "Jug")
    late = tasks.add_task(store, "Verspätet", office_id=jug, due_date=date.today() - timedelta(1))
    tasks.add_task(store, "Pünktlich", office_id=jug, due_date=date.today() + timedelta(9))
    screen = TaskRegisterScreen(AppContext(store))
    qtbot.addWidget(screen)
    model = screen.model
    row = model.row_of(late.id)
    assert row is not None
    for key in ("register_number", "title", "office_code", "status"):
        assert model.index(row, COLUMN[key]).data(Qt.ItemDataRole.BackgroundRole) is None, key
    cell = model.index(row, COLUMN["overdue"])
    assert cell.data() == "überfällig"  # the word: colour is not the only signal
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert painted(cell.data(Qt.ItemDataRole.DecorationRole))
    other = model.index(1 - row, COLUMN["overdue"])
    assert other.data() == "" and other.data(Qt.ItemDataRole.DecorationRole) is None


def test_empty_states_offer_the_next_step(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    bodies = window.bodies
    assert bodies.meetings_area.is_empty()
    empty = bodies.meetings_area.empty
    assert empty.title.text() == "Noch kein Gremium"
    assert empty.button.text() == "Neues Gremium anlegen…"
    monkeypatch.setattr(BodyDialog, "ask", lambda *_a: body_values())
    qtbot.mouseClick(empty.button, LEFT)
    assert bodies.body_id() is not None

    assert bodies.meetings_area.is_empty()  # a body, but no meeting yet
    assert empty.title.text() == "Noch keine Sitzung"
    assert empty.button.text() == "Neue Sitzung planen…"
    day = date.today() + timedelta(days=14)
    monkeypatch.setattr(
        PlanMeetingDialog, "ask", lambda *_a: {"day": day, "planned_start": time(9), "place": None}
    )
    qtbot.mouseClick(empty.button, LEFT)
    (meeting,) = meetings.list_meetings(store, bodies.body_id())
    assert meeting.date == day

    window.menu_actions.pages[1].trigger()
    register = window.page("tasks")
    assert isinstance(register, TaskRegisterScreen)
    assert register.table_area.is_empty()
    assert register.table_area.empty.title.text() == "Noch keine offenen Aufgaben"
    assert register.table_area.empty.button.isHidden()  # no task at all: nothing to show
    tasks.add_task(store, "Kiezkasse", office_id=office_id(store, "Jug"))
    window.context.notify({"tasks"})
    assert not register.table_area.is_empty()
    register.filter_bar.text.setText("Gibtesnicht")
    register.apply_filters()
    assert register.table_area.is_empty()
    assert register.table_area.empty.title.text() == "Keine Aufgabe passt zu diesen Filtern."
    qtbot.mouseClick(register.table_area.empty.button, LEFT)
    assert not register.table_area.is_empty() and register.model.rowCount() == 1


def test_first_screen_shows_each_bodys_next_meeting_and_what_is_due(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    today = date.today()
    body = make_body(store)
    plan(store, body, today - timedelta(days=20))
    next_one = plan(store, body, today + timedelta(days=10))
    plan(store, body, today + timedelta(days=40))
    jug = office_id(store, "Jug")
    due = [
        tasks.add_task(store, "Längst fällig", office_id=jug, body_id=body,
                       due_date=today - timedelta(3)),
        tasks.add_task(store, "Bis zur Sitzung", office_id=jug, body_id=body,
                       due_date=today + timedelta(5)),
    ]  # fmt: skip
    tasks.add_task(store, "Danach", office_id=jug, body_id=body, due_date=today + timedelta(30))
    tasks.add_task(store, "Anderswo", office_id=jug, due_date=today)  # of no body
    done = tasks.add_task(store, "Erledigt", office_id=jug, body_id=body, due_date=today)
    tasks.set_task_status(store, done.id, TaskStatus.DONE)
    window.context.notify({"tasks", "meetings", "bodies"})

    (entry,) = overview.next_meetings(store, today)
    assert (entry.meeting_id, entry.due, entry.overdue) == (next_one, 2, 1)
    panel = window.bodies.next_meetings
    assert panel.isVisible()
    texts = [w.text() for w in panel.rows.findChildren(type(panel.heading))]
    assert any("2. Sitzung am" in t and "(in 10 Tagen)" in t for t in texts)
    assert any("2 Aufgaben fällig davor, davon 1 überfällig" in t for t in texts)

    def buttons() -> list[QPushButton]:
        return [b for b in panel.rows.findChildren(QPushButton) if b.isVisible()]

    qtbot.waitUntil(lambda: len(buttons()) == 2)  # the layout shows new rows from the event loop
    open_button, due_button = buttons()
    assert window.bodies.selected_meeting_id() == next_one  # the next, not the furthest

    qtbot.mouseClick(due_button, LEFT)
    assert window.current_page_key() == "tasks"
    register = window.page("tasks")
    assert isinstance(register, TaskRegisterScreen)
    shown = {register.model.task_id(r) for r in range(register.model.rowCount())}
    assert shown == {t.id for t in due}
    window.menu_actions.pages[0].trigger()
    qtbot.mouseClick(open_button, LEFT)
    assert window.current_page_key() == "meeting"
    assert window.meeting_screen.meeting_id == next_one


def test_office_and_region_views_say_when_nothing_is_pending(
    window: MainWindow, store: Store
) -> None:
    offices = window.show_page("offices")
    assert isinstance(offices, OfficeViewScreen)
    offices.show_item(office_id(store, "Jug"))
    assert offices.task_area.is_empty()
    assert offices.task_area.empty.title.text() == "Das Amt hat keine unerledigten Aufgaben."
    tasks.add_task(store, "Kiezkasse", office_id=office_id(store, "Jug"))
    window.context.notify({"tasks"})
    assert not offices.task_area.is_empty()
    regions = window.show_page("regions")
    assert isinstance(regions, RegionViewScreen)
    assert regions.task_area.is_empty()
