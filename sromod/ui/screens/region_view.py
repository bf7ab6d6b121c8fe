"""Region view: TOPs, decisions and tasks tagged with a Bezirksregion, across all bodies."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sromod.models import RegionLevel
from sromod.services import directory, register
from sromod.services.region_view import RegionTopRow, count_tops_for_region, tops_for_region
from sromod.services.register import DecisionFilter
from sromod.services.task_query import PENDING, TaskFilter
from sromod.services.wording import german_date
from sromod.ui.charts import BarChart
from sromod.ui.context import AppContext
from sromod.ui.empty_state import WithEmptyState
from sromod.ui.itemmodels.base import RowTableModel
from sromod.ui.itemmodels.decisions import DecisionTableModel
from sromod.ui.itemmodels.tasks import TaskTableModel
from sromod.ui.labels import enum_label, top_caption
from sromod.ui.screens.office_view import (
    DECISION_TEXT,
    FollowUpView,
    decision_table,
    fill_status_chart,
    task_table,
)
from sromod.ui.widgets import fill_combo, read_only_table

log = logging.getLogger(__name__)

WATCHED = {"tasks", "task_events", "decisions", "decision_regions", "agenda_items",
           "agenda_item_regions", "meetings", "regions"}  # fmt: skip


class RegionTopsModel(RowTableModel[RegionTopRow]):
    """The tagged TOPs as plain tuples: date, body, TOP, state, result."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Datum"), self.tr("Gremium"), self.tr("TOP"), self.tr("Status"),
                          self.tr("Ergebnis")], parent)  # fmt: skip

    def cell(self, row: RegionTopRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            top = top_caption(row.top_number, row.top_title)
            values = (german_date(row.meeting_date), row.body_short_name, top,
                      enum_label(row.state), row.result)  # fmt: skip
            return values[column]
        return None


class RegionViewScreen(FollowUpView):
    """Choose a Bezirksregion (its Planungsräume count in); report its follow-up."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Bezirksregion"))
        self.region.setMinimumWidth(280)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.export_button = QPushButton(self.tr("Aufgaben der Region exportieren…"))
        self.export_button.clicked.connect(self.export_list)
        self.tops = RegionTopsModel(self)
        self.top_table = read_only_table(self.tops, self.tr("TOPs der Region"))
        self.top_table.setSortingEnabled(False)
        for column, width in enumerate((85, 110, 320, 90)):
            self.top_table.setColumnWidth(column, width)
        self.top_table.doubleClicked.connect(self._open_top)
        self.decisions = DecisionTableModel(context, self)
        self.decision_table = decision_table(
            self.decisions, self.tr("Beschlüsse der Region"), {DECISION_TEXT: 360}
        )
        self.decision_table.doubleClicked.connect(self._open_decision)
        self.tasks = TaskTableModel(context, self)
        self.task_table = task_table(
            self.tasks, self.tr("Aufgaben der Region"), 260, ("priority", "remark", "region_name")
        )
        self.task_table.doubleClicked.connect(self._open_task)
        self.by_status = BarChart(self.tr("Unerledigte Aufgaben nach Status"))
        self.closed_note = QLabel()
        self.by_office = BarChart(self.tr("Unerledigte Aufgaben nach Amt"))
        self._build()
        self.load_regions()
        self.region.currentIndexChanged.connect(self.refresh)
        context.changed.connect(self._data_changed)
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bezirksregion:")))
        top.addWidget(self.region)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Inhalte der Region"))
        self.task_area = WithEmptyState(self.task_table)
        self.task_area.empty.set_text(
            self.tr("In dieser Bezirksregion ist keine Aufgabe unerledigt."),
            self.tr("Aufgaben erhalten ihre Bezirksregion, wenn sie in einer Sitzung angelegt "
                    "oder im Aufgabenregister bearbeitet werden."),
        )  # fmt: skip
        self.tabs.addTab(self.task_area, self.tr("Unerledigte Aufgaben"))
        self.tabs.addTab(self.decision_table, self.tr("Beschlüsse"))
        self.tabs.addTab(self.top_table, self.tr("TOPs"))
        charts = QVBoxLayout()
        charts.addWidget(self.by_status)
        charts.addWidget(self.closed_note)
        charts.addWidget(self.by_office)
        charts.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.tabs, 0, 0)
        grid.addLayout(charts, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    def load_regions(self) -> None:
        current = self.region.currentData()
        regions = directory.list_regions(self.context.store, RegionLevel.BEZIRKSREGION)
        self.region.blockSignals(True)
        fill_combo(self.region, [(r.id, f"{r.lor_id} {r.name}") for r in regions], current)
        self.region.blockSignals(False)

    def region_id(self) -> str | None:
        data = self.region.currentData()
        return str(data) if data else None

    def refresh(self) -> None:
        region_id = self.region_id()
        if region_id is None:
            return
        store = self.context.store
        tops = tops_for_region(store, region_id)
        self.tops.set_rows(tops)
        top_count = count_tops_for_region(store, region_id)  # the list shows the newest 1,000
        self.decisions.set_filters(DecisionFilter(region_id=region_id))
        self.tasks.set_filters(TaskFilter(region_id=region_id, statuses=PENDING))
        self.task_area.show_empty(self.tasks.total == 0)
        totals = register.task_totals(store, TaskFilter(region_id=region_id))
        self.summary.setText(
            self.tr("%1 offen, %2 überfällig · %3 Beschlüsse · %4 TOPs")
            .replace("%1", str(totals.open))
            .replace("%2", str(totals.overdue))
            .replace("%3", str(self.decisions.total))
            .replace("%4", str(top_count))
        )
        self.tabs.setTabText(
            0, self.tr("Unerledigte Aufgaben (%1)").replace("%1", str(self.tasks.total))
        )
        self.tabs.setTabText(1, self.tr("Beschlüsse (%1)").replace("%1", str(self.decisions.total)))
        self.tabs.setTabText(2, self.tr("TOPs (%1)").replace("%1", str(top_count)))
        fill_status_chart(self.by_status, self.closed_note, store, TaskFilter(region_id=region_id))
        offices = register.tasks_by_office(store, TaskFilter(region_id=region_id, statuses=PENDING))
        labels = [self.tr("ohne Amt") if x == "ohne Amt" else x for x in offices.labels]
        self.by_office.set_data(labels, offices.values)

    def show_item(self, id: str) -> None:
        """Show the Bezirksregion with this id."""
        index = self.region.findData(id)
        if index >= 0:
            self.region.setCurrentIndex(index)

    def _data_changed(self, tables: set[str]) -> None:
        if tables & WATCHED:
            if "regions" in tables:
                self.load_regions()
            self.refresh()

    def _open_top(self, index: QModelIndex) -> None:
        top_id = self.tops.row_id(index.row())
        if top_id:
            self.context.navigate.emit("agenda_item", top_id)

    def export_list(self) -> None:
        """Export what the screen lists: the region's unfinished tasks."""
        from sromod.ui.exports_ui import export_task_list

        if self.region_id() is not None:
            scope = self.tr("die unerledigten Aufgaben der Bezirksregion, wie angezeigt")
            export_task_list(self, self.context, self.tasks.filters, scope)
