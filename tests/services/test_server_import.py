"""`sromod server import`: a laptop's store moves into the shared register, merged by UUID."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sromod import cli
from sromod.models import AttendanceStatus, Base, BodyKind
from sromod.services import agenda, attendance, bodies, decisions, directory, meetings, tasks
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from tests.services.helpers import office_id

YEAR = 2026


def _laptop(folder: Path, name: str, short: str, *, meetings_count: int = 2) -> Path:
    """A coordinator's laptop store: one body, its meetings with a TOP, a decision and tasks."""
    path = folder / f"{name}.db"
    with open_store(path, initialise=load_reference_data) as store:
        body_id = bodies.create_body(store, f"Steuerungsrunde {name}", short, BodyKind.STEERING)
        person = directory.create_person(
            store, f"Koordination {name}", office_id=office_id(store, "Jug")
        )
        bodies.add_member(store, body_id, person)
        for n in range(meetings_count):
            _meeting_with_records(store, body_id, person, date(YEAR, 2 + n, 10), f"{name} {n + 1}")
    return path


def _meeting_with_records(store: Store, body_id: str, person: str, day: date, what: str) -> str:
    meeting_id = meetings.plan_meeting(store, body_id, day)
    attendance.set_attendance(store, meeting_id, person, AttendanceStatus.PRESENT)
    item = agenda.add_agenda_item(store, meeting_id, f"Spielplatz {what}")
    decision = decisions.add_decision(store, item, f"Beschluss {what}")
    for k in range(2):
        tasks.add_task(
            store,
            f"Aufgabe {what}.{k + 1}",
            office_id=office_id(store, "SGA"),
            agenda_item_id=item,
            decision_id=decision.id,
        )
    return meeting_id


def _import(url: str, laptop: Path, *extra: str) -> int:
    return cli.main(["server", "import", "--db", url, "--from", str(laptop), *extra])


def _snapshot(url: str) -> dict[str, str]:
    """Every table of the register as a hash of its rows, ordered by id."""
    with open_store(url, create=False) as store, store.engine.connect() as conn:
        return {
            table: hashlib.sha256(
                repr(conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()).encode()
            ).hexdigest()
            for table in Base.metadata.tables
        }


def _rows(url: str, query: str, **params: object) -> list[tuple[object, ...]]:
    with open_store(url, create=False) as store, store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def test_a_laptop_moves_in_and_a_second_run_changes_nothing(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord")
    assert _import(pg_url, laptop) == 0
    first = capsys.readouterr().out
    assert "Neu übernommen: " in first and "2 Sitzungen" in first and "4 Aufgaben" in first
    assert "Die Übernahme ist abgeschlossen." in first
    # The register holds the laptop's rows under their own ids, numbers as on the laptop.
    with sqlite3.connect(laptop) as raw:
        laptop_tasks = sorted(raw.execute("SELECT id, register_number, title FROM tasks"))
    assert sorted(_rows(pg_url, "SELECT id, register_number, title FROM tasks")) == laptop_tasks
    assert _rows(pg_url, "SELECT short_name FROM bodies") == [("StR Nord",)]
    # The search finds the moved-in TOPs (the index is kept by the register's triggers).
    hits = _rows(pg_url, "SELECT count(*) FROM search_fts WHERE title LIKE 'Spielplatz Nord%'")
    assert hits == [(2,)]

    before = _snapshot(pg_url)
    assert _import(pg_url, laptop) == 0
    second = capsys.readouterr().out
    assert _snapshot(pg_url) == before
    assert "Neu übernommen: nichts." in second
    assert "Das Register hatte schon alles; nichts wurde geändert." in second


def test_two_coordinators_stores_keep_both_and_taken_numbers_move_on(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    north = _laptop(tmp_path, "Nord", "StR Nord")
    south = _laptop(tmp_path, "Sued", "StR Süd", meetings_count=1)
    assert _import(pg_url, north) == 0
    assert _import(pg_url, south) == 0
    out = capsys.readouterr().out
    assert sorted(_rows(pg_url, "SELECT short_name FROM bodies")) == [("StR Nord",), ("StR Süd",)]
    # Both laptops numbered their tasks A-2026/0001…: the south's come after the north's four.
    numbers = _rows(
        pg_url,
        "SELECT t.register_number, t.remark FROM tasks t JOIN bodies b ON b.id = t.body_id "
        "WHERE b.short_name = 'StR Süd' ORDER BY t.seq",
    )
    assert [n for n, _ in numbers] == ["A-2026/0005", "A-2026/0006"]
    assert numbers[0][1] == "Bisherige Nr. A-2026/0001 (Übernahme ins Register)."
    assert "A-2026/0001 → A-2026/0005" in out and "B-2026/001 → B-2026/003" in out
    assert "nächste freie Nummer des Jahres" in out  # the rule, stated in the report
    decisions_south = _rows(
        pg_url,
        "SELECT d.register_number FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id "
        "JOIN meetings m ON m.id = i.meeting_id JOIN bodies b ON b.id = m.body_id "
        "WHERE b.short_name = 'StR Süd'",
    )
    assert decisions_south == [("B-2026/003",)]
    # Meetings keep their numbers: each body has its own.
    assert sorted(_rows(pg_url, "SELECT number FROM meetings")) == [(1,), (1,), (2,)]
    # The offices every laptop seeded for itself are the register's, not copies.
    assert _rows(pg_url, "SELECT count(*) FROM offices WHERE code = 'SGA'") == [(1,)]
    assert _rows(pg_url, "SELECT count(*) FROM settings WHERE key = 'district'") == [(1,)]


def test_the_same_short_name_is_the_same_body_and_its_meetings_are_numbered_on(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _laptop(tmp_path, "Bezirk", "AG SRO")
    second = _laptop(tmp_path, "Vertretung", "ag sro", meetings_count=2)
    assert _import(pg_url, first) == 0
    capsys.readouterr()
    assert _import(pg_url, second) == 0
    out = capsys.readouterr().out
    assert _rows(pg_url, "SELECT short_name FROM bodies") == [("AG SRO",)]
    rows = _rows(pg_url, "SELECT number, date, notes FROM meetings ORDER BY number")
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    assert rows[2][1:] == (date(YEAR, 2, 10), "Auf dem Laptop als 1. Sitzung geführt (Übernahme ins Register).")  # fmt: skip
    assert "Gleiche Kurzbezeichnung eines Gremiums:" in out
    assert "„ag sro“ gehört zum Gremium „AG SRO“ des Registers" in out
    assert "ag sro/1" not in out and "AG SRO/1 vom 10.02.2026 → AG SRO/3" in out
    assert "nach der letzten Sitzung im Register weiter nummeriert" in out
    # The register's standing agenda stays; the second laptop's is not added beside it.
    standing = _rows(pg_url, "SELECT count(*) FROM standing_agenda_items")
    assert standing == [(len(bodies.DEFAULT_STANDING_AGENDA),)]
    assert "Standardtagesordnung von „AG SRO“ auf dem Laptop" in out
    # Members and tasks of both laptops belong to the one body now.
    assert _rows(pg_url, "SELECT count(DISTINCT body_id), count(*) FROM memberships") == [(1, 2)]
    assert _rows(pg_url, "SELECT count(DISTINCT body_id), count(*) FROM tasks") == [(1, 8)]


def test_a_meeting_number_taken_meanwhile_in_the_register_moves_on(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord", meetings_count=1)
    assert _import(pg_url, laptop) == 0
    with open_store(pg_url) as register:
        (body_id,) = _rows(pg_url, "SELECT id FROM bodies")[0]
        meetings.plan_meeting(register, str(body_id), date(YEAR, 6, 1))  # the register's 2nd
    with open_store(laptop) as store:  # meanwhile on the laptop: its own 2nd meeting
        meetings.plan_meeting(store, str(body_id), date(YEAR, 6, 3))
    capsys.readouterr()
    assert _import(pg_url, laptop) == 0
    out = capsys.readouterr().out
    assert _rows(pg_url, "SELECT number, date FROM meetings ORDER BY number") == [
        (1, date(YEAR, 2, 10)),
        (2, date(YEAR, 6, 1)),
        (3, date(YEAR, 6, 3)),
    ]
    assert "StR Nord/2 vom 03.06.2026 → StR Nord/3" in out


def test_a_clash_no_rule_resolves_aborts_and_changes_nothing(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord", meetings_count=1)
    with open_store(laptop) as store:
        guest = directory.create_person(store, "Frau Gast", office_id=office_id(store, "Jug"))
    assert _import(pg_url, laptop) == 0
    ((meeting_id,),) = _rows(pg_url, "SELECT id FROM meetings")
    # After the move, her attendance is entered in the register and, once more, on the laptop.
    with open_store(pg_url) as register:
        attendance.set_attendance(register, str(meeting_id), guest, AttendanceStatus.EXCUSED)
    with open_store(laptop) as store:
        attendance.set_attendance(store, str(meeting_id), guest, AttendanceStatus.PRESENT)
        tasks.add_task(store, "Neue Aufgabe nach dem Umzug", office_id=office_id(store, "Jug"))
    before = _snapshot(pg_url)
    capsys.readouterr()
    assert _import(pg_url, laptop) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "Die Übernahme wurde abgebrochen und hat nichts geändert: Anwesenheiten" in err
    assert "Traceback" not in err
    assert _snapshot(pg_url) == before
    assert _rows(pg_url, "SELECT count(*) FROM tasks WHERE title LIKE 'Neue Aufgabe%'") == [(0,)]


def test_dry_run_reports_and_changes_nothing(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord")
    before = _snapshot(pg_url)
    assert _import(pg_url, laptop, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "2 Sitzungen" in out and "Probelauf: nichts wurde geändert." in out
    assert _snapshot(pg_url) == before


def test_an_older_laptop_store_is_read_through_an_upgraded_copy(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = Path(__file__).parents[1] / "store" / "samples" / "sromod-0001.sqlite"
    laptop = tmp_path / "alt.db"
    laptop.write_bytes(sample.read_bytes())
    original = laptop.read_bytes()
    assert _import(pg_url, laptop) == 0
    assert laptop.read_bytes() == original  # the laptop's file is only read
    assert not list(tmp_path.glob("alt.db*"))[1:]  # no -wal, -shm or lock beside it
    with sqlite3.connect(sample) as raw:
        bodies_there = raw.execute("SELECT count(*) FROM bodies").fetchone()[0]
    assert _rows(pg_url, "SELECT count(*) FROM bodies") == [(bodies_there,)]
    out = capsys.readouterr().out
    assert "Die Übernahme ist abgeschlossen." in out
    assert f"Übernahme von „{laptop}“" in out  # the user's file, not the upgraded copy


@pytest.mark.parametrize("damage", ["truncated", "newer"])
def test_a_damaged_or_newer_laptop_store_is_refused_with_a_sentence(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord", meetings_count=1)
    if damage == "truncated":
        data = laptop.read_bytes()
        laptop.write_bytes(data[: len(data) // 2 + 100])
        expected = "ist beschädigt (unvollständig oder fehlerhaft)"
    else:
        with sqlite3.connect(laptop) as raw:
            raw.execute("UPDATE alembic_version SET version_num = '9999'")
            raw.execute("PRAGMA user_version = 9999")
        expected = "wurde mit einer neueren sromod-Version angelegt"
    before = _snapshot(pg_url)
    assert _import(pg_url, laptop) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert _snapshot(pg_url) == before


def test_a_file_as_the_register_is_refused(
    tmp_path: Path, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = _laptop(tmp_path, "Nord", "StR Nord", meetings_count=1)
    open_store(store_path, initialise=load_reference_data).close()
    assert _import(str(store_path), laptop) == cli.EXIT_ERROR
    assert "--db muss eine Adresse postgresql://… sein" in capsys.readouterr().err
