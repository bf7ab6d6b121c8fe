"""Units of work for the services, and the recording of their row changes for undo and redo.

Every mutating service opens `unit_of_work(store)`. When the caller runs it inside `record()`,
each INSERT, UPDATE and DELETE the flush executes is recorded as a before and an after image of
the row, read from the database itself. Undo replays the inverse statements in reverse order and
redo replays them forward, so the database passes back through exactly the states it had: every
constraint (foreign keys, unique positions) holds at every step and the rows come back to the byte,
timestamps and register numbers included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Table, delete, event, insert, select, update
from sqlalchemy.orm import Mapper, Session, object_session

from sromod.models import Base
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
class _Recorder:
    changeset: Changeset = field(default_factory=Changeset)
    sessions: set[int] = field(default_factory=set)
    pending_before: dict[tuple[str, str], Row] = field(default_factory=dict)


_current: ContextVar[_Recorder | None] = ContextVar("sromod_recorder", default=None)


@contextmanager
def unit_of_work(store: Store) -> Iterator[Session]:
    """A session committed at the end of the block (rolled back on error); recorded if asked."""
    recorder = _current.get()
    with store.session() as session, session.begin():
        recorded = 0
        if recorder is not None:
            recorder.sessions.add(id(session))
            recorded = len(recorder.changeset.changes)
        try:
            yield session
            session.flush()  # the last changes are flushed while the recorder still listens
        except BaseException:
            if recorder is not None:  # rolled back: what this unit flushed never happened
                del recorder.changeset.changes[recorded:]
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
    """Put the rows back as they were before the changeset, in one transaction."""
    with store.unit_of_work() as session:
        conn = session.connection()
        for change in reversed(changeset.changes):
            _apply(conn, change.table, change.row_id, change.after, change.before)


def redo(store: Store, changeset: Changeset) -> None:
    """Apply the changeset again, in one transaction."""
    with store.unit_of_work() as session:
        conn = session.connection()
        for change in changeset.changes:
            _apply(conn, change.table, change.row_id, change.before, change.after)


def _apply(
    conn: Connection, table_name: str, row_id: str, old: Row | None, new: Row | None
) -> None:
    table = Base.metadata.tables[table_name]
    if new is None:
        conn.execute(delete(table).where(table.c.id == row_id))
    elif old is None:
        conn.execute(insert(table).values(**new))
    else:
        # Only the columns that differ: an office lead on a server may write just a few of them.
        changed = {name: value for name, value in new.items() if old.get(name) != value}
        if changed:
            conn.execute(update(table).where(table.c.id == row_id).values(**changed))


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
    recorder = _recorder_for(target)
    if recorder is None:
        return
    table = _table_of(mapper)
    before = _read_row(conn, table, target.id)
    if before is not None:
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
    recorder = _recorder_for(target)
    if recorder is None:
        return
    table = _table_of(mapper)
    before = _read_row(conn, table, target.id)
    if before is not None:
        recorder.changeset.changes.append(RowChange(table.name, target.id, before, None))
