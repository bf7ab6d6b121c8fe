"""A walk over every screen of the main window and every dialog, each opened through its action
(modal dialogs with `exec` replaced), calling a visitor on each shown window.

Used by the accessibility audit (in the test process) and by the zoom probe (in a subprocess
with QT_SCALE_FACTOR set), so both see the same screens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from sromod.models import MeetingState
from sromod.services import decisions, meetings
from sromod.store import Store
from sromod.ui.main_window import PAGE_KEYS, MainWindow

Visit = Callable[[QWidget, str], None]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@contextmanager
def dialogs_visited(visit: Visit) -> Iterator[list[str]]:
    """Every QDialog.exec shows the dialog, visits it and answers Cancel."""
    seen: list[str] = []
    original = QDialog.exec

    def shown(dialog: QDialog) -> int:
        dialog.show()
        settle()
        where = f"Dialog {type(dialog).__name__} „{dialog.windowTitle()}“"
        seen.append(type(dialog).__name__)
        visit(dialog, where)
        dialog.hide()
        return int(QDialog.DialogCode.Rejected.value)

    QDialog.exec = shown  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        QDialog.exec = original  # type: ignore[method-assign]


def meeting_in_state(store: Store, body_id: str | None, state: MeetingState) -> str:
    """A demo meeting in state (of body when it has one), the latest first."""
    found = [m for m in meetings.list_meetings(store, body_id) if m.state == state]
    if not found and body_id is not None:
        return meeting_in_state(store, None, state)
    return found[0].id


def visit_tabs(tabs: QTabWidget, visit: Visit, where: str, window: QWidget) -> None:
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        visit(window, f"{where} › {tabs.tabText(index).replace('&', '')}")


def walk_screens(window: MainWindow, visit: Visit) -> None:
    """Every page of the navigation (with its tabs) and an open meeting in each kind of state."""
    for key in PAGE_KEYS:
        window.show_page(key)
        settle()
        visit(window, f"Seite {key}")
        if key == "bodies":
            visit_tabs(window.bodies.tabs, visit, "Seite bodies", window)
    store = window.context.store
    for state in (MeetingState.RELEASED, MeetingState.PLANNED, MeetingState.RUNNING):
        window.open_meeting(meeting_in_state(store, None, state))
        settle()
        visit_tabs(window.meeting_screen.tabs, visit, f"Sitzung ({state.value})", window)


def walk_live(window: MainWindow, visit: Visit) -> None:
    """The live view of the running meeting, its capture forms and its projector."""
    window.open_meeting(meeting_in_state(window.context.store, None, MeetingState.RUNNING))
    window.start_live()
    settle()
    view: Any = window.live_view
    assert view is not None
    visit(view, "Live-Ansicht")
    view.capture.open_decision()
    settle()
    visit(view, "Live-Ansicht › Beschluss")
    view.capture.close_forms()
    view.capture.open_task()
    settle()
    visit(view, "Live-Ansicht › Aufgabe")
    view.capture.close_forms()
    view.toggle_projector()
    settle()
    projector = view.projector
    if projector is not None:
        visit(projector, "Projektor")
        projector.close()
    view.close()


def walk_dialogs(window: MainWindow, visit: Visit, tmp: Path) -> list[str]:
    """Every dialog of the window through the action or button that opens it."""
    from sromod.ui.dialogs.about import AboutDialog
    from sromod.ui.dialogs.import_preview import ImportPreviewDialog
    from sromod.ui.dialogs.vote_override import VoteOverrideDialog
    from sromod.ui.errors import CrashDialog

    store = window.context.store
    with dialogs_visited(visit) as seen:
        window.show_page("bodies")
        bodies = window.bodies
        bodies.new_body()
        bodies.edit_body()
        bodies.members.add_member()
        bodies.standing.add_item()
        window.plan_meeting()
        running = meeting_in_state(store, None, MeetingState.RUNNING)
        window.open_meeting(running)
        screen = window.meeting_screen
        screen.agenda.add_item()
        screen.attendance.add_guest()
        _represent(screen.attendance)
        window.end_meeting()
        people: Any = window.show_page("people")
        people.new_person()
        people.new_office()
        window.menu_actions.retention.trigger()
        AboutDialog.show_for(window, store.path)
        VoteOverrideDialog.ask(window, decisions.VoteCheck(cast=12, voters=9))
        ImportPreviewDialog.ask(window, _import_preview(store, tmp))
        window.show_key_help()  # Hilfe → Tastenkürzel (F1)
        CrashDialog.show_report(window, "Traceback (most recent call last):\n  sromod/ui/app.py")
    return seen


def _represent(attendance: Any) -> None:
    from sromod.models import AttendanceStatus

    for row in range(attendance.model.rowCount()):
        line = attendance.model.row_at(row)
        if line is not None and line.person_id is not None:
            attendance.set_status(row, AttendanceStatus.REPRESENTED)
            return


def _import_preview(store: Store, tmp: Path) -> Any:
    """The preview of reading back a task list the window wrote, one status changed."""
    from openpyxl import load_workbook

    from sromod.exports import api
    from sromod.exports.tasks_xlsx_import import preview_task_list
    from sromod.services.task_query import TaskFilter, office_id_for

    path = tmp / "Aufgaben Rücklauf.xlsx"
    api.export_tasks(store, path, TaskFilter(office_id=office_id_for(store, "Jug")))
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for cell in sheet[3]:
        if cell.value in ("offen", "in Bearbeitung"):
            cell.value = "erledigt"
            break
    book.save(path)
    return preview_task_list(store, path)
