"""The About dialog names the version, the licence and the real paths of store, backups and log."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog

from sromod import __version__
from sromod.store.location import log_dir
from sromod.ui.dialogs.about import AboutDialog


def test_about_shows_version_licence_and_paths(qtbot, tmp_path: Path) -> None:
    store_path = tmp_path / "Sitzungen Köpenick" / "sromod.db"
    dialog = AboutDialog(None, store_path)
    qtbot.addWidget(dialog)
    text = dialog.version_label.text()
    assert f"sromod {__version__}" in text and "EUPL-1.2" in text
    assert dialog.path_labels["store"].text() == str(store_path)
    assert dialog.path_labels["backups"].text() == str(store_path.parent / "sromod.db.backups")
    assert dialog.path_labels["log"].text() == str(log_dir() / "sromod.log")


def test_open_folder_button_opens_the_folder_of_the_store(qtbot, tmp_path: Path) -> None:
    store_path = tmp_path / "sromod.db"
    store_path.write_bytes(b"")
    dialog = AboutDialog(None, store_path)
    qtbot.addWidget(dialog)
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    with mock.patch("sromod.ui.dialogs.about.QDesktopServices.openUrl", side_effect=open_url):
        qtbot.mouseClick(dialog.open_buttons["store"], Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]


def test_show_for_runs_modally_and_returns_nothing(qtbot, tmp_path: Path) -> None:
    with mock.patch.object(AboutDialog, "exec", return_value=QDialog.DialogCode.Rejected) as run:
        assert AboutDialog.show_for(None, tmp_path / "sromod.db") is None
    run.assert_called_once()
