"""The sync's refusals and reports speak the window's language: a meeting taken along (SQLSTATE
SR001), a void replica (SR002), a removed login, a sync in plain text off loopback, a server that
cannot be reached, a file that is no replica, the report and the conflict list. They arrive as
data (sromod.store.refusals) and the window words them; the command line keeps German
(tests/sync/test_replica_security.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sromod.cli import main
from sromod.services import agenda
from sromod.services.replica import STATE_KEY
from sromod.services.replica_security import SyncResult
from sromod.services.sync_pull import Outcome
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import PasswordDialog
from sromod.ui.sync_conflicts import ConflictsDialog
from sromod.ui.sync_dialog import SyncCommand
from sromod.ui.sync_existing import SyncWork, TakeAlongDialog, report_text
from sromod.ui.sync_run import SyncJob
from tests.pg_cluster import free_port
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.sync.test_reservations import plain, taken_meeting  # noqa: F401 (fixture)
from tests.ui.sync_helpers import replica_with_conflicts

RESERVED = {
    "de": "Die Sitzung StR Nord/1 ist von {login} für die Sitzung mitgenommen (seit ",
    "en": "The meeting StR Nord/1 has been taken along by {login} (since ",
}
VOID = {
    "de": "Diese Replik wurde im Register für ungültig erklärt (etwa weil der Laptop verloren "
    "ging); ihr Abgleich wird abgelehnt, und es wurde nichts geändert. Bitte legen Sie eine neue "
    "Replik an.",
    "en": "This replica has been declared void in the register (for instance because the laptop "
    "was lost); its sync is refused, and nothing was changed. Please make a new replica.",
}
REMOVED = {
    "de": "Der Server hat die Anmeldung „{login}“ abgelehnt: es gibt sie dort nicht mehr, oder das "
    "Passwort stimmt nicht. Ohne gültige Anmeldung lässt sich die Replik nicht abgleichen; sie "
    "bleibt unverändert.",
    "en": "The server refused the login “{login}”: it no longer exists there, or the password is "
    "wrong. Without a valid login the replica cannot be synced; it stays unchanged.",
}
TLS = {
    "de": "Abgleichen mit postgresql://anna@db.bezirk.example/sromod geht nur verschlüsselt mit "
    "geprüftem Zertifikat",
    "en": "Syncing with postgresql://anna@db.bezirk.example/sromod is possible only encrypted with "
    "a verified certificate",
}
UNREACHABLE = {
    "de": "Der Server postgresql://anna@127.0.0.1:{port}/sromod ist nicht erreichbar. Prüfen Sie "
    "die Adresse und die Netzwerkverbindung, oder öffnen Sie eine Datenbankdatei auf diesem "
    "Rechner.",
    "en": "The server postgresql://anna@127.0.0.1:{port}/sromod cannot be reached. Check the "
    "address and the network connection, or open a database file on this computer.",
}
NO_REPLICA = {
    "de": "Diese Datenbank ist keine Replik des Registers; es wurde nichts geändert.",
    "en": "This database is no replica of the register; nothing was changed.",
}


def _errors(context: AppContext) -> list[str]:
    errors: list[str] = []
    context.error.connect(errors.append)
    return errors


def _sync_in_window(replica: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Datei → Mit dem Register abgleichen… on the replica (nothing taken along); what it said."""
    monkeypatch.setattr(TakeAlongDialog, "ask", classmethod(lambda cls, *a: []))
    monkeypatch.setattr(PasswordDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    with open_store(replica) as store:
        context = AppContext(store)
        errors = _errors(context)
        assert SyncCommand(None, context).run() is None  # type: ignore[arg-type]  # no window
    return errors


def _point_at(replica: Path, server: str) -> None:
    """The replica's register, as if it had been made of another server."""
    with sqlite3.connect(replica) as raw:
        (value,) = raw.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
        state = json.loads(value)
        state["server"] = server
        raw.execute("UPDATE settings SET value = ? WHERE key = ?", (json.dumps(state), STATE_KEY))


def test_a_meeting_taken_along_in_the_windows_language(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    with open_store(login_url(reg, taken["other"], monkeypatch), create=False) as store:
        context = AppContext(store)
        errors = _errors(context)
        context.run("TOP", agenda.update_agenda_item, taken["item"], title="Anders")
    assert len(errors) == 1
    assert errors[0].startswith(RESERVED[language].format(login=taken["koordination"]))
    with open_store(reg.url, create=False) as server:
        assert "Anders" not in [a.title for a in agenda.list_agenda(server, taken["meeting"])]


def test_a_void_replica_and_a_removed_login_in_the_windows_language(
    reg: Register, taken: dict[str, str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    replica = Path(taken["replica"])
    assert main(["server", "void-replica", "--db", reg.url, taken["replica_id"]]) == 0
    assert _sync_in_window(replica, monkeypatch) == [VOID[language]]
    login = taken["koordination"]
    with psycopg.connect(plain(reg.url), autocommit=True) as admin:
        admin.execute("DELETE FROM register_logins WHERE login = %s", (login,))
        admin.execute(f'DROP OWNED BY "{login}"')
        admin.execute(f'DROP ROLE "{login}"')
    # the server refuses the login: the window asks for the password; cancelled, it says why
    assert _sync_in_window(replica, monkeypatch) == [REMOVED[language].format(login=login)]


def test_plain_text_off_loopback_and_an_unreachable_server_in_the_windows_language(
    taken: dict[str, str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    replica = Path(taken["replica"])
    _point_at(replica, "postgresql://anna@db.bezirk.example/sromod")
    (said,) = _sync_in_window(replica, monkeypatch)
    assert said.startswith(TLS[language])
    port = free_port()
    _point_at(replica, f"postgresql://anna@127.0.0.1:{port}/sromod")
    assert _sync_in_window(replica, monkeypatch) == [UNREACHABLE[language].format(port=port)]


def test_a_file_that_is_no_replica_in_the_windows_language(store: Store, language: str) -> None:
    job = SyncJob(SyncWork(store, []))
    job.run()
    assert job.error == NO_REPLICA[language]


REPORT = {
    "de": [
        "Abgleich abgeschlossen.",
        "Einträge ins Register geschrieben: 1; aus dem Register geholt: 1.234.",
        "Zusammengeführt (hier und im Register in verschiedenen Feldern geändert): 2.",
        "Konflikte: 3. Bis zu Ihrer Entscheidung gilt die Fassung des Registers; Ihre ist "
        "aufbewahrt.",
        "Im Register gerade von anderen geändert (der nächste Abgleich führt sie zusammen): 1.",
        "Zurückgegeben: StR Nord/1.",
    ],
    "en": [
        "Sync finished.",
        "Entries written to the register: 1; fetched from the register: 1,234.",
        "Merged (changed here and in the register in different fields): 2.",
        "Conflicts: 3. Until you decide, the register's version stands; yours is kept.",
        "Just changed by others in the register (the next sync merges them): 1.",
        "Returned: StR Nord/1.",
    ],
}


def test_the_report_in_the_windows_language(language: str) -> None:
    out = Outcome()
    out.pushed.update({"tasks": 1})
    out.pulled.update({"tasks": 1200, "meetings": 34})
    out.merged, out.conflicts, out.waiting = 2, 3, 1
    assert report_text(SyncResult(out, ["StR Nord/1"])).split("\n") == REPORT[language]


CONFLICT_WORDS = {
    "de": ("Eintrag, Feld", "Ihre Fassung (Laptop)", "Fassung im Register", "Aufgabe: A-",
           "Feld: Titel", "Sitzung: StR Nord, 1. Sitzung, 10.03.2026", "Feld: Ort",
           "TOP: Spielgeräte Nord (geprüft)\nim Register gelöscht, hier geändert",
           "gelöscht\ngeändert von sromod_test am ", "3 offene Konflikte."),
    "en": ("Entry, field", "Your version (laptop)", "Version in the register", "Task: A-",
           "Field: Title", "Meeting: StR Nord, meeting 1, 10.03.2026", "Field: Venue",
           "Item: Spielgeräte Nord (geprüft)\ndeleted in the register, changed here",
           "deleted\nchanged by sromod_test on ", "3 open conflicts."),
}  # fmt: skip


def test_the_conflict_list_in_the_windows_language(
    pg_url: str, tmp_path: Path, qtbot: QtBot, language: str
) -> None:
    laptop, count = replica_with_conflicts(pg_url, tmp_path)
    assert count == 5
    words = CONFLICT_WORDS[language]
    with open_store(laptop) as store:
        dialog = ConflictsDialog(None, AppContext(store))
        qtbot.addWidget(dialog)
        model = dialog.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert headers == list(words[:3])
        cells = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
        text = "\n".join("\n".join(row) for row in cells)
        for expected in words[3:9]:
            assert expected in text
        whole_row = next(row for row in cells if row[0].startswith(words[7].split(":")[0]))
        assert whole_row[2].startswith(words[8])
        dialog.table.selectRow(0)
        dialog.use_server()
        dialog.use_server()
        assert dialog.summary.text() == words[9]
