"""The import preview: which edits it will not take, and every line in the window's language."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import wording
from sromod.services.import_problems import IgnoredEdit, ImportProblem, ProblemKind, RowPlace
from sromod.services.task_import import ImportPreview, TaskChange
from sromod.services.wording import problem_text
from sromod.ui import labels
from sromod.ui.dialogs.import_preview import ImportPreviewDialog
from sromod.ui.i18n import install_translations


def test_edits_not_taken_are_listed_and_reachable(qtbot: QtBot) -> None:
    line = (
        "Spalte „Aufgabe“ geändert in 4 Zeilen (A-2026/0001, A-2026/0002, A-2026/0003, …) – "
        "wird nicht übernommen."
    )
    numbers = ("A-2026/0001", "A-2026/0002", "A-2026/0003", "A-2026/0004")
    preview = ImportPreview(Path("zurück.xlsx"), ignored=[IgnoredEdit("Aufgabe", numbers)])
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [dialog.ignored_list.item(i).text() for i in range(dialog.ignored_list.count())]
    assert shown == [line]
    assert dialog.ignored_list.accessibleName() == "Nicht übernommene Änderungen"
    assert dialog.ignored_list.focusPolicy() != 0  # reachable with Tab, to be read out
    assert not dialog.apply_button.isEnabled()  # nothing to apply


PROBLEMS = [
    ImportProblem(ProblemKind.UNKNOWN_STATUS, RowPlace("Aufgaben", 7, "A-2026/0001"),
                  value="fertig"),
    ImportProblem(ProblemKind.FORMULA, RowPlace("Jug", 3), column="Fällig am", cell="D3"),
    ImportProblem(ProblemKind.NOT_A_TASK_LIST, file="Haushalt.xlsx", column="ID", value="Status"),
]  # fmt: skip
CHANGE = TaskChange("t1", "A-2026/0002", "Übergabe planen", datetime(2026, 11, 20, 9, 30),
                    (TaskStatus.OPEN, TaskStatus.DONE), (None, date(2026, 12, 3)),
                    None, RowPlace("Aufgaben", 8))  # fmt: skip
EXPECTED = {
    "en": (
        [
            "Sheet “Aufgaben”, row 7 (A-2026/0001): sromod does not know the status “fertig”"
            " (possible: “offen”, “in Bearbeitung”, “erledigt”, “zurückgestellt”, “entfällt”).",
            "Sheet “Jug”, row 3, column “Fällig am” (D3): a formula cannot be imported;"
            " please enter the value.",
            "The file “Haushalt.xlsx” is not a sromod task list: no sheet has the columns “ID”"
            " and “Status”.",
        ],
        "Status: open → done\nDue: (empty) → 03.12.2026",
        "Column “Kommentar” (not part of the list) changed in 1 row (A-2026/0002) – not taken over.",
        "Not read (no task sheets): “Meine Notizen”.",
    ),
    "de": (
        [
            "Blatt „Aufgaben“, Zeile 7 (A-2026/0001): den Status „fertig“ kennt sromod nicht"
            " (möglich: „offen“, „in Bearbeitung“, „erledigt“, „zurückgestellt“, „entfällt“).",
            "Blatt „Jug“, Zeile 3, Spalte „Fällig am“ (D3): eine Formel kann nicht eingelesen"
            " werden; bitte den Wert eintragen.",
            "Die Datei „Haushalt.xlsx“ ist keine Aufgabenliste von sromod: es fehlt ein Blatt mit"
            " den Spalten „ID“ und „Status“.",
        ],
        "Status: offen → erledigt\nFällig am: (leer) → 03.12.2026",
        "Spalte „Kommentar“ (nicht Teil der Liste) geändert in 1 Zeile (A-2026/0002) – wird "
        "nicht übernommen.",
        "Nicht eingelesen (keine Aufgabenblätter): „Meine Notizen“.",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_problems_changes_and_ignored_edits_speak_the_window_language(
    language: str, qtbot: QtBot, qapp: QApplication
) -> None:
    """The service gave German sentences, so the English window listed German problems."""
    problems, change, ignored, unread = EXPECTED[language]
    preview = ImportPreview(
        Path("zurück.xlsx"), [CHANGE], [], PROBLEMS, ["Meine Notizen"],
        [IgnoredEdit("Kommentar", ("A-2026/0002",), listed=False)],
    )  # fmt: skip
    installed = install_translations(qapp, language)
    try:
        dialog = ImportPreviewDialog(preview)
        qtbot.addWidget(dialog)
        shown = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
        cell = dialog.changes.item(0, 2)
        ignored_shown = dialog.ignored_list.item(0).text()
        notes = [label.text() for label in dialog.findChildren(QLabel)]
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    assert shown == problems
    assert cell is not None and cell.text() == change
    assert ignored_shown == ignored
    assert unread in notes
    # the command line keeps the German whatever the window speaks
    assert problem_text(PROBLEMS[1]) == EXPECTED["de"][0][1]


def test_every_phrase_is_listed_for_lupdate() -> None:
    assert labels.PROBLEM_PHRASES == wording.PROBLEM_PHRASES
    assert labels.CHANGE_PHRASES == wording.CHANGE_PHRASES
    assert labels.IGNORED_PHRASES == wording.IGNORED_PHRASES
