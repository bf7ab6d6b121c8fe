"""The meeting's Anlagen: add a file to the meeting or a TOP, open it, remove it."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.services import agenda, attachments
from sromod.services.attachments import MAX_FILE_BYTES, MAX_MEETING_BYTES, AttachmentInfo
from sromod.services.errors import ServiceError
from sromod.ui.context import AppContext
from sromod.ui.labels import top_caption
from sromod.ui.role_guard import offer
from sromod.ui.widgets import LazyReload

log = logging.getLogger(__name__)

ATTACHMENT_TABLES = {"attachments", "agenda_items", "meetings"}


def ask_open_path(parent: QWidget | None, title: str) -> str | None:
    """The file the user picks, or None (a module function, so that tests can replace it)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _selected = QFileDialog.getOpenFileName(parent, title, folder)
    return path or None


def open_file(path: Path) -> bool:
    """Open a file in the program the system has for it (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


class AttachmentsPanel(LazyReload, QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Dateien werden in die Datenbank kopiert (höchstens %1 MB je Datei, %2 MB je "
                "Sitzung). Protokoll und Einladung führen sie als „Anlage 1: …“ auf; beim "
                "Export kommen sie in einen Ordner „… – Anlagen“ neben dem Dokument."
            )
            .replace("%1", str(MAX_FILE_BYTES // (1024 * 1024)))
            .replace("%2", str(MAX_MEETING_BYTES // (1024 * 1024)))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        target_label = QLabel(self.tr("&Zuordnen zu:"))
        self.target = QComboBox()
        target_label.setBuddy(self.target)
        row.addWidget(target_label)
        row.addWidget(self.target, 1)
        self.add_button = QPushButton(self.tr("Anlage hinzu&fügen …"))
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        list_label = QLabel(self.tr("&Vorhandene Anlagen:"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._open_item)
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Öff&nen"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Entfe&rnen"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._update_buttons)
        context.changed.connect(self._on_changed)
        self._update_buttons()

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.request_reload()

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & ATTACHMENT_TABLES:
            self.request_reload()

    def reload(self) -> None:
        self.list.clear()
        self.target.clear()
        if self.meeting_id is None:
            return
        self.target.addItem(self.tr("die ganze Sitzung"), None)
        for item in self.context.query(agenda.list_agenda, self.meeting_id):
            self.target.addItem(top_caption(item.number, item.title), item.id)
        for info in self.context.query(attachments.list_attachments, self.meeting_id):
            self.list.addItem(self._item(info))
        self._update_buttons()

    def _item(self, info: AttachmentInfo) -> QListWidgetItem:
        text = self.tr("Anlage %1: %2").replace("%1", str(info.number)).replace("%2", info.title)
        if info.top_number:
            text += self.tr(" (zu TOP %1)").replace("%1", info.top_number)
        item = QListWidgetItem(f"{text} – {info.file_name}, {_size(info.size)}")
        item.setData(Qt.ItemDataRole.UserRole, info.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, info.file_name)
        return item

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """A login that may not edit meetings opens attachments, adds and removes none."""
        self.read_only = read_only
        offer(not read_only, self.add_button, self.remove_button)
        self.target.setEnabled(not read_only)

    def add(self) -> None:
        if self.meeting_id is None or self.read_only:
            return
        path = ask_open_path(self, self.tr("Anlage hinzufügen"))
        if path is None:
            return
        name = Path(path).name
        added = self.context.run(
            self.tr("Anlage „%1“ hinzufügen").replace("%1", name),
            attachments.add_attachment,
            self.meeting_id,
            path,
            agenda_item_id=self.target.currentData(),
        )
        if added is not None:
            self.context.message.emit(self.tr("Anlage „%1“ hinzugefügt.").replace("%1", name))

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        """Write the stored copy to a temporary file and open it; the store is never opened."""
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        name = item.data(Qt.ItemDataRole.UserRole + 1)
        try:
            content = self.context.query(attachments.attachment_content, attachment_id)
            path = Path(tempfile.mkdtemp(prefix="sromod-anlage-")) / name
            path.write_bytes(content)
        except (ServiceError, OSError) as exc:
            log.warning("Anlage nicht geöffnet", exc_info=True)
            self.context.error.emit(
                str(exc)
                if isinstance(exc, ServiceError)
                else self.tr("Die Anlage konnte nicht zum Öffnen abgelegt werden.")
            )
            return
        if not open_file(path):
            self.context.error.emit(
                self.tr("Für „%1“ ist kein Programm zum Öffnen eingerichtet.").replace("%1", name)
            )

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.read_only:
            return
        self.context.run(
            self.tr("Anlage „%1“ entfernen").replace("%1", item.data(Qt.ItemDataRole.UserRole + 1)),
            attachments.remove_attachment,
            item.data(Qt.ItemDataRole.UserRole),
        )
