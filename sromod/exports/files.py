"""Writing export files atomically, with clear German messages when the target cannot be written.

A file is written to a temporary name in the target's own folder and then moved over the target in
one step (`os.replace`), so a cancelled or failed export never leaves a half-written document, and
an older version of the file survives any failure.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sromod.services.errors import ServiceError
from sromod.store.oserrors import reason
from sromod.store.targets import output_refusal

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


def atomic_write(
    target: Path, write: Callable[[Path], object], *, store_path: Path | None = None
) -> Path:
    """Let write() fill a temporary file beside target, then put it in target's place.

    Refused before anything is written: the store at store_path and what belongs to it (its
    side files, its backups folder) and any file that is an SQLite database.
    """
    target = Path(target)
    refusal = output_refusal(target, store_path)
    if refusal is not None:
        log.warning("Export refused: the target is a database or belongs to the store")
        raise ExportError(refusal, target)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Den Ordner {_quoted(folder)} gibt es nicht.", target)
    if open_elsewhere(target):
        raise ExportError(_open_message(target), target)
    try:
        handle, name = tempfile.mkstemp(prefix=".sromod-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise ExportError(
            f"Im Ordner {_quoted(folder)} kann nicht geschrieben werden: {reason(exc)}.", target
        ) from None
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


def _not_written(target: Path, exc: OSError) -> str:
    return f"Die Datei {_quoted(target)} konnte nicht geschrieben werden: {reason(exc)}."


def _write(write: Callable[[Path], object], temp: Path, target: Path) -> None:
    try:
        write(temp)
    except OSError as exc:  # disk full, folder gone, no rights
        message = _not_written(target, exc)
        log.warning("Export failed: %s", type(exc).__name__)
        _release_half_written(exc)
        raise ExportError(message, target) from None


def _release_half_written(exc: BaseException) -> None:
    """Close what the failed writer left open, now and quietly.

    A zip archive (Word, Excel) that failed on a full disk is closed by the garbage collector
    later, fails again and prints a traceback at exit; closing it here keeps that away from the
    user and frees the temporary file for removal (Windows cannot delete an open file).
    """
    with _unraisable_to_log():
        traceback.clear_frames(exc.__traceback__)
        exc.__traceback__ = None
        exc.__context__ = None
        gc.collect()


@contextmanager
def _unraisable_to_log() -> Iterator[None]:
    previous = sys.unraisablehook

    def to_log(unraisable: sys.UnraisableHookArgs) -> None:
        log.info("Closing a failed export: %s", type(unraisable.exc_value).__name__)

    sys.unraisablehook = to_log
    try:
        yield
    finally:
        sys.unraisablehook = previous


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except PermissionError:
        # On Windows a document open in Word or Excel cannot be replaced; elsewhere the folder
        # took the temporary file a moment ago, so the target itself is what is held.
        raise ExportError(_open_message(target), target) from None
    except OSError as exc:
        raise ExportError(_not_written(target, exc), target) from None


def check_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("Der Export wurde abgebrochen; es wurde keine Datei geschrieben.")
