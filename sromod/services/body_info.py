"""A body as the window shows it, and the bodies read ahead while the store still opens.

No SQLAlchemy here: the start fills the body list from the store file (see
`sromod.store.early_read`) before the database machinery is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from sromod.models import BodyKind


@dataclass(frozen=True)
class BodyInfo:
    id: str
    name: str
    short_name: str
    kind: BodyKind
    region_id: str | None
    default_place: str | None
    default_start: time | None
    default_minutes: int
    moderator_id: str | None
    minute_taker_id: str | None
    organisational_unit: str | None
    quorum: int | None
    needs_attendance_list: bool
    active: bool
    meeting_count: int = 0
    distribution: str | None = None  # Verteiler of the minutes besides the members, per line
    version: int = 0  # what the window saw, for `concurrency.expecting`


def early_bodies(path: Path) -> list[BodyInfo] | None:
    """`bodies.list_bodies` of the store file at path, read without opening it; None: not now."""
    from sromod.store.early_read import read_bodies  # after the first paint, when it is used

    rows = read_bodies(path)
    return None if rows is None else [_from_row(row) for row in rows]


def _from_row(row: tuple[Any, ...]) -> BodyInfo:
    (id_, name, short, kind, region, place, start, minutes, moderator, taker, unit, quorum,
     attendance, active, meeting_count, distribution, version) = row  # fmt: skip
    return BodyInfo(
        id_,
        name,
        short,
        BodyKind(kind),
        region,
        place,
        time.fromisoformat(start) if start else None,
        minutes,
        moderator,
        taker,
        unit,
        quorum,
        bool(attendance),
        bool(active),
        meeting_count,
        distribution,
        version,
    )
