"""The read-only tables of the follow-up screens and the people page are set up the same way
after their set-up was folded into shared helpers (pinned before the fold)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.screens.decision_register import DecisionRegisterScreen
from sromod.ui.screens.office_view import OfficeViewScreen
from sromod.ui.screens.people import PeopleScreen
from sromod.ui.screens.region_view import RegionViewScreen
from tests.services.register_data import build_register


def _setup(table: QTableView) -> dict[str, Any]:
    header = table.horizontalHeader()
    columns = range(header.count())
    return {
        "name": table.accessibleName(),
        "sorting": table.isSortingEnabled(),
        "selection": table.selectionMode().name,
        "behaviour": table.selectionBehavior().name,
        "edit": table.editTriggers() == QTableView.EditTrigger.NoEditTriggers,
        "tab": table.tabKeyNavigation(),
        "wrap": table.wordWrap(),
        "row_height": table.verticalHeader().defaultSectionSize(),
        "stretch_last": header.stretchLastSection(),
        "order": [header.logicalIndex(v) for v in columns],
        "hidden": [c for c in columns if table.isColumnHidden(c)],
        "sort": (header.sortIndicatorSection(), header.sortIndicatorOrder().name),
        "widths": {c: table.columnWidth(c) for c in columns if not table.isColumnHidden(c)},
        "modes": [header.sectionResizeMode(c).name for c in columns],
    }


def test_the_tables_keep_their_setup(store: Store, qtbot: QtBot) -> None:
    build_register(store)
    context = AppContext(store)
    office, region = OfficeViewScreen(context), RegionViewScreen(context)
    register, people = DecisionRegisterScreen(context), PeopleScreen(context)
    for screen in (office, region, register, people):
        qtbot.addWidget(screen)
    found = {
        "office tasks": _setup(office.task_table),
        "office decisions": _setup(office.decision_table),
        "region tasks": _setup(region.task_table),
        "region decisions": _setup(region.decision_table),
        "region tops": _setup(region.top_table),
        "register": _setup(register.table),
        "people": _setup(people.people_view),
        "offices": _setup(people.offices_view),
    }
    assert found == EXPECTED


EXPECTED: dict[str, Any] = {
    "office tasks": {
        "name": "Aufgaben des Amts",
        "sorting": True,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 4, 5, 6, 3, 7, 8, 9, 10, 11],
        "hidden": [2, 7, 11],
        "sort": (4, "AscendingOrder"),
        "widths": {0: 100, 1: 300, 3: 140, 4: 85, 5: 105, 6: 95, 8: 100, 9: 100, 10: 100},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "office decisions": {
        "name": "Beschlüsse mit Aufgaben des Amts",
        "sorting": True,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 3, 4, 6, 5],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 100, 1: 100, 2: 100, 3: 100, 4: 100, 5: 360, 6: 100},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "region tasks": {
        "name": "Aufgaben der Region",
        "sorting": True,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 4, 5, 6, 3, 7, 8, 9, 10, 11],
        "hidden": [7, 8, 11],
        "sort": (4, "AscendingOrder"),
        "widths": {0: 100, 1: 260, 2: 70, 3: 140, 4: 85, 5: 105, 6: 95, 9: 100, 10: 100},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "region decisions": {
        "name": "Beschlüsse der Region",
        "sorting": True,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 3, 4, 6, 5],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 100, 1: 100, 2: 100, 3: 100, 4: 100, 5: 360, 6: 100},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "region tops": {
        "name": "TOPs der Region",
        "sorting": False,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 3, 4],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 85, 1: 110, 2: 320, 3: 90, 4: 100},
        "modes": ["Interactive", "Interactive", "Interactive", "Interactive", "Interactive"],
    },
    "register": {
        "name": "Beschlüsse",
        "sorting": True,
        "selection": "ExtendedSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 24,
        "stretch_last": True,
        "order": [0, 1, 2, 3, 4, 6, 5],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 95, 1: 85, 2: 100, 3: 240, 4: 110, 5: 300, 6: 95},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "people": {
        "name": "Personen",
        "sorting": False,
        "selection": "SingleSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 30,
        "stretch_last": True,
        "order": [0, 1, 2, 3, 4, 5],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 190, 1: 190, 2: 170, 3: 200, 4: 183, 5: 60},
        "modes": [
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
            "Interactive",
        ],
    },
    "offices": {
        "name": "Ämter",
        "sorting": False,
        "selection": "SingleSelection",
        "behaviour": "SelectRows",
        "edit": True,
        "tab": False,
        "wrap": False,
        "row_height": 30,
        "stretch_last": False,
        "order": [0, 1, 2, 3],
        "hidden": [],
        "sort": (0, "DescendingOrder"),
        "widths": {0: 72, 1: 395, 2: 132, 3: 39},
        "modes": ["ResizeToContents", "Stretch", "ResizeToContents", "ResizeToContents"],
    },
}
