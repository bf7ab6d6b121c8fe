"""The window and replicas on a real PostgreSQL: a meeting that is out shows who has it (read-only,
released by a coordinator), and Datei → Mit dem Register abgleichen… makes a replica with progress."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from sromod.cli import main
from sromod.services import agenda, meetings, tasks
from sromod.services.replica_security import list_replicas
from sromod.services.reservations import open_replica_state, reservation_of
from sromod.store import Store, open_store
from sromod.ui import sync_dialog
from sromod.ui.context import AppContext
from sromod.ui.screens.meeting import MeetingScreen
from sromod.ui.sync_conflicts import ConflictsDialog
from sromod.ui.sync_dialog import CopyWork, NewReplicaDialog, ReplicaRequest, SyncCommand
from sromod.ui.sync_existing import TakeAlongDialog
from sromod.ui.sync_reservation import ReleaseDialog
from sromod.ui.sync_run import SyncJob
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.sync.test_reservations import _meeting, taken_meeting  # noqa: F401 (fixture)


@pytest.fixture
def as_login(reg: Register, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    opened: list[Store] = []

    def login(name: str) -> Store:
        store = open_store(login_url(reg, name, monkeypatch), create=False)
        opened.append(store)
        return store

    yield login
    for store in opened:
        store.close()


def _screen(store: Store, meeting_id: str, qtbot: QtBot) -> tuple[AppContext, MeetingScreen]:
    context = AppContext(store)
    screen = MeetingScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_meeting(meeting_id)
    return context, screen


def test_another_coordinator_sees_who_has_it_and_releases_it_with_a_reason(
    taken: dict[str, str], as_login: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = as_login(taken["other"])
    _context, screen = _screen(store, taken["meeting"], qtbot)
    banner = screen.reserved
    assert banner.isVisible()
    text = banner.text.text()
    assert text.startswith(f"Die Sitzung StR Nord/1 ist von {taken['koordination']} für die ")
    assert text.endswith("Änderungen sind erst nach dem Abgleich möglich.")
    assert banner.accessibleName() == text
    assert screen.overview.place.isReadOnly()  # the server would refuse every change
    assert not screen.overview.delete_button.isEnabled()
    assert not any(b.isEnabled() for b in screen.overview.state_buttons.values())
    assert banner.release_button.isVisible() and banner.release_button.accessibleName()

    asked: list[tuple[str, str]] = []

    def ask(_parent: Any, label: str, login: str) -> str:
        asked.append((label, login))
        return "Laptop verloren"

    monkeypatch.setattr(ReleaseDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    qtbot.mouseClick(banner.release_button, Qt.MouseButton.LeftButton)
    assert asked == [("StR Nord/1", taken["koordination"])]
    assert reservation_of(store, taken["meeting"]) is None
    assert not banner.isVisible() and not screen.overview.place.isReadOnly()
    assert screen.overview.delete_button.isEnabled()


def test_an_office_lead_sees_it_but_may_not_release_it(
    taken: dict[str, str], as_login: Any, qtbot: QtBot
) -> None:
    _context, screen = _screen(as_login(taken["amt"]), taken["meeting"], qtbot)
    assert screen.reserved.isVisible() and not screen.reserved.release_button.isVisible()


def test_the_replica_says_that_it_has_the_meeting(taken: dict[str, str], qtbot: QtBot) -> None:
    with open_store(Path(taken["replica"])) as replica:
        _context, screen = _screen(replica, taken["meeting"], qtbot)
        assert screen.reserved.isVisible()
        assert screen.reserved.text.text().startswith(
            "Diese Sitzung haben Sie für die Sitzung mitgenommen (seit "
        )
        assert not screen.reserved.release_button.isVisible()
        assert not screen.overview.place.isReadOnly()  # the laptop works on it


def test_the_release_dialog_wants_a_reason(qtbot: QtBot) -> None:
    dialog = ReleaseDialog(None, "StR Nord/1", "schulz")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "  ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "Laptop defekt")
    assert ok.isEnabled() and dialog.reason.accessibleName() == "Grund der Freigabe"


def test_the_new_replica_dialog_offers_the_open_meetings_of_the_bodies_chosen(
    pg_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = _meeting(pg_url)
    with open_store(pg_url, create=False) as store:
        choices = sync_dialog.open_meetings(store)
    dialog = NewReplicaDialog(None, [("StR Nord", "Steuerungsrunde Nord")], choices,
                              tmp_path / "replik.db")  # fmt: skip
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and dialog.meetings.count() == 0
    dialog.bodies.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.meetings.count() == 1 and dialog.ok.isEnabled()
    assert dialog.meetings.item(0).text().startswith("1. Sitzung der StR Nord – 10.03.2026")
    dialog.meetings.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.request() == ReplicaRequest(tmp_path / "replik.db", ["StR Nord"],
                                              [rows["meeting"]])  # fmt: skip
    for widget in (dialog.path, dialog.bodies, dialog.meetings):
        assert widget.accessibleName()


def test_the_menu_command_makes_a_replica_in_a_worker_and_reports_it(
    reg: Register, logins: dict[str, str], as_login: Any, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    rows = _meeting(reg.url)
    store = as_login(logins["koordination"])
    context = AppContext(store)
    target = tmp_path / "Laptop ä" / "replik.db"
    target.parent.mkdir()
    request = ReplicaRequest(target, ["StR Nord"], [rows["meeting"]])
    monkeypatch.setattr(NewReplicaDialog, "ask", classmethod(lambda cls, *a: request))
    reported: list[str] = []

    def report(box: QMessageBox) -> int:
        reported.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", report)
    command = SyncCommand(None, context)  # type: ignore[arg-type]  # no parent window in the test
    assert command.run() is None  # "Schließen"
    assert "Die Replik ist angelegt:" in reported[0] and "Gremien: StR Nord." in reported[0]
    assert re.search(r"\nSitzungen: 1; Aufgaben: \d+; Personen: \d+\.\n", reported[0])
    assert "Für die Sitzung mitgenommen: StR Nord/1" in reported[0]
    assert reservation_of(store, rows["meeting"]) is not None
    with open_store(target) as replica:
        state = open_replica_state(replica)
        assert [m.id for m in meetings.list_meetings(replica)] == [rows["meeting"]]
    assert [r.id for r in list_replicas(store)] == [state["replica_id"]]


def test_a_cancelled_copy_leaves_no_file_and_nothing_on_the_server(
    reg: Register, logins: dict[str, str], as_login: Any, tmp_path: Path
) -> None:
    rows = _meeting(reg.url)
    store = as_login(logins["koordination"])
    target = tmp_path / "replik.db"
    job = SyncJob(CopyWork(store, ReplicaRequest(target, ["StR Nord"], [rows["meeting"]])))
    job.cancel_requested = True  # as the dialog's Abbrechen does
    job.run()
    assert job.cancelled and job.error is None
    assert list(tmp_path.iterdir()) == []
    assert reservation_of(store, rows["meeting"]) is None and list_replicas(store) == []


def test_on_a_laptops_own_file_the_command_says_how_to_get_a_replica(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: said.append(text))
    )
    assert SyncCommand(None, AppContext(store)).run() is None  # type: ignore[arg-type]  # no window
    assert said and "keine Replik des Registers" in said[0]


def test_the_window_syncs_the_open_replica_and_returns_and_takes_meetings(
    reg: Register, taken: dict[str, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Datei → Mit dem Register abgleichen… on the replica: its change reaches the register, the
    meeting comes back and is taken again as ticked; the report says so."""
    login_url(reg, taken["koordination"], monkeypatch)  # the password, as from the password file
    offered: list[set[str]] = []

    def ask(_parent: Any, choices: list[Any], held: set[str]) -> list[str]:
        offered.append(held)
        assert [c.id for c in choices] == [taken["meeting"]]
        return []  # give it back

    monkeypatch.setattr(TakeAlongDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    reported: list[str] = []

    def report(box: QMessageBox) -> int:
        reported.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", report)
    with open_store(Path(taken["replica"])) as replica:
        context = AppContext(replica)
        agenda.update_agenda_item(replica, taken["item"], title="Im Saal beschlossen")
        command = SyncCommand(None, context)  # type: ignore[arg-type]  # no window in the test
        assert command.run() is None
        assert offered == [{taken["meeting"]}]
        assert command.synced is not None and command.synced.returned == ["StR Nord/1"]
        assert reported[0].startswith("Abgleich abgeschlossen.")
        assert "Zurückgegeben: StR Nord/1." in reported[0]
    with open_store(reg.url, create=False) as server:
        assert reservation_of(server, taken["meeting"]) is None
        titles = [a.title for a in agenda.list_agenda(server, taken["meeting"])]
        assert "Im Saal beschlossen" in titles


def test_the_conflict_list_shows_both_sides_and_takes_the_users_pick(
    reg: Register, logins: dict[str, str], tmp_path: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    rows = _meeting(reg.url)
    url = login_url(reg, logins["koordination"], monkeypatch)
    replica = tmp_path / "replik.db"
    assert main(["sync", "--db", str(replica), "--server", url, "--body", "StR Nord"]) == 0
    with open_store(replica) as store:
        tasks.update_task(store, rows["task"], title="Spielplatz prüfen (Laptop)")
    with open_store(reg.url, create=False) as server:
        tasks.update_task(server, rows["task"], title="Spielplatz prüfen (Register)")
    assert main(["sync", "--db", str(replica), "--server", url]) == 0
    with open_store(replica) as store:
        context = AppContext(store)
        dialog = ConflictsDialog(None, context)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == 1
        texts = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
        assert texts[0].startswith("Aufgabe: A-") and texts[0].endswith("\nFeld: Titel")
        assert texts[1].startswith("Spielplatz prüfen (Laptop)\ngeändert ")
        assert texts[2].startswith("Spielplatz prüfen (Register)\ngeändert von sromod_test am ")
        assert dialog.table.accessibleName() == "Konflikte"
        assert dialog.take_local.isEnabled()
        qtbot.mouseClick(dialog.take_local, Qt.MouseButton.LeftButton)
        assert dialog.model.rowCount() == 0 and not dialog.take_local.isEnabled()
        assert dialog.summary.text() == "Keine offenen Konflikte."
        assert tasks.get_task(store, rows["task"]).title == "Spielplatz prüfen (Laptop)"
    assert main(["sync", "--db", str(replica), "--server", url]) == 0  # the pick goes up
    with open_store(reg.url, create=False) as server:
        assert tasks.get_task(server, rows["task"]).title == "Spielplatz prüfen (Laptop)"
