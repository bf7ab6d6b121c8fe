"""A task's detail: what, who, by when, where it came from, and its whole history."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sromod.services import register
from sromod.services.errors import ServiceError
from sromod.services.local_zone import berlin_time
from sromod.services.register import HistoryEntry, TaskDetail
from sromod.services.wording import german_date, german_datetime
from sromod.ui.context import AppContext
from sromod.ui.labels import enum_label, meeting_place, top_caption
from sromod.ui.theme import styled

log = logging.getLogger(__name__)


def local_time(utc_naive: datetime) -> str:
    """A stored (naive UTC) timestamp as Berlin wall-clock time, "25.11.2026 10:42"."""
    return german_datetime(berlin_time(utc_naive))


class TaskDetailPane(QWidget):
    """Shows one task; the origin is a link that asks to open the meeting at its TOP."""

    open_place = Signal(str, str)  # (kind, id) for context.navigate
    note_entered = Signal(str, str)  # (task id, note): the screen records it as an undoable step

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context  # the store is read from it when a task is shown
        self.task_id: str | None = None
        self._origin: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("status", self.tr("Status")),
            ("who", self.tr("Wer")),
            ("due", self.tr("Bis wann")),
            ("priority", self.tr("Priorität")),
            ("region", self.tr("Bezirksregion")),
            ("decision", self.tr("Beschluss")),
            ("origin", self.tr("Herkunft")),
            ("remark", self.tr("Bemerkung")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            form.addRow(label + ":", value)
            self.fields[key] = value
        self.fields["origin"].linkActivated.connect(self._open_origin)
        layout.addLayout(form)
        history_row = QHBoxLayout()
        history_row.addWidget(QLabel(self.tr("<b>Verlauf</b>")), 1)
        self.note_button = QPushButton(self.tr("Notiz hinzufügen…"))
        self.note_button.clicked.connect(self._ask_note)
        history_row.addWidget(self.note_button)
        layout.addLayout(history_row)
        self.history = QTableWidget(0, 2)
        self.history.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.history.setHorizontalHeaderLabels(
            [self.tr("Wann – von wem"), self.tr("Was – woher – Notiz")]
        )
        when = self.history.horizontalHeaderItem(0)
        if when is not None:
            when.setToolTip(self.tr("Eingetragen von (Anmeldung oder Benutzer des Rechners)"))
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)
        self.show_task(None)

    def show_task(self, task_id: str | None) -> None:
        self.task_id = task_id
        detail = None
        if task_id is not None:
            try:
                detail = self._context.query(register.task_detail, task_id)
            except ServiceError:
                detail = None
        if detail is None:
            self.task_id = None
            self.heading.setText(self.tr("Keine Aufgabe gewählt"))
            for value in self.fields.values():
                value.clear()
            self.history.setRowCount(0)
            self.note_button.setEnabled(False)
            return
        # On a shared register a login may add notes only where it may change the task.
        allowed = self._context.permissions.may_change_task(detail.task.office_code)
        self.note_button.setEnabled(allowed)
        self.note_button.setToolTip(
            "" if allowed else self.tr("Mit Ihrer Anmeldung dürfen Sie diese Aufgabe nicht ändern.")
        )
        self._fill(detail)

    def _fill(self, detail: TaskDetail) -> None:
        task = detail.task
        self.heading.setText(f"{task.register_number}  {task.title}")
        status = enum_label(task.status)
        if task.overdue:
            status += self.tr(" – überfällig")
        self.fields["status"].setText(status)
        styled(
            self.fields["status"], "color: $overdue_fg; font-weight: bold;" if task.overdue else ""
        )
        self.fields["who"].setText(task.who or "—")
        self.fields["due"].setText(german_date(task.due_date) or "—")
        self.fields["priority"].setText(enum_label(task.priority))
        self.fields["region"].setText(task.region_name or "—")
        self.fields["decision"].setText(task.decision_number or "—")
        self.fields["remark"].setText(task.remark or "—")
        self._origin = None
        if detail.origin and task.origin_agenda_item_id:
            self._origin = ("agenda_item", task.origin_agenda_item_id)
            origin = detail.origin
            text = f"{meeting_place(origin.meeting)} – {top_caption(origin.top_number, origin.top_title)}"
            self.fields["origin"].setText(f'<a href="open">{_html(text)}</a>')
        else:
            self.fields["origin"].setText(self.tr("außerhalb einer Sitzung angelegt"))
        self.history.setRowCount(len(detail.history))
        for row, entry in enumerate(reversed(detail.history)):  # newest first
            what = f"{_what(entry)} – {_where(entry)}"
            if entry.note:
                what += f"\n{entry.note}"
            when = local_time(entry.at) + (f"\n{entry.author}" if entry.author else "")
            self.history.setItem(row, 0, QTableWidgetItem(when))
            self.history.setItem(row, 1, QTableWidgetItem(what))
        self.history.resizeRowsToContents()

    def _ask_note(self) -> None:
        if self.task_id is None:
            return
        note = ask_note(self, self.heading.text())
        if note:
            self.note_entered.emit(self.task_id, note)

    def _open_origin(self, _link: str = "") -> None:
        if self._origin is not None:
            self.open_place.emit(*self._origin)


def _what(entry: HistoryEntry) -> str:
    """ "offen → erledigt" or "angelegt" in the window's language."""
    if entry.old_status is not None and entry.new_status is not None:
        return f"{enum_label(entry.old_status)} → {enum_label(entry.new_status)}"
    return enum_label(entry.kind)


def _where(entry: HistoryEntry) -> str:
    """ "Meeting: AG SRO, meeting 12, 25.11.2026", "Edit", "Excel import"."""
    if entry.meeting is not None:
        return f"{enum_label(entry.source)}: {meeting_place(entry.meeting)}"
    return enum_label(entry.source)


def ask_note(parent: QWidget | None, task_label: str) -> str | None:
    """A note for the task's history, or None (a module function, so that tests can replace it)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, QApplication.translate("TaskDetailPane", "Notiz zur Aufgabe"), task_label
    )
    return text.strip() if ok and text.strip() else None


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
