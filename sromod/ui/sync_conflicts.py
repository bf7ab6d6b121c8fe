"""The conflicts a sync kept on a replica: both values, who changed them and when; the user picks.

Until a conflict is decided the register's value stands in the replica and the local one is kept
(services/sync_conflicts). "Meinen Wert nehmen" puts the local value back (the next sync writes
it to the register); "Wert des Registers behalten" drops the local one. Each goes through the
window's one path for changes (AppContext.run): a refusal is one sentence, every screen redraws.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.services.local_zone import berlin_time
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
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.widgets import make_table, with_shortcut

log = logging.getLogger(__name__)


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


def kind_text(conflict: Conflict) -> str:
    """What happened, in a few words; the field for a field conflict."""
    if conflict.kind == FIELD:
        return field_name(conflict.field)
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
    when = f"{berlin_time(at):%d.%m.%Y %H:%M}" if at else "—"
    return f"{by}, {when}" if by else when


class ConflictsDialog(FittedDialog):
    """The replica's open conflicts; each decided on its own, keyboard and screen reader alike."""

    def __init__(self, parent: QWidget | None, context: AppContext) -> None:
        super().__init__(parent)
        self.context = context
        self.conflicts: list[Conflict] = []
        self.setWindowTitle(self.tr("Konflikte des Abgleichs"))
        self.resize(980, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Diese Einträge wurden hier und im Register verschieden geändert. Bis Sie "
                "entscheiden, gilt der Wert des Registers; Ihr Wert ist aufbewahrt. Mit „Meinen "
                "Wert nehmen“ schreibt der nächste Abgleich Ihren Wert ins Register."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsModel(
            [
                self.tr("Eintrag"),
                self.tr("Feld / was"),
                self.tr("Ihr Wert (Laptop)"),
                self.tr("Wert im Register"),
                self.tr("Hier geändert (von, wann)"),
                self.tr("Im Register geändert (von, wann)"),
            ],
            self,
        )
        self.table = make_table(self.model, self.tr("Konflikte"), 0)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.take_local = QPushButton(self.tr("&Meinen Wert nehmen"))
        with_shortcut(
            self.take_local,
            self.tr("Den Wert dieses Laptops übernehmen; der nächste Abgleich schreibt ihn ins "
                    "Register"),
        )  # fmt: skip
        self.keep_server = QPushButton(self.tr("Wert des &Registers behalten"))
        with_shortcut(
            self.keep_server, self.tr("Den Wert des Registers behalten; Ihr Wert wird verworfen")
        )
        self.take_local.clicked.connect(self.use_local)
        self.keep_server.clicked.connect(self.use_server)
        row.addWidget(self.take_local)
        row.addWidget(self.keep_server)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        self.conflicts = self.context.query(list_conflicts)
        self.model.set_rows(
            (
                c.id,
                f"{c.table_label}: {c.row_label}",
                kind_text(c),
                shown(c.local_value),
                shown(c.server_value),
                who(c.local_changed_at, c.local_changed_by),
                who(c.server_changed_at, c.server_changed_by),
            )
            for c in self.conflicts
        )
        count = len(self.conflicts)
        if count <= 1:
            summary = (
                self.tr("Ein offener Konflikt.") if count else self.tr("Keine offenen Konflikte.")
            )
        else:
            summary = self.tr("%1 offene Konflikte.").replace("%1", str(count))
        self.summary.setText(summary)
        if count:
            self.table.selectRow(0)
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
        self.context.run(self.tr("Konflikt lösen"), resolve_conflict, conflict.id, take_local)
        self.refresh()

    @classmethod
    def show_for(cls, parent: QWidget | None, context: AppContext) -> None:
        cls(parent, context).exec()
