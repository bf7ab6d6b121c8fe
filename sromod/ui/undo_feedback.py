"""Undo and redo that say what they did, and lead to the place they changed.

Ctrl+Z works across all screens: on the Gremien page it may revert task statuses set in the task
register. The status bar then names the step ("Rückgängig gemacht: Status von 3 Aufgaben …")
and, when the step was taken elsewhere, offers "Anzeigen" to go there.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QPushButton

from sromod.ui.announce import announce
from sromod.ui.context import Place
from sromod.ui.window_base import WindowBase

MESSAGE_MS = 15_000


class UndoFeedback(QObject):
    """Status-bar message and "Anzeigen" button after each undo and redo of the window's stack."""

    def __init__(self, window: WindowBase) -> None:
        super().__init__(window)
        self.window = window
        self.place: Place | None = None
        self._shown = ""
        self.show_button = QPushButton(self.tr("Anzeigen"))
        self.show_button.setToolTip(self.tr("Dorthin gehen, wo der Schritt gemacht wurde"))
        self.show_button.setAccessibleName(
            self.tr("Ort des rückgängig gemachten Schritts anzeigen")
        )
        self.show_button.clicked.connect(self.go_there)
        self.show_button.hide()
        window.statusBar().addPermanentWidget(self.show_button)
        window.statusBar().messageChanged.connect(self._message_changed)
        # the context outlives this window; a bound method of a QObject disconnects with it
        window.context.replayed.connect(self.report)

    def report(self, undone: bool, text: str, place: Any) -> None:
        if not shiboken6.isValid(self.show_button):
            return
        done = self.tr("Rückgängig gemacht: %1") if undone else self.tr("Wiederholt: %1")
        self._shown = done.replace("%1", text)
        self.window.statusBar().showMessage(self._shown, MESSAGE_MS)
        # from the window in front: Ctrl+Z in the live view is said there too
        announce(QApplication.activeWindow() or self.window.statusBar(), self._shown)
        here = self.window.context.place()
        self.place = place if place is not None and place != here else None
        self.show_button.setVisible(self.place is not None)

    def go_there(self) -> None:
        place, self.place = self.place, None
        self.show_button.hide()
        if place is not None:
            self.window.context.navigate.emit(*place)

    def _message_changed(self, text: str) -> None:
        if text != self._shown:  # timed out or replaced: the offer goes with the message
            self.place = None
            self.show_button.hide()
