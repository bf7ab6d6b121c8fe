"""Start-up: settings, logging, translations, open store (migrated before any window), main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sromod import APP_NAME, ORG_NAME, __version__
from sromod.store.location import default_store_path, log_dir
from sromod.store.redact import ScrubbingFormatter

if TYPE_CHECKING:
    from sromod.store.address import ServerAddress

log = logging.getLogger(__name__)


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user's log folder (no personal data is ever logged)."""
    folder = log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(folder, 0o700)
    path = folder / "sromod.log"
    handler = _PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    # Scrubbed: a library's exception may quote a server's URL, password included.
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    _enable_own_loggers()
    return path


def _enable_own_loggers() -> None:
    """sromod's loggers speak again after a library's logging.config disabled them.

    dictConfig/fileConfig (disable_existing_loggers) silence every logger made before them; the
    crash path's 'Einzelheiten stehen im Protokoll' must then still find its details in the log.
    """
    for name, logger in logging.root.manager.loggerDict.items():
        if name.split(".")[0] == "sromod" and isinstance(logger, logging.Logger):
            logger.disabled = False


def owner_only(path: Path, mode: int) -> None:
    """Readable by the owner only on POSIX; on Windows the user's profile folder keeps others out."""
    if os.name == "posix":
        os.chmod(path, mode)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the first and each one after a rollover) is 0600."""

    def _open(self):  # type: ignore[no-untyped-def]  # overrides logging's private _open, untyped in its stub
        # Created 0600 (not 0644 and narrowed later); an older log is narrowed here too.
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        owner_only(Path(self.baseFilename), 0o600)
        return super()._open()


def run_app(
    db_path: Path | ServerAddress | None, *, startup_probe: bool = False, t0: float | None = None
) -> int:
    """Show the main window at once, open the store after its first paint, then fill it.

    With startup_probe, print the seconds to the first paint, to the filled window and to the
    open store (see `sromod.ui.launch.Launch`), and quit.
    """
    started = t0 if t0 is not None else time.perf_counter()
    configure_logging()
    app = _application()
    from sromod.ui.launch import Launch
    from sromod.ui.settings import UiSettings

    backups: list[threading.Thread] = []
    launch = Launch(
        UiSettings(),
        db_path or default_store_path(),
        _open_for_window,
        probe_started=started if startup_probe else None,
        after_shown=partial(_after_opened, backups, startup_probe),
    )
    launch.starter.given_up.connect(partial(app.exit, 1))
    from sromod.ui.theme import apply_field_frames

    apply_field_frames()
    _install_exception_hook(launch.window)
    launch.show()
    try:
        code = int(app.exec())
    finally:
        launch.starter.abandon()  # the window was closed while its store still opened
        for thread in backups:
            thread.join()  # a half-written backup is worth nothing; let it finish
        store = launch.open_store()
        if store is not None:
            store.close()
    return code if launch.ready else 1


def _application() -> Any:
    """The QApplication with sromod's names, translations, colours and icon."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from sromod.ui import theme
    from sromod.ui.i18n import install_translations

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    language = str(QSettings().value("ui/language", "de"))
    app.setProperty("sromod_translators", install_translations(app, language))  # kept alive
    # The fields' frames follow once the window is built (run_app): building it is faster so.
    theme.apply_scheme(theme.resolve(theme.chosen(QSettings())), field_frames=False)
    _set_window_icon(app)
    return app


def _open_for_window(location: Path | ServerAddress):  # type: ignore[no-untyped-def]  # returns a Store, imported only when the window opens
    """Open the store for the window (in a worker): created with reference data if new.

    The daily backup runs after the window shows (see _daily_backup_in_background).
    """
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store

    if location == default_store_path():
        location.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return open_store(location, initialise=load_reference_data, daily_backup=False)


def _after_opened(backups: list[threading.Thread], probe: bool, window: Any) -> None:
    """The window's store is open: the day's backup starts."""
    if not probe and window.context.store.path is not None:
        backups.append(_daily_backup_in_background(window.context))


def _daily_backup_in_background(context: object) -> threading.Thread:
    """Take the day's backup in a worker thread (SQLite's backup API reads a snapshot).

    A large store takes a second or two to copy; the moderator should not wait for it.
    A failure is shown in the status bar, not as a dialog: the store itself is fine.
    """
    from PySide6.QtCore import QTimer

    from sromod.store.opening import backup_if_due

    path = context.store.path  # type: ignore[attr-defined]  # context is the AppContext, passed as object to keep Qt imports late
    outcome: list[str | None] = []

    def work() -> None:
        try:
            outcome.append(backup_if_due(path))
        except Exception:  # a backup problem must never take the window down
            log.exception("Daily backup failed")
            outcome.append("Die tägliche Sicherung ist fehlgeschlagen (Einzelheiten im Protokoll).")

    def report() -> None:
        if outcome and outcome[0]:
            context.message.emit(outcome[0])  # type: ignore[attr-defined]  # as above
        elif not outcome:
            QTimer.singleShot(500, report)

    thread = threading.Thread(target=work, name="sromod-daily-backup", daemon=True)
    thread.start()
    QTimer.singleShot(500, report)
    return thread


def _install_exception_hook(window: object) -> None:
    try:
        from sromod.ui.errors import install_exception_hook
    except ImportError:  # the crash dialog module is optional during development
        return
    install_exception_hook(window)  # type: ignore[arg-type]  # the main window, passed as object


def _set_window_icon(app: object) -> None:
    from PySide6.QtGui import QIcon

    from sromod.resources import resource_path

    icon = resource_path("icons", "sromod.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))  # type: ignore[attr-defined]  # the QApplication, passed as object


if os.environ.get("SROMOD_DEBUG"):
    logging.basicConfig(level=logging.DEBUG)
