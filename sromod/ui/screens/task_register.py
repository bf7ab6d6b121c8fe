"""Task register: all tasks of all bodies, filtered and sorted in SQL, with a detail pane."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import RegionLevel, TaskStatus
from sromod.services import bodies, directory, register, tasks
from sromod.services.concurrency import seen
from sromod.services.register import TaskRow
from sromod.services.task_query import TaskFilter
from sromod.ui.context import AppContext
from sromod.ui.dialogs.task_detail import TaskDetailPane
from sromod.ui.empty_state import WithEmptyState
from sromod.ui.i18n import number
from sromod.ui.itemmodels.tasks import COLUMN, TaskTableModel, status_choices
from sromod.ui.labels import enum_label
from sromod.ui.widgets import DateEdit, PersonCombo, fill_combo

log = logging.getLogger(__name__)

WATCHED = {"tasks", "task_events", "offices", "persons", "bodies", "regions", "meetings",
           "agenda_items", "decisions"}  # fmt: skip
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the office's name beside its id
DEFAULT_STATUS = 1  # "unerledigt": what an office lead looks at first
# Start widths: the first six (Nr. … Überfällig) fit a 1366×768 window beside the navigation.
KEY_COLUMNS = ("register_number", "title", "office_code", "due_date", "status", "overdue")
COLUMN_WIDTHS = {"register_number": 100, "title": 250, "office_code": 70, "due_date": 85,
                 "status": 105, "overdue": 95, "person_name": 140, "priority": 70,
                 "region_name": 150, "body_short_name": 110, "meeting": 160, "remark": 200}  # fmt: skip
MIN_TITLE_WIDTH = 160


class TaskFilterBar(QWidget):
    """The register's filters; emits `changed` whenever one of them changes."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.office = QComboBox()
        self.office.setAccessibleName(self.tr("Amt"))
        self.person = PersonCombo(none_text=self.tr("alle Personen"))
        self.person.setAccessibleName(self.tr("Person"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for statuses, label in status_choices():
            self.status.addItem(self.tr(label), statuses)
        self.status.setCurrentIndex(DEFAULT_STATUS)
        self.overdue = QCheckBox(self.tr("nur überfällige"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Wörter in Nr., Aufgabe, Bemerkung …"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Suche in den Aufgaben"))
        self.body = QComboBox()
        self.body.setAccessibleName(self.tr("Gremium"))
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Bezirksregion"))
        self.due_from = DateEdit(optional=True)
        self.due_from.setAccessibleName(self.tr("fällig ab"))
        self.due_to = DateEdit(optional=True)
        self.due_to.setAccessibleName(self.tr("fällig bis"))
        self.reset_button = QPushButton(self.tr("Filter zurücksetzen"))
        self.reset_button.clicked.connect(self.reset)
        for combo, width in ((self.office, 300), (self.person, 240), (self.body, 200), (self.status, 330),
                             (self.region, 240)):  # fmt: skip
            combo.setMaximumWidth(width)
            combo.setMinimumWidth(width * 2 // 3)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for first in (self.office, self.person, self.status, self.overdue):
            top.addWidget(first)
        top.addWidget(self.text, 1)
        for widget in (self.body, self.region, QLabel(self.tr("fällig von")), self.due_from,
                       QLabel(self.tr("bis")), self.due_to, self.reset_button):  # fmt: skip
            bottom.addWidget(widget)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.load_choices()
        for combo in (self.office, self.person, self.status, self.body, self.region):
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self._typing = QTimer(self)  # filter once the typing pauses, not at every key
        self._typing.setSingleShot(True)
        self._typing.setInterval(200)
        self._typing.timeout.connect(self.changed)
        self.text.textChanged.connect(self._typing.start)
        self.due_from.dateChanged.connect(self.changed)
        self.due_to.dateChanged.connect(self.changed)

    def load_choices(self) -> None:
        """Fill the combos from the store, keeping what is chosen."""
        store = self.context.store
        current = (self.office.currentData(), self.person.current_id(), self.body.currentData(),
                   self.region.currentData())  # fmt: skip
        widgets = (self.office, self.person, self.body, self.region)
        for widget in widgets:
            widget.blockSignals(True)
        offices = directory.list_offices(store)
        choices = [(o.id, f"{o.code} – {o.name}") for o in offices]
        fill_combo(self.office, [(None, self.tr("alle Ämter")), *choices], current[0])
        for row, office in enumerate(offices, start=1):  # the counts line names the office
            self.office.setItemData(row, office.name, NAME_ROLE)
        self.person.set_choices(register.person_choices(store), current[1])
        body_list = [(b.id, b.short_name) for b in bodies.list_bodies(store)]
        fill_combo(self.body, [(None, self.tr("alle Gremien")), *body_list], current[2])
        regions = [(r.id, r.name) for r in directory.list_regions(store, RegionLevel.BEZIRKSREGION)]
        fill_combo(self.region, [(None, self.tr("alle Bezirksregionen")), *regions], current[3])
        for widget in widgets:
            widget.blockSignals(False)

    def filters(self) -> TaskFilter:
        return TaskFilter(
            office_id=self.office.currentData(),
            person_id=self.person.current_id(),
            statuses=tuple(self.status.currentData() or ()),
            overdue=self.overdue.isChecked(),
            body_id=self.body.currentData(),
            region_id=self.region.currentData(),
            due_from=self.due_from.value(),
            due_to=self.due_to.value(),
            text=self.text.text(),
        )

    def set_office(self, office_id: str | None) -> None:
        self.office.setCurrentIndex(max(0, self.office.findData(office_id)))

    def reset(self) -> None:
        """Back to the filters the register starts with: every office, the unfinished tasks."""
        self._clear(DEFAULT_STATUS)

    def show_due(self, body_id: str, day: date) -> None:
        """The body's unfinished tasks due by day."""
        self._clear(DEFAULT_STATUS, body_id=body_id, due_to=day)

    def default_filters(self) -> TaskFilter:
        return TaskFilter(statuses=tuple(self.status.itemData(DEFAULT_STATUS)))

    def show_all(self, text: str = "") -> None:
        """Show every task, or every one the words find (before jumping to a hidden task)."""
        self._clear(0, text)

    def _clear(
        self,
        status_row: int,
        text: str = "",
        body_id: str | None = None,
        due_to: date | None = None,
    ) -> None:
        self.blockSignals(True)
        self.office.setCurrentIndex(0)
        self.person.set_current(None)
        self.status.setCurrentIndex(status_row)
        self.overdue.setChecked(False)
        self.text.setText(text)
        self._typing.stop()
        self.body.setCurrentIndex(max(0, self.body.findData(body_id)) if body_id else 0)
        self.region.setCurrentIndex(0)
        self.due_from.set_value(None)
        self.due_to.set_value(due_to)
        self.blockSignals(False)
        self.changed.emit()


class TaskRegisterScreen(QWidget):
    """All tasks of all bodies; several selected tasks change status in one undoable step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.filter_bar = TaskFilterBar(context)
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("Zählung"))
        self.counts.setStyleSheet("font-weight: bold;")
        self.model = TaskTableModel(context, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Aufgaben"))
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COLUMN[key], width)
        # What the user filters by comes first, so that it is seen without scrolling sideways.
        for visual, key in enumerate(KEY_COLUMNS):
            header.moveSection(header.visualIndex(COLUMN[key]), visual)
        header.setSortIndicator(COLUMN["due_date"], Qt.SortOrder.AscendingOrder)
        self._fitting = False
        self._title_set_by_user = False
        header.sectionResized.connect(self._section_resized)
        self.detail = TaskDetailPane(context)
        self.detail.open_place.connect(context.navigate)
        self.detail.note_entered.connect(self.add_note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table_area = WithEmptyState(self.table)
        self.splitter.addWidget(self.table_area)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        self.detail.hide()  # shown once a task is chosen: no empty pane beside the table
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(self._actions())
        layout.addWidget(self.splitter, 1)
        self.filter_bar.changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open_origin)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        context.changed.connect(self._data_changed)
        self.apply_filters()

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        self.status_button = QToolButton()
        self.status_button.setText(self.tr("Status setzen"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.status_button)
        self.status_actions: dict[TaskStatus, QAction] = {}
        for status in TaskStatus:
            action = menu.addAction(enum_label(status))
            action.triggered.connect(partial(self.set_status, status))
            self.status_actions[status] = action
        self.status_button.setMenu(menu)
        self.status_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Aufgabenliste exportieren…"))
        self.export_button.clicked.connect(self.export_list)
        self.import_button = QPushButton(self.tr("Aufgabenliste importieren…"))
        self.import_button.clicked.connect(self.import_list)
        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setToolTip(
            self.tr("Den Detailbereich der gewählten Aufgabe ein- oder ausblenden")
        )
        self.details_button.setAccessibleDescription(self.tr("Detailbereich anzeigen"))
        self.details_button.toggled.connect(self._selection_changed)
        for widget in (self.status_button, self.details_button, self.export_button,
                       self.import_button):  # fmt: skip
            row.addWidget(widget)
        return row

    # -- showing ------------------------------------------------------------------------------

    def apply_filters(self) -> None:
        self.model.set_filters(self.filter_bar.filters())
        self.update_counts()
        self._selection_changed()

    def _update_empty_state(self, whole_total: int) -> None:
        """Instead of an empty table: why it is empty, and the step that shows tasks."""
        empty = self.table_area.empty
        if self.model.total:
            pass
        elif not whole_total and self.filter_bar.filters() == self.filter_bar.default_filters():
            # closed tasks only: offer them; none at all: nothing to show yet
            any_task = register.task_totals(self.context.store, TaskFilter()).total > 0
            empty.set_text(
                self.tr("Noch keine offenen Aufgaben"),
                self.tr("Aufgaben entstehen in den Sitzungen (Reiter „Beschlüsse & Aufgaben“) "
                        "oder kommen aus einer bearbeiteten Excel-Liste."),
                self.tr("Alle Aufgaben anzeigen") if any_task else "",
                self.filter_bar.show_all if any_task else None,
            )  # fmt: skip
        else:
            empty.set_text(
                self.tr("Keine Aufgabe passt zu diesen Filtern."),
                "",
                self.tr("Filter zurücksetzen"),
                self.filter_bar.reset,
            )
        self.table_area.show_empty(not self.model.total)

    def update_counts(self) -> None:
        filters = self.model.filters
        # The office's open and overdue tasks whatever the other filters (a body or person filter
        # made "Jugendamt: 5 offen" read as the office's whole count), then the selection's size.
        whole = register.task_totals(
            self.context.store, TaskFilter(office_id=filters.office_id, today=filters.today)
        )
        self._update_empty_state(whole.open)
        name = self.tr("Alle Ämter")
        if filters.office_id:
            name = self.filter_bar.office.currentData(NAME_ROLE) or name
        text = self.tr("%1: %2 offen, %3 überfällig · %4 Aufgaben in der Auswahl")
        if self.model.total == 1:
            text = self.tr("%1: %2 offen, %3 überfällig · 1 Aufgabe in der Auswahl")
        self.counts.setText(
            text.replace("%1", name)
            .replace("%2", number(whole.open))
            .replace("%3", number(whole.overdue))
            .replace("%4", number(self.model.total))
        )

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.task_id(r) for r in rows) if i]

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        chosen = (self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows())
        rows = [r for r in chosen if r is not None]
        self._offer_status(bool(ids), rows)
        # A status all the chosen tasks already have would change nothing: not offered.
        shared = {r.status for r in rows}
        for status, action in self.status_actions.items():
            action.setEnabled(shared != {status})
        current = self.table.currentIndex()
        task_id = self.model.task_id(current.row()) if current.isValid() else None
        if task_id is None and ids:
            task_id = ids[0]
        self.detail.show_task(task_id)
        wanted = task_id is not None and self.details_button.isChecked()
        if wanted != self.detail.isVisible() and self.isVisible():
            self.detail.setVisible(wanted)
            self.fit_key_columns()
        elif not self.isVisible():
            self.detail.setVisible(wanted)

    def _offer_status(self, chosen: bool, rows: list[TaskRow]) -> None:
        """Status only for tasks the login may change (an office lead: the own office's)."""
        permissions = self.context.permissions
        allowed = chosen and all(permissions.may_change_task(r.office_code) for r in rows)
        self.status_button.setEnabled(allowed)
        refused = chosen and not allowed
        self.status_button.setToolTip(
            self.tr("Mit Ihrer Anmeldung dürfen Sie den Status dieser Aufgaben nicht ändern.")
            if refused
            else ""
        )
        self.import_button.setEnabled(permissions.may_import_task_lists)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_key_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.fit_key_columns()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COLUMN["title"] and not self._fitting:
            self._title_set_by_user = True

    def fit_key_columns(self) -> None:
        """Narrow the title so the columns up to Überfällig fit the table without scrolling."""
        if self._title_set_by_user:
            return  # the user's own width wins
        self._fitting = True
        try:
            self._fit_title()
        finally:
            self._fitting = False

    def _fit_title(self) -> None:
        self.splitter.refresh()
        room = self.table.viewport().width() or self.table.width()
        if self.detail.isVisible():
            sizes = self.splitter.sizes()
            room = min(room, sizes[0] - self.table.verticalScrollBar().sizeHint().width() - 4)
        others = sum(self.table.columnWidth(COLUMN[k]) for k in KEY_COLUMNS if k != "title")
        title = max(MIN_TITLE_WIDTH, min(COLUMN_WIDTHS["title"] + 120, room - others - 2))
        self.table.setColumnWidth(COLUMN["title"], title)

    def show_item(self, id: str) -> None:
        """Select the task; if the filters hide it, show all tasks first."""
        position = register.task_position(self.context.store, self.model.filters, id,
                                          sort=self.model.sort_key,
                                          descending=self.model.descending)  # fmt: skip
        if position is None:
            self.filter_bar.show_all()
            position = register.task_position(self.context.store, self.model.filters, id,
                                              sort=self.model.sort_key,
                                              descending=self.model.descending)  # fmt: skip
        if position is None:
            return
        self.model.ensure_loaded(position)
        self.select_rows([position])

    def chosen_id(self) -> str | None:
        """The task an action here is about (the window remembers it for undo)."""
        ids = self.selected_ids()
        return ids[0] if ids else None

    def show_due(self, body_id: str, day: date) -> None:
        """The body's unfinished tasks due by `day` (the first screen's "Fällige Aufgaben")."""
        self.filter_bar.show_due(body_id, day)

    def show_search(self, text: str) -> None:
        """Every task the words find, whatever its status (the search's "alle anzeigen")."""
        self.filter_bar.show_all(text)

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            # Not table.setCurrentIndex: it applies the keyboard modifiers held at the moment
            # (Ctrl toggles), which would undo the selection just made.
            selection.setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(rows[0], 0))
        self._selection_changed()

    def _data_changed(self, tables: set[str]) -> None:
        if not tables & WATCHED:
            return
        if tables & {"offices", "persons", "bodies", "regions"}:
            self.filter_bar.load_choices()
        keep = self.selected_ids()
        self.model.refresh()
        self.update_counts()
        rows = [r for r in (self.model.row_of(i) for i in keep) if r is not None]
        self.select_rows(rows)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        status_menu = menu.addMenu(self.tr("Status setzen"))
        for action in self.status_actions.values():
            status_menu.addAction(action)
        status_menu.setEnabled(self.status_button.isEnabled())  # the login may not: not offered
        origin = menu.addAction(self.tr("Sitzung und TOP öffnen"))
        origin.triggered.connect(self._open_origin)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _open_origin(self, *_args: object) -> None:
        self.detail._open_origin()

    # -- acting -------------------------------------------------------------------------------

    def set_status(self, status: TaskStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.model.row_at(self.model.row_of(ids[0]) or 0)
            number = row.register_number if row else ""
            text = self.tr("Status von %1 auf „%2“ setzen").replace("%1", number)
        else:
            text = self.tr("Status von %1 Aufgaben auf „%2“ setzen").replace("%1", str(len(ids)))
        places = [self.model.row_of(i) for i in ids]
        shown = [row for row in (self.model.row_at(p) for p in places if p is not None) if row]
        # as shown: a task someone else changed since is refused, and the register reloads
        changed = self.context.edit(text.replace("%2", enum_label(status)), seen("tasks", *shown),
                                    tasks.set_status_of_tasks, ids, status)  # fmt: skip
        if changed is None:
            return
        done = self.tr("%1 Aufgaben auf „%2“ gesetzt.")
        if changed == 1:
            done = self.tr("1 Aufgabe auf „%2“ gesetzt.")
        elif changed == 0:
            done = self.tr("Nichts geändert: die gewählten Aufgaben stehen schon auf „%2“.")
        self.context.message.emit(
            done.replace("%1", str(changed)).replace("%2", enum_label(status))
        )

    def add_note(self, task_id: str, note: str) -> None:
        self.context.run(self.tr("Notiz zur Aufgabe"), tasks.add_task_note, task_id, note)

    def export_list(self) -> None:
        """Export exactly the tasks the register's filter shows."""
        from sromod.ui.exports_ui import export_task_list

        export_task_list(
            self, self.context, self.model.filters, self.tr("wie im Register gefiltert")
        )

    def import_list(self) -> None:
        from sromod.ui.dialogs.import_preview import import_task_list

        import_task_list(self, self.context)
