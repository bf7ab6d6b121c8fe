"""After "Datenbank öffnen…" every screen shows the new file, and every action acts on it.

Each screen is built on store A first, then the window switches to store B through the menu
action (the file dialog answered with B's path). What the screen then shows must be B's, and what
the user does there must land in B: a screen that kept A's store shows A's task, or changes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from sromod.models import (
    AttendanceStatus,
    BodyKind,
    DecisionKind,
    MeetingState,
    MemberRole,
    RegionLevel,
    TaskStatus,
)
from sromod.services import (
    agenda,
    attendance,
    bodies,
    decisions,
    directory,
    meetings,
    register,
    tasks,
)
from sromod.services.reference import load_reference_data
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.dialogs import task_detail
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.decision_register import DecisionRegisterScreen
from sromod.ui.screens.meeting import TAB_AGENDA, TAB_ATTENDANCE
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.people import PeopleScreen
from sromod.ui.screens.region_view import RegionViewScreen
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.services.helpers import office_id
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")

SOON = date.today() + timedelta(days=7)


@dataclass
class Content:
    """One store's own data, every name ending in its tag ("Alpha" in A, "Beta" in B)."""

    tag: str
    body_id: str
    person_id: str
    meeting_id: str
    item_id: str
    decision_id: str
    task_id: str
    office_id: str  # Jugendamt, which owes the task
    region_id: str  # the Bezirksregion TOP, decision and task are tagged with


def fill(store: Store, tag: str) -> Content:
    body = bodies.create_body(store, f"Gremium {tag}", f"AG {tag}", BodyKind.AG_SRO)
    jug = office_id(store, "Jug")
    person = directory.create_person(store, f"Person {tag}", office_id=jug)
    bodies.add_member(store, body, person, MemberRole.MEMBER)
    meeting = meetings.plan_meeting(store, body, SOON)
    attendance.set_attendance(store, meeting, person, AttendanceStatus.PRESENT)
    item = agenda.add_agenda_item(store, meeting, f"Thema {tag}")
    region = directory.list_regions(store, RegionLevel.BEZIRKSREGION)[0]
    agenda.set_region_tags(store, item, [region.id])
    decision = decisions.add_decision(
        store, item, f"Beschluss {tag}", DecisionKind.BESCHLUSS, region_ids=[region.id]
    )
    task = tasks.add_task(
        store, f"Aufgabe {tag}", office_id=jug, due_date=SOON, agenda_item_id=item,
        decision_id=decision.id, region_id=region.id,
    )  # fmt: skip
    return Content(tag, body, person, meeting, item, decision.id, task.id, jug, region.id)


@dataclass
class Switched:
    window: MainWindow
    a: Content
    b: Content

    @property
    def store(self) -> Store:
        return self.window.context.store


@pytest.fixture
def stores(store: Store, tmp_path: Path) -> tuple[Content, Content, Path]:
    """A (the test's store, open) and B (another file, closed), each with its own data."""
    a = fill(store, "Alpha")
    b_path = tmp_path / "zweite Datenbank ä.db"
    with open_store(b_path, initialise=load_reference_data) as other:
        b = fill(other, "Beta")
    return a, b, b_path


def open_through_menu(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Datenbank öffnen…" as the user does it: the menu action, the file dialog answers."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    window.menu_actions.open_store.trigger()


@pytest.fixture
def window(
    store: Store, stores: tuple[Content, Content, Path], qtbot: QtBot, tmp_path: Path
) -> Iterator[MainWindow]:
    """The window on A, its data there from the start."""
    made = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    yield made
    if made.context.store is not store:
        made.context.store.close()  # B; the store fixture closes A


def switch(window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: Any) -> Switched:
    a, b, b_path = stores
    old = window.context.store
    open_through_menu(window, b_path, monkeypatch)
    assert window.context.store is not old
    assert window.context.store.path == b_path
    return Switched(window, a, b)


def texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> set[str]:
    """Every text a model shows, its children's included."""
    parent = parent or QModelIndex()
    found: set[str] = set()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if value is not None:
                found.add(str(value))
        if not isinstance(model, QAbstractTableModel | QAbstractListModel):  # a tree
            found |= texts(model, model.index(row, 0, parent))
    return found


def shows(model: QAbstractItemModel, tag: str) -> bool:
    return any(tag in text for text in texts(model))


# -- the registers and views ----------------------------------------------------------------------


def test_task_register_and_its_detail_pane_follow_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.show_page("tasks")
    assert isinstance(screen, TaskRegisterScreen)
    screen.show_item(stores[0].task_id)
    assert screen.detail.task_id == stores[0].task_id
    s = switch(window, stores, monkeypatch)
    screen = window.show_page("tasks")
    assert isinstance(screen, TaskRegisterScreen)
    assert shows(screen.model, "Aufgabe Beta") and not shows(screen.model, "Alpha")
    assert screen.counts.text().startswith("Alle Ämter: 1 offen")
    assert screen.detail.task_id is None  # A's task is not in B
    screen.show_item(s.b.task_id)
    assert screen.selected_ids() == [s.b.task_id]
    assert "Aufgabe Beta" in screen.detail.heading.text()
    assert "AG Beta" in screen.detail.fields["origin"].text()
    # acting: a note from the detail pane and a status from the register land in B
    monkeypatch.setattr(task_detail, "ask_note", lambda _parent, _label: "Notiz in B")
    screen.detail.note_button.click()
    assert [e.note for e in register.task_history(s.store, s.b.task_id)][-1] == "Notiz in B"
    screen.status_actions[TaskStatus.DONE].trigger()
    assert tasks.get_task(s.store, s.b.task_id).status == TaskStatus.DONE
    assert screen.counts.text().startswith("Alle Ämter: 0 offen")


def test_decision_register_follows_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.show_page("decisions")
    assert isinstance(screen, DecisionRegisterScreen)
    assert shows(screen.model, "Beschluss Alpha")
    s = switch(window, stores, monkeypatch)
    screen = window.show_page("decisions")
    assert isinstance(screen, DecisionRegisterScreen)
    assert shows(screen.model, "Beschluss Beta") and not shows(screen.model, "Alpha")
    assert screen.count.text() == "1 Beschluss"
    assert screen.body.findText("AG Beta") > 0 and screen.body.findText("AG Alpha") < 0
    screen.show_item(s.b.decision_id)
    assert "Beschluss Beta" in screen.full_text.text()
    screen.open_button.click()  # acting: opens B's meeting at the TOP
    assert window.current_page_key() == "meeting"
    assert window.meeting_screen.meeting_id == s.b.meeting_id
    assert "AG Beta" in window.meeting_screen.title.text()


def test_office_view_follows_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.show_page("offices")
    assert isinstance(screen, OfficeViewScreen)
    assert screen.office_id() == stores[0].office_id
    assert shows(screen.tasks, "Aufgabe Alpha")
    s = switch(window, stores, monkeypatch)
    assert screen.office_id() == s.b.office_id  # B's Jugendamt, the office that owes most
    assert shows(screen.tasks, "Aufgabe Beta") and not shows(screen.tasks, "Alpha")
    assert shows(screen.decisions, "Beschluss Beta") and not shows(screen.decisions, "Alpha")
    assert screen.counts.text() == "Jugendamt: 1 offen, 0 überfällig"
    opened: list[tuple[str, str]] = []
    s.window.context.navigate.connect(lambda kind, id: opened.append((kind, id)))
    screen._open_task(screen.tasks.index(0, 0))
    assert opened == [("task", s.b.task_id)]


def test_region_view_follows_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.show_page("regions")
    assert isinstance(screen, RegionViewScreen)
    screen.show_item(stores[0].region_id)
    assert shows(screen.tasks, "Aufgabe Alpha") and shows(screen.tops, "Thema Alpha")
    s = switch(window, stores, monkeypatch)
    screen.show_item(s.b.region_id)
    assert screen.region_id() == s.b.region_id
    assert shows(screen.tasks, "Aufgabe Beta") and not shows(screen.tasks, "Alpha")
    assert shows(screen.decisions, "Beschluss Beta") and not shows(screen.decisions, "Alpha")
    assert shows(screen.tops, "Thema Beta") and not shows(screen.tops, "Alpha")
    assert screen.summary.text().startswith("1 offen, 0 überfällig · 1 Beschlüsse · 1 TOPs")


def test_people_screen_follows_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.show_page("people")
    assert isinstance(screen, PeopleScreen)
    assert shows(screen.people_model, "Person Alpha")
    s = switch(window, stores, monkeypatch)
    assert shows(screen.people_model, "Person Beta") and not shows(screen.people_model, "Alpha")
    screen.show_item(s.b.person_id)
    assert screen.selected_person_id() == s.b.person_id


def test_bodies_and_next_meetings_follow_the_switch(
    window: MainWindow,
    stores: tuple[Content, Content, Path],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    bodies_screen = window.bodies
    assert bodies_screen.body_id() == stores[0].body_id
    s = switch(window, stores, monkeypatch)
    assert window.current_page_key() == "bodies"
    listed = [
        bodies_screen.body_list.item(r).text() for r in range(bodies_screen.body_list.count())
    ]
    assert len(listed) == 1 and listed[0].startswith("AG Beta")
    assert bodies_screen.body_id() == s.b.body_id
    assert "AG Beta" in bodies_screen.body_title.text()
    bodies_screen.tabs.setCurrentWidget(bodies_screen.members)
    assert shows(bodies_screen.members.model, "Person Beta")
    assert bodies_screen.meetings_model.row_id(0) == s.b.meeting_id
    panel = bodies_screen.next_meetings
    assert [e.meeting_id for e in panel.entries] == [s.b.meeting_id]
    qtbot.wait(1)  # the layout shows new rows (and deletes the old) from the event loop
    shown = " ".join(label.text() for label in panel.rows.findChildren(QLabel) if label.isVisible())
    assert "AG Beta" in shown and "Alpha" not in shown
    # acting: the Sitzung menu works on B's chosen meeting
    bodies_screen.select_meeting(s.b.meeting_id)
    assert window.current_meeting_id() == s.b.meeting_id
    assert window.menu_actions.live.isEnabled()


def test_search_follows_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.search_field.setText("Alpha")
    window.search()
    popup = window._search_popup
    assert shows(popup.model, "Alpha")
    s = switch(window, stores, monkeypatch)
    assert not popup.isVisible() and not shows(popup.model, "Alpha")  # no hit of the old file
    window.search_field.setText("Alpha")
    window.search()
    assert not shows(popup.model, "Alpha")
    window.search_field.setText("Beta")
    window.search()
    assert shows(popup.model, "Aufgabe Beta") and shows(popup.model, "Thema Beta")
    opened: list[tuple[str, str]] = []
    s.window.context.navigate.connect(lambda kind, id: opened.append((kind, id)))
    popup._open_first()
    assert opened and opened[0][1] in {s.b.item_id, s.b.task_id, s.b.decision_id}


def test_meeting_screens_follow_the_switch(
    window: MainWindow, stores: tuple[Content, Content, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_meeting(stores[0].meeting_id, TAB_AGENDA)
    meeting = window.meeting_screen
    assert shows(meeting.agenda.model, "Thema Alpha")
    s = switch(window, stores, monkeypatch)
    assert window.current_page_key() == "bodies"
    assert meeting.meeting_id is None  # A's meeting is gone with A's file
    assert window.current_meeting_id() is None or window.current_meeting_id() == s.b.meeting_id
    window.open_meeting(s.b.meeting_id, TAB_AGENDA)
    assert shows(meeting.agenda.model, "Thema Beta") and not shows(meeting.agenda.model, "Alpha")
    meeting.tabs.setCurrentWidget(meeting.records)  # a tab loads when it is shown
    assert shows(meeting.records.decisions, "Beschluss Beta")
    assert shows(meeting.records.tasks, "Aufgabe Beta")
    meeting.tabs.setCurrentIndex(TAB_ATTENDANCE)
    assert shows(meeting.attendance.model, "Person Beta")
    assert not shows(meeting.attendance.model, "Alpha")
    # acting: a TOP added in the agenda editor lands in B's meeting
    meeting.tabs.setCurrentIndex(TAB_AGENDA)
    meeting.agenda.quick_title.setText("Neu in Beta")
    meeting.agenda.quick_title.returnPressed.emit()
    titles = [i.title for i in agenda.list_agenda(s.store, s.b.meeting_id)]
    assert "Neu in Beta" in titles


def test_live_view_of_the_old_file_keeps_its_typed_result_and_closes_with_the_switch(
    window: MainWindow,
    stores: tuple[Content, Content, Path],
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sromod.ui.screens import live

    a, b, _ = stores
    monkeypatch.setattr(live, "confirm", lambda *_a: True)  # begin today, though planned later
    window.bodies.select_meeting(a.meeting_id)
    window.start_live()
    view = window.live_view
    assert isinstance(view, live.LiveView) and view.isVisible()
    assert view.current is not None
    running = view.current.id
    view.capture.result.setPlainText("Ergebnis in Alpha")  # typed, not yet saved
    s = switch(window, stores, monkeypatch)
    assert not view.isVisible()  # its meeting lives in the file that was closed
    with open_store(store_path) as old:  # the typed result went into A's meeting, not lost
        assert agenda.get_agenda_item(old, running).result == "Ergebnis in Alpha"
        assert meetings.get_meeting(old, a.meeting_id).state == MeetingState.RUNNING
    assert meetings.get_meeting(s.store, b.meeting_id).state == MeetingState.PLANNED
    window.bodies.select_meeting(b.meeting_id)
    window.start_live()
    assert isinstance(window.live_view, live.LiveView) and window.live_view is not view
    assert window.live_view.meeting_id == b.meeting_id
    assert "AG Beta" in window.live_view.windowTitle()
    assert meetings.get_meeting(s.store, b.meeting_id).state == MeetingState.RUNNING
    window.live_view.close()
