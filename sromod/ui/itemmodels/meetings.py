"""The meetings of one body as a table (newest first)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from sromod.models import MeetingState
from sromod.services.wording import german_date, german_time
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.labels import enum_label

if TYPE_CHECKING:
    from sromod.services.meetings import MeetingInfo

STATE_TONES = {
    MeetingState.PLANNED: "neutral",
    MeetingState.INVITED: "info",
    MeetingState.RUNNING: "warn",
    MeetingState.HELD: "good",
    MeetingState.RELEASED: "good",
    MeetingState.CANCELLED: "bad",
}


class MeetingsModel(RowsModel):
    """Rows are plain tuples: (id, number, date, start, place, state label)."""

    def __init__(self, parent: Any = None) -> None:
        headers = [
            self.tr("Nr."),
            self.tr("Datum"),
            self.tr("Beginn"),
            self.tr("Ort"),
            self.tr("Status"),
        ]
        super().__init__(headers, parent)

    def set_meetings(self, meetings: list[MeetingInfo]) -> None:
        self.set_rows(
            (
                m.id,
                m.number,
                german_date(m.date),
                german_time(m.planned_start),
                m.place or "",
                enum_label(m.state),
            )
            for m in meetings
        )

    def cell(self, row: tuple[Any, ...], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row[column + 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
