"""The task register as a lazily loaded table: pages of plain tuples, sorted and filtered in SQL."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont

from sromod.models import TaskPriority, TaskStatus
from sromod.services import register
from sromod.services.register import TASK_SORT_KEYS, TaskRow
from sromod.services.task_query import PENDING, TaskFilter
from sromod.services.wording import german_date
from sromod.ui import icons, theme
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.base import PagedTableModel
from sromod.ui.labels import enum_label

log = logging.getLogger(__name__)

COLUMN = {key: n for n, key in enumerate(TASK_SORT_KEYS)}
OVERDUE_CELLS = ("overdue", "due_date")


def _meeting(row: TaskRow) -> str:
    if row.meeting_number is None:
        return ""
    text = QCoreApplication.translate("TaskTableModel", "%1. Sitzung, %2")
    return text.replace("%1", str(row.meeting_number)).replace("%2", german_date(row.meeting_date))


def _overdue(row: TaskRow) -> str:
    # Not register.OVERDUE_TEXT: that German word is the Excel list's, this cell is the window's.
    return QCoreApplication.translate("TaskTableModel", "überfällig") if row.overdue else ""


_CELLS: dict[str, Callable[[TaskRow], str]] = {
    "register_number": lambda r: r.register_number,
    "title": lambda r: " ".join(r.title.split()),
    "office_code": lambda r: r.office_code or "",
    "person_name": lambda r: r.person_name or "",
    "due_date": lambda r: german_date(r.due_date),
    "status": lambda r: enum_label(r.status),
    "overdue": _overdue,
    "priority": lambda r: enum_label(r.priority),
    "region_name": lambda r: r.region_name or "",
    "body_short_name": lambda r: r.body_short_name or "",
    "meeting": _meeting,
    "remark": lambda r: " ".join((r.remark or "").split()),
}


class TaskTableModel(PagedTableModel[TaskRow]):
    """Rows are `TaskRow` tuples; more are fetched from the store as the view scrolls."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        headers = [
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
        super().__init__(headers, TASK_SORT_KEYS, "due_date", parent=parent)
        self._context = context  # the store is read from it at each load: it can be replaced
        self.filters = TaskFilter()
        self.totals = register.TaskTotals(0, 0, 0)

    # -- loading ----------------------------------------------------------------------------

    def set_filters(self, filters: TaskFilter) -> None:
        self.filters = filters
        self.reload()

    def count_rows(self) -> int:
        self.totals = self._context.query(register.task_totals, self.filters)
        return self.totals.total

    def page(self, offset: int, limit: int) -> list[TaskRow]:
        return self._context.query(
            register.task_page, self.filters, sort=self.sort_key, descending=self.descending,
            offset=offset, limit=limit,
        )  # fmt: skip

    # -- reading ----------------------------------------------------------------------------

    task_id = PagedTableModel.row_id  # the register's word for it

    def cell(self, row: TaskRow, column: int, role: int) -> Any:
        key = TASK_SORT_KEYS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return _CELLS[key](row)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "remark"):
            return (row.title if key == "title" else row.remark) or None
        return self._style(row, key, role)

    def _style(self, row: TaskRow, key: str, role: int) -> Any:
        # Overdue shows in its own cell (colour, icon and word) and the due date, not as a whole
        # pink row: a list of mostly overdue tasks stays readable.
        marked = row.overdue and key in OVERDUE_CELLS
        if role == Qt.ItemDataRole.BackgroundRole and marked and key == "overdue":
            return QBrush(theme.qcolour("overdue_bg"))
        if role == Qt.ItemDataRole.DecorationRole and marked and key == "overdue":
            return icons.overdue_icon()
        if role == Qt.ItemDataRole.ForegroundRole:
            if marked:
                return QBrush(theme.qcolour("overdue_fg"))
            if row.status.is_closed:
                return QBrush(theme.qcolour("closed_fg"))
        if role == Qt.ItemDataRole.FontRole and (
            (key == "overdue" and row.overdue)
            or (key == "priority" and row.priority == TaskPriority.HIGH)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None


def status_choices() -> list[tuple[tuple[TaskStatus, ...], str]]:
    """The status filter's entries: all, the pending ones together, then each status."""
    return [
        ((), "alle Status"),
        (PENDING, "unerledigt (offen, in Bearbeitung, zurückgestellt)"),
        *(((s,), s.label) for s in TaskStatus),
    ]


def today() -> date:
    return date.today()
