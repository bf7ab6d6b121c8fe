"""The demo store: one year of a district's meetings, consistent enough to demonstrate every screen."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sromod.models import (
    OVERDUE_TASK_STATUSES,
    PENDING_TASK_STATUSES,
    AttendanceStatus,
    DecisionKind,
    MeetingState,
    TaskStatus,
)
from sromod.services.demo import DemoSummary, create_demo_store
from sromod.services.errors import ServiceError
from sromod.store import open_store

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, DemoSummary, list[tuple[int, int]]]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    calls: list[tuple[int, int]] = []
    summary = create_demo_store(path, 1, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    return path, summary, calls


@pytest.fixture
def db(demo: tuple[Path, DemoSummary, list[tuple[int, int]]]) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def values(db: sqlite3.Connection, sql: str, *args: object) -> list[Any]:
    """The first column of every row, as sqlite3 gives it."""
    return [row[0] for row in db.execute(sql, args)]


def test_summary_matches_the_store_and_progress_reaches_the_end(demo, db) -> None:
    _path, summary, calls = demo
    assert values(db, "SELECT count(*) FROM meetings") == [summary.meetings]
    assert values(db, "SELECT count(*) FROM tasks") == [summary.tasks]
    assert values(db, "SELECT count(*) FROM persons") == [summary.people]
    assert 150 <= summary.meetings <= 260
    assert 2_000 <= summary.agenda_items <= 4_500
    assert 3_500 <= summary.tasks <= 7_000
    assert 200 <= summary.people <= 400
    assert len(calls) >= 3
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_store_opens_and_is_sound(demo) -> None:
    with open_store(demo[0]) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_the_expected_bodies_with_standing_agendas(db) -> None:
    names = set(values(db, "SELECT short_name FROM bodies"))
    assert len(names) == 20
    assert {"AG SRO", "AG Kiezkasse", "AG FEIN", "BENN Allende-Viertel", "AG BRP"} <= names
    assert sum(n.startswith("StR ") for n in names) >= 6
    assert sum(n.startswith("OTK ") for n in names) >= 3
    regional = values(
        db, "SELECT count(*) FROM bodies WHERE kind = 'steuerungsrunde' AND region_id IS NULL"
    )
    assert regional == [0]
    titles = values(
        db,
        "SELECT s.title FROM standing_agenda_items s JOIN bodies b ON b.id = s.body_id "
        "WHERE b.short_name = 'AG SRO' ORDER BY s.position",
    )
    assert titles[:3] == [
        "Begrüßung und Feststellung der Tagesordnung",
        "Genehmigung des Protokolls der letzten Sitzung",
        "Wiedervorlage: Stand der Aufgaben",
    ]
    assert titles[-2:] == ["Verschiedenes", "Nächster Termin"]


def test_ag_sro_members_are_office_heads_and_beauftragte(db) -> None:
    functions = values(
        db,
        "SELECT p.function FROM memberships ms JOIN bodies b ON b.id = ms.body_id "
        "JOIN persons p ON p.id = ms.person_id WHERE b.short_name = 'AG SRO'",
    )
    assert "Amtsleitung" in functions
    assert {"Integrationsbeauftragte", "Gleichstellungsbeauftragte"} <= set(functions)


def test_meetings_in_every_state_and_in_time(db) -> None:
    states = dict(db.execute("SELECT state, count(*) FROM meetings GROUP BY state").fetchall())
    assert set(states) == {s.value for s in MeetingState}
    iso = TODAY.isoformat()
    assert values(
        db,
        "SELECT count(*) FROM meetings WHERE date > ? AND state IN "
        "('durchgefuehrt', 'freigegeben', 'laeuft')",
        iso,
    ) == [0]
    assert values(
        db,
        "SELECT count(*) FROM meetings WHERE date < ? AND state IN ('geplant', 'eingeladen')",
        iso,
    ) == [0]
    assert values(
        db,
        "SELECT count(*) FROM meetings WHERE state = 'freigegeben' "
        "AND (released_at IS NULL OR actual_end IS NULL)",
    ) == [0]
    numbers = db.execute(
        "SELECT body_id, group_concat(number) FROM "
        "(SELECT body_id, number FROM meetings ORDER BY body_id, date) GROUP BY body_id"
    ).fetchall()
    for _body, joined in numbers:
        assert [int(n) for n in joined.split(",")] == list(range(1, joined.count(",") + 2))
    with_next = values(db, "SELECT count(*) FROM meetings WHERE next_date > date")
    assert with_next[0] > 100


def test_agendas_have_about_fifteen_tops_with_sub_items_and_results(db) -> None:
    per_meeting = values(db, "SELECT count(*) FROM agenda_items GROUP BY meeting_id")
    assert 12 <= sum(per_meeting) / len(per_meeting) <= 19
    assert values(db, "SELECT count(*) FROM agenda_items WHERE parent_id IS NOT NULL")[0] > 200
    treated_without_result = values(
        db,
        "SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.state = 'freigegeben' AND a.state = 'behandelt' AND a.result IS NULL",
    )
    assert treated_without_result == [0]
    results = " ".join(values(db, "SELECT result FROM agenda_items WHERE result IS NOT NULL"))
    assert "Bezirksregionenprofil" in results or "Kiezkasse" in results
    assert any(ch in results for ch in "äöüß")
    assert values(db, "SELECT count(*) FROM agenda_item_regions")[0] > 500


def test_attendance_in_every_status_with_guests(db) -> None:
    statuses = set(values(db, "SELECT DISTINCT status FROM attendances"))
    assert statuses == {s.value for s in AttendanceStatus}
    assert values(
        db, "SELECT count(*) FROM attendances WHERE status = 'vertreten' AND represented_by IS NULL"
    ) == [0]
    assert (
        values(
            db,
            "SELECT count(*) FROM attendances WHERE person_id IS NULL AND guest_name IS NOT NULL",
        )[0]
        > 10
    )


def test_decisions_of_every_kind_numbered_per_year_some_with_votes(db) -> None:
    kinds = set(values(db, "SELECT DISTINCT kind FROM decisions"))
    assert kinds == {k.value for k in DecisionKind}
    assert values(db, "SELECT count(*) FROM decisions WHERE votes_for IS NOT NULL")[0] > 20
    rows = db.execute("SELECT year, seq, register_number FROM decisions").fetchall()
    assert all(number == f"B-{year}/{seq:03d}" for year, seq, number in rows)
    for (year,) in db.execute("SELECT DISTINCT year FROM decisions"):
        seqs = sorted(values(db, "SELECT seq FROM decisions WHERE year = ?", year))
        assert seqs == list(range(1, len(seqs) + 1))


def test_tasks_in_every_status_numbered_some_overdue(db) -> None:
    statuses = dict(db.execute("SELECT status, count(*) FROM tasks GROUP BY status").fetchall())
    assert set(statuses) == {s.value for s in TaskStatus}
    rows = db.execute("SELECT year, seq, register_number FROM tasks").fetchall()
    assert all(number == f"A-{year}/{seq:04d}" for year, seq, number in rows)
    assert len({number for _y, _s, number in rows}) == len(rows)
    marks = ",".join("?" * len(OVERDUE_TASK_STATUSES))
    overdue = values(
        db,
        f"SELECT count(*) FROM tasks WHERE due_date < ? AND status IN ({marks})",
        TODAY.isoformat(),
        *OVERDUE_TASK_STATUSES,
    )
    assert overdue[0] >= 20
    assert values(
        db, "SELECT count(*) FROM tasks WHERE (status = 'erledigt') <> (completed_on IS NOT NULL)"
    ) == [0]
    assert values(
        db,
        "SELECT count(*) FROM tasks WHERE office_id IS NULL "
        "OR origin_agenda_item_id IS NULL OR body_id IS NULL",
    ) == [0]
    assert values(db, "SELECT count(*) FROM tasks WHERE decision_id IS NOT NULL")[0] > 50


def test_task_history_agrees_with_each_task(db) -> None:
    rows = db.execute(
        "SELECT t.id, t.status, t.completed_on, e.kind, e.source, e.old_status, e.new_status, "
        "e.meeting_id, e.at FROM tasks t JOIN task_events e ON e.task_id = t.id "
        "ORDER BY t.id, e.at"
    ).fetchall()
    history: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        history.setdefault(row[0], []).append(row)
    assert len(history) == values(db, "SELECT count(*) FROM tasks")[0]
    sources: set[str] = set()
    for events in history.values():
        first, last = events[0], events[-1]
        assert first[3] == "angelegt" and first[6] == "offen" and first[7] is not None
        assert last[6] == last[1]
        for before, after in itertools.pairwise(events):
            assert after[3] == "status" and after[5] == before[6] and after[8] >= before[8]
        if last[1] == "erledigt":  # completed_on is the local day of the change, `at` is UTC
            gap = date.fromisoformat(last[2]) - date.fromisoformat(last[8][:10])
            assert gap.days in (0, 1)
        sources.update(e[4] for e in events)
    assert sources == {"sitzung", "bearbeitung", "excel_import"}


def test_wiedervorlage_holds_the_pending_tasks_of_the_body(db) -> None:
    reviews = db.execute(
        "SELECT r.status_before, r.status_after, a.kind, t.body_id, m.body_id, m.state, "
        "m.date, om.date FROM task_reviews r JOIN agenda_items a ON a.id = r.agenda_item_id "
        "JOIN meetings m ON m.id = a.meeting_id JOIN tasks t ON t.id = r.task_id "
        "JOIN agenda_items oa ON oa.id = t.origin_agenda_item_id "
        "JOIN meetings om ON om.id = oa.meeting_id"
    ).fetchall()
    assert len(reviews) > 1000
    pending = {s.value for s in PENDING_TASK_STATUSES}
    for before, after, kind, task_body, body, state, day, born in reviews:
        assert kind == "wiedervorlage" and task_body == body and born < day
        assert before in pending
        assert (after is not None) == (state in ("durchgefuehrt", "freigegeben"))
    # The next planned meeting of the AG SRO reviews exactly the body's pending tasks now.
    meeting, body = db.execute(
        "SELECT m.id, m.body_id FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "WHERE b.short_name = 'AG SRO' AND m.date > ? ORDER BY m.date LIMIT 1",
        (TODAY.isoformat(),),
    ).fetchone()
    marks = ",".join("?" * len(PENDING_TASK_STATUSES))
    expected = set(
        values(
            db,
            f"SELECT id FROM tasks WHERE body_id = ? AND status IN ({marks})",
            body,
            *PENDING_TASK_STATUSES,
        )
    )
    reviewed = set(
        values(
            db,
            "SELECT r.task_id FROM task_reviews r JOIN agenda_items a ON a.id = r.agenda_item_id "
            "WHERE a.meeting_id = ?",
            meeting,
        )
    )
    assert reviewed == expected and expected


def test_status_changes_in_a_meeting_match_its_review(db) -> None:
    rows = db.execute(
        "SELECT e.new_status, r.status_after FROM task_events e "
        "JOIN agenda_items a ON a.meeting_id = e.meeting_id AND a.kind = 'wiedervorlage' "
        "JOIN task_reviews r ON r.agenda_item_id = a.id AND r.task_id = e.task_id "
        "WHERE e.kind = 'status'"
    ).fetchall()
    assert len(rows) > 500
    assert all(new == after for new, after in rows)
    unmatched = values(
        db,
        "SELECT count(*) FROM task_events e WHERE e.kind = 'status' AND e.meeting_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM task_reviews r JOIN agenda_items a "
        "ON a.id = r.agenda_item_id WHERE a.meeting_id = e.meeting_id AND r.task_id = e.task_id)",
    )
    assert unmatched == [0]


def test_people_with_functions_contacts_and_consent(db) -> None:
    assert values(db, "SELECT count(*) FROM persons WHERE function IS NULL") == [0]
    assert values(db, "SELECT count(*) FROM persons WHERE external = 1")[0] > 100
    assert values(db, "SELECT count(*) FROM persons WHERE contact_consent = 1")[0] > 30
    assert values(db, "SELECT count(*) FROM persons WHERE email IS NOT NULL")[0] > 100
    assert values(db, "SELECT count(*) FROM persons WHERE active = 0")[0] > 0


def test_search_index_finds_umlauts_folded(db) -> None:
    assert values(db, "SELECT count(*) FROM search_fts")[0] > 5000
    found = values(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"ubergabe\"'")
    assert found[0] > 0
    triggers = values(
        db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_fts_%'"
    )
    assert triggers == [12]


def test_same_seed_gives_the_same_store(demo, tmp_path: Path) -> None:
    other = create_demo_store(tmp_path / "again.db", 1, today=TODAY)
    first = sqlite3.connect(demo[0])
    second = sqlite3.connect(str(other.path))
    try:
        query = "SELECT id, register_number, title, status FROM tasks ORDER BY id"
        assert first.execute(query).fetchall() == second.execute(query).fetchall()
    finally:
        first.close()
        second.close()


def test_an_existing_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "vorhanden.db"
    path.write_bytes(b"meine Daten")
    with pytest.raises(ServiceError, match="gibt es schon"):
        create_demo_store(path, 1, today=TODAY)
    assert path.read_bytes() == b"meine Daten"


def test_a_scale_out_of_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="zwischen 1 und"):
        create_demo_store(tmp_path / "x.db", 0)
    assert not (tmp_path / "x.db").exists()


def test_the_services_agree_with_the_demo(demo) -> None:
    from sromod.services.meetings import carry_over_open_tasks, get_meeting, resolve_meeting_ref
    from sromod.services.search import search

    with open_store(demo[0]) as store, store.engine.connect() as conn:
        upcoming = (
            conn.exec_driver_sql(
                "SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id "
                "WHERE m.date > ? AND m.state IN ('geplant', 'eingeladen') ORDER BY m.date",
                (TODAY.isoformat(),),
            )
            .scalars()
            .all()
        )
        conn.rollback()
        # The service's own carry-over finds nothing the demo has not already put on the agenda.
        assert upcoming and all(carry_over_open_tasks(store, mid) == 0 for mid in upcoming)
        first = get_meeting(store, resolve_meeting_ref(store, "AG SRO/1"))
        assert first.number == 1
        kinds = {group.kind for group in search(store, "ubergabe")}
        assert "top" in kinds


def test_summary_reads_as_german_text(demo) -> None:
    text = str(demo[1])
    assert "20 Gremien" in text and "Sitzungen" in text and "Aufgaben" in text
    assert text.endswith(" s") and "," in text.rsplit(" ", 2)[-2]
