"""A meeting's decisions and tasks, read-only here (they are captured in the live view)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sromod.services import agenda, decisions, tasks
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.base import ID_ROLE, RowsModel
from sromod.ui.labels import agenda_item_label, enum_label
from sromod.ui.screens.live_capture import vote_words
from sromod.ui.widgets import LazyReload

RECORD_TABLES = {"decisions", "tasks", "agenda_items", "task_reviews"}


class MeetingRecords(LazyReload, QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Beschlüsse und Aufgaben werden in der Live-Moderation erfasst (F5). "
                "Doppelklick öffnet den Eintrag im Register."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("<b>Beschlüsse</b>")))
        self.decisions = RowsModel(
            [
                self.tr("Nummer"),
                self.tr("TOP"),
                self.tr("Art"),
                self.tr("Text"),
                self.tr("Abstimmung"),
            ],
            self,
        )
        self.decision_view = self._table(self.decisions, self.tr("Beschlüsse der Sitzung"), 3)
        self.decision_view.doubleClicked.connect(self._open_decision)
        layout.addWidget(self.decision_view, 1)
        layout.addWidget(QLabel(self.tr("<b>Aufgaben</b>")))
        self.tasks = RowsModel(
            [
                self.tr("Nummer"),
                self.tr("Was"),
                self.tr("Wer"),
                self.tr("Bis wann"),
                self.tr("Status"),
            ],
            self,
        )
        self.task_view = self._table(self.tasks, self.tr("Aufgaben der Sitzung"), 1)
        self.task_view.doubleClicked.connect(self._open_task)
        layout.addWidget(self.task_view, 1)
        context.changed.connect(self._on_changed)

    def _table(self, model: RowsModel, name: str, stretch: int) -> QTableView:
        view = QTableView()
        view.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        view.setModel(model)
        view.setAccessibleName(name)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.request_reload()

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & RECORD_TABLES:
            self.request_reload()

    def reload(self) -> None:
        if self.meeting_id is None:
            self.decisions.set_rows([])
            self.tasks.set_rows([])
            return
        numbers = {
            i.id: agenda_item_label(i.number)
            for i in self.context.query(agenda.list_agenda, self.meeting_id)
        }
        self.decisions.set_rows(
            [
                (
                    d.id,
                    d.register_number,
                    numbers.get(d.agenda_item_id, ""),
                    enum_label(d.kind),
                    d.text,
                    vote_words(d),
                )
                for d in self.context.query(decisions.list_decisions_for_meeting, self.meeting_id)
            ]
        )
        self.tasks.set_rows(
            [
                (
                    t.id,
                    t.register_number,
                    t.title,
                    t.who,
                    german_date(t.due_date),
                    enum_label(t.status) + (self.tr(" – überfällig") if t.overdue else ""),
                )
                for t in self.context.query(tasks.list_tasks_for_meeting, self.meeting_id)
            ]
        )

    def _open_decision(self, index: QModelIndex) -> None:
        row_id = self.decisions.data(index, ID_ROLE)
        if row_id:
            self.context.navigate.emit("decision", row_id)

    def _open_task(self, index: QModelIndex) -> None:
        row_id = self.tasks.data(index, ID_ROLE)
        if row_id:
            self.context.navigate.emit("task", row_id)
