"""The conflicts a sync kept on a replica: both values, who changed them and when; the user picks.

Until a conflict is decided the register's value stands in the replica and the local one is kept
(services/sync_conflicts). "Meine Fassung übernehmen" puts the local value back (the next sync
writes it to the register); "Register behalten" drops the local one. Each goes through the
window's one path for changes (AppContext.run): a refusal is one sentence, every screen redraws.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sromod.services.errors import NotFound
from sromod.services.local_zone import berlin_time
from sromod.services.meetings import get_meeting
from sromod.services.sync_conflicts import (
    DELETED_HERE,
    DELETED_ON_SERVER,
    DUPLICATE,
    FIELD,
    REFUSED,
    Conflict,
    list_conflicts,
    resolve_conflict,
)
from sromod.services.wording import german_date, meeting_reference
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.labels import in_window_language
from sromod.ui.theme import styled
from sromod.ui.widgets import make_table, with_shortcut

log = logging.getLogger(__name__)
LABEL_LENGTH = 60  # characters of an entry's label before it is cut at a word


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsDialog", text)


def field_name(column: str) -> str:
    """The words of the window for a column a conflict names."""
    names = {
        "title": tr("Titel"), "status": tr("Status"), "due_date": tr("Fällig am"),
        "remark": tr("Bemerkung"), "details": tr("Einzelheiten"), "text": tr("Text"),
        "place": tr("Ort"), "date": tr("Datum"), "notes": tr("Notizen"),
        "result": tr("Ergebnis"), "description": tr("Beschreibung"), "name": tr("Name"),
        "office_id": tr("Amt"), "person_id": tr("Person"), "state": tr("Stand"),
        "register_number": tr("Register-Nr."), "number": tr("Nummer"),
    }  # fmt: skip
    return names.get(column, column)


def table_name(conflict: Conflict) -> str:
    """ "Aufgabe", "Sitzung", … in the window's language."""
    names = {
        "tasks": tr("Aufgabe"), "meetings": tr("Sitzung"), "agenda_items": tr("TOP"),
        "decisions": tr("Beschluss"), "attendances": tr("Anwesenheit"), "persons": tr("Person"),
        "bodies": tr("Gremium"), "memberships": tr("Mitgliedschaft"), "offices": tr("Amt"),
        "attachments": tr("Anlage"), "task_reviews": tr("Wiedervorlage"),
        "task_events": tr("Eintrag im Aufgabenverlauf"),
    }  # fmt: skip
    return names.get(conflict.table, conflict.table_label)


def kind_text(conflict: Conflict) -> str:
    """What happened, in a few words; the field for a field conflict."""
    if conflict.kind == FIELD:
        return tr("Feld: %1").replace("%1", field_name(conflict.field))
    return {
        DELETED_ON_SERVER: tr("im Register gelöscht, hier geändert"),
        DELETED_HERE: tr("hier gelöscht, im Register geändert"),
        DUPLICATE: tr("doppelt: das Register hat schon einen solchen Eintrag"),
        REFUSED: tr("vom Register abgelehnt"),
    }.get(conflict.kind, conflict.kind)


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return f"{berlin_time(value):%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return german_date(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dict):
        return tr("(ganzer Eintrag)")
    return str(value)


def who(at: datetime | None, by: str | None) -> str:
    """ "geändert von schulz am 29.11.2026 14:05" in the window's language."""
    when = f"{berlin_time(at):%d.%m.%Y %H:%M}" if at else ""
    if by and when:
        return tr("geändert von %1 am %2").replace("%1", by).replace("%2", when)
    if by:
        return tr("geändert von %1").replace("%1", by)
    return tr("geändert am %1").replace("%1", when) if when else tr("wann und von wem: unbekannt")


def sides(conflict: Conflict) -> tuple[str, str]:
    """The laptop's and the register's side: the value (or that it is gone), who, when."""
    local, server = shown(conflict.local_value), shown(conflict.server_value)
    if conflict.kind == DELETED_ON_SERVER:
        local, server = tr("geändert (ganzer Eintrag)"), tr("gelöscht")
    elif conflict.kind == DELETED_HERE:
        local, server = tr("gelöscht"), tr("geändert (ganzer Eintrag)")
    here = who(conflict.local_changed_at, conflict.local_changed_by)
    there = who(conflict.server_changed_at, conflict.server_changed_by)
    return f"{local}\n{here}", f"{server}\n{there}"


def row_name(conflict: Conflict, context: AppContext) -> str:
    """Which entry: a meeting as the window names meetings, else the service's label, cut at a
    word (a long title is shown whole in the value columns)."""
    if conflict.table == "meetings":
        try:
            info = context.query(get_meeting, conflict.row_id)
            return meeting_reference(info.body_short_name, info.number, info.date,
                                     in_window_language)  # fmt: skip
        except NotFound:  # deleted here: the label the conflict kept
            pass
    label = conflict.row_label
    if len(label) <= LABEL_LENGTH:
        return label
    return label[:LABEL_LENGTH].rsplit(" ", 1)[0] + " …"


def row_of(conflict: Conflict, context: AppContext) -> tuple[str, str, str, str]:
    """(id, what and which field, the laptop's side, the register's side): lines that wrap."""
    what = f"{table_name(conflict)}: {row_name(conflict, context)}\n{kind_text(conflict)}"
    return (conflict.id, what, *sides(conflict))


class ConflictsDialog(FittedDialog):
    """The replica's open conflicts; each decided on its own, keyboard and screen reader alike.

    Three columns that share the width and wrap (no sideways scrolling on a small screen): the
    entry and its field, the laptop's version, the register's, each with who changed it when.
    """

    def __init__(self, parent: QWidget | None, context: AppContext) -> None:
        super().__init__(parent)
        self.context = context
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(self.tr("Konflikte des Abgleichs"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Diese Einträge wurden hier und im Register verschieden geändert. Bis Sie "
                "entscheiden, gilt die Fassung des Registers; Ihre ist aufbewahrt. Mit „Meine "
                "Fassung übernehmen“ schreibt der nächste Abgleich Ihre Fassung ins Register."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsModel(
            [
                self.tr("Eintrag, Feld"),
                self.tr("Ihre Fassung (Laptop)"),
                self.tr("Fassung im Register"),
            ],
            self,
        )
        self.table = self._table()
        label = QLabel(self.tr("&Konflikte:"))
        label.setBuddy(self.table)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def _table(self) -> QTableView:
        table = make_table(self.model, self.tr("Konflikte"), 0)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # lines off the grid; no padding at the sides: the row heights are measured without it
        styled(table, "QTableView::item { padding: 3px 0px; }")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # wrapped cells are as tall as their text at the width the columns have now
        header.sectionResized.connect(self._fit_rows)
        return table

    def _fit_rows(self, *_: Any) -> None:
        self.table.resizeRowsToContents()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.take_local = QPushButton(self.tr("&Meine Fassung übernehmen"))
        with_shortcut(
            self.take_local,
            self.tr("Meine Fassung übernehmen: der nächste Abgleich schreibt sie ins Register"),
        )
        self.keep_server = QPushButton(self.tr("&Register behalten"))
        with_shortcut(
            self.keep_server,
            self.tr("Register behalten: die Fassung des Registers gilt, Ihre wird verworfen"),
        )
        self.take_local.clicked.connect(self.use_local)
        self.keep_server.clicked.connect(self.use_server)
        row.addWidget(self.take_local)
        row.addWidget(self.keep_server)
        row.addStretch(1)
        return row

    def refresh(self, keep_row: int = 0) -> None:
        self.conflicts = self.context.query(list_conflicts)
        self.model.set_rows(row_of(c, self.context) for c in self.conflicts)
        self._fit_rows()
        count = len(self.conflicts)
        if count <= 1:
            summary = (
                self.tr("Ein offener Konflikt.") if count else self.tr("Keine offenen Konflikte.")
            )
        else:
            summary = self.tr("%1 offene Konflikte.").replace("%1", str(count))
        self.summary.setText(summary)
        if count:
            self.table.selectRow(min(keep_row, count - 1))
        self._selection_changed()

    def selected(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        conflict_id = self.model.row_id(rows[0].row())
        return next((c for c in self.conflicts if c.id == conflict_id), None)

    def _selection_changed(self, *_: Any) -> None:
        chosen = self.selected() is not None
        self.take_local.setEnabled(chosen)
        self.keep_server.setEnabled(chosen)

    def use_local(self) -> None:
        self._resolve(True)

    def use_server(self) -> None:
        self._resolve(False)

    def _resolve(self, take_local: bool) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        self.context.run(self.tr("Konflikt lösen"), resolve_conflict, conflict.id, take_local)
        self.refresh(row)  # the next conflict comes up where this one was

    @classmethod
    def show_for(cls, parent: QWidget | None, context: AppContext) -> None:
        cls(parent, context).exec()
