"""The agenda as the live view's side list and the projector's list: one row per TOP with its state."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from sromod.models import AgendaItemState
from sromod.services.agenda import AgendaItemInfo, agenda_time_plan
from sromod.ui import theme
from sromod.ui.itemmodels.base import ID_ROLE
from sromod.ui.labels import agenda_item_label

ItemId = ID_ROLE  # the same role as every table's row id
StateRole = Qt.ItemDataRole.UserRole + 2


Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaListModel", text)


def state_text(item: AgendaItemInfo, running_id: str | None) -> str:
    """The TOP's state in words, so that no state is told by colour alone."""
    if item.id == running_id:
        return _tr("▶ läuft")
    if item.state == AgendaItemState.POSTPONED:
        return _tr("vertagt")
    if item.actual_end is not None or item.state == AgendaItemState.TREATED:
        return _tr("✓ behandelt")
    return _tr("offen")


def used_minutes(item: AgendaItemInfo) -> int | None:
    if item.actual_start is None or item.actual_end is None:
        return None
    return round((item.actual_end - item.actual_start).total_seconds() / 60)


class AgendaListModel(QAbstractListModel):
    """TOPs of one meeting in reading order; the running one marked by colour and by words."""

    def __init__(self, *, show_used: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItemInfo] = []
        self._running: str | None = None
        self._show_used = show_used

    def set_agenda(self, items: list[AgendaItemInfo], running_id: str | None) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._running = running_id
        self.endResetModel()

    def row_of(self, item_id: str | None) -> int | None:
        return next((row for row, item in enumerate(self._items) if item.id == item_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        running = item.id == self._running
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{agenda_item_label(item.number)}: {item.title}"
        if role == ItemId:
            return item.id
        if role == StateRole:
            return state_text(item, self._running)
        if role == Qt.ItemDataRole.BackgroundRole and running:
            return QBrush(theme.qcolour("running_bg"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if running:
                return QBrush(theme.qcolour("running_fg"))
            return QBrush(theme.qcolour("done_fg")) if item.actual_end is not None else None
        if role == Qt.ItemDataRole.FontRole and running:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, item: AgendaItemInfo) -> str:
        indent = "    " if item.depth else ""
        details = [_tr("%1 Min.").replace("%1", str(item.planned_minutes))]
        used = used_minutes(item)
        if self._show_used and used is not None:
            details.append(_tr("%1 Min. gebraucht").replace("%1", str(used)))
        details.append(state_text(item, self._running))
        return f"{indent}{agenda_item_label(item.number)}  {item.title}\n{indent}" + " · ".join(
            details
        )


def planned_minutes_of(items: list[AgendaItemInfo], item: AgendaItemInfo) -> int:
    """The TOP's time box by the agenda's one rule (a TOP with sub-items: max(own, theirs))."""
    return agenda_time_plan(items).minutes.get(item.id, item.planned_minutes)


def expected_end(
    items: list[AgendaItemInfo], current: AgendaItemInfo, now: datetime, elapsed_seconds: float
) -> datetime:
    """When the meeting ends if the rest of the agenda keeps to its planned minutes."""
    plan = agenda_time_plan(items)
    if current.id not in plan.offsets:
        return now
    left = max(0.0, plan.minutes[current.id] * 60 - elapsed_seconds)
    return now + timedelta(seconds=left + plan.minutes_after(current.id) * 60)
