"""The start: a window at once, the store opened after its first paint, a refusal with an offer."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sromod.services import bodies
from sromod.services.reference import load_reference_data
from sromod.store import open_store
from sromod.store.address import Connection, ServerAddress
from sromod.ui.dialogs.connect_dialog import ConnectDialog
from sromod.ui.main_window import MainWindow
from sromod.ui.settings import UiSettings
from sromod.ui.start_window import Launch
from tests.pg_cluster import free_port
from tests.pg_tls import DATABASE, LOGIN, PASSWORD, TlsServer
from tests.ui.test_connect_dialog import answer_offer, fill_in


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def local(tmp_path: Path) -> Path:
    """A laptop's file with one body in it."""
    path = tmp_path / "Laptop Jürgen.db"
    with open_store(path, initialise=load_reference_data) as store:
        bodies.create_body(store, "AG Sozialraum", "AG SR")
    return path


def opened_store(location: Any) -> Any:
    return open_store(location, initialise=load_reference_data, daily_backup=False)


class SlowOpener:
    """Opens the store only when the test lets it: a server that takes its time."""

    def __init__(self, instead: Path | None = None) -> None:
        self.go = threading.Event()
        self.called_in: threading.Thread | None = None
        self.instead = instead  # the store it opens in the end (a made-up server has none)

    def __call__(self, location: Any) -> Any:
        self.called_in = threading.current_thread()
        assert self.go.wait(30), "the test never let the opener go on"
        return opened_store(self.instead or location)


@pytest.fixture
def launches(qtbot: QtBot) -> Iterator[list[Launch]]:
    made: list[Launch] = []
    yield made
    for launch in made:
        for window in (launch.window, launch.main):
            if window is not None:
                window.close()
        if launch.open_store() is not None:
            launch.open_store().close()


def start(
    launches: list[Launch], qtbot: QtBot, settings: UiSettings, location: Any, opener: Any
) -> Launch:
    launch = Launch(settings, location, opener)
    launches.append(launch)
    qtbot.addWidget(launch.window)
    launch.show()
    return launch


def test_the_window_paints_first_and_stays_responsive_while_the_store_opens(
    qtbot: QtBot, settings: UiSettings, local: Path, launches: list[Launch]
) -> None:
    opener = SlowOpener()
    launch = start(launches, qtbot, settings, local, opener)
    qtbot.waitUntil(lambda: opener.called_in is not None)
    # The opener waits in a worker; the window is shown, says what it does, and takes events.
    assert opener.called_in is not threading.main_thread()
    assert launch.window.isVisible() and launch.main is None
    assert launch.window.status.text() == "Die Datenbank „Laptop Jürgen.db“ wird geöffnet …"
    assert launch.window.bar.isVisible() and launch.window.bar.maximum() == 0  # busy
    launch.window.resize(900, 600)
    qtbot.waitUntil(lambda: launch.window.canvas.width() > 0 and launch.window.width() == 900)
    opener.go.set()
    qtbot.waitUntil(lambda: launch.main is not None and launch.main.isVisible())
    main = launch.main
    assert isinstance(main, MainWindow)
    qtbot.addWidget(main)
    assert not launch.window.isVisible()
    assert main.context.store.path == local
    assert main.bodies.body_list.count() >= 1
    assert settings.last_local_store() == local


def test_a_server_says_whom_it_connects_to_while_it_waits(
    qtbot: QtBot, settings: UiSettings, launches: list[Launch], local: Path
) -> None:
    opener = SlowOpener(instead=local)
    address = ServerAddress("postgresql://anna:geheim-1@db.bezirk.example:5432/sromod")
    launch = start(launches, qtbot, settings, address, opener)
    qtbot.waitUntil(lambda: opener.called_in is not None)
    assert (
        launch.window.status.text()
        == "Verbindung zu sromod auf db.bezirk.example wird hergestellt …"
    )
    opener.go.set()
    qtbot.waitUntil(lambda: launch.main is not None)
    qtbot.addWidget(launch.main)


def test_a_server_that_is_down_at_start_offers_the_last_local_file(
    qtbot: QtBot,
    settings: UiSettings,
    local: Path,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.set_last_local_store(local)
    shown = answer_offer(monkeypatch, "„Laptop Jürgen.db“ öffnen")
    address = ServerAddress(f"postgresql://anna:geheim-2@127.0.0.1:{free_port()}/sromod")
    launch = start(launches, qtbot, settings, address, opened_store)
    qtbot.waitUntil(lambda: launch.main is not None, timeout=20_000)
    assert len(shown) == 1 and "ist nicht erreichbar" in shown[0] and "geheim-2" not in shown[0]
    assert launch.main.context.store.path == local
    qtbot.addWidget(launch.main)


def test_a_refused_login_at_start_can_be_tried_again_and_remembered(
    qtbot: QtBot,
    settings: UiSettings,
    tls_server: TlsServer,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass.conf"))
    shown = answer_offer(monkeypatch, "Erneut verbinden…")

    def exec_(dialog: ConnectDialog) -> int:
        assert dialog.host.text() == "127.0.0.1" and dialog.user.text() == LOGIN
        fill_in(qtbot, dialog, {"password": PASSWORD, "remember": "ja"})
        dialog.try_accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ConnectDialog, "exec", exec_)
    wrong = Connection("127.0.0.1", tls_server.port, DATABASE, LOGIN).address("falsch-3")
    launch = start(launches, qtbot, settings, wrong, opened_store)
    qtbot.waitUntil(lambda: launch.main is not None, timeout=20_000)
    qtbot.addWidget(launch.main)
    assert shown == [
        f"Der Server postgresql://{LOGIN}:***@127.0.0.1:{tls_server.port}/{DATABASE} hat die "
        "Anmeldung abgelehnt (Name oder Passwort falsch)."
    ]
    assert launch.main.context.store.server is not None
    assert (tmp_path / "pgpass.conf").read_text(encoding="utf-8").count(LOGIN) == 1


def test_giving_up_after_a_refusal_ends_the_start(
    qtbot: QtBot, settings: UiSettings, launches: list[Launch], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = answer_offer(monkeypatch, "Abbrechen")
    address = ServerAddress(f"postgresql://anna@127.0.0.1:{free_port()}/sromod")
    launch = start(launches, qtbot, settings, address, opened_store)
    with qtbot.waitSignal(launch.starter.given_up, timeout=20_000):
        pass
    assert launch.main is None and launch.open_store() is None
    # The sentence stays in the window, nothing moves any more.
    assert launch.window.status.text() == shown[0]
    assert launch.window.statusBar().currentMessage() == "Nicht verbunden."
    assert not launch.window.bar.isVisible()


def test_the_start_paints_before_the_database_machinery_is_imported() -> None:
    """What runs before the first paint imports no SQLAlchemy (half a second on a laptop)."""
    code = (
        "import sys\n"
        "import sromod.cli, sromod.app, sromod.ui.start_window, sromod.ui.settings\n"
        "from sromod.cli import store_location\n"
        "store_location('postgresql://anna@db/sromod')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_without_a_last_file_the_laptops_default_store_is_offered(
    qtbot: QtBot, settings: UiSettings, launches: list[Launch], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sromod.store.location import default_store_path

    default = default_store_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    if not default.exists():
        open_store(default, initialise=load_reference_data).close()
    assert settings.last_local_store() is None
    answer_offer(monkeypatch, f"„{default.name}“ öffnen")
    address = ServerAddress(f"postgresql://anna@127.0.0.1:{free_port()}/sromod")
    launch = start(launches, qtbot, settings, address, opened_store)
    qtbot.waitUntil(lambda: launch.main is not None, timeout=20_000)
    qtbot.addWidget(launch.main)
    assert launch.main.context.store.path == default
