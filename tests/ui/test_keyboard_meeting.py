"""A whole meeting run by keyboard only, in the real main window, without a single mouse event.

Body, members and an earlier meeting with 57 open tasks are set up through the services; from
then on every step is a key sent to the focused widget (QApplication.focusWidget()), a shortcut or
a menu mnemonic: plan the meeting (Ctrl+N, the dialog typed and confirmed with Enter), edit the
agenda (quick-add, a sub-item through the "Unterpunkt…" button reached by Tab), take attendance
(keys 1–4 in the table), F5, results, a decision with votes and a task in the live view, the
Wiedervorlage of 57 tasks stepped through with the status keys, Ctrl+Shift+E (questions answered
by key), the release through the Sitzung menu (Alt+S, F) and the Word export (Ctrl+Shift+P; only
the file dialog is replaced, as in the other export tests). An application-wide event filter
fails the test if any mouse button event reaches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sromod.models import (
    AgendaItemKind,
    AgendaItemState,
    AttendanceStatus,
    MeetingState,
    TaskStatus,
)
from sromod.services import agenda, attendance, decisions, meetings, tasks
from sromod.store import Store
from sromod.ui import exports_ui
from sromod.ui.context import AppContext
from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
from sromod.ui.main_window import MainWindow
from sromod.ui.screens import live
from sromod.ui.screens.live import LiveView
from sromod.ui.screens.meeting import MeetingScreen
from sromod.ui.widgets import DateEdit
from tests.services.helpers import make_body
from tests.ui.live_helpers import FakeMonotonic, activate, fake_clock, type_text
from tests.ui.prep_helpers import temp_settings
from tests.ui.review_helpers import earlier_meeting_with_many_tasks

SIZES = [(1366, 768), (1280, 800)]
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}


class MouseGuard(QObject):
    """Counts every mouse button event that reaches any object of the application."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE_EVENTS:
            self.seen.append(f"{event.type().name} on {type(watched).__name__}")
        return False


@pytest.fixture
def mouse_guard(qapp: QApplication) -> Iterator[MouseGuard]:
    guard = MouseGuard()
    qapp.installEventFilter(guard)
    yield guard
    qapp.removeEventFilter(guard)
    assert guard.seen == [], "mouse events reached widgets: " + ", ".join(guard.seen)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def key(qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), k, mods)


def write(qtbot: QtBot, text: str) -> None:
    type_text(qtbot, focused(), text)


def tab_to(qtbot: QtBot, wanted: Callable[[QWidget], bool], what: str, limit: int = 40) -> None:
    """Tab until the focus is on the wanted control (as a user would), failing after limit."""
    visited = []
    for _ in range(limit):
        if wanted(focused()):
            return
        visited.append(type(focused()).__name__ + ":" + focused().accessibleName())
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {what}; visited {visited}")


def on_modal(qtbot: QtBot, keys: Callable[[QWidget], None], errors: list[str]) -> None:
    """Send keys to the next modal dialog or message box once it is open (it runs its own loop)."""
    tries = [0]

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):
            tries[0] += 1
            if dialog is not None and tries[0] == 5:
                dialog.activateWindow()  # as the window system does with a new window
            if tries[0] < 100:
                QTimer.singleShot(20, act)
            else:
                errors.append("no modal dialog took the focus")
            return
        try:
            keys(dialog)
        except Exception as exc:  # leave the dialog by Escape; the test reports what failed
            errors.append(f"{type(dialog).__name__}: {exc!r}")
            if QApplication.activeModalWidget() is dialog:
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, act)


def key_with_modal(
    qtbot: QtBot,
    k: Qt.Key,
    mods: Qt.KeyboardModifier,
    keys: Callable[[QWidget], None],
    errors: list[str],
) -> None:
    """A key that opens a modal dialog, the keys for the dialog, and back to the window."""
    window = focused().window()
    on_modal(qtbot, keys, errors)
    key(qtbot, k, mods)
    assert errors == []
    if window.isVisible() and not window.isActiveWindow():
        activate(qtbot, window)  # the window system gives the parent back its activation


def menu(qtbot: QtBot, window: QWidget, title_key: Qt.Key, item_key: Qt.Key) -> None:
    """Alt+letter opens a menu of the menu bar; the item's underlined letter triggers it."""
    qtbot.keyClick(focused(), title_key, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.keyClick(popup, item_key)


@pytest.fixture(params=SIZES, ids=["1366x768", "1280x800"])
def window(
    request: pytest.FixtureRequest, store: Store, qtbot: QtBot, tmp_path: Path
) -> MainWindow:
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(*request.param)
    made.show()
    activate(qtbot, made)
    return made


def test_a_whole_meeting_by_keyboard_only(
    window: MainWindow,
    store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mouse_guard: MouseGuard,
) -> None:
    body_id = make_body(store, members=3, quorum=2)
    carried = earlier_meeting_with_many_tasks(store, body_id, 57)
    window.bodies.reload_bodies()
    errors: list[str] = []
    clock, mono = fake_clock()  # the wall clock stands at 25.11.2026 10:00
    monkeypatch.setattr(live, "MeetingClock", lambda: clock)

    meeting_id = plan_by_keyboard(qtbot, window, body_id, errors)
    edit_agenda_by_keyboard(qtbot, window, store, meeting_id, errors)
    take_attendance_by_keyboard(qtbot, window, store, meeting_id)
    view = start_live_by_keyboard(qtbot, window, meeting_id)
    run_tops_by_keyboard(qtbot, view, store, meeting_id, mono, carried)
    end_by_keyboard(qtbot, view, store, meeting_id, errors)
    release_and_export_by_keyboard(qtbot, window, store, meeting_id, tmp_path, monkeypatch)
    assert errors == []


def plan_by_keyboard(qtbot: QtBot, window: MainWindow, body_id: str, errors: list[str]) -> str:
    """Ctrl+1 (the bodies page), the body chosen in the list by arrows, Ctrl+N, date, Enter."""
    key(qtbot, Qt.Key.Key_1, CTRL)
    tab_to(qtbot, lambda w: w is window.bodies.body_list, "the body list")
    key(qtbot, Qt.Key.Key_Home)
    assert window.bodies.body_id() == body_id

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PlanMeetingDialog)
        assert focused() is dialog.day, "the date field takes the focus first"
        write(qtbot, "25.11.2026")
        key(qtbot, Qt.Key.Key_Return)

    key_with_modal(qtbot, Qt.Key.Key_N, CTRL, fill, errors)
    meeting_id = window.current_meeting_id()
    assert meeting_id is not None
    info = meetings.get_meeting(window.context.store, meeting_id)
    assert info.date == date(2026, 11, 25)
    return meeting_id


def edit_agenda_by_keyboard(
    qtbot: QtBot, window: MainWindow, store: Store, meeting_id: str, errors: list[str]
) -> None:
    """Alt+T (agenda tab), Tab to the quick-add field, a TOP with Enter, then its sub-item."""
    screen = window.meeting_screen
    key(qtbot, Qt.Key.Key_T, ALT)
    assert screen.tabs.currentWidget() is screen.agenda
    editor = screen.agenda
    tab_to(qtbot, lambda w: w is editor.tree, "the agenda")
    key(qtbot, Qt.Key.Key_End)  # the last TOP: the new one goes after it
    tab_to(qtbot, lambda w: w is editor.quick_title, "the quick-add field")
    write(qtbot, "Kiezkasse 2027")
    key(qtbot, Qt.Key.Key_Return)
    tab_to(qtbot, lambda w: w is editor.buttons["sub"], "the sub-item button")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AgendaItemDialog)
        assert focused() is dialog.title
        write(qtbot, "Vergabe der Mittel")
        key(qtbot, Qt.Key.Key_Return)

    key_with_modal(qtbot, Qt.Key.Key_Space, NONE, fill, errors)
    items = agenda.list_agenda(store, meeting_id)
    added = [i for i in items if i.title == "Kiezkasse 2027"]
    assert len(added) == 1 and added[0].number == "6", [(i.number, i.title) for i in items]
    sub = [i for i in items if i.title == "Vergabe der Mittel"]
    assert len(sub) == 1 and sub[0].parent_id == added[0].id


def take_attendance_by_keyboard(
    qtbot: QtBot, window: MainWindow, store: Store, meeting_id: str
) -> None:
    """Alt+W (attendance tab), Tab into the table, arrows and keys 1–4 per person."""
    screen = window.meeting_screen
    key(qtbot, Qt.Key.Key_W, ALT)  # Alt+A opens the menu "Ansicht"
    assert screen.tabs.currentWidget() is screen.attendance
    table = screen.attendance.table
    tab_to(qtbot, lambda w: w is table, "the attendance table")
    key(qtbot, Qt.Key.Key_Home, CTRL)
    for number in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2):
        key(qtbot, number)
        key(qtbot, Qt.Key.Key_Down)
    shown = sorted(str(a.status) for a in attendance.list_attendance(store, meeting_id))
    assert shown == sorted(
        str(s)
        for s in (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED)
    )


def start_live_by_keyboard(qtbot: QtBot, window: MainWindow, meeting_id: str) -> LiveView:
    key(qtbot, Qt.Key.Key_F5)
    view = window.live_view
    assert isinstance(view, LiveView)
    activate(qtbot, view)  # the window system activates a newly shown window
    assert meetings.get_meeting(window.context.store, meeting_id).state == MeetingState.RUNNING
    return view


def run_tops_by_keyboard(
    qtbot: QtBot,
    view: LiveView,
    store: Store,
    meeting_id: str,
    mono: FakeMonotonic,
    carried: list[str],
) -> None:
    """TOP 1 a result, TOP 2 a decision with votes, TOP 3 the Wiedervorlage, TOP 6 a task."""
    mono.advance(5 * 60)
    key(qtbot, Qt.Key.Key_E, CTRL)
    write(qtbot, "Die Tagesordnung wird mit dem TOP Kiezkasse 2027 festgestellt.")
    key(qtbot, Qt.Key.Key_PageDown)
    mono.advance(5 * 60)
    items = agenda.list_agenda(store, meeting_id)
    capture_decision_by_keyboard(qtbot, store, meeting_id, items[1].id)
    key(qtbot, Qt.Key.Key_PageDown)  # the Wiedervorlage: the table of 57 tasks has the focus
    review = next(i for i in items if i.kind == AgendaItemKind.REVIEW)
    assert {r.task.id for r in tasks.list_reviews(store, review.id)} == set(carried)
    assert focused() is view.review.table
    set_review_states_by_keyboard(qtbot, view, store, review.id)
    mono.advance(20 * 60)
    key(qtbot, Qt.Key.Key_PageDown)  # Verschiedenes
    key(qtbot, Qt.Key.Key_PageDown)  # Nächster Termin
    key(qtbot, Qt.Key.Key_PageDown)  # Kiezkasse 2027
    kiezkasse = next(i for i in items if i.title == "Kiezkasse 2027")
    capture_task_by_keyboard(qtbot, store, meeting_id, kiezkasse.id)


def capture_decision_by_keyboard(qtbot: QtBot, store: Store, meeting_id: str, top: str) -> None:
    """Ctrl+B, Tab, the text, Tab + count three times, Enter."""
    key(qtbot, Qt.Key.Key_B, CTRL)
    key(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "Das Protokoll der letzten Sitzung ist genehmigt.")
    for count in "2", "0", "0":
        key(qtbot, Qt.Key.Key_Tab)
        write(qtbot, count)
    key(qtbot, Qt.Key.Key_Return)
    [decision] = decisions.list_decisions_for_meeting(store, meeting_id)
    assert decision.agenda_item_id == top
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (2, 0, 0)


def capture_task_by_keyboard(qtbot: QtBot, store: Store, meeting_id: str, top: str) -> None:
    """Ctrl+T, what, Tab, office, Tab, (no person) Tab, due date, Enter."""
    key(qtbot, Qt.Key.Key_T, CTRL)
    write(qtbot, "Vergabekriterien entwerfen")
    key(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "SGA")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "15.12.2026")
    key(qtbot, Qt.Key.Key_Return)
    [task] = tasks.list_tasks_for_meeting(store, meeting_id)
    assert (task.title, task.office_code, task.due_date, task.origin_agenda_item_id) == (
        "Vergabekriterien entwerfen",
        "SGA",
        date(2026, 12, 15),
        top,
    )


REVIEW_KEYS = (
    (Qt.Key.Key_3, TaskStatus.DONE),
    (Qt.Key.Key_2, TaskStatus.IN_PROGRESS),
    (Qt.Key.Key_4, TaskStatus.DEFERRED),
    (Qt.Key.Key_1, TaskStatus.OPEN),
    (Qt.Key.Key_5, TaskStatus.DROPPED),
)


def set_review_states_by_keyboard(
    qtbot: QtBot, view: LiveView, store: Store, review_id: str
) -> None:
    """Keys 1–5 on five tasks in a row, then one with a note (Alt+N, text, Alt+3)."""
    chosen: list[str | None] = []
    for number, _status in REVIEW_KEYS:
        chosen.append(view.review.selected_id())
        key(qtbot, number)
    chosen.append(view.review.selected_id())
    assert None not in chosen and len(set(chosen)) == 6, "each key steps on to the next task"
    key(qtbot, Qt.Key.Key_N, ALT)
    assert focused() is view.review.note
    write(qtbot, "Bedarfsliste liegt vor")
    key(qtbot, Qt.Key.Key_3, ALT)
    stored: dict[str | None, tasks.ReviewInfo] = {
        r.id: r for r in tasks.list_reviews(store, review_id)
    }
    expected = [s for _k, s in REVIEW_KEYS] + [TaskStatus.DONE]
    assert [stored[c].status_after for c in chosen] == expected
    assert stored[chosen[-1]].note == "Bedarfsliste liegt vor"
    assert sum(1 for r in stored.values() if r.status_after is not None) == 6


def end_by_keyboard(
    qtbot: QtBot, view: LiveView, store: Store, meeting_id: str, errors: list[str]
) -> None:
    """Ctrl+Shift+E; the question is answered by key.

    TOP 6.1 was never called: sromod names it and V postpones it; the store must say so.
    """
    asked: list[str] = []

    def answer(dialog: QWidget) -> None:
        asked.append(type(dialog).__name__)
        key(qtbot, Qt.Key.Key_V)  # "&Vertagen auf die nächste Sitzung"

    key_with_modal(qtbot, Qt.Key.Key_E, CTRL | SHIFT, answer, errors)
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.HELD
    assert asked == ["EndMeetingDialog"], "the untreated TOP 6.1 must be asked about"
    sub = next(i for i in agenda.list_agenda(store, meeting_id) if i.number == "6.1")
    assert sub.state == AgendaItemState.POSTPONED


def release_and_export_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    meeting_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Back in the main window: Alt+S, F releases the minutes; Ctrl+Shift+P writes them."""
    activate(qtbot, window)
    menu(qtbot, window, Qt.Key.Key_S, Qt.Key.Key_F)
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.RELEASED
    target = tmp_path / "Protokoll Sitzung.docx"
    monkeypatch.setattr(exports_ui, "ask_save_path", lambda *_a, **_k: target)
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda *_a: None)
    key(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
    assert target.exists()
    check_minutes(target)


def minutes_by_top(path: Path) -> dict[str, str]:
    """The text of the minutes under each "TOP n …" heading, tables included, in order."""
    sections: dict[str, str] = {}
    current = ""
    for child in Document(str(path)).element.body.iterchildren():
        if child.tag.endswith("}p"):
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            text = text.replace("\u00a0", " ")  # "TOP\u00a02" reads as "TOP 2"
            if text.startswith("TOP "):
                current = text
                sections[current] = ""
                continue
        else:
            text = " | ".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
        if current:
            sections[current] += text + "\n"
    return sections


def check_minutes(path: Path) -> None:
    """The decision with its votes under TOP 2, the reviewed states under TOP 3, the task under 6."""
    sections = minutes_by_top(path)
    decision = sections["TOP 2 Genehmigung des Protokolls der letzten Sitzung"]
    assert "Das Protokoll der letzten Sitzung ist genehmigt." in decision
    assert "Abstimmung: einstimmig angenommen." in decision  # 2 / 0 / 0 with 2 voters present
    review = sections["TOP 3 Wiedervorlage: Stand der Aufgaben"]
    assert "Bedarfsliste liegt vor" in review and "erledigt" in review
    task = sections["TOP 6 Kiezkasse 2027"]
    assert "Vergabekriterien entwerfen" in task and "15.12.2026" in task
    assert "Vertagt auf die nächste Sitzung." in sections["TOP 6.1 Vergabe der Mittel"]
    others = [text for title, text in sections.items() if title != "TOP 6 Kiezkasse 2027"]
    assert not any("Vergabekriterien entwerfen" in text for text in others)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("25.11.2026", date(2026, 11, 25)), ("1.3.2027", date(2027, 3, 1))],
)
def test_a_whole_date_typed_over_a_filled_date_field(
    qtbot: QtBot, typed: str, expected: date
) -> None:
    """It gave 25.12.2026: the full day moved on to the month, and the dot on to the year."""
    field = DateEdit()
    qtbot.addWidget(field)
    field.set_value(date(2026, 12, 7))
    field.show()
    activate(qtbot, field)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, typed)
    assert field.value() == expected


def test_tab_mnemonics_of_a_meeting_do_not_clash_with_the_menus(window: MainWindow) -> None:
    """Alt+A opened the menu "Ansicht" instead of the tab "Anwesenheit"."""

    def mnemonic(text: str) -> str:
        plain = text.replace("&&", "")
        return plain[plain.index("&") + 1].lower() if "&" in plain else ""

    menus = {mnemonic(a.text()) for a in window.menuBar().actions()}
    page = window.page("meeting")
    assert isinstance(page, MeetingScreen)
    tabs = page.tabs
    letters = [mnemonic(tabs.tabText(n)) for n in range(tabs.count())]
    assert all(letters) and not set(letters) & menus, (letters, menus)


def test_the_mouse_guard_sees_a_click(qapp: QApplication, qtbot: QtBot) -> None:
    """The guard of the keyboard test would notice a click (press and release)."""
    guard = MouseGuard()
    qapp.installEventFilter(guard)
    try:
        button = QPushButton("OK")
        qtbot.addWidget(button)
        button.show()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        qapp.removeEventFilter(guard)
    assert "MouseButtonPress on QPushButton" in guard.seen
    assert "MouseButtonRelease on QPushButton" in guard.seen
