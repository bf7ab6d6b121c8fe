"""Syncing the replica the window has open: meetings to take along, the sync in a worker, the report.

The sync itself is `services.sync.sync_replica` (pull, then push, each in one transaction); around
it the replica's security (`replica_security.sync_with_register`: TLS, a void replica refused, the
meetings it had taken along returned, the ones picked here taken). A cancel stops it between its
steps, each of which leaves both sides consistent (the next sync completes it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sromod.services.replica_security import SyncResult, sync_with_register
from sromod.services.wording import german_date, german_number
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.labels import meeting_title
from sromod.ui.sync_run import Step, run_sync

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncExisting", text)


class CheckList(QListWidget):
    """Items the user ticks (Space toggles the current one), each with its key."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)

    def add(self, text: str, key: str, checked: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.addItem(item)

    def add_meeting(self, choice: Any, checked: bool = False) -> None:
        """A meeting as "12. Sitzung der AG SRO – 10.03.2026"."""
        title = meeting_title(choice.number, choice.body_short_name)
        self.add(f"{title} – {german_date(choice.day)}", choice.id, checked)

    def checked(self) -> list[str]:
        return [
            str(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]


class TakeAlongDialog(FittedDialog):
    """Before a sync: which of the replica's open meetings to take along (none is fine)."""

    def __init__(self, parent: QWidget | None, choices: list[Any], taken: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mit dem Register abgleichen"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Der Abgleich schreibt die Änderungen dieses Laptops ins Register und holt die "
                "der anderen. Sitzungen, die Sie mitgenommen hatten, gibt er zurück. Wählen Sie, "
                "welche Sitzungen Sie (wieder) für die Sitzung mitnehmen: bis zum nächsten "
                "Abgleich ändert sie im Register niemand sonst."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("Für die Sitzung &mitnehmen:"))
        self.meetings = CheckList(self.tr("Sitzungen zum Mitnehmen"))
        label.setBuddy(self.meetings)
        for choice in choices:
            self.meetings.add_meeting(choice, choice.id in taken)
        layout.addWidget(label)
        layout.addWidget(self.meetings, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Abgleichen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def chosen(self) -> list[str]:
        return self.meetings.checked()

    @classmethod
    def ask(cls, parent: QWidget | None, choices: list[Any], taken: set[str]) -> list[str] | None:
        dialog = cls(parent, choices, taken)
        if dialog.exec() != FittedDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


@dataclass
class SyncWork:
    """The sync, run in the worker: a step at each of its stages (a cancel stops it there)."""

    replica: Store
    take: list[str]

    def __call__(self, step: Step) -> SyncResult:
        done = [0]

        def progress(_line: str) -> None:
            done[0] += 1
            step(done[0], 4)

        return sync_with_register(self.replica, self.take, progress)


def report_text(result: SyncResult) -> str:
    """The report of a finished sync, in the window's language."""
    out = result.outcome
    lines = [
        tr("Abgleich abgeschlossen."),
        tr("Ins Register geschrieben: %1 Einträge; aus dem Register geholt: %2 Einträge.")
        .replace("%1", german_number(sum(out.pushed.values())))
        .replace("%2", german_number(sum(out.pulled.values()))),
    ]
    if out.merged:
        lines.append(
            tr("Zusammengeführt: %1 Einträge, hier und im Register in verschiedenen Feldern "
               "geändert.").replace("%1", german_number(out.merged))
        )  # fmt: skip
    if out.conflicts:
        lines.append(
            tr("Konflikte: %1. Bis zu Ihrer Entscheidung gilt der Wert des Registers; Ihr Wert "
               "ist aufbewahrt.").replace("%1", german_number(out.conflicts))
        )  # fmt: skip
    for renumbered in out.renumbered:
        lines.append(
            tr("Neu nummeriert (die Nummer war im Register vergeben): %1 → %2")
            .replace("%1", str(renumbered.old))
            .replace("%2", str(renumbered.new))
        )
    if result.returned:
        lines.append(tr("Zurückgegeben: %1.").replace("%1", ", ".join(result.returned)))
    if result.taken:
        lines.append(
            tr("Für die Sitzung mitgenommen: %1 (bis zum nächsten Abgleich ändert sie im "
               "Register niemand sonst).").replace("%1", ", ".join(result.taken))
        )  # fmt: skip
    return "\n".join(lines)


def sync_open_replica(parent: QWidget, context: AppContext, choices: list[Any],
                      taken: set[str]) -> SyncResult | None:  # fmt: skip
    """Ask what to take along, run the sync with progress, tell how it went."""
    take = TakeAlongDialog.ask(parent, choices, taken)
    if take is None:
        return None
    job = run_sync(
        parent,
        tr("Mit dem Register abgleichen"),
        tr("Abgleich mit dem Register läuft …"),
        SyncWork(context.store, take),
    )
    context.notify({"*"})  # the pull may have changed anything
    if job.cancelled:
        context.error.emit(
            tr("Abgebrochen. Was schon abgeglichen war, bleibt es; der nächste Abgleich "
               "schließt den Rest ab.")
        )  # fmt: skip
        return None
    if job.error is not None:
        context.error.emit(job.error)
        return None
    result: SyncResult = job.result
    return result
