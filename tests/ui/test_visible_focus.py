"""The keyboard focus is always seen: buttons, table cells, the agenda tree, the live view.

Each widget is drawn with the focus reached by Tab and again with the focus elsewhere; the two
pictures must differ. A style sheet that hid the focus frame would make them equal.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.meeting import TAB_AGENDA, TAB_ATTENDANCE
from tests.services.helpers import make_body, plan
from tests.ui.live_helpers import activate, meeting_with_review, open_live
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")
CTRL = Qt.KeyboardModifier.ControlModifier


def picture(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def tab_to(qtbot: QtBot, widget: QWidget) -> None:
    """Press Tab until the widget has the focus, as a keyboard user gets there."""
    for _ in range(80):
        if widget.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget() or widget.window(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.accessibleName() or widget}")


def focus_is_drawn(qtbot: QtBot, widget: QWidget, elsewhere: QWidget) -> bool:
    tab_to(qtbot, widget)
    assert widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    focused = picture(widget)
    tab_to(qtbot, elsewhere)
    return focused != picture(widget)


@pytest.fixture
def meeting_window(window: MainWindow, store: Store, qtbot: QtBot) -> MainWindow:
    meeting_id = plan(store, make_body(store, members=3, quorum=2))
    window.resize(1366, 768)
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id, TAB_AGENDA)
    activate(qtbot, window)
    return window


def test_agenda_tree_and_buttons_show_the_focus(meeting_window: MainWindow, qtbot: QtBot) -> None:
    editor = meeting_window.meeting_screen.agenda
    editor.tree.setCurrentIndex(editor.model.index(1, 0))
    assert focus_is_drawn(qtbot, editor.tree, editor.quick_title)
    for button in editor.buttons.values():
        if button.isEnabled():
            assert focus_is_drawn(qtbot, button, editor.tree), button.text()


def test_attendance_cells_show_the_focus(meeting_window: MainWindow, qtbot: QtBot) -> None:
    meeting_window.meeting_screen.tabs.setCurrentIndex(TAB_ATTENDANCE)
    screen = meeting_window.meeting_screen.attendance
    screen.table.setCurrentIndex(screen.model.index(1, 0))
    assert focus_is_drawn(qtbot, screen.table, screen.add_guest_button)
    assert focus_is_drawn(qtbot, screen.arrived_button, screen.table)


def test_the_live_view_frames_the_running_top_while_its_keys_act_on_it(
    store: Store, qtbot: QtBot
) -> None:
    view, _ = open_live(qtbot, store, meeting_with_review(store).meeting_id)
    view.take_focus()
    assert QApplication.focusWidget() is view
    assert view.top.property("keyFocus") is True
    framed = picture(view.top)
    qtbot.keyClick(view, Qt.Key.Key_E, CTRL)  # into the result field
    assert QApplication.focusWidget() is view.capture.result
    assert view.top.property("keyFocus") is False
    assert picture(view.top) != framed
    # the capture form's buttons carry a style sheet of their own: the focus still shows
    qtbot.keyClick(view, Qt.Key.Key_B, CTRL)
    form = view.capture.decision_form
    assert focus_is_drawn(qtbot, form.commit, form.text)
    view.close()


def test_no_style_sheet_switches_the_focus_frame_off(meeting_window: MainWindow) -> None:
    for key in ("tasks", "decisions", "offices", "regions", "people"):
        meeting_window.page(key)
    sheets = [w.styleSheet() for w in meeting_window.findChildren(QWidget) if w.styleSheet()]
    assert sheets
    hiding = [s for s in sheets if "outline" in s.replace(" ", "") or ":focus" in s]
    assert hiding == []
