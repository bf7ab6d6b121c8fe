"""Wait for a thread-pool job behind a progress dialog, the window kept responsive meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QProgressDialog


def wait_behind(dialog: QProgressDialog, job: QRunnable) -> None:
    """Start job, spin an event loop until it says done, then put the dialog away."""
    loop = QEventLoop()
    job.signals.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)  # type: ignore[attr-defined]  # the job classes give QRunnable a `signals` object
    QThreadPool.globalInstance().start(job)
    loop.exec()
    QThreadPool.globalInstance().waitForDone(5000)
    # hide(), not close(): closing a progress dialog emits canceled() even after the work is done.
    dialog.hide()
    dialog.deleteLater()
