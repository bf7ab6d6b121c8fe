"""The start: the main window at once, its store opened after the first paint, then filled.

Opening a store takes time that has nothing to paint: importing the database machinery
(SQLAlchemy, its ORM and the models, a third of a second on a laptop), a large file's checks, a
server that answers after seconds (or never, until the connect timeout). So the start builds
and paints the main window first (none of that machinery imported), shows the bodies read ahead
from the file (`services.body_info.early_bodies`; not for a server), opens the store in a worker
and hands it to the window's context when it is open. There is one top-level window throughout.
A refusal is one German sentence with the offer of a file on this computer instead.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sromod.store.address import ServerAddress, connection_of
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.settings import UiSettings
from sromod.ui.store_jobs import StoreJob

log = logging.getLogger(__name__)

Location = Path | ServerAddress
Opener = Callable[[Location], Any]  # opens the store (in a worker); raises StoreError

# What the open window needs at once, imported in the worker with the store (not on the UI
# thread): the first screen's services, with the ORM's mappers configured.
FIRST_SCREEN = ("sromod.services.bodies", "sromod.services.meetings", "sromod.services.overview")


def opening_text(location: Location) -> str:
    """ "Die Datenbank „x.db“ wird geöffnet …" or whom the window connects to."""
    if isinstance(location, ServerAddress):
        from sromod.ui.connecting import connecting_text

        return connecting_text(location)
    return QApplication.translate("Launch", "Die Datenbank „%1“ wird geöffnet …").replace(
        "%1", location.name
    )


class Starter(QObject):
    """Opens the store after the window's first paint; hands the open store on.

    opened(Opened) when it is open; given_up() when the user chose nothing instead of a refusal.
    """

    opened = Signal(object)
    given_up = Signal()

    def __init__(
        self,
        window: MainWindow,
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

    def begin(self) -> None:
        """Open self.location in a worker; the window keeps painting meanwhile."""
        self.window.show_opening(opening_text(self.location))
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
        self.window.show_refusal(job.error)
        if self.quiet:
            self.given_up.emit()
            return
        self._offer(job.error)

    def _offer(self, refusal: str) -> None:
        from sromod.ui import connecting

        failed = self.location if isinstance(self.location, Path) else None
        last = connecting.local_store(self.settings)
        if failed is not None and last is not None and last.resolve() == failed.resolve():
            last = None  # not the file that just failed
        instead = connecting.offer_local_store(self.window, refusal, last, server=failed is None)
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

    def abandon(self) -> None:
        """The app ends while a store is still being opened: wait for it, then close it."""
        job, self._job = self._job, None
        if job is None:
            return
        QThreadPool.globalInstance().waitForDone()
        if job.result is not None:
            job.result.store.close()  # its lock file is let go, as after any other end


@dataclass(frozen=True)
class Opened:
    """The store the worker opened, and what the first screen will ask of it, asked already."""

    store: Any
    answers: dict[tuple[Any, ...], Any]


def _open_with(opener: Opener, location: Location, _progress: object) -> Opened:
    store = opener(location)
    # The first screen's services and the ORM's mappers too, so that the UI thread has only
    # the window to fill when the store is open.
    try:
        for module in FIRST_SCREEN:
            importlib.import_module(module)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
    except BaseException:
        store.close()
        raise
    return Opened(store, _first_screen(store))


def _first_screen(store: Any) -> dict[tuple[Any, ...], Any]:
    """The first screen's questions to the store, asked in the worker (see AppContext.query).

    The bodies, the first one's meetings and "Als Nächstes" (due counts over every task): on the
    UI thread they stopped the window for 0.1–0.4 s after the store was handed over.
    """
    from sromod.services import bodies, meetings, overview

    try:
        listed = bodies.list_bodies(store)
        answers: dict[tuple[Any, ...], Any] = {
            (bodies.list_bodies,): listed,
            (overview.next_meetings, None): overview.next_meetings(store, None),
        }
        if listed:
            first = listed[0].id
            answers[(meetings.list_meetings, first)] = meetings.list_meetings(store, first)
    except Exception:  # the screen asks again itself, and says what is wrong
        log.warning("The first screen could not be read ahead", exc_info=True)
        return {}
    return answers


class Launch(QObject):
    """A start from the first paint to the filled main window (or to the user giving up).

    With probe_started (the startup probe, a perf_counter value), three lines go to stdout: the
    seconds to the first paint, to the window showing the bodies read ahead (the filled window),
    and to the store being open with the first screen complete; then the app quits. Where
    nothing can be read ahead (a server, a new or refused-as-is file) the second line is printed
    with the third.
    """

    def __init__(
        self,
        settings: UiSettings,
        location: Location,
        opener: Opener,
        *,
        probe_started: float | None = None,
        after_shown: Callable[[MainWindow], object] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.context = AppContext(None, register=isinstance(location, ServerAddress))
        self.window = MainWindow(self.context, settings)
        self.starter = Starter(
            self.window, location, opener, settings, quiet=probe_started is not None
        )
        self.starter.opened.connect(self._opened)
        self.starter.given_up.connect(self._give_up)
        self._probe_started = probe_started
        self._after_shown = after_shown
        self._reported = 0  # lines the probe printed
        self._step = "paint"  # what the awaited paint completes: paint, filled, ready
        self._await_paint = True
        self.window.painted.connect(self._on_paint)

    @property
    def ready(self) -> bool:
        """Whether the store is open and the window shows it."""
        return self.context.ready

    def show(self) -> None:
        self.window.show_at_start()

    def open_store(self) -> Any:
        """The store the window has open now (another after "Datenbank öffnen…"), or None."""
        return self.context.store if self.context.ready else None

    def _on_paint(self) -> None:
        if self._await_paint:  # the paint asked for: act once it is done (the next turn)
            self._await_paint = False
            QTimer.singleShot(0, self._painted)

    def _paint_next(self, step: str) -> None:
        self._step = step
        self._await_paint = True
        self.window.update()

    def _painted(self) -> None:
        """After an awaited paint: the window as the user now sees it."""
        self._report()
        while self._step == "ready" and self._reported < 3:
            self._report()  # nothing was read ahead: filled and open are one moment
        if self._step == "paint":
            self._read_ahead()
        elif self._step == "filled":
            self.starter.begin()
        elif self._step == "ready":
            self.window.painted.disconnect(self._on_paint)
            if self._probe_started is not None:
                QApplication.quit()

    def _read_ahead(self) -> None:
        """Show the file's bodies now (a server's come when it is open), then open the store."""
        location = self.starter.location
        infos = None
        if isinstance(location, Path):
            from sromod.services.body_info import early_bodies

            infos = early_bodies(location)
        self.window.show_opening(opening_text(location))
        if infos is None:  # nothing shown ahead: the filled window is the opened one
            self._step = "opening"
            self.starter.begin()
            return
        self.window.show_early(infos)
        self._paint_next("filled")

    def _opened(self, opened: Opened) -> None:
        store = opened.store
        if store.path is not None:
            self.settings.set_last_local_store(store.path)
        self.context.open_first(store, opened.answers)
        self._paint_next("ready")
        if self._after_shown is not None:
            self._after_shown(self.window)
        if self._probe_started is None:
            for warning in store.warnings:
                QMessageBox.warning(self.window, "sromod", warning)

    def _report(self) -> None:
        self._reported += 1
        if self._probe_started is not None:
            print(f"{time.perf_counter() - self._probe_started:.3f}", flush=True)

    def _give_up(self) -> None:
        """Nothing opened: the probe says why (run_app ends the app on given_up)."""
        self.context.store_given_up.emit()
        if self._probe_started is not None and self.starter.refusal:
            print(f"sromod: {self.starter.refusal}", file=sys.stderr)
