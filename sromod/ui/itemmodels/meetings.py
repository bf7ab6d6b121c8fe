"""The meetings of one body as a table (newest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sromod.models import MeetingState
from sromod.services.meetings import MeetingInfo
from sromod.ui.labels import enum_label
from sromod.ui.widgets import german_date, german_time

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

STATE_TONES = {
    MeetingState.PLANNED: "neutral",
    MeetingState.INVITED: "info",
    MeetingState.RUNNING: "warn",
    MeetingState.HELD: "good",
    MeetingState.RELEASED: "good",
    MeetingState.CANCELLED: "bad",
}


class MeetingsModel(QAbstractTableModel):
    """Rows are plain tuples: (id, number, date, start, place, state label)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, str, str, str, str]] = []
        self._headers = [
            self.tr("Nr."),
            self.tr("Datum"),
            self.tr("Beginn"),
            self.tr("Ort"),
            self.tr("Status"),
        ]

    def set_meetings(self, meetings: list[MeetingInfo]) -> None:
        self.beginResetModel()
        self._rows = [
            (
                m.id,
                m.number,
                german_date(m.date),
                german_time(m.planned_start),
                m.place or "",
                enum_label(m.state),
            )
            for m in meetings
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row[index.column() + 1])
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def meeting_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, meeting_id: str) -> int:
        for row, values in enumerate(self._rows):
            if values[0] == meeting_id:
                return row
        return -1
