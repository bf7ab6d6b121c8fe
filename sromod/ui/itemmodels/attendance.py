"""The attendance list of a meeting: members first, then further attendees and guests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal

from sromod.models import AttendanceStatus
from sromod.services.attendance import AttendanceInfo
from sromod.services.wording import german_time
from sromod.ui.itemmodels.base import Index, RowTableModel
from sromod.ui.labels import enum_label
from sromod.ui.widgets import parse_time

# The status in words comes last and takes the room that is left; the buttons sit by the name.
COL_NAME, COL_AFFILIATION, COL_ROLE, COL_BUTTONS, COL_ARRIVED, COL_LEFT, COL_STATUS = range(7)


class AttendanceModel(RowTableModel[AttendanceInfo]):
    """Rows are AttendanceInfo values; edits are announced, never written here."""

    edited = Signal(int, str, object)  # row, field, value

    def __init__(self, parent: Any = None) -> None:
        headers = [
            self.tr("Name"),
            self.tr("Amt / Organisation"),
            self.tr("Rolle"),
            self.tr("Status setzen"),
            self.tr("Ankunft"),
            self.tr("Gegangen"),
            self.tr("Status"),
        ]
        super().__init__(headers, parent)

    def set_rows(self, rows: Iterable[AttendanceInfo]) -> None:
        """Same people as before: a data change (the view keeps its row widgets); else a reset."""
        rows = list(rows)
        if [_key(r) for r in rows] == [_key(r) for r in self._rows] and rows:
            self._rows = list(rows)
            last = self.index(len(rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        super().set_rows(rows)

    def id_of(self, row: AttendanceInfo) -> str | None:
        """A member's person id (a line may not be recorded yet), a guest's attendance id."""
        return _key(row)

    def status_text(self, line: AttendanceInfo) -> str:
        if line.status is None:
            return self.tr("nicht erfasst")
        if line.status == AttendanceStatus.REPRESENTED:
            return self.tr("vertreten durch %1").replace("%1", line.represented_by or "?")
        return enum_label(line.status)

    def cell(self, line: AttendanceInfo, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME and line.is_guest:
            return self.tr("Gast oder weitere teilnehmende Person")
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_ROLE, COL_STATUS):
            return self._text(line, column)  # the column may be too narrow for the whole text
        return None

    def _text(self, line: AttendanceInfo, column: int) -> str:
        if column == COL_NAME:
            return line.name if line.member else self.tr("%1 (Gast)").replace("%1", line.name)
        if column == COL_AFFILIATION:
            return line.office_code or line.organisation or ""
        if column == COL_ROLE:
            # a member's role comes as its German label, a guest's as free text
            role = QCoreApplication.translate("Enum", line.role) if line.role else ""
            if line.member and not line.voting:
                role = self.tr("%1, ohne Stimmrecht").replace("%1", role)
            return role
        if column == COL_STATUS:
            return self.status_text(line)
        if column == COL_ARRIVED:
            return german_time(line.arrived_at)
        if column == COL_LEFT:
            return german_time(line.left_at)
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_ARRIVED, COL_LEFT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (COL_ARRIVED, COL_LEFT):
            return False
        try:
            parsed = parse_time(str(value))
        except ValueError:
            return False
        field = "arrived_at" if index.column() == COL_ARRIVED else "left_at"
        self.edited.emit(index.row(), field, parsed)
        return True


def _key(line: AttendanceInfo) -> str | None:
    return line.person_id or line.id
