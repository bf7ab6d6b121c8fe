"""Check and restore from the window run in a worker thread with progress; the window stays live."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from sromod.services import meetings
from sromod.store import Store
from sromod.store import check as store_check
from sromod.ui import store_jobs, store_switch
from sromod.ui.main_window import MainWindow
from tests.services.helpers import make_body, plan
from tests.store.files import store_file
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


class WorkWatch:
    """Wraps a store function: notes its thread, and waits (in it) until the UI thread ticked."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.threads: list[threading.Thread] = []
        self.ticked = threading.Event()
        self.shown: list[int] = []

    def tick(self) -> None:
        self.ticked.set()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        # Only a UI thread that is free can run the timer: on the UI thread this would time out.
        assert self.ticked.wait(10), "the window froze while the work ran"
        return self.real(*args, **kwargs)


@pytest.fixture
def watch_relay(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    shown: list[int] = []
    real_show = store_jobs._Relay.show

    def show(self: Any, done: int, total: int) -> None:
        shown.append(done * 100 // total)
        real_show(self, done, total)

    monkeypatch.setattr(store_jobs._Relay, "show", show)
    return shown


def _ticking(watch: WorkWatch) -> QTimer:
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(watch.tick)
    timer.start()
    return timer


def test_restore_runs_in_a_worker_with_progress(
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    watch_relay: list[int],
) -> None:
    body_id = make_body(store)
    backup = store_check.backup_store(store_file(store), tmp_path / "vorher.sqlite")
    plan(store, body_id)
    watch = WorkWatch(store_check.restore_store)
    monkeypatch.setattr(store_check, "restore_store", watch)
    timer = _ticking(watch)

    assert window.store_switcher.restore_from(store_file(store), backup)
    timer.stop()

    assert watch.threads and watch.threads[0] is not threading.main_thread()
    assert watch_relay and watch_relay[-1] == 100 and any(0 < p < 100 for p in watch_relay)
    restored = window.context.store
    try:
        assert meetings.list_meetings(restored) == []  # the state of the backup
        assert window.statusBar().currentMessage() == "Sicherung wiederhergestellt."
    finally:
        restored.close()


def test_check_from_the_file_menu_runs_in_a_worker_and_shows_the_findings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, watch_relay: list[int]
) -> None:
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        store_switch, "show_check_report", lambda _p, ok, text: shown.append((ok, text))
    )
    watch = WorkWatch(store_check.check_store)
    monkeypatch.setattr(store_check, "check_store", watch)
    timer = _ticking(watch)

    window.menu_actions.check.trigger()
    timer.stop()

    assert watch.threads and watch.threads[0] is not threading.main_thread()
    assert shown == [(True, f"Die Datenbank „{window.context.store.path}“ ist in Ordnung.")]
    assert watch_relay[-1] == 100
