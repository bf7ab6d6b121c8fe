"""The Wiedervorlage in the live view: step through the carried-over tasks and set each one's status.

Up/Down steps, keys 1–5 (or Alt+1…Alt+5 from the note field) set offen, in Bearbeitung, erledigt,
zurückgestellt, entfällt with the typed note, and move on to the next task.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from sromod.services.tasks import ReviewInfo
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.reviews import ReviewModel, due_text, outcome_text
from sromod.ui.labels import enum_label
from sromod.ui.screens.live_style import sized_font

log = logging.getLogger(__name__)

STATUS_KEYS: dict[int, TaskStatus] = {
    Qt.Key.Key_1: TaskStatus.OPEN,
    Qt.Key.Key_2: TaskStatus.IN_PROGRESS,
    Qt.Key.Key_3: TaskStatus.DONE,
    Qt.Key.Key_4: TaskStatus.DEFERRED,
    Qt.Key.Key_5: TaskStatus.DROPPED,
}


class ReviewPanel(QWidget):
    """The tasks of a Wiedervorlage TOP, one after another."""

    def __init__(self, context: AppContext, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self._item_id: str | None = None
        self.model = ReviewModel(self)
        self.heading = QLabel()
        self.heading.setFont(sized_font(15, bold=True))
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setFont(sized_font(16))
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setStyleSheet("background:#f2f4f7; color:#111111; padding:8px;")
        self.table = self._build_table()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Notiz zur Wiedervorlage (optional), dann Alt+1…5"))
        self.note.setAccessibleName(self.tr("Notiz zur Wiedervorlage"))
        self.note.setFont(sized_font(13))
        self.note.returnPressed.connect(self.focus_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(self._build_buttons())

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Aufgaben der Wiedervorlage"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFont(sized_font(12))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setFont(sized_font(11, bold=True))
        table.setToolTip(
            self.tr("Pfeil hoch/runter: Aufgabe wählen · Tasten 1–5: Stand setzen und weiter")
        )
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._show_current)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for number, status in enumerate(STATUS_KEYS.values(), 1):
            # an explicit Alt+n rather than a mnemonic: not every platform shows mnemonics
            button = QPushButton(f"{number} {enum_label(status)}")
            QShortcut(
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
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFont(sized_font(12))
            button.clicked.connect(partial(self.set_status, status))
            row.addWidget(button)
        return row

    # --- showing ---------------------------------------------------------------------------

    def show_item(self, item_id: str | None) -> None:
        """Load the reviews of a Wiedervorlage TOP, keeping the selected task where it was."""
        keep = self.selected_id() if item_id == self._item_id else None
        self._item_id = item_id
        rows = tasks.list_reviews(self.context.store, item_id) if item_id else []
        self.model.set_reviews(rows)
        done = sum(1 for r in rows if r.status_after is not None)
        heading = (
            self.tr("Wiedervorlage: 1 Aufgabe, %2 besprochen")
            if len(rows) == 1
            else self.tr("Wiedervorlage: %1 Aufgaben, %2 besprochen")
        )
        self.heading.setText(heading.replace("%1", str(len(rows))).replace("%2", str(done)))
        row = self.model.row_of(keep)
        if row < 0:
            row = next((n for n, r in enumerate(rows) if r.status_after is None), 0)
        self.select_row(row)
        self._show_current()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def selected_id(self) -> str | None:
        review = self.selected()
        return review.id if review else None

    def selected(self) -> ReviewInfo | None:
        return self.model.review(self.table.currentIndex().row())

    def _show_current(self, *_: object) -> None:
        review = self.selected()
        if review is None:
            self.current.setText(self.tr("Keine Aufgaben zur Wiedervorlage."))
            self.note.clear()
            return
        task = review.task
        lines = [
            f"{task.register_number}: {task.title}",
            self.tr("Wer: %1 · bis: %2 · Stand bisher: %3")
            .replace("%1", task.who or "–")
            .replace("%2", due_text(review) or "–")
            .replace("%3", enum_label(review.status_before)),
            self.tr("In dieser Sitzung: %1").replace("%1", outcome_text(review)),
        ]
        self.current.setText("\n".join(lines))
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
        self.context.run(label, tasks.review_task, review.id, status, self.note.text())
        # the context's changed signal has redrawn the table; step on to the next task
        self.select_row(min(row + 1, self.model.rowCount() - 1))
        self.focus_table()
