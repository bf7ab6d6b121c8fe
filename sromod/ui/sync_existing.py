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
from sromod.services.reservations import open_replica_state
from sromod.services.wording import german_date
from sromod.store import Store
from sromod.store.address import Connection, ServerAddress, connection_of
from sromod.store.server import LoginRefused, PasswordNeeded
from sromod.ui.connecting import keep_password_as_asked
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import ConnectRequest, PasswordDialog
from sromod.ui.fitting import FittedDialog
from sromod.ui.i18n import number
from sromod.ui.labels import meeting_title
from sromod.ui.sync_run import Step, SyncJob, run_sync

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
        self.meetings.setCurrentRow(0)  # the cursor in the list: Space ticks, Enter syncs
        self.focus_first = self.meetings
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
    password: str | None = None  # typed when the server asked; else the password file's

    def __call__(self, step: Step) -> SyncResult:
        done = [0]

        def progress(_line: str) -> None:
            done[0] += 1
            step(done[0], 4)

        return sync_with_register(self.replica, self.take, progress, password=self.password)


def report_text(result: SyncResult) -> str:
    """The report of a finished sync, in the window's language (counts after a colon: right for
    one entry and for many)."""
    out = result.outcome
    lines = [
        tr("Abgleich abgeschlossen."),
        tr("Einträge ins Register geschrieben: %1; aus dem Register geholt: %2.")
        .replace("%1", number(sum(out.pushed.values())))
        .replace("%2", number(sum(out.pulled.values()))),
    ]
    for count, text in (
        (out.merged, tr("Zusammengeführt (hier und im Register in verschiedenen Feldern "
                        "geändert): %1.")),
        (out.conflicts, tr("Konflikte: %1. Bis zu Ihrer Entscheidung gilt die Fassung des "
                           "Registers; Ihre ist aufbewahrt.")),
        (out.waiting, tr("Im Register gerade von anderen geändert (der nächste Abgleich führt "
                         "sie zusammen): %1.")),
    ):  # fmt: skip
        if count:
            lines.append(text.replace("%1", number(count)))
    if out.reread:
        lines.append(
            tr("Das Änderungsprotokoll des Registers war seit Ihrem letzten Abgleich gekürzt; "
               "die Replik wurde deshalb ganz mit dem Register verglichen. Ihre eigenen "
               "Änderungen sind erhalten und wurden ins Register geschrieben.")
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
    """Ask what to take along, run the sync with progress (asking for the password when the
    server wants one), tell how it went."""
    take = TakeAlongDialog.ask(parent, choices, taken)
    if take is None:
        return None
    asked: ConnectRequest | None = None
    while True:
        job = run_sync(
            parent,
            tr("Mit dem Register abgleichen"),
            tr("Abgleich mit dem Register läuft …"),
            SyncWork(context.store, take, asked.password if asked else None),
        )
        if not isinstance(job.failure, PasswordNeeded | LoginRefused):
            break
        asked = PasswordDialog.ask(parent, replica_connection(context.store),
                                   wrong=isinstance(job.failure, LoginRefused))  # fmt: skip
        if asked is None:  # after a refused login: the refusal; else that nothing was done
            refused_login = isinstance(job.failure, LoginRefused) and job.error
            context.error.emit(
                refused_login
                or tr("Abgebrochen: ohne Passwort wurde nicht abgeglichen; die Replik ist "
                      "unverändert.")
            )  # fmt: skip
            return None
    return _finished(context, job, asked)


def replica_connection(replica: Store) -> Connection:
    """Server, database and login of the register the replica belongs to."""
    return connection_of(ServerAddress(open_replica_state(replica)["server"]))


def _finished(context: AppContext, job: SyncJob, asked: ConnectRequest | None) -> SyncResult | None:
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
    if asked is not None:  # the password worked: into the password file, if so asked
        keep_password_as_asked(asked)
    result: SyncResult = job.result
    return result
