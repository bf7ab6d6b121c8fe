"""A register with a little of everything, and a walk over the main window collecting every
control that is offered (shown and enabled) and could change something."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from sromod.models import AgendaItemKind, MeetingState
from sromod.services import agenda, bodies, decisions, meetings, tasks
from sromod.store import open_store
from sromod.ui.main_window import PAGE_KEYS, MainWindow
from tests.roles_helpers import Register
from tests.services.helpers import make_body, office_id
from tests.ui.walk_helpers import settle


@dataclass(frozen=True)
class Meetings:
    planned: str
    released: str
    meeting_task: str  # a task of Jug from the planned meeting's TOP


def fill_register(reg: Register) -> Meetings:
    """As the owner: a body with members and a standing TOP, a planned and a released meeting
    with TOPs, a decision and a task."""
    with open_store(reg.url, create=False) as store:
        body = make_body(store)
        bodies.add_standing_item(store, body, "Verschiedenes", AgendaItemKind.MISC, 5)
        released = meetings.plan_meeting(store, body, date(2026, 10, 1))
        agenda.add_agenda_item(store, released, "Spielplätze", planned_minutes=15)
        meetings.set_meeting_state(store, released, MeetingState.RUNNING)
        meetings.set_meeting_state(store, released, MeetingState.HELD)
        meetings.set_meeting_state(store, released, MeetingState.RELEASED)
        planned = meetings.plan_meeting(store, body, date(2026, 12, 3))
        top = agenda.add_agenda_item(store, planned, "Kitaplätze", planned_minutes=20)
        decisions.add_decision(store, top, "Die AG SRO bittet das Jugendamt um einen Bericht.")
        task = tasks.add_task(
            store, "Bericht vorlegen", office_id=office_id(store, "Jug"), agenda_item_id=top
        )
    return Meetings(planned, released, task.id)


Visit = Callable[[str], None]


def walk(window: MainWindow, found: Meetings, visit: Visit) -> None:
    """Every page with its tabs, and both meetings with theirs."""
    for key in PAGE_KEYS:
        window.show_page(key)
        settle()
        page = window.page(key)
        tabs = getattr(page, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                settle()
            visit(f"{key} {index}")
    for meeting in (found.planned, found.released):
        window.open_meeting(meeting)
        settle()
        tabs = window.meeting_screen.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            agenda_tree = window.meeting_screen.agenda.tree
            if agenda_tree.model().rowCount():
                agenda_tree.setCurrentIndex(agenda_tree.model().index(0, 0))
            visit(f"meeting {meeting[:4]} tab {index}")


def _name(control: QWidget | QAction) -> str:
    text = control.text() if hasattr(control, "text") and callable(control.text) else ""
    if isinstance(control, QWidget) and not text:
        text = control.accessibleName()
    return f"{type(control).__name__}:{str(text).replace('&', '')}"


def _usable(widget: QWidget) -> bool:
    """Shown, enabled, and a control that acts or takes input."""
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    if isinstance(widget, QAbstractButton):
        return True
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractItemView):
        return (
            widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
            or widget.dragDropMode() != QAbstractItemView.DragDropMode.NoDragDrop
        )
    return isinstance(widget, QComboBox)


def offered(window: MainWindow) -> set[str]:
    """Every control a user can use right now in the window: buttons, menu actions, fields
    that take typing, views that edit or take drops."""
    names = {_name(w) for w in window.findChildren(QWidget) if _usable(w)}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.isVisible() and action.isEnabled() and not action.isSeparator():
                names.add(f"Menü:{action.text().replace('&', '').split(':')[0]}")
    return names
