"""Commands that only read take no lock: they work while the window is open and beside another
command; writers wait for a command and refuse the window clearly (issue 13, point 7)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from sqlalchemy import text

from sromod.cli import main
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.store.lock import COMMAND, StoreLock
from tests.services.register_data import build_register
from tests.services.test_task_import import _edit

READ_ONLY = {
    "minutes": ["export", "minutes", "--meeting", "AG SRO/1", "--out", "p.docx"],
    "excerpt": ["export", "excerpt", "--meeting", "AG SRO/1", "--office", "Jug", "--out", "a.docx"],
    "invitation": ["export", "invitation", "--meeting", "AG SRO/1", "--out", "e.docx"],
    "attendance": ["export", "attendance", "--meeting", "AG SRO/1", "--out", "l.docx"],
    "ics": ["export", "ics", "--meeting", "AG SRO/1", "--out", "t.ics"],
    "tasks": ["export", "tasks", "--office", "Jug", "--out", "j.xlsx"],
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("vorlage") / "Sitzungen.db"
    with open_store(path, initialise=load_reference_data) as store:
        task_ids = build_register(store).task_ids
    return path, task_ids


@pytest.fixture
def db(filled: tuple[Path, list[str]], tmp_path: Path) -> Path:
    path = tmp_path / "Sitzungen.db"
    path.write_bytes(filled[0].read_bytes())
    return path


def _args(db: Path, words: list[str], folder: Path) -> list[str]:
    out = words.index("--out") + 1 if "--out" in words else None
    args = [*words[:2], "--db", str(db), *words[2:]]
    if out is not None:
        args[out + 2] = str(folder / words[out])
    return args


def _edited_list(db: Path, task_ids: list[str], folder: Path) -> Path:
    """The task list as an office lead sends it back: the first task done."""
    with open_store(db) as store:
        from sromod.exports.api import export_tasks

        export_tasks(store, folder / "Liste.xlsx")
    return _edit(folder / "Liste.xlsx", folder / "Liste zurück.xlsx",
                 {task_ids[0]: {"Status": "erledigt"}})  # fmt: skip


def test_read_only_commands_work_while_the_window_has_the_store_open(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(db) as window:  # the window's lock, held for its whole life
        for words in READ_ONLY.values():
            assert main(_args(db, words, tmp_path)) == 0, capsys.readouterr().err
        assert (
            main(["import", "tasks", "--db", str(db), str(tmp_path / "j.xlsx"), "--dry-run"]) == 0
        )
        assert main(["check", "--db", str(db)]) == 0
        assert "in Ordnung" in capsys.readouterr().out
        # The window keeps working after them, its lock untouched.
        with window.unit_of_work() as session:
            session.execute(text("UPDATE tasks SET priority = priority"))
        assert window._lock is not None and window._lock.held
    minutes = "\n".join(p.text for p in Document(str(tmp_path / "p.docx")).paragraphs)
    assert "1. Sitzung" in minutes
    sheet = openpyxl.load_workbook(tmp_path / "j.xlsx", read_only=True)["Aufgaben"]
    assert (
        len([row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if row[0]])
        == 4
    )


def test_a_writer_refuses_clearly_while_the_window_has_the_store_open(
    db: Path, filled: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = _edited_list(db, filled[1], tmp_path)
    with open_store(db) as window:
        assert main(["import", "tasks", "--db", str(db), str(edited)]) == 1
        err = capsys.readouterr().err
        assert "ist bereits in sromod geöffnet von " in err
        assert "Schließen Sie sromod dort" in err and "Traceback" not in err
        assert tasks.get_task(window, filled[1][0]).status != TaskStatus.DONE


def test_a_writer_waits_for_another_command(
    db: Path, filled: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = _edited_list(db, filled[1], tmp_path)
    other = StoreLock(db, program=COMMAND)
    other.acquire()
    told = threading.Event()

    def release_when_told() -> None:
        told.wait(60)
        other.release()

    releaser = threading.Thread(target=release_when_told)
    releaser.start()
    import sromod.cli as cli

    original = cli._tell

    def tell(text: str) -> None:
        original(text)
        told.set()

    try:
        cli._tell = tell
        assert main(["import", "tasks", "--db", str(db), str(edited)]) == 0
    finally:
        cli._tell = original
        told.set()
        releaser.join()
    err = capsys.readouterr().err
    assert "wird gerade von einem anderen sromod-Befehl geändert" in err
    assert "wartet bis zu 60 Sekunden" in err
    with open_store(db) as store:
        assert tasks.get_task(store, filled[1][0]).status == TaskStatus.DONE


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sromod", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


@pytest.mark.parametrize("window_open", [False, True])
def test_four_exports_and_an_import_at_once(
    db: Path, filled: tuple[Path, list[str]], tmp_path: Path, window_open: bool
) -> None:
    edited = _edited_list(db, filled[1], tmp_path)
    window: Store | None = open_store(db) if window_open else None
    try:
        kinds = ("minutes", "tasks", "ics", "attendance")
        started = [_start(_args(db, READ_ONLY[k], tmp_path), tmp_path) for k in kinds]
        importer = _start(["import", "tasks", "--db", str(db), str(edited)], tmp_path)
        results = [(p.wait(timeout=180), *p.communicate()) for p in started]
        imported = (importer.wait(timeout=180), *importer.communicate())
    finally:
        if window is not None:
            window.close()
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    for name in ("p.docx", "j.xlsx", "t.ics", "l.docx"):
        assert (tmp_path / name).stat().st_size > 0
    code, out, err = imported
    with open_store(db) as store:
        status = tasks.get_task(store, filled[1][0]).status
    if window_open:
        assert code == 1 and "ist bereits in sromod geöffnet von " in err
        assert status != TaskStatus.DONE
    else:
        assert code == 0, err
        assert "1 Änderungen übernommen." in out or "1 Änderung übernommen." in out
        assert status == TaskStatus.DONE
