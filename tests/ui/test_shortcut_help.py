"""F1 / Hilfe → Tastenkürzel: a page read from the window's own actions, in German and English."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.shortcut_help import ShortcutHelpDialog, help_html, key_text, plain
from sromod.ui.main_window import MainWindow
from tests.ui.live_helpers import activate, meeting_with_review, open_live
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of each help page opened (instead of a modal dialog)."""
    pages: list[str] = []

    def exec_(dialog: ShortcutHelpDialog) -> int:
        pages.append(dialog.page.toPlainText())
        return 0

    monkeypatch.setattr(ShortcutHelpDialog, "exec", exec_)
    return pages


def row(name: str, keys: list[QKeySequence]) -> str:
    return f"<tr><td>{escape(plain(name))}</td><td><b>{escape(key_text(keys))}</b></td></tr>"


def test_f1_lists_every_shortcut_of_the_main_window(
    language: str, store: Store, qtbot: QtBot, tmp_path: Path, shown: list[str]
) -> None:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(shown) == 1
    assert window.menu_actions.plan_meeting.text().replace("&", "").rstrip("…") in shown[0]
    page = help_html(window)
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts() and a.text()]
    assert len(with_keys) >= 15
    missing = [a.text() for a in with_keys if row(a.text(), a.shortcuts()) not in page]
    assert missing == []
    words = {
        "de": ("Tastenkürzel", "Rückgängig", "Strg+"),
        "en": ("Keyboard shortcuts", "Undo", "Ctrl+"),
    }
    for word in words[language]:
        assert word in page
    # the menus show the same keys beside their entries: F1 stands in the Hilfe menu
    menus = [a.menu() for a in window.menuBar().actions()]
    help_menu = [m for m in menus if isinstance(m, QMenu)][-1]
    assert window.menu_actions.key_help in help_menu.actions()
    assert window.menu_actions.key_help.shortcut() == QKeySequence("F1")


def test_a_new_action_shows_on_the_page_without_touching_it(
    store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu())
    assert isinstance(menu, QMenu)
    added = QAction("Probe&lauf", window)
    added.setShortcut(QKeySequence("Ctrl+Alt+P"))
    menu.addAction(added)
    assert row("Probe&lauf", added.shortcuts()) in help_html(window)


def test_buttons_with_keys_of_their_own_are_listed(
    store: Store, qtbot: QtBot, tmp_path: Path, shown: list[str]
) -> None:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.show_key_help()  # builds every page: the meeting's back button has Alt+←
    back = row("Zurück zur Übersicht der Gremien", [QKeySequence("Alt+Left")])
    assert back in help_html(window)
    page = help_html(window)  # the keys the agenda tree handles itself, under their own heading
    assert "<h2>Tagesordnung (in der Liste)</h2>" in page
    for name, key in (("TOP nach oben", "Ctrl+Up"), ("Gewählten TOP löschen", "Del")):
        assert row(name, [QKeySequence(key)]) in page
    assert "Zurück zur Übersicht der Gremien" in shown[0]


def test_f1_in_the_live_view_lists_its_keys(
    language: str, store: Store, qtbot: QtBot, shown: list[str]
) -> None:
    view, _ = open_live(qtbot, store, meeting_with_review(store).meeting_id)
    qtbot.keyClick(view, Qt.Key.Key_F1)
    assert len(shown) == 1
    page = help_html(view)
    with_keys = [a for a in view.actions() if a.shortcuts()]
    assert len(with_keys) >= 11
    assert [a.text() for a in with_keys if row(a.text(), a.shortcuts()) not in page] == []
    heading = {"de": "Live-Moderation", "en": "Live moderation"}[language]
    assert heading in shown[0]
    # the Wiedervorlage's status keys and "einstimmig", named though they are no actions
    assert key_text([QKeySequence("Alt+3")]) in page
    assert key_text([QKeySequence("Ctrl+Shift+A")]) in page
    view.close()
