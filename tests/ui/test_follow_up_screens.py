"""Search popup, decision register, office and region views: what a user clicks and sees."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.store import Store
from sromod.ui import exports_ui
from sromod.ui.context import AppContext
from sromod.ui.screens.decision_register import DecisionRegisterScreen
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.region_view import RegionViewScreen
from sromod.ui.screens.search import SearchPopup
from tests.services.register_data import build_register


def _navigation(context: AppContext) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    context.navigate.connect(lambda kind, item: seen.append((kind, item)))
    return seen


def test_search_popup_groups_and_opens(store: Store, qtbot: QtBot) -> None:
    reg = build_register(store)
    context = AppContext(store)
    seen = _navigation(context)
    popup = SearchPopup(context, None)
    qtbot.addWidget(popup)
    popup.search("ubergabe")
    groups = [popup.model.item(r).text() for r in range(popup.model.rowCount())]
    assert groups[0].startswith("TOPs (1)") and groups[1].startswith("Beschlüsse (1)")
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # the first hit: the TOP
    assert seen == [("agenda_item", reg.item_id)]
    popup.field.clear()
    qtbot.keyClicks(popup.field, "Aufgabe 2 ")
    qtbot.waitUntil(lambda: popup.summary.text() == "1 Treffer")  # after the typing pause
    task_group = popup.model.item(0)
    assert task_group.text() == "Aufgaben (1)"
    hit = popup.model.hit(task_group.child(0).index())
    assert hit is not None and hit.ref == reg.task_ids[1]
    popup.open_hit(task_group.child(0).index())
    assert seen[-1] == ("task", reg.task_ids[1])


def test_decision_register_filters_and_opens(store: Store, qtbot: QtBot) -> None:
    reg = build_register(store)
    context = AppContext(store)
    seen = _navigation(context)
    screen = DecisionRegisterScreen(context)
    qtbot.addWidget(screen)
    assert screen.model.rowCount() == 1 and screen.count.text() == "1 Beschluss"
    assert screen.model.index(0, 6).data() == "9 : 1 : 2"
    screen.office.setCurrentIndex(screen.office.findData(reg.offices["SGA"]))
    assert screen.model.rowCount() == 0
    screen.show_item(reg.decision_id)  # clears the filter that hides it
    assert screen.model.rowCount() == 1 and screen.table.currentIndex().row() == 0
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert seen == [("agenda_item", reg.item_id)]
    qtbot.keyClicks(screen.text, "Spielplatz")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)


def test_office_view_follows_changes(store: Store, qtbot: QtBot) -> None:
    reg = build_register(store)
    context = AppContext(store)
    screen = OfficeViewScreen(context)
    qtbot.addWidget(screen)
    screen.show_item(reg.offices["Jug"])
    assert screen.counts.text() == "Jugendamt: 3 offen, 2 überfällig"
    assert screen.tasks.rowCount() == 3 and screen.decisions.rowCount() == 1
    assert dict(screen.by_status.entries()) == {
        "offen": 2, "in Bearbeitung": 1, "zurückgestellt": 0, "davon überfällig": 2,
    }  # fmt: skip
    assert screen.closed_note.text() == "erledigt: 1 · entfällt: 0"
    context.run("Status", tasks.set_status_of_tasks, [reg.task_ids[0]], TaskStatus.DONE)
    assert screen.counts.text() == "Jugendamt: 2 offen, 1 überfällig"
    assert screen.tasks.rowCount() == 2


def test_region_view_counts_planungsraeume(store: Store, qtbot: QtBot) -> None:
    reg = build_register(store)
    context = AppContext(store)
    screen = RegionViewScreen(context)
    qtbot.addWidget(screen)
    screen.show_item(reg.region_id)
    assert screen.tops.rowCount() == 1 and "Übergabe" in screen.tops.index(0, 2).data()
    assert screen.tasks.rowCount() == 3  # pending: 1 in the region, 2 in its Planungsraum
    assert screen.tabs.tabText(0) == "Unerledigte Aufgaben (3)"
    assert dict(screen.by_status.entries())["offen"] == 3
    assert screen.closed_note.text().startswith("erledigt: 1")


def test_item_models_pass_qt_model_tester(store: Store, qtmodeltester) -> None:
    from sromod.services import search
    from sromod.services.region_view import tops_for_region
    from sromod.services.register import DecisionFilter
    from sromod.services.task_query import TaskFilter
    from sromod.ui.itemmodels.decisions import DecisionTableModel
    from sromod.ui.itemmodels.search import SearchResultsModel
    from sromod.ui.itemmodels.tasks import TaskTableModel
    from sromod.ui.screens.region_view import RegionTopsModel

    reg = build_register(store)
    task_model = TaskTableModel(AppContext(store))
    task_model.set_filters(TaskFilter())
    qtmodeltester.check(task_model, force_py=True)
    decision_model = DecisionTableModel(AppContext(store))
    decision_model.set_filters(DecisionFilter())
    qtmodeltester.check(decision_model, force_py=True)
    results = SearchResultsModel()
    results.set_groups(search.search(store, "Aufgabe"))
    qtmodeltester.check(results, force_py=True)
    tops = RegionTopsModel()
    tops.set_rows(tops_for_region(store, reg.region_id))
    qtmodeltester.check(tops, force_py=True)


def _exported_statuses(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, button: QAbstractButton
) -> list[str]:
    monkeypatch.setattr(exports_ui, "ask_save_path", lambda *_a: str(tmp_path / "Liste.xlsx"))
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda *_a: False)
    button.click()
    sheet = openpyxl.load_workbook(tmp_path / "Liste.xlsx", read_only=True)["Aufgaben"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    column = rows[0].index("Status")
    return sorted(r[column] for r in rows[1:])


def test_office_and_region_lists_export_what_the_office_still_owes(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The button promises "die unerledigten Aufgaben des Amts"; a done task does not belong in
    # the list an office lead is asked to fill in.
    reg = build_register(store)
    context = AppContext(store)
    office = OfficeViewScreen(context)
    qtbot.addWidget(office)
    office.show_item(reg.offices["Jug"])
    statuses = _exported_statuses(monkeypatch, tmp_path, office.export_button)
    assert statuses == ["in Bearbeitung", "offen", "offen"]
    region = RegionViewScreen(context)
    qtbot.addWidget(region)
    region.show_item(reg.region_id)
    assert _exported_statuses(monkeypatch, tmp_path, region.export_button) == ["offen"] * 3


def test_a_date_filter_can_be_taken_back(store: Store, qtbot: QtBot) -> None:
    # The decision register has no reset button: Delete on the selected date must empty it.
    build_register(store)
    screen = DecisionRegisterScreen(AppContext(store))
    qtbot.addWidget(screen)
    field = screen.date_from
    everything = screen.count.text()
    field.setFocus()
    qtbot.keyClicks(field, "01012030")
    assert field.value() is not None and screen.count.text() != everything
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None and field.text() == "—"
    assert screen.count.text() == everything


def test_a_long_office_name_does_not_widen_the_window(store: Store, qtbot: QtBot) -> None:
    # The combo and the counts line grew with the name and pushed the window past the screen.
    from sromod.services import directory

    name = "Qualitätsentwicklung, Planung und Koordination des öffentlichen Gesundheitsdienstes"
    office = directory.create_office(store, "QEntw", name)
    screen = OfficeViewScreen(AppContext(store))
    qtbot.addWidget(screen)
    screen.show_item(office)
    assert screen.counts.text().startswith(name)
    assert screen.minimumSizeHint().width() < 1000


def test_chart_titles_are_not_cut_off_in_a_laptop_window(store: Store, qtbot: QtBot) -> None:
    # The office view beside the navigation of a 1280-pixel window cut off a chart title.
    from PySide6.QtGui import QFontMetrics

    reg = build_register(store)
    screen = OfficeViewScreen(AppContext(store))
    qtbot.addWidget(screen)
    screen.resize(1060, 700)
    screen.show()
    screen.show_item(reg.offices["Jug"])
    qtbot.waitExposed(screen)
    for chart in (screen.by_status, screen.by_region):
        font = chart.font()
        font.setBold(True)
        assert chart.width() >= QFontMetrics(font).horizontalAdvance(chart._title)
