"""Units of work for the services, and the recording of their row changes for undo and redo.

Every mutating service opens `unit_of_work(store)`. When the caller runs it inside `record()`,
each INSERT, UPDATE and DELETE the flush executes is recorded as a before and an after image of
the row, read from the database itself. Undo replays the inverse statements in reverse order and
redo replays them forward, so the database passes back through exactly the states it had: every
constraint (foreign keys, unique positions) holds at every step and the rows come back to the byte,
timestamps and register numbers included.

Several people may share the register (see `sromod.services.concurrency`): every write names the
version of the row it expects, and undo and redo put a row back only while it is still as the
user's own step left it; otherwise they refuse with `ChangedMeanwhile` and change nothing. The
version itself keeps rising through undo and redo, so that another user's window notices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Table, delete, event, insert, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from sromod.models import Base
from sromod.services.concurrency import (
    ChangedMeanwhile,
    RowKey,
    changed_meanwhile,
    promised_version,
    undo_breaks_references,
    undo_refused,
)
from sromod.store import Store

T = TypeVar("T")
P = ParamSpec("P")

Row = dict[str, Any]


@dataclass(frozen=True)
class RowChange:
    table: str
    row_id: str
    before: Row | None  # None: the statement inserted the row
    after: Row | None  # None: the statement deleted the row


@dataclass
class Changeset:
    """The row changes of one user action, in the order they were executed."""

    changes: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def tables(self) -> set[str]:
        return {c.table for c in self.changes}


@dataclass
class _Replays:
    """What this program's undo and redo wrote into a store's rows.

    A row image keeps the version the row had when it was recorded; undo and redo write that
    state under a new, higher version. `holds` maps such a version back to the recorded one, so
    that undoing two steps on the same row in a row finds its own earlier replay, not a stranger's.
    """

    holds: dict[RowKey, dict[int, int]] = field(default_factory=dict)
    last: dict[RowKey, int] = field(default_factory=dict)  # highest version written or deleted

    def wrote(self, key: RowKey, version: int, recorded: int) -> None:
        self.holds.setdefault(key, {})[version] = recorded
        self.last[key] = version

    def recorded(self, key: RowKey, version: int) -> int:
        return self.holds.get(key, {}).get(version, version)


_replays: WeakKeyDictionary[Store, _Replays] = WeakKeyDictionary()


@dataclass
class _Recorder:
    changeset: Changeset = field(default_factory=Changeset)
    sessions: set[int] = field(default_factory=set)
    pending_before: dict[tuple[str, str], Row] = field(default_factory=dict)


_current: ContextVar[_Recorder | None] = ContextVar("sromod_recorder", default=None)


@contextmanager
def unit_of_work(store: Store) -> Iterator[Session]:
    """A session committed at the end of the block (rolled back on error); recorded if asked."""
    recorder = _current.get()
    with store.write_session() as session, session.begin():
        recorded = 0
        if recorder is not None:
            recorder.sessions.add(id(session))
            recorded = len(recorder.changeset.changes)
        try:
            yield session
            session.flush()  # the last changes are flushed while the recorder still listens
        except BaseException as exc:
            if recorder is not None:  # rolled back: what this unit flushed never happened
                del recorder.changeset.changes[recorded:]
            if isinstance(exc, StaleDataError):  # changed between our read and our write
                raise _stale(session, exc) from exc
            raise
        finally:
            if recorder is not None:
                recorder.sessions.discard(id(session))


def record(
    store: Store, action: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
) -> tuple[T, Changeset]:
    """Run a service action and return its result with the changes it made."""
    recorder = _Recorder()
    token = _current.set(recorder)
    try:
        result = action(store, *args, **kwargs)
    except BaseException:
        # The failing unit of work rolled back; an earlier one of the same action committed.
        # Take that back too, so an action that fails leaves the database as it found it.
        _current.reset(token)
        if recorder.changeset:
            undo(store, recorder.changeset)
        raise
    _current.reset(token)
    return result, recorder.changeset


def undo(store: Store, changeset: Changeset) -> None:
    """Put the rows back as they were before the changeset, in one transaction.

    Raises ChangedMeanwhile (and changes nothing) when another user changed one of the rows
    since this changeset was made or last replayed.
    """
    _replay(store, [(c, c.after, c.before) for c in reversed(changeset.changes)])


def redo(store: Store, changeset: Changeset) -> None:
    """Apply the changeset again, in one transaction (refused like `undo`)."""
    _replay(store, [(c, c.before, c.after) for c in changeset.changes])


def _replay(store: Store, steps: list[tuple[RowChange, Row | None, Row | None]]) -> None:
    staged = deepcopy(_replays.get(store) or _Replays())  # kept only if the transaction commits
    with store.unit_of_work() as session:
        conn = session.connection()
        for change, old, new in steps:
            try:
                _apply(conn, change, old, new, staged)
            except IntegrityError as exc:  # rolled back whole by the unit of work
                refusal = undo_breaks_references(
                    change.table, (new or old or {}).get, deleting=new is None
                )
                raise ChangedMeanwhile(refusal) from exc
    _replays[store] = staged


def _apply(
    conn: Connection, change: RowChange, old: Row | None, new: Row | None, mine: _Replays
) -> None:
    """Turn the row from `old` into `new`, if nobody else has changed it since."""
    table = Base.metadata.tables[change.table]
    key = (change.table, change.row_id)
    if old is None:  # the row comes back, under a version it never had
        assert new is not None
        version = max(mine.last.get(key, 0), new["version"]) + 1
        conn.execute(insert(table).values({**new, "version": version}))
        mine.wrote(key, version, new["version"])
        return
    this_row = table.c.id == change.row_id
    now = conn.execute(select(table.c.version).where(this_row)).scalar()
    done = 0
    if now is not None and mine.recorded(key, now) == old["version"]:
        unchanged = table.c.version == now
        if new is None:
            done = conn.execute(delete(table).where(this_row, unchanged)).rowcount
            mine.last[key] = now
        else:
            # Only the columns that differ: an office lead on a server may write just a few.
            values = {name: value for name, value in new.items() if old.get(name) != value}
            values["version"] = now + 1
            done = conn.execute(update(table).where(this_row, unchanged).values(values)).rowcount
            mine.wrote(key, now + 1, new["version"])
    if done != 1:
        current = _read_row(conn, table, change.row_id)
        raise ChangedMeanwhile(
            undo_refused(change.table, (current or old).get, gone=current is None)
        )


def _recorder_for(target: Any) -> _Recorder | None:
    recorder = _current.get()
    if recorder is None:
        return None
    session = object_session(target)
    if session is None or id(session) not in recorder.sessions:
        return None
    return recorder


def _read_row(conn: Connection, table: Table, row_id: str) -> Row | None:
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row is not None else None


def _table_of(mapper: Mapper[Any]) -> Table:
    table = mapper.local_table
    assert isinstance(table, Table)
    return table


_WRITING = "sromod_writing"  # Session.info: for each table, the refusal a stale write gets


def _stale(session: Session, error: StaleDataError) -> ChangedMeanwhile:
    """The sentence for a versioned write that found the row changed: name it if it is clear."""
    found = re.search(r"table '(\w+)'", str(error))
    table = found.group(1) if found else ""
    refusals = set(session.info.get(_WRITING, {}).get(table, ()))
    one = refusals.pop() if len(refusals) == 1 else changed_meanwhile(table, _getter(None))
    return ChangedMeanwhile(one)


def _guarded_row(table: Table, conn: Connection, target: Any, *, recording: bool) -> Row | None:
    """The row as stored now, if it has the version the user saw (or this session read).

    Without a recorder or a version promised by the window, nothing is read here: SQLAlchemy's
    versioned UPDATE/DELETE alone refuses a row changed since this session read it.
    """
    session = object_session(target)
    if session is not None:  # the refusal, if the versioned write finds the row changed
        refusal = changed_meanwhile(table.name, _getter(target))
        session.info.setdefault(_WRITING, {}).setdefault(table.name, []).append(refusal)
    expected = promised_version((table.name, target.id))
    if expected is None and not recording:
        return None
    row = _read_row(conn, table, target.id)
    if expected is None:
        expected = inspect(target).attrs.version.loaded_value
    if row is None or row["version"] != expected:
        raise ChangedMeanwhile(changed_meanwhile(table.name, _getter(target), gone=row is None))
    return row


def _getter(target: Any) -> Callable[[str], Any]:
    return lambda name: getattr(target, name, None)


@event.listens_for(Base, "after_insert", propagate=True)
def _after_insert(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    recorder = _recorder_for(target)
    if recorder is None:
        return
    table = _table_of(mapper)
    after = _read_row(conn, table, target.id)
    recorder.changeset.changes.append(RowChange(table.name, target.id, None, after))


@event.listens_for(Base, "before_update", propagate=True)
def _before_update(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    table = _table_of(mapper)
    recorder = _recorder_for(target)
    before = _guarded_row(table, conn, target, recording=recorder is not None)
    if recorder is not None and before is not None:
        recorder.pending_before[(table.name, target.id)] = before


@event.listens_for(Base, "after_update", propagate=True)
def _after_update(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    recorder = _recorder_for(target)
    if recorder is None:
        return
    table = _table_of(mapper)
    before = recorder.pending_before.pop((table.name, target.id), None)
    after = _read_row(conn, table, target.id)
    if before is not None and after is not None and before != after:
        recorder.changeset.changes.append(RowChange(table.name, target.id, before, after))


@event.listens_for(Base, "before_delete", propagate=True)
def _before_delete(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    table = _table_of(mapper)
    recorder = _recorder_for(target)
    before = _guarded_row(table, conn, target, recording=recorder is not None)
    if recorder is not None and before is not None:
        recorder.changeset.changes.append(RowChange(table.name, target.id, before, None))
