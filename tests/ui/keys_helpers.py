"""Which keys reach what in one window: mnemonics (Alt+letter) and shortcuts, as Qt would match them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabBar, QWidget

# Shortcuts that act only inside their own widget (a form's Return, a table's keys) are no clash.
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)

Keys = dict[str, dict[int, str]]  # key → {id of what it reaches: how a person would name it}


def mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return None if key.isEmpty() else key.toString(QKeySequence.SequenceFormat.PortableText)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget is window or widget.isVisibleTo(window)


def _add(found: Keys, key: str | None, target: QObject | int, name: str) -> None:
    if key:
        found[key].setdefault(target if isinstance(target, int) else id(target), name)


def window_keys(window: QWidget) -> Keys:
    """Every key of the window as it stands (what is hidden takes no key)."""
    found: Keys = defaultdict(dict)
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            _add(found, mnemonic(action.text()), action, f"Menü {action.text()}")
    for widget in [window, *window.findChildren(QWidget)]:
        if _shown(widget, window):
            _widget_keys(found, widget)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if (
            shortcut.isEnabled()
            and shortcut.context() in WINDOW_WIDE
            and isinstance(parent, QWidget)
            and _shown(parent, window)
        ):
            for key in shortcut.keys():  # noqa: SIM118 (keys() are its key sequences)
                _add(found, key.toString(), shortcut, f"Tastenkürzel an {parent.accessibleName()}")
    for action in window.findChildren(QAction):
        if action.shortcutContext() in WINDOW_WIDE and _action_reachable(action, window):
            for key in action.shortcuts():
                _add(found, key.toString(), action, f"Aktion {action.text()}")
    return found


def _action_reachable(action: QAction, window: QWidget) -> bool:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            continue  # a menu entry's key works through the window the action is added to
        inside = isinstance(owner, QWidget) and (owner is window or window.isAncestorOf(owner))
        if inside and _shown(owner, window):  # type: ignore[arg-type]
            return True
    return False


def _widget_keys(found: Keys, widget: QWidget) -> None:
    if isinstance(widget, QAbstractButton):
        if not widget.shortcut().isEmpty():
            _add(found, widget.shortcut().toString(), widget, f"Knopf {widget.text()}")
    elif isinstance(widget, QLabel) and widget.buddy() is not None:
        _add(found, mnemonic(widget.text()), widget.buddy(), f"Feld {widget.text()}")
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                text = widget.tabText(index)
                _add(found, mnemonic(text), hash((id(widget), index)), f"Reiter {text}")
    elif isinstance(widget, QGroupBox):
        _add(found, mnemonic(widget.title()), widget, f"Gruppe {widget.title()}")


def menu_keys(menu: QMenu) -> Keys:
    """The mnemonics inside one open menu."""
    found: Keys = defaultdict(dict)
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            _add(found, mnemonic(action.text()), action, f"Eintrag {action.text()}")
    return found


def clashes(found: Keys) -> dict[str, list[str]]:
    return {key: sorted(names.values()) for key, names in found.items() if key and len(names) > 1}


def menus_of(window: QWidget) -> Iterable[QMenu]:
    return (m for m in window.findChildren(QMenu) if m.actions())
