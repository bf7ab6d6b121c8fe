"""Office view: the start page of an office lead — what the office still owes, and why."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sromod.models import TaskStatus
from sromod.services import directory, register
from sromod.services.register import DecisionFilter
from sromod.services.task_query import PENDING, TaskFilter
from sromod.store import Store
from sromod.ui.charts import BarChart
from sromod.ui.context import AppContext
from sromod.ui.empty_state import WithEmptyState
from sromod.ui.i18n import number
from sromod.ui.itemmodels.decisions import DecisionTableModel
from sromod.ui.itemmodels.tasks import COLUMN, TaskTableModel
from sromod.ui.labels import enum_label
from sromod.ui.widgets import fill_combo, read_only_table

log = logging.getLogger(__name__)

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the office's name beside its id
WATCHED = {"tasks", "task_events", "decisions", "offices", "agenda_items", "meetings"}
HIDDEN_TASK_COLUMNS = ("office_code", "priority", "remark")
KEY_TASK_COLUMNS = ("register_number", "title", "office_code", "due_date", "status", "overdue")
TASK_COLUMN_WIDTHS = {"register_number": 100, "office_code": 70, "due_date": 85, "status": 105,
                      "overdue": 95, "person_name": 140}  # fmt: skip
DECISION_TEXT, DECISION_VOTES = 5, 6


def task_table(
    model: TaskTableModel, name: str, title_width: int, hidden: tuple[str, ...]
) -> QTableView:
    """The tasks of an office or a region: the columns a user filters by first, soonest due
    first, the `hidden` columns left out."""
    table = read_only_table(model, name)
    for key in hidden:
        table.setColumnHidden(COLUMN[key], True)
    arrange_task_columns(table, title_width)
    table.horizontalHeader().setSortIndicator(COLUMN["due_date"], Qt.SortOrder.AscendingOrder)
    return table


def decision_table(model: DecisionTableModel, name: str, widths: dict[int, int]) -> QTableView:
    """Decisions, newest first, their votes before the long text (seen at 1366 px without
    scrolling); `widths` by column."""
    table = read_only_table(model, name)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    table.horizontalHeader().moveSection(
        table.horizontalHeader().visualIndex(DECISION_VOTES), DECISION_TEXT
    )
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    return table


def arrange_task_columns(table: QTableView, title_width: int) -> None:
    """What the user filters by first (Nr., Aufgabe, Amt, Fällig am, Status, Überfällig), in
    widths that fit a 1366×768 window beside the charts; the rest after them."""
    header = table.horizontalHeader()
    for visual, key in enumerate(KEY_TASK_COLUMNS):
        header.moveSection(header.visualIndex(COLUMN[key]), visual)
    for key, width in TASK_COLUMN_WIDTHS.items():
        table.setColumnWidth(COLUMN[key], width)
    table.setColumnWidth(COLUMN["title"], title_width)


def fill_status_chart(chart: BarChart, note: QLabel, store: Store, filters: TaskFilter) -> None:
    """The pending tasks by status plus the overdue ones (highlighted); closed ones as a note.

    Closed tasks outnumber the open ones many times over after a few years, and would shrink
    the bars that matter to slivers.
    """
    found = register.tasks_by_status(store, filters)
    counts = dict(zip(found.labels, found.values, strict=True))
    overdue = register.task_totals(store, filters).overdue
    labels = [enum_label(s) for s in PENDING]
    values = [counts.get(s.label, 0) for s in PENDING]
    overdue_label = chart.tr("davon überfällig")
    chart.set_data([*labels, overdue_label], [*values, overdue], highlight={overdue_label})
    closed = [f"{enum_label(s)}: {number(counts.get(s.label, 0))}"
              for s in TaskStatus if s.is_closed]  # fmt: skip
    note.setText(" · ".join(closed))


class FollowUpView(QWidget):
    """What the office and the region view share: their tasks and decisions open on a double
    click (the task in the register, the decision's TOP in its meeting)."""

    context: AppContext
    tasks: TaskTableModel
    decisions: DecisionTableModel

    def _open_task(self, index: QModelIndex) -> None:
        task_id = self.tasks.task_id(index.row())
        if task_id:
            self.context.navigate.emit("task", task_id)

    def _open_decision(self, index: QModelIndex) -> None:
        row = self.decisions.row_at(index.row())
        if row is not None:
            self.context.navigate.emit("agenda_item", row.agenda_item_id)


class OfficeViewScreen(FollowUpView):
    """Choose an office; see its open and overdue tasks, its decisions and two charts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.office = QComboBox()
        self.office.setAccessibleName(self.tr("Amt"))
        self.office.setMinimumWidth(320)
        # A long office name ("QPK – Qualitätsentwicklung, Planung und Koordination des
        # öffentlichen Gesundheitsdienstes") in the combo and the counts widened the window
        # past the screen; the combo keeps a fixed minimum and the counts wrap.
        self.office.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.office.setMinimumContentsLength(28)
        self.counts = QLabel()
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.counts.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Liste des Amts exportieren…"))
        self.export_button.setToolTip(self.tr("Die unerledigten Aufgaben des Amts als Excel-Liste"))
        self.export_button.clicked.connect(self.export_list)
        self.tasks = TaskTableModel(context, self)
        self.task_table = task_table(
            self.tasks, self.tr("Aufgaben des Amts"), 300, HIDDEN_TASK_COLUMNS
        )
        self.task_table.doubleClicked.connect(self._open_task)
        self.decisions = DecisionTableModel(context, self)
        self.decision_table = decision_table(
            self.decisions, self.tr("Beschlüsse mit Aufgaben des Amts"), {DECISION_TEXT: 360}
        )
        self.decision_table.doubleClicked.connect(self._open_decision)
        self.by_status = BarChart(self.tr("Unerledigte Aufgaben nach Status"))
        self.closed_note = QLabel()
        self.by_region = BarChart(self.tr("Unerledigte Aufgaben nach Bezirksregion"))
        self._build()
        self.load_offices()
        self.office.currentIndexChanged.connect(self.refresh)
        context.changed.connect(self._data_changed)
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Amt:")))
        top.addWidget(self.office)
        top.addWidget(self.counts, 1)
        top.addWidget(self.export_button)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Unerledigte Aufgaben</b>")), 0, 0)
        self.task_area = WithEmptyState(self.task_table)
        self.task_area.empty.set_text(
            self.tr("Das Amt hat keine unerledigten Aufgaben."),
            self.tr("Neue Aufgaben für das Amt entstehen in den Sitzungen der Gremien."),
        )
        grid.addWidget(self.task_area, 1, 0)
        grid.addWidget(QLabel(self.tr("<b>Beschlüsse, die das Amt betreffen</b>")), 2, 0)
        grid.addWidget(self.decision_table, 3, 0)
        charts = QVBoxLayout()
        charts.addWidget(self.by_status)
        charts.addWidget(self.closed_note)
        charts.addWidget(self.by_region)
        charts.addStretch(1)
        grid.addLayout(charts, 0, 1, 4, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    def load_offices(self) -> None:
        current = self.office.currentData()
        offices = directory.list_offices(self.context.store)
        counts = {c.office_id: c for c in register.office_counts(self.context.store)}
        # Offices that owe something first, so that the choice starts where the work is.
        offices.sort(key=lambda o: (-(counts[o.id].open if o.id in counts else 0), o.code))
        self.office.blockSignals(True)
        fill_combo(self.office, [(o.id, f"{o.code} – {o.name}") for o in offices], current)
        for row, office in enumerate(offices):  # the counts line names the office
            self.office.setItemData(row, office.name, NAME_ROLE)
        self.office.blockSignals(False)

    def office_id(self) -> str | None:
        data = self.office.currentData()
        return str(data) if data else None

    def refresh(self) -> None:
        office_id = self.office_id()
        if office_id is None:
            return
        store = self.context.store
        counts = register.office_counts(store, TaskFilter(office_id=office_id))
        name = self.office.currentData(NAME_ROLE) or ""
        found = counts[0] if counts else None
        self.counts.setText(
            self.tr("%1: %2 offen, %3 überfällig")
            .replace("%1", name)
            .replace("%2", str(found.open if found else 0))
            .replace("%3", str(found.overdue if found else 0))
        )
        self.tasks.set_filters(TaskFilter(office_id=office_id, statuses=PENDING))
        self.task_area.show_empty(self.tasks.total == 0)
        self.decisions.set_filters(DecisionFilter(office_id=office_id))
        fill_status_chart(self.by_status, self.closed_note, store, TaskFilter(office_id=office_id))
        regions = register.tasks_by_region(store, TaskFilter(office_id=office_id, statuses=PENDING))
        # The service names the group of untagged tasks in German; the chart speaks the window's.
        labels = [self.tr("ohne Region") if x == "ohne Region" else x for x in regions.labels]
        self.by_region.set_data(labels, regions.values)

    def show_item(self, id: str) -> None:
        """Show the office with this id."""
        index = self.office.findData(id)
        if index >= 0:
            self.office.setCurrentIndex(index)

    def _data_changed(self, tables: set[str]) -> None:
        if tables & WATCHED:
            if "offices" in tables:
                self.load_offices()
            self.refresh()

    def export_list(self) -> None:
        """Export what the screen lists and the button promises: the tasks the office still owes."""
        from sromod.ui.exports_ui import export_task_list

        if self.office_id() is None:
            return
        scope = self.tr("die unerledigten Aufgaben des Amts, wie angezeigt")
        export_task_list(self, self.context, self.tasks.filters, scope)
