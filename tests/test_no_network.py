"""No network, ever: store, demo, check, backup, restore and exports run with sockets forbidden."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sromod import cli
from sromod.services.reference import load_reference_data
from sromod.store import open_store

ROOT = Path(__file__).resolve().parents[1]

FORBID = """
import socket, sys

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise RuntimeError("Netzwerkzugriff in sromod")

socket.socket = NoSocket
socket.create_connection = NoSocket
socket.getaddrinfo = NoSocket
from sromod.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


class NetworkUsed(RuntimeError):
    pass


def _forbidden(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkUsed("Netzwerkzugriff in sromod")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoSocket(socket.socket):
        def __init__(self, *_args: Any, **_kwargs: Any) -> None:
            raise NetworkUsed("Netzwerkzugriff in sromod")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", _forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", _forbidden)


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def test_store_and_command_line_work_without_network(
    no_network: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NetworkUsed):
        socket.socket()  # the guard is in place
    open_store(tmp_path / "neu.db", initialise=load_reference_data).close()
    demo = tmp_path / "demo.db"
    assert cli.main(["demo", "--db", str(demo)]) == 0
    assert cli.main(["check", "--db", str(demo)]) == 0
    assert cli.main(["backup", "--db", str(demo), "--out", str(tmp_path / "b.sqlite")]) == 0
    assert cli.main(["restore", "--db", str(demo), "--from", str(tmp_path / "b.sqlite")]) == 0
    minutes = tmp_path / "protokoll.docx"
    assert cli.main(["export", "minutes", "--db", str(demo), "--meeting", "AG SRO/1",
                     "--out", str(minutes)]) == 0  # fmt: skip
    tasks = tmp_path / "aufgaben.xlsx"
    assert (
        cli.main(["export", "tasks", "--db", str(demo), "--office", "Jug", "--out", str(tasks)])
        == 0
    )
    assert minutes.stat().st_size > 0 and tasks.stat().st_size > 0
    for kind, module in (
        ("invitation", "sromod.exports.invitation_docx"),
        ("attendance", "sromod.exports.attendance_docx"),
        ("ics", "sromod.exports.ics"),
    ):
        if _has(module):
            out = tmp_path / f"{kind}.out"
            assert cli.main(["export", kind, "--db", str(demo), "--meeting", "AG SRO/1",
                             "--out", str(out)]) == 0  # fmt: skip
    if _has("sromod.services.task_import"):
        assert cli.main(["import", "tasks", "--db", str(demo), str(tasks), "--dry-run"]) == 0
    assert "Netzwerk" not in capsys.readouterr().err


@pytest.mark.skipif(not _has("sromod.ui.main_window"), reason="main window not built yet")
def test_window_starts_without_network(tmp_path: Path) -> None:
    db = tmp_path / "fenster.db"
    result = subprocess.run(
        [sys.executable, "-c", FORBID, "--db", str(db), "--startup-probe"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) > 0
