"""The export actions of the window: ask where, write in a worker thread, offer to open the file.

The dialogs are module-level functions (`ask_save_path`, `ask_office`, `offer_to_open`) so that
tests can replace them. An export runs in a QThreadPool worker while a progress dialog (that can
cancel the task list) keeps the window responsive; the caller gets a plain value back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QStandardPaths,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from sromod.exports import api
from sromod.models import MeetingState
from sromod.services import directory, register
from sromod.services.errors import ServiceError
from sromod.services.task_query import TaskFilter, filter_names
from sromod.store.oserrors import reason
from sromod.store.targets import output_refusal
from sromod.ui.blocking import wait_behind
from sromod.ui.context import AppContext
from sromod.ui.i18n import number

log = logging.getLogger(__name__)

MEETING_KINDS = api.MEETING_KINDS
_TITLES = {
    "minutes": "Protokoll exportieren",
    "excerpt": "Protokollauszug exportieren",
    "invitation": "Einladung exportieren",
    "attendance": "Anwesenheitsliste exportieren",
    "ics": "Termin als Kalenderdatei exportieren",
    "absage": "Absage exportieren",
    "tasks": "Aufgabenliste exportieren",
}
_FILTERS = {
    ".docx": "Word-Dokumente (*.docx)",
    ".ics": "Kalenderdateien (*.ics)",
    ".xlsx": "Excel-Arbeitsmappen (*.xlsx)",
}


def tr(text: str) -> str:
    return QApplication.translate("exports", text)


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, name_filter: str
) -> str | None:
    """Where to write the file (the suggested name in the documents folder), or None."""
    start = str(documents_folder() / suggested)
    path, _selected = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    return path or None


def ask_office(parent: QWidget | None, offices: list[tuple[str, str]]) -> str | None:
    """Which office the excerpt is for: (id, label) pairs in, an id or None out."""
    labels = [label for _id, label in offices]
    label, ok = QInputDialog.getItem(
        parent, tr("Protokollauszug"), tr("Für welches Amt?"), labels, 0, False
    )
    if not ok:
        return None
    return next((office_id for office_id, text in offices if text == label), None)


def ask_reason(parent: QWidget | None) -> str | None:
    """The reason for the Absage (may stay empty), or None when the user cancels."""
    text, ok = QInputDialog.getMultiLineText(
        parent, tr("Absage"), tr("Grund der Absage (freiwillig, erscheint im Schreiben):")
    )
    return text if ok else None


def offer_to_open(parent: QWidget | None, path: Path) -> bool:
    """Tell the user where the file is and open it if they want; True if opened."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Export fertig"))
    box.setText(tr("Die Datei wurde gespeichert:\n%1").replace("%1", str(path)))
    open_button = box.addButton(tr("Datei öffnen"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Schließen"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return False


# -- the worker --------------------------------------------------------------------------------


class _Signals(QObject):
    progress = QtSignal(int, int)
    done = QtSignal()


class ExportJob(QRunnable):
    """Runs one export function off the GUI thread; the result or the error is kept for later."""

    def __init__(
        self, write: Callable[..., Any], kwargs: dict[str, Any], with_progress: bool
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the caller reads the outcome after the run
        self.signals = _Signals()
        self._write = write
        self._kwargs = kwargs
        self._with_progress = with_progress
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: str | None = None
        self.cancelled = False

    def run(self) -> None:
        kwargs = dict(self._kwargs)
        if self._with_progress:
            kwargs["progress"] = self.signals.progress.emit
            kwargs["cancelled"] = self.cancel_requested.is_set
        try:
            self.result = self._write(**kwargs)
        except api.ExportCancelled:
            self.cancelled = True
        except ServiceError as exc:
            self.error = str(exc)
        except OSError as exc:
            self.error = tr("Die Datei konnte nicht geschrieben werden: %1.").replace(
                "%1", reason(exc)
            )
        except Exception:  # an unexpected failure must reach the user, not kill the thread
            log.exception("Export fehlgeschlagen")
            self.error = tr("Der Export ist fehlgeschlagen; Einzelheiten stehen im Protokoll.")
        finally:
            self.signals.done.emit()


def run_export(
    parent: QWidget | None,
    label: str,
    job: ExportJob,
    *,
    cancellable: bool,
    count_text: str = "",
) -> ExportJob:
    """Run the job in the thread pool behind a progress dialog; return when it is done.

    count_text ("%1 Zeilen gelesen") is shown for progress without a known total.
    """
    dialog = QProgressDialog(label, tr("Abbrechen") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(tr("Export"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick exports finish before it shows
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(job.cancel_requested.set)
    relay = _ProgressRelay(dialog, label, count_text)
    job.signals.progress.connect(relay.show, Qt.ConnectionType.QueuedConnection)
    wait_behind(dialog, job)
    return job


class _ProgressRelay(QObject):
    """Lives in the GUI thread, so the worker's progress reaches the dialog as queued calls."""

    def __init__(self, dialog: QProgressDialog, label: str, count_text: str) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._label = label
        self._count_text = count_text

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        if total <= 0 and self._count_text:
            done_text = number(done)
            self._dialog.setLabelText(f"{self._label}\n{self._count_text.replace('%1', done_text)}")
            return
        if total > 0 and self._dialog.maximum() != total:
            self._dialog.setMaximum(total)
        self._dialog.setValue(min(done, total) if total > 0 else 0)


def _finish(
    parent: QWidget | None, context: AppContext, job: ExportJob, path: Path, what: str = ""
) -> Path | None:
    if job.cancelled:
        context.message.emit(tr("Export abgebrochen; es wurde keine Datei geschrieben."))
        return None
    if job.error is not None:
        context.error.emit(job.error)
        return None
    saved = tr("Gespeichert: %1").replace("%1", str(path))
    context.message.emit(f"{saved} ({what})" if what else saved)
    offer_to_open(parent, path)
    return path


# -- the actions -------------------------------------------------------------------------------


def _state_refusal(kind: str, state: MeetingState) -> str:
    """A cancelled meeting has no minutes, only the Absage; a meeting that takes place no Absage."""
    cancelled = state is MeetingState.CANCELLED
    if kind in ("minutes", "excerpt") and cancelled:
        return tr(
            "Die Sitzung wurde abgesagt; dafür gibt es kein Protokoll. Exportieren Sie "
            "stattdessen die Absage (Sitzung → Exportieren → Absage)."
        )
    if kind == "absage" and not cancelled:
        return tr("Eine Absage gibt es nur für eine abgesagte Sitzung.")
    return ""


def export_meeting_document(
    parent: QWidget | None, context: AppContext, meeting_id: str, kind: str
) -> Path | None:
    """Export one document of a meeting (minutes, excerpt, invitation, attendance list, .ics)."""
    if kind not in MEETING_KINDS:
        raise ValueError(f"unknown export kind {kind!r}")
    store = context.store
    try:
        header = api.meeting_header(store, meeting_id)
    except ServiceError as exc:
        context.error.emit(str(exc))
        return None
    refusal = _state_refusal(kind, header.state)
    if refusal:
        context.error.emit(refusal)
        return None
    reason = ask_reason(parent) if kind == "absage" else ""
    if reason is None:
        return None
    office_id, office_code = None, ""
    if kind == "excerpt":
        offices = directory.list_offices(store, active_only=True)
        office_id = ask_office(parent, [(o.id, f"{o.code} – {o.name}") for o in offices])
        if office_id is None:
            return None
        office_code = next(o.code for o in offices if o.id == office_id)
    suffix = api.KINDS[kind][1]
    suggested = api.suggested_file_name(kind, header, office_code=office_code)
    chosen = ask_save_path(parent, tr(_TITLES[kind]), suggested, tr(_FILTERS[suffix]))
    if chosen is None:
        return None
    path = _with_suffix(Path(chosen), suffix)
    if _refused(context, Path(chosen), path):
        return None
    kwargs = {"store": store, "kind": kind, "meeting_id": meeting_id, "out_path": path,
              "office_id": office_id, "reason": reason}  # fmt: skip
    job = run_export(parent, tr(_TITLES[kind]) + " …",
                     ExportJob(api.export_meeting_document, kwargs, False), cancellable=False)  # fmt: skip
    return _finish(parent, context, job, path)


def export_task_list(
    parent: QWidget | None, context: AppContext, filters: TaskFilter, scope: str
) -> Path | None:
    """Export exactly the tasks the filter holds: the ones the calling screen shows.

    scope says where the selection comes from ("wie im Register gefiltert"); the save dialog's
    title and the message afterwards name it with the number of tasks.
    """
    store = context.store
    names = filter_names(store, filters)
    count = register.task_totals(store, filters).total
    selection = (
        (tr("1 Aufgabe, %2") if count == 1 else tr("%1 Aufgaben, %2"))
        .replace("%1", number(count))
        .replace("%2", scope)
    )
    hint = names.office_code or names.region_name
    suggested = api.suggested_file_name("tasks", office_code=hint)
    title = f"{tr(_TITLES['tasks'])} – {selection}"
    chosen = ask_save_path(parent, title, suggested, tr(_FILTERS[".xlsx"]))
    if chosen is None:
        return None
    path = _with_suffix(Path(chosen), ".xlsx")
    if _refused(context, Path(chosen), path):
        return None
    kwargs = {"store": store, "out_path": path, "filters": filters}
    job = run_export(parent, tr("Aufgabenliste wird geschrieben …"),
                     ExportJob(api.export_tasks, kwargs, True), cancellable=True)  # fmt: skip
    return _finish(parent, context, job, path, selection)


def _refused(context: AppContext, *paths: Path) -> bool:
    """Refuse, in the command line's words, a file that is the store, belongs to it or is a
    database, as chosen or with the suffix added; nothing is written."""
    store_path = getattr(context.store, "path", None)
    for path in paths:
        refusal = output_refusal(path, store_path)
        if refusal is not None:
            context.error.emit(refusal)
            return True
    return False


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
