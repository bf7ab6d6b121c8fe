"""The meeting's Anlagen tab: add to a TOP, open the stored copy, remove, undo; by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sromod.services import agenda, attachments
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.screens import attachments_panel
from sromod.ui.screens.meeting import TAB_ATTACHMENTS, MeetingScreen
from tests.services.helpers import make_body, plan


def test_add_open_remove_and_undo(
    store: Store, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = plan(store, make_body(store))
    top = agenda.add_agenda_item(store, meeting_id, "Bezirksregionenprofil")
    number = next(i.number for i in agenda.list_agenda(store, meeting_id) if i.id == top)
    context = AppContext(store)
    screen = MeetingScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.show_meeting(meeting_id, TAB_ATTACHMENTS)
    panel = screen.attachments
    source = tmp_path / "Profil Adlershof.pdf"
    source.write_bytes(b"%PDF-1.4 profil")
    monkeypatch.setattr(attachments_panel, "ask_open_path", lambda *_a: str(source))
    opened: list[Path] = []

    def open_file(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(attachments_panel, "open_file", open_file)

    panel.target.setCurrentIndex(panel.target.findData(top))
    panel.add_button.setFocus()
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)  # the keyboard, not the mouse
    assert panel.list.count() == 1
    assert (
        panel.list.item(0)
        .text()
        .startswith(f"Anlage 1: Profil Adlershof (zu TOP {number}) – Profil Adlershof.pdf")
    )
    stored = attachments.list_attachments(store, meeting_id)
    assert stored[0].agenda_item_id == top

    source.unlink()  # the original is gone; the stored copy opens
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].read_bytes() == b"%PDF-1.4 profil"
    assert opened[0].name == "Profil Adlershof.pdf"

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 0 and not attachments.list_attachments(store, meeting_id)
    context.undo_stack.undo()
    assert panel.list.count() == 1


def test_controls_have_names_and_labels(store: Store, qtbot: QtBot) -> None:
    context = AppContext(store)
    panel = attachments_panel.AttachmentsPanel(context)
    qtbot.addWidget(panel)
    buddies = {label.buddy() for label in panel.findChildren(QLabel) if label.buddy()}
    assert panel.target in buddies and panel.list in buddies
    for button in (panel.add_button, panel.open_button, panel.remove_button):
        assert "&" in button.text()  # a mnemonic, and its text is its accessible name
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
