"""About sromod: version, licence, and where the store, its backups and the log are kept."""

from __future__ import annotations

import logging
import platform
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod import __version__
from sromod.resources import resource_path
from sromod.store.backup import backup_dir_for
from sromod.store.location import log_dir
from sromod.ui.fitting import FittedDialog

log = logging.getLogger(__name__)

LICENCE = "EUPL-1.2"
LICENCE_URL = "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


class AboutDialog(FittedDialog):
    """Shows what a support call needs: the version and the three places sromod writes to."""

    def __init__(self, parent: QWidget | None, store_path: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Über sromod"))
        self.setMinimumWidth(640)
        # A register on a server (no path) has neither a file nor a backups folder here.
        self.paths = {"log": log_dir() / "sromod.log"}
        if store_path is not None:
            self.paths = {
                "store": Path(store_path),
                "backups": backup_dir_for(Path(store_path)),
                **self.paths,
            }
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addLayout(self._path_rows())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon_file = resource_path("icons", "sromod.svg")
        if icon_file.exists():
            icon.setPixmap(QIcon(str(icon_file)).pixmap(64, 64))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(
            self.tr(
                "<h2>sromod {version}</h2>"
                "<p>Moderation der AG SRO und lokaler Steuerungsrunden: Tagesordnung, "
                "Anwesenheit, Beschlüsse, Aufgaben, Protokolle – ohne Netz.</p>"
                "<p>Lizenz: Europäische Union Public Licence {licence}</p>"
                "<p><small>Python {python}, Qt {qt}</small></p>"
            ).format(
                version=__version__,
                licence=LICENCE,
                python=platform.python_version(),
                qt=qVersion(),
            )
        )
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.version_label, 1)
        return row

    def _path_rows(self) -> QFormLayout:
        form = QFormLayout()
        titles = {
            "store": self.tr("Datenbank:"),
            "backups": self.tr("Sicherungen:"),
            "log": self.tr("Protokolldatei:"),
        }
        self.path_labels: dict[str, QLineEdit] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        for key, title in titles.items():
            if key not in self.paths:
                continue
            # A read-only field: long paths scroll instead of being cut, and copy as a whole.
            label = QLineEdit(str(self.paths[key]))
            label.setReadOnly(True)
            label.setCursorPosition(0)
            label.setToolTip(str(self.paths[key]))
            label.setAccessibleName(title.rstrip(":"))
            self.path_labels[key] = label
            show = QPushButton(self.tr("Ordner öffnen"))
            show.setToolTip(self.tr("Den Ordner im Dateimanager zeigen"))
            show.setAccessibleName(self.tr("Ordner öffnen: %1").replace("%1", title.rstrip(":")))
            show.clicked.connect(partial(self.open_folder, key))
            self.open_buttons[key] = show
            line = QHBoxLayout()
            line.addWidget(label, 1)
            line.addWidget(show)
            form.addRow(title, line)
        return form

    def open_folder(self, key: str) -> bool:
        """Show the folder that holds (or will hold) the path in the system's file manager."""
        path = self.paths[key]
        folder = path if path.is_dir() else path.parent
        if not folder.exists():
            log.info("Folder to show does not exist yet: %s", key)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @classmethod
    def show_for(cls, parent: QWidget | None, store_path: Path | None) -> None:
        """Show the dialog modally; it changes nothing, so there is nothing to return."""
        dialog = cls(parent, store_path)
        dialog.exec()
        dialog.deleteLater()  # Qt frees it in its own time, not Python's garbage collector
