"""The main window: opens on a store and shows it, navigates, menus act on the current meeting."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemState, MeetingState
from sromod.services import agenda, meetings
from sromod.store import Store, open_store
from sromod.ui import errors
from sromod.ui.context import AppContext
from sromod.ui.main_window import PAGE_KEYS, MainWindow
from sromod.ui.screens.meeting import TAB_AGENDA
from sromod.ui.screens.people import PeopleScreen
from tests.services.helpers import make_body, plan
from tests.store.files import store_file
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sromod.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.create_demo_store(path, 1)
    return path


def test_opens_on_demo_store_and_shows_bodies_and_meetings(
    demo_path: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    store = open_store(demo_path)
    try:
        window = MainWindow(AppContext(store), temp_settings(tmp_path))
        qtbot.addWidget(window)
        window.show()
        listed = [
            window.bodies.body_list.item(r).text() for r in range(window.bodies.body_list.count())
        ]
        assert any(text.startswith("AG SRO – ") for text in listed)
        assert window.bodies.meetings_model.rowCount() > 5  # the chosen body's meetings
        assert "AG SRO" in window.bodies.body_title.text()
        assert set(window._pages) == {"bodies"}  # nothing else is loaded at start-up
        meeting_id = window.bodies.selected_meeting_id()
        assert meeting_id is not None
        window.open_meeting(meeting_id, TAB_AGENDA)
        assert window.meeting_screen.agenda.model.rowCount() > 3
        meeting = meetings.get_meeting(store, meeting_id)
        assert window.meeting_screen.title.text().startswith(
            f"{meeting.number}. Sitzung der {meeting.body_short_name}"
        )
    finally:
        store.close()


def test_navigation_pages_build_lazily_without_crashing(window: MainWindow) -> None:
    for row, key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is not None
    people = window.page("people")
    assert type(people).__name__ == "PeopleScreen"
    window.menu_actions.pages[0].trigger()  # Ctrl+1
    assert window.current_page_key() == "bodies"


def test_a_screen_that_cannot_be_imported_fails_loudly(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no "noch nicht verfügbar" placeholder hides a broken screen
    monkeypatch.setitem(sys.modules, "sromod.ui.screens.region_view", None)  # import fails
    with pytest.raises(ImportError):
        window.show_page("regions")


def test_navigate_to_meeting_and_agenda_item(window: MainWindow, store: Store) -> None:
    meeting_id = plan(store, make_body(store))
    window.bodies.reload_bodies()
    item = agenda.list_agenda(store, meeting_id)[2]
    window.context.navigate.emit("agenda_item", item.id)
    assert window.current_page_key() == "meeting"
    assert window.meeting_screen.tabs.currentIndex() == TAB_AGENDA
    assert window.meeting_screen.agenda.selected_id() == item.id
    assert window.nav.currentRow() == 0  # the meeting belongs to "Gremien & Sitzungen"
    assert window.bodies.selected_meeting_id() == meeting_id


def test_undo_redo_actions_carry_the_command_text(window: MainWindow, store: Store) -> None:
    meeting_id = plan(store, make_body(store))
    window.open_meeting(meeting_id, TAB_AGENDA)
    editor = window.meeting_screen.agenda
    editor.quick_title.setText("Kiezfonds")
    editor.quick_add()
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    assert undo.isEnabled() and "TOP „Kiezfonds“ hinzufügen" in undo.text()
    assert [s.toString() for s in undo.shortcuts()] == ["Ctrl+Z"]
    assert [s.toString() for s in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    undo.trigger()
    assert all(i.title != "Kiezfonds" for i in agenda.list_agenda(store, meeting_id))
    assert editor.model.rowCount() == 5
    redo.trigger()
    assert agenda.list_agenda(store, meeting_id)[-1].title == "Kiezfonds"


def test_meeting_menu_follows_state(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sromod.services.untreated import UntreatedTop
    from sromod.ui.dialogs.end_meeting import EndMeetingDialog

    asked: list[list[str]] = []

    def postpone(_parent: object, _question: str, tops: list[UntreatedTop]) -> AgendaItemState:
        asked.append([t.number for t in tops])
        return AgendaItemState.POSTPONED

    monkeypatch.setattr(EndMeetingDialog, "ask", postpone)
    meeting_id = plan(store, make_body(store))
    window.bodies.reload_bodies()
    window.bodies.select_meeting(meeting_id)
    actions = window.menu_actions
    assert actions.live.isEnabled() and not actions.end_meeting.isEnabled()
    assert actions.live.toolTip() == "Live-Moderation starten (F5)"
    meetings.start_meeting(store, meeting_id)
    window.context.notify({"meetings"})
    assert actions.end_meeting.isEnabled()
    actions.end_meeting.trigger()
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.HELD
    assert asked == [["1", "2", "3", "4", "5"]]  # none was reached: all are named
    assert {i.state for i in agenda.list_agenda(store, meeting_id)} == {AgendaItemState.POSTPONED}
    assert actions.release.isEnabled()
    actions.release.trigger()
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.RELEASED
    window.context.undo_stack.undo()
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.HELD


def test_overview_state_buttons_and_header_fields(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store))
    window.open_meeting(meeting_id)
    overview = window.meeting_screen.overview
    invite = overview.state_buttons[MeetingState.INVITED]
    assert invite.isVisible() and invite.text() == "Als eingeladen markieren"
    assert not overview.state_buttons[MeetingState.RELEASED].isVisible()
    qtbot.mouseClick(invite, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.INVITED
    assert window.meeting_screen.state_badge.text() == "eingeladen"
    overview.place.clear()
    qtbot.keyClicks(overview.place, "Stadtteilzentrum Adlershof")
    qtbot.keyClick(overview.place, Qt.Key.Key_Return)
    assert meetings.get_meeting(store, meeting_id).place == "Stadtteilzentrum Adlershof"
    assert window.context.undo_stack.undoText() == "Ort ändern"


def test_an_overlong_place_is_capped_while_typing_and_stored(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    """Past the store's 200 characters the place was refused and the field showed unsaved text."""
    errors: list[str] = []
    window.context.error.connect(errors.append)
    meeting_id = plan(store, make_body(store))
    window.open_meeting(meeting_id)
    overview = window.meeting_screen.overview
    overview.place.clear()
    qtbot.keyClicks(overview.place, "Raum1" * 45)
    qtbot.keyClick(overview.place, Qt.Key.Key_Return)
    assert errors == []
    stored = meetings.get_meeting(store, meeting_id).place
    assert stored is not None and len(stored) == 200 and stored == overview.place.text()


def test_exports_and_live_view_are_called_for_the_current_meeting(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = plan(store, make_body(store))
    window.open_meeting(meeting_id)
    calls: list[tuple[Any, ...]] = []

    def export(_parent: object, _context: object, mid: str, kind: str) -> None:
        calls.append(("export_meeting_document", mid, kind))

    def open_live(_context: object, mid: str, _parent: object) -> None:
        calls.append(("open_live_view", mid))

    monkeypatch.setattr("sromod.ui.exports_ui.export_meeting_document", export)
    monkeypatch.setattr("sromod.ui.screens.live.open_live_view", open_live)
    for kind, action in window.menu_actions.exports.items():
        if kind == "absage":  # only for a cancelled meeting
            assert not action.isEnabled()
            continue
        assert action.isEnabled()
        action.trigger()
        assert calls[-1] == ("export_meeting_document", meeting_id, kind)
    window.menu_actions.live.trigger()
    assert calls[-1] == ("open_live_view", meeting_id)


def test_errors_show_a_message_box_and_messages_the_status_bar(
    window: MainWindow,
    no_message_boxes: list[tuple[str, str]],  # noqa: F811
) -> None:
    window.context.error.emit("Der Titel des TOP darf nicht leer sein.")
    assert no_message_boxes == [("sromod", "Der Titel des TOP darf nicht leer sein.")]
    window.context.message.emit("Gespeichert.")
    assert window.statusBar().currentMessage() == "Gespeichert."


def test_crash_dialog_details_hold_no_message(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        errors.CrashDialog, "show_report", classmethod(lambda cls, p, d: shown.append(d))
    )
    hook = errors.ExceptionHook(window, sys.__excepthook__)
    try:
        raise ValueError("Erika Mustermann, Tel. 030 1234")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    (details,) = shown
    assert "builtins.ValueError" in details
    assert (
        "test_main_window.py" in details and "test_crash_dialog_details_hold_no_message" in details
    )
    assert "Erika" not in details and "1234" not in details
    assert window.isVisible()


def test_crash_dialog_copies_details(qtbot: QtBot) -> None:
    dialog = errors.CrashDialog("Fehlerart: builtins.KeyError")
    qtbot.addWidget(dialog)
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Fehlerart: builtins.KeyError"


def test_window_state_and_language_are_kept(store: Store, qtbot: QtBot, tmp_path: Path) -> None:
    settings = temp_settings(tmp_path)
    first = MainWindow(AppContext(store), settings)
    qtbot.addWidget(first)
    first.resize(700, 560)
    first.close()
    settings.set_language("en")
    again = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 560)
    assert again.settings.language() == "en"


def test_open_another_database(window: MainWindow, tmp_path: Path) -> None:
    from sromod.services.reference import load_reference_data

    other_path = tmp_path / "andere.db"
    other = open_store(other_path, initialise=load_reference_data)
    make_body(other)
    other.close()
    old_store = window.context.store
    assert window.store_switcher.switch_to(other_path)
    assert window.context.store is not old_store
    assert window.bodies.body_list.count() == 1
    assert window.windowTitle() == "sromod – andere.db"
    assert window.context.undo_stack.count() == 0
    window.context.store.close()  # the fixture closes its own store, the old one


def test_person_combo_finds_people_by_typed_name(qtbot: QtBot) -> None:
    from sromod.ui.widgets import PersonCombo

    combo = PersonCombo()
    qtbot.addWidget(combo)
    combo.set_choices([(f"id{n}", f"Person {n} (Jug)") for n in range(3000)], "id42")
    assert combo.current_id() == "id42" and combo.currentText() == "Person 42 (Jug)"
    combo.setEditText("Person 2999 (Jug)")
    assert combo.current_id() == "id2999"
    combo.set_current(None)
    assert combo.current_id() is None and combo.currentText() == "— niemand —"


def test_restore_a_backup_from_the_window(window: MainWindow, store: Store, tmp_path: Path) -> None:
    from sromod.store import check

    assert window.menu_actions.restore.isEnabled()
    body_id = make_body(store)
    backup = check.backup_store(store_file(store), tmp_path / "vorher.db")
    meeting_id = plan(store, body_id)
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id)
    assert window.store_switcher.restore_from(store_file(store), backup)
    restored = window.context.store
    try:
        assert restored is not store
        assert meetings.list_meetings(restored) == []  # the meeting planned after the backup
        assert window.current_page_key() == "bodies"
        assert window.bodies.body_list.count() == 1
        assert window.bodies.meetings_model.rowCount() == 0
        assert window.context.undo_stack.count() == 0
        assert window.statusBar().currentMessage() == "Sicherung wiederhergestellt."
    finally:
        restored.close()


def test_deleting_a_planned_meeting_goes_back_and_undo_brings_it(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store))
    window.bodies.reload_bodies()
    window.open_meeting(meeting_id)
    overview = window.meeting_screen.overview
    assert overview.delete_button.isVisible()
    qtbot.mouseClick(overview.delete_button, Qt.MouseButton.LeftButton)
    assert meetings.list_meetings(store) == []
    assert window.current_page_key() == "bodies"
    assert window.bodies.meetings_model.rowCount() == 0
    window.menu_actions.undo.trigger()
    assert [m.id for m in meetings.list_meetings(store)] == [meeting_id]
    assert len(agenda.list_agenda(store, meeting_id)) == 5
    assert window.bodies.meetings_model.rowCount() == 1


def test_list_models_pass_qt_model_tester(
    window: MainWindow, store: Store, qtmodeltester: Any
) -> None:
    from sromod.ui.widgets import ChoicesModel

    plan(store, make_body(store))
    window.bodies.reload_bodies()
    qtmodeltester.check(window.bodies.meetings_model)
    qtmodeltester.check(window.bodies.members.model)
    people = window.page("people")
    assert isinstance(people, PeopleScreen)
    qtmodeltester.check(people.people_model)
    qtmodeltester.check(people.offices_model)
    choices = ChoicesModel()
    choices.set_rows([(None, "— niemand —"), ("a", "Anna")])
    qtmodeltester.check(choices)


def test_prepare_a_meeting_across_screens_and_undo_everything(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date, time

    from sromod.models import AttendanceStatus
    from sromod.services import attendance
    from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
    from sromod.ui.screens.meeting import TAB_ATTENDANCE

    body_id = make_body(store, quorum=2)
    window.bodies.reload_bodies()
    monkeypatch.setattr(
        PlanMeetingDialog,
        "ask",
        lambda *_a: {"day": date(2026, 12, 9), "planned_start": time(10, 0), "place": None},
    )
    window.menu_actions.plan_meeting.trigger()  # Ctrl+N
    (meeting,) = meetings.list_meetings(store, body_id)
    assert window.current_page_key() == "meeting"
    screen = window.meeting_screen
    screen.tabs.setCurrentIndex(TAB_AGENDA)
    qtbot.keyClicks(screen.agenda.quick_title, "Kiezkasse 2027")
    qtbot.keyClick(screen.agenda.quick_title, Qt.Key.Key_Return)
    screen.tabs.setCurrentIndex(TAB_ATTENDANCE)
    for row in (0, 1):
        qtbot.mouseClick(
            screen.attendance.status_button(row, AttendanceStatus.PRESENT),
            Qt.MouseButton.LeftButton,
        )
    assert "beschlussfähig (nötig: 2)" in screen.attendance.quorum_label.text()
    window.nav.setCurrentRow(5)  # Personen & Ämter, then back: the history stays
    window.nav.setCurrentRow(0)
    stack = window.context.undo_stack
    assert stack.count() == 4
    for _ in range(3):
        window.menu_actions.undo.trigger()
    assert all(a.status is None for a in attendance.list_attendance(store, meeting.id))
    assert [i.title for i in agenda.list_agenda(store, meeting.id)][-1] == "Nächster Termin"
    window.menu_actions.undo.trigger()  # the planning itself
    assert meetings.list_meetings(store, body_id) == []
    assert window.bodies.meetings_model.rowCount() == 0
    for _ in range(4):
        window.menu_actions.redo.trigger()
    assert [i.title for i in agenda.list_agenda(store, meeting.id)][-1] == "Kiezkasse 2027"
    present = [a for a in attendance.list_attendance(store, meeting.id) if a.status]
    assert len(present) == 2


def test_ending_from_the_menu_keeps_the_result_typed_in_the_open_live_view(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The menu ended the meeting behind the live view's back; the unsaved result was lost."""
    from sromod.ui.screens import live
    from tests.ui.live_helpers import fake_clock

    meeting_id = plan(store, make_body(store))  # 25.11.2026, the fake clock's day
    clock, _mono = fake_clock()
    monkeypatch.setattr(live, "MeetingClock", lambda: clock)
    monkeypatch.setattr(live, "confirm", lambda *args: True)
    monkeypatch.setattr(
        "sromod.ui.dialogs.end_meeting.EndMeetingDialog.ask",
        lambda *args: AgendaItemState.NOT_TREATED,
    )
    window.open_meeting(meeting_id)
    window.start_live()
    view = window.live_view
    assert isinstance(view, live.LiveView)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.capture.result, "Die Tagesordnung wird festgestellt.")
    window.end_meeting()
    assert meetings.get_meeting(store, meeting_id).state == MeetingState.HELD
    view.close()
    first = agenda.list_agenda(store, meeting_id)[0]
    assert first.result == "Die Tagesordnung wird festgestellt."
    assert first.actual_end is not None  # the running TOP ended with the meeting


def test_a_refusal_in_the_active_live_view_shows_no_modal_box(
    window: MainWindow,
    store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    no_message_boxes: list[tuple[str, str]],  # noqa: F811
) -> None:
    """An empty task in the live view raised a modal box from the main window behind it."""
    from sromod.ui.screens import live
    from tests.ui.live_helpers import activate, fake_clock

    meeting_id = plan(store, make_body(store))
    clock, _mono = fake_clock()
    monkeypatch.setattr(live, "MeetingClock", lambda: clock)
    window.open_meeting(meeting_id)
    window.start_live()
    view = window.live_view
    assert isinstance(view, live.LiveView)
    qtbot.addWidget(view)
    activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.capture.task_form.what, Qt.Key.Key_Return)
    assert no_message_boxes == []
    form = view.capture.task_form  # the refusal stands under the field it is about
    assert form.messages.text(form.what) == "Die Aufgabe (Was) darf nicht leer sein."
    view.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.context.error.emit("Ein Fehler im Hauptfenster.")
    assert no_message_boxes == [("sromod", "Ein Fehler im Hauptfenster.")]


@pytest.mark.parametrize("answer", [False, True])
def test_restore_over_a_file_that_is_no_store_asks_and_keeps_it_aside(
    window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    from sromod.store.check import backup_store
    from sromod.ui import store_switch

    make_body(store)
    backup = backup_store(store_file(store), tmp_path / "vorher.db")
    db_path = store_file(store)
    asked: list[str] = []

    def ask(_parent: object, refusal: str) -> bool:
        asked.append(refusal)
        return answer

    monkeypatch.setattr(store_switch, "ask_replace_foreign", ask)
    store.engine.dispose()
    word = b"PK\x03\x04 ein Protokoll, wo die Datenbank war"
    db_path.write_bytes(word)  # an old sromod exported the minutes onto the store
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    restored = window.store_switcher.restore_from(db_path, backup)
    assert asked and "ist keine sromod-Datenbank" in asked[0]
    aside = sorted(db_path.parent.glob(db_path.name + ".beiseitegelegt-*"))
    if not answer:
        assert not restored and not aside and db_path.read_bytes() == word
        return
    try:
        assert restored
        assert [p.read_bytes() for p in aside] == [word]
        assert window.bodies.body_list.count() == 1
        assert window.statusBar().currentMessage() == "Sicherung wiederhergestellt."
    finally:
        window.context.store.close()
