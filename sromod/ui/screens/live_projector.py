"""The live view's hold on the projector: F7 shows it, F8 decides whether the room sees the clock.

Both are checkable actions in the menu of the "Projektor" button, whose text says what the room
sees ("Projektor: mit Uhr"). Whether the clock is shown is window state, kept in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from sromod.ui.clock import MeetingClock
from sromod.ui.live_feed import LiveFeed
from sromod.ui.settings import UiSettings

if TYPE_CHECKING:
    from sromod.ui.screens.projector import ProjectorWindow


class ProjectorControl(QObject):
    """The projector window of one live view, and the two switches for it.

    The projector shows what the live view's feed reads (one read for both), on the view's
    clock; `say` puts a sentence into the view's message line.
    """

    def __init__(
        self,
        view: QWidget,
        settings: UiSettings,
        feed: LiveFeed,
        clock: MeetingClock,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self.view = view
        self.settings = settings
        self.feed = feed
        self.clock = clock
        self.say = say
        self.window: ProjectorWindow | None = None
        self.button: QPushButton | None = None
        self.show_action = QAction(self.tr("Projektor zeigen"), view)
        self.show_action.setCheckable(True)
        self.show_action.setShortcut(QKeySequence("F7"))
        self.show_action.triggered.connect(self.toggle)
        self.clock_action = QAction(self.tr("Uhr und Zeitrahmen auf dem Projektor zeigen"), view)
        self.clock_action.setCheckable(True)
        self.clock_action.setChecked(settings.projector_clock())
        self.clock_action.setShortcut(QKeySequence("F8"))
        self.clock_action.toggled.connect(self.set_clock)
        view.addActions([self.show_action, self.clock_action])
        self.menu = QMenu(view)
        self.menu.addActions([self.show_action, self.clock_action])

    def attach(self, button: QPushButton) -> None:
        """The button opens the menu and says what the room sees."""
        self.button = button
        button.setMenu(self.menu)
        button.setToolTip(self.tr("Projektor zeigen oder ausblenden (F7), Uhr darauf (F8)"))
        self.sync()

    @property
    def shows_clock(self) -> bool:
        return self.clock_action.isChecked()

    def toggle(self) -> None:
        from sromod.ui.screens.projector import ProjectorWindow, show_on_projector

        if self.window is not None and self.window.isVisible():
            self.window.close()
        else:
            if self.window is None:
                self.window = ProjectorWindow(
                    self.feed, clock=self.clock, show_clock=self.shows_clock
                )
                self.window.installEventFilter(self)
            show_on_projector(self.window)
            self.view.activateWindow()  # keep the keyboard with the moderator
        self.sync()

    def set_clock(self, shown: bool) -> None:
        self.settings.set_projector_clock(shown)
        if self.window is not None:
            self.window.set_clock_visible(shown)
        self.sync()
        self.say(
            self.tr("Der Projektor zeigt die Uhr.")
            if shown
            else self.tr("Der Projektor zeigt keine Uhr und keinen Zeitrahmen.")
        )

    def state_text(self) -> str:
        if self.window is None or not self.window.isVisible():
            return self.tr("Projektor: aus")
        return self.tr("Projektor: mit Uhr") if self.shows_clock else self.tr("Projektor: ohne Uhr")

    def sync(self) -> None:
        """Menu check marks and the button's text follow the window (also when Esc closed it)."""
        shown = self.window is not None and self.window.isVisible()
        self.show_action.setChecked(shown)
        if self.button is not None:
            self.button.setText(self.state_text())
            self.button.setAccessibleName(self.state_text())

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.sync()
        return super().eventFilter(watched, event)
