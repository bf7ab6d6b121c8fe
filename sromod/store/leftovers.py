"""Files a sromod that died half-way leaves beside a store, and their removal on the next start.

Creating a store (or a demo) writes a hidden `.NAME.neu-PID` file, with its -wal and -shm, that
is renamed into place at the end; a restore writes `NAME.restore`. A process killed meanwhile
leaves them behind (a 69 MB WAL after four seconds of a demo). They are removed when their
process is gone; a file of a process that still runs is its work in progress and stays.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from sromod.store.location import running_on_windows

log = logging.getLogger(__name__)

_NEW_FILE = re.compile(r"^\.(?P<name>.+)\.neu-(?P<pid>\d+)(?P<sidecar>-wal|-shm|-journal)?$")
_SIDECARS = ("-wal", "-shm", "-journal")


def new_file_for(path: Path, pid: int | None = None) -> Path:
    """The hidden file a store is made in before it is moved to path."""
    return path.with_name(f".{path.name}.neu-{os.getpid() if pid is None else pid}")


def remove_dead_new_files(path: Path) -> list[Path]:
    """Remove half-made stores for path whose process is gone; return what was removed."""
    removed: list[Path] = []
    if not path.parent.is_dir():
        return removed
    for candidate in path.parent.glob(f".{path.name}.neu-*"):
        match = _NEW_FILE.match(candidate.name)
        if match is None or match["name"] != path.name:
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or process_alive(pid):
            continue
        with suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    if removed:
        log.info("Removed %d file(s) of an interrupted store creation", len(removed))
    return removed


def remove_restore_leftovers(path: Path) -> None:
    """Remove the copy of an interrupted restore (call with the store's lock held)."""
    partial = path.with_name(path.name + ".restore")
    for leftover in (partial, *(partial.with_name(partial.name + s) for s in _SIDECARS)):
        with suppress(OSError):
            leftover.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this computer); unsure counts as alive."""
    if pid <= 0:
        return False  # no process has such an id (and 0 or -1 would mean a whole group)
    if running_on_windows():
        return _alive_on_windows(pid, *windows_kernel())
    return _alive_on_posix(pid)


def windows_kernel() -> tuple[Any, Callable[[], int]]:
    """kernel32 with its last-error code (Windows only)."""
    import ctypes

    # WinDLL and get_last_error exist only on Windows (unused there, needed elsewhere)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]  # WinDLL exists on Windows only (unused when mypy checks for win32)
    kernel32.OpenProcess.restype = ctypes.c_void_p  # a handle is pointer-sized
    return kernel32, ctypes.get_last_error  # type: ignore[attr-defined,unused-ignore]  # Windows only, as above


def _alive_on_posix(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, but belongs to another user
    except OSError:
        return True
    return True


_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_ERROR_ACCESS_DENIED = 5
_STILL_ACTIVE = 259


def _alive_on_windows(pid: int, kernel32: Any, last_error: Callable[[], int]) -> bool:
    import ctypes

    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # Access denied: the process exists (another user's); anything else: there is none.
        return last_error() == _ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_ulong(0)
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        # An exited process keeps its handle while someone holds one; its code tells.
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
