"""Unexpected exceptions: logged and shown in a dialog with details to copy; the window lives on.

The details name the exception type and where it happened (file, line, function) and the versions,
but never the exception's message or variable values: those may hold names of people.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod import __version__
from sromod.ui.fitting import FittedDialog

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """A report to send to the developers: versions, exception type, stack; no personal data."""
    lines = [
        f"sromod {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"System: {platform.system()} {platform.release()}",
        f"Fehlerart: {exc_type.__module__}.{exc_type.__qualname__}",
        "Aufrufstapel:",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        lines.append(f"Ausgelöst durch: {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    """The path from the package on; a home folder may carry the user's name."""
    parts = Path(filename).parts
    for anchor in ("sromod", "site-packages", "dist-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name


class CrashDialog(FittedDialog):
    """Tells the user that something went wrong and offers the details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unerwarteter Fehler"))
        self.resize(620, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "In sromod ist ein unerwarteter Fehler aufgetreten. Ihre bisherigen Eingaben sind "
                "gespeichert; Sie können weiterarbeiten. Wenn der Fehler wieder auftritt, senden "
                "Sie bitte die folgenden Angaben an die Betreuung (sie enthalten keine "
                "personenbezogenen Daten)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Fehlerdetails"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Details kopieren"))
        copy.setAccessibleName(self.tr("Details kopieren"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details.toPlainText())

    @classmethod
    def show_report(cls, parent: QWidget | None, details: str) -> None:
        cls(details, parent).exec()


def report_crash(parent: QWidget | None, exc: BaseException) -> None:
    """Log an unexpected exception caught on the way and show the crash dialog for it."""
    details = crash_details(type(exc), exc, exc.__traceback__)
    log.error("Unexpected exception\n%s", details)
    CrashDialog.show_report(parent, details)


class ExceptionHook:
    """Replaces sys.excepthook: log the report, show the dialog, keep the event loop running."""

    def __init__(self, parent: QWidget | None, previous: ExceptHook) -> None:
        self.parent = parent
        self.previous = previous
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        details = crash_details(exc_type, exc, tb)
        log.error("Unexpected exception\n%s", details)
        if self._showing:  # an error while the dialog is open: logged, not stacked
            return
        self._showing = True
        try:
            CrashDialog.show_report(self.parent, details)
        finally:
            self._showing = False


def install_exception_hook(parent: QWidget | None) -> ExceptionHook:
    """Route unexpected exceptions of the running app to the crash dialog."""
    hook = ExceptionHook(parent, sys.excepthook)
    sys.excepthook = hook
    return hook
