"""A product, not a developer tool: menus without mnemonic artefacts, header texts that fit
their columns at 1366×768 and 1280×800, and the glossary's terms in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QTableView
from pytestqt.qtbot import QtBot

from sromod.models import AttendanceStatus, MemberRole
from sromod.services import attendance, bodies, directory
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.labels import top_caption
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.meeting import TAB_ATTENDANCE, TAB_OVERVIEW, TAB_RECORDS
from sromod.ui.screens.people import PeopleScreen
from sromod.ui.widgets import header_text_fits
from tests.services.helpers import make_body, plan
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")
GLOSSARY = Path(__file__).parents[2] / "docs" / "glossary.md"


def make_window(store: Store, qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    return window


def visible_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    """(shown text, raw text) of every entry, submenus included, as Qt draws them."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        raw = action.text()
        # "&&" draws one "&"; a single "&" marks the next letter and is not drawn
        shown = re.sub(r"&(.)", r"\1", raw.replace("&&", "\0")).replace("\0", "&")
        yield shown, raw
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from visible_texts(submenu)


def test_menus_show_no_mnemonic_artefacts(
    language: str, store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(store, qtbot, tmp_path, (1366, 768))
    entries = [
        entry
        for action in window.menuBar().actions()
        if isinstance(action, QAction) and isinstance(menu := action.menu(), QMenu)
        for entry in visible_texts(menu)
    ]
    assert len(entries) > 15
    for shown, raw in entries:
        # a single "&" before a space or at the end would be drawn as "_" (Gremien _Sitzungen)
        assert not re.search(r"(?<!&)&(?:\s|$)", raw.replace("&&", "")), raw
        assert "_" not in shown, raw
    shown_texts = {shown for shown, _ in entries}
    pages = "Gremien & Sitzungen" if language == "de" else "Bodies & meetings"
    assert pages in shown_texts


def _meeting_with_people(store: Store) -> str:
    body_id = make_body(store, members=4, quorum=3)
    chair = directory.create_person(
        store, "Prof. Dr. Wilhelmine von Hohenzollern-Sigmaringen", contact_consent=True
    )
    bodies.add_member(store, body_id, chair, MemberRole.CHAIR)
    meeting_id = plan(store, body_id)
    attendance.add_guest(store, meeting_id, "Kim Gast", "Quartiersmanagement Allende-Viertel")
    attendance.set_attendance(store, meeting_id, chair, AttendanceStatus.PRESENT)
    return meeting_id


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)], ids=["1366x768", "1280x800"])
def test_header_texts_fit_their_columns(
    language: str, size: tuple[int, int], store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(store, qtbot, tmp_path, size)
    meeting_id = _meeting_with_people(store)
    window.bodies.reload_bodies()
    checked: list[QTableView] = [window.bodies.meetings_view]
    window.open_meeting(meeting_id, TAB_ATTENDANCE)
    checked.append(window.meeting_screen.attendance.table)
    window.meeting_screen.tabs.setCurrentIndex(TAB_RECORDS)
    checked += [
        window.meeting_screen.records.decision_view,
        window.meeting_screen.records.task_view,
    ]
    window.meeting_screen.tabs.setCurrentIndex(TAB_OVERVIEW)
    people = window.show_page("people")
    assert isinstance(people, PeopleScreen)
    checked.append(people.people_view)
    window.show_page("bodies")
    window.bodies.tabs.setCurrentWidget(window.bodies.members)
    checked.append(window.bodies.members.view)
    for view in checked:
        view.window().activateWindow()
        QApplication.processEvents()
        header = view.horizontalHeader()
        cut = [
            str(header.model().headerData(c, header.orientation()))
            for c in range(header.count())
            if not header_text_fits(header, c)
        ]
        assert cut == [], (view.accessibleName(), size, language)
    # and the members table still needs no horizontal scrolling at 1280 px
    members = window.bodies.members.view
    assert members.model().rowCount() > 0
    assert members.horizontalScrollBar().maximum() == 0, language


def test_english_says_item_where_german_says_top(language: str) -> None:
    expected = "TOP 3.1 Bedarfsanalyse" if language == "de" else "Item 3.1 Bedarfsanalyse"
    assert top_caption("3.1", "Bedarfsanalyse") == expected


def test_glossary_names_the_terms_in_both_languages() -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    for german, english in (
        ("TOP", "item"),
        ("Live-Moderation", "live view"),
        ("Sitzung beginnen", "start meeting"),
        ("Status", "status"),
        ("Freigabe zurücknehmen", "withdraw release"),
        ("Gremien & Sitzungen", "Bodies & meetings"),
    ):
        assert re.search(rf"\| {re.escape(german)}\b[^|\n]*\| {re.escape(english)}", text), german
