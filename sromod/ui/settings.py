"""Window state and the interface language in QSettings (domain settings live in the database)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from sromod.store.address import DEFAULT_PORT, SSL_MODES, Connection
from sromod.ui import screen_fit, theme

LANGUAGES = {"de": "Deutsch", "en": "English"}
LANGUAGE_KEY = "ui/language"  # read by sromod.app before any window exists
PROJECTOR_CLOCK_KEY = "LiveView/projectorClock"
REGISTER_GROUP = "Register"  # the last server connected to; never a password
LAST_LOCAL_KEY = "Store/lastLocal"


class UiSettings:
    """Paired read/write methods, one group per component."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def restore_window(self, window: QMainWindow) -> bool:
        """Saved geometry and toolbar state; True on a first start that should open maximised."""
        geometry = self._settings.value("MainWindow/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
            # A geometry saved on a larger or a since disconnected screen: onto the screen the
            # window's centre lands on (else the primary one), no larger than it.
            if not window.isMaximized() and not window.isFullScreen():
                area = screen_fit.area_at(window.geometry().center())
                window.setGeometry(screen_fit.fit_into(window.geometry(), area))
            maximise = False
        else:
            rect, maximise = screen_fit.first_start(screen_fit.primary_area())
            window.setGeometry(rect)
        state = self._settings.value("MainWindow/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        return maximise

    def save_window(self, window: QMainWindow) -> None:
        self._settings.setValue("MainWindow/geometry", window.saveGeometry())
        self._settings.setValue("MainWindow/state", window.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> None:
        state = self._settings.value(f"Splitters/{name}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._settings.setValue(f"Splitters/{name}", splitter.saveState())

    def projector_clock(self) -> bool:
        """Whether the projector shows the clock and the running TOP's time box (default yes)."""
        return bool(self._settings.value(PROJECTOR_CLOCK_KEY, True, type=bool))

    def set_projector_clock(self, shown: bool) -> None:
        self._settings.setValue(PROJECTOR_CLOCK_KEY, shown)

    def language(self) -> str:
        value = str(self._settings.value(LANGUAGE_KEY, "de"))
        return value if value in LANGUAGES else "de"

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(code)
        self._settings.setValue(LANGUAGE_KEY, code)

    def colour_scheme(self) -> str:
        """Ansicht → Farben: "system" (the default), "light" or "contrast"."""
        return theme.chosen(self._settings)

    def set_colour_scheme(self, choice: str) -> None:
        theme.store_choice(choice, self._settings)

    def register_connection(self) -> Connection | None:
        """The server, port, database, user and TLS settings last used (no password)."""
        values = self._settings
        host = str(values.value(f"{REGISTER_GROUP}/host", "") or "")
        if not host:
            return None
        try:
            port = int(str(values.value(f"{REGISTER_GROUP}/port", DEFAULT_PORT)))
        except ValueError:
            port = DEFAULT_PORT
        sslmode = str(values.value(f"{REGISTER_GROUP}/sslmode", "prefer"))
        return Connection(
            host=host,
            port=port,
            database=str(values.value(f"{REGISTER_GROUP}/database", "") or ""),
            user=str(values.value(f"{REGISTER_GROUP}/user", "") or ""),
            sslmode=sslmode if sslmode in SSL_MODES else "prefer",
            sslrootcert=str(values.value(f"{REGISTER_GROUP}/sslrootcert", "") or ""),
        )

    def set_register_connection(self, connection: Connection) -> None:
        for key in ("host", "port", "database", "user", "sslmode", "sslrootcert"):
            self._settings.setValue(f"{REGISTER_GROUP}/{key}", getattr(connection, key))

    def last_local_store(self) -> Path | None:
        """The database file opened last on this computer (offered when a server fails)."""
        value = str(self._settings.value(LAST_LOCAL_KEY, "") or "")
        return Path(value) if value else None

    def set_last_local_store(self, path: Path) -> None:
        self._settings.setValue(LAST_LOCAL_KEY, str(path))

    def sync(self) -> None:
        self._settings.sync()
