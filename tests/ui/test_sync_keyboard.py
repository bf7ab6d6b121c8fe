"""The sync's screens by keyboard and screen reader: every control reached by Tab and named, no
two mnemonics alike, Enter where it should go; the conflict list fits a laptop's screen without
sideways scrolling (long values wrap, nothing cut) and is decided by keyboard alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sromod.services import tasks
from sromod.services.replica_security import SyncResult
from sromod.services.sync_conflicts import list_conflicts
from sromod.services.sync_pull import Outcome
from sromod.store import open_store
from sromod.store.address import Connection
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import PasswordDialog
from sromod.ui.sync_conflicts import ConflictsDialog
from sromod.ui.sync_dialog import MeetingChoice, NewReplicaDialog, report_box
from sromod.ui.sync_existing import TakeAlongDialog
from sromod.ui.sync_reservation import ReleaseDialog
from tests.ui.keys_helpers import clashes, window_keys
from tests.ui.sync_helpers import LONG_LOCAL, LONG_SERVER, replica_with_conflicts

CONTROLS = (QAbstractButton, QLineEdit, QAbstractItemView)
CHOICES = [MeetingChoice("m1", "StR Nord", 1, date(2026, 3, 10)),
           MeetingChoice("m2", "AG SRO", 12, date(2026, 4, 2))]  # fmt: skip


def walk(dialog: QDialog, qtbot: QtBot) -> list[QWidget]:
    """Tab from where the dialog puts the cursor once round; the widgets reached, in order."""
    with qtbot.waitActive(dialog):
        dialog.show()
    start = dialog.focusWidget()
    assert start is not None, "the dialog opens with the cursor somewhere"
    reached = [start]
    for _ in range(30):
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        widget = dialog.focusWidget()
        assert widget is not None
        if widget is start:
            break
        reached.append(widget)
    return reached


def controls(dialog: QDialog) -> list[QWidget]:
    return [
        w for w in dialog.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisibleTo(dialog) and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]  # fmt: skip


def name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or text.replace("&", "")


def check_dialog(dialog: QDialog, qtbot: QtBot) -> list[QWidget]:
    """Every control reached by Tab, each named; no mnemonic twice."""
    qtbot.addWidget(dialog)
    reached = walk(dialog, qtbot)
    missing = [name(w) or type(w).__name__ for w in controls(dialog) if w not in reached]
    assert missing == []
    assert [type(w).__name__ for w in reached if not name(w)] == []
    assert clashes(window_keys(dialog)) == {}
    return reached


def default_button(dialog: QDialog) -> QPushButton | None:
    found = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    return found[0] if found else None


def test_the_new_replica_dialog_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewReplicaDialog(None, [("StR Nord", "Steuerungsrunde Nord"), ("AG SRO", "AG SRO")],
                              CHOICES, tmp_path / "replik.db")  # fmt: skip
    dialog.bodies.setCurrentRow(0)
    check_dialog(dialog, qtbot)
    dialog.bodies.setFocus()
    qtbot.keyClick(dialog.bodies, Qt.Key.Key_Space)  # Space ticks the body under the cursor
    assert dialog.bodies.checked() == ["StR Nord"] and dialog.meetings.count() == 1
    assert dialog.meetings.accessibleName() == "Sitzungen zum Mitnehmen"
    assert default_button(dialog) is dialog.ok and dialog.ok.text() == "Replik anlegen"
    qtbot.keyClick(dialog.bodies, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted.value


def test_the_take_along_dialog_by_keyboard(qtbot: QtBot) -> None:
    dialog = TakeAlongDialog(None, CHOICES, {"m1"})
    reached = check_dialog(dialog, qtbot)
    assert reached[0] is dialog.meetings  # the cursor starts in the list
    dialog.meetings.setCurrentRow(1)
    qtbot.keyClick(dialog.meetings, Qt.Key.Key_Space)
    assert dialog.chosen() == ["m1", "m2"]
    ok = default_button(dialog)
    assert ok is not None and ok.text() == "Abgleichen"
    qtbot.keyClick(dialog.meetings, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted.value


def test_the_password_and_release_dialogs_by_keyboard(qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass.conf"))
    password = PasswordDialog(None, Connection("db.bezirk.example", 5432, "sromod", "anna"), False)
    reached = check_dialog(password, qtbot)
    assert reached[:2] == [password.password, password.remember]
    ok = default_button(password)
    assert ok is not None and ok.text().replace("&", "") == "Abgleichen"
    password.close()
    release = ReleaseDialog(None, "StR Nord/1", "schulz")
    reached = check_dialog(release, qtbot)
    assert reached[0] is release.reason
    qtbot.keyClicks(release.reason, "Laptop verloren")
    assert default_button(release) is release.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClick(release.reason, Qt.Key.Key_Return)
    assert release.result() == QDialog.DialogCode.Accepted.value


def test_the_report_goes_on_to_the_conflicts_with_enter_and_closes_with_escape(
    qtbot: QtBot,
) -> None:
    out = Outcome()
    out.conflicts = 2
    box, conflicts = report_box(None, SyncResult(out))
    qtbot.addWidget(box)
    assert conflicts is not None and box.defaultButton() is conflicts
    assert conflicts.text() == "&Konflikte ansehen…"
    assert box.escapeButton() is not conflicts and box.escapeButton() is not None
    calm, none = report_box(None, SyncResult(Outcome()))
    qtbot.addWidget(calm)
    assert none is None and calm.defaultButton() is calm.escapeButton()


def test_the_conflict_list_fits_a_laptop_screen_and_is_decided_by_keyboard(
    pg_url: str, tmp_path: Path, qtbot: QtBot
) -> None:
    laptop, count = replica_with_conflicts(pg_url, tmp_path)
    assert count == 5
    with open_store(laptop) as store:
        dialog = ConflictsDialog(None, AppContext(store))
        reached = check_dialog(dialog, qtbot)
        table = dialog.table
        assert {table, dialog.take_local, dialog.keep_server} <= set(reached)
        assert dialog.width() <= 1366 and dialog.height() <= 768
        for width in (dialog.width(), 780, 620):  # a laptop, the 800 px test screen, narrower
            dialog.resize(width, dialog.height())
            QApplication.processEvents()
            assert not table.horizontalScrollBar().isVisible()
            assert table.horizontalHeader().length() <= table.viewport().width()
            assert cut_cells(table) == []  # every wrapped line shown, none cut
        cells = [dialog.model.index(r, c).data() for r in range(count) for c in range(3)]
        assert any(c.startswith(LONG_LOCAL) for c in cells)  # both long titles whole
        assert any(c.startswith(LONG_SERVER) for c in cells)
        assert sum("geändert von sromod_test am " in c for c in cells) == 2 * count

        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Home)
        title = _row_with(dialog, "Feld: Titel")
        for _ in range(title):
            qtbot.keyClick(table, Qt.Key.Key_Down)
        chosen = dialog.selected()
        assert chosen is not None and chosen.field == "title"
        qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Meine Fassung
        qtbot.waitUntil(lambda: dialog.model.rowCount() == count - 1)
        assert tasks.get_task(store, _task_id(store)).title == LONG_LOCAL
        assert dialog.selected() is not None  # the next conflict is up, ready for the next key
        remark = _row_with(dialog, "Feld: Bemerkung")
        table.selectRow(remark)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        qtbot.keyClick(table, Qt.Key.Key_Tab)  # past "Meine Fassung übernehmen"
        assert dialog.focusWidget() is dialog.keep_server
        qtbot.keyClick(dialog.keep_server, Qt.Key.Key_Space)  # Register behalten
        assert dialog.model.rowCount() == count - 2
        assert tasks.get_task(store, _task_id(store)).remark == "Rückfrage beim Träger"
        assert {c.field for c in list_conflicts(store)} == {"place", "due_date", ""}
        qtbot.keyClick(table, Qt.Key.Key_Escape)
        assert not dialog.isVisible()


def cut_cells(table: QTableView) -> list[str]:
    """The cells whose wrapped text is taller than the room the style paints it in."""
    style, metrics = table.style(), table.fontMetrics()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    model, cut = table.model(), []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = table.visualRect(index)
            option.text = str(index.data())
            option.features = QStyleOptionViewItem.ViewItemFeature.WrapText
            room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            wrap = QRect(0, 0, room.width() - 2 * margin, 100_000)
            needed = metrics.boundingRect(wrap, Qt.TextFlag.TextWordWrap, option.text).height()
            if needed > room.height():
                cut.append(option.text)
    return cut


def _row_with(dialog: ConflictsDialog, text: str) -> int:
    return next(
        r for r in range(dialog.model.rowCount()) if text in dialog.model.index(r, 0).data()
    )


def _task_id(store: object) -> str:
    return next(c.row_id for c in list_conflicts(store) if c.table == "tasks")  # type: ignore[arg-type]
