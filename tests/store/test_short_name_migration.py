"""Migration 0002: body short names unique regardless of case; existing clashes are renamed and
reported, nothing is lost (issue 13, point 10)."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from sromod.cli import main
from sromod.services import bodies, meetings
from sromod.services.errors import ServiceError
from sromod.store import Store, open_store
from sromod.store.check import check_store
from tests.store.files import sqlite_count

SAMPLE = Path(__file__).parent / "samples" / "sromod-0001.sqlite"


def _clone_body(conn: sqlite3.Connection, short: str, created_at: str) -> str:
    """Another body like the sample's "AG SRO", with one meeting, as schema 0001 allowed."""
    new_id = f"00000000-0000-4000-8000-{len(short):03d}{abs(hash(short)) % 10**9:09d}"
    conn.execute("CREATE TEMP TABLE b AS SELECT * FROM bodies WHERE short_name = 'AG SRO'")
    conn.execute("UPDATE b SET id = ?, short_name = ?, name = ?, created_at = ?",
                 (new_id, short, f"Gremium {short}", created_at))  # fmt: skip
    conn.execute("INSERT INTO bodies SELECT * FROM b")
    conn.execute("DROP TABLE b")
    conn.execute("CREATE TEMP TABLE m AS SELECT * FROM meetings ORDER BY number LIMIT 1")
    conn.execute("UPDATE m SET id = ?, body_id = ?, number = 7", (new_id[:-3] + "777", new_id))
    conn.execute("INSERT INTO meetings SELECT * FROM m")
    conn.execute("DROP TABLE m")
    return new_id


@pytest.fixture
def clashing(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "sromod.db"
    shutil.copy(SAMPLE, path)
    conn = sqlite3.connect(path)
    try:
        ids = {
            "ag sro": _clone_body(conn, "ag sro", "2027-01-01 10:00:00.000000"),
            "Ag Sro": _clone_body(conn, "Ag Sro", "2027-02-01 10:00:00.000000"),
            "ag sro (2)": _clone_body(conn, "AG SRO (2)", "2027-03-01 10:00:00.000000"),
        }
        conn.commit()
    finally:
        conn.close()
    return path, ids


def _short_names(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT id, short_name FROM bodies").fetchall())
    finally:
        conn.close()


def test_clashes_are_renamed_reported_and_nothing_is_lost(
    clashing: tuple[Path, dict[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    path, ids = clashing
    before = {t: sqlite_count(path, f"SELECT count(*) FROM {t}") for t in ("bodies", "meetings")}
    with caplog.at_level(logging.WARNING), open_store(path) as store:
        names = _short_names(path)
        # The body created first keeps its name; the later ones get the next free number.
        assert "AG SRO" in names.values()
        assert names[ids["ag sro"]] == "ag sro (3)"  # " (2)" is taken by another body
        assert names[ids["Ag Sro"]] == "Ag Sro (4)"
        assert names[ids["ag sro (2)"]] == "AG SRO (2)"
        assert store.warnings[-2:] == [
            "Die Kurzbezeichnung „ag sro“ gab es mehrfach (nur in Groß- und Kleinschreibung "
            "verschieden); das später angelegte Gremium heißt jetzt „ag sro (3)“.",
            "Die Kurzbezeichnung „Ag Sro“ gab es mehrfach (nur in Groß- und Kleinschreibung "
            "verschieden); das später angelegte Gremium heißt jetzt „Ag Sro (4)“.",
        ]
        # The reference now names exactly one body.
        moved = meetings.resolve_meeting_ref(store, "ag sro (3)/7")
        assert moved == meetings.resolve_meeting_ref(store, "AG SRO (3)/7")
        assert meetings.resolve_meeting_ref(store, "ag sro/1") != moved
    assert "Upgrade 0002" in caplog.text
    assert {t: sqlite_count(path, f"SELECT count(*) FROM {t}") for t in before} == before
    assert check_store(path).ok
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE bodies SET short_name = 'ag SRO' WHERE short_name = 'ag sro (3)'")
    finally:
        conn.close()


def test_a_store_without_clashes_upgrades_silently(tmp_path: Path) -> None:
    path = tmp_path / "sromod.db"
    shutil.copy(SAMPLE, path)
    with open_store(path) as store:
        assert not [w for w in store.warnings if "Kurzbezeichnung" in w]
    assert list(_short_names(path).values()) == ["AG SRO"]


def test_an_export_of_an_older_store_upgrades_it_first(
    clashing: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, _ids = clashing
    out = tmp_path / "termin.ics"
    assert (
        main(["export", "ics", "--db", str(path), "--meeting", "Ag Sro (4)/7", "--out", str(out)])
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_case_variant_of_a_short_name_is_refused(store: Store) -> None:
    first = bodies.create_body(store, "AG Sozialraumorientierung", "AG SRO")
    other = bodies.create_body(store, "Steuerungsrunde", "StR")
    with pytest.raises(ServiceError) as caught:
        bodies.create_body(store, "kleine Runde", "ag sro")
    assert str(caught.value) == (
        "Die Kurzbezeichnung „ag sro“ ist schon vergeben: als „AG SRO“ (Groß- und "
        "Kleinschreibung zählen dabei nicht)."
    )
    with pytest.raises(ServiceError, match="als „AG SRO“"):
        bodies.update_body(store, other, short_name="Ag Sro")
    bodies.create_body(store, "Runde der Ämter", "Ämterrunde")
    with pytest.raises(ServiceError, match="als „Ämterrunde“"):  # SQL's lower() misses Ä
        bodies.create_body(store, "andere Runde", "ÄMTERRUNDE")
    bodies.update_body(store, first, short_name="Ag Sro")  # its own name in another case: fine
    assert bodies.get_body(store, first).short_name == "Ag Sro"


def test_a_reference_that_fits_two_bodies_is_refused(store: Store) -> None:
    from sqlalchemy import text

    bodies.create_body(store, "Runde der Ämter", "Ämterrunde")
    other = bodies.create_body(store, "Zweite Runde", "Zweite")
    # SQL's lower() leaves "Ä" alone, so the index lets this pass; the services never write it.
    with store.unit_of_work() as session:
        session.execute(
            text("UPDATE bodies SET short_name = 'ämterrunde' WHERE id = :id"), {"id": other}
        )
    with pytest.raises(ServiceError) as caught:
        meetings.resolve_meeting_ref(store, "ÄMTERRUNDE/1")
    assert str(caught.value) == (
        "„ÄMTERRUNDE“ passt auf mehrere Gremien; geben Sie die Sitzung mit ihrer ID an."
    )
