"""Hilfe → Tastenkürzel (F1): every key of the window, read from its actions, never a list kept by hand.

The page walks the window's menus (as they read, with their current texts) and the actions and
buttons that carry a key outside the menus, so a new shortcut appears here the day it is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sromod.ui.fitting import FittedDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutHelp", text)


@dataclass(frozen=True)
class KeyEntry:
    group: str  # "Datei", "Sitzung › Exportieren", "Weitere Tasten"
    what: str  # the action as the menu reads, without mnemonic marks
    keys: str  # "Strg+Umschalt+Z oder Strg+Y", as the platform writes them


def plain(text: str) -> str:
    """A menu text as it reads: mnemonic marks gone, "&&" a single "&", no trailing "…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" …").strip()


def key_text(keys: list[QKeySequence]) -> str:
    native = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty()]
    return _tr(" oder ").join(native)


def key_entries(window: QWidget, others: str | None = None) -> list[KeyEntry]:
    """The window's keys: its menus first, in menu order, then the keys outside the menus
    (grouped under `others`): actions, buttons with a key of their own, named QShortcuts."""
    entries: list[KeyEntry] = []
    listed: set[int] = set()
    bar = window.findChild(QMenuBar)
    if bar is not None and bar.parentWidget() is window:
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                _menu_entries(menu, plain(action.text()), entries, listed)
    others = others or _tr("Weitere Tasten")
    for action in window.actions():
        if id(action) not in listed and action.shortcuts() and action.text():
            listed.add(id(action))
            entries.append(KeyEntry(others, plain(action.text()), key_text(action.shortcuts())))
    for button in window.findChildren(QAbstractButton):
        shortcut = button.shortcut()
        if shortcut.isEmpty() or shortcut == QKeySequence.mnemonic(button.text()):
            continue  # an underlined letter: Alt with it, said once below the table
        entries.append(KeyEntry(others, _what_it_does(button), key_text([shortcut])))
    for key in window.findChildren(QShortcut):
        if key.whatsThis():  # the ones that say what they do
            entries.append(KeyEntry(others, key.whatsThis(), key_text(key.keys())))
    for button in window.findChildren(QAbstractButton):
        if button.property(VIEW_KEY):
            keys = key_text([QKeySequence(button.property(VIEW_KEY))])
            entries.append(KeyEntry(button.property(VIEW_KEY_WHERE), _what_it_does(button), keys))
    return entries


def _what_it_does(button: QAbstractButton) -> str:
    """The longer words of its tooltip where the button has them (`with_shortcut`), else its name."""
    return button.accessibleDescription() or button.accessibleName() or plain(button.text())


VIEW_KEY, VIEW_KEY_WHERE = "viewKey", "viewKeyWhere"


def note_view_key(button: QAbstractButton, key: str, where: str) -> None:
    """A key a list handles itself (Strg+↑ moves a TOP in the agenda tree): said on the page,
    under `where`, beside what the button of the same action is named."""
    button.setProperty(VIEW_KEY, key)
    button.setProperty(VIEW_KEY_WHERE, where)


def _menu_entries(menu: QMenu, path: str, entries: list[KeyEntry], listed: set[int]) -> None:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _menu_entries(submenu, f"{path} › {plain(action.text())}", entries, listed)
        elif action.shortcuts() and not action.isSeparator():
            listed.add(id(action))
            entries.append(KeyEntry(path, plain(action.text()), key_text(action.shortcuts())))


def help_html(window: QWidget, others: str | None = None) -> str:
    """The page: one table per group, with a header row for screen readers."""
    parts = [f"<h1>{escape(_tr('Tastenkürzel'))}</h1>"]
    group = None
    for entry in key_entries(window, others):
        if entry.group != group:
            if group is not None:
                parts.append("</table>")
            group = entry.group
            parts.append(f"<h2>{escape(group)}</h2>")
            parts.append(
                '<table width="100%" cellpadding="4"><tr>'
                f"<th align='left' width='65%'>{escape(_tr('Funktion'))}</th>"
                f"<th align='left'>{escape(_tr('Taste'))}</th></tr>"
            )
        parts.append(f"<tr><td>{escape(entry.what)}</td><td><b>{escape(entry.keys)}</b></td></tr>")
    if group is not None:
        parts.append("</table>")
    parts.append(
        "<p>"
        + escape(
            _tr(
                "Alt mit dem unterstrichenen Buchstaben öffnet ein Menü oder wählt einen Reiter, "
                "ein Feld oder eine Schaltfläche. Tab und Umschalt+Tab gehen von Feld zu Feld, "
                "die Pfeiltasten innerhalb von Listen und Tabellen."
            )
        )
        + "</p>"
    )
    return "".join(parts)


class ShortcutHelpDialog(FittedDialog):
    """The keys of one window, readable by screen readers and scrollable by keyboard."""

    def __init__(self, window: QWidget, others: str | None = None) -> None:
        super().__init__(window)
        self.setWindowTitle(_tr("Tastenkürzel"))
        self.page = QTextBrowser()
        self.page.setAccessibleName(_tr("Tastenkürzel"))
        self.page.setHtml(help_html(window, others))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(640, 600)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def show_for(cls, window: QWidget, others: str | None = None, *_: object) -> None:
        dialog = cls(window, others)
        dialog.exec()
        dialog.deleteLater()


def help_action(window: QWidget, others: str | None = None) -> QAction:
    """F1 in a window: its keys (`others`: the heading of the keys outside its menus)."""
    action = QAction(_tr("&Tastenkürzel"), window)
    action.setShortcut(QKeySequence("F1"))  # as in the main window's Hilfe menu
    action.triggered.connect(partial(ShortcutHelpDialog.show_for, window, others))
    window.addAction(action)
    return action
