"""Smoke test of the built one-folder bundle (slow: builds it first if dist/sromod is missing).

Run with ``python3 -m pytest -m slow tests/test_bundle.py``. Everything runs from the bundle, in
a folder whose name holds spaces and umlauts, as it would on an office laptop.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sromod_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def program() -> Path:
    build = _build_module()
    if not build.executable().exists():
        build.build()
    return Path(build.executable())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    place = tmp_path / "Sitzungen Köpenick – Übergabe"
    place.mkdir()
    return place


def run(
    program: Path, *args: str, cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
    env.pop("PYTHONPATH", None)  # nothing may come from the source tree
    return subprocess.run(
        [str(program), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_bundle_is_small_enough(program: Path) -> None:
    build = _build_module()
    size_mb = build.folder_size(program.parent) / 1e6
    if sys.platform.startswith("linux"):
        assert size_mb <= 150, f"bundle is {size_mb:.0f} MB"
    qt_translations = list(program.parent.rglob("qtbase_*.qm"))
    assert {p.name for p in qt_translations} <= {"qtbase_de.qm", "qtbase_en.qm"}
    assert list(program.parent.rglob("0001_initial_schema.py")), "migrations missing"
    assert list(program.parent.rglob("resources/icons/sromod.svg"))
    assert list(program.parent.rglob("tzdata/zoneinfo/Europe/Berlin")), "tzdata missing"


def test_every_module_of_the_package_is_inside(program: Path) -> None:
    """Screens and dialogs are imported by name at run time: the analysis alone misses them."""
    import tempfile

    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    archive = CArchiveReader(str(program))
    name = next(n for n in archive.toc if n.endswith(".pyz"))
    with tempfile.TemporaryDirectory() as folder:
        pyz = Path(folder) / name
        pyz.write_bytes(archive.extract(name))
        bundled = {m for m in ZlibArchiveReader(str(pyz)).toc if m.startswith("sromod")}
    package = ROOT / "sromod"
    expected = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in package.rglob("*.py")
        if "migrations" not in p.parts
    }
    assert expected - bundled == set()


def test_version_and_start_up_probe_on_a_new_store(program: Path, folder: Path) -> None:
    version = run(program, "--version", cwd=folder)
    assert version.returncode == 0 and version.stdout.startswith("sromod ")

    probe = run(program, "--startup-probe", "--db", str(folder / "neue Datenbank.db"), cwd=folder)
    assert probe.returncode == 0, probe.stderr
    assert 0 < float(probe.stdout.strip().splitlines()[-1]) < 60
    assert (folder / "neue Datenbank.db").stat().st_size > 0  # created and migrated


def test_demo_and_exports_from_the_bundle(program: Path, folder: Path) -> None:
    import docx
    from openpyxl import load_workbook

    from sromod.exports.tasks_xlsx_layout import HEADER_ROW

    db = folder / "demo.db"
    demo = run(program, "demo", "--db", str(db), "--scale", "1", cwd=folder)
    assert demo.returncode == 0, demo.stderr

    minutes = folder / "Protokoll AG SRO.docx"
    made = run(program, "export", "minutes", "--db", str(db), "--meeting", "AG SRO/1",
               "--out", str(minutes), cwd=folder)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "1. Sitzung der AG SRO" in docx.Document(str(minutes)).paragraphs[0].text

    tasks = folder / "Aufgaben Jugendamt.xlsx"
    made = run(program, "export", "tasks", "--db", str(db), "--out", str(tasks), cwd=folder)
    assert made.returncode == 0, made.stderr
    workbook = load_workbook(str(tasks), read_only=True)
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + 1, values_only=True)
    header, first = next(rows), next(rows)
    workbook.close()
    created = first[header.index("Angelegt")]
    assert isinstance(created, dt.datetime | dt.date)  # a real date cell, not text

    # Windows has no system time zone database: the bundle brings its own.
    hidden = run(program, "export", "tasks", "--db", str(db), "--out", str(tasks), cwd=folder,
                 extra_env={"PYTHONTZPATH": "/nonexistent"})  # fmt: skip
    assert hidden.returncode == 0, hidden.stderr

    broken = run(program, "export", "minutes", "--db", str(db), "--meeting", "gibt es nicht",
                 "--out", str(minutes), cwd=folder)  # fmt: skip
    assert broken.returncode != 0
    assert "Traceback" not in broken.stderr and broken.stderr.startswith("sromod: ")
