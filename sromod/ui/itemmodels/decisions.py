"""The decision register as a lazily loaded table over plain tuples from the store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sromod.services import register
from sromod.services.register import DECISION_SORT_KEYS, DecisionFilter, DecisionRow
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.base import PagedTableModel
from sromod.ui.labels import enum_label, top_caption


class DecisionTableModel(PagedTableModel[DecisionRow]):
    """Rows are `DecisionRow` tuples, newest first unless the user sorts otherwise."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        headers = [
            self.tr("Nr."),
            self.tr("Datum"),
            self.tr("Gremium"),
            self.tr("TOP"),
            self.tr("Art"),
            self.tr("Text"),
            self.tr("Stimmen"),
        ]
        super().__init__(
            headers, DECISION_SORT_KEYS, "register_number", descending=True, parent=parent
        )
        self._context = context  # the store is read from it at each load: it can be replaced
        self.filters = DecisionFilter()

    def set_filters(self, filters: DecisionFilter) -> None:
        self.filters = filters
        self.reload()

    def count_rows(self) -> int:
        return self._context.query(register.decision_count, self.filters)

    def page(self, offset: int, limit: int) -> list[DecisionRow]:
        return self._context.query(
            register.decision_page, self.filters, sort=self.sort_key, descending=self.descending,
            offset=offset, limit=limit,
        )  # fmt: skip

    def cell(self, row: DecisionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.register_number, german_date(row.meeting_date), row.body_short_name,
                top_caption(row.top_number, row.top_title), enum_label(row.kind),
                " ".join(row.text.split()), row.votes,
            )  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 5):
            return top_caption(row.top_number, row.top_title) if column == 3 else row.text
        return None

    def header_tip(self, section: int) -> str | None:
        return self.tr("dafür : dagegen : Enthaltung") if section == 6 else None
