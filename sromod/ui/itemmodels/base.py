"""The one base of sromod's table models: plain rows, one header per column, the row's id.

Rows are plain values from the services (tuples or frozen dataclasses), never ORM objects.
Each row has an id, given by ID_ROLE and found again by `row_of`, which answers None when no
row holds it. A subclass says what a cell shows (`text`, or `cell` for the other roles).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole

R = TypeVar("R")


def page_size() -> int:
    """Rows per page of the registers (their module, and SQLAlchemy, load when a page does)."""
    from sromod.services.register import PAGE_SIZE

    return PAGE_SIZE


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list of plain rows."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    # --- rows ----------------------------------------------------------------------------

    def id_of(self, row: R) -> str | None:
        """The id of a row: its `id` field, or the first value of a tuple."""
        found = getattr(row, "id", None)
        if found is None and isinstance(row, tuple):
            found = row[0]
        return None if found is None else str(found)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return None if found is None else self.id_of(found)

    def row_of(self, row_id: str | None) -> int | None:
        """The row that holds row_id, None if none does."""
        if row_id is None:
            return None
        return next((n for n, r in enumerate(self._rows) if self.id_of(r) == row_id), None)

    # --- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ID_ROLE:
            return self.id_of(row)
        return self.cell(row, index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        """What a cell holds in a role other than ID_ROLE; by default its text only."""
        return self.text(row, column) if role == DISPLAY else None

    def text(self, row: R, column: int) -> Any:
        """The cell's text; by default a tuple's value after its id."""
        assert isinstance(row, tuple)
        return row[column + 1]

    def header_tip(self, section: int) -> str | None:
        """A tooltip for a column header (a column whose title is short for something)."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == DISPLAY:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None


class RowsModel(RowTableModel[tuple[Any, ...]]):
    """A read-only table of (id, *texts) tuples."""


class PagedTableModel(RowTableModel[R]):
    """Rows loaded a page at a time as the view scrolls, sorted and filtered in SQL.

    A subclass says how many rows the filters find (`count_rows`) and reads one page (`page`).
    """

    def __init__(
        self,
        headers: Sequence[str],
        sort_keys: Sequence[str],
        sort_key: str,
        *,
        descending: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(headers, parent)
        self._sort_keys = tuple(sort_keys)
        self.sort_key = sort_key
        self.descending = descending
        self._total = 0
        self._loaded = False

    def count_rows(self) -> int:
        raise NotImplementedError

    def page(self, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def total(self) -> int:
        return self._total

    def reload(self, keep: int = 0) -> None:
        """Load the first page again (or as many rows as were loaded, to keep the scroll place)."""
        self.beginResetModel()
        self._loaded = True
        self._total = self.count_rows()
        self._rows = self.page(0, max(page_size(), keep))
        self.endResetModel()

    def refresh(self) -> None:
        self.reload(keep=len(self._rows))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not parent.isValid():
            self._append(page_size())

    def ensure_loaded(self, row: int) -> None:
        """Load rows up to `row` (to jump to a row far down the list)."""
        if len(self._rows) <= row < self._total:
            self._append(row - len(self._rows) + page_size())

    def _append(self, count: int) -> None:
        more = self.page(len(self._rows), count)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (self._sort_keys[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.sort_key, self.descending) and self.loaded:
            return
        self.sort_key, self.descending = wanted
        if self.loaded:  # before the first filters are set there is nothing to sort yet
            self.reload()
