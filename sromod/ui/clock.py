"""The meeting timer: wall-clock times derived from a monotonic clock, and the time box in words.

A moderator's laptop may adjust its clock (NTP after docking, a change of time zone) while a meeting
runs; counting timer ticks drifts when the event loop is busy. So the view takes one wall-clock
reading when it opens and measures everything after that with `time.monotonic()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from sromod.services.wording import german_time


class MeetingClock:
    """Local wall-clock time as seen by a running meeting, advanced by a monotonic clock."""

    def __init__(
        self,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._monotonic = monotonic
        self._mono0 = monotonic()
        self._wall0 = wall()

    def now(self) -> datetime:
        """The current local time (naive), never jumping with the system clock."""
        return self._wall0 + timedelta(seconds=self._monotonic() - self._mono0)

    def stamp(self) -> datetime:
        """The current time to the second, as the services record it."""
        return self.now().replace(microsecond=0)

    def seconds_since(self, start: datetime) -> float:
        """Seconds elapsed since a recorded local time (0 if it lies in the future)."""
        return max(0.0, (self.now() - start).total_seconds())


@dataclass(frozen=True)
class TimeBox:
    """What the time box of a TOP shows: the text and whether the TOP has overrun."""

    text: str
    overrun: bool
    fraction_left: float  # 1.0 at the start, 0.0 when the planned time is used up


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingClock", text)


def minutes_seconds(seconds: float) -> str:
    """ "4:05" for 245 seconds; hours run on as minutes ("75:00") because time boxes are short."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def time_box(planned_minutes: int, elapsed_seconds: float) -> TimeBox:
    """The remaining time ("noch 4:00") or the overrun in words ("2 Minuten überzogen")."""
    planned = max(0, planned_minutes) * 60
    if planned == 0:  # a TOP without a time box just shows how long it has run
        return TimeBox(
            _tr("läuft seit %1").replace("%1", minutes_seconds(elapsed_seconds)), False, 1.0
        )
    left = planned - elapsed_seconds
    fraction = left / planned
    if left > 0:
        text = _tr("noch %1").replace("%1", minutes_seconds(left + 0.999))
        return TimeBox(text, False, max(0.0, min(1.0, fraction)))
    over = int(-left) // 60
    if over == 0:
        text = _tr("Zeit abgelaufen")
    elif over == 1:
        text = _tr("1 Minute überzogen")
    else:
        text = _tr("%1 Minuten überzogen").replace("%1", str(over))
    return TimeBox(text, True, 0.0)


def clock_text(moment: datetime) -> str:
    """ "10:42" for the header."""
    return german_time(moment)
