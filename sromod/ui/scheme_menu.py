"""Ansicht → Farben: follow the system, light, or high contrast; stored in the settings."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from sromod.ui import theme

if TYPE_CHECKING:
    from sromod.ui.window_base import WindowBase


class SchemeMenu(QObject):
    """The Farben submenu of a main window; applies a choice at once and stores it."""

    def __init__(self, window: WindowBase, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.submenu = menu.addMenu(self.tr("&Farben"))
        labels = {
            "system": self.tr("Wie das &System"),
            "light": self.tr("&Hell"),
            "contrast": self.tr("Hoher &Kontrast (dunkel)"),
        }
        self.actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        chosen = window.settings.colour_scheme()
        for choice in theme.CHOICES:
            action = QAction(labels[choice], window)
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            action.triggered.connect(partial(self.choose, choice))
            group.addAction(action)
            self.submenu.addAction(action)
            self.actions[choice] = action
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5 and later
            hints.colorSchemeChanged.connect(self.system_changed)

    def choose(self, choice: str, *_: Any) -> None:
        self.window.settings.set_colour_scheme(choice)
        self.apply(theme.resolve(choice))

    def system_changed(self, *_: Any) -> None:
        if self.window.settings.colour_scheme() == "system":
            self.apply(theme.system_scheme())

    def apply(self, scheme: str) -> None:
        """The palette, the themed stylesheets and the icons drawn in the text colour."""
        if scheme == theme.current():
            return
        theme.apply_scheme(scheme)
        self.window.refresh_icons()
