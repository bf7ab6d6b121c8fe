"""Writing export files atomically, with clear German messages when the target cannot be written.

A file is written to a temporary name in the target's own folder and then moved over the target in
one step (`os.replace`), so a cancelled or failed export never leaves a half-written document, and
an older version of the file survives any failure.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sromod.services.errors import ServiceError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportError(ServiceError):
    """An export could not be written; str() is one German sentence for the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class ExportCancelled(ExportError):
    """The user cancelled a long export; nothing was written."""


def _quoted(path: Path) -> str:
    return f"„{path}“"


def owner_files(target: Path) -> list[Path]:
    """The lock files Word, Excel and LibreOffice put beside a document they have open."""
    name = target.name
    names = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [target.with_name(n) for n in sorted(names)]


def open_elsewhere(target: Path) -> bool:
    return any(p.exists() for p in owner_files(target))


def _open_message(target: Path) -> str:
    return (
        f"Die Datei {_quoted(target)} ist noch in Word, Excel oder LibreOffice geöffnet: "
        "bitte schließen Sie sie dort und exportieren Sie dann erneut."
    )


def atomic_write(target: Path, write: Callable[[Path], None]) -> Path:
    """Let write() fill a temporary file beside target, then put it in target's place."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Den Ordner {_quoted(folder)} gibt es nicht.", target)
    if open_elsewhere(target):
        raise ExportError(_open_message(target), target)
    try:
        handle, name = tempfile.mkstemp(prefix=".sromod-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise ExportError(
            f"Im Ordner {_quoted(folder)} kann nicht geschrieben werden ({exc.strerror}).", target
        ) from exc
    os.close(handle)
    temp = Path(name)
    try:
        _write(write, temp, target)
        if os.name == "posix":
            os.chmod(temp, 0o644)  # mkstemp makes it owner-only; a document is to be sent on
        _replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    log.info("Export geschrieben: %s", target)
    return target


def _write(write: Callable[[Path], None], temp: Path, target: Path) -> None:
    try:
        write(temp)
    except OSError as exc:  # disk full, folder gone
        raise ExportError(
            f"Die Datei {_quoted(target)} konnte nicht geschrieben werden ({exc.strerror or exc}).",
            target,
        ) from exc


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except PermissionError as exc:
        # On Windows a document open in Word or Excel cannot be replaced.
        raise ExportError(_open_message(target), target) from exc
    except OSError as exc:
        raise ExportError(
            f"Die Datei {_quoted(target)} konnte nicht geschrieben werden ({exc.strerror}).",
            target,
        ) from exc


def check_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("Der Export wurde abgebrochen; es wurde keine Datei geschrieben.")
