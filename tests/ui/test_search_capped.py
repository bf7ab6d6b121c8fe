"""A common word: the search stops counting at its cap and says "mehr als …" (more than …).

Counting every match of a common word on a shared register of twelve districts took a tenth of
a second (services.search.MATCH_CAP); the tests lower the cap instead of writing 1,000 rows.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sromod.services import search
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.search import count_text
from sromod.ui.screens.search import SearchPopup
from tests.ui.test_search_popup_fit import kiezkasse

EXPECTED = {
    "de": (
        "mehr als 15 Treffer",
        "Aufgaben (mehr als 5, die ersten 8)",
        "Alle Aufgaben im Aufgabenregister anzeigen (mehr als 5) …",
    ),
    "en": (
        "more than 15 results",
        "Tasks (more than 5, the first 8)",
        "Show all tasks in the task register (more than 5) …",
    ),
}


def test_more_matches_than_the_cap_say_more_than(
    store: Store, qtbot: QtBot, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    task_ids = kiezkasse(store)  # 12 TOPs, decisions and tasks
    monkeypatch.setattr(search, "MATCH_CAP", 5)
    popup = SearchPopup(AppContext(store), None)
    qtbot.addWidget(popup)
    popup.search("Kiezkasse")
    summary, header, show_all = EXPECTED[language]
    assert popup.summary.text() == summary  # three groups of more than 5
    groups = {popup.model.item(r).text(): popup.model.item(r) for r in range(3)}
    tasks = groups[header]
    assert tasks.rowCount() == 9  # the 8 newest, and the way to all of them
    shown = [popup.model.hit(tasks.child(r).index()) for r in range(8)]
    assert [hit.ref for hit in shown if hit] == task_ids[::-1][:8]
    assert tasks.child(8).text() == show_all


def test_below_the_cap_the_count_is_exact(store: Store, qtbot: QtBot) -> None:
    kiezkasse(store, count=4)
    popup = SearchPopup(AppContext(store), None)
    qtbot.addWidget(popup)
    popup.search("Kiezkasse")
    assert popup.summary.text() == "12 Treffer"
    assert popup.model.item(2).text() == "Aufgaben (4)"


def test_counts_are_written_as_the_window_s_language_writes_numbers(language: str) -> None:
    """The cap and every count in the window: "1.000" in German, "1,000" in English."""
    expected = {"de": ("mehr als 1.000", "12.345"), "en": ("more than 1,000", "12,345")}
    assert (count_text(1000, True), count_text(12345, False)) == expected[language]
