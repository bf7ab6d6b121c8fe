"""The import preview says which edits in the file it will not take."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sromod.services.task_import import ImportPreview
from sromod.ui.dialogs.import_preview import ImportPreviewDialog


def test_edits_not_taken_are_listed_and_reachable(qtbot: QtBot) -> None:
    line = "Spalte „Aufgabe“ geändert in 3 Zeilen (A-2026/0001, …) – wird nicht übernommen."
    preview = ImportPreview(Path("zurück.xlsx"), ignored=[line])
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [dialog.ignored_list.item(i).text() for i in range(dialog.ignored_list.count())]
    assert shown == [line]
    assert dialog.ignored_list.accessibleName() == "Nicht übernommene Änderungen"
    assert dialog.ignored_list.focusPolicy() != 0  # reachable with Tab, to be read out
    assert not dialog.apply_button.isEnabled()  # nothing to apply
