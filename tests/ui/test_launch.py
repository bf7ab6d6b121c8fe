"""The start: one window at once, the bodies read ahead, the store opened after the first paint.

Also: a step taken before the store is open waits for it and then runs; a refusal is one
sentence with an offer of a file instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sromod.models import BodyKind
from sromod.services import bodies
from sromod.services.reference import load_reference_data
from sromod.store import open_store
from sromod.store.address import Connection, ServerAddress
from sromod.ui.dialogs.body_dialog import BodyDialog
from sromod.ui.dialogs.connect_dialog import ConnectDialog
from sromod.ui.launch import Launch
from sromod.ui.main_window import MainWindow
from sromod.ui.settings import UiSettings
from tests.pg_cluster import free_port
from tests.pg_tls import DATABASE, LOGIN, PASSWORD, TlsServer
from tests.ui.test_connect_dialog import answer_offer, fill_in


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def local(tmp_path: Path) -> Path:
    """A laptop's file with two bodies in it, one with a meeting."""
    path = tmp_path / "Laptop Jürgen.db"
    with open_store(path, initialise=load_reference_data) as store:
        body = bodies.create_body(store, "AG Sozialraum", "AG SR")
        bodies.create_body(store, "Steuerungsrunde Nord", "StR Nord")
        from datetime import date

        from sromod.services import meetings

        meetings.plan_meeting(store, body, date(2026, 12, 3))
    return path


def opened_store(location: Any) -> Any:
    return open_store(location, initialise=load_reference_data, daily_backup=False)


class SlowOpener:
    """Opens the store only when the test lets it: a server (or a big file) that takes its time."""

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
        launch.window.close()
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


def listed(window: MainWindow) -> list[str]:
    bodies_list = window.bodies.body_list
    return [bodies_list.item(row).text() for row in range(bodies_list.count())]


def shown_windows() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]


def opening(
    launches: list[Launch], qtbot: QtBot, settings: UiSettings, location: Any
) -> tuple[SlowOpener, Launch]:
    """A start whose store is being opened (in a worker) until the test lets the opener go."""
    opener = SlowOpener()
    launch = start(launches, qtbot, settings, location, opener)
    qtbot.waitUntil(lambda: opener.called_in is not None)
    return opener, launch


def test_one_window_shows_the_bodies_at_once_and_fills_when_the_store_is_open(
    qtbot: QtBot, settings: UiSettings, local: Path, launches: list[Launch]
) -> None:
    opener, launch = opening(launches, qtbot, settings, local)
    window = launch.window
    # The opener waits in a worker; the window is shown, says what it does, and takes events.
    assert opener.called_in is not threading.main_thread()
    assert window.isVisible() and not launch.ready
    assert shown_windows() == [window]  # one top-level window, from the first paint on
    assert window.statusBar().currentMessage() == "Die Datenbank „Laptop Jürgen.db“ wird geöffnet …"
    # The bodies read ahead from the file, in the service's order, the first one chosen.
    assert listed(window) == ["AG SR – AG Sozialraum", "StR Nord – Steuerungsrunde Nord"]
    assert window.bodies.body_title.text() == "AG Sozialraum (AG SR)"
    empty = window.bodies.meetings_area.empty
    assert window.bodies.meetings_area.is_empty()
    assert empty.title.text() == "Die Sitzungen werden geladen …" and not empty.button.isVisible()
    assert window.windowTitle() == "sromod"
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.width() == 900)
    opener.go.set()
    qtbot.waitUntil(lambda: launch.ready)
    assert shown_windows() == [window]  # the same window, now with the store
    assert window.context.store.path == local
    assert window.bodies.meetings_model.rowCount() == 1  # the chosen body's meeting
    assert not window.bodies.meetings_area.is_empty()
    assert window.statusBar().currentMessage() == "Bereit."
    assert window.windowTitle() == "sromod – Laptop Jürgen.db"
    assert settings.last_local_store() == local


def test_a_step_taken_before_the_store_is_open_waits_for_it_and_then_runs(
    qtbot: QtBot,
    settings: UiSettings,
    local: Path,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values = {"name": "Kiezrunde Adlershof", "short_name": "KR Adl", "kind": BodyKind.OTHER}
    monkeypatch.setattr(BodyDialog, "ask", classmethod(lambda cls, *a: dict(values)))
    opener, launch = opening(launches, qtbot, settings, local)
    window = launch.window
    seen: list[tuple[Any, str]] = []

    def while_waiting() -> None:  # what the user sees while the step waits
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        opener.go.set()

    QTimer.singleShot(200, while_waiting)
    qtbot.mouseClick(window.bodies.new_body_button, Qt.MouseButton.LeftButton)
    # The click returned only after the store opened and the body was created in it.
    assert launch.ready
    assert seen == [
        (
            Qt.CursorShape.WaitCursor,
            "Die Datenbank „Laptop Jürgen.db“ wird geöffnet … Ihr Schritt folgt gleich danach.",
        )
    ]
    assert QApplication.overrideCursor() is None
    assert "KR Adl" in [b.short_name for b in bodies.list_bodies(window.context.store)]
    assert "KR Adl – Kiezrunde Adlershof" in listed(window)
    assert window.context.undo_stack.count() == 1  # one undoable step, nothing lost or doubled


def test_a_page_asked_for_before_the_store_is_open_is_shown_once_it_is(
    qtbot: QtBot, settings: UiSettings, local: Path, launches: list[Launch]
) -> None:
    opener, launch = opening(launches, qtbot, settings, local)
    window = launch.window
    QTimer.singleShot(100, opener.go.set)
    window.go_to_page(1)  # Strg+2: the task register
    assert launch.ready and window.current_page_key() == "tasks"
    assert window.nav.currentRow() == 1


@pytest.mark.parametrize("kind", ["beschädigt", "neuer", "gesperrt"])
def test_a_store_that_cannot_be_opened_says_why_and_shows_nothing_of_it(
    qtbot: QtBot,
    settings: UiSettings,
    local: Path,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
) -> None:
    path = Path(shutil.copy(local, tmp_path / f"{kind}.db"))
    holder = None
    if kind == "beschädigt":
        path.write_bytes(path.read_bytes()[:5000])
    elif kind == "neuer":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    else:
        holder = opened_store(path)
    shown = answer_offer(monkeypatch, "Abbrechen")
    try:
        launch = start(launches, qtbot, settings, path, opened_store)
        with qtbot.waitSignal(launch.starter.given_up, timeout=20_000):
            pass
    finally:
        if holder is not None:
            holder.close()
    expected = {
        "beschädigt": "ist beschädigt (unvollständig oder fehlerhaft)",
        "neuer": "wurde mit einer neueren sromod-Version angelegt",
        "gesperrt": "ist bereits in sromod geöffnet von",
    }[kind]
    assert len(shown) == 1 and expected in shown[0]
    window = launch.window
    assert not launch.ready and listed(window) == []
    assert window.bodies.meetings_area.empty.hint.text() == shown[0]
    assert window.statusBar().currentMessage() == "Nicht verbunden."


def test_a_damaged_file_is_not_called_a_register_nor_offered_again(
    qtbot: QtBot,
    settings: UiSettings,
    local: Path,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = Path(shutil.copy(local, tmp_path / "Protokolle Köpenick.db"))
    path.write_bytes(path.read_bytes()[:5000])
    settings.set_last_local_store(path)  # the file opened last is the one that is damaged now
    boxes: list[tuple[str, set[str]]] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append((box.windowTitle(), {b.text().replace("&", "") for b in box.buttons()}))
        next(b for b in box.buttons() if b.text() == "Abbrechen").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    launch = start(launches, qtbot, settings, path, opened_store)
    with qtbot.waitSignal(launch.starter.given_up, timeout=20_000):
        pass
    assert boxes == [
        (
            "Datenbank nicht geöffnet",
            {"Datenbankdatei wählen…", "Mit Register verbinden…", "Abbrechen"},
        )
    ]
    assert path.stat().st_size == 5000  # nothing written to it


def test_a_server_says_whom_it_connects_to_while_it_waits(
    qtbot: QtBot, settings: UiSettings, launches: list[Launch], local: Path
) -> None:
    opener = SlowOpener(instead=local)
    address = ServerAddress("postgresql://anna:geheim-1@db.bezirk.example:5432/sromod")
    launch = start(launches, qtbot, settings, address, opener)
    qtbot.waitUntil(lambda: opener.called_in is not None)
    assert (
        launch.window.statusBar().currentMessage()
        == "Verbindung zu sromod auf db.bezirk.example wird hergestellt …"
    )
    assert listed(launch.window) == []  # nothing is read ahead from a server
    assert launch.window.bodies.meetings_area.empty.title.text() == "Die Datenbank wird geöffnet …"
    assert launch.window.bodies.body_title.text() == ""  # not "no body yet": not known yet
    # the login's role is not known yet: nothing for changing is offered, no note says why
    actions = launch.window.menu_actions
    assert not actions.plan_meeting.isVisible() and not actions.release.isVisible()
    assert not actions.restore.isVisible()  # a register is not restored from a file here
    assert launch.window.role_note.isHidden()
    opener.go.set()
    qtbot.waitUntil(lambda: launch.ready)
    assert len(listed(launch.window)) == 2
    assert actions.plan_meeting.isVisible()  # the store answered: everything may be changed
    assert actions.restore.isVisible()  # and it is a file (the opener's stand-in)


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
    qtbot.waitUntil(lambda: launch.ready, timeout=20_000)
    assert len(shown) == 1 and "ist nicht erreichbar" in shown[0] and "geheim-2" not in shown[0]
    assert launch.window.context.store.path == local
    assert len(listed(launch.window)) == 2
    assert launch.window.statusBar().currentMessage() == "Bereit."


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
    qtbot.waitUntil(lambda: launch.ready, timeout=20_000)
    assert shown == [
        f"Der Server postgresql://{LOGIN}:***@127.0.0.1:{tls_server.port}/{DATABASE} hat die "
        "Anmeldung abgelehnt (Name oder Passwort falsch)."
    ]
    assert launch.window.context.store.server is not None
    assert (tmp_path / "pgpass.conf").read_text(encoding="utf-8").count(LOGIN) == 1


def test_giving_up_after_a_refusal_ends_the_start(
    qtbot: QtBot, settings: UiSettings, launches: list[Launch], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = answer_offer(monkeypatch, "Abbrechen")
    address = ServerAddress(f"postgresql://anna@127.0.0.1:{free_port()}/sromod")
    launch = start(launches, qtbot, settings, address, opened_store)
    with qtbot.waitSignal(launch.starter.given_up, timeout=20_000):
        pass
    assert not launch.ready and launch.open_store() is None
    # The sentence stays in the window, nothing moves any more.
    empty = launch.window.bodies.meetings_area.empty
    assert empty.title.text() == "Nicht geöffnet" and empty.hint.text() == shown[0]
    assert launch.window.statusBar().currentMessage() == "Nicht verbunden."


# Builds the window as `sromod` does and notes at each of its paints whether SQLAlchemy is loaded
# and how many bodies the list shows; the store opens in the worker after the filled paint.
PAINTS_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sromod import app as sromod_app
from sromod.ui.launch import Launch
from sromod.ui.settings import UiSettings

qt_app = sromod_app._application()
settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
launch = Launch(settings, Path(sys.argv[1]), sromod_app._open_for_window)
seen = []

def painted():
    seen.append(("sqlalchemy" in sys.modules, launch.window.bodies.body_list.count(), launch.ready))
    if launch.ready:
        QApplication.quit()

launch.window.painted.connect(painted)
launch.show()
qt_app.exec()
print(seen)
launch.open_store().close()
"""


def test_the_window_paints_and_shows_the_bodies_before_sqlalchemy_is_imported(
    local: Path, tmp_path: Path
) -> None:
    """Everything up to the filled window imports no SQLAlchemy (half a second on a laptop)."""
    done = subprocess.run(
        [sys.executable, "-c", PAINTS_SCRIPT, str(local), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)),
    )
    assert done.returncode == 0, done.stderr
    seen = eval(done.stdout.strip().splitlines()[-1])  # our own script's list
    assert seen[0] == (False, 0, False)  # the first paint: the window, nothing imported
    assert (False, 2, False) in seen  # the bodies read ahead, still nothing imported
    assert seen[-1] == (True, 2, True)  # the store open


def test_the_command_line_and_the_window_start_without_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import sromod.cli, sromod.app, sromod.ui.launch, sromod.ui.settings\n"
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
    qtbot.waitUntil(lambda: launch.ready, timeout=20_000)
    assert launch.window.context.store.path == default


def test_a_store_still_opening_when_the_app_ends_is_closed_not_left_locked(
    qtbot: QtBot, settings: UiSettings, local: Path, launches: list[Launch]
) -> None:
    opener, launch = opening(launches, qtbot, settings, local)
    threading.Timer(0.2, opener.go.set).start()
    launch.starter.abandon()  # what run_app does after its event loop ended
    assert not launch.ready
    with open_store(local, daily_backup=False) as again:  # no "bereits geöffnet": let go
        assert len(bodies.list_bodies(again)) == 2


def test_the_first_screen_is_read_in_the_worker_that_opens_the_store(
    qtbot: QtBot,
    settings: UiSettings,
    local: Path,
    launches: list[Launch],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's thread does not stop for the first screen's queries once the store is open."""
    from sromod.services import meetings, overview

    asked_in: dict[str, list[threading.Thread]] = {}
    for module, name in (
        (bodies, "list_bodies"),
        (meetings, "list_meetings"),
        (overview, "next_meetings"),
    ):
        real = getattr(module, name)

        def recording(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            asked_in.setdefault(_name, []).append(threading.current_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, recording)
    launch = start(launches, qtbot, settings, local, opened_store)
    qtbot.waitUntil(lambda: launch.ready)
    assert set(asked_in) == {"list_bodies", "list_meetings", "next_meetings"}
    assert all(threading.main_thread() not in threads for threads in asked_in.values())
    window = launch.window
    assert listed(window) == ["AG SR – AG Sozialraum", "StR Nord – Steuerungsrunde Nord"]
    assert window.bodies.meetings_model.rowCount() == 1  # the first body's meeting, shown
    assert [e.body_short_name for e in window.bodies.next_meetings.entries] == ["AG SR"]
    # Asked once: later questions go to the store again.
    window.bodies.reload_bodies()
    assert asked_in["list_bodies"][-1] is threading.main_thread()
