"""The window a start shows at once: where it opens, a moving bar, then the main window in its place.

Opening a store takes time that has nothing to paint: a large file's upgrade check, a server
that answers after seconds (or never, until the connect timeout). So the start paints this
light window first (it imports nothing of the database machinery), opens the store in a worker
after that first paint, and builds the main window on the same place when the store is open.
A refusal is one German sentence with the offer of a file on this computer instead.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from sromod.store.address import ServerAddress, connection_of
from sromod.ui.settings import UiSettings
from sromod.ui.store_jobs import StoreJob

log = logging.getLogger(__name__)

Location = Path | ServerAddress
Opener = Callable[[Location], Any]  # opens the store (in a worker); raises StoreError


class _Canvas(QWidget):
    """The window's content; tells once that it has been painted."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._told = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._told:
            self._told = True
            self.painted.emit()


class StartWindow(QMainWindow):
    """sromod's window while the store opens: its title, what it opens, a busy bar."""

    def __init__(self, settings: UiSettings) -> None:
        super().__init__()
        self.setObjectName("StartWindow")
        self.setWindowTitle("sromod")
        self.canvas = _Canvas()
        layout = QVBoxLayout(self.canvas)
        layout.addStretch(2)
        self.heading = QLabel("sromod")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setMaximumWidth(640)  # a refusal is a sentence or two: read as a paragraph
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignHCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no percent is known while a server is asked
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(320)
        self.bar.setAccessibleName(self.tr("Datenbank wird geöffnet"))
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setCentralWidget(self.canvas)
        self.start_maximised = settings.restore_window(self)
        self.statusBar().showMessage("")

    def show_opening(self, location: Location) -> None:
        if isinstance(location, ServerAddress):
            from sromod.ui.connecting import connecting_text

            text = connecting_text(location)
        else:
            text = self.tr("Die Datenbank „%1“ wird geöffnet …").replace("%1", location.name)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.statusBar().showMessage(text)
        self.bar.show()

    def show_refusal(self, refusal: str) -> None:
        """The opening failed: the sentence in place of the progress, nothing left moving."""
        self.status.setText(refusal)
        self.status.setAccessibleName(refusal)
        self.statusBar().showMessage(self.tr("Nicht verbunden."))
        self.bar.hide()

    def show_at_start(self) -> None:
        if self.start_maximised:
            self.showMaximized()
        else:
            self.show()


class Starter(QObject):
    """Opens the store after the start window's first paint; hands the open store on.

    opened(store) when it is open; given_up() when the user chose nothing instead of a refusal.
    """

    opened = Signal(object)
    given_up = Signal()

    def __init__(
        self,
        window: StartWindow,
        location: Location,
        opener: Opener,
        settings: UiSettings,
        *,
        quiet: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.location = location
        self.opener = opener
        self.settings = settings
        self.quiet = quiet  # the startup probe: a refusal goes to the log, nothing waits
        self.refusal: str | None = None
        self._job: StoreJob | None = None
        self._request: Any = None  # a ConnectRequest typed after a refusal
        window.canvas.painted.connect(self.begin, Qt.ConnectionType.QueuedConnection)

    def begin(self) -> None:
        """Open self.location in a worker; the window keeps painting meanwhile."""
        self.window.show_opening(self.location)
        job = StoreJob(partial(_open_with, self.opener, self.location))
        job.signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _done(self) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        if job.error is None:
            if self._request is not None:
                from sromod.ui.connecting import keep_password_as_asked

                keep_password_as_asked(self._request)
            self.opened.emit(job.result)
            return
        self.refusal = job.error
        if self.quiet:
            self.given_up.emit()
            return
        self._offer(job.error)

    def _offer(self, refusal: str) -> None:
        from sromod.ui import connecting

        self.window.show_refusal(refusal)
        last = connecting.local_store(self.settings)
        instead = connecting.offer_local_store(self.window, refusal, last)
        if instead is connecting.Instead.LAST_LOCAL and last is not None:
            self._try(last)
        elif instead is connecting.Instead.CHOOSE_FILE:
            self._choose_file()
        elif instead is connecting.Instead.RETRY:
            self._retry()
        else:
            self.given_up.emit()

    def _choose_file(self) -> None:
        last = self.settings.last_local_store()
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Datenbank öffnen"),
            str(last.parent if last else Path.home()),
            self.tr("sromod-Datenbanken (*.db *.sqlite *.sromod);;Alle Dateien (*)"),
        )
        if path:
            self._try(Path(path))
        else:
            self.given_up.emit()

    def _retry(self) -> None:
        if not isinstance(self.location, ServerAddress):
            self._try(self.location)
            return
        from sromod.ui.dialogs.connect_dialog import ConnectDialog

        self.settings.set_register_connection(connection_of(self.location))
        request = ConnectDialog.ask(self.window, self.settings)
        if request is None:
            self.given_up.emit()
            return
        self.settings.set_register_connection(request.connection)
        self._request = request  # its password goes into the password file once it worked
        self._try(request.address())

    def _try(self, location: Location) -> None:
        self.location = location
        self.begin()


def _open_with(opener: Opener, location: Location, _progress: object) -> Any:
    store = opener(location)
    # The main window's modules too (half a second of imports, no Qt objects made), so the UI
    # thread has only the window to build when the store is open.
    try:
        importlib.import_module("sromod.ui.main_window")
    except BaseException:
        store.close()
        raise
    return store


class Launch(QObject):
    """A start from the first paint to the filled main window (or to the user giving up).

    With probe_started (the startup probe, a perf_counter value), two lines go to stdout: the
    seconds to the first paint, then to the filled main window; then the app quits.
    """

    def __init__(
        self,
        settings: UiSettings,
        location: Location,
        opener: Opener,
        *,
        probe_started: float | None = None,
        after_shown: Callable[[QMainWindow], object] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.window = StartWindow(settings)
        self.starter = Starter(
            self.window, location, opener, settings, quiet=probe_started is not None
        )
        self.starter.opened.connect(self._show_main)
        self.starter.given_up.connect(self._give_up)
        self.main: Any = None  # the MainWindow, once the store is open; it owns the store then
        self._probe_started = probe_started
        self._after_shown = after_shown
        if probe_started is not None:
            self.window.canvas.painted.connect(self._report)

    def show(self) -> None:
        self.window.show_at_start()

    def open_store(self) -> Any:
        """The store the window has open now (another after "Datenbank öffnen…"), or None."""
        return self.main.context.store if self.main is not None else None

    def _show_main(self, store: Any) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sromod.ui.context import AppContext
        from sromod.ui.main_window import MainWindow

        if store.path is not None:
            self.settings.set_last_local_store(store.path)
        main = MainWindow(AppContext(store), self.settings)
        self.main = main
        if self.window.isMaximized() or self.window.isFullScreen():
            main.showMaximized()
        else:
            main.setGeometry(self.window.geometry())  # where the user sees sromod now
            main.show()
        self.window.hide()  # after the main window shows: no moment without a window
        if self._after_shown is not None:
            self._after_shown(main)
        if self._probe_started is not None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._report_and_quit)
            return
        for warning in store.warnings:
            QMessageBox.warning(main, "sromod", warning)

    def _report(self) -> None:
        import time

        assert self._probe_started is not None
        print(f"{time.perf_counter() - self._probe_started:.3f}", flush=True)

    def _report_and_quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._report()
        QApplication.quit()

    def _give_up(self) -> None:
        """Nothing opened: the probe says why (run_app ends the app on given_up)."""
        if self._probe_started is not None and self.starter.refusal:
            import sys

            print(f"sromod: {self.starter.refusal}", file=sys.stderr)
