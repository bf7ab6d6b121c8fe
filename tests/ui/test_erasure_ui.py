"""Anonymising in the window: the backups that still hold the person are shown, and replaced
by a fresh one if the user agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sromod.services import directory
from sromod.store import Store
from sromod.store.backup import automatic_backup, backup_dir_for, list_backups
from sromod.ui.main_window import MainWindow
from tests.store.files import store_file
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401
from tests.ui.test_privacy_ui import answer, people_screen

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def ilse(store: Store) -> str:
    return directory.create_person(store, "Ilse Quasthoff", email="ilse.quasthoff@kiez.example")


def _holding(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if b"quasthoff" in p.read_bytes().lower())


def test_backups_with_the_old_data_are_shown_and_replaced(
    window: MainWindow, store: Store, ilse: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = automatic_backup(store_file(store), "taeglich")
    screen = people_screen(window, ilse)
    answers = answer(monkeypatch, yes=True)

    qtbot.mouseClick(screen.anonymise_button, Qt.MouseButton.LeftButton)

    assert len(answers.asked) == 2  # anonymise?  then: replace these backups?
    assert (
        "Diese Sicherungen enthalten noch den alten Namen und die Kontaktdaten (1)"
        in answers.asked[1]
    )
    taken = older.name.split("-")[1:3]  # sromod-YYYYMMDD-HHMMSS-taeglich.sqlite
    day, time = taken[0], taken[1]
    assert (
        f"• {day[6:8]}.{day[4:6]}.{day[:4]} {time[:2]}:{time[2:4]} (tägliche Sicherung)"
        in answers.asked[1]
    )
    assert (
        older not in list_backups(store_file(store)) and len(list_backups(store_file(store))) == 1
    )
    assert _holding(backup_dir_for(store_file(store))) == []
    assert b"quasthoff" not in store_file(store).read_bytes().lower()
    assert window.statusBar().currentMessage() == (
        "Die Person wurde anonymisiert und die älteren Sicherungen ersetzt."
    )


def test_keeping_the_backups_says_they_still_hold_the_person(
    window: MainWindow, store: Store, ilse: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = automatic_backup(store_file(store), "taeglich")
    screen = people_screen(window, ilse)
    answers = answer(monkeypatch, yes=True)
    monkeypatch.setattr("sromod.ui.dialogs.erasure.ask_replace_backups", lambda _p, found: False)

    screen.anonymise_person()

    assert len(answers.asked) == 1
    assert list_backups(store_file(store)) == [older]
    assert _holding(backup_dir_for(store_file(store))) == [older.name]
    assert window.statusBar().currentMessage() == (
        "Die Person wurde anonymisiert; ältere Sicherungen enthalten sie noch."
    )


def test_without_backups_nothing_more_is_asked(
    window: MainWindow, store: Store, ilse: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = people_screen(window, ilse)
    answers = answer(monkeypatch, yes=True)
    screen.anonymise_person()
    assert len(answers.asked) == 1
    assert window.statusBar().currentMessage() == "Die Person wurde anonymisiert."
