"""Builders for the preparation-screen tests: a window with throwaway settings, no real dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from sromod.services import agenda
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.settings import UiSettings


def temp_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def agenda_snapshot(store: Store, meeting_id: str) -> list[tuple[Any, ...]]:
    """Everything a user sees of an agenda, to compare before and after undo."""
    return [
        (
            i.id,
            i.parent_id,
            i.position,
            i.number,
            i.title,
            i.planned_minutes,
            i.presenter,
            i.region_ids,
        )
        for i in agenda.list_agenda(store, meeting_id)
    ]


class Errors:
    """Collects what the context reports as errors (instead of a message box)."""

    def __init__(self, context: AppContext) -> None:
        self.seen: list[str] = []
        context.error.connect(self.seen.append)


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def warning(_parent: Any, title: str, text: str, *args: Any) -> None:
        shown.append((title, text))

    monkeypatch.setattr("sromod.ui.main_window.QMessageBox.warning", warning)
    return shown
