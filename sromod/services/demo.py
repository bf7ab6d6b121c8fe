"""A realistic demo store: `scale` years of a district's SRO meetings, written in bulk.

The store is filled while it is still the hidden new file that `open_store` moves into place, so a
half-made demo never exists at the path. Rows are generated as plain dicts with seeded ids and
written with Core `insert()` executemany in one transaction; the search index is built once at the
end instead of row by row by its triggers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, insert

from sromod.models import Base
from sromod.services.demo_meetings import MeetingWriter
from sromod.services.demo_world import Gen, World
from sromod.services.errors import ServiceError
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.store.address import ServerAddress
from sromod.store.database import tune_for_bulk_load
from sromod.store.errors import quoted
from sromod.store.fts import create_search_triggers, drop_search_triggers, rebuild_search_index
from sromod.store.opening import store_exists, usable_location

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

MAX_SCALE = 50
_FLUSH_EVERY = 40  # meetings per batch of inserts: bounds memory, keeps progress moving

# Parents before children, so that every foreign key finds its row.
_TABLE_ORDER = (
    "persons",
    "bodies",
    "standing_agenda_items",
    "memberships",
    "meetings",
    "agenda_items",
    "agenda_item_regions",
    "attendances",
    "decisions",
    "decision_regions",
    "tasks",
    "task_events",
    "task_reviews",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the demo store holds, and how long it took to write."""

    path: Path | ServerAddress
    scale: int
    bodies: int
    people: int
    meetings: int
    agenda_items: int
    attendances: int
    decisions: int
    tasks: int
    task_events: int
    task_reviews: int
    seconds: float

    def __str__(self) -> str:
        counts = (
            (self.bodies, "Gremien"),
            (self.people, "Personen"),
            (self.meetings, "Sitzungen"),
            (self.agenda_items, "TOPs"),
            (self.decisions, "Beschlüsse"),
            (self.tasks, "Aufgaben"),
            (self.task_reviews, "Wiedervorlage-Einträge"),
        )
        text = ", ".join(f"{n:,} {what}".replace(",", ".") for n, what in counts)
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        return f"{text}; geschrieben in {seconds} s"


def create_demo_store(
    path: Path | ServerAddress,
    scale: int = 1,
    *,
    today: date | None = None,
    seed: int = 2026,
    progress: Progress | None = None,
) -> DemoSummary:
    """Create a new store at path with `scale` years of demo meetings ending around today.

    path may be an empty database on a server (a register that holds data is refused).
    """
    path = usable_location(path)
    if not 1 <= scale <= MAX_SCALE:
        raise ServiceError(f"Die Größe der Demo muss zwischen 1 und {MAX_SCALE} Jahren liegen.")
    if store_exists(path):
        raise ServiceError(
            f"Die Datei {quoted(path)} gibt es schon; die Demo wird nur in eine neue Datei "
            "geschrieben."
        )
    started = time.perf_counter()
    counts: dict[str, int] = {}

    def initialise(store: Store) -> None:
        load_reference_data(store)
        counts.update(fill_demo(store, scale, today or date.today(), seed, progress))

    open_store(path, initialise=initialise).close()
    if not counts:  # the register on the server was not empty: nothing was written
        raise ServiceError(
            f"Das Register {quoted(path)} ist nicht leer; die Demo wird nur in ein leeres "
            "Register geschrieben."
        )
    seconds = time.perf_counter() - started
    log.info("Demo store with scale %s written in %.1f s: %s", scale, seconds, counts)
    return DemoSummary(
        path=path,
        scale=scale,
        bodies=counts.get("bodies", 0),
        people=counts.get("persons", 0),
        meetings=counts.get("meetings", 0),
        agenda_items=counts.get("agenda_items", 0),
        attendances=counts.get("attendances", 0),
        decisions=counts.get("decisions", 0),
        tasks=counts.get("tasks", 0),
        task_events=counts.get("task_events", 0),
        task_reviews=counts.get("task_reviews", 0),
        seconds=seconds,
    )


def fill_demo(
    store: Store, scale: int, today: date, seed: int, progress: Progress | None = None
) -> dict[str, int]:
    """Write the demo into a store holding only reference data; returns rows per table."""
    gen = Gen(seed, today)
    counts: dict[str, int] = {}
    with store.engine.begin() as conn:
        tune_for_bulk_load(conn)
        drop_search_triggers(conn)
        world = World(gen, conn, scale)
        world.build_people()
        world.build_bodies()
        meetings = world.build_calendar()
        for meeting in meetings:
            world.meeting_row(meeting)
        _flush(conn, gen, counts)
        writer = MeetingWriter(gen, world)
        total = len(meetings) + max(1, len(meetings) // 10)  # the index takes about a tenth
        for done, meeting in enumerate(meetings, start=1):
            writer.write(meeting)
            if done % _FLUSH_EVERY == 0:
                _flush(conn, gen, counts)
                _report(progress, done, total)
        _flush(conn, gen, counts)
        _report(progress, len(meetings), total)
        rebuild_search_index(conn)
        create_search_triggers(conn)
    _report(progress, total, total)
    return counts


def _flush(conn: Connection, gen: Gen, counts: dict[str, int]) -> None:
    for name in _TABLE_ORDER:
        rows = gen.rows.pop(name, None)
        if rows:
            conn.execute(insert(Base.metadata.tables[name]), rows)
            counts[name] = counts.get(name, 0) + len(rows)
    leftover = [name for name, rows in gen.rows.items() if rows]
    if leftover:  # a table missing from _TABLE_ORDER would silently lose its rows
        raise RuntimeError(f"demo rows for unknown tables: {leftover}")


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
