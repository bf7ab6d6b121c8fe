"""Render the window's sync screens to PNGs for looking at them (not collected by pytest):

    python -c "import json;from tests.ui.zoom_probe import screen_config;\\
        open('S.json','w').write(json.dumps(screen_config(1.5)))"
    PROBE_OUT=DIR PROBE_LANG=en QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen:configfile=S.json \\
        python -m pytest -q tests/ui/probe_sync_screens.py -p no:randomly

Each dialog is shown at the size it opens with on that screen; a line per dialog tells its size,
the screen's, and whether a table scrolls sideways.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from sromod.services.replica_security import SyncResult
from sromod.services.reservations import ReservationView
from sromod.services.sync_pull import Outcome
from sromod.store import open_store
from sromod.store.address import Connection
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import PasswordDialog
from sromod.ui.i18n import install_translations
from sromod.ui.sync_conflicts import ConflictsDialog
from sromod.ui.sync_dialog import MeetingChoice, NewReplicaDialog
from sromod.ui.sync_existing import TakeAlongDialog, report_text
from sromod.ui.sync_reservation import ReleaseDialog, ReservedBanner
from tests.ui.sync_helpers import replica_with_conflicts


def _shot(widget: QWidget, name: str, qtbot: QtBot) -> None:
    out = Path(os.environ.get("PROBE_OUT", "/tmp/sync-probe"))
    out.mkdir(parents=True, exist_ok=True)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.wait(200)  # the layout settles (a dialog fitted to a small screen resizes once more)
    screen = QApplication.primaryScreen().availableGeometry()
    frame = widget.frameGeometry()
    sideways = [
        type(w).__name__ for w in widget.findChildren(QWidget)
        if hasattr(w, "horizontalScrollBar") and w.isVisible()
        and w.horizontalScrollBar().isVisible()
    ]  # fmt: skip
    print(f"{name}: {frame.width()}x{frame.height()} at {frame.x()},{frame.y()} on "
          f"{screen.width()}x{screen.height()}; sideways: {sideways}")  # fmt: skip
    widget.grab().save(str(out / f"{name}.png"))


def test_probe(pg_url: str, tmp_path: Path, qtbot: QtBot, qapp: QApplication) -> None:
    language = os.environ.get("PROBE_LANG", "de")
    installed = install_translations(qapp, language)
    assert installed or language == "de"
    choices = [MeetingChoice(str(n), "StR Nord", n, date(2026, 3, 10 + n)) for n in range(1, 6)]
    choices += [MeetingChoice("ag", "AG SRO", 12, date(2026, 4, 2))]
    _shot(NewReplicaDialog(None, [("StR Nord", "Steuerungsrunde Nord"), ("AG SRO",
          "Arbeitsgemeinschaft Sozialraumorientierung")], choices,
          tmp_path / "Dokumente" / "sromod-replik.db"), "1-new-replica", qtbot)  # fmt: skip
    _shot(TakeAlongDialog(None, choices, {"1"}), "2-take-along", qtbot)
    _shot(PasswordDialog(None, Connection("db.bezirk-mitte.berlin.de", 5432, "sromod",
                                          "anna.schulz"), True), "3-password", qtbot)  # fmt: skip
    progress = QProgressDialog(
        QApplication.translate("SyncExisting", "Abgleich mit dem Register läuft …"),
        QApplication.translate("sync_run", "Abbrechen"), 0, 100,
    )  # fmt: skip
    progress.setValue(40)
    _shot(progress, "4-progress", qtbot)
    _shot(ReleaseDialog(None, "StR Nord/1", "anna.schulz"), "7-release", qtbot)
    banner = ReservedBanner()
    banner.resize(900, 60)
    since = datetime(2026, 3, 10, 13, 5)
    banner.show_view(ReservationView("StR Nord/1", "anna.schulz", since, here=False), True)
    _shot(banner, "8-banner", qtbot)
    laptop, count = replica_with_conflicts(pg_url, tmp_path)
    print("conflicts:", count)
    out = Outcome()
    out.pushed.update({"tasks": 3, "agenda_items": 2})
    out.pulled.update({"tasks": 12})
    out.merged, out.conflicts, out.waiting = 2, count, 1
    box = QMessageBox(QMessageBox.Icon.Information, "Abgleich", report_text(
        SyncResult(out, ["StR Nord/1"], ["StR Nord/2"])))  # fmt: skip
    _shot(box, "5-report", qtbot)
    with open_store(laptop) as store:
        _shot(ConflictsDialog(None, AppContext(store)), "6-conflicts", qtbot)
