"""The English window speaks English: every screen and the main dialogs, walked on a demo store.

Every visible text (labels, buttons, tabs, headers and cells of tables, tooltips, the status bar)
is checked against the German catalogue; names and user text from the store may be German.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from sromod.exports.tasks_xlsx_import import preview_task_list
from sromod.models import (
    AgendaItem,
    Decision,
    Meeting,
    MeetingState,
    Office,
    Region,
    Task,
    TaskStatus,
)
from sromod.services import demo, search
from sromod.services.task_import import ImportPreview
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.import_preview import ImportPreviewDialog
from sromod.ui.i18n import install_translations
from sromod.ui.main_window import PAGE_KEYS, MainWindow
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401
from tests.ui.visible_text import german_in, store_texts, visible_texts
from tests.ui.walk_helpers import walk_dialogs, walk_live

pytestmark = pytest.mark.usefixtures("no_message_boxes")
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk") / "demo.db"
    demo.create_demo_store(path, 1, today=TODAY)
    return path


@pytest.fixture
def demo_store(demo_path: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "demo.db"
    copy.write_bytes(demo_path.read_bytes())
    store = open_store(copy)
    yield store
    store.close()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translations(qapp, "en")
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


class Walk:
    """Collects what the user sees, screen after screen."""

    def __init__(self, store: Store) -> None:
        self.allowed = store_texts(store)
        self.found: dict[str, list[str]] = {}

    def look(self, where: str, widget: QWidget) -> None:
        hits = german_in(visible_texts(widget), self.allowed)
        if hits:
            self.found[where] = hits

    def look_at_tabs(self, where: str, root: QWidget) -> None:
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisibleTo(root):
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                page = tabs.widget(index)
                assert page is not None
                select_first_rows(page)
                self.look(f"{where} / {tabs.tabText(index)}", root)


def select_first_rows(root: QWidget) -> None:
    """Choose the first row of every shown table and list, so that detail panes fill."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        chosen = view.selectionModel()
        if not view.isVisibleTo(root) or model is None or chosen is None:
            continue
        if model.rowCount() > 0 and not chosen.hasSelection():
            view.setCurrentIndex(model.index(0, 0))


def _one(store: Store, query: object) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(query).scalar_one())  # type: ignore[call-overload]


def walk_window(store: Store, window: MainWindow, walk: Walk) -> None:
    window.resize(1366, 768)
    for key in PAGE_KEYS:
        page = window.show_page(key)
        select_first_rows(page)
        walk.look(f"page {key}", window)
        walk.look_at_tabs(f"page {key}", page)
    held = _one(store, select(Meeting.id).where(Meeting.state == MeetingState.RELEASED).limit(1))
    window.open_meeting(held)
    walk.look_at_tabs("meeting", window.meeting_screen)
    with_origin = _one(
        store,
        select(Task.id)
        .where(Task.origin_agenda_item_id.is_not(None))
        .order_by(Task.register_number)
        .limit(1),
    )
    window.navigate("task", with_origin)
    walk.look("task register, a task from a meeting", window)
    walk.look("decisions, chosen", window.show_page("decisions"))
    window.navigate("office", _one(store, select(Office.id).order_by(Office.code).limit(1)))
    walk.look("office view, an office", window)
    region = select(Region.id).where(Region.parent_id.is_not(None)).limit(1)
    window.navigate("region", _one(store, region))
    walk.look("region view, a region", window)
    window.search_field.setText("Jugend")
    window.search()
    assert window._search_popup is not None
    walk.look("search popup", window._search_popup)
    window.statusBar().showMessage(window.tr("Bereit."))


def test_english_window_shows_no_german_outside_names_and_user_text(
    english: list[QTranslator], demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    assert QCoreApplication.translate("MainWindow", "Bereit.") == "Ready."
    assert _one(demo_store, select(func.count(Decision.id))) != "0"
    assert _one(demo_store, select(func.count(AgendaItem.id))) != "0"
    window = MainWindow(AppContext(demo_store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    walk = Walk(demo_store)
    walk_window(demo_store, window, walk)
    report = "\n".join(f"{where}: {hit}" for where, hits in walk.found.items() for hit in hits)
    assert walk.found == {}, "German in the English window:\n" + report
    assert search  # the popup's module is the service's client


@pytest.mark.parametrize(
    ("language", "origin", "review"),
    [
        ("en", "AG SRO, meeting 1, 23.09.2026 – Item 6 Übergabe", "Meeting: AG SRO, meeting 1, "),
        ("de", "AG SRO, 1. Sitzung, 23.09.2026 – TOP 6 Übergabe", "Sitzung: AG SRO, 1. Sitzung, "),
    ],
)
def test_task_detail_words_the_meeting_reference_in_the_window_language(
    language: str, origin: str, review: str, store: Store, qtbot: QtBot, qapp: QApplication
) -> None:
    """The pane split the service's German "Sitzung: AG SRO, 12. Sitzung, …" back apart."""
    from sromod.models import TaskEventSource, TaskStatus
    from sromod.services import tasks
    from sromod.ui.screens.task_register import TaskRegisterScreen
    from tests.services.register_data import build_register

    installed = install_translations(qapp, language)
    try:
        reg = build_register(store)
        task_id = tasks.add_task(store, "Übergabe planen", office_id=reg.offices["Jug"],
                                 agenda_item_id=reg.item_id).id  # fmt: skip
        tasks.set_task_status(store, task_id, TaskStatus.DONE, source=TaskEventSource.MEETING,
                              meeting_id=reg.meeting_id)  # fmt: skip
        screen = TaskRegisterScreen(AppContext(store))
        qtbot.addWidget(screen)
        screen.show_item(task_id)
        shown = screen.detail.fields["origin"].text()
        assert f">{origin}" in shown, shown
        item = screen.detail.history.item(0, 1)
        newest = item.text() if item is not None else ""
        assert review + "23.09.2026" in newest, newest
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)


def test_english_live_view_projector_and_dialogs_show_no_german(
    english: list[QTranslator], demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    """The live view with its capture forms, the projector, and every dialog through its action
    (the import preview with a change read back), as the audit walks them."""
    window = MainWindow(AppContext(demo_store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    walk = Walk(demo_store)
    visited: list[str] = []

    def visit(shown: QWidget, where: str) -> None:
        visited.append(where)
        walk.look(where, shown)

    walk_live(window, visit)
    walk_dialogs(window, visit, tmp_path)
    assert {"Live-Ansicht", "Live-Ansicht › Beschluss", "Projektor"} <= set(visited), visited
    assert any("ImportPreviewDialog" in where for where in visited), visited
    preview = ImportPreviewDialog(_bad_list_preview(demo_store, tmp_path))
    qtbot.addWidget(preview)
    preview.show()
    assert preview.problem_list.count() == 2 and preview.changes.rowCount() == 1
    assert preview.ignored_list.count() == 1
    walk.look("import preview of a list with problems", preview)
    report = "\n".join(f"{where}: {hit}" for where, hits in walk.found.items() for hit in hits)
    assert walk.found == {}, "German in the English window:\n" + report


def _bad_list_preview(store: Store, tmp: Path) -> ImportPreview:
    """A task list read back with a change, an unknown status, a formula, an edited title and
    a sheet of the lead's own notes."""
    from openpyxl import load_workbook

    from sromod.exports import api
    from sromod.exports.tasks_xlsx_layout import HEADER_ROW
    from sromod.services.task_query import TaskFilter

    path = tmp / "Aufgaben zurück.xlsx"
    api.export_tasks(store, path, TaskFilter(statuses=(TaskStatus.OPEN,)))
    book = load_workbook(path)
    sheet = book.worksheets[0]
    columns = {str(c.value): c.column for c in sheet[HEADER_ROW]}
    first = HEADER_ROW + 1
    sheet.cell(first, columns["Status"]).value = "erledigt"
    sheet.cell(first, columns["Aufgabe"]).value = "anders formuliert"
    sheet.cell(first + 1, columns["Status"]).value = "fertig"
    sheet.cell(first + 2, columns["Fällig am"]).value = "=TODAY()+7"
    book.create_sheet("Meine Notizen").append(["Rückruf"])
    book.save(path)
    return preview_task_list(store, path)
