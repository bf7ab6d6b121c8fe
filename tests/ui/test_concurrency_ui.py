"""Two people on one register, seen in the window: a refused change and a refused undo.

The second user is another engine on the same file or server (see `second_user`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import office_id, second_user

pytestmark = pytest.mark.both_engines


@pytest.fixture(name="other")
def second_user_store(store: Store) -> Iterator[Store]:
    with second_user(store) as second:
        yield second


@pytest.fixture(name="context")
def listening_context(store: Store) -> Iterator[AppContext]:
    made = AppContext(store)
    yield made
    live = made.live_updates
    if live is not None and live.listener is not None:  # on a server: the listener ends first
        listener = live.listener
        live.stop()
        listener.join(10)
        with warnings.catch_warnings():  # the screens that listened may be gone already
            warnings.simplefilter("ignore", RuntimeWarning)
            # what it heard last must not redraw from a dropped register
            made.changed.disconnect()
    QApplication.processEvents()


def _register(
    context: AppContext, qtbot: QtBot
) -> tuple[AppContext, TaskRegisterScreen, list[str]]:
    screen = TaskRegisterScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    errors: list[str] = []
    context.error.connect(errors.append)
    return context, screen, errors


def _select(screen: TaskRegisterScreen, task_id: str) -> None:
    row = screen.model.row_of(task_id)
    assert row is not None
    screen.table.selectRow(row)


def _shown_status(screen: TaskRegisterScreen, task_id: str) -> TaskStatus:
    row = screen.model.row_at(screen.model.row_of(task_id) or 0)
    assert row is not None and row.id == task_id
    return row.status


def test_a_status_set_on_a_task_someone_else_changed_is_refused_and_reloaded(
    store: Store, other: Store, context: AppContext, qtbot: QtBot
) -> None:
    task = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "Jug"))
    context, screen, errors = _register(context, qtbot)
    assert _shown_status(screen, task.id) == TaskStatus.OPEN
    tasks.set_task_status(other, task.id, TaskStatus.IN_PROGRESS)  # the register does not know

    _select(screen, task.id)
    screen.status_actions[TaskStatus.DONE].trigger()

    assert errors == [
        f"Die Aufgabe {task.register_number} wurde inzwischen von jemand anderem geändert. "
        "Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand."
    ]
    assert tasks.get_task(store, task.id).status == TaskStatus.IN_PROGRESS
    assert _shown_status(screen, task.id) == TaskStatus.IN_PROGRESS  # the current value
    assert context.undo_stack.count() == 0
    # seeing the current state now, the user sets the status again, and it holds
    _select(screen, task.id)
    screen.status_actions[TaskStatus.DONE].trigger()
    assert tasks.get_task(other, task.id).status == TaskStatus.DONE


def test_undo_refuses_when_someone_else_changed_the_task_since(
    store: Store, other: Store, context: AppContext, qtbot: QtBot
) -> None:
    task = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "Jug"))
    context, screen, errors = _register(context, qtbot)
    _select(screen, task.id)
    screen.status_actions[TaskStatus.IN_PROGRESS].trigger()
    assert context.undo_stack.canUndo()
    tasks.update_task(other, task.id, remark="Angebot liegt vor")

    context.undo_stack.undo()

    assert errors == [
        f"Rückgängig ist nicht möglich: die Aufgabe {task.register_number} wurde seit Ihrer "
        "Änderung von jemand anderem geändert. Der aktuelle Stand bleibt erhalten."
    ]
    current = tasks.get_task(store, task.id)
    assert (current.status, current.remark) == (TaskStatus.IN_PROGRESS, "Angebot liegt vor")
    assert _shown_status(screen, task.id) == TaskStatus.IN_PROGRESS
    assert context.undo_stack.count() == 0 and not context.undo_stack.canRedo()
