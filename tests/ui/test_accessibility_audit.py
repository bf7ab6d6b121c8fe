"""Issue 14: every screen and every dialog of the window, on a demo store, in the light and the
high-contrast scheme: each focusable control has a name a screen reader reads, each table
column a header, each text colour pair the WCAG 2.1 AA ratio."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sromod.store import Store, open_store
from sromod.ui import theme
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from tests.ui.audit_helpers import audit
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401
from tests.ui.walk_helpers import walk_dialogs, walk_live, walk_screens

pytestmark = pytest.mark.usefixtures("no_message_boxes")

DIALOGS = {
    "BodyDialog",
    "MemberDialog",
    "AgendaItemDialog",
    "PlanMeetingDialog",
    "GuestDialog",
    "RepresentationDialog",
    "EndMeetingDialog",
    "PersonDialog",
    "OfficeDialog",
    "RetentionDialog",
    "AboutDialog",
    "VoteOverrideDialog",
    "ImportPreviewDialog",
    "ShortcutHelpDialog",
    "CrashDialog",
}


@pytest.fixture
def demo_window(
    demo_file: Path, qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> Iterator[MainWindow]:
    path = tmp_path / "Sitzungen Köpenick.db"
    shutil.copy(demo_file, path)
    store: Store = open_store(path)
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    try:
        yield window
    finally:
        window.close()
        store.close()
        theme.apply_scheme("light")
        qapp.setPalette(qapp.style().standardPalette())
        qapp.setStyleSheet("")


@pytest.mark.parametrize("scheme", list(theme.SCHEMES))
def test_every_screen_and_dialog_passes_the_audit(
    scheme: str, demo_window: MainWindow, tmp_path: Path
) -> None:
    theme.apply_scheme(scheme)
    findings: list[str] = []
    visited: list[str] = []

    def visit(window: QWidget, where: str) -> None:
        visited.append(where)
        findings.extend(audit(window, where))

    walk_screens(demo_window, visit)
    walk_live(demo_window, visit)
    seen = walk_dialogs(demo_window, visit, tmp_path)
    assert set(seen) >= DIALOGS, DIALOGS - set(seen)
    assert len(visited) > 30
    assert findings == [], "\n".join(findings)


def test_the_audit_finds_each_kind_of_fault(qtbot: QtBot, qapp: QApplication) -> None:
    """Each check fails on the fault it looks for, and a buddy counts as Qt makes it a name."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QTableView

    from sromod.ui.widgets import with_shortcut

    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    form.addRow("&Titel:", QLineEdit())  # a label buddy: read as "Titel:"
    bare = QLineEdit()
    form.addRow(bare)
    pale = QLabel("Hinweis")
    pale.setStyleSheet("color: #9a9a9a;")  # 2.6:1 on the window grey
    form.addRow(pale)
    model = QStandardItemModel(2, 2)
    model.setHorizontalHeaderLabels(["Was", ""])
    for row in range(2):
        for column in range(2):
            model.setData(model.index(row, column), "x")
    table = QTableView()
    table.setAccessibleName("Aufgaben")
    table.setModel(model)
    form.addRow(table)
    guest = QPushButton("Gast hinzu&fügen…")
    guest.setAccessibleName("Gast mit Name und Organisation hinzufügen")  # not what it says
    form.addRow(guest)
    page.show()

    findings = audit(page, "Probe")  # the style's own palette, as before sromod sets one

    assert findings == [
        "Probe: QLineEdit '' ohne Namen",
        "Probe: Tabelle 'Aufgaben', Spalte 2 ohne Überschrift",
        "Probe: QLabel 'Hinweis' #9a9a9a auf #efefef = 2.45:1 < 4.5:1",
        "Probe: QTableView '' #ffffff auf #308cc6 = 3.69:1 < 4.5:1",  # Fusion's selection
        "Probe: QPushButton 'Gast hinzu&fügen…' heißt 'Gast mit Name und Organisation hinzufügen'",
    ]
    bare.setAccessibleName("Untertitel")
    model.setHeaderData(1, Qt.Orientation.Horizontal, "Wer")
    with_shortcut(guest, "Gast mit Name und Organisation hinzufügen")  # the name keeps its words
    assert guest.accessibleDescription() == "Gast mit Name und Organisation hinzufügen"
    pale.setStyleSheet("color: #595959;")
    theme.apply_scheme("light")  # what sromod sets at start
    qapp.processEvents()
    try:
        assert audit(page, "Probe") == []
    finally:
        qapp.setPalette(qapp.style().standardPalette())
        qapp.setStyleSheet("")
