"""The undo stack runs service actions once and then replays or reverts them exactly."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sromod.services import agenda
from sromod.store import Store
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
