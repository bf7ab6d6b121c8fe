"""The command line: clear German errors, no tracebacks, the startup probe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sromod.cli import main
from sromod.exports.tasks_xlsx_layout import HEADER_ROW


def test_missing_store_is_one_german_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--db", str(tmp_path / "fehlt.db")])
    err = capsys.readouterr().err
    assert code != 0
    assert "Traceback" not in err and "fehlt.db" in err


def test_usage_errors_are_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "minutes", "--db", "x.db"])
    assert exit_info.value.code == 2
    assert "diese Angaben fehlen" in capsys.readouterr().err


def test_startup_probe_prints_seconds_and_exits(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "sromod", "--db", str(tmp_path / "neu.db"), "--startup-probe"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # The first painted window, the filled one, the open store: it opens after the first paint.
    # (A new file has no bodies to read ahead: filled comes with the open store.)
    painted, filled, opened = (float(line) for line in result.stdout.strip().splitlines())
    assert 0 < painted < filled <= opened
    assert (tmp_path / "neu.db").exists()


def test_demo_check_export_import_backup_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl
    from docx import Document

    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    assert "in Ordnung" in capsys.readouterr().out

    minutes = tmp_path / "protokoll.docx"
    assert (
        main(["export", "minutes", "--db", str(db), "--meeting", "AG SRO/3", "--out", str(minutes)])
        == 0
    )
    text = "\n".join(p.text for p in Document(str(minutes)).paragraphs)
    assert "3. Sitzung" in text

    tasks = tmp_path / "aufgaben.xlsx"
    assert main(["export", "tasks", "--db", str(db), "--office", "Jug", "--out", str(tasks)]) == 0
    sheet = openpyxl.load_workbook(tasks, read_only=True)["Aufgaben"]
    header = [c.value for c in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW))]
    amt = header.index("Amt")
    rows = sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    assert {row[amt] for row in rows if row[0]} == {"Jug"}

    capsys.readouterr()
    assert main(["import", "tasks", "--db", str(db), str(tasks), "--dry-run"]) == 0
    assert "Probelauf" in capsys.readouterr().out

    assert (
        main(
            [
                "export",
                "ics",
                "--db",
                str(db),
                "--meeting",
                "AG SRO/99",
                "--out",
                str(tmp_path / "x.ics"),
            ]
        )
        == 1
    )
    assert "AG SRO/99" in capsys.readouterr().err

    backup = tmp_path / "sicherung.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(backup)]) == 0
    assert main(["restore", "--db", str(db), "--from", str(backup)]) == 0
    assert main(["check", "--db", str(db)]) == 0


# --- bad input: one sentence (issue 13, points 9 and 12) --------------------------------------


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store
    from tests.services.register_data import build_register

    path = tmp_path_factory.mktemp("klein") / "Sitzungen.db"
    with open_store(path, initialise=load_reference_data) as store:
        build_register(store)
    return path


@pytest.fixture
def db_copy(small_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Sitzungen.db"
    path.write_bytes(small_db.read_bytes())
    return path


@pytest.mark.parametrize("number", ["99999999999999999999", "1" * 400, "²", "３", "-1", "1.5"])
def test_an_impossible_meeting_number_is_one_sentence(
    db_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    ref = f"AG SRO/{number}"
    args = [
        "export",
        "ics",
        "--db",
        str(db_copy),
        "--meeting",
        ref,
        "--out",
        str(tmp_path / "t.ics"),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err == (
        f"sromod: Die Sitzung „{ref}“ wurde nicht gefunden. Angabe als ID oder als "
        "„Kurzname/Nummer“, z. B. „AG SRO/12“.\n"
    )
    assert not (tmp_path / "t.ics").exists()


# argparse's own English words, none of which may reach the user
ENGLISH = ("usage", "options", "positional arguments", "show this help", "error:", "choose from",
           "invalid", "required", "unrecognized", "expected", "argument", "subcommands",
           "version number")  # fmt: skip


def _all_commands() -> list[list[str]]:
    import argparse

    from sromod.cli import build_parser

    found: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append([*path, name])
                    walk(child, [*path, name])

    walk(build_parser(), [])
    return found


def test_every_command_has_german_help(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _all_commands()
    assert ["export", "minutes"] in commands and ["import", "tasks"] in commands
    for command in commands:
        with pytest.raises(SystemExit) as exit_info:
            main([*command, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("Aufruf: sromod"), out
        assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
        for word in ENGLISH:
            assert word not in out.lower(), (command, word, out)


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["exprt"], "ungültige Auswahl: 'exprt' (wählen Sie aus 'demo', 'check',"),
        (["export", "mintes"], "ungültige Auswahl: 'mintes' (wählen Sie aus 'minutes',"),
        (["demo", "--db", "x.db", "--scale", "zwei"], "ungültiger Wert 'zwei' (erwartet: eine"),
        (["export", "tasks", "--db"], "Angabe --db: hier fehlt der Wert"),
        (["export", "minutes", "--db", "x.db"], "diese Angaben fehlen: --meeting, --out"),
        (["check", "--db", "x.db", "--gibtsnicht"], "unbekannte Angaben: --gibtsnicht"),
        (["export", "tasks", "--db", "x", "--o", "y"], "mehrdeutige Angabe: --o kann"),
    ],
)
def test_wrong_calls_are_told_in_german(
    args: list[str], german: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Aufruf: sromod") and german in err, err
    assert ": Fehler: " in err
    for word in ENGLISH:
        assert word not in err.lower(), (word, err)


def test_argparse_stays_english_for_others_in_the_process() -> None:
    import argparse

    from sromod.cli import build_parser

    build_parser().format_help()
    assert "usage:" in argparse.ArgumentParser(prog="x").format_help()


def test_exit_codes_are_documented_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Rückgabewerte:" in out
    assert "  3  Aufgabenliste mit Konflikten" in out


# --- task imports: summaries and the conflict status (issue 13, point 11) ---------------------


def _exported_list(db: Path, folder: Path) -> Path:
    out = folder / "Liste.xlsx"
    assert main(["export", "tasks", "--db", str(db), "--out", str(out)]) == 0
    return out


def test_many_bad_rows_are_summarised(
    db_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    listed = _exported_list(db_copy, tmp_path)
    wb = openpyxl.load_workbook(listed)
    ws = wb["Aufgaben"]
    header = [c.value for c in ws[HEADER_ROW]]
    status = header.index("Status") + 1
    for row in range(ws.max_row + 1, ws.max_row + 2001):  # rows typed in by hand: no ID
        ws.cell(row, status).value = "offen"
    wb.save(listed)
    capsys.readouterr()
    assert main(["import", "tasks", "--db", str(db_copy), str(listed), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "2.000 Fehler – es wird nichts übernommen:" in out
    assert "  2.000 Zeilen ohne Aufgaben-ID, die ersten 20:" in out
    assert len(out.splitlines()) < 30


def test_summary_counts_each_kind_and_shows_the_first_twenty() -> None:
    from sromod.services.import_problems import ImportProblem, ProblemKind, RowPlace
    from sromod.services.import_summary import summarise_problems

    problems = [
        *(ImportProblem(ProblemKind.NO_STATUS, RowPlace("Aufgaben", n)) for n in range(2, 200_002)),
        ImportProblem(
            ProblemKind.NOT_A_DATE, RowPlace("Aufgaben", 9), column="Fällig am", value="morgen"
        ),
    ]
    lines = summarise_problems(problems)
    assert lines[0] == "  200.000 Zeilen ohne Status, die ersten 20:"
    assert lines[1] == "    Blatt „Aufgaben“, Zeile 2: der Status ist leer."
    assert lines[-1] == "  1 Zeilen mit ungültigem Fälligkeitsdatum."
    assert len(lines) == 22


def test_an_import_whose_changes_all_conflict_has_its_own_status(
    db_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from sromod.models import TaskStatus
    from sromod.services import tasks
    from sromod.store import open_store

    listed = _exported_list(db_copy, tmp_path)
    wb = openpyxl.load_workbook(listed)
    ws = wb["Aufgaben"]
    header = [c.value for c in ws[HEADER_ROW]]
    first, second = HEADER_ROW + 1, HEADER_ROW + 2
    ids = [ws.cell(r, header.index("ID") + 1).value for r in (first, second)]
    for row in (first, second):
        ws.cell(row, header.index("Status") + 1).value = "erledigt"
    wb.save(listed)
    with open_store(db_copy) as store:  # changed in sromod after the export
        for task_id in ids:
            tasks.set_task_status(store, task_id, TaskStatus.DEFERRED, note="in der Sitzung")
    capsys.readouterr()
    assert main(["import", "tasks", "--db", str(db_copy), str(listed), "--dry-run"]) == 3
    assert main(["import", "tasks", "--db", str(db_copy), str(listed)]) == 3
    captured = capsys.readouterr()
    assert "2 Konflikte" in captured.out and "0 Änderungen übernommen." in captured.out
    assert captured.err == (
        "sromod: 2 Aufgaben wurden in sromod nach dem Export geändert; diese Änderungen der "
        "Liste wurden nicht übernommen.\n"
    )
    with open_store(db_copy) as store:
        assert {tasks.get_task(store, i).status for i in ids} == {TaskStatus.DEFERRED}


# --- a record of every writing command (issue 13, point 14) -----------------------------------


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sromod", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=180,
    )


def _real_log_folder() -> Path:
    from tests.conftest import ORIGINAL_ENVIRON

    found = subprocess.run(
        [sys.executable, "-c",
         "import platformdirs; print(platformdirs.user_log_dir('sromod', appauthor=False))"],
        capture_output=True, text=True, env=ORIGINAL_ENVIRON, check=True,
    )  # fmt: skip
    return Path(found.stdout.strip())


def _mentions(folder: Path, text: str) -> bool:
    """True when any log file in folder (rotated ones too) mentions text."""
    if not folder.is_dir():
        return False
    return any(text in p.read_text(encoding="utf-8", errors="replace") for p in folder.iterdir())


def test_writing_commands_leave_one_line_each_in_the_log_not_the_users(
    db_copy: Path, tmp_path: Path, user_folders: Path
) -> None:
    real = _real_log_folder()
    assert not str(real).startswith(str(user_folders))
    log_file = user_folders / "state" / "sromod" / "log" / "sromod.log"
    start = log_file.read_text(encoding="utf-8") if log_file.exists() else ""

    saved = tmp_path / "Sicherung.sqlite"
    listed = tmp_path / "Liste.xlsx"
    commands = [
        ["export", "tasks", "--db", str(db_copy), "--out", str(listed)],
        ["export", "minutes", "--db", str(db_copy), "--meeting", "AG SRO/1",
         "--out", str(tmp_path / "p.docx")],
        ["import", "tasks", "--db", str(db_copy), str(listed)],
        ["backup", "--db", str(db_copy), "--out", str(saved)],
        ["restore", "--db", str(db_copy), "--from", str(saved)],
        ["demo", "--db", str(tmp_path / "demo.db")],
    ]  # fmt: skip
    for args in commands:
        result = _run(args)
        assert result.returncode == 0, result.stderr
    lines = log_file.read_text(encoding="utf-8")[len(start) :].splitlines()
    records = [line for line in lines if " sromod.cli: " in line]
    assert [r.split(" sromod.cli: ")[1].split(" ")[0:2] for r in records] == [
        ["export", "tasks"], ["export", "minutes"], ["import", "tasks"],
        ["backup", str(db_copy) + ":"], ["restore", str(db_copy) + ":"],
        ["demo", str(tmp_path / "demo.db") + ":"],
    ]  # fmt: skip
    assert "8 tasks written to" in records[0] and "0 tasks changed, 0 conflicts" in records[2]
    assert "Übergabe" not in "\n".join(lines)  # no text of tasks or minutes in the log
    # Other programs may write the real log meanwhile; nothing of this run may be in it.
    assert not _mentions(real, str(tmp_path))
