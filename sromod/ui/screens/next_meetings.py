"""Where to begin: the next meeting of each body and what is due before it, on the first screen."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import MeetingState
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.deferred import Deferred
from sromod.ui.theme import styled

if TYPE_CHECKING:
    from sromod.services import overview
    from sromod.services.overview import NextMeeting
else:  # built with the window before the store opens
    overview = Deferred("sromod.services.overview")

log = logging.getLogger(__name__)

WATCHED = {"meetings", "bodies", "tasks", "*"}
VISIBLE_ROWS = 3  # more bodies scroll: the meetings list below keeps its room at 768 px


class NextMeetingsPanel(QFrame):
    """One line per body: its next meeting, the tasks due before it, and buttons to open both."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Als Nächstes"))
        self.heading = QLabel(self.tr("<b>Als Nächstes</b>"))
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(self.tr("Als Nächstes ein- oder ausblenden"))
        self.toggle.setAccessibleName(self.tr("Als Nächstes anzeigen"))
        self.toggle.toggled.connect(self._toggled)
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.list_area = QScrollArea()
        self.list_area.setAccessibleName(self.tr("Nächste Sitzungen"))
        self.list_area.setWidget(self.rows)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        top = QHBoxLayout()
        top.addWidget(self.toggle)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.list_area)
        self.entries: list[NextMeeting] = []
        context.changed.connect(self._data_changed)
        self.reload()

    def reload(self, today: date | None = None) -> None:
        self.entries = (
            self.context.query(overview.next_meetings, today) if self.context.ready else []
        )
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not only once the event loop deletes it
                widget.deleteLater()
        if not self.context.ready:  # the start still opens the store; it reloads when open
            self._note(self.tr("Die nächsten Sitzungen werden geladen …"))
            self._fit_height(VISIBLE_ROWS)  # as high as it will be: nothing below jumps then
            return
        if not self.entries:
            self._note(
                self.tr(
                    "Keine Sitzung geplant. Wählen Sie unten ein Gremium und „Neue Sitzung "
                    "planen…“ – oder legen Sie zuerst ein Gremium an."
                )
            )
        for row, entry in enumerate(self.entries):
            self._add_row(row, entry, today or date.today())
        self._fit_height()

    def _note(self, text: str) -> None:
        note = QLabel(text)
        note.setWordWrap(True)
        self.grid.addWidget(note, 0, 0, 1, 5, Qt.AlignmentFlag.AlignTop)

    def _add_row(self, row: int, entry: NextMeeting, today: date) -> None:
        when = self.tr("%1. Sitzung am %2").replace("%1", str(entry.number))
        when = when.replace("%2", german_date(entry.date))
        if entry.state == MeetingState.RUNNING:
            when = self.tr("%1. Sitzung läuft").replace("%1", str(entry.number))
        elif entry.date == today:
            when += self.tr(" (heute)")
        else:
            days = (entry.date - today).days
            when += self.tr(" (in %1 Tagen)").replace("%1", str(days)) if days > 1 else ""
        body = QLabel(f"<b>{_html(entry.body_short_name)}</b>")
        meeting = QLabel(when)
        due = QLabel(self._due_text(entry))
        due.setTextFormat(Qt.TextFormat.PlainText)
        due.setWordWrap(True)
        if entry.overdue:  # the words say "überfällig"; the colour follows the scheme
            styled(due, "color: $overdue_fg;")
        open_meeting = QPushButton(self.tr("Sitzung öffnen"))
        open_meeting.setAccessibleName(
            self.tr("Sitzung öffnen: %1").replace("%1", entry.body_short_name)
        )
        open_meeting.clicked.connect(
            partial(self.context.navigate.emit, "meeting", entry.meeting_id)
        )
        show_due = QPushButton(self.tr("Fällige Aufgaben"))
        show_due.setAccessibleName(
            self.tr("Fällige Aufgaben: %1").replace("%1", entry.body_short_name)
        )
        show_due.setEnabled(entry.due > 0)
        target = f"{entry.body_id}|{entry.date.isoformat()}"
        show_due.clicked.connect(partial(self.context.navigate.emit, "tasks_due", target))
        for column, widget in enumerate((body, meeting, due, open_meeting, show_due)):
            self.grid.addWidget(widget, row, column)

    def _due_text(self, entry: NextMeeting) -> str:
        if not entry.due:
            return self.tr("nichts fällig davor")
        text = (
            self.tr("%1 Aufgaben fällig davor")
            if entry.due != 1
            else self.tr("1 Aufgabe fällig davor")
        )
        text = text.replace("%1", str(entry.due))
        if entry.overdue:
            text += self.tr(", davon %1 überfällig").replace("%1", str(entry.overdue))
        return text

    def _fit_height(self, rows: int | None = None) -> None:
        # From a button's height, not the layout's hint: new rows are shown only later.
        spacing = max(0, self.grid.verticalSpacing())
        row_height = QPushButton(self.tr("Sitzung öffnen")).sizeHint().height() + spacing
        shown = max(1, min(VISIBLE_ROWS, len(self.entries) if rows is None else rows))
        self.list_area.setFixedHeight(shown * row_height)

    def _toggled(self, shown: bool) -> None:
        self.list_area.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _data_changed(self, tables: set[str]) -> None:
        if tables & WATCHED:
            self.reload()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
