"""The decision register as a lazily loaded table over plain tuples from the store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sromod.services import register
from sromod.services.register import DECISION_SORT_KEYS, DecisionFilter, DecisionRow
from sromod.store import Store
from sromod.ui.labels import enum_label, top_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class DecisionTableModel(QAbstractTableModel):
    """Rows are `DecisionRow` tuples, newest first unless the user sorts otherwise."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[DecisionRow] = []
        self._total = 0
        self._loaded = False
        self.filters = DecisionFilter()
        self.sort_key = "register_number"
        self.descending = True
        self._headers = [
            self.tr("Nr."),
            self.tr("Datum"),
            self.tr("Gremium"),
            self.tr("TOP"),
            self.tr("Art"),
            self.tr("Text"),
            self.tr("Stimmen"),
        ]

    def set_filters(self, filters: DecisionFilter) -> None:
        self.filters = filters
        self.reload()

    @property
    def loaded(self) -> bool:
        return self._loaded

    def reload(self, keep: int = 0) -> None:
        self.beginResetModel()
        self._loaded = True
        self._total = register.decision_count(self._store, self.filters)
        self._rows = register.decision_page(
            self._store, self.filters, sort=self.sort_key, descending=self.descending,
            limit=max(register.PAGE_SIZE, keep),
        )  # fmt: skip
        self.endResetModel()

    def refresh(self) -> None:
        self.reload(keep=len(self._rows))

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = register.decision_page(
            self._store, self.filters, sort=self.sort_key, descending=self.descending,
            offset=len(self._rows),
        )  # fmt: skip
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (DECISION_SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.sort_key, self.descending) and self.loaded:
            return
        self.sort_key, self.descending = wanted
        if self.loaded:  # before the first filters are set there is nothing to sort yet
            self.reload()

    def row_at(self, row: int) -> DecisionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, decision_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == decision_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.register_number, f"{row.meeting_date:%d.%m.%Y}", row.body_short_name,
                top_text(row.top), enum_label(row.kind), " ".join(row.text.split()), row.votes,
            )  # fmt: skip
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 5):
            return top_text(row.top) if index.column() == 3 else row.text
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("dafür : dagegen : Enthaltung") if section == 6 else None
        return None
