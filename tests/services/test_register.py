"""The registers filter, count and sort in SQL; the counts agree with the database itself."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from sromod.models import DecisionKind, TaskEventSource, TaskStatus
from sromod.services import register, tasks
from sromod.services.register import DecisionFilter
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.services.register_data import TODAY, Register, build_register


@pytest.fixture
def reg(store: Store) -> Register:
    return build_register(store)


def _sql_count(store: Store, where: str, **params: object) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM tasks WHERE {where}"), params).scalar_one()
        )


def _all(
    store: Store, f: TaskFilter, sort: str = "due_date", descending: bool = False
) -> list[register.TaskRow]:
    return register.task_page(store, f, sort=sort, descending=descending, limit=10_000)


def test_filters_agree_with_sql(store: Store, reg: Register) -> None:
    jug = reg.offices["Jug"]
    cases = [
        (TaskFilter(today=TODAY), "1=1", {}),
        (TaskFilter(office_id=jug, today=TODAY), "office_id = :o", {"o": jug}),
        (
            TaskFilter(office_id=jug, statuses=(TaskStatus.OPEN,), today=TODAY),
            "office_id = :o AND status = 'offen'",
            {"o": jug},
        ),
        (
            TaskFilter(overdue=True, today=TODAY),
            "due_date < '2026-11-25' AND status IN ('offen', 'in_bearbeitung')",
            {},
        ),
        (
            TaskFilter(due_from=date(2026, 10, 1), due_to=date(2026, 12, 1), today=TODAY),
            "due_date BETWEEN '2026-10-01' AND '2026-12-01'",
            {},
        ),
        (
            TaskFilter(region_id=reg.region_id, today=TODAY),
            "region_id IN (SELECT id FROM regions WHERE id = :r OR parent_id = :r)",
            {"r": reg.region_id},
        ),
    ]
    for f, where, params in cases:
        expected = _sql_count(store, where, **params)
        assert len(_all(store, f)) == expected, where
        assert register.task_totals(store, f).total == expected, where
    assert len(_all(store, TaskFilter(region_id=reg.region_id))) == 4  # BZR and its Planungsraum
    words = TaskFilter(office_id=jug, text="aufgabe jug")
    assert register.task_totals(store, words).total == 4
    assert [r.title for r in _all(store, TaskFilter(text="Aufgabe 7"))] == ["Aufgabe 7 für Soz"]


def test_counts_per_office(store: Store, reg: Register) -> None:
    counts = {c.office_code: c for c in register.office_counts(store, TaskFilter(today=TODAY))}
    jug = counts["Jug"]
    assert (jug.open, jug.overdue, jug.total) == (3, 2, 4)
    assert jug.office_name == "Jugendamt"
    assert (counts["SGA"].open, counts["SGA"].overdue) == (1, 0)  # deferred is not overdue
    totals = register.task_totals(store, TaskFilter(today=TODAY))
    assert totals.open == _sql_count(store, "status IN ('offen', 'in_bearbeitung')")
    assert totals.overdue == 2


def test_overdue_marked_and_sorted(store: Store, reg: Register) -> None:
    rows = _all(store, TaskFilter(today=TODAY), sort="overdue", descending=True)
    assert [r.overdue for r in rows[:2]] == [True, True]
    assert not any(r.overdue for r in rows[2:])
    by_due = [r.due_date for r in _all(store, TaskFilter(today=TODAY), sort="due_date")]
    dated = [d for d in by_due if d is not None]
    assert dated == sorted(dated)


@pytest.mark.parametrize("key", register.TASK_SORT_KEYS)
def test_every_sort_key_pages_consistently(store: Store, reg: Register, key: str) -> None:
    f = TaskFilter(today=TODAY)
    whole = _all(store, f, sort=key)
    paged = [
        r
        for off in range(0, 8, 3)
        for r in register.task_page(store, f, sort=key, offset=off, limit=3)
    ]
    assert [r.id for r in paged] == [r.id for r in whole]
    assert len({r.id for r in whole}) == 8
    target = whole[5].id
    assert register.task_position(store, f, target, sort=key) == 5


def test_history_records_each_source(store: Store, reg: Register) -> None:
    task_id = reg.task_ids[1]
    tasks.set_task_status(store, task_id, TaskStatus.IN_PROGRESS)  # Bearbeitung
    tasks.set_task_status(store, task_id, TaskStatus.DONE, source=TaskEventSource.MEETING,
                          meeting_id=reg.meeting_id)  # fmt: skip
    tasks.set_task_status(store, task_id, TaskStatus.OPEN, source=TaskEventSource.IMPORT,
                          note="laut Rückmeldung Jug")  # fmt: skip
    history = register.task_history(store, task_id)
    changes = [(e.source, e.old_status, e.new_status) for e in history if e.new_status]
    assert changes[-3:] == [
        (TaskEventSource.EDIT, TaskStatus.OPEN, TaskStatus.IN_PROGRESS),
        (TaskEventSource.MEETING, TaskStatus.IN_PROGRESS, TaskStatus.DONE),
        (TaskEventSource.IMPORT, TaskStatus.DONE, TaskStatus.OPEN),
    ]
    assert history[-1].meeting is None and history[-1].note == "laut Rückmeldung Jug"
    meeting = history[-2].meeting
    assert meeting is not None and meeting.meeting_id == reg.meeting_id
    assert meeting.date == date(2026, 9, 23) and meeting.body_short_name == "AG SRO"


def test_decision_register(store: Store, reg: Register) -> None:
    rows = register.decision_page(store, DecisionFilter())
    assert len(rows) == 1
    row = rows[0]
    assert row.votes == "9 : 1 : 2" and row.kind == DecisionKind.BESCHLUSS
    assert row.top_number == "6" and "Übergabe" in row.top_title
    assert row.meeting_id == reg.meeting_id
    assert register.decision_count(store, DecisionFilter(text="ubergabe")) == 1
    assert register.decision_count(store, DecisionFilter(text="Spielplatz")) == 0
    assert register.decision_count(store, DecisionFilter(office_id=reg.offices["Jug"])) == 1
    assert register.decision_count(store, DecisionFilter(office_id=reg.offices["SGA"])) == 0
    assert register.decision_count(store, DecisionFilter(kind=DecisionKind.EMPFEHLUNG)) == 0


def test_breakdowns(store: Store, reg: Register) -> None:
    jug = TaskFilter(office_id=reg.offices["Jug"], today=TODAY)
    by_status = register.tasks_by_status(store, jug)
    assert dict(zip(by_status.labels, by_status.values, strict=True)) == {
        "offen": 2, "in Bearbeitung": 1, "erledigt": 1,
    }  # fmt: skip
    by_region = register.tasks_by_region(store, jug)
    counted = dict(zip(by_region.labels, by_region.values, strict=True))
    assert sum(counted.values()) == 4
    assert counted["ohne Region"] == 1
    assert max(counted.values()) == 3  # the Planungsraum counts for its Bezirksregion


def test_text_filters_agree_with_the_search_index(store: Store, reg: Register) -> None:
    # On SQLite the filters find rows by the index's rowid (source rowid * 8 + kind), which reads
    # no stored text; they must name the same rows as the index's own ids, gaps in the rowids
    # included (on PostgreSQL they match by id).
    from sromod.services import decisions
    from sromod.store import fts

    gone = decisions.add_decision(store, reg.item_id, "Übergabe vertagt", DecisionKind.BESCHLUSS)
    decisions.delete_decision(store, gone.id)
    decisions.add_decision(store, reg.item_id, "Übergabe im Frühjahr", DecisionKind.BESCHLUSS)
    with store.engine.connect() as conn:
        for text in ("ubergabe", "Aufgabe", "jug", "a", "Soz"):
            query = fts.parse_query(text)
            matches = fts.best_matches(conn, query, ("task", "decision"), 1000, cap=1000)
            refs = {kind: {ref for ref, _title, _body in m.shown} for kind, m in matches.items()}
            tasks_found = {r.id for r in _all(store, TaskFilter(text=text, today=TODAY))}
            assert tasks_found == refs["task"]
            by_index = refs["decision"]
            rows = register.decision_page(store, DecisionFilter(text=text), limit=100)
            assert {r.id for r in rows} == by_index
    assert register.decision_count(store, DecisionFilter(text="ubergabe")) == 2
