"""The agenda editor changes the database through clicks and keys, and Ctrl+Z restores it exactly."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemKind, RegionLevel
from sromod.services import agenda, directory, meetings, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from sromod.ui.itemmodels.agenda import COL_MINUTES, COL_START
from sromod.ui.screens.agenda_editor import AgendaEditor
from tests.services.helpers import make_body, office_id, plan
from tests.ui.prep_helpers import Errors, agenda_snapshot


@pytest.fixture
def editor(store: Store, qtbot: QtBot) -> AgendaEditor:
    context = AppContext(store)
    meeting_id = plan(store, make_body(store))
    widget = AgendaEditor(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.set_meeting(meeting_id)
    return widget


def titles(store: Store, meeting_id: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in agenda.list_agenda(store, meeting_id)]


def test_template_agenda_is_shown_with_planned_times(editor: AgendaEditor) -> None:
    model = editor.model
    assert model.rowCount() == 5
    assert model.index(0, 0).data() == "TOP 1"
    assert model.index(0, COL_START).data() == "10:00"
    assert model.index(1, COL_START).data() == "10:05"  # after 5 minutes of TOP 1
    assert "45 Minuten" in editor.summary.text()
    assert "10:00–10:45 Uhr" in editor.summary.text()


def test_quick_add_move_indent_with_keys_and_undo_all(editor: AgendaEditor, qtbot: QtBot) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    before = agenda_snapshot(store, meeting_id)
    stack = editor.context.undo_stack

    qtbot.keyClicks(editor.quick_title, "Kiezkasse Adlershof")
    editor.quick_minutes.setValue(25)
    qtbot.keyClick(editor.quick_title, Qt.Key.Key_Return)
    assert titles(store, meeting_id)[-1] == ("6", "Kiezkasse Adlershof")
    assert editor.quick_title.text() == ""
    assert "70 Minuten" in editor.summary.text()

    editor.tree.setFocus()
    selected = editor.selected_item()
    assert selected is not None and selected.title == "Kiezkasse Adlershof"
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(store, meeting_id)[4] == ("5", "Kiezkasse Adlershof")
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(store, meeting_id)[3] == ("4", "Kiezkasse Adlershof")

    # Ctrl+Right: becomes a sub-item of the TOP above (TOP 3, the Wiedervorlage)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert ("3.1", "Kiezkasse Adlershof") in titles(store, meeting_id)
    index = editor.model.index_of(editor.selected_id() or "")
    assert index.parent().isValid()  # shown as a child in the tree
    selected = editor.selected_item()
    assert selected is not None and selected.number == "3.1"

    qtbot.keyClick(editor.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert ("4", "Kiezkasse Adlershof") in titles(store, meeting_id)

    assert stack.count() == 5
    assert stack.undoText() == "TOP 3.1 ausrücken"
    for _ in range(5):
        stack.undo()
    assert agenda_snapshot(store, meeting_id) == before
    assert editor.model.rowCount() == 5
    for _ in range(5):
        stack.redo()
    assert ("4", "Kiezkasse Adlershof") in titles(store, meeting_id)


def test_inline_minutes_edit_updates_total_and_end(editor: AgendaEditor, qtbot: QtBot) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    index = editor.model.index(3, COL_MINUTES)  # Verschiedenes, 10 minutes
    assert editor.model.setData(index, 40)
    qtbot.waitUntil(lambda: agenda.list_agenda(store, meeting_id)[3].planned_minutes == 40)
    assert "75 Minuten" in editor.summary.text()
    assert "10:00–11:15 Uhr" in editor.summary.text()
    assert editor.model.index(4, COL_START).data() == "11:10"
    editor.context.undo_stack.undo()
    assert agenda.list_agenda(store, meeting_id)[3].planned_minutes == 10


def test_drop_moves_a_top_into_another_as_sub_item(editor: AgendaEditor, qtbot: QtBot) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    before = agenda_snapshot(store, meeting_id)
    model = editor.model
    dragged = model.index(4, 0)  # Nächster Termin
    data = model.mimeData([dragged])
    target = model.index(1, 0)  # onto TOP 2
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    # False tells the view not to remove the source row: the move reloads the model instead
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    qtbot.waitUntil(lambda: ("2.1", "Nächster Termin") in titles(store, meeting_id))
    # dropped between rows at top level: back to first place
    data = model.mimeData([model.index_of(editor.selected_id() or "")])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    qtbot.waitUntil(lambda: titles(store, meeting_id)[0] == ("1", "Nächster Termin"))
    editor.context.undo_stack.undo()
    editor.context.undo_stack.undo()
    assert agenda_snapshot(store, meeting_id) == before


def test_edit_dialog_sets_presenter_and_regions_in_one_step(
    editor: AgendaEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    before = agenda_snapshot(store, meeting_id)
    region = directory.list_regions(store, RegionLevel.BEZIRKSREGION)[0]
    seen: list[dict[str, Any]] = []

    def ask(_parent: Any, _context: Any, initial: dict[str, Any], **_: Any) -> dict[str, Any]:
        seen.append(initial)
        return {
            "title": "Verschiedenes und Termine",
            "kind": AgendaItemKind.MISC,
            "planned_minutes": 15,
            "presenter": "Frau Wolf (SPK)",
            "description": None,
            "region_ids": [region.id],
        }

    monkeypatch.setattr(AgendaItemDialog, "ask", ask)
    editor.select(agenda.list_agenda(store, meeting_id)[3].id)
    editor.buttons["edit"].click()
    assert seen[0]["title"] == "Verschiedenes"
    item = agenda.list_agenda(store, meeting_id)[3]
    assert (item.title, item.presenter, item.region_ids) == (
        "Verschiedenes und Termine",
        "Frau Wolf (SPK)",
        (region.id,),
    )
    assert region.name in editor.model.index(3, 5).data()
    editor.context.undo_stack.undo()  # one step undoes fields and tags together
    assert agenda_snapshot(store, meeting_id) == before


def test_delete_with_key_and_refusal_for_review_top(editor: AgendaEditor, qtbot: QtBot) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    errors = Errors(editor.context)
    editor.select(agenda.list_agenda(store, meeting_id)[3].id)  # Verschiedenes
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert [t for _, t in titles(store, meeting_id)] == [
        "Begrüßung und Feststellung der Tagesordnung",
        "Genehmigung des Protokolls der letzten Sitzung",
        "Wiedervorlage: Stand der Aufgaben",
        "Nächster Termin",
    ]
    # a Wiedervorlage TOP holding carried-over tasks is refused with a German sentence
    body_id = meetings.get_meeting(store, meeting_id).body_id
    tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "SGA"), body_id=body_id)
    meetings.carry_over_open_tasks(store, meeting_id)
    editor.reload()
    editor.select(agenda.list_agenda(store, meeting_id)[2].id)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert errors.seen and "kann nicht gelöscht werden" in errors.seen[-1]
    assert len(titles(store, meeting_id)) == 4


def test_review_top_lists_carried_tasks_and_takes_late_ones(
    editor: AgendaEditor, qtbot: QtBot
) -> None:
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    review = agenda.list_agenda(store, meeting_id)[2]
    editor.select(review.id)
    details = editor.details
    assert details.carry_button.isVisible()
    assert "Keine offenen Aufgaben zur Wiedervorlage." in details.text.text()
    body_id = meetings.get_meeting(store, meeting_id).body_id
    task = tasks.add_task(
        store, "Spielplatz prüfen", office_id=office_id(store, "SGA"), body_id=body_id
    )
    qtbot.mouseClick(details.carry_button, Qt.MouseButton.LeftButton)
    assert [r.task.id for r in tasks.list_reviews(store, review.id)] == [task.id]
    assert f"{task.register_number} Spielplatz prüfen (SGA)" in details.text.text()
    editor.context.undo_stack.undo()
    assert tasks.list_reviews(store, review.id) == []
    assert "Keine offenen Aufgaben" in details.text.text()
    editor.select(agenda.list_agenda(store, meeting_id)[0].id)
    assert not details.carry_button.isVisible()


def test_one_task_and_one_top_are_counted_in_the_singular(
    editor: AgendaEditor, qtbot: QtBot
) -> None:
    """ "1 Aufgaben zur Wiedervorlage" and "für 1 TOPs" read wrong."""
    store, meeting_id = editor.context.store, editor.meeting_id
    assert meeting_id is not None
    review = agenda.list_agenda(store, meeting_id)[2]
    editor.select(review.id)
    body_id = meetings.get_meeting(store, meeting_id).body_id
    tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "SGA"), body_id=body_id)
    messages: list[str] = []
    editor.context.message.connect(messages.append)
    qtbot.mouseClick(editor.details.carry_button, Qt.MouseButton.LeftButton)
    assert messages == ["1 Aufgabe in die Wiedervorlage übernommen."]
    assert "1 Aufgabe zur Wiedervorlage:" in editor.details.text.text()
    for item in agenda.list_agenda(store, meeting_id):
        if item.id != review.id:
            editor.context.run("", agenda.delete_agenda_item, item.id)
    qtbot.waitUntil(lambda: "für 1 TOP " in editor.summary.text() + " ")
    assert editor.summary.text().startswith("Geplant: 20 Minuten für 1 TOP ·")


def test_agenda_model_passes_qt_model_tester(editor: AgendaEditor, qtmodeltester: Any) -> None:
    editor.select(agenda.list_agenda(editor.context.store, editor.meeting_id or "")[4].id)
    editor.indent()  # a sub-item, so the tree has two levels
    qtmodeltester.check(editor.model)
