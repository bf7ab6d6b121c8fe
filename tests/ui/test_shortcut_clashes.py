"""No key means two things in one window: Alt+letter mnemonics and shortcuts, per screen and
dialog, in German and English (Alt+S opened the Sitzung menu or the Sitzungen tab by turns)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from pprint import pformat
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QTabWidget
from pytestqt.qtbot import QtBot

from sromod.services import agenda
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.main_window import PAGE_KEYS, MainWindow
from tests.services.helpers import make_body, plan
from tests.ui.keys_helpers import clashes, menu_keys, menus_of, window_keys
from tests.ui.live_helpers import meeting_with_review, open_live
from tests.ui.prep_helpers import no_message_boxes, temp_settings  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def test_no_key_means_two_things_on_any_screen(
    language: str, store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    meeting_id = plan(store, make_body(store, members=3, quorum=2))
    agenda.add_agenda_item(store, meeting_id, "Kiezkasse")
    window.bodies.reload_bodies()
    found: dict[str, Any] = {}
    for row, key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
        found.update(_each_tab(window, key))
    window.open_meeting(meeting_id)
    found.update(_each_tab(window, "meeting"))
    for menu in menus_of(window):
        if clash := clashes(menu_keys(menu)):
            found[f"menu {menu.title()}"] = clash
    assert found == {}, pformat(found)


def _each_tab(window: MainWindow, name: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    page = window.stack.currentWidget()
    assert page is not None
    tab_widgets = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]
    states: list[tuple[QTabWidget | None, int]] = [
        (t, i) for t in tab_widgets for i in range(t.count())
    ] or [(None, 0)]
    for tabs, index in states:
        if tabs is not None:
            tabs.setCurrentIndex(index)
        where = f"{name} / {tabs.tabText(index)}" if tabs is not None else name
        if clash := clashes(window_keys(window)):
            found[where] = clash
    return found


def test_no_key_means_two_things_in_the_live_view(
    language: str, store: Store, qtbot: QtBot
) -> None:
    view, _ = open_live(qtbot, store, meeting_with_review(store).meeting_id)
    found = {"TOP 1": clashes(window_keys(view))}
    view.capture.open_decision()
    found["Beschluss"] = clashes(window_keys(view))
    view.capture.open_task()
    found["Aufgabe"] = clashes(window_keys(view))
    view.capture.close_forms()
    view.go_next()
    view.go_next()  # TOP 3, the Wiedervorlage with its own keys
    assert "Wiedervorlage" in view.top_title.text()
    found["Wiedervorlage"] = clashes(window_keys(view))
    view.close()
    assert {where: clash for where, clash in found.items() if clash} == {}, pformat(found)


def _dialogs(context: AppContext, store: Store) -> Iterator[QDialog]:
    from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
    from sromod.ui.dialogs.attendance_dialogs import GuestDialog
    from sromod.ui.dialogs.body_dialog import BodyDialog
    from sromod.ui.dialogs.member_dialog import MemberDialog
    from sromod.ui.dialogs.office_dialog import OfficeDialog
    from sromod.ui.dialogs.person_dialog import PersonDialog
    from sromod.ui.dialogs.plan_meeting import PlanMeetingDialog
    from sromod.ui.dialogs.retention import RetentionDialog

    body_id = make_body(store)
    yield BodyDialog(None, context)
    yield PersonDialog(None, context)
    yield OfficeDialog(None)
    yield GuestDialog(None)
    yield MemberDialog(None, context)
    yield PlanMeetingDialog(None, context, body_id)
    yield AgendaItemDialog(None, context, {"title": "Kiezkasse", "planned_minutes": 10})
    yield RetentionDialog(None, context)


def test_no_key_means_two_things_in_a_dialog(language: str, store: Store, qtbot: QtBot) -> None:
    context = AppContext(store)
    found = {}
    for dialog in _dialogs(context, store):
        qtbot.addWidget(dialog)
        dialog.show()
        if clash := clashes(window_keys(dialog)):
            found[dialog.windowTitle()] = clash
        dialog.reject()
    assert found == {}, pformat(found)
