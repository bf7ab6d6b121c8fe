"""The projector window: the agenda with the running TOP and its remaining time, for the room.

It shows no personal data: no attendance, no presenters, no people assigned to tasks. It draws
the live state the live view's feed read after each change (the running TOP is the one started
and not ended), so both show the same state from one read, and shares the live view's clock.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from sromod.models import MeetingState
from sromod.services.live import LiveState
from sromod.services.wording import german_date
from sromod.ui.clock import MeetingClock, clock_text, time_box
from sromod.ui.fitting import WrapLabel, scroll_content
from sromod.ui.itemmodels.live import AgendaListModel, planned_minutes_of
from sromod.ui.labels import agenda_item_label, meeting_title
from sromod.ui.live_feed import LiveFeed
from sromod.ui.screen_fit import fit_on_screen
from sromod.ui.screens.live_style import (
    RUNNING_MARK_STYLE,
    apply_idle_style,
    apply_time_style,
    set_text,
    sized_font,
)
from sromod.ui.theme import styled

log = logging.getLogger(__name__)

TIME_POINTS = 40.0
LONG_TITLE = 50


def projector_screen() -> QScreen | None:
    """The second screen (the beamer) if there is one."""
    screens = QGuiApplication.screens()
    return screens[1] if len(screens) > 1 else None


def show_on_projector(window: QWidget) -> None:
    """Full screen on the second screen when there is one, otherwise an ordinary window."""
    screen = projector_screen()
    if screen is None:
        if not window.isVisible():
            window.resize(1024, 768)
        window.showNormal()
        fit_on_screen(window)  # the laptop's own screen, perhaps at 200 % scaling
        return
    geometry = screen.geometry()
    if isinstance(screen, QScreen):  # tests pass stand-ins that only know their geometry
        window.setScreen(screen)
    window.setProperty("projectorGeometry", geometry)
    window.setGeometry(geometry)
    window.showFullScreen()


class ProjectorWindow(QWidget):
    """The agenda for the beamer, large type, the running TOP marked by colour and by words."""

    def __init__(
        self,
        feed: LiveFeed,
        parent: QWidget | None = None,
        *,
        clock: MeetingClock | None = None,
        show_clock: bool = True,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.feed = feed
        self.clock = clock or MeetingClock()
        self.show_clock = show_clock
        self.setWindowTitle(self.tr("Projektor – Tagesordnung"))
        styled(
            self, "ProjectorWindow { background:$projector_bg; } QLabel { color:$projector_fg; }"
        )
        self.model = AgendaListModel(show_used=False, parent=self)
        self._build()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        feed.updated.connect(self.refresh)
        feed.gone.connect(self.close)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.update_time)
        self.timer.start()
        self.refresh()

    def _build(self) -> None:
        self.header = WrapLabel()
        self.scale = 1.0
        self.header.setFont(sized_font(22, bold=True))
        self.header.setWordWrap(True)
        self.marker = QLabel(self.tr("▶ läuft"))
        self.marker.setFont(sized_font(24, bold=True))
        styled(self.marker, RUNNING_MARK_STYLE)
        self.top_title = WrapLabel()
        self.top_title.setFont(sized_font(36, bold=True))
        self.top_title.setWordWrap(True)
        self.time_label = WrapLabel()
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setWordWrap(True)
        self.time_label.setFixedWidth(420)  # wraps an overrun in words rather than widen the window
        self.time_label.setVisible(self.show_clock)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setFont(sized_font(22))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Tagesordnung"))
        # the time box sits beside the meeting's name so that the TOP's title has the full width
        # of an old 1024×768 beamer
        head_row = QHBoxLayout()
        head_row.addWidget(self.header, 1)
        head_row.addWidget(self.time_label, 0, Qt.AlignmentFlag.AlignTop)
        running_row = QHBoxLayout()
        running_row.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        running_row.addWidget(self.top_title, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(head_row)
        layout.addLayout(running_row)
        layout.addWidget(self.list, 1)
        # on a small screen it scrolls, the projector's own background showing through
        area = scroll_content(self)
        for part in (area.viewport(), area.widget()):
            if part is not None:
                part.setAutoFillBackground(False)

    @property
    def state(self) -> LiveState:
        return self.feed.state

    def refresh(self, _state: object = None) -> None:
        """Draw the feed's state (read once for the live view and this window)."""
        if not self.isVisible():  # showEvent catches up when F7 brings the window back
            return
        state = self.state
        meeting, running = state.meeting, state.running
        self.model.set_agenda(list(state.items), state.running_id)
        # the meeting's title and date only: the moderator and minute taker are people
        self.header.setText(
            meeting_title(meeting.number, meeting.body_short_name)
            + " · "
            + german_date(meeting.date)
        )
        self.marker.setVisible(running is not None)
        if running is not None:
            self.top_title.setText(agenda_item_label(running.number) + "  " + running.title)
            long = len(running.title) >= LONG_TITLE
            self.top_title.setFont(sized_font((28 if long else 36) * self.scale, bold=True))
            row = self.model.row_of(running.id)
            if row is not None:
                self.list.scrollTo(self.model.index(row), QListView.ScrollHint.PositionAtCenter)
        elif meeting.state in (MeetingState.HELD, MeetingState.RELEASED):
            self.top_title.setText(self.tr("Die Sitzung ist beendet. Vielen Dank!"))
        else:
            self.top_title.setText(self.tr("Die Sitzung beginnt in Kürze."))
        self.update_time()

    def set_clock_visible(self, shown: bool) -> None:
        """The moderator decides whether the room sees the clock and the TOP's time box."""
        self.show_clock = shown
        self.time_label.setVisible(shown)
        self.update_time()

    def update_time(self) -> None:
        if not self.show_clock:  # nothing of the time on the wall, not even a stale reading
            return
        item = self.state.running
        if item is None or item.actual_start is None:
            set_text(self.time_label, clock_text(self.clock.now()))
            apply_idle_style(self.time_label, TIME_POINTS * self.scale)
            return
        minutes = planned_minutes_of(
            list(self.state.items), item
        )  # a TOP with sub-items: the one rule
        box = time_box(minutes, self.clock.seconds_since(item.actual_start))
        set_text(self.time_label, box.text)
        apply_time_style(self.time_label, box, TIME_POINTS * self.scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type grows with the beamer: sizes are set for 768 lines and scaled up from there."""
        scale = max(1.0, event.size().height() / 768)
        if abs(scale - self.scale) > 0.05:
            self.scale = scale
            self.header.setFont(sized_font(22 * scale, bold=True))
            self.marker.setFont(sized_font(24 * scale, bold=True))
            self.list.setFont(sized_font(22 * scale))
            self.time_label.setFixedWidth(round(420 * scale))
            self.time_label.setProperty("timeState", "")  # restyle at the new size
            self.refresh()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # shown again after F7 took it away: catch up and tick again
        self.refresh()
        self.timer.start()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)
