"""People and offices as tables over plain values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sromod.services.directory import OfficeInfo, PersonInfo
from sromod.ui.labels import enum_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table of (id, *texts) tuples."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column() + 1]
        if role == ID_ROLE:
            return self._rows[index.row()][0]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def row_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int:
        for row, values in enumerate(self._rows):
            if values[0] == row_id:
                return row
        return -1


class PeopleModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Name"),
                self.tr("Amt / Organisation"),
                self.tr("Funktion"),
                self.tr("E-Mail"),
                self.tr("Kontaktdaten im Protokoll"),
                self.tr("Aktiv"),
            ],
            parent,
        )

    def set_people(self, people: list[PersonInfo]) -> None:
        yes, no = self.tr("ja"), self.tr("nein")
        self.set_rows(
            [
                (
                    p.id,
                    p.name,
                    p.affiliation,
                    p.function or "",
                    p.email or "",
                    yes if p.contact_consent else no,
                    yes if p.active else no,
                )
                for p in people
            ]
        )


class OfficesModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [self.tr("Kürzel"), self.tr("Name"), self.tr("Art"), self.tr("Aktiv")], parent
        )

    def set_offices(self, offices: list[OfficeInfo]) -> None:
        yes, no = self.tr("ja"), self.tr("nein")
        self.set_rows(
            [(o.id, o.code, o.name, enum_label(o.kind), yes if o.active else no) for o in offices]
        )
