"""Files of an interrupted store creation or restore are removed on the next start, if their
process is gone; a process that still runs keeps its work in progress."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sromod.services.reference import load_reference_data
from sromod.store import leftovers, open_store
from sromod.store.check import check_store
from sromod.store.leftovers import new_file_for, process_alive


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_an_interrupted_demo_leaves_files_that_the_next_start_removes(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    child = subprocess.Popen(
        [sys.executable, "-m", "sromod", "demo", "--db", str(db), "--scale", "3"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = new_file_for(db, child.pid).with_name(new_file_for(db, child.pid).name + "-wal")
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 0) and child.poll() is None:
        assert time.monotonic() < deadline, "the demo never started writing"
        time.sleep(0.05)
    child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
    child.wait()
    assert not db.exists()
    assert f".demo.db.neu-{child.pid}" in _hidden(tmp_path)

    with open_store(db, initialise=load_reference_data):
        pass
    assert _hidden(tmp_path) == []
    assert check_store(db).ok


def test_the_files_of_a_running_creation_stay(tmp_path: Path) -> None:
    db = tmp_path / "sromod.db"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = new_file_for(db, other.pid)
        busy.write_bytes(b"in Arbeit")
        busy.with_name(busy.name + "-wal").write_bytes(b"in Arbeit")
        open_store(db, initialise=load_reference_data).close()
        assert _hidden(tmp_path) == sorted([busy.name, busy.name + "-wal"])
    finally:
        other.kill()
        other.wait()
    open_store(db).close()
    assert _hidden(tmp_path) == []


def test_files_of_another_store_in_the_folder_are_not_touched(tmp_path: Path) -> None:
    other_store = new_file_for(tmp_path / "anderes.db", 999_999_999)
    other_store.write_bytes(b"x")
    open_store(tmp_path / "sromod.db", initialise=load_reference_data).close()
    assert _hidden(tmp_path) == [other_store.name]


def test_the_copy_of_an_interrupted_restore_is_removed(store_path: Path) -> None:
    open_store(store_path, initialise=load_reference_data).close()
    for suffix in ("", "-wal", "-shm"):
        store_path.with_name(store_path.name + ".restore" + suffix).write_bytes(b"Kopie")
    open_store(store_path).close()
    assert not list(store_path.parent.glob("*.restore*"))


def test_process_alive_on_posix() -> None:
    assert process_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not process_alive(child.pid)
    assert not process_alive(0) and not process_alive(-1)


class FakeKernel32:
    """OpenProcess, GetExitCodeProcess and CloseHandle as Windows answers them."""

    def __init__(self, processes: dict[int, int | None], error: int = 87) -> None:
        self.processes = processes  # pid -> exit code (259: still active); None: access denied
        self.error = error
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        assert access == 0x1000 and not inherit
        if pid not in self.processes:
            self.error = 87  # ERROR_INVALID_PARAMETER: no such process
            return 0
        if self.processes[pid] is None:
            self.error = 5  # ERROR_ACCESS_DENIED: another user's process
            return 0
        return 4000 + pid

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = self.processes[handle - 4000]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1


def test_process_alive_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32({10: 259, 11: 0, 12: None})
    monkeypatch.setattr(leftovers, "running_on_windows", lambda: True)
    monkeypatch.setattr(leftovers, "windows_kernel", lambda: (kernel32, lambda: kernel32.error))
    monkeypatch.setattr(os, "kill", None)  # the POSIX way must not be taken
    assert process_alive(10)  # running
    assert not process_alive(11)  # exited, a handle still open somewhere
    assert process_alive(12)  # another user's: exists
    assert not process_alive(13)  # no such process
    assert kernel32.closed == [4010, 4011]


def test_windows_leftovers_of_dead_processes_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kernel32 = FakeKernel32({20: 259})
    monkeypatch.setattr(leftovers, "running_on_windows", lambda: True)
    monkeypatch.setattr(leftovers, "windows_kernel", lambda: (kernel32, lambda: kernel32.error))
    db = tmp_path / "Sitzungen Köpenick.db"
    alive, dead = new_file_for(db, 20), new_file_for(db, 21)
    for path in (alive, dead, dead.with_name(dead.name + "-wal")):
        path.write_bytes(b"x")
    assert sorted(leftovers.remove_dead_new_files(db)) == [dead, dead.with_name(dead.name + "-wal")]
    assert _hidden(tmp_path) == [alive.name]
