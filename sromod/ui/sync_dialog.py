"""Datei → Mit dem Register abgleichen…: a laptop's replica of the shared register, from the window.

Connected to the register, it makes a new replica (which bodies, which meetings to take along,
where the file goes) in a worker thread with progress; on a replica it brings the replica up to
date; on a laptop's own file it says how to get a replica.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import Base, MeetingState
from sromod.services import bodies, meetings
from sromod.services.replica import ReplicaReport
from sromod.services.replica_security import SyncResult, first_copy, tls_refusal_of
from sromod.services.reservations import open_replica_state
from sromod.store import Store
from sromod.store.refusals import refusal_text
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.i18n import number
from sromod.ui.labels import in_window_language
from sromod.ui.sync_conflicts import ConflictsDialog
from sromod.ui.sync_existing import CheckList, report_text, sync_open_replica
from sromod.ui.sync_run import Step, run_sync
from sromod.ui.widgets import with_shortcut

log = logging.getLogger(__name__)

OPEN_STATES = (MeetingState.PLANNED, MeetingState.INVITED, MeetingState.RUNNING)


@dataclass(frozen=True)
class ReplicaRequest:
    """What the user chose for a new replica."""

    path: Path
    short_names: list[str]
    take: list[str]  # meeting ids


@dataclass(frozen=True)
class MeetingChoice:
    id: str
    body_short_name: str
    number: int
    day: date


class NewReplicaDialog(FittedDialog):
    """Which bodies the replica holds, which of their meetings it takes along, and its file."""

    def __init__(
        self,
        parent: QWidget | None,
        body_names: list[tuple[str, str]],
        choices: list[MeetingChoice],
        suggested: Path,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setWindowTitle(self.tr("Replik des Registers anlegen"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Eine Replik ist eine sromod-Datei auf diesem Laptop mit den gewählten Gremien, "
                "ihren Sitzungen, Personen und den Aufgaben ihrer Ämter: Damit arbeiten Sie ohne "
                "Netz. Eine Sitzung, die Sie mitnehmen, kann im Register bis zum nächsten "
                "Abgleich niemand sonst ändern."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.path = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Durch&suchen…"))
        with_shortcut(browse, self.tr("Ort und Namen der Replik wählen"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.bodies = CheckList(self.tr("Gremien der Replik"))
        for short, name in body_names:
            self.bodies.add(f"{short} – {name}", short)
        self.meetings = CheckList(self.tr("Sitzungen zum Mitnehmen"))
        self.bodies.itemChanged.connect(self._bodies_changed)
        path_label = QLabel(self.tr("&Datei der Replik:"))
        path_label.setBuddy(self.path)
        form.addRow(path_label, row)
        for text, field in (
            (self.tr("&Gremien:"), self.bodies),
            (self.tr("Für die Sitzung &mitnehmen:"), self.meetings),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.path.setAccessibleName(self.tr("Datei der Replik"))
        layout.addLayout(form, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Replik anlegen"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._update_ok)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Replik speichern unter"), self.path.text(),
            self.tr("sromod-Datenbank (*.db)"),
        )  # fmt: skip
        if chosen:
            self.path.setText(chosen)

    def _bodies_changed(self) -> None:
        """The meetings to take along are the open meetings of the bodies chosen."""
        keep = set(self.meetings.checked())
        chosen = set(self.bodies.checked())
        self.meetings.clear()
        for choice in self.choices:
            if choice.body_short_name in chosen:
                self.meetings.add_meeting(choice, choice.id in keep)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.path.text().strip() and self.bodies.checked()))

    def request(self) -> ReplicaRequest:
        path = Path(self.path.text().strip()).expanduser()
        return ReplicaRequest(path, self.bodies.checked(), self.meetings.checked())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        body_names: list[tuple[str, str]],
        choices: list[MeetingChoice],
        suggested: Path,
    ) -> ReplicaRequest | None:
        dialog = cls(parent, body_names, choices, suggested)
        if dialog.exec() != FittedDialog.DialogCode.Accepted:
            return None
        return dialog.request()


def open_meetings(store: Store) -> list[MeetingChoice]:
    """The meetings that may be taken along: not yet held, not cancelled; soonest first."""
    found = [
        MeetingChoice(m.id, m.body_short_name, m.number, m.date)
        for m in meetings.list_meetings(store)
        if m.state in OPEN_STATES
    ]
    return sorted(found, key=lambda m: (m.day, m.body_short_name, m.number))


def suggested_path(store: Store) -> Path:
    """Documents/sromod-replik.db (numbered on while the name is taken)."""
    folder = Path.home() / "Documents"
    if not folder.is_dir():
        folder = Path.home()
    path = folder / "sromod-replik.db"
    n = 2
    while path.exists():
        path = folder / f"sromod-replik-{n}.db"
        n += 1
    return path


def command_tr(text: str) -> str:
    return QCoreApplication.translate("SyncCommand", text)


class SyncCommand:
    """The menu command: what it does depends on the store the window has open."""

    def __init__(self, parent: QWidget, context: AppContext) -> None:
        self.parent = parent
        self.context = context
        self.report: ReplicaReport | None = None  # the last first copy (for tests)
        self.synced: SyncResult | None = None  # the last sync of the open replica

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("SyncCommand", text)

    def run(self) -> Path | None:
        """Run the command; the path of a new replica the user wants to open, else None."""
        store = self.context.store
        if store.server is not None:
            return self._new_replica(store)
        state = open_replica_state(store)
        if state:
            self._sync_replica(state)
            return None
        self._say(
            self.tr(
                "Diese Datenbank ist keine Replik des Registers. Um eine anzulegen, verbinden "
                "Sie sich zuerst mit dem Register (Datei → Mit Register verbinden…) und wählen "
                "dann Datei → Mit dem Register abgleichen…."
            )
        )
        return None

    def _sync_replica(self, state: dict[str, Any]) -> None:
        taken = {t["meeting_id"] for t in state.get("taken", [])}
        result = sync_open_replica(self.parent, self.context, open_meetings(self.context.store),
                                   taken)  # fmt: skip
        if result is None:
            return
        self.synced = result
        box, conflicts = report_box(self.parent, result)
        box.exec()
        if conflicts is not None and box.clickedButton() is conflicts:
            ConflictsDialog.show_for(self.parent, self.context)

    def _say(self, text: str) -> None:
        QMessageBox.information(self.parent, self.tr("Mit dem Register abgleichen"), text)

    def _new_replica(self, store: Store) -> Path | None:
        assert store.server is not None
        refusal = tls_refusal_of(store.server.url)
        if refusal:
            self.context.error.emit(refusal_text(refusal, in_window_language))
            return None
        names = [(b.short_name, b.name) for b in bodies.list_bodies(store, active_only=True)]
        # only a coordinator takes meetings along: others are offered none
        choices = open_meetings(store) if store.access.may_edit_everything else []
        request = NewReplicaDialog.ask(self.parent, names, choices, suggested_path(store))
        if request is None:
            return None
        job = run_sync(
            self.parent,
            self.tr("Replik anlegen"),
            self.tr("Die Daten der Gremien werden vom Server geholt …"),
            CopyWork(store, request),
        )
        if job.cancelled:
            self._say(self.tr("Abgebrochen: es wurde keine Replik angelegt."))
            return None
        if job.error is not None:
            self.context.error.emit(job.error)
            return None
        self.report = job.result
        return self._report(job.result)

    def _report(self, report: ReplicaReport) -> Path | None:
        scope = report.state["scope"]
        lines = [
            self.tr("Die Replik ist angelegt: %1").replace("%1", str(report.path)),
            self.tr("Gremien: %1.").replace("%1", ", ".join(scope["short_names"])),
            self.tr("Sitzungen: %1; Aufgaben: %2; Personen: %3.")  # right for 1 as for many
            .replace("%1", number(report.copied["meetings"]))
            .replace("%2", number(report.copied["tasks"]))
            .replace("%3", number(report.copied["persons"])),
        ]
        for taken in report.state.get("taken", []):
            lines.append(
                self.tr(
                    "Für die Sitzung mitgenommen: %1 (bis zum nächsten Abgleich ändert sie im "
                    "Register niemand sonst)."
                ).replace("%1", taken["label"])
            )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Replik angelegt"),
                          "\n".join(lines), parent=self.parent)  # fmt: skip
        open_now = box.addButton(self.tr("Replik jetzt ö&ffnen"), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(self.tr("Schließen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_now)
        box.setEscapeButton(close)
        box.exec()
        return report.path if box.clickedButton() is open_now else None


def report_box(
    parent: QWidget | None, result: SyncResult
) -> tuple[QMessageBox, QPushButton | None]:
    """The report of a sync, and its button to the conflicts (Enter's, when there are any)."""
    box = QMessageBox(QMessageBox.Icon.Information, command_tr("Abgleich abgeschlossen"),
                      report_text(result), parent=parent)  # fmt: skip
    conflicts = None
    if result.outcome.conflicts:
        conflicts = box.addButton(
            command_tr("&Konflikte ansehen…"), QMessageBox.ButtonRole.AcceptRole
        )
    close = box.addButton(command_tr("Schließen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(conflicts or close)
    box.setEscapeButton(close)
    return box, conflicts


@dataclass
class CopyWork:
    """The first copy, run in the worker: a step per table copied (where a cancel may stop it)."""

    store: Store
    request: ReplicaRequest

    def __call__(self, step: Step) -> ReplicaReport:
        total = len(Base.metadata.sorted_tables) + 1
        done = [0]

        def progress(_line: str) -> None:
            done[0] += 1
            step(done[0], total)

        return first_copy(self.store, self.request.path, self.request.short_names,
                          self.request.take, progress)  # fmt: skip
