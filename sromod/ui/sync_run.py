"""A sync with the register in a worker thread, behind a progress dialog that can cancel it.

The work reports steps (done, total); a cancel asks the work to stop at its next step, which
it does only where stopping leaves nothing half done (the work decides: a first copy stops
while it copies, never after it registered the replica on the server).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from sromod.services.errors import ServiceError
from sromod.store import StoreError
from sromod.ui.blocking import wait_behind
from sromod.ui.labels import error_text
from sromod.ui.store_jobs import StoreJob, _Relay

log = logging.getLogger(__name__)

Step = Callable[[int, int], None]  # (done, total); raises SyncCancelled after a cancel
Work = Callable[[Step], Any]


def tr(text: str) -> str:
    return QApplication.translate("sync_run", text)


class SyncCancelled(Exception):
    """The user cancelled; the work stopped where nothing was half done."""


class SyncJob(StoreJob):
    """Runs work(step) off the UI thread; keeps its result, its German refusal, or the cancel."""

    def __init__(self, work: Work) -> None:
        super().__init__(work)
        self._sync_work = work
        self.cancel_requested = False
        self.cancelled = False
        self.failure: Exception | None = None  # the refusal itself (a password to ask for?)

    def step(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise SyncCancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self._sync_work(self.step)
        except SyncCancelled:
            self.cancelled = True
        except (ServiceError, StoreError) as exc:
            self.failure = exc
            self.error = error_text(exc)  # in the window's language
        except Exception:  # an unexpected failure must reach the user, not kill the thread
            log.exception("Sync failed")
            self.error = tr(
                "Der Abgleich ist fehlgeschlagen; Einzelheiten stehen im Protokoll. Es wurde "
                "nichts Halbes gespeichert."
            )
        finally:
            self.signals.done.emit()


class _CancelRelay(_Relay):
    """The store jobs' relay (progress to the dialog), and Abbrechen to the job."""

    def __init__(self, dialog: QProgressDialog, job: SyncJob) -> None:
        super().__init__(dialog)
        self._job = job

    @Slot()
    def cancel(self) -> None:
        self._job.cancel_requested = True
        self._dialog.setLabelText(tr("Wird abgebrochen …"))


def run_sync(parent: QWidget | None, title: str, label: str, work: Work) -> SyncJob:
    """Run work in the thread pool while a progress dialog (with Abbrechen) blocks the window."""
    job = SyncJob(work)
    dialog = QProgressDialog(label, tr("Abbrechen"), 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setAccessibleDescription(label)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    relay = _CancelRelay(dialog, job)
    job.signals.progress.connect(relay.show, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(relay.cancel)
    wait_behind(dialog, job)
    return job
