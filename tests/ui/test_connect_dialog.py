"""Datei → Mit Register verbinden…: the dialog, the password file, refusals and the offer of a file."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sromod.app import configure_logging
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store, pgpass
from sromod.store.address import Connection
from sromod.ui import connecting
from sromod.ui.context import AppContext
from sromod.ui.dialogs.connect_dialog import ConnectDialog
from sromod.ui.errors import crash_details
from sromod.ui.main_window import MainWindow
from sromod.ui.settings import UiSettings
from tests.pg_cluster import free_port
from tests.pg_tls import DATABASE, LOGIN, PASSWORD, TlsServer


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(store: Store, settings: UiSettings, qtbot: QtBot) -> Iterator[MainWindow]:
    made = MainWindow(AppContext(store), settings)
    qtbot.addWidget(made)
    made.show()
    yield made
    if made.context.store is not store:
        made.context.store.close()


@pytest.fixture
def passfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pgpass.conf"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def app_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's own log (configure_logging), in a file of this test's alone.

    The session's log file is shared with the command-line tests' subprocesses, which may rotate
    it under this process: read by its name, it need not hold what this process wrote.
    """
    import sromod.app

    root = logging.getLogger()
    before = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    for handler in before:
        root.removeHandler(handler)
    monkeypatch.setattr(sromod.app, "log_dir", lambda: tmp_path / "protokoll")
    path = configure_logging()
    mine = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    try:
        yield path
    finally:
        for handler in mine:
            root.removeHandler(handler)
            handler.close()
        for handler in before:
            root.addHandler(handler)


def fill_in(qtbot: QtBot, dialog: ConnectDialog, fields: dict[str, str]) -> None:
    """Type like a user: clear each field, type the value; ticks and choices by their widgets."""
    for name, value in fields.items():
        widget = getattr(dialog, name)
        if name == "port":
            widget.setValue(int(value))
        elif name == "sslmode":
            widget.setCurrentIndex(widget.findData(value))
        elif name == "remember":
            widget.setChecked(value == "ja")
        else:
            widget.clear()
            for char in value:  # QTest types ASCII only; an umlaut arrives as an input method's
                if char.isascii():
                    qtbot.keyClicks(widget, char)
                else:
                    widget.insert(char)


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, *answers: dict[str, str]
) -> list[ConnectDialog]:
    """Each time the dialog opens, it is filled with the next answer and "Verbinden" clicked."""
    seen: list[ConnectDialog] = []
    pending = list(answers)

    def exec_(dialog: ConnectDialog) -> int:
        seen.append(dialog)
        if not pending:
            return QDialog.DialogCode.Rejected.value
        fill_in(qtbot, dialog, pending.pop(0))
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(ConnectDialog, "exec", exec_)
    return seen


def answer_offer(monkeypatch: pytest.MonkeyPatch, button_text: str) -> list[str]:
    """The refusal box: its text is kept, the button with this text is clicked."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return 0
        raise AssertionError(f"{button_text!r} fehlt: {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def server_answers(server: TlsServer, **changes: str) -> dict[str, str]:
    answers = {
        "host": "127.0.0.1",
        "port": str(server.port),
        "database": DATABASE,
        "user": LOGIN,
        "password": PASSWORD,
        "remember": "nein",
        "sslmode": "verify-full",
        "ca_file": str(server.ca_file),
    }
    answers.update(changes)
    return answers


def test_every_field_has_a_name_a_label_and_is_reached_by_tab(
    qtbot: QtBot, settings: UiSettings
) -> None:
    dialog = ConnectDialog(None, settings.register_connection())
    qtbot.addWidget(dialog)
    dialog.show()
    fields: list[QWidget] = [
        dialog.host, dialog.port, dialog.database, dialog.user, dialog.password,
        dialog.remember, dialog.sslmode, dialog.ca_file, dialog.choose_ca,
    ]  # fmt: skip
    names = {w.accessibleName() or getattr(w, "text", lambda: "")() for w in fields}
    assert "" not in names
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for field in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password):
        assert field in buddies
    assert dialog.ca_file in buddies
    reached = []
    dialog.host.setFocus()
    for _ in range(len(fields) + 3):
        reached.append(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert all(field in reached for field in fields)


def test_missing_answers_get_one_sentence_and_the_dialog_stays(
    qtbot: QtBot, settings: UiSettings, tmp_path: Path
) -> None:
    dialog = ConnectDialog(None, None)
    qtbot.addWidget(dialog)
    fill_in(qtbot, dialog, {"host": "db.bezirk.example", "user": "", "database": "sromod"})
    dialog.try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.problem.text() == "Bitte geben Sie Server, Datenbank und Benutzernamen ein."
    fill_in(qtbot, dialog, {"user": "anna", "sslmode": "verify-full"})
    dialog.try_accept()
    assert dialog.problem.text() == "Zum Prüfen des Zertifikats wählen Sie bitte die CA-Datei aus."
    fill_in(qtbot, dialog, {"ca_file": str(tmp_path / "fehlt.crt")})
    dialog.try_accept()
    assert "gibt es nicht" in dialog.problem.text()


def test_connecting_through_the_menu_opens_the_register_and_remembers_all_but_the_password(
    window: MainWindow,
    tls_server: TlsServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    passfile: Path,
    settings: UiSettings,
) -> None:
    answer_dialog(monkeypatch, qtbot, server_answers(tls_server))
    window.menu_actions.connect_register.trigger()
    store = window.context.store
    assert store.path is None and store.server is not None
    assert window.windowTitle() == f"sromod – {DATABASE} auf 127.0.0.1"
    settings.sync()
    written = Path(QSettings_file(settings)).read_text(encoding="utf-8")
    assert "127.0.0.1" in written and "verify-full" in written and LOGIN in written
    assert PASSWORD not in written and "Ge:heim" not in written
    assert not passfile.exists()  # "Passwort merken" was not ticked
    # Next time the dialog starts with what was used.
    again = ConnectDialog(None, settings.register_connection())
    qtbot.addWidget(again)
    assert again.connection() == Connection(
        "127.0.0.1", tls_server.port, DATABASE, LOGIN, "verify-full", str(tls_server.ca_file)
    )
    assert again.password.text() == ""


def QSettings_file(settings: UiSettings) -> str:
    return str(settings._settings.fileName())


def test_a_remembered_password_goes_to_the_password_file_and_is_used_next_time(
    window: MainWindow,
    tls_server: TlsServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    passfile: Path,
) -> None:
    answer_dialog(
        monkeypatch,
        qtbot,
        server_answers(tls_server, remember="ja"),
        server_answers(tls_server, password="", remember="ja"),
    )
    window.menu_actions.connect_register.trigger()
    connection = Connection(
        "127.0.0.1", tls_server.port, DATABASE, LOGIN, "verify-full", str(tls_server.ca_file)
    )
    assert pgpass.stored_password(connection) == PASSWORD
    first = window.context.store
    window.menu_actions.connect_register.trigger()  # no password typed: the file's is used
    assert window.context.store is not first and window.context.store.server is not None


def test_a_wrong_password_gives_one_sentence_and_the_last_local_file_opens_instead(
    window: MainWindow,
    tls_server: TlsServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    passfile: Path,
    settings: UiSettings,
    tmp_path: Path,
    app_log: Path,
) -> None:
    log_file = app_log
    local = tmp_path / "Laptop Jürgen.db"
    open_store(local, initialise=load_reference_data).close()
    settings.set_last_local_store(local)
    answer_dialog(monkeypatch, qtbot, server_answers(tls_server, password="Falsch:Wort-77"))
    shown = answer_offer(monkeypatch, "„Laptop Jürgen.db“ öffnen")
    window.menu_actions.connect_register.trigger()
    assert shown == [
        f"Der Server postgresql://{LOGIN}:***@127.0.0.1:{tls_server.port}/{DATABASE} hat die "
        "Anmeldung abgelehnt (Name oder Passwort falsch)."
    ]
    assert window.context.store.path == local
    settings.sync()
    for written in (log_file, Path(QSettings_file(settings))):
        text = written.read_text(encoding="utf-8")
        assert "Falsch:Wort-77" not in text and "Falsch%3AWort-77" not in text


def test_a_closed_port_offers_to_choose_a_file(
    window: MainWindow,
    tls_server: TlsServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    answer_dialog(
        monkeypatch, qtbot, server_answers(tls_server, port=str(free_port()), sslmode="prefer")
    )
    shown = answer_offer(monkeypatch, "Datenbankdatei wählen…")
    chosen: list[bool] = []
    monkeypatch.setattr(window.store_switcher, "open_database", lambda: chosen.append(True))
    before = window.context.store
    window.menu_actions.connect_register.trigger()
    assert len(shown) == 1 and "ist nicht erreichbar" in shown[0]
    assert chosen == [True] and window.context.store is before


def test_an_unexpected_failure_leaves_the_password_out_of_log_and_crash_report(
    window: MainWindow,
    tls_server: TlsServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    app_log: Path,
) -> None:
    log_file = app_log
    failures: list[BaseException] = []

    def broken(address: object, _progress: object) -> None:
        try:
            raise RuntimeError(f"driver said: cannot use {address.url!r}")  # type: ignore[attr-defined]
        except RuntimeError as exc:
            failures.append(exc)
            raise

    monkeypatch.setattr(connecting, "_open", broken)
    answer_dialog(monkeypatch, qtbot, server_answers(tls_server, password="Nie-Im-Log-5"))
    shown = answer_offer(monkeypatch, "Abbrechen")
    window.menu_actions.connect_register.trigger()
    assert shown == ["Der Vorgang ist fehlgeschlagen; Einzelheiten stehen im Protokoll."]
    written = log_file.read_text(encoding="utf-8")
    assert "driver said" in written and "Nie-Im-Log-5" not in written
    exc = failures[0]
    report = crash_details(type(exc), exc, exc.__traceback__)
    assert "RuntimeError" in report and "Nie-Im-Log-5" not in report
