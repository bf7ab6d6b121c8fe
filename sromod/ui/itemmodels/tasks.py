"""The task register as a lazily loaded table: pages of plain tuples, sorted and filtered in SQL."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from sromod.models import TaskPriority, TaskStatus
from sromod.services import register
from sromod.services.register import TASK_SORT_KEYS, TaskFilter, TaskRow
from sromod.store import Store
from sromod.ui import icons
from sromod.ui.labels import enum_label

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_FOREGROUND = QColor("#9c0006")
CLOSED_FOREGROUND = QColor("#6b6b6b")
COLUMN = {key: n for n, key in enumerate(TASK_SORT_KEYS)}
OVERDUE_CELLS = ("overdue", "due_date")


def _meeting(row: TaskRow) -> str:
    if row.meeting_number is None:
        return ""
    text = QCoreApplication.translate("TaskTableModel", "%1. Sitzung, %2")
    return text.replace("%1", str(row.meeting_number)).replace("%2", f"{row.meeting_date:%d.%m.%Y}")


def _overdue(row: TaskRow) -> str:
    # Not register.OVERDUE_TEXT: that German word is the Excel list's, this cell is the window's.
    return QCoreApplication.translate("TaskTableModel", "überfällig") if row.overdue else ""


_CELLS: dict[str, Callable[[TaskRow], str]] = {
    "register_number": lambda r: r.register_number,
    "title": lambda r: " ".join(r.title.split()),
    "office_code": lambda r: r.office_code or "",
    "person_name": lambda r: r.person_name or "",
    "due_date": lambda r: f"{r.due_date:%d.%m.%Y}" if r.due_date else "",
    "status": lambda r: enum_label(r.status),
    "overdue": _overdue,
    "priority": lambda r: enum_label(r.priority),
    "region_name": lambda r: r.region_name or "",
    "body_short_name": lambda r: r.body_short_name or "",
    "meeting": _meeting,
    "remark": lambda r: " ".join((r.remark or "").split()),
}


class TaskTableModel(QAbstractTableModel):
    """Rows are `TaskRow` tuples; more are fetched from the store as the view scrolls."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[TaskRow] = []
        self._total = 0
        self._loaded = False
        self.filters = TaskFilter()
        self.sort_key = "due_date"
        self.descending = False
        self.totals = register.TaskTotals(0, 0, 0)
        self._headers = [
            self.tr("Nr."),
            self.tr("Aufgabe"),
            self.tr("Amt"),
            self.tr("Person"),
            self.tr("Fällig am"),
            self.tr("Status"),
            self.tr("Überfällig"),
            self.tr("Priorität"),
            self.tr("Bezirksregion"),
            self.tr("Gremium"),
            self.tr("Sitzung"),
            self.tr("Bemerkung"),
        ]

    # -- loading ----------------------------------------------------------------------------

    def set_filters(self, filters: TaskFilter) -> None:
        self.filters = filters
        self.reload()

    @property
    def loaded(self) -> bool:
        return self._loaded

    def reload(self, keep: int = 0) -> None:
        """Load the first page again (or as many rows as were loaded, to keep the scroll place)."""
        self.beginResetModel()
        self._loaded = True
        self.totals = register.task_totals(self._store, self.filters)
        self._total = self.totals.total
        limit = max(register.PAGE_SIZE, keep)
        self._rows = register.task_page(
            self._store, self.filters, sort=self.sort_key, descending=self.descending, limit=limit
        )
        self.endResetModel()

    def refresh(self) -> None:
        self.reload(keep=len(self._rows))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        self._append(register.PAGE_SIZE)

    def _append(self, count: int) -> None:
        more = register.task_page(
            self._store, self.filters, sort=self.sort_key, descending=self.descending,
            offset=len(self._rows), limit=count,
        )  # fmt: skip
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def ensure_loaded(self, row: int) -> None:
        """Load rows up to `row` (to jump to a task far down the list)."""
        if row >= len(self._rows) and row < self._total:
            self._append(row - len(self._rows) + register.PAGE_SIZE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (TASK_SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.sort_key, self.descending) and self.loaded:
            return
        self.sort_key, self.descending = wanted
        if self.loaded:  # before the first filters are set there is nothing to sort yet
            self.reload()

    # -- reading ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> TaskRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def task_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, task_id: str) -> int | None:
        for n, row in enumerate(self._rows):
            if row.id == task_id:
                return n
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = TASK_SORT_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _CELLS[key](row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "remark"):
            return (row.title if key == "title" else row.remark) or None
        return self._style(row, key, role)

    def _style(self, row: TaskRow, key: str, role: int) -> Any:
        # Overdue shows in its own cell (colour, icon and word) and the due date, not as a whole
        # pink row: a list of mostly overdue tasks stays readable.
        marked = row.overdue and key in OVERDUE_CELLS
        if role == Qt.ItemDataRole.BackgroundRole and marked and key == "overdue":
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.DecorationRole and marked and key == "overdue":
            return icons.overdue_icon()
        if role == Qt.ItemDataRole.ForegroundRole:
            if marked:
                return QBrush(OVERDUE_FOREGROUND)
            if row.status.is_closed:
                return QBrush(CLOSED_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and (
            (key == "overdue" and row.overdue)
            or (key == "priority" and row.priority == TaskPriority.HIGH)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def status_choices() -> list[tuple[tuple[TaskStatus, ...], str]]:
    """The status filter's entries: all, the pending ones together, then each status."""
    pending = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DEFERRED)
    return [
        ((), "alle Status"),
        (pending, "unerledigt (offen, in Bearbeitung, zurückgestellt)"),
        *(((s,), s.label) for s in TaskStatus),
    ]


def today() -> date:
    return date.today()
