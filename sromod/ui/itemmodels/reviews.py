"""The tasks up for review in a Wiedervorlage TOP, as the live view steps through them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from sromod.services.tasks import ReviewInfo
from sromod.ui.labels import enum_label

ReviewId = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewModel", text)


def due_text(review: ReviewInfo) -> str:
    due = review.task.due_date
    return due.strftime("%d.%m.%Y") if due else ""


def outcome_text(review: ReviewInfo) -> str:
    """The meeting's word on the task so far, in words ("noch nicht besprochen" until set)."""
    if review.status_after is None:
        return _tr("noch nicht besprochen")
    return "✓ " + enum_label(review.status_after)


class ReviewModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReviewModel", "Nr."),
        QT_TRANSLATE_NOOP("ReviewModel", "Aufgabe"),
        QT_TRANSLATE_NOOP("ReviewModel", "Wer"),
        QT_TRANSLATE_NOOP("ReviewModel", "Bis"),
        QT_TRANSLATE_NOOP("ReviewModel", "bisher"),
        QT_TRANSLATE_NOOP("ReviewModel", "jetzt"),
        QT_TRANSLATE_NOOP("ReviewModel", "Notiz"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewInfo] = []

    def set_reviews(self, rows: list[ReviewInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def review(self, row: int) -> ReviewInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, review_id: str | None) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == review_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(self.COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        review = self._rows[index.row()]
        if role == ReviewId:
            return review.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(review, index.column())
        return None

    def _cell(self, review: ReviewInfo, column: int) -> str:
        task = review.task
        values = (
            task.register_number,
            task.title,
            task.who,
            due_text(review),
            enum_label(review.status_before),
            outcome_text(review),
            review.note or "",
        )
        return values[column]
