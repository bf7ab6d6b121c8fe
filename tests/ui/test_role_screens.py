"""Every screen of the window offers a login of a shared register only what its role may change:
an office lead (amt) and a reader (lesen) walk all pages and meetings and find no control that
would write what the database refuses; a note says why; a coordinator keeps every control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.ui.prep_helpers import temp_settings
from tests.ui.role_walk import Meetings, fill_register, offered, walk
from tests.ui.walk_helpers import dialogs_visited, settle

# What a reader may use: navigation, filters, search, opening, exports, the view and help menus,
# and the file menu's ways to another store (they change nothing in this register).
READS = {
    "Menü:Ansicht", "Menü:Bearbeiten", "Menü:Beenden", "Menü:Datenbank prüfen…",
    "Menü:Datenbank öffnen…", "Menü:Mit Register verbinden…", "Menü:Sicherung wiederherstellen…",
    # a replica is a store on the laptop; what its sync would push, the register checks by role
    "Menü:Mit dem Register abgleichen…", "Menü:Konflikte des Abgleichs…",
    "Menü:Deutsch", "Menü:English", "Menü:Exportieren", "Menü:Farben", "Menü:Hell",
    "Menü:Hoher Kontrast (dunkel)", "Menü:Wie das System", "Menü:Hilfe", "Menü:Sitzung",
    "Menü:Sprache", "Menü:Suchen…", "Menü:Tastenkürzel…", "Menü:Über sromod",
    "Menü:Navigation anzeigen", "Menü:Gremien  Sitzungen", "Menü:Aufgaben", "Menü:Beschlüsse",
    "Menü:Ämter-Sicht", "Menü:Regionen", "Menü:Personen  Ämter",
    "Menü:Protokoll (Word)…", "Menü:Protokollauszug für ein Amt…", "Menü:Einladung (Word)…",
    "Menü:Anwesenheitsliste (Word)…", "Menü:Termin für den Kalender (.ics)…",
    "QPushButton:Aufgabenliste exportieren…", "QPushButton:Liste des Amts exportieren…",
    "QPushButton:Aufgaben der Region exportieren…", "QPushButton:Filter zurücksetzen",
    "QPushButton:Sitzung öffnen", "QPushButton:Öffnen", "QPushButton:← Gremien  Sitzungen",
    "QToolButton:",  # the tab bars' scroll arrows
    # the filters of the registers and views, the search, the lists to choose from
    "DateEdit:—", "QLineEdit:—", "PersonCombo:Person", "QLineEdit:alle Personen",
    "QComboBox:Amt", "QComboBox:Art", "QComboBox:Bezirksregion", "QComboBox:Gremium",
    "QComboBox:Status", "QLineEdit:Personen filtern", "QLineEdit:Suche",
    "QLineEdit:Suche im Beschlusstext", "QLineEdit:Suche in den Aufgaben",
    "QHeaderView:", "QListWidget:", "QListWidget:Gremien", "QListWidget:Navigation",
    # toggles that show or filter
    "QToolButton:Details", "QToolButton:Als Nächstes anzeigen", "QCheckBox:nur aktive",
    "QCheckBox:nur überfällige",
}  # fmt: skip
# What an office lead may use beyond that: the task list it fills in comes back.
OFFICE_LEAD = {"QPushButton:Aufgabenliste importieren…"}
# A sample of what only a coordinator is offered (it must not be hidden from them).
WRITES = {
    "Menü:Neue Sitzung planen…", "Menü:Live-Moderation starten",
    "Menü:Aufbewahrung von Gästedaten…", "QPushButton:Neues Gremium…", "QPushButton:Neuer TOP…",
    "QPushButton:Mitglied hinzufügen…", "QPushButton:TOP hinzufügen…", "QPushButton:Neue Person…",
    "QPushButton:Neues Amt…", "QPushButton:Person anonymisieren…",
    "QPushButton:Sitzung beginnen", "QPushButton:Freigabe zurücknehmen",
    "QPushButton:Gast hinzufügen…", "QPushButton:Anlage hinzufügen …", "AgendaTree:Tagesordnung",
    "_Table:Anwesenheitsliste", "QLineEdit:Titel des neuen TOP", "PersonCombo:Moderation",
    "QLineEdit:Hinweis zum nächsten Termin", "TimeEdit:10:00",
}  # fmt: skip


@pytest.fixture
def filled(reg: Register) -> Meetings:
    return fill_register(reg)


def _window(store: Store, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture
def login(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    opened: list[Store] = []

    def open_as(role: str) -> Store:
        opened.append(open_store(login_url(reg, logins[role], monkeypatch), create=False))
        return opened[-1]

    yield open_as
    for store in opened:
        store.close()


def _offered_anywhere(window: MainWindow, filled: Meetings) -> set[str]:
    seen: set[str] = set()
    walk(window, filled, lambda _where: seen.update(offered(window)))
    return seen


@pytest.mark.parametrize(("role", "allowed"), [("lesen", READS), ("amt", READS | OFFICE_LEAD)])
def test_no_screen_offers_a_change_the_role_may_not_make(
    filled: Meetings,
    login: object,
    logins: dict[str, str],
    qtbot: QtBot,
    tmp_path: Path,
    role: str,
    allowed: set[str],
) -> None:
    window = _window(login(role), qtbot, tmp_path)  # type: ignore[operator]  # the fixture's opener
    note = window.role_note
    assert note.isVisible() and note.accessibleName() == note.text.text()
    assert f"„{logins[role]}“" in note.text.text()
    assert note.text.text().startswith("Nur Lesen")

    found = _offered_anywhere(window, filled)

    assert found - allowed == set(), "offered, though the role may not change it"
    assert found & WRITES == set()
    assert "QPushButton:Aufgabenliste importieren…" in found or role == "lesen"


def test_a_coordinator_keeps_every_control_and_sees_no_note(
    filled: Meetings, login: object, qtbot: QtBot, tmp_path: Path
) -> None:
    window = _window(login("koordination"), qtbot, tmp_path)  # type: ignore[operator]  # the fixture's opener
    assert not window.role_note.isVisible()
    found = _offered_anywhere(window, filled)
    assert WRITES - found == set()
    # but no file backup to copy over a register: its backups are the district IT's
    assert not window.menu_actions.restore.isVisible()


def test_the_office_lead_sets_the_status_of_its_own_task_in_the_window(
    filled: Meetings, reg: Register, login: object, qtbot: QtBot, tmp_path: Path
) -> None:
    store = login("amt")  # type: ignore[operator]  # the fixture's opener
    window = _window(store, qtbot, tmp_path)
    window.navigate("task", filled.meeting_task)
    register = window.page("tasks")
    assert register.selected_ids() == [filled.meeting_task]  # type: ignore[attr-defined]  # the task register
    assert register.status_button.isEnabled()  # type: ignore[attr-defined]
    register.status_actions[TaskStatus.DONE].trigger()  # type: ignore[attr-defined]
    assert tasks.get_task(store, filled.meeting_task).status == TaskStatus.DONE
    window.navigate("task", reg.other_task)  # another office's: not offered
    assert not register.status_button.isEnabled()  # type: ignore[attr-defined]


def test_a_double_click_or_key_opens_no_editor_for_a_reader(
    filled: Meetings, login: object, qtbot: QtBot, tmp_path: Path
) -> None:
    """Lists open their editors by double-click or Enter too: not for a login that may not."""
    window = _window(login("lesen"), qtbot, tmp_path)  # type: ignore[operator]  # the fixture's opener
    opened: list[str] = []
    with dialogs_visited(lambda dialog, _where: opened.append(type(dialog).__name__)):
        bodies = window.bodies
        for tab in (bodies.members, bodies.standing):
            bodies.tabs.setCurrentWidget(tab)
            settle()
            tab.view.setCurrentIndex(tab.model.index(0, 0))
            assert tab.selected() is not None
            tab.view.doubleClicked.emit(tab.model.index(0, 0))
        bodies.edit_body()
        people = window.show_page("people")
        settle()
        for view in (people.people_view, people.offices_view):  # type: ignore[attr-defined]  # the people page
            view.setCurrentIndex(view.model().index(0, 0))
            view.doubleClicked.emit(view.model().index(0, 0))
        window.open_meeting(filled.planned)
        editor = window.meeting_screen.agenda
        window.meeting_screen.tabs.setCurrentWidget(editor)
        settle()
        editor.tree.setCurrentIndex(editor.model.index(0, 0))
        qtbot.keyClick(editor.tree, Qt.Key.Key_Return)
        editor.add_item()
        window.plan_meeting()
        window.start_live()
    assert opened == []
    assert window.live_view is None
