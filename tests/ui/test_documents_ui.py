"""The window's side of the documents: a cancelled meeting offers the Absage instead of minutes,
a body's Verteiler is edited in its dialog, a meeting's "Rückmeldung bis" in its overview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sromod.models import MeetingState
from sromod.services import bodies, meetings
from sromod.store import Store
from sromod.ui import exports_ui
from sromod.ui.context import AppContext
from sromod.ui.dialogs.body_dialog import BodyDialog
from sromod.ui.main_window import MainWindow
from tests.services.helpers import make_body, plan
from tests.ui.prep_helpers import no_message_boxes  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def test_cancelled_meeting_offers_the_absage_not_the_minutes(
    window: MainWindow, store: Store, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    meeting_id = plan(store, make_body(store))
    window.open_meeting(meeting_id)
    actions = window.menu_actions.exports
    assert actions["minutes"].isEnabled() and not actions["absage"].isEnabled()
    errors: list[str] = []
    window.context.error.connect(errors.append)
    assert exports_ui.export_meeting_document(window, window.context, meeting_id, "absage") is None
    assert errors == ["Eine Absage gibt es nur für eine abgesagte Sitzung."]
    cancel = window.meeting_screen.overview.state_buttons[MeetingState.CANCELLED]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(store, meeting_id).state is MeetingState.CANCELLED
    assert not actions["minutes"].isEnabled() and not actions["excerpt"].isEnabled()
    assert actions["absage"].isEnabled() and actions["ics"].isEnabled()

    asked: list[str] = []
    monkeypatch.setattr(exports_ui, "ask_save_path", lambda _p, _t, name, _f: asked.append(name))
    assert exports_ui.export_meeting_document(window, window.context, meeting_id, "minutes") is None
    assert asked == []  # refused before asking where to save
    assert errors and "wurde abgesagt; dafür gibt es kein Protokoll" in errors[-1]

    monkeypatch.setattr(exports_ui, "ask_reason", lambda _p: "Raum nicht verfügbar")
    monkeypatch.setattr(exports_ui, "ask_save_path", lambda _p, _t, name, _f: str(tmp_path / name))
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda _p, _path: False)
    path = exports_ui.export_meeting_document(window, window.context, meeting_id, "absage")
    assert path is not None and path.name.endswith(".docx") and "Absage" in path.name
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "findet nicht statt" in text and "Grund: Raum nicht verfügbar" in text


def test_body_dialog_edits_the_distribution_and_tab_leaves_it(store: Store, qtbot: QtBot) -> None:
    body_id = make_body(store)
    dialog = BodyDialog(None, AppContext(store), bodies.get_body(store, body_id))
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.distribution
    label = dialog.form.labelForField(field)
    assert isinstance(label, QLabel) and label.buddy() is field  # the label names it for readers
    field.setFocus()
    qtbot.keyClicks(field, "Bezirksverordnetenversammlung")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Jugendhilfeausschuss")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()  # Tab moves on, it is not typed into the list
    values = dialog.values()
    assert values["distribution"] == "Bezirksverordnetenversammlung\nJugendhilfeausschuss"
    bodies.update_body(store, body_id, **values)
    assert bodies.get_body(store, body_id).distribution == values["distribution"]


def test_reply_by_is_edited_in_the_overview_with_the_default_as_hint(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    meeting_id = plan(store, make_body(store), date(2026, 11, 25))
    window.open_meeting(meeting_id)
    overview = window.meeting_screen.overview
    assert overview.reply_by.value() is None
    assert "18.11.2026" in overview.reply_by.toolTip()
    overview.reply_by.setFocus()
    qtbot.keyClicks(overview.reply_by, "20112026")
    qtbot.keyClick(overview.reply_by, Qt.Key.Key_Return)
    assert meetings.get_meeting(store, meeting_id).reply_by == date(2026, 11, 20)
    assert window.context.undo_stack.undoText() == "Rückmeldefrist ändern"
