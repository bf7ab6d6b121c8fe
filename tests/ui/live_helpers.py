"""Builders for the live-view tests: a body, a previous meeting with open tasks, a fake clock."""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass
from datetime import date, datetime

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemKind
from sromod.services import agenda, tasks
from sromod.store import Store
from sromod.ui.clock import MeetingClock
from sromod.ui.context import AppContext
from sromod.ui.screens.live import LiveView, open_live_view
from sromod.ui.settings import UiSettings
from tests.services.helpers import make_body, office_id, plan

START = datetime(2026, 11, 25, 10, 0, 0)


def _guard_singletons() -> None:
    """Work around PySide6 6.12.0 on Python 3.11 in the test process.

    6.12.0 drops a reference to None (and in places to True/False) on calls of void methods, as
    if they were immortal as in Python 3.12; a long test run then aborts at exit with
    "bool_dealloc"/"none_dealloc". 6.11.3 does not. A list of references would be freed before
    the end, so the counts are raised for good.
    """
    if PYSIDE_VERSION != "6.12.0" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_guard_singletons()


class FakeMonotonic:
    """A monotonic clock the test moves on by hand."""

    def __init__(self) -> None:
        self.value = 5000.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


def fake_clock() -> tuple[MeetingClock, FakeMonotonic]:
    mono = FakeMonotonic()
    return MeetingClock(monotonic=mono, wall=lambda: START), mono


@dataclass
class Setup:
    body_id: str
    meeting_id: str
    carried_task_ids: list[str]


def earlier_meeting_with_tasks(store: Store, body_id: str, count: int = 1) -> list[str]:
    """A meeting of 01.10.2026 that left `count` open tasks (Jug, SGA) for the Wiedervorlage."""
    previous = plan(store, body_id, date(2026, 10, 1))
    top = agenda.add_agenda_item(store, previous, "Kiezkasse 2027")
    titles = ["Bedarfe der Jugendfreizeiteinrichtungen melden", "Raumbuchung klären"]
    return [
        tasks.add_task(
            store,
            titles[n],
            office_id=office_id(store, ("Jug", "SGA")[n]),
            agenda_item_id=top,
            due_date=date(2026, 11, 1 + n),
        ).id
        for n in range(count)
    ]


def meeting_with_review(store: Store, *, carried: int = 1) -> Setup:
    """A body, an earlier meeting with open tasks, and the meeting of 25.11.2026 to run."""
    body = make_body(store)
    carried_ids = earlier_meeting_with_tasks(store, body, carried)
    meeting = plan(store, body, date(2026, 11, 25))
    return Setup(body, meeting, carried_ids)


def agenda_of(store: Store, meeting_id: str) -> list[agenda.AgendaItemInfo]:
    return agenda.list_agenda(store, meeting_id)


def review_item(store: Store, meeting_id: str) -> agenda.AgendaItemInfo:
    return next(i for i in agenda_of(store, meeting_id) if i.kind == AgendaItemKind.REVIEW)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a person; QTest only knows ASCII keys, so umlauts go as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make the window the active one, as a click on it would; shortcuts need an active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def database_image(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables the live view writes, to compare before and after undo.

    All columns but the version, which keeps rising through undo and redo.
    """
    tables = ("meetings", "agenda_items", "decisions", "tasks", "task_events", "task_reviews")
    image = {}
    with store.engine.connect() as connection:
        for table in tables:
            rows = connection.exec_driver_sql(f"SELECT * FROM {table}").mappings().fetchall()
            image[table] = sorted(
                (tuple(v for k, v in row.items() if k != "version") for row in rows), key=repr
            )
    return image


def open_live(
    qtbot: QtBot, store: Store, meeting_id: str, settings: UiSettings | None = None
) -> tuple[LiveView, FakeMonotonic]:
    """The live view of a meeting on a fake clock, active as after a click on it."""
    clock, mono = fake_clock()
    view = open_live_view(AppContext(store), meeting_id, clock=clock, settings=settings)
    assert view is not None
    qtbot.addWidget(view)
    activate(qtbot, view)
    return view, mono
