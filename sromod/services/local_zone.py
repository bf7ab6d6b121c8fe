"""The one place that knows sromod's time zone, Berlin, and where its rules come from.

Windows has no system time zone database; sromod depends on the `tzdata` package for it, and
the bundle carries that package. Should both be missing, the EU rule (CET, CEST from the last
Sunday of March to the last Sunday of October, switching at 01:00 UTC; in force since 1996) is
used rather than refusing an export over an hour's difference in a timestamp.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger(__name__)

ZONE_NAME = "Europe/Berlin"


@cache
def berlin_zone() -> tzinfo:
    """Berlin's zone: from the system's database, else the tzdata package, else the EU rule."""
    try:
        # zoneinfo looks in the system's database (TZPATH) first, then in the tzdata package.
        return ZoneInfo(ZONE_NAME)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        log.warning("No time zone database found; using the EU summer-time rule for Berlin")
        return CentralEuropeanRule()


def berlin_time(utc_naive: datetime) -> datetime:
    """A stored timestamp (naive UTC) as Berlin wall-clock time (aware)."""
    return utc_naive.replace(tzinfo=UTC).astimezone(berlin_zone())


def stored_utc(berlin_naive: datetime) -> datetime:
    """Berlin wall-clock time (naive) as the store keeps timestamps: naive UTC."""
    return berlin_naive.replace(tzinfo=berlin_zone()).astimezone(UTC).replace(tzinfo=None)


def _last_sunday(year: int, month: int) -> datetime:
    """01:00 UTC on the last Sunday of the month (the EU's switching moment)."""
    next_month = datetime(year + month // 12, month % 12 + 1, 1, 1, tzinfo=UTC)
    last_day = next_month - timedelta(days=1)
    return last_day - timedelta(days=(last_day.weekday() + 1) % 7)


class CentralEuropeanRule(tzinfo):
    """CET/CEST by the EU rule, for when no time zone database can be found."""

    _STANDARD = timedelta(hours=1)
    _SUMMER = timedelta(hours=2)

    def _summer_at_utc(self, moment: datetime) -> bool:
        start, end = _last_sunday(moment.year, 3), _last_sunday(moment.year, 10)
        return start <= moment.replace(tzinfo=UTC) < end

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return self._STANDARD
        # dt is local wall-clock time: which readings of it exist? Both in the doubled hour of
        # October, neither in the skipped hour of March; PEP 495's fold picks (0: the earlier).
        local = dt.replace(tzinfo=None)
        as_summer = self._summer_at_utc(local - self._SUMMER)
        as_standard = not self._summer_at_utc(local - self._STANDARD)
        if as_summer == as_standard:
            return self._SUMMER if (dt.fold == 0) == as_summer else self._STANDARD
        return self._SUMMER if as_summer else self._STANDARD

    def dst(self, dt: datetime | None) -> timedelta:
        return self.utcoffset(dt) - self._STANDARD

    def tzname(self, dt: datetime | None) -> str:
        return "CEST" if self.dst(dt) else "CET"

    def fromutc(self, dt: datetime) -> datetime:
        utc = dt.replace(tzinfo=None)
        summer = self._summer_at_utc(utc)
        local = utc + (self._SUMMER if summer else self._STANDARD)
        # The second 02:00–03:00 of the October night is the fold.
        fold = int(not summer and self._summer_at_utc(utc - timedelta(hours=1)))
        return local.replace(tzinfo=self, fold=fold)
