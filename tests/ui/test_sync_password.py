"""Datei → Mit dem Register abgleichen… when the server wants a password that neither the password
file nor PGPASSWORD holds: the window asks for it (the connection dialog's two rows), says a wrong
one in a sentence and asks again, keeps it in the password file when ticked; nothing reaches the
replica or the register before a password is taken. A real PostgreSQL with SCRAM logins."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from sromod.services import agenda
from sromod.services.replica import STATE_KEY
from sromod.services.reservations import reservation_of
from sromod.store import open_store, pgpass
from sromod.store.address import Connection
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import PasswordDialog
from sromod.ui.sync_dialog import SyncCommand
from sromod.ui.sync_existing import TakeAlongDialog
from tests.roles_helpers import PASSWORD, Register, role_logins, role_register  # noqa: F401 (fixtures)
from tests.sync.test_reservations import taken_meeting  # noqa: F401 (fixture)


def type_into(qtbot: QtBot, field: Any, text: str) -> None:
    """Type like a user; QTest types ASCII only, an umlaut arrives as an input method's would."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            field.insert(char)


def _state(replica: Path) -> str:
    with sqlite3.connect(replica) as raw:
        (value,) = raw.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
    return str(value)


def _titles(url: str, meeting: str) -> list[str]:
    with open_store(url, create=False) as server:
        return [a.title for a in agenda.list_agenda(server, meeting)]


@pytest.fixture
def no_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Neither PGPASSWORD nor a password file: the server's question reaches the window."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    path = tmp_path / "Passwörter" / "pgpass.conf"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def _answer(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, answers: list[tuple[str, bool] | None],
    at_prompt: Any = None,
) -> list[PasswordDialog]:  # fmt: skip
    """Each time the password dialog opens: type the next password, tick "merken" as given and
    press Enter (None: Abbrechen); at_prompt(dialog) looks at the world before the answer."""
    seen: list[PasswordDialog] = []

    def exec_(dialog: PasswordDialog) -> int:
        seen.append(dialog)
        if at_prompt is not None:
            at_prompt(dialog)
        answer = answers.pop(0)
        if answer is None:
            return QDialog.DialogCode.Rejected.value
        password, remember = answer
        dialog.password.clear()
        type_into(qtbot, dialog.password, password)
        dialog.remember.setChecked(remember)
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", exec_)
    return seen


def _reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reported: list[str] = []

    def report(box: QMessageBox) -> int:
        reported.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", report)
    monkeypatch.setattr(TakeAlongDialog, "ask", classmethod(lambda cls, *a: []))
    return reported


def test_the_window_asks_for_the_password_says_a_wrong_one_and_remembers_the_right_one(
    reg: Register, taken: dict[str, str], no_password: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    replica = Path(taken["replica"])
    before = _state(replica)
    on_server = _titles(reg.url, taken["meeting"])
    untouched: list[bool] = []

    def nothing_written_yet(dialog: PasswordDialog) -> None:
        untouched.append(_state(replica) == before and
                         _titles(reg.url, taken["meeting"]) == on_server)  # fmt: skip

    seen = _answer(monkeypatch, qtbot, [("Falsch-Wort 7", False), (PASSWORD, True)],
                   nothing_written_yet)  # fmt: skip
    reported = _reports(monkeypatch)
    with open_store(replica) as store:
        context = AppContext(store)
        errors: list[str] = []
        context.error.connect(errors.append)
        agenda.update_agenda_item(store, taken["item"], title="Im Saal beschlossen")
        command = SyncCommand(None, context)  # type: ignore[arg-type]  # no window in the test
        assert command.run() is None
        assert len(seen) == 2 and untouched == [True, True] and errors == []
        first, second = seen
        assert first.problem.isHidden()
        assert first.windowTitle() == "Passwort für das Register"
        intro = first.findChildren(QLabel)[0].text()
        assert f"verlangt für die Anmeldung „{taken['koordination']}“ ein Passwort" in intro
        assert not second.problem.isHidden()
        assert second.problem.text().startswith("Das Passwort wurde nicht angenommen")
        assert first.password.echoMode() == first.password.EchoMode.Password
        assert first.password.accessibleName() == "Passwort"
        assert command.synced is not None and reported[0].startswith("Abgleich abgeschlossen.")
    assert "Im Saal beschlossen" in _titles(reg.url, taken["meeting"])
    with open_store(reg.url, create=False) as server:
        assert reservation_of(server, taken["meeting"]) is None  # given back by the sync
    database = reg.url.rsplit("/", 1)[1]
    login = Connection("127.0.0.1", reg.cluster.port, database, taken["koordination"])
    assert pgpass.stored_password(login, no_password) == PASSWORD
    # Next time the password file answers: no question.
    with open_store(replica) as store:
        assert SyncCommand(None, AppContext(store)).run() is None  # type: ignore[arg-type]
    assert len(seen) == 2 and len(reported) == 2


def test_cancelling_the_password_question_changes_nothing(
    reg: Register, taken: dict[str, str], no_password: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    replica = Path(taken["replica"])
    with open_store(replica) as store:
        agenda.update_agenda_item(store, taken["item"], title="Im Saal beschlossen")
    before = _state(replica)
    seen = _answer(monkeypatch, qtbot, [None])
    reported = _reports(monkeypatch)
    with open_store(replica) as store:
        context = AppContext(store)
        errors: list[str] = []
        context.error.connect(errors.append)
        assert SyncCommand(None, context).run() is None  # type: ignore[arg-type]
    assert len(seen) == 1 and reported == []
    assert errors == [
        "Abgebrochen: ohne Passwort wurde nicht abgeglichen; die Replik ist unverändert."
    ]
    assert _state(replica) == before
    assert "Im Saal beschlossen" not in _titles(reg.url, taken["meeting"])
    with open_store(reg.url, create=False) as server:
        assert reservation_of(server, taken["meeting"]) is not None  # still out
    assert not no_password.exists()
    assert json.loads(before)["taken"]  # the replica still has the meeting


def test_the_password_question_wants_a_password_and_is_reached_by_keyboard(
    qtbot: QtBot, no_password: Path
) -> None:
    dialog = PasswordDialog(None, Connection("db.bezirk.example", 5432, "sromod", "anna"), False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.password  # the cursor starts in the password
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter: the default button, Abgleichen
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.problem.text() == "Bitte geben Sie das Passwort ein."
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.remember
    assert dialog.remember.text().replace("&", "").startswith("Passwort merken")
