"""A refused change speaks the window's language: changed meanwhile, undo refused, and the server's
role refusals (SQLSTATE 42501) arrive as data and are worded by the window's translation; the
command line keeps German (tests/test_cli_concurrency.py, tests/store/test_server_refusals.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from sromod.models import TaskStatus
from sromod.services import agenda, tasks
from sromod.services.concurrency import seen
from sromod.store import Store, open_store
from sromod.store import refusals as store_refusals
from sromod.ui import labels
from sromod.ui.context import AppContext
from tests.roles_helpers import Register, login_url, role_logins, role_register  # noqa: F401 (fixtures)
from tests.services.helpers import make_body, office_id, plan, second_user

CHANGED = {
    "de": "Die Aufgabe {n} wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde "
    "nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.",
    "en": "Task {n} has been changed by someone else in the meantime. Your change was not "
    "saved; the current state is shown now.",
}
UNDO = {
    "de": "Rückgängig ist nicht möglich: die Aufgabe {n} wurde seit Ihrer Änderung von jemand "
    "anderem geändert. Der aktuelle Stand bleibt erhalten.",
    "en": "Undo is not possible: task {n} has been changed by someone else since your change. "
    "The current state is kept.",
}
IN_USE = {
    "de": "Rückgängig ist nicht möglich: die Aufgabe {n} wird inzwischen anderswo verwendet (etwa "
    "in der Wiedervorlage einer Sitzung). Der aktuelle Stand bleibt erhalten.",
    "en": "Undo is not possible: task {n} is now used elsewhere (for example in a meeting's "
    "review of tasks). The current state is kept.",
}
READS_ONLY = {
    "de": "Ihre Anmeldung „{n}“ darf im Register nur lesen; es wurde nichts geändert.",
    "en": "Your login “{n}” may only read the register; nothing was changed.",
}
OTHER_OFFICE = {
    "de": "Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde nichts geändert.",
    "en": "You may only change tasks of your own office; nothing was changed.",
}


def _context(store: Store) -> tuple[AppContext, list[str]]:
    context = AppContext(store)
    errors: list[str] = []
    context.error.connect(errors.append)
    return context, errors


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    with second_user(store) as second:
        yield second


def test_the_window_lists_every_refusal_phrase_for_translation() -> None:
    assert labels.REFUSAL_PHRASES == store_refusals.REFUSAL_PHRASES


@pytest.mark.both_engines
def test_changed_meanwhile_in_the_windows_language(
    store: Store, other: Store, language: str
) -> None:
    task = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "Jug"))
    context, errors = _context(store)
    shown = seen("tasks", tasks.get_task(store, task.id))
    tasks.set_task_status(other, task.id, TaskStatus.IN_PROGRESS)
    result = context.edit("Status", shown, tasks.set_status_of_tasks, [task.id], TaskStatus.DONE)
    assert result is None
    assert errors == [CHANGED[language].format(n=task.register_number)]
    assert tasks.get_task(store, task.id).status == TaskStatus.IN_PROGRESS


@pytest.mark.both_engines
def test_a_refused_undo_in_the_windows_language(store: Store, other: Store, language: str) -> None:
    task = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "Jug"))
    context, errors = _context(store)
    context.run("Status", tasks.set_task_status, task.id, TaskStatus.IN_PROGRESS)
    tasks.update_task(other, task.id, remark="Angebot liegt vor")
    context.undo_stack.undo()
    assert errors == [UNDO[language].format(n=task.register_number)]
    QApplication.processEvents()


def test_the_servers_role_refusals_in_the_windows_language(
    reg: Register, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    for role, task_id, sentence in (
        ("lesen", reg.own_task, READS_ONLY),
        ("amt", reg.other_task, OTHER_OFFICE),
    ):
        with open_store(login_url(reg, logins[role], monkeypatch), create=False) as store:
            context, errors = _context(store)
            context.run("Status", tasks.set_task_status, task_id, TaskStatus.DONE)
            assert errors == [sentence[language].format(n=logins[role])]
            assert tasks.get_task(store, task_id).status == TaskStatus.OPEN


@pytest.mark.both_engines
def test_undoing_a_new_task_already_under_review_is_refused_in_the_windows_language(
    store: Store, language: str
) -> None:
    """The next meeting, planned after it, reviews the task: undo would break that review (the
    database refused it with a foreign-key error the window showed as a crash)."""
    body = make_body(store)
    top = agenda.add_agenda_item(store, plan(store, body), "Spielplätze")
    context, errors = _context(store)
    task = context.run("Neue Aufgabe", tasks.add_task, "Spielplatz prüfen",
                       office_id=office_id(store, "Jug"), agenda_item_id=top)  # fmt: skip
    assert task is not None
    plan(store, body, date(2026, 12, 16))
    context.undo_stack.undo()
    assert errors == [IN_USE[language].format(n=task.register_number)]
    assert tasks.get_task(store, task.id).title == "Spielplatz prüfen"
