"""One read of the live state per change serves the live view and the projector alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sromod.services import agenda, live
from sromod.store import Store
from sromod.ui.itemmodels.live import AgendaListModel, StateRole
from sromod.ui.labels import agenda_item_label
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.projector import ProjectorWindow
from tests.ui.live_helpers import meeting_with_review, open_live

CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Reads:
    """Live-state reads, other store sessions opened outside them, and changes announced."""

    states: int = 0
    other_sessions: int = 0
    changes: int = 0
    inside: bool = False

    def reset(self) -> None:
        self.states = self.other_sessions = self.changes = 0


@pytest.fixture
def reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Reads]:
    counted = Reads()
    real_state, real_session = live.live_state, store.session

    def live_state(*args: Any, **kwargs: Any) -> live.LiveState:
        counted.states += 1
        counted.inside = True
        try:
            return real_state(*args, **kwargs)
        finally:
            counted.inside = False

    def session() -> Any:
        if not counted.inside:
            counted.other_sessions += 1
        return real_session()

    monkeypatch.setattr(live, "live_state", live_state)
    monkeypatch.setattr(store, "session", session)
    yield counted


def _states(model: AgendaListModel) -> list[str]:
    return [model.index(row).data(StateRole) for row in range(model.rowCount())]


def _key(qtbot: QtBot, view: LiveView, k: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or view, k, mods)


def _press(
    k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> Callable[[QtBot, LiveView], None]:
    return lambda qtbot, view: _key(qtbot, view, k, mods)


def _running_title(store: Store, meeting_id: str) -> str:
    running = [
        i for i in agenda.list_agenda(store, meeting_id) if i.actual_start and not i.actual_end
    ]
    return agenda_item_label(running[0].number) + "  " + running[0].title if running else ""


def _assert_same_state(
    view: LiveView, projector: ProjectorWindow, store: Store, meeting_id: str
) -> None:
    """The moderator and the room see the same agenda states and the same running TOP."""
    assert _states(view.agenda_model) == _states(projector.model)
    expected = _running_title(store, meeting_id)
    assert projector.top_title.text() == expected
    if expected:
        shown = view.top_number.text() + "  " + view.top_title.text()
        assert shown == expected and view.running_mark.isVisibleTo(view)


def _show_projector(qtbot: QtBot, view: LiveView, reads: Reads) -> ProjectorWindow:
    """F7 as the moderator presses it; from then on every change announced is counted."""
    qtbot.keyClick(view, Qt.Key.Key_F7)
    projector = view.projector
    assert isinstance(projector, ProjectorWindow) and projector.isVisible()
    qtbot.addWidget(projector)
    view.context.changed.connect(lambda _tables: setattr(reads, "changes", reads.changes + 1))
    return projector


# (what the moderator does, the key, how many changes it makes)
ACTIONS = [
    ("next TOP", _press(Qt.Key.Key_PageDown), 1),
    ("next TOP", _press(Qt.Key.Key_PageDown), 1),  # TOP 3, the Wiedervorlage
    ("review status erledigt", _press(Qt.Key.Key_3), 1),
    ("undo", _press(Qt.Key.Key_Z, CTRL), 1),
    ("redo", _press(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier), 1),
    ("previous TOP", _press(Qt.Key.Key_PageUp), 1),
    ("next TOP", _press(Qt.Key.Key_PageDown), 1),
    # one undo step of two changes (TOP vertagt, the next one started): one read after each
    ("postpone", _press(Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier), 2),
]


def test_each_change_is_read_once_for_the_view_and_the_projector(
    store: Store, qtbot: QtBot, reads: Reads
) -> None:
    meeting_id = meeting_with_review(store, carried=2).meeting_id
    view, _ = open_live(qtbot, store, meeting_id)
    projector = _show_projector(qtbot, view, reads)
    _assert_same_state(view, projector, store, meeting_id)

    # a change elsewhere (say, the attendance screen): one read, nothing else opened
    reads.reset()
    view.context.changed.emit({"attendance"})
    assert (reads.states, reads.other_sessions) == (1, 0)

    for name, action, changes in ACTIONS:
        reads.reset()
        action(qtbot, view)
        assert reads.changes == changes, name
        assert reads.states == changes, name
        _assert_same_state(view, projector, store, meeting_id)
    assert "vertagt" in _states(projector.model)[2]


def test_the_projector_shown_later_draws_the_last_read(
    store: Store, qtbot: QtBot, reads: Reads
) -> None:
    meeting_id = meeting_with_review(store).meeting_id
    view, _ = open_live(qtbot, store, meeting_id)
    _key(qtbot, view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
    reads.reset()
    projector = _show_projector(qtbot, view, reads)
    assert (reads.states, reads.other_sessions) == (0, 0)  # nothing new to read
    _assert_same_state(view, projector, store, meeting_id)
