"""What the main window's parts may ask of it: the menus, the store switch and the undo feedback.

`main_window.MainWindow` builds these parts and implements this class. The parts know only this
class, never the window's module, so that every import arrow points from the window down to its
parts (the layer contract in pyproject.toml keeps it so). A new window method that a menu calls
is declared here too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow, QWidget

from sromod.ui.context import AppContext
from sromod.ui.settings import UiSettings


class WindowBase(QMainWindow):
    """The main window as its parts see it."""

    context: AppContext
    settings: UiSettings
    nav: QListWidget  # the navigation list; the Ansicht menu has an entry per row

    def show_page(self, key: str) -> QWidget:
        raise NotImplementedError

    def go_to_page(self, row: int) -> None:
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        raise NotImplementedError

    def refresh_icons(self) -> None:
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        raise NotImplementedError

    def update_title(self) -> None:
        raise NotImplementedError

    def focus_search(self) -> None:
        raise NotImplementedError

    def plan_meeting(self) -> None:
        raise NotImplementedError

    def start_live(self) -> None:
        raise NotImplementedError

    def end_meeting(self) -> None:
        raise NotImplementedError

    def release_minutes(self) -> None:
        raise NotImplementedError

    def export(self, kind: str) -> None:
        raise NotImplementedError

    def show_about(self) -> None:
        raise NotImplementedError

    def show_key_help(self) -> None:
        raise NotImplementedError
