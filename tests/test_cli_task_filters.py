"""`sromod export tasks` takes the register's filters and writes what the register shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from sromod.cli import main
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskStatus
from sromod.services import register
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.services.task_filter_data import PENDING, PERSON, TWIN, Rich, build_rich_register


@pytest.fixture
def rich(store: Store) -> Rich:
    return build_rich_register(store)


def _ids(path: Path) -> set[str]:
    sheet = openpyxl.load_workbook(path, read_only=True)["Aufgaben"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    column = rows[0].index("ID")
    return {str(r[column]) for r in rows[1:]}


def _cases(r: Rich) -> list[tuple[list[str], TaskFilter]]:
    jug = r.reg.offices["Jug"]
    return [
        (["--office", "Jug"], TaskFilter(office_id=jug)),
        (["--status", "offen"], TaskFilter(statuses=(TaskStatus.OPEN,))),
        (["--status", "erledigt", "--status", "entfällt"],
         TaskFilter(statuses=(TaskStatus.DONE, TaskStatus.DROPPED))),
        (["--status", "unerledigt"], TaskFilter(statuses=PENDING)),
        (["--person", PERSON], TaskFilter(person_id=r.person_id)),
        (["--person", f"{TWIN} (SGA)"], TaskFilter(person_id=r.twin_ids[0])),
        (["--body", "StR Süd"], TaskFilter(body_id=r.other_body_id)),
        (["--region", r.bezirksregion_name], TaskFilter(region_id=r.bezirksregion_id)),
        (["--due-from", "01.11.2026"], TaskFilter(due_from=date(2026, 11, 1))),
        (["--due-to", "2026-10-15"], TaskFilter(due_to=date(2026, 10, 15))),
        (["--text", "Spielplatz Süden"], TaskFilter(text="Spielplatz Süden")),
        (["--overdue"], TaskFilter(overdue=True)),
        (["--office", "Jug", "--status", "unerledigt", "--region", r.bezirksregion_name,
          "--due-from", "1.10.2026", "--due-to", "31.12.2026", "--text", "aufgabe"],
         TaskFilter(office_id=jug, statuses=PENDING, region_id=r.bezirksregion_id,
                    due_from=date(2026, 10, 1), due_to=date(2026, 12, 31), text="aufgabe")),
    ]  # fmt: skip


def test_every_flag_writes_what_the_register_shows(
    store: Store, rich: Rich, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n, (flags, same) in enumerate(_cases(rich)):
        out = tmp_path / f"liste{n}.xlsx"
        code = main(["export", "tasks", "--db", str(store.path), *flags, "--out", str(out)])
        assert code == 0, (flags, capsys.readouterr().err)
        shown = {row.id for row in register.task_page(store, same, limit=100_000)}
        assert shown, flags
        assert _ids(out) == shown, flags
        assert f"{len(shown)} Aufgaben geschrieben" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("flags", "german"),
    [
        (["--due-from", "32.13.2026"], "„32.13.2026“ ist kein Datum"),
        (["--due-to", "nächste Woche"], "„nächste Woche“ ist kein Datum"),
        (["--due-from", "01.12.2026", "--due-to", "01.10.2026"], "liegt nach"),
        (["--status", "fertig"], "Unbekannter Status „fertig“"),
        (["--office", "XYZ"], "Ein Amt mit dem Kürzel „XYZ“ gibt es nicht."),
        (["--person", "Niemand"], "Eine Person „Niemand“ gibt es nicht."),
        (["--person", TWIN], f"Mehrere Personen heißen „{TWIN}“"),
        (["--body", "XX"], "Ein Gremium mit der Kurzbezeichnung „XX“ gibt es nicht."),
        (["--region", "Atlantis"], "Eine Region „Atlantis“ gibt es nicht."),
    ],
)
def test_a_bad_value_is_one_german_sentence_and_writes_nothing(
    store: Store, rich: Rich, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    flags: list[str], german: str,
) -> None:  # fmt: skip
    out = tmp_path / "liste.xlsx"
    code = main(["export", "tasks", "--db", str(store.path), *flags, "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("sromod: ") and german in err, err
    assert "Traceback" not in err
    assert not out.exists()


def test_the_help_names_every_filter_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "tasks", "--help"])
    out = capsys.readouterr().out
    for flag, words in {
        "--office KÜRZEL": "Amt",
        "--status STATUS": "mehrmals",
        "--person NAME": "Person",
        "--body KURZNAME": "Gremium",
        "--region NAME": "Bezirksregion",
        "--due-from DATUM": "fällig ab",
        "--due-to DATUM": "fällig bis",
        "--text WÖRTER": "Wörter",
        "--overdue": "überfällig",
        "--per-office": "je Amt",
    }.items():
        assert flag in out and words in out, (flag, out)
    assert "unerledigt" in out and "25.11.2026" in out
