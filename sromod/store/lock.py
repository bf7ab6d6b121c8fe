"""A lock file beside the store, so a second sromod gets a clear message naming the holder."""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import IO

from sromod.store.errors import StoreLocked, quoted

log = logging.getLogger(__name__)

# On Windows the locked byte lies far beyond the text, so the holder's note stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
# Who holds the lock: the window (open for hours) or a command (done in seconds).
WINDOW, COMMAND = "fenster", "befehl"
_POLL_SECONDS = 0.2


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _holder_text(info: dict[str, str]) -> str:
    user = info.get("user") or "unbekannt"
    host = info.get("host") or "unbekannt"
    details = []
    with suppress(ValueError):
        since = datetime.fromisoformat(info.get("since", ""))
        details.append(f"seit {since.strftime('%d.%m.%Y %H:%M')}")
    if info.get("pid"):
        details.append(f"Prozess {info['pid']}")
    return f"{user} auf {host}" + (f" ({', '.join(details)})" if details else "")


class StoreLock:
    """An exclusive, process-bound lock: the OS releases it when the process dies.

    program says who holds it (WINDOW or COMMAND). With wait_seconds, a holder that is a
    command is waited for (on_wait hears once why); a window is never waited for.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        program: str = WINDOW,
        wait_seconds: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = lock_path_for(db_path)
        self.program = program
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            handle = _open_private(self.path)  # held while the store is open
            try:
                _try_lock(handle)
                break
            except OSError:
                info = _read_info(handle)
                handle.close()
            if info.get("program") != COMMAND or time.monotonic() >= deadline:
                raise self._refusal(info, waited=told)
            if not told and self.on_wait is not None:
                self.on_wait(self._waiting_text(info))
            told = True
            time.sleep(_POLL_SECONDS)
        info = {
            "user": _user_name(),
            "host": socket.gethostname(),
            "pid": str(os.getpid()),
            "since": datetime.now().isoformat(timespec="seconds"),
            "program": self.program,
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info))
        handle.flush()
        self._file = handle

    def _store_text(self) -> str:
        return quoted(self.path.with_name(self.path.name.removesuffix(".lock")))

    def _waiting_text(self, info: dict[str, str]) -> str:
        return (
            f"Die Datenbank {self._store_text()} wird gerade von einem anderen sromod-Befehl "
            f"geändert, von {_holder_text(info)}; sromod wartet bis zu "
            f"{self.wait_seconds:.0f} Sekunden darauf."
        )

    def _refusal(self, info: dict[str, str], *, waited: bool) -> StoreLocked:
        holder = _holder_text(info)
        if waited:
            message = (
                f"Die Datenbank {self._store_text()} wird noch immer von einem anderen "
                f"sromod-Befehl geändert, von {holder}; es wurde nichts geändert. Versuchen Sie "
                "es in einigen Minuten erneut."
            )
        else:
            message = (
                f"Die Datenbank {self._store_text()} ist bereits in sromod geöffnet von "
                f"{holder}. Schließen Sie sromod dort und versuchen Sie es erneut."
            )
        return StoreLocked(message, self.path, holder)

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
            _unlock(self._file)
        except OSError:
            log.warning("Lock file could not be cleared")
        self._file.close()
        self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


def _open_private(path: Path) -> IO[str]:
    """The lock file, readable by its owner only on POSIX: it names user, host and process.

    (On Windows the store's folder under the user's profile keeps other users out.)
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
    handle = os.fdopen(os.open(path, flags, 0o600), "a+", encoding="utf-8")
    if sys.platform != "win32":
        with suppress(OSError):  # a lock file of another user stays as it is
            os.fchmod(handle.fileno(), 0o600)
    return handle


def _read_info(handle: IO[str]) -> dict[str, str]:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
    except ValueError:
        return {}
    return info if isinstance(info, dict) else {}


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unbekannt"


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> None:
        position = handle.tell()
        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        finally:
            handle.seek(position)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
