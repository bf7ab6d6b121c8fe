"""One read of a meeting's live state per change, handed to the live view and the projector."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from sromod.services import live
from sromod.services.errors import NotFound
from sromod.services.live import LiveState
from sromod.ui.context import AppContext

log = logging.getLogger(__name__)


class LiveFeed(QObject):
    """The live state of one meeting, read again after every change (undo included).

    `updated` carries the new LiveState; `gone` says the meeting was deleted (by an undo
    elsewhere). The first read happens here, so a missing meeting raises NotFound at once.
    """

    updated = Signal(object)
    gone = Signal()

    def __init__(self, context: AppContext, meeting_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.state: LiveState = live.live_state(context.store, meeting_id)
        self._listening = True
        context.changed.connect(self.reload)

    def reload(self, _tables: object = None) -> None:
        """Read the state once and tell every reader."""
        if not self._listening:
            return
        try:
            self.state = live.live_state(self.context.store, self.meeting_id, self.state.current_id)
        except NotFound:
            log.info("live view: meeting %s is gone", self.meeting_id)
            self.stop()
            self.gone.emit()
            return
        self.updated.emit(self.state)

    def stop(self) -> None:
        """No more reads (the live view closed)."""
        if self._listening:
            self._listening = False
            self.context.changed.disconnect(self.reload)
