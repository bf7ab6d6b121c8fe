"""The Wiedervorlage in the live view: step through the carried-over tasks and set each one's status.

Up/Down steps, keys 1–5 (or Alt+1…Alt+5 from the note field) set offen, in Bearbeitung, erledigt,
zurückgestellt, entfällt with the typed note, and move on to the next task. A review of 50 and more
tasks is gone through office by office: rows grouped under office headings, filtered to one office
or to the overdue tasks, titles wrapped in full rather than cut.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.services.concurrency import seen
from sromod.services.tasks import ReviewInfo
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.reviews import (
    TITLE_COLUMN,
    ReviewFilter,
    ReviewModel,
    due_text,
    outcome_text,
)
from sromod.ui.labels import enum_label
from sromod.ui.screens.live_style import sized_font
from sromod.ui.theme import styled

log = logging.getLogger(__name__)

STATUS_KEYS: dict[int, TaskStatus] = {
    Qt.Key.Key_1: TaskStatus.OPEN,
    Qt.Key.Key_2: TaskStatus.IN_PROGRESS,
    Qt.Key.Key_3: TaskStatus.DONE,
    Qt.Key.Key_4: TaskStatus.DEFERRED,
    Qt.Key.Key_5: TaskStatus.DROPPED,
}
TABLE_POINTS = 12.0
# widths the short columns may take at most; the task's title takes the rest and wraps
COLUMN_WIDTHS = {0: 125, 2: 110, 3: 135, 4: 125, 5: 130, 6: 170}


class ReviewPanel(QWidget):
    """The tasks of a Wiedervorlage TOP, one after another."""

    def __init__(self, context: AppContext, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self._item_id: str | None = None
        self.today = date.today()
        self.model = ReviewModel(self)
        self.heading = QLabel()
        self.heading.setFont(sized_font(14, bold=True))
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setFont(sized_font(12))
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        styled(self.current, "color:$strong_fg;")
        self.current_text = ""
        self.table = self._build_table()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.table.horizontalHeader().sectionResized.connect(self._fit_timer.start)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Notiz zur Wiedervorlage (optional), dann Alt+1…5"))
        self.note.setAccessibleName(self.tr("Notiz zur Wiedervorlage"))
        self.note.setFont(sized_font(12))
        self.note.returnPressed.connect(self.focus_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.current)
        layout.addLayout(self._build_buttons())

    def _build_filters(self) -> QHBoxLayout:
        self.office_filter = QComboBox()
        self.office_filter.setFont(sized_font(12))
        self.office_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.office_filter.setMinimumContentsLength(24)
        self.office_filter.currentIndexChanged.connect(self._filter_changed)
        office_caption = QLabel(self.tr("&Amt:"))
        office_caption.setBuddy(self.office_filter)
        office_caption.setFont(sized_font(12))
        self.overdue_only = QCheckBox(self.tr("nur über&fällige"))
        self.grouped = QCheckBox(self.tr("nach Amt &gruppieren"))
        self.grouped.setChecked(True)
        for box in (self.overdue_only, self.grouped):
            box.setFont(sized_font(12))
            box.toggled.connect(self._filter_changed)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(office_caption)
        row.addWidget(self.office_filter)
        row.addWidget(self.overdue_only)
        row.addWidget(self.grouped)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Aufgaben der Wiedervorlage"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFont(sized_font(TABLE_POINTS))
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setFont(sized_font(11, bold=True))
        table.setToolTip(
            self.tr("Pfeil hoch/runter: Aufgabe wählen · Tasten 1–5: Stand setzen und weiter")
        )
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._show_current)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        note_caption = QLabel(self.tr("&Notiz:"))
        note_caption.setBuddy(self.note)
        note_caption.setFont(sized_font(12))
        row.addWidget(note_caption)
        row.addWidget(self.note, 1)
        for number, status in enumerate(STATUS_KEYS.values(), 1):
            # an explicit Alt+n rather than a mnemonic: not every platform shows mnemonics
            button = QPushButton(f"{number} {enum_label(status)}")
            key = QShortcut(
                QKeySequence(f"Alt+{number}"),
                self,
                partial(self.set_status, status),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
            button.setToolTip(
                self.tr("Stand „%1“ setzen (Taste %2, im Notizfeld Alt+%2)")
                .replace("%1", enum_label(status))
                .replace("%2", str(number))
            )
            button.setAccessibleName(self.tr("Stand: %1").replace("%1", enum_label(status)))
            key.setWhatsThis(button.accessibleName())  # named on the F1 page
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFont(sized_font(12))
            button.clicked.connect(partial(self.set_status, status))
            row.addWidget(button)
        return row

    # --- showing ---------------------------------------------------------------------------

    def show_reviews(
        self,
        item_id: str | None,
        rows: list[ReviewInfo],
        names: Mapping[str, str],
        today: date | None = None,
    ) -> None:
        """Show the reviews of a Wiedervorlage TOP, keeping the selected task where it was.

        names: office code → name, for the office headings.
        """
        keep = self.selected_id() if item_id == self._item_id else None
        if item_id != self._item_id:
            self._reset_filters()
        self._item_id = item_id
        self.today = today or self.today
        self.model.set_reviews(rows, self.today, dict(names))
        self._fill_office_filter()
        done = sum(1 for r in rows if r.status_after is not None)
        heading = (
            self.tr("Wiedervorlage: 1 Aufgabe, %2 besprochen")
            if len(rows) == 1
            else self.tr("Wiedervorlage: %1 Aufgaben, %2 besprochen")
        )
        self.heading.setText(heading.replace("%1", str(len(rows))).replace("%2", str(done)))
        self._after_reset(keep)

    def _after_reset(self, keep: str | None) -> None:
        """Spans for the office headings, row heights, and the task to stand on."""
        self.table.clearSpans()
        for n in range(self.model.rowCount()):
            if self.model.is_group_row(n):
                self.table.setSpan(n, 0, 1, self.model.columnCount())
        self.fit_rows()
        row = self.model.row_of(keep)
        if row is None:
            shown = self.model.reviews()
            first_open = next((r for r in shown if r.status_after is None), None)
            row = self.model.row_of(first_open.id if first_open else None)
        self.select_row(self.model.task_row(0, 1) if row is None else row)
        self._show_current()

    def fit_rows(self) -> None:
        """Short columns at their content (at most their limit), rows as high as their text."""
        header = self.table.horizontalHeader()
        for column, limit in COLUMN_WIDTHS.items():
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if header.sectionSize(column) != min(wanted, limit):
                header.resizeSection(column, min(wanted, limit))
        self.table.resizeRowsToContents()

    def _fill_office_filter(self) -> None:
        combo = self.office_filter
        wanted = self.model.filter.office
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("alle Ämter (%1)").replace("%1", str(self.model.total())), None)
        for office, count in self.model.offices():
            combo.addItem(f"{self.model.office_label(office)} ({count})", office)
        found = combo.findData(wanted) if wanted is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def _reset_filters(self) -> None:
        for widget in (self.office_filter, self.overdue_only, self.grouped):
            widget.blockSignals(True)
        self.office_filter.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.grouped.setChecked(True)
        for widget in (self.office_filter, self.overdue_only, self.grouped):
            widget.blockSignals(False)
        self.model.filter = ReviewFilter(grouped=True)

    def _filter_changed(self, *_: object) -> None:
        keep = self.selected_id()
        self.model.set_filter(
            ReviewFilter(
                office=self.office_filter.currentData(),
                overdue_only=self.overdue_only.isChecked(),
                grouped=self.grouped.isChecked(),
            )
        )
        self._after_reset(keep)

    def select_row(self, row: int | None) -> None:
        if row is None or self.model.review(row) is None:
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(row, 0))

    def selected_id(self) -> str | None:
        review = self.selected()
        return review.id if review else None

    def selected(self) -> ReviewInfo | None:
        return self.model.review(self.table.currentIndex().row())

    def _show_current(self, *_: object) -> None:
        review = self.selected()
        if review is None:
            text = (
                self.tr("Keine Aufgaben zur Wiedervorlage.")
                if not self.model.total()
                else self.tr("Keine Aufgabe passt zum Filter.")
            )
            self.current.setText(text)
            self.current.show()  # the empty table says why it is empty
            self.current_text = text
            self.table.setAccessibleDescription(text)
            self.note.clear()
            return
        self.current.hide()  # the selected row itself shows the whole task
        task = review.task
        text = (
            self.tr("%1: %6 · Wer: %2 · bis: %3 · Stand bisher: %4 · in dieser Sitzung: %5")
            .replace("%1", task.register_number)
            .replace("%6", task.title)
            .replace("%2", task.who or "–")
            .replace("%3", due_text(review) or "–")
            .replace("%4", enum_label(review.status_before))
            .replace("%5", outcome_text(review))
        )
        self.current_text = text
        # a screen reader hears the whole task with its state, whatever the cells show
        self.table.setAccessibleDescription(text)
        self.note.setText(review.note or "")

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- setting a status ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and event.key() in STATUS_KEYS:
                self.set_status(STATUS_KEYS[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def set_status(self, status: TaskStatus) -> None:
        """Record the meeting's word on the selected task with the note, then go to the next."""
        review = self.selected()
        if review is None:
            return
        row = self.table.currentIndex().row()
        label = (
            self.tr("Wiedervorlage %1: %2")
            .replace("%1", review.task.register_number)
            .replace("%2", enum_label(status))
        )
        # as shown: a task someone else changed meanwhile is not overwritten
        shown = seen("tasks", review.task)
        self.context.edit(label, shown, tasks.review_task, review.id, status, self.note.text())
        # the context's changed signal has redrawn the table; step on to the next task
        following = self.model.task_row(row + 1, 1)
        self.select_row(self.model.task_row(row, -1) if following is None else following)
        self.focus_table()
