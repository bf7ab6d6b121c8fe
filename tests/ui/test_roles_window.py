"""The window with an office lead's or a reader's login to a shared register: it offers only what
the login may change, names the role in the status bar, and a refused change is one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sromod.models import TaskStatus
from sromod.services import register, tasks
from sromod.store import Store, open_store
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.task_register import TaskRegisterScreen
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.ui.prep_helpers import temp_settings
from tests.ui.test_task_register import _screen

OTHER_OFFICE = "Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde nichts geändert."


def _login(reg: Register, login: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    store = open_store(login_url(reg, login, monkeypatch), create=False)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def office_lead(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    yield from _login(reg, logins["amt"], monkeypatch)


@pytest.fixture
def reader(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    yield from _login(reg, logins["lesen"], monkeypatch)


def _choose(screen: TaskRegisterScreen, task_id: str) -> None:
    screen.show_item(task_id)
    assert screen.selected_ids() == [task_id]


def test_an_office_lead_may_set_the_status_of_own_tasks_only(
    office_lead: Store, reg: Register, logins: dict[str, str], qtbot: QtBot
) -> None:
    context, screen = _screen(office_lead, qtbot)
    assert screen.model.rowCount() == 2  # reads every office's tasks
    _choose(screen, reg.other_task)
    assert not screen.status_button.isEnabled()
    assert "nicht ändern" in screen.status_button.toolTip()
    assert not screen.detail.note_button.isEnabled()

    _choose(screen, reg.own_task)
    assert screen.status_button.isEnabled() and screen.detail.note_button.isEnabled()
    screen.status_actions[TaskStatus.IN_PROGRESS].trigger()  # stays in the pending view
    assert tasks.get_task(office_lead, reg.own_task).status == TaskStatus.IN_PROGRESS
    newest = screen.detail.history.item(0, 0)  # when, and by whom
    assert newest is not None and newest.text().endswith(f"\n{logins['amt']}")
    header = screen.detail.history.horizontalHeaderItem(0)
    assert header is not None and header.text() == "Wann – von wem"
    assert header.toolTip().startswith("Eingetragen von")
    context.undo_stack.undo()
    assert tasks.get_task(office_lead, reg.own_task).status == TaskStatus.OPEN


def test_a_refused_change_is_one_sentence_and_changes_nothing(
    office_lead: Store, reg: Register, qtbot: QtBot
) -> None:
    """What the database refuses (here: what the screen would not offer) leaves no trace."""
    context, _shown = _screen(office_lead, qtbot)
    errors: list[str] = []
    context.error.connect(errors.append)
    before = register.task_history(office_lead, reg.other_task)
    result = context.run(
        "Status setzen", tasks.set_status_of_tasks, [reg.own_task, reg.other_task], TaskStatus.DONE
    )
    assert result is None and errors == [OTHER_OFFICE]
    assert context.undo_stack.count() == 0
    assert tasks.get_task(office_lead, reg.own_task).status == TaskStatus.OPEN  # all or nothing
    assert tasks.get_task(office_lead, reg.other_task).status == TaskStatus.OPEN
    assert register.task_history(office_lead, reg.other_task) == before


def test_a_reader_is_offered_no_change_and_the_status_bar_says_so(
    reader: Store, reg: Register, logins: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    context, screen = _screen(reader, qtbot)
    _choose(screen, reg.own_task)
    assert not screen.status_button.isEnabled()
    assert not screen.import_button.isEnabled() and screen.export_button.isEnabled()
    assert not screen.detail.note_button.isEnabled()
    window = MainWindow(context, temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    label = window.access_label
    assert label.isVisible()
    assert label.text() == f"Angemeldet als {logins['lesen']}: nur lesen"


def test_the_status_bar_names_an_office_leads_office(
    office_lead: Store, logins: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(AppContext(office_lead), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert window.access_label.text().startswith(f"Angemeldet als {logins['amt']} (Amt Jug): ")


def test_on_a_file_the_status_bar_names_no_role(window: MainWindow) -> None:
    assert not window.access_label.isVisible() and window.access_label.text() == ""
