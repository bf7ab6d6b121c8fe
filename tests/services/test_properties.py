"""Property tests: random sequences of edits keep the services' invariants.

- TOP numbering stays contiguous and follows a simple model of the agenda editor;
- undoing recorded actions (in reverse) restores every table's contents exactly, redo repeats them;
- carry-over never puts a task twice into a Wiedervorlage, and every task's history ends in its
  current status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, text

from sromod.models import (
    PENDING_TASK_STATUSES,
    AgendaItem,
    AgendaItemKind,
    Base,
    Task,
    TaskEvent,
    TaskReview,
    TaskStatus,
)
from sromod.services import agenda, meetings, tasks
from sromod.services.errors import ServiceError
from sromod.services.reference import load_reference_data
from sromod.services.uow import record, redo, undo
from sromod.store import Store, open_store
from tests.services.helpers import make_body, office_id

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def prop_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for all examples (each example works in its own meeting)."""
    store = open_store(tmp_path_factory.mktemp("prop") / "prop.db", initialise=load_reference_data)

    # Durability is proven elsewhere (crash harness); here it only costs time.
    def fast(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    store.engine.dispose()
    event.listen(store.engine, "connect", fast)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def body_id(prop_store: Store) -> str:
    return make_body(prop_store, members=3)


_days = iter(range(1, 10_000))


def new_meeting(store: Store, body: str) -> str:
    return meetings.plan_meeting(store, body, date(2030, 1, 1) + timedelta(days=next(_days)))


# --- agenda: a model of the editor ---------------------------------------------------------

Model = list[tuple[str, list[str]]]  # top-level ids in order, each with its sub-item ids

OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "add_sub", "move", "indent", "outdent", "delete"]),
        st.integers(0, 30),
        st.integers(0, 8),
    ),
    min_size=1,
    max_size=14,
)


def read_model(store: Store, meeting: str) -> Model:
    model: Model = []
    for info in agenda.list_agenda(store, meeting):
        if info.parent_id is None:
            model.append((info.id, []))
        else:
            assert model[-1][0] == info.parent_id
            model[-1][1].append(info.id)
    return model


def flat(model: Model) -> list[tuple[str, str | None]]:
    return [(top, None) for top, _ in model] + [(s, top) for top, subs in model for s in subs]


def apply(store: Store, meeting: str, model: Model, op: str, pick: int, pos: int) -> Model:
    """Do op through the services and return what the model says the agenda now is."""
    items = flat(model)
    target, parent = items[pick % len(items)] if items else (None, None)
    tops = [top for top, _ in model]
    expected = [(top, list(subs)) for top, subs in model]
    if op == "add":
        new = agenda.add_agenda_item(store, meeting, f"Thema {pick}", position=pos or None)
        index = len(tops) if not pos else min(pos - 1, len(tops))
        expected.insert(index, (new, []))
    elif op == "add_sub" and target is not None and parent is None:
        new = agenda.add_agenda_item(store, meeting, f"Punkt {pick}", parent_id=target)
        expected[tops.index(target)][1].append(new)
    elif op == "move" and target is not None:
        agenda.move_agenda_item(store, target, pos)
        siblings = tops if parent is None else expected[tops.index(parent)][1]
        entry = expected.pop(tops.index(target)) if parent is None else None
        if parent is None:
            assert entry is not None
            expected.insert(max(0, min(pos - 1, len(expected))), entry)
        else:
            siblings.remove(target)
            siblings.insert(max(0, min(pos - 1, len(siblings))), target)
    elif op == "indent" and target is not None:
        agenda.indent_agenda_item(store, target)  # raises unless a childless TOP below another
        index = tops.index(target)
        expected.pop(index)
        expected[index - 1][1].append(target)
    elif op == "outdent" and target is not None:
        agenda.outdent_agenda_item(store, target)  # raises unless a sub-item
        assert parent is not None
        index = tops.index(parent)
        expected[index][1].remove(target)
        expected.insert(index + 1, (target, []))
    elif op == "delete" and target is not None:
        agenda.delete_agenda_item(store, target)
        if parent is None:
            expected.pop(tops.index(target))
        else:
            expected[tops.index(parent)][1].remove(target)
    return expected


def assert_contiguous(store: Store, meeting: str) -> None:
    numbers = [info.number for info in agenda.list_agenda(store, meeting)]
    tops = [n for n in numbers if "." not in n]
    assert tops == [str(i) for i in range(1, len(tops) + 1)]
    for top in tops:
        subs = [n for n in numbers if n.startswith(top + ".")]
        assert subs == [f"{top}.{i}" for i in range(1, len(subs) + 1)]


@SETTINGS
@given(ops=OPS)
def test_agenda_edits_keep_numbering_contiguous(
    prop_store: Store, body_id: str, ops: list[tuple[str, int, int]]
) -> None:
    meeting = new_meeting(prop_store, body_id)
    model = read_model(prop_store, meeting)
    for op, pick, pos in ops:
        try:
            expected = apply(prop_store, meeting, model, op, pick, pos)
        except ServiceError:
            expected = model  # a refused edit changes nothing
        model = read_model(prop_store, meeting)
        assert model == expected, (op, pick, pos)
        assert_contiguous(prop_store, meeting)


# --- undo and redo ---------------------------------------------------------------------------


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every domain table's rows, sorted by id (the search index follows by triggers).

    All columns but the version, which keeps rising through undo and redo.
    """
    with store.session() as session:
        return {
            table.name: [
                tuple(r)
                for r in session.execute(
                    select(*(c for c in table.c if c.name != "version")).order_by(table.c.id)
                )
            ]
            for table in Base.metadata.sorted_tables
        }


@SETTINGS
@given(ops=OPS)
def test_undo_restores_every_table_exactly(
    prop_store: Store, body_id: str, ops: list[tuple[str, int, int]]
) -> None:
    meeting = new_meeting(prop_store, body_id)
    states = [snapshot(prop_store)]
    done = []
    for op, pick, pos in ops:
        model = read_model(prop_store, meeting)
        try:
            _, changes = record(prop_store, apply, meeting, model, op, pick, pos)
        except ServiceError:
            continue
        if changes:
            done.append(changes)
            states.append(snapshot(prop_store))
    for changes, before in zip(reversed(done), reversed(states[:-1]), strict=True):
        undo(prop_store, changes)
        assert snapshot(prop_store) == before
    for changes, after in zip(done, states[1:], strict=True):
        redo(prop_store, changes)
        assert snapshot(prop_store) == after
    with prop_store.session() as session:
        assert session.execute(text("PRAGMA foreign_key_check")).all() == []


# --- carry-over and task history -----------------------------------------------------------

TASK_OPS = st.lists(
    st.tuples(
        st.sampled_from(["task", "status", "plan", "carry", "review"]),
        st.integers(0, 50),
        st.sampled_from(list(TaskStatus)),
    ),
    min_size=1,
    max_size=16,
)


def review_item(store: Store, meeting: str) -> str:
    with store.session() as session:
        return session.scalars(
            select(AgendaItem.id).where(
                AgendaItem.meeting_id == meeting, AgendaItem.kind == AgendaItemKind.REVIEW
            )
        ).one()


def _task_op(store: Store, body: str, state: dict[str, Any], op: tuple[str, int, TaskStatus]):
    kind, pick, status = op
    meeting = state["meetings"][-1]
    if kind == "task":
        top = agenda.list_agenda(store, meeting)[pick % 3].id
        info = tasks.add_task(store, f"Aufgabe {pick}", office_id=state["office"],
                              agenda_item_id=top)  # fmt: skip
        state["tasks"].append(info.id)
    elif kind == "status" and state["tasks"]:
        tasks.set_task_status(store, state["tasks"][pick % len(state["tasks"])], status)
    elif kind == "plan":
        state["meetings"].append(new_meeting(store, body))
        assert_review_holds_pending(store, body, state["meetings"][-1])
    elif kind == "carry":
        meetings.carry_over_open_tasks(store, meeting)
    elif kind == "review":
        reviews = tasks.list_reviews(store, review_item(store, meeting))
        if reviews:
            tasks.review_task(store, reviews[pick % len(reviews)].id, status)


def assert_review_holds_pending(store: Store, body: str, meeting: str) -> None:
    """A newly planned meeting reviews exactly the body's pending tasks, each once."""
    with store.session() as session:
        reviewed = list(
            session.scalars(
                select(TaskReview.task_id).where(
                    TaskReview.agenda_item_id == review_item(store, meeting)
                )
            )
        )
        pending = set(
            session.scalars(
                select(Task.id).where(Task.body_id == body, Task.status.in_(PENDING_TASK_STATUSES))
            )
        )
    assert sorted(reviewed) == sorted(pending)


def assert_tasks_consistent(store: Store) -> None:
    with store.session() as session:
        per_item = Counter(session.execute(select(TaskReview.agenda_item_id, TaskReview.task_id)))
        assert all(n == 1 for n in per_item.values())
        positions: dict[str, list[int]] = {}
        for item_id, position in session.execute(
            select(TaskReview.agenda_item_id, TaskReview.position)
        ):
            positions.setdefault(item_id, []).append(position)
        for found in positions.values():
            assert sorted(found) == list(range(1, len(found) + 1))
        for task in session.scalars(select(Task)):
            changes = [
                e.new_status
                for e in session.scalars(
                    select(TaskEvent).where(TaskEvent.task_id == task.id).order_by(TaskEvent.at)
                )
                if e.new_status is not None
            ]
            assert changes and changes[-1] == task.status
            assert (task.completed_on is not None) == (task.status == TaskStatus.DONE)


@SETTINGS
@given(ops=TASK_OPS)
def test_carry_over_never_duplicates_and_history_matches_status(
    prop_store: Store, body_id: str, ops: list[tuple[str, int, TaskStatus]]
) -> None:
    state: dict[str, Any] = {
        "meetings": [new_meeting(prop_store, body_id)],
        "tasks": [],
        "office": office_id(prop_store, "Jug"),
    }
    for op in ops:
        _task_op(prop_store, body_id, state, op)
        assert_tasks_consistent(prop_store)


# --- any text a user can type ----------------------------------------------------------------

TEXTS = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "   ",
            "Spielplatz 🛝 im Kiez 🌳",
            "مركز الحي – Stadtteilzentrum",  # right-to-left
            "שלום Übergabe",
            "=SUMME(A1:A9)",
            "x" * 10_000,
            "Ergebnis\n\n" + "Ä" * 20_000,
            "\x00\x1b[31m",
        ]
    ),
)


@SETTINGS
@given(title=TEXTS, result=TEXTS)
def test_any_text_is_kept_or_refused_with_a_message(
    prop_store: Store, body_id: str, title: str, result: str
) -> None:
    meeting = new_meeting(prop_store, body_id)
    try:
        item = agenda.add_agenda_item(prop_store, meeting, title)
    except ServiceError as exc:
        assert exc.message.startswith("Der Titel des TOP ")
        assert not title.strip() or len(title.strip()) > 500
        return
    assert agenda.get_agenda_item(prop_store, item).title == title.strip()
    try:
        agenda.update_agenda_item(prop_store, item, result=result)
    except ServiceError as exc:
        assert exc.message.startswith("Das Ergebnis ist zu lang")
        return
    assert agenda.get_agenda_item(prop_store, item).result == (result.strip() or None)
