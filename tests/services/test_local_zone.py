"""Berlin's time zone without a system time zone database (as on Windows)."""

from __future__ import annotations

import os
import subprocess
import sys
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from sromod.cli import main
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.services import local_zone
from sromod.services.local_zone import CentralEuropeanRule, berlin_zone


def _sromod(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONTZPATH="/nonexistent")  # no system database, as on Windows
    return subprocess.run(
        [sys.executable, "-m", "sromod", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_export_and_import_work_with_the_system_database_hidden(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = tmp_path / "Aufgaben Jugendamt.xlsx"

    exported = _sromod(
        "export", "tasks", "--db", str(db), "--office", "Jug", "--out", str(out), cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    sheet = openpyxl.load_workbook(out, read_only=True)["Aufgaben"]
    header = [c.value for c in next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW))]
    first = next(sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 1, values_only=True))
    assert isinstance(first[header.index("Angelegt")], datetime)  # a real date, converted to Berlin

    imported = _sromod("import", "tasks", "--db", str(db), str(out), "--dry-run", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in imported.stderr and "Probelauf" in imported.stdout


@pytest.fixture
def no_time_zone_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[ZoneInfo]:
    """Neither the system's database nor the tzdata package can be found."""
    real = zoneinfo.ZoneInfo("Europe/Berlin")
    monkeypatch.setitem(sys.modules, "tzdata", None)
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    berlin_zone.cache_clear()
    yield real
    zoneinfo.reset_tzpath()
    zoneinfo.ZoneInfo.clear_cache()
    berlin_zone.cache_clear()


def test_without_any_database_the_eu_rule_gives_berlin_time(
    no_time_zone_database: ZoneInfo,
) -> None:
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        zoneinfo.ZoneInfo("Europe/Berlin")
    zone = berlin_zone()
    assert isinstance(zone, CentralEuropeanRule)
    real = no_time_zone_database
    moment = datetime(2020, 1, 1, tzinfo=UTC)
    while moment < datetime(2032, 1, 1, tzinfo=UTC):  # every half hour, both switches included
        ours, theirs = moment.astimezone(zone), moment.astimezone(real)
        assert (ours.replace(tzinfo=None), ours.utcoffset(), ours.fold) == (
            theirs.replace(tzinfo=None),
            theirs.utcoffset(),
            theirs.fold,
        ), moment
        assert ours.replace(tzinfo=None, fold=ours.fold).replace(tzinfo=zone).utcoffset() == (
            theirs.utcoffset()
        )
        moment += timedelta(minutes=30)


def test_the_zone_comes_from_one_place() -> None:
    """No module but local_zone names the zone (a copy would miss the fallback)."""
    package = Path(local_zone.__file__).resolve().parent.parent
    naming = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if "ZoneInfo(" in p.read_text(encoding="utf-8")
    ]
    assert naming == ["services/local_zone.py"]
