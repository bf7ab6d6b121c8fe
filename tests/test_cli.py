"""The command line: clear German errors, no tracebacks, the startup probe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sromod.cli import main


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
    assert float(result.stdout.strip().splitlines()[-1]) > 0
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
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    amt = header.index("Amt")
    assert {row[amt] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]} == {"Jug"}

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
