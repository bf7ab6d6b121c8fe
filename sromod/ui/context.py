"""What every screen shares: the open store, the undo stack and one "data changed" signal.

A user action is one `Operation`: a QUndoCommand that runs one service function through
`sromod.services.uow.record` the first time, and afterwards replays or reverts the recorded row
changes. Every screen listens to `AppContext.changed(tables)` and redraws what it shows.

The context is the one owner of the open store. Screens, item models, panes and dialogs read it
when they use it (`query`, `run`, or `store` at that moment) and never keep a copy: "Datenbank
öffnen…" replaces it here (`replace_store`), and everything shown then comes from the new file.

At start the window paints before the store is open (and before SQLAlchemy is imported, so this
module imports the database machinery only when it is used): until `open_first` hands the store
over, whatever asks for `store` waits for it, with a busy cursor, and then goes on.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from sromod.services.errors import ServiceError
from sromod.services.permissions import EVERYTHING, NOT_YET, Permissions
from sromod.store import StoreError
from sromod.ui.errors import report_crash

if TYPE_CHECKING:
    from sromod.services import uow
    from sromod.services.concurrency import ChangedMeanwhile, Seen
    from sromod.store import Store
    from sromod.ui.live_updates import LiveUpdates

log = logging.getLogger(__name__)


NO_ANSWERS: Mapping[tuple[Any, ...], Any] = {}
NO_ANSWER = object()


def tr(text: str) -> str:
    return QApplication.translate("AppContext", text)


def all_tables() -> frozenset[str]:
    """Every table of the store (the ORM's, loaded with it)."""
    from sromod.models import Base

    return frozenset(Base.metadata.tables)


P = ParamSpec("P")
R = TypeVar("R")


def _call(ref: weakref.ref[Any], name: str, *args: Any) -> None:
    target = ref()
    if target is not None and shiboken6.isValid(target):
        getattr(target, name)(*args)


class AppContext(QObject):
    """The open store and the app-wide undo stack; screens hold one and never open sessions."""

    changed = Signal(object)  # set[str]: the tables an action touched
    message = Signal(str)  # a short status-bar message
    error = Signal(str)  # a German sentence for an error dialog
    refused = Signal(str)  # an action was refused: screens show the stored values again
    navigate = Signal(str, str)  # (kind, id): open a meeting, task, decision … somewhere else
    # (undone: bool, text, place): a step was undone or redone; place is (kind, id) or None
    replayed = Signal(bool, str, object)
    # The open store is about to be replaced: windows that show one record of it (the live view
    # of a meeting) finish what is typed and close, while the old file is still the open one.
    store_leaving = Signal()
    # Another store is open now: screens forget the ids they showed of the old one.
    store_replaced = Signal()
    # The start's store is open (open_first): the window fills what it could not show before.
    store_opened = Signal()
    # The start gave up without a store: whatever waits for one stops waiting.
    store_given_up = Signal()
    # Something waits for the store that is still being opened (True), or no longer (False).
    waiting = Signal(bool)

    def __init__(
        self, store: Store | None, parent: QObject | None = None, *, register: bool = False
    ) -> None:
        """With store None, the store is still being opened: `open_first` hands it over.

        register: what is being opened is a shared register, whose login may change less than
        everything; until it is open, the screens offer nothing for changing.
        """
        super().__init__(parent)
        self._store = store
        self._opening = NOT_YET if register else EVERYTHING
        self.undo_stack = QUndoStack(self)
        # Where the user is when acting, as (kind, id) for `navigate`; the main window sets it,
        # so that an undo from another screen can lead back to the place it changed.
        self.locate: Callable[[], Place | None] | None = None
        self._replaying: bool | None = None  # True while undoing, False while redoing
        # Through a weak reference: the stack, this object's child, empties itself when it is
        # destroyed with this object and says so, when this object is no longer one to call.
        me = weakref.ref(self)
        self.undo_stack.indexChanged.connect(lambda index: _call(me, "_index_changed", index))
        # On a shared register, other users' changes arrive through `notify` too (LISTEN/NOTIFY).
        self.live_updates: LiveUpdates | None = None
        self._answers: dict[tuple[Any, ...], Any] = {}  # see open_first
        if store is not None:
            self._listen_to(store)

    @property
    def store(self) -> Store:
        """The open store, read at the moment it is used (it changes with "Datenbank öffnen…").

        While the start still opens it, this waits for it (see `wait_for_store`).
        """
        if self._store is None:
            self.wait_for_store()
        if self._store is None:
            raise StoreError(tr("Es ist keine Datenbank geöffnet."))
        return self._store

    @property
    def permissions(self) -> Permissions:
        """What the login of the open store may change (everything on a file)."""
        if self._store is None:
            return self._opening
        access = getattr(self._store, "access", None)  # stand-ins of a store in tests have none
        return Permissions.of(access) if access is not None else EVERYTHING

    @property
    def on_register(self) -> bool:
        """Whether the store (open or still opening) is a shared register, not a file."""
        if self._store is None:
            return self._opening is NOT_YET
        return getattr(self._store, "server", None) is not None

    @property
    def ready(self) -> bool:
        """Whether the store is open (at start it opens after the window's first paint)."""
        return self._store is not None

    def wait_for_store(self) -> None:
        """Wait, with a busy cursor, until the start's store is open or the start gave up.

        The window keeps painting meanwhile; the user's clicks and keys wait in Qt's queue and
        arrive afterwards, so nothing typed is lost and nothing runs twice at once.
        """
        loop = QEventLoop()
        self.store_opened.connect(loop.quit)
        self.store_given_up.connect(loop.quit)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.waiting.emit(True)
        try:
            if self._store is None:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            QApplication.restoreOverrideCursor()
            self.store_opened.disconnect(loop.quit)
            self.store_given_up.disconnect(loop.quit)
            self.waiting.emit(False)

    def open_first(self, store: Store, answers: Mapping[tuple[Any, ...], Any] = NO_ANSWERS) -> None:
        """The start's store is open: every screen shows it, whatever waited for it goes on.

        answers: what the screens will ask first, asked already in the worker that opened the
        store, as {(service function, *arguments): result}; `query` answers from them once,
        while the screens fill now, so that the window does not stop for those queries.
        """
        self._store = store
        self._listen_to(store)
        self._answers = dict(answers)
        try:
            self.store_opened.emit()
            self.store_replaced.emit()  # the first store replaces none: what follows, follows
            self.notify({"*", *all_tables()})
        finally:
            self._answers = {}

    def _listen_to(self, store: Store) -> None:
        """Hear other users' changes to a shared register; a file has no other users."""
        if store.server is None:
            if self.live_updates is not None:
                self.live_updates.stop()
            return
        if self.live_updates is None:
            from sromod.ui.live_updates import LiveUpdates

            self.live_updates = LiveUpdates(self)
            self.live_updates.changed.connect(self.notify)
            self.store_leaving.connect(self.live_updates.stop)
        self.live_updates.follow(store)

    def leave_store(self) -> None:
        """Tell the windows tied to the open store's records that it closes next."""
        self.store_leaving.emit()

    def replace_store(self, store: Store) -> Store:
        """Make `store` the open one and redraw every screen from it; returns the old store.

        The undo history belongs to the old file (replaying it here would be wrong), so it goes.
        The caller closes the old store.
        """
        old = self.store
        self._store = store
        self._listen_to(store)
        self.undo_stack.clear()
        self.store_replaced.emit()
        self.notify({"*", *all_tables()})
        return old

    def place(self) -> Place | None:
        try:
            return self.locate() if self.locate is not None else None
        except Exception:  # a screen being torn down must not stop the action itself
            log.exception("The current place could not be read")
            return None

    def _index_changed(self, index: int) -> None:
        undone, self._replaying = self._replaying, None
        if undone is None:
            return  # a new action, not an undo or redo
        command = self.undo_stack.command(index if undone else index - 1)
        if command is not None:
            self.replayed.emit(undone, command.text(), place_of(command))

    def run(
        self,
        text: str,
        action: Callable[Concatenate[Store, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R | None:
        """Run a service action as one undoable step; a refusal shows as a message, returns None.

        An unexpected exception leaves nothing behind: the database is as before (see
        `uow.record`), the stack holds no entry, and the crash dialog tells the user.
        """
        return self.edit(text, None, action, *args, **kwargs)

    def edit(
        self,
        text: str,
        seen: Seen | None,
        action: Callable[Concatenate[Store, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R | None:
        """`run` for an action on rows the window shows: `seen` holds their versions as shown.

        A row someone else changed since is not written; the user reads why, and every screen
        shows the current values again (see `sromod.services.concurrency`).
        """
        if self._store is None:
            self.wait_for_store()  # before the step exists: the user's step waits, then runs
        outcome = Outcome()
        # push() calls redo(), which runs the action; Qt deletes a command that turns obsolete,
        # so the outcome lives outside it.
        self.undo_stack.push(Operation(self, text, action, args, kwargs, outcome, seen))
        if outcome.crashed is not None:
            report_crash(QApplication.activeWindow(), outcome.crashed)
            return None
        if outcome.failed is not None:
            self.refused.emit(outcome.failed)  # first, so the field is right behind the message
            if outcome.stale is not None:
                self.notify({outcome.stale})  # show what the other user stored
            self.error.emit(outcome.failed)
            return None
        result: R = outcome.result
        return result

    def replay_refused(self, error: ChangedMeanwhile) -> None:
        """An undo or redo found a row changed by someone else: say so, show the current state."""
        self._replaying = None  # the step leaves the stack; nothing was undone or redone
        from sromod.ui.labels import error_text  # with the first refusal, not at start

        self.notify({error.table})
        self.error.emit(error_text(error))

    def query(
        self, action: Callable[Concatenate[Store, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Call a read-only service function on the store."""
        if self._answers and not kwargs:
            found = self._answer((action, *args))
            if found is not NO_ANSWER:
                return found  # type: ignore[no-any-return]  # asked in the worker, same call
        return action(self.store, *args, **kwargs)

    def _answer(self, call: tuple[Any, ...]) -> Any:
        try:
            return self._answers.pop(call, NO_ANSWER)
        except TypeError:  # an argument that cannot be a key (a list): never asked ahead
            return NO_ANSWER

    def notify(self, tables: set[str]) -> None:
        self.changed.emit(tables)


Place = tuple[str, str]


def place_of(command: QUndoCommand) -> Place | None:
    """Where a step (or the first step of a macro that has one) was taken."""
    if isinstance(command, Operation):
        return command.place
    for n in range(command.childCount()):
        child = command.child(n)
        found = place_of(child) if child is not None else None
        if found is not None:
            return found
    return None


@dataclass
class Outcome:
    result: Any = None
    failed: str | None = None  # a service or store refusal, in German
    stale: str | None = None  # the table of a row another user changed meanwhile
    crashed: Exception | None = None  # anything else: a bug


class Operation(QUndoCommand):
    """One user intent: a service call the first time, then exact replay or reversal."""

    def __init__(
        self,
        context: AppContext,
        text: str,
        action: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        outcome: Outcome,
        seen: Seen | None = None,
    ) -> None:
        super().__init__(text)
        self._context = context
        self.place = context.place()
        self._action = action
        self._args = args
        self._kwargs = kwargs
        self._changes: uow.Changeset | None = None
        self._outcome = outcome
        self._seen = seen

    def redo(self) -> None:
        from sromod.services import uow
        from sromod.services.concurrency import ChangedMeanwhile, expecting

        if self._changes is None:
            try:
                store = self._context.store
                with expecting(self._seen):
                    self._outcome.result, self._changes = uow.record(
                        store, self._action, *self._args, **self._kwargs
                    )
            except (ServiceError, StoreError) as exc:
                from sromod.ui.labels import error_text  # with the first refusal, not at start

                self._outcome.failed = error_text(exc)  # in the window's language
                if isinstance(exc, ChangedMeanwhile):
                    self._outcome.stale = exc.table
                self.setObsolete(True)  # a refused action leaves nothing to undo
                return
            except Exception as exc:  # a bug: no dead entry on the stack, the caller reports it
                self._outcome.crashed = exc
                self.setObsolete(True)
                return
            if not self._changes:
                self.setObsolete(True)
        else:
            self._context._replaying = False
            if not self._replay(uow.redo):
                return
        self._context.notify(self._changes.tables())

    def undo(self) -> None:
        from sromod.services import uow

        if not self._changes:
            return
        self._context._replaying = True
        if self._replay(uow.undo):
            self._context.notify(self._changes.tables())

    def _replay(self, replay: Callable[[Store, uow.Changeset], None]) -> bool:
        """Undo or redo; refused when someone else changed a row since: then the step goes."""
        from sromod.services.concurrency import ChangedMeanwhile

        assert self._changes is not None
        try:
            replay(self._context.store, self._changes)
        except ChangedMeanwhile as exc:
            self.setObsolete(True)  # Qt drops the step; the ones below it stay
            self._context.replay_refused(exc)
            return False
        return True
