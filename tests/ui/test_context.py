"""The undo stack runs service actions once and then replays or reverts them exactly."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sromod.models import Meeting
from sromod.services import agenda
from sromod.services.uow import unit_of_work
from sromod.store import Store
from sromod.ui import errors
from sromod.ui.context import AppContext
from tests.services.helpers import make_body, plan


def test_run_undo_redo_and_refusal(store: Store, qtbot: QtBot) -> None:
    context = AppContext(store)
    meeting = plan(store, make_body(store))
    seen: list[set[str]] = []
    context.changed.connect(seen.append)
    errors: list[str] = []
    context.error.connect(errors.append)

    item_id = context.run("TOP hinzufügen", agenda.add_agenda_item, meeting, "Kiezkasse")
    assert any(i.id == item_id for i in agenda.list_agenda(store, meeting))
    assert "agenda_items" in seen[-1]
    context.undo_stack.undo()
    assert all(i.id != item_id for i in agenda.list_agenda(store, meeting))
    context.undo_stack.redo()
    assert any(i.id == item_id for i in agenda.list_agenda(store, meeting))

    depth = context.undo_stack.count()
    assert context.run("TOP hinzufügen", agenda.add_agenda_item, meeting, "  ") is None
    assert errors == ["Der Titel des TOP darf nicht leer sein."]
    assert context.undo_stack.count() == depth


def test_unexpected_error_leaves_no_row_and_no_undo_entry(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = AppContext(store)
    meeting = plan(store, make_body(store))
    context.run("TOP hinzufügen", agenda.add_agenda_item, meeting, "Kiezkasse")
    titles = [i.title for i in agenda.list_agenda(store, meeting)]
    shown: list[str] = []
    monkeypatch.setattr(
        errors.CrashDialog, "exec", lambda dialog: shown.append(dialog.details.toPlainText())
    )

    def add_then_break(store: Store, meeting_id: str) -> None:
        agenda.add_agenda_item(store, meeting_id, "Nur halb angelegt")  # committed on its own
        with unit_of_work(store) as session:
            row = session.get(Meeting, meeting_id)
            assert row is not None
            row.place = "Rathaus"
            session.flush()
            raise RuntimeError("Programmfehler")

    depth = context.undo_stack.count()
    assert context.run("Kaputt", add_then_break, meeting) is None
    # the first unit committed its row; it is taken back as well
    assert [i.title for i in agenda.list_agenda(store, meeting)] == titles
    with store.session() as session:
        row = session.get(Meeting, meeting)
        assert row is not None and row.place != "Rathaus"
    assert context.undo_stack.count() == depth
    assert context.undo_stack.undoText() == "TOP hinzufügen"
    assert len(shown) == 1 and "builtins.RuntimeError" in shown[0]
    assert "Programmfehler" not in shown[0]
    context.undo_stack.undo()  # undoes the last real action, not the broken one
    assert [i.title for i in agenda.list_agenda(store, meeting)] == titles[:-1]
    context.undo_stack.redo()
    assert [i.title for i in agenda.list_agenda(store, meeting)] == titles
    assert not context.undo_stack.canRedo()


def test_the_answers_handed_over_with_the_first_store_are_used_once(store: Store) -> None:
    """open_first answers the screens' first calls from what the worker asked already."""
    asked: list[str] = []

    def listed(_store: Store) -> list[str]:
        asked.append("listed")
        return ["aus der Datenbank"]

    def counted(_store: Store, items: list[str]) -> int:  # a list: no key of the answers
        return len(items)

    context = AppContext(None)
    seen: list[object] = []

    def screen_fills(_tables: object) -> None:
        seen.extend(
            [context.query(counted, ["a", "b"]), context.query(listed), context.query(listed)]
        )

    context.changed.connect(screen_fills)
    context.open_first(store, {(listed,): ["vorab gelesen"], (counted, "x"): 1})
    assert seen == [2, ["vorab gelesen"], ["aus der Datenbank"]]  # once, then the store
    assert asked == ["listed"]
    assert context.ready and context.store is store
    assert context.query(listed) == ["aus der Datenbank"]  # nothing kept after the hand-over
