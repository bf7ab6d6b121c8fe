"""A meeting's agenda as a tree: TOPs with their sub-items, planned times, drag and drop."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sromod.services.agenda import AgendaItemInfo, agenda_time_plan
from sromod.services.wording import german_time
from sromod.ui.labels import agenda_item_label, enum_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-sromod-agenda-item"
Index = QModelIndex | QPersistentModelIndex

COL_NUMBER, COL_TITLE, COL_MINUTES, COL_START, COL_PRESENTER, COL_REGIONS, COL_KIND = range(7)
EDITABLE = {COL_TITLE: "title", COL_MINUTES: "planned_minutes", COL_PRESENTER: "presenter"}


class AgendaModel(QAbstractItemModel):
    """Internal ids are 1 + the item's place in reading order; 0 is the root."""

    edited = Signal(str, str, object)  # item id, field, new value
    move_requested = Signal(str, object, int)  # item id, new parent id or None, position (1-based)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItemInfo] = []
        self._children: dict[int, list[int]] = {0: []}
        self._parent: dict[int, int] = {}
        self._starts: dict[int, time | None] = {}
        self._region_names: dict[str, str] = {}
        self._headers = [
            self.tr("TOP"),
            self.tr("Titel"),
            self.tr("Min."),
            self.tr("Beginn"),
            self.tr("Vortragende"),
            self.tr("Bezirksregionen"),
            self.tr("Art"),
        ]

    # -- loading ---------------------------------------------------------------------------

    def set_agenda(
        self,
        items: list[AgendaItemInfo],
        start: time | None,
        region_names: dict[str, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._region_names = region_names or {}
        key_of = {item.id: n + 1 for n, item in enumerate(self._items)}
        self._children = {0: []}
        self._parent = {}
        for key, item in enumerate(self._items, 1):
            parent_key = key_of.get(item.parent_id, 0) if item.parent_id else 0
            self._children.setdefault(parent_key, []).append(key)
            self._children.setdefault(key, [])
            self._parent[key] = parent_key
        self._starts = self._planned_starts(start)
        self.endResetModel()

    def _planned_starts(self, start: time | None) -> dict[int, time | None]:
        """Each TOP's planned start by the agenda's one time rule (`agenda.time_plan`)."""
        if start is None:
            return {}
        plan = agenda_time_plan(self._items, date(2000, 1, 3), start)
        starts: dict[int, time | None] = {}
        for key, item in enumerate(self._items, 1):
            begin = plan.start_of(item.id)
            starts[key] = begin.time() if begin is not None else None
        return starts

    # -- structure ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        parent_key = int(parent.internalId()) if parent.isValid() else 0
        keys = self._children.get(parent_key, [])
        if not (0 <= row < len(keys) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, keys[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # Qt's parent() is QObject.parent too; the stub's overloads cannot both be matched
        if not child.isValid():
            return QModelIndex()
        parent_key = self._parent.get(int(child.internalId()), 0)
        if parent_key == 0:
            return QModelIndex()
        grand = self._parent.get(parent_key, 0)
        return self.createIndex(self._children[grand].index(parent_key), 0, parent_key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        key = int(parent.internalId()) if parent.isValid() else 0
        return len(self._children.get(key, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def item(self, index: Index) -> AgendaItemInfo | None:
        if not index.isValid():
            return None
        key = int(index.internalId())
        return self._items[key - 1] if 0 < key <= len(self._items) else None

    def index_of(self, item_id: str) -> QModelIndex:
        for key, item in enumerate(self._items, 1):
            if item.id == item_id:
                parent_key = self._parent[key]
                return self.createIndex(self._children[parent_key].index(key), 0, key)
        return QModelIndex()

    def items(self) -> list[AgendaItemInfo]:
        return list(self._items)

    def has_children(self, item_id: str) -> bool:
        index = self.index_of(item_id)
        return index.isValid() and bool(self._children.get(int(index.internalId())))

    # -- data -------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        if role == ID_ROLE:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, int(index.internalId()), index.column(), role)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_TITLE:
            return item.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            COL_MINUTES,
            COL_START,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: AgendaItemInfo, key: int, column: int, role: int) -> Any:
        if column == COL_NUMBER:
            return agenda_item_label(item.number)
        if column == COL_TITLE:
            return item.title
        if column == COL_MINUTES:
            return (
                item.planned_minutes
                if role == Qt.ItemDataRole.EditRole
                else str(item.planned_minutes)
            )
        if column == COL_START:
            return german_time(self._starts.get(key))
        if column == COL_PRESENTER:
            return item.presenter or ""
        if column == COL_REGIONS:
            return ", ".join(self._region_names.get(r, "?") for r in item.region_ids)
        if column == COL_KIND:
            return enum_label(item.kind)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index)
        field = EDITABLE.get(index.column())
        if item is None or field is None or role != Qt.ItemDataRole.EditRole:
            return False
        if field == "planned_minutes":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
        elif isinstance(value, str):
            value = value.strip() or None
        if value == getattr(item, field) or (field == "presenter" and value == item.presenter):
            return False
        # The editor commits through the undo stack; the model redraws from the database.
        self.edited.emit(item.id, field, value)
        return True

    # -- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # the stub takes Sequence[QModelIndex]; Qt hands a list
        data = QMimeData()
        item = next((self.item(i) for i in indexes if i.isValid()), None)
        if item is not None:
            data.setData(MIME_TYPE, QByteArray(item.id.encode()))
        return data

    def drop_target(
        self, data: QMimeData, row: int, parent: Index
    ) -> tuple[str, str | None, int] | None:
        """Where a drop puts the dragged TOP: (item id, new parent id, position), or None."""
        if not data.hasFormat(MIME_TYPE):
            return None
        item_id = bytes(data.data(MIME_TYPE).data()).decode()
        moving = next((i for i in self._items if i.id == item_id), None)
        target = self.item(parent)
        if moving is None:
            return None
        if target is not None and target.parent_id is not None:
            # dropped on a sub-item: sub-items cannot have sub-items, so go beside it
            row = self.index_of(target.id).row() + 1
            target = next(i for i in self._items if i.id == target.parent_id)
        new_parent = target.id if target is not None else None
        if new_parent is not None and (new_parent == item_id or self.has_children(item_id)):
            return None
        siblings = self.rowCount(self.index_of(new_parent) if new_parent else QModelIndex())
        if row < 0:
            row = siblings
        if moving.parent_id == new_parent and self.index_of(item_id).row() < row:
            row -= 1  # the item leaves its old place before it is inserted
        return item_id, new_parent, row + 1

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self.drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
        # False: the view must not remove the source row itself; the move reloads the model.
        return False
