"""Bodies, members, the standing agenda, planning a meeting and the people screen, through widgets."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sromod.models import AgendaItemKind, BodyKind, MemberRole
from sromod.services import agenda, bodies, directory, meetings, tasks
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from sromod.ui.dialogs.body_dialog import BodyDialog
from sromod.ui.dialogs.member_dialog import MemberDialog
from sromod.ui.dialogs.person_dialog import PersonDialog
from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
from sromod.ui.screens.bodies import BodiesScreen
from sromod.ui.screens.people import PeopleScreen
from tests.services.helpers import make_body, office_id

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def screen(store: Store, qtbot: QtBot) -> BodiesScreen:
    widget = BodiesScreen(AppContext(store))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def body_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Steuerungsrunde Bezirksregion Adlershof",
        "short_name": "StR Adlershof",
        "kind": BodyKind.STEERING,
        "region_id": None,
        "default_place": "Stadtteilzentrum Adlershof",
        "default_start": time(14, 0),
        "default_minutes": 90,
        "moderator_id": None,
        "minute_taker_id": None,
        "quorum": None,
        "needs_attendance_list": True,
        "active": True,
    }
    values.update(changes)
    return values


def test_create_and_edit_a_body(
    screen: BodiesScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = screen.context.store
    assert "Noch kein Gremium" in screen.body_title.text()
    monkeypatch.setattr(BodyDialog, "ask", lambda *_a: body_values())
    qtbot.mouseClick(screen.new_body_button, LEFT)
    (created,) = bodies.list_bodies(store)
    assert (created.short_name, created.default_start, created.needs_attendance_list) == (
        "StR Adlershof",
        time(14, 0),
        True,
    )
    assert screen.body_list.currentItem().text().startswith("StR Adlershof – ")
    assert "Stadtteilzentrum Adlershof" in screen.body_facts.text()
    assert screen.standing.model.rowCount() == 0  # a hidden tab does not load
    screen.tabs.setCurrentIndex(2)
    assert screen.standing.model.rowCount() == 5  # the default standing agenda

    monkeypatch.setattr(BodyDialog, "ask", lambda *_a: body_values(quorum=4))
    qtbot.mouseClick(screen.edit_body_button, LEFT)
    assert bodies.get_body(store, created.id).quorum == 4
    assert "beschlussfähig ab 4" in screen.body_facts.text()
    screen.context.undo_stack.undo()
    assert bodies.get_body(store, created.id).quorum is None


def test_body_dialog_typed_by_a_person(store: Store, qtbot: QtBot) -> None:
    dialog = BodyDialog(None, AppContext(store))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Ortsteilkonferenz Bohnsdorf")
    dialog.try_accept()
    assert dialog.problem.text() == "Bitte geben Sie eine Kurzbezeichnung ein."
    qtbot.keyClicks(dialog.short_name, "OTK Bohnsdorf")
    dialog.quorum.setValue(5)
    dialog.try_accept()
    values = dialog.values()
    assert (values["name"], values["short_name"], values["quorum"]) == (
        "Ortsteilkonferenz Bohnsdorf",
        "OTK Bohnsdorf",
        5,
    )
    dialog.quorum.setValue(0)
    assert dialog.values()["quorum"] is None  # 0 means: no quorum rule


def test_members_added_edited_ended(
    screen: BodiesScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = screen.context.store
    body_id = make_body(store, members=1)
    screen.reload_bodies()
    screen.tabs.setCurrentIndex(1)
    person = directory.create_person(store, "Erika Muster", office_id=office_id(store, "Jug"))
    monkeypatch.setattr(
        MemberDialog,
        "ask",
        lambda *_a: {
            "person_id": person,
            "role": MemberRole.DEPUTY,
            "voting": False,
            "valid_from": date(2026, 1, 1),
            "valid_to": None,
        },
    )
    screen.members.add_member()
    members = {m.name: m for m in bodies.list_members(store, body_id)}
    assert members["Erika Muster"].role == MemberRole.DEPUTY
    assert not members["Erika Muster"].voting
    assert screen.members.model.rowCount() == 2

    row = screen.members.model.row_of(members["Erika Muster"].id)
    assert row is not None
    screen.members.view.selectRow(row)
    monkeypatch.setattr(
        MemberDialog,
        "ask",
        lambda *_a: {
            "role": MemberRole.MEMBER,
            "voting": True,
            "valid_from": date(2026, 1, 1),
            "valid_to": None,
        },
    )
    screen.members.edit_member()
    erika = next(m for m in bodies.list_members(store, body_id) if m.name == "Erika Muster")
    assert (erika.role, erika.voting) == (MemberRole.MEMBER, True)
    row = screen.members.model.row_of(erika.id)
    assert row is not None
    screen.members.view.selectRow(row)
    screen.members.end_member()
    erika = next(m for m in bodies.list_members(store, body_id) if m.name == "Erika Muster")
    assert erika.valid_to == date.today()


def test_standing_agenda_add_move_delete(
    screen: BodiesScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = screen.context.store
    body_id = make_body(store, members=1)
    screen.reload_bodies()
    screen.tabs.setCurrentIndex(2)  # hidden tabs load when first shown
    tab = screen.standing
    tab.view.selectRow(1)  # after "Genehmigung des Protokolls"
    monkeypatch.setattr(
        AgendaItemDialog,
        "ask",
        lambda *_a, **_k: {
            "title": "Berichte aus den Bezirksregionen",
            "kind": AgendaItemKind.REPORT,
            "planned_minutes": 15,
            "description": "je Region 2 Minuten",
        },
    )
    tab.add_item()
    items = bodies.list_standing_items(store, body_id)
    assert [(i.position, i.title) for i in items][2] == (3, "Berichte aus den Bezirksregionen")
    assert items[2].description == "je Region 2 Minuten"
    assert tab.total.text() == "Zusammen 60 Minuten"
    assert screen.context.undo_stack.count() == 1  # add and description are one step

    tab.view.selectRow(2)
    tab.move_up()
    assert bodies.list_standing_items(store, body_id)[1].title == "Berichte aus den Bezirksregionen"
    tab.view.selectRow(0)
    tab.delete_item()
    titles = [i.title for i in bodies.list_standing_items(store, body_id)]
    assert titles[0] == "Berichte aus den Bezirksregionen"
    assert "Begrüßung und Feststellung der Tagesordnung" not in titles


def test_plan_meeting_from_template_with_carried_over_tasks(
    screen: BodiesScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = screen.context.store
    body_id = make_body(store)
    tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "SGA"), body_id=body_id)
    screen.reload_bodies()
    opened: list[tuple[str, str]] = []
    screen.context.navigate.connect(lambda kind, item: opened.append((kind, item)))
    monkeypatch.setattr(
        PlanMeetingDialog,
        "ask",
        lambda *_a: {"day": date(2026, 12, 9), "planned_start": time(9, 30), "place": None},
    )
    qtbot.mouseClick(screen.plan_button, LEFT)
    (meeting,) = meetings.list_meetings(store, body_id)
    assert (meeting.number, meeting.date, meeting.planned_start) == (
        1,
        date(2026, 12, 9),
        time(9, 30),
    )
    assert meeting.place == "Rathaus Köpenick, Raum 120"  # from the body
    assert opened == [("meeting", meeting.id)]
    items = agenda.list_agenda(store, meeting.id)
    assert [i.title for i in items][2] == "Wiedervorlage: Stand der Aufgaben"
    assert [r.task.title for r in tasks.list_reviews(store, items[2].id)] == ["Spielplatz prüfen"]
    assert screen.meetings_model.rowCount() == 1
    assert screen.meetings_model.index(0, 1).data() == "09.12.2026"


def test_plan_dialog_defaults_from_the_body(store: Store, qtbot: QtBot) -> None:
    body_id = make_body(store)
    dialog = PlanMeetingDialog(None, AppContext(store), body_id)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["place"] == "Rathaus Köpenick, Raum 120"
    assert values["planned_start"] == time(10, 0)
    assert values["day"] > date.today() and values["day"].weekday() < 5


def test_plan_dialog_says_when_the_standing_agenda_carries_nothing_over(
    store: Store, qtbot: QtBot
) -> None:
    """It promised carried-over tasks in a Wiedervorlage TOP the standing agenda did not have."""
    body_id = make_body(store)
    context = AppContext(store)

    def intro() -> str:
        dialog = PlanMeetingDialog(None, context, body_id)
        qtbot.addWidget(dialog)
        item = dialog.form.itemAt(0)
        label = item.widget() if item is not None else None
        assert isinstance(label, QLabel)
        return label.text()

    assert "offene Aufgaben kommen in den TOP „Wiedervorlage“" in intro()
    standing = bodies.list_standing_items(store, body_id)
    review = next(i for i in standing if i.kind == AgendaItemKind.REVIEW)
    bodies.delete_standing_item(store, review.id)
    assert "keinen TOP „Wiedervorlage“: offene Aufgaben werden nicht übernommen" in intro()
    for item in bodies.list_standing_items(store, body_id):
        bodies.delete_standing_item(store, item.id)
    assert "Die ständige Tagesordnung ist leer" in intro()


def test_people_screen_create_and_edit_person(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = PeopleScreen(AppContext(store))
    qtbot.addWidget(screen)
    screen.show()
    values = {
        "name": "Kim Nowak",
        "office_id": None,
        "organisation": "Nachbarschaftshaus Baumschulenweg",
        "function": "Koordination",
        "email": "kim@example.org",
        "phone": None,
        "external": True,
        "contact_consent": True,
        "active": True,
    }
    monkeypatch.setattr(PersonDialog, "ask", lambda *_a: dict(values))
    screen.new_person()
    kim = next(p for p in directory.list_people(store) if p.name == "Kim Nowak")
    assert (kim.external, kim.contact_consent, kim.organisation) == (
        True,
        True,
        "Nachbarschaftshaus Baumschulenweg",
    )
    assert screen.selected_person_id() == kim.id
    qtbot.keyClicks(screen.filter, "nachbarschafts")
    assert screen.people_proxy.rowCount() == 1

    monkeypatch.setattr(PersonDialog, "ask", lambda *_a: {**values, "active": False})
    screen.edit_person()
    assert not directory.get_person(store, kim.id).active
    assert screen.people_proxy.rowCount() == 0  # only active people are listed
    screen.show_item(kim.id)  # navigation finds inactive people too
    assert screen.selected_person_id() == kim.id


def test_members_table_fits_the_page_of_a_1280_window(
    screen: BodiesScreen, qtbot: QtBot, store: Store
) -> None:
    """Voting right, from and to sat behind a horizontal scroll bar on a 1280×800 screen."""
    body_id = make_body(store)
    screen.resize(1060, 700)  # the page beside the navigation of a 1280 px wide window
    screen.reload_bodies()
    screen.select_body(body_id)
    screen.tabs.setCurrentWidget(screen.members)
    view = screen.members.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    assert view.horizontalScrollBar().maximum() == 0


def test_people_table_fits_the_page_of_a_1280_window(store: Store, qtbot: QtBot) -> None:
    """The consent column sat behind a horizontal scroll bar on a 1280×800 screen."""
    screen = PeopleScreen(AppContext(store))
    qtbot.addWidget(screen)
    screen.resize(1045, 700)  # the page beside the navigation of a 1280 px wide window
    screen.show()
    directory.create_person(store, "Erika Muster", office_id=office_id(store, "Jug"))
    screen.reload()
    qtbot.waitUntil(lambda: screen.people_view.horizontalScrollBar().maximum() == 0)


def test_member_and_person_dialogs_typed_by_a_person(store: Store, qtbot: QtBot) -> None:
    context = AppContext(store)
    person = directory.create_person(store, "Erika Muster", office_id=office_id(store, "Jug"))
    dialog = MemberDialog(None, context, None)
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert dialog.problem.text() == "Bitte wählen Sie eine Person."
    assert dialog.person is not None
    dialog.person.setEditText("Erika Muster (Jug)")
    dialog.valid_from.set_value(date(2026, 3, 1))
    dialog.valid_to.set_value(date(2026, 2, 1))
    dialog.try_accept()
    assert dialog.problem.text() == "Das Ende der Mitgliedschaft liegt vor ihrem Beginn."
    dialog.valid_to.set_value(None)
    dialog.try_accept()
    assert dialog.values()["person_id"] == person
    assert dialog.values()["valid_to"] is None

    people = PersonDialog(None, context, directory.get_person(store, person))
    qtbot.addWidget(people)
    assert people.office.currentData() == office_id(store, "Jug")
    qtbot.mouseClick(people.consent, LEFT)
    assert people.values()["contact_consent"] is True
    assert people.values()["name"] == "Erika Muster"


def test_an_overlong_body_name_is_capped_in_the_dialog_not_refused_after_it(
    screen: BodiesScreen, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal after OK would close the dialog and throw away everything typed."""
    errors: list[str] = []
    screen.context.error.connect(errors.append)

    def typed(dialog: BodyDialog) -> dict[str, Any] | None:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.name, "Stadtteilkonferenz " * 12)  # 228 characters
        qtbot.keyClicks(dialog.short_name, "SRO" * 25)
        qtbot.keyClicks(dialog.place, "Saal " * 50)
        dialog.try_accept()
        return dialog.values()

    monkeypatch.setattr(BodyDialog, "run", typed)
    screen.new_body()
    assert errors == []
    [body] = bodies.list_bodies(screen.context.store)
    assert (len(body.name), len(body.short_name)) == (200, 60)
    assert body.name.startswith("Stadtteilkonferenz Stadtteilkonferenz")


def test_a_new_member_is_an_ordinary_member_not_the_chair(store: Store, qtbot: QtBot) -> None:
    directory.create_person(store, "Erika Muster", office_id=office_id(store, "Jug"))
    dialog = MemberDialog(None, AppContext(store), None)
    qtbot.addWidget(dialog)
    assert dialog.role.currentText() == "Mitglied"
    assert dialog.person is not None
    dialog.person.setEditText("Erika Muster (Jug)")
    assert dialog.values()["role"] == MemberRole.MEMBER


def test_agenda_item_dialog_returns_checked_regions(store: Store, qtbot: QtBot) -> None:
    dialog = AgendaItemDialog(None, AppContext(store), {})
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Kiezfonds Adlershof")
    dialog.regions.item(6).setCheckState(Qt.CheckState.Checked)
    values = dialog.values()
    assert values["title"] == "Kiezfonds Adlershof"
    assert values["kind"] == AgendaItemKind.DISCUSSION
    (region_id,) = values["region_ids"]
    names = {r.id: r.name for r in directory.list_regions(store)}
    assert names[region_id] == "Adlershof"
    template = AgendaItemDialog(None, AppContext(store), {}, template=True)
    qtbot.addWidget(template)
    assert "region_ids" not in template.values() and "presenter" not in template.values()
