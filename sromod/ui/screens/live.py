"""The live moderation view: the running TOP large, its time box, the next TOP, quick capture.

The running TOP is the one the database says has started and not ended; moving on records the
start and end times through the services, so the view, the projector and the minutes agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFocusEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sromod.models import AgendaItemKind, AgendaItemState, MeetingState
from sromod.services import agenda, meetings
from sromod.services.agenda import AgendaItemInfo
from sromod.services.concurrency import seen
from sromod.services.live import LiveState
from sromod.services.meetings import MeetingInfo
from sromod.services.wording import german_date
from sromod.ui.announce import ChangeWatch, announce_quorum
from sromod.ui.clock import MeetingClock, clock_text
from sromod.ui.context import AppContext
from sromod.ui.dialogs.end_meeting import ask_untreated
from sromod.ui.fitting import WrapLabel, scroll_content
from sromod.ui.itemmodels.live import AgendaListModel, ItemId
from sromod.ui.labels import agenda_item_label, meeting_title
from sromod.ui.live_feed import LiveFeed
from sromod.ui.screens.live_capture import CapturePanel
from sromod.ui.screens.live_controls import (
    REVIEW_RESULT_HEIGHT,
    button_row,
    hint_text,
    install_shortcuts,
    reflow_buttons,
)
from sromod.ui.screens.live_header import header_text, quorum_text
from sromod.ui.screens.live_messages import MessageLine
from sromod.ui.screens.live_projector import ProjectorControl
from sromod.ui.screens.live_review import ReviewPanel
from sromod.ui.screens.live_style import HINT_STYLE, sized_font
from sromod.ui.screens.live_top import RunningTopPanel
from sromod.ui.settings import UiSettings
from sromod.ui.theme import styled

QWIDGETSIZE_MAX = 16777215

log = logging.getLogger(__name__)

_open_views: dict[str, LiveView] = {}


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_live_view(
    context: AppContext,
    meeting_id: str,
    parent: QWidget | None = None,
    *,
    clock: MeetingClock | None = None,
    settings: UiSettings | None = None,
) -> LiveView | None:
    """Show the live view of a meeting (one per meeting), starting the meeting if it is planned.

    None when the meeting is planned for another day and the moderator does not start it today.
    """
    view = _open_views.get(meeting_id)
    if view is None or not shiboken6.isValid(view) or view.context is not context:
        view = LiveView(context, meeting_id, parent, clock=clock, settings=settings)
        if not view.may_begin_today():
            view.close()
            view.deleteLater()
            return None
        _open_views[meeting_id] = view
        _show_sized(view)
        view.begin()
    else:
        view.show()
    view.raise_()
    view.activateWindow()
    return view


def _show_sized(view: QWidget) -> None:
    """1280×800 where the screen has room, otherwise the whole screen (a 1366×768 laptop)."""
    screen = view.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and (room.width() < 1280 or room.height() < 800):
        view.showMaximized()
        return
    view.resize(1280, 800)
    view.show()


# Narrower than this (1366 pixels at 150 % scaling are 911) the time box goes under the title.
NARROW_WIDTH = 1000


class LiveView(QWidget):
    """The moderator's window during a meeting."""

    def __init__(
        self,
        context: AppContext,
        meeting_id: str,
        parent: QWidget | None = None,
        *,
        clock: MeetingClock | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.meeting_id = meeting_id
        self.clock = clock or MeetingClock()
        self.feed = LiveFeed(context, meeting_id, self)
        self._closed = False
        self._shown: tuple[str | None, MeetingState] | None = None
        self._quorum = ChangeWatch()
        self.setWindowTitle(
            self.tr("Live-Moderation – %1").replace(
                "%1", meeting_title(self.meeting.number, self.meeting.body_short_name)
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.agenda_model = AgendaListModel(parent=self)
        # window state: the main window's settings when it opened this view
        found = settings or getattr(parent, "settings", None)
        self.projector_control = ProjectorControl(
            self,
            found if isinstance(found, UiSettings) else UiSettings(),
            self.feed,
            self.clock,
            self.show_message,
        )
        self._build()
        install_shortcuts(self, self._slots(), context.undo_stack)
        self.projector_control.attach(self.buttons["projector"])
        self.feed.updated.connect(self._on_changed)
        self.feed.gone.connect(self.close)
        # Another file is about to open: the typed result goes into this meeting's file, then
        # the view closes (its meeting is not in the other file).
        context.store_leaving.connect(self.close)
        context.error.connect(self.show_problem)
        context.message.connect(self.show_message)
        self.timer = QTimer(self)
        self.timer.setInterval(250)  # display only: the time itself comes from the clock
        self.timer.timeout.connect(self.update_time)
        self.timer.start()
        self._show_state(self.state)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.header = WrapLabel()
        self.header.setFont(sized_font(14, bold=True))
        self.top = RunningTopPanel()
        # the parts tests and the main window look at, named as the user sees them
        self.top_number, self.top_title, self.top_meta = (
            self.top.number,
            self.top.title,
            self.top.meta,
        )
        self.running_mark, self.next_label = self.top.running_mark, self.top.next_label
        self.time_label, self.time_detail = self.top.time_label, self.top.time_detail
        self.review = ReviewPanel(self.context, self.meeting_id)
        self.capture = CapturePanel(self.context)
        self.capture.done.connect(self.take_focus)
        self.agenda_list = QListView()
        self.agenda_list.setModel(self.agenda_model)
        self.agenda_list.setFont(sized_font(12))
        self.agenda_list.setWordWrap(True)
        # its rows wrapped again at every width (the window zoomed or resized), not once
        self.agenda_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.agenda_list.setSpacing(2)
        self.agenda_list.setAccessibleName(self.tr("Tagesordnung"))
        self.agenda_list.setToolTip(self.tr("Enter oder Doppelklick: diesen TOP aufrufen"))
        self.agenda_list.activated.connect(self._activate_row)
        self.status_line = MessageLine(12)
        self.hints = WrapLabel()
        styled(self.hints, HINT_STYLE)
        self.hints.setFont(sized_font(11))
        self._lay_out()

    def _lay_out(self) -> None:
        self.main_column = QVBoxLayout()
        self.main_column.addWidget(self.top)
        self.main_column.addWidget(self.review, 5)
        self.main_column.addWidget(self.capture, 2)
        # the agenda beside the running TOP; it gives its width to the Wiedervorlage's tasks
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        agenda_caption = QLabel(self.tr("&Tagesordnung"))
        agenda_caption.setBuddy(self.agenda_list)
        agenda_caption.setFont(sized_font(13, bold=True))
        side.addWidget(agenda_caption)
        side.addWidget(self.agenda_list, 1)
        body = QHBoxLayout()
        body.addLayout(self.main_column, 7)
        body.addWidget(self.side, 3)
        self.buttons, self.button_grid = button_row(self._slots())
        outer = QVBoxLayout(self)
        outer.setSpacing(4)
        outer.addWidget(self.header)
        outer.addLayout(self.button_grid)
        outer.addLayout(body, 1)
        outer.addWidget(self.status_line)
        outer.addWidget(self.hints)
        scroll_content(self)  # at 150 % or 200 % scaling a laptop's screen is smaller than this

    def _slots(self) -> dict[str, Callable[[], None]]:
        """What the buttons and keys of live_controls do."""
        return {
            "previous": self.go_previous,
            "next": self.go_next,
            "result": self.capture.focus_result,
            "decision": self.capture.open_decision,
            "task": self.capture.open_task,
            "postpone": self.postpone,
            "projector": self.toggle_projector,
            "end": self.end_meeting,
        }

    def _set_review_mode(self, review: bool) -> None:
        """The Wiedervorlage takes the window: agenda aside, smaller head, a short result field."""
        self.review.setVisible(review)
        self.side.setVisible(not review)
        self.top.set_compact(review)
        self.main_column.setStretchFactor(self.capture, 0 if review else 2)
        result = self.capture.result
        result.setMaximumHeight(REVIEW_RESULT_HEIGHT if review else QWIDGETSIZE_MAX)
        result.setMinimumHeight(REVIEW_RESULT_HEIGHT if review else 70)
        self.hints.setText(hint_text(review))

    # --- state ---------------------------------------------------------------------------

    @property
    def state(self) -> LiveState:
        return self.feed.state

    @property
    def meeting(self) -> MeetingInfo:
        return self.state.meeting

    @property
    def items(self) -> list[AgendaItemInfo]:
        return list(self.state.items)

    @property
    def current(self) -> AgendaItemInfo | None:
        return self.state.current

    @property
    def running(self) -> bool:
        return self.state.is_running

    def may_begin_today(self) -> bool:
        """Ask before a meeting planned for another day starts now (F5 to look at it, say)."""
        if self.meeting.state not in (MeetingState.PLANNED, MeetingState.INVITED):
            return True
        now = self.clock.now()
        if self.meeting.date == now.date():
            return True
        question = self.tr(
            "Die %1 ist für den %2 geplant. Trotzdem jetzt beginnen? "
            "Der Beginn wird mit heute, %3 Uhr festgehalten."
        )
        question = (
            question.replace("%1", meeting_title(self.meeting.number, self.meeting.body_short_name))
            .replace("%2", german_date(self.meeting.date))
            .replace("%3", clock_text(now))
        )
        return confirm(self, self.tr("Sitzung beginnen"), question)

    def begin(self) -> None:
        """Start the meeting if it is planned, and the first open TOP if none runs."""
        if self.meeting.state in (MeetingState.PLANNED, MeetingState.INVITED):
            self.context.run(
                self.tr("Sitzung beginnen"),
                meetings.start_meeting,
                self.meeting_id,
                self.clock.stamp(),
            )
        items = self.state.items
        if self.running and self.state.running is None and items:
            first = next((i for i in items if i.actual_end is None), items[0])
            self.go_to(first.id)
        self.take_focus()

    def refresh(self, tables: object = None) -> None:
        """Read the live state again (the feed tells the projector too)."""
        if not self._closed:  # a closed view stays out of the way of later changes
            self.feed.reload(tables)

    def _show_state(self, state: LiveState) -> None:
        """Redraw from one read of the live state (after any change anywhere, including undo)."""
        self.agenda_model.set_agenda(list(state.items), state.running_id)
        self._clear_stale_messages()
        focused = QApplication.focusWidget()
        self._show_current(state)
        if focused is not None and self.isAncestorOf(focused) and not focused.isVisible():
            # Qt would hand the focus on to the result field, where the next Ctrl+Z undoes typing
            self.take_focus()
        self.update_time()

    def _show_current(self, state: LiveState) -> None:
        item = state.current
        self.header.setText(header_text(state.meeting, state.quorum))
        if self._quorum.changed(self.meeting_id, state.quorum.quorate) and self.isActiveWindow():
            announce_quorum(self.header, state.quorum.quorate, quorum_text(state.quorum))
        self._set_review_mode(state.is_review)
        self.top.show_item(item, state.neighbour(1), state.running is not None)
        self.review.show_reviews(
            item.id if state.is_review and item else None,
            list(state.reviews),
            state.office_names,
            state.meeting.date,
        )
        self.capture.show_item(item, list(state.decisions), list(state.tasks))
        self.capture.setEnabled(state.is_running)
        self.review.setEnabled(state.is_running)
        row = self.agenda_model.row_of(item.id if item else None)
        if row is not None:
            self.agenda_list.setCurrentIndex(self.agenda_model.index(row))
        for key in ("previous", "next", "decision", "task", "postpone", "end"):
            self.buttons[key].setEnabled(state.is_running)

    def update_time(self) -> None:
        """Recompute the time box from the clock (called by the display timer)."""
        state = self.state
        forecast = state.is_running and state.running is not None
        self.top.show_time(state.current, list(state.items), self.clock.now(), forecast)

    # --- moving on -------------------------------------------------------------------------

    def go_next(self) -> None:
        following = self.state.neighbour(1)
        if following is None:
            self.show_message(
                self.tr("Das war der letzte TOP. Sitzung beenden mit Strg+Umschalt+E.")
            )
            return
        self.go_to(following.id)

    def go_previous(self) -> None:
        before = self.state.neighbour(-1)
        if before is not None:
            self.go_to(before.id)

    def go_to(self, item_id: str) -> None:
        """Make a TOP the running one; the TOP left behind gets its end time."""
        if self.meeting.state in (MeetingState.PLANNED, MeetingState.INVITED):
            self.begin()
        if not self.running:
            self.show_problem(
                self.tr("Die Sitzung läuft nicht; TOPs können nicht aufgerufen werden.")
            )
            return
        if not self._ready_to_leave():
            return
        target = next(i for i in self.items if i.id == item_id)
        self.context.run(
            self.tr("%1 aufrufen").replace("%1", agenda_item_label(target.number)),
            agenda.start_agenda_item,
            item_id,
            self.clock.stamp(),
        )
        self.take_focus()

    def _ready_to_leave(self) -> bool:
        """Save the typed result; refuse while a decision or task form holds unsaved input."""
        unfinished = self.capture.unfinished_form()
        if unfinished is not None:
            # said in the form, whose Enter and Esc answer it, with the focus there
            capture = self.capture
            form = capture.decision_form if capture.decision_form.isVisible() else capture.task_form
            form.messages.show_for_form(unfinished)
            return False
        return self.capture.save_result()

    def postpone(self) -> None:
        """Mark the running TOP as vertagt and move on to the next one (one undo step)."""
        item, following = self.current, self.state.neighbour(1)
        if not self.running or item is None or not self._ready_to_leave():
            return
        stack = self.context.undo_stack
        stack.beginMacro(self.tr("%1 vertagen").replace("%1", agenda_item_label(item.number)))
        try:
            self.context.edit(
                self.tr("%1 vertagen").replace("%1", agenda_item_label(item.number)),
                seen("agenda_items", item),
                agenda.update_agenda_item,
                item.id,
                state=AgendaItemState.POSTPONED,
            )
            if following is not None:
                self.go_to(following.id)
            else:
                self.context.run(
                    self.tr("%1 beenden").replace("%1", agenda_item_label(item.number)),
                    agenda.end_agenda_item,
                    item.id,
                    self.clock.stamp(),
                )
        finally:
            stack.endMacro()

    def _activate_row(self, index: QModelIndex) -> None:
        item_id = index.data(ItemId)
        if item_id and (self.current is None or item_id != self.current.id):
            self.go_to(item_id)

    def end_meeting(self) -> None:
        if not self.running:
            return
        question = self.tr("Die %1 jetzt beenden? Das Ende wird mit %2 Uhr festgehalten.")
        question = question.replace(
            "%1", meeting_title(self.meeting.number, self.meeting.body_short_name)
        ).replace("%2", clock_text(self.clock.now()))
        if not self._ready_to_leave():
            return
        # the TOPs not reached are named and their fate chosen; else a plain yes/no
        go_on, choice = ask_untreated(self, self.context, self.meeting_id, question)
        if not go_on or (
            choice is None and not confirm(self, self.tr("Sitzung beenden"), question)
        ):
            return
        now = self.clock.stamp()
        stack = self.context.undo_stack
        # one undo step: the running TOP ends (and counts as treated) with the meeting
        stack.beginMacro(self.tr("Sitzung beenden"))
        try:
            running = self.state.running
            if running is not None:
                self.context.run(
                    self.tr("%1 beenden").replace("%1", agenda_item_label(running.number)),
                    agenda.end_agenda_item,
                    running.id,
                    now,
                )
            self.context.run(
                self.tr("Sitzung beenden"), meetings.end_meeting, self.meeting_id, now, choice
            )
        finally:
            stack.endMacro()

    @property
    def projector(self) -> QWidget | None:
        return self.projector_control.window

    def toggle_projector(self) -> None:
        self.projector_control.toggle()

    # --- messages and focus ----------------------------------------------------------------

    def take_focus(self) -> None:
        if self.current is not None and self.current.kind == AgendaItemKind.REVIEW:
            self.review.focus_table()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.top.show_key_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.top.show_key_focus(False)

    def show_problem(self, text: str) -> None:
        """A refusal: under the form's field if a form was committing, else in the view's line."""
        if self.capture.take_problem(text):
            self.status_line.clear()
            return
        self.status_line.show_error(self.tr("Nicht möglich: %1").replace("%1", text))

    def show_message(self, text: str) -> None:
        self.status_line.show_success(text)

    def _on_changed(self, state: LiveState) -> None:
        """A change went through: a refusal shown before no longer applies."""
        self.status_line.clear_error()
        self._show_state(state)

    def _clear_stale_messages(self) -> None:
        """Messages belong to a TOP of a running meeting: another TOP or the end clears them."""
        shown = (self.current.id if self.current else None, self.meeting.state)
        if shown != self._shown:
            if self._shown is not None:
                self.status_line.clear()
                self.capture.close_forms()
            self._shown = shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH
        self.top.set_narrow(narrow)
        self.capture.set_narrow(narrow)
        reflow_buttons(
            self.button_grid, list(self.buttons.values()), 4 if narrow else len(self.buttons)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.feed.stop()
        # also when the meeting was ended elsewhere (overview, menu) while a result was typed here
        if self.running or self.meeting.state == MeetingState.HELD:
            self.capture.save_result()
        self.projector_control.close()
        self.timer.stop()
        if _open_views.get(self.meeting_id) is self:
            del _open_views[self.meeting_id]
        super().closeEvent(event)
