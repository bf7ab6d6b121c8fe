"""Several people on one register: nothing overwritten, undo only of one's own change.

Every row carries a version (`Base.version`) that rises with each change. A change is written
only if the row still has the version the user saw:

- the window passes the versions of the rows it shows (`expecting`); a row someone else changed
  since is refused with `ChangedMeanwhile`, and the window shows the current values;
- without such a promise (the command line, a service reading and writing in one go) the version
  read in the same transaction counts, and SQLAlchemy's versioned UPDATE catches a change that
  slips in between the read and the write;
- undo and redo write a row only if it is still as the user's own step left it.

The refusals name the row the way the user knows it ("Die Aufgabe A-2026/0012"), as data
(`sromod.store.refusals`): German on the command line, in its language in the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from sromod.services.errors import ServiceError
from sromod.store.refusals import Refusal, RefusalKind, refusal_text

RowKey = tuple[str, str]  # (table, id)
Seen = Mapping[RowKey, int]


class Versioned(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def version(self) -> int: ...


class ChangedMeanwhile(ServiceError):
    """A row changed (or vanished) under the user since they saw it; nothing was written.

    `refusal` names the row as data; `str()` is the German sentence (see `sromod.store.refusals`).
    """

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal_text(refusal))
        self.refusal = refusal
        self.table = refusal.table


# The field that tells one row of a table from the others, for the sentence that names it.
_NAMING_FIELDS = {
    "tasks": "register_number",
    "decisions": "register_number",
    "meetings": "number",
    "agenda_items": "title",
    "bodies": "short_name",
    "persons": "name",
    "offices": "code",
    "attachments": "title",
    "standing_agenda_items": "title",
}


def _named(table: str, get: Callable[[str], Any]) -> str:
    field = _NAMING_FIELDS.get(table)
    value = get(field) if field else None
    return "" if value is None else str(value)


def changed_meanwhile(table: str, get: Callable[[str], Any], *, gone: bool = False) -> Refusal:
    kind = RefusalKind.GONE if gone else RefusalKind.CHANGED
    return Refusal(kind, table, _named(table, get))


def undo_refused(table: str, get: Callable[[str], Any], *, gone: bool = False) -> Refusal:
    kind = RefusalKind.UNDO_GONE if gone else RefusalKind.UNDO_CHANGED
    return Refusal(kind, table, _named(table, get))


def undo_breaks_references(table: str, get: Callable[[str], Any], *, deleting: bool) -> Refusal:
    """Undo would delete a row others now refer to, or bring one back that refers to a row
    gone since (the database's foreign keys refused it)."""
    kind = RefusalKind.UNDO_IN_USE if deleting else RefusalKind.UNDO_DANGLING
    return Refusal(kind, table, _named(table, get))


def seen(table: str, *rows: Versioned) -> dict[RowKey, int]:
    """The versions of rows as the window shows them, for `expecting`."""
    return {(table, row.id): row.version for row in rows}


_expected: ContextVar[dict[RowKey, int] | None] = ContextVar("sromod_seen", default=None)


@contextmanager
def expecting(versions: Seen | None) -> Iterator[None]:
    """Within the block, the first write of each listed row requires the version given."""
    token = _expected.set(dict(versions) if versions else None)
    try:
        yield
    finally:
        _expected.reset(token)


def promised_version(key: RowKey) -> int | None:
    """The version the user saw of a row, once: later writes of the same action follow it."""
    versions = _expected.get()
    return versions.pop(key, None) if versions else None


# Writers of the same register number series wait for each other (PostgreSQL; on SQLite a
# writing transaction holds the whole file from its start, see Store.unit_of_work).
_NUMBERING_LOCKS = 0x53524F4E  # "SRON": the first key of sromod's numbering advisory locks


def serialise_numbering(session: Session, series: str) -> None:
    """Hold the lock of a number series (B-2026, A-2026, a body's meetings) until commit.

    The next number is the highest so far plus one. Two writers reading the highest at the same
    moment would both take the same number; with the lock, the second one reads the highest only
    after the first has committed (on PostgreSQL every statement of a READ COMMITTED transaction
    sees what was committed before it began).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:series))"),
            {"space": _NUMBERING_LOCKS, "series": series},
        )
