"""Data protection in the window: anonymising a person, the retention dialog for guest data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sromod.models import Attendance, Body, Meeting, Person, Task
from sromod.services import directory, privacy
from sromod.services.privacy import ANONYMISED_NAME
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.dialogs.person_dialog import PersonDialog
from sromod.ui.dialogs.retention import RetentionDialog
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.people import PeopleScreen
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")

TODAY = date(2026, 11, 25)


class Answers:
    """Stands in for QMessageBox.question: records the questions, answers as told."""

    def __init__(self, yes: bool) -> None:
        self.yes = yes
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str, *args: Any) -> Any:
        self.asked.append(text)
        return QMessageBox.StandardButton.Yes if self.yes else QMessageBox.StandardButton.No


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> Answers:
    answers = Answers(yes)
    monkeypatch.setattr(QMessageBox, "question", answers)
    return answers


def person_row(store: Store, person_id: str) -> dict[str, Any]:
    """The person's stored columns but the version (it keeps rising through undo and redo)."""
    with store.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        columns = (c.name for c in Person.__table__.columns if c.name != "version")
        return {name: getattr(person, name) for name in columns}


@pytest.fixture
def anna(store: Store) -> str:
    """A member of staff with contact data and consent, who attended and holds a task."""
    person_id = directory.create_person(
        store,
        "Anna Beispiel",
        function="Sozialraumkoordination",
        email="anna.beispiel@ba-tk.berlin.de",
        phone="030 90297-1234",
        contact_consent=True,
    )
    with store.unit_of_work() as s:
        body = Body(name="AG SRO", short_name="AG SRO")
        s.add(body)
        s.flush()
        meeting = Meeting(body_id=body.id, number=1, date=date(2026, 3, 4))
        s.add(meeting)
        s.flush()
        s.add(Attendance(meeting_id=meeting.id, person_id=person_id))
        s.add(Task(year=2026, seq=1, register_number="A-2026/0001", title="Spielplatz prüfen",
                   person_id=person_id))  # fmt: skip
    return person_id


def people_screen(window: MainWindow, person_id: str) -> PeopleScreen:
    screen = window.show_page("people")
    assert isinstance(screen, PeopleScreen)
    screen.reload()
    screen.show_item(person_id)
    assert screen.selected_person_id() == person_id
    return screen


def listed_names(screen: PeopleScreen) -> list[str]:
    proxy = screen.people_proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_anonymising_from_the_people_screen_keeps_their_part_and_undo_restores_it(
    window: MainWindow, store: Store, anna: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = person_row(store, anna)
    screen = people_screen(window, anna)
    answers = answer(monkeypatch, yes=True)
    qtbot.mouseClick(screen.anonymise_button, Qt.MouseButton.LeftButton)
    assert "Anwesenheit, Beschlüsse und Aufgaben bleiben" in answers.asked[0]
    after = person_row(store, anna)
    assert after["name"] == ANONYMISED_NAME
    assert (after["email"], after["phone"], after["function"]) == (None, None, None)
    assert not after["contact_consent"]
    with store.session() as session:  # what they took part in stays theirs
        assert session.scalars(select(Task.person_id)).one() == anna
        assert session.scalars(select(Attendance.person_id)).one() == anna
    # the inactive, anonymised entry is shown and chosen, though the list held active ones only
    assert ANONYMISED_NAME in listed_names(screen)
    assert "Anna Beispiel" not in listed_names(screen)
    assert screen.selected_person_id() == anna
    assert window.statusBar().currentMessage() == "Die Person wurde anonymisiert."
    assert window.context.undo_stack.undoText() == "Person anonymisieren"

    window.menu_actions.undo.trigger()  # Bearbeiten → Rückgängig (Strg+Z)
    assert person_row(store, anna) == before
    assert "Anna Beispiel" in listed_names(screen)
    window.context.undo_stack.redo()
    assert person_row(store, anna)["name"] == ANONYMISED_NAME


def test_declining_the_question_changes_nothing(
    window: MainWindow, store: Store, anna: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = person_row(store, anna)
    screen = people_screen(window, anna)
    answers = answer(monkeypatch, yes=False)
    screen.anonymise_person()
    assert len(answers.asked) == 1
    assert person_row(store, anna) == before
    assert window.context.undo_stack.count() == 0


def test_context_menu_offers_anonymising(
    window: MainWindow, store: Store, anna: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = people_screen(window, anna)
    answer(monkeypatch, yes=True)
    screen._people_menu(QPoint(5, 5))
    menu = screen.findChildren(QMenu)[-1]
    actions = {action.text(): action for action in menu.actions()}
    assert list(actions) == ["Bearbeiten…", "Person anonymisieren…"]
    menu.close()
    actions["Person anonymisieren…"].trigger()
    assert person_row(store, anna)["name"] == ANONYMISED_NAME


def test_person_dialog_shows_and_edits_the_consent(store: Store, anna: str, qtbot: QtBot) -> None:
    context = AppContext(store)
    dialog = PersonDialog(None, context, directory.get_person(store, anna))
    qtbot.addWidget(dialog)
    assert "Kontaktdaten dürfen im Protokoll" in dialog.consent.text()
    assert dialog.consent.isChecked()
    dialog.consent.setChecked(False)
    assert dialog.values()["contact_consent"] is False


# --- retention -----------------------------------------------------------------------------


@pytest.fixture
def guests(store: Store) -> dict[str, str]:
    """A guest and an external person last seen in 2023, a guest and a person seen this year."""
    with store.unit_of_work() as s:
        body = Body(name="Ortsteilkonferenz Altglienicke", short_name="OTK Altglienicke")
        s.add(body)
        s.flush()
        old = Meeting(body_id=body.id, number=1, date=date(2023, 5, 10))
        older = Meeting(body_id=body.id, number=2, date=date(2023, 2, 8))
        mid = Meeting(body_id=body.id, number=3, date=date(2025, 6, 4))
        recent = Meeting(body_id=body.id, number=4, date=date(2026, 9, 2))
        olga = Person(name="Olga Alt", external=True, organisation="Träger A",
                      email="olga@example.org")  # fmt: skip
        rita = Person(name="Rita Neu", external=True, organisation="Träger B")
        s.add_all([old, older, mid, recent, olga, rita])
        s.flush()
        s.add_all(
            [
                Attendance(meeting_id=old.id, guest_name="Gerd Gast",
                           guest_organisation="Kiezladen"),
                Attendance(meeting_id=older.id, guest_name="Gerd Gast"),
                Attendance(meeting_id=mid.id, guest_name="Hanna Halb"),
                Attendance(meeting_id=recent.id, guest_name="Nina Neu"),
                Attendance(meeting_id=old.id, person_id=olga.id),
                Attendance(meeting_id=recent.id, person_id=rita.id),
            ]
        )  # fmt: skip
        return {"olga": olga.id, "rita": rita.id}


def preview(dialog: RetentionDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@pytest.fixture
def dialog(window: MainWindow, guests: dict[str, str], qtbot: QtBot) -> RetentionDialog:
    made = RetentionDialog(window, window.context, today=TODAY)
    qtbot.addWidget(made)
    made.show()
    return made


def guest_names(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(
            session.scalars(select(Attendance.guest_name).where(Attendance.guest_name.is_not(None)))
        )


def test_preview_lists_old_guests_and_follows_the_period(dialog: RetentionDialog) -> None:
    assert dialog.months.value() == 24  # the shipped setting
    assert preview(dialog) == [
        ["Gerd Gast", "Gast", "Kiezladen", "10.05.2023", "2"],
        ["Olga Alt", "externe Person", "Träger A", "10.05.2023", "1"],
    ]
    assert "25.11.2024" in dialog.summary.text()
    dialog.months.setValue(12)  # Hanna, last seen June 2025, is now due as well
    assert [row[0] for row in preview(dialog)] == ["Gerd Gast", "Hanna Halb", "Olga Alt"]
    dialog.months.setValue(60)
    assert preview(dialog) == []
    assert not dialog.anonymise_button.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.months.setValue(0)
    assert preview(dialog) == [] and "keine Frist" in dialog.summary.text()


def test_anonymising_expires_the_listed_and_undo_brings_them_back(
    window: MainWindow, store: Store, dialog: RetentionDialog, guests: dict[str, str], qtbot: QtBot
) -> None:
    before = guest_names(store)
    olga_before = person_row(store, guests["olga"])
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    assert guest_names(store) == sorted([ANONYMISED_NAME] * 2 + ["Hanna Halb", "Nina Neu"])
    olga = person_row(store, guests["olga"])
    assert (olga["name"], olga["email"], olga["organisation"]) == (ANONYMISED_NAME, None, None)
    assert person_row(store, guests["rita"])["name"] == "Rita Neu"
    assert preview(dialog) == []
    assert window.statusBar().currentMessage() == "Gästedaten: 3 anonymisiert, 0 gelöscht."
    assert dialog.result_ == privacy.ExpiryResult(anonymised=3, deleted=0)

    window.context.undo_stack.undo()
    assert guest_names(store) == before
    assert person_row(store, guests["olga"]) == olga_before
    assert [row[0] for row in preview(dialog)] == ["Gerd Gast", "Olga Alt"]


def test_deleting_asks_first(
    window: MainWindow,
    store: Store,
    dialog: RetentionDialog,
    guests: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer(monkeypatch, yes=False)
    dialog.delete_button.click()
    assert "2 Einträge löschen?" in answers.asked[0]
    assert "Gerd Gast" in guest_names(store)
    answers.yes = True
    dialog.delete_button.click()
    assert guest_names(store) == ["Hanna Halb", "Nina Neu"]
    with store.session() as session:
        assert session.get(Person, guests["olga"]) is None
    assert window.statusBar().currentMessage() == "Gästedaten: 0 anonymisiert, 3 gelöscht."
    window.context.undo_stack.undo()
    assert "Gerd Gast" in guest_names(store)
    assert person_row(store, guests["olga"])["name"] == "Olga Alt"


def test_the_period_is_saved_as_one_undoable_step(
    window: MainWindow, store: Store, dialog: RetentionDialog
) -> None:
    assert not dialog.save_button.isEnabled()
    dialog.months.setValue(36)
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert privacy.retention_months(store) == 36
    assert not dialog.save_button.isEnabled()
    window.context.undo_stack.undo()
    assert privacy.retention_months(store) == 24


def test_edit_menu_opens_the_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[RetentionDialog] = []

    def fake_exec(dialog: RetentionDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(RetentionDialog, "exec", fake_exec)
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu)
    entry = next(a for a in edit_menu.actions() if "Aufbewahrung" in a.text())
    assert entry.text() == "&Aufbewahrung von Gästedaten…"
    entry.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Aufbewahrung von Gästedaten"
    with qtbot.waitSignal(opened[0].destroyed, timeout=2000):
        pass  # closed, it is gone and no longer listens to changes
