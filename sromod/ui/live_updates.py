"""Open screens show other users' changes on a shared register within a few seconds.

A `ChangeListener` (sromod.store.notify) hears the register's notifications on a connection of
its own, in a thread; here its bursts are carried into the window's thread, gathered for a
moment (one reload for a burst of changes, not one per row), and announced through
`AppContext.notify`: every screen reloads what it shows, exactly as after a change of one's own.
A store on SQLite has no other users: nothing listens.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from sromod.models import Base
from sromod.store import Store
from sromod.store.notify import EVERYTHING, ChangeListener

log = logging.getLogger(__name__)

GATHER_MS = 250  # changes heard within this time are shown in one reload


class LiveUpdates(QObject):
    """Listens to the open store while it is a shared register (`follow` each store opened)."""

    heard = Signal(object)  # set[str], emitted from the listener's thread
    changed = Signal(object)  # set[str], in the window's thread: the tables others changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: ChangeListener | None = None
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._announce)
        self.heard.connect(self._gather)  # queued: the signal comes from another thread

    @property
    def listener(self) -> ChangeListener | None:
        return self._listener

    def follow(self, store: Store) -> None:
        """Listen to the store opened now (or to nothing, for a file)."""
        self.stop()
        if store.server is None:
            return
        self._listener = ChangeListener(store, self._from_listener)
        self._listener.start()

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def _from_listener(self, tables: set[str]) -> None:
        """In the listener's thread: hand the burst to the window's thread (Qt queues it)."""
        try:
            self.heard.emit(tables)
        except RuntimeError:  # the window's objects are gone: stop listening
            listener, self._listener = self._listener, None
            if listener is not None:
                listener.stop()

    def _gather(self, tables: set[str]) -> None:
        self._pending |= tables
        if not self._timer.isActive():
            self._timer.start()

    def _announce(self) -> None:
        tables, self._pending = self._pending, set()
        if EVERYTHING in tables:  # the connection was lost for a while: anything may have changed
            tables = {EVERYTHING, *Base.metadata.tables}
        log.debug("Changes by others: %s", sorted(tables))
        self.changed.emit(tables)
