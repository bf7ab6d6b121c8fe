"""Tell a screen reader what a sighted user sees change, without moving the keyboard focus.

A saved decision, a refused edit, an undo, the time box passing zero, the quorum lost: each is
shown in a status line and said through Qt's accessibility announcement (UI Automation
notification on Windows, an AT-SPI announcement on Linux), so NVDA, JAWS or Orca read it while
the moderator keeps typing where they were.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

log = logging.getLogger(__name__)

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have assistive technology say `text`, coming from `source` (the widget that shows it).

    Polite waits until the screen reader has finished speaking; assertive (refusals, a lost
    quorum) interrupts it.
    """
    text = text.strip()
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(ASSERTIVE if assertive else POLITE)
    QAccessible.updateAccessibility(event)
    log.debug("announced (%s): %s", "assertive" if assertive else "polite", text)


class ChangeWatch:
    """Notices when a shown value of the same subject changes (the time box of one TOP, the
    quorum of one meeting); the first reading and a change of subject are no news."""

    def __init__(self) -> None:
        self._seen: tuple[object, object] | None = None

    def changed(self, subject: object, value: object) -> bool:
        before, self._seen = self._seen, (subject, value)
        return before is not None and before[0] == subject and before[1] != value


def announce_quorum(source: QObject, quorate: bool | None, shown: str) -> None:
    """The quorum lost (interrupting) or reached, with the counts the screen shows."""
    if quorate is None:  # the body has no quorum set: nothing to lose
        return
    if quorate:
        lead = QCoreApplication.translate("Announce", "Beschlussfähig: %1")
    else:
        lead = QCoreApplication.translate("Announce", "Nicht mehr beschlussfähig: %1")
    announce(source, lead.replace("%1", shown), assertive=not quorate)
