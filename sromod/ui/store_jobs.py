"""Long store operations (check, restore) in a worker thread behind a progress dialog.

A check or restore of a district decade takes seconds; on the UI thread the window would
freeze meanwhile. The work runs in the thread pool; the dialog shows its percent and blocks
the window (the store may be closed while a restore runs), and the caller gets a plain value.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from sromod.store import StoreError
from sromod.ui.blocking import wait_behind

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None]], Any]


def tr(text: str) -> str:
    return QApplication.translate("store_jobs", text)


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal()


class StoreJob(QRunnable):
    """Runs work(progress) off the UI thread; keeps its result or its German error."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the caller reads the outcome after the run
        self.signals = _Signals()
        self._work = work
        self.result: Any = None
        self.error: str | None = None
        self.exception: StoreError | None = None  # the store's refusal, for callers that ask

    def run(self) -> None:
        try:
            self.result = self._work(self.signals.progress.emit)
        except StoreError as exc:
            from sromod.ui.labels import error_text  # not at start-up

            self.exception = exc
            self.error = error_text(exc)  # in the window's language
        except Exception:  # an unexpected failure must reach the user, not kill the thread
            log.exception("Store operation failed")
            self.error = tr("Der Vorgang ist fehlgeschlagen; Einzelheiten stehen im Protokoll.")
        finally:
            self.signals.done.emit()


class _Relay(QObject):
    """Lives in the UI thread, so the worker's progress reaches the dialog as queued calls."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        if total > 0:
            self._dialog.setValue(min(done * 100 // total, 99))  # 100 would close it early


def run_with_progress(parent: QWidget | None, title: str, label: str, work: Work) -> StoreJob:
    """Run work in the thread pool while a progress dialog blocks the window; return the job."""
    job = StoreJob(work)
    dialog = QProgressDialog(label, "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setCancelButton(None)  # half a restore cannot be taken back; it is quick anyway
    dialog.setMinimumDuration(300)  # a small store is done before it shows
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    relay = _Relay(dialog)
    job.signals.progress.connect(relay.show, Qt.ConnectionType.QueuedConnection)
    wait_behind(dialog, job)
    return job
