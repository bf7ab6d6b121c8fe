"""The English translation is complete and current, ships as .qm, and the window speaks it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from sromod.models import enums
from sromod.models.enums import AttendanceStatus, DecisionKind, TaskStatus
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.i18n import install_translations
from sromod.ui.labels import ENUM_LABELS, agenda_item_label, enum_label, meeting_title
from sromod.ui.main_window import MainWindow
from sromod.ui.screens.projector import ProjectorWindow
from tests.ui.prep_helpers import temp_settings
from tools import translations

PLACEHOLDER = re.compile(r"%\d|%n|\{\w*\}")
TAG = re.compile(r"</?\w+>")


def _install(app: QApplication, language: str) -> Iterator[list[QTranslator]]:
    before = QLocale()
    installed = install_translations(app, language)
    try:
        yield installed
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _install(qapp, "en")


@pytest.fixture
def german(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _install(qapp, "de")


def test_ts_file_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    translations.update(fresh)
    in_sources = {(context, source) for context, source, *_ in translations.entries(fresh)}
    committed = {(context, source) for context, source, *_ in translations.entries()}
    assert in_sources - committed == set(), "run: python3 tools/fill_translations.py"
    assert committed - in_sources == set(), "run: python3 tools/fill_translations.py"


def test_every_entry_is_translated_with_its_placeholders_and_markup() -> None:
    found = translations.entries()
    assert len(found) > 100
    unfinished = [(context, source) for context, source, _text, done in found if not done]
    assert unfinished == []
    for context, source, text, _done in found:
        assert text and text.strip(), (context, source)
        for form in text.split("|") if "%n" in source else [text]:
            where = (context, source, form)
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), where
            assert TAG.findall(form) == TAG.findall(source), where
            assert form.count("&&") == source.count("&&"), where
            # a menu or label mnemonic stays a mnemonic (one "&" before a letter)
            assert bool(re.search(r"&\w", source)) == bool(re.search(r"&\w", form)), where


def test_every_enum_label_is_listed_for_lupdate() -> None:
    for enum_class in enums.LabelledEnum.__subclasses__():
        listed = ENUM_LABELS[enum_class.__name__]
        assert listed == tuple(member.label for member in enum_class), enum_class.__name__


def test_the_shipped_qm_answers_every_entry_of_the_ts(english: list[QTranslator]) -> None:
    assert translations.QM_FILE.is_file()
    assert len(english) == 2  # Qt's own English and sromod's
    for context, source, text, _done in translations.entries():
        if "%n" in source:
            assert text is not None
            assert QCoreApplication.translate(context, source, None, 2) == text.split("|")[-1]
        else:
            assert QCoreApplication.translate(context, source) == text, (context, source)


def test_english_window_menus_and_labels(
    english: list[QTranslator], store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Meeting", "&View", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Plan new meeting…" in [action.text() for action in file_menu.actions()]
    assert window.statusBar().currentMessage() == "Ready."
    assert enum_label(TaskStatus.IN_PROGRESS) == "in progress"
    assert enum_label(AttendanceStatus.EXCUSED) == "excused"
    assert enum_label(DecisionKind.BESCHLUSS) == "Resolution"
    assert agenda_item_label("3.1") == "Item 3.1"
    assert meeting_title(12, "AG SRO") == "Meeting 12 of the AG SRO"
    # a string that reaches lupdate only through a module's own _tr() helper
    assert QCoreApplication.translate("MeetingClock", "Zeit abgelaufen") == "Time is up"


def test_german_window_and_qt_stock_buttons(
    german: list[QTranslator], store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Abbrechen"
    window = MainWindow(AppContext(store), temp_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&Datei"
    assert enum_label(TaskStatus.IN_PROGRESS) == "in Bearbeitung"
    assert meeting_title(12, "AG SRO") == "12. Sitzung der AG SRO"


def test_english_live_view_and_projector_name_meeting_items_kinds_and_review_states(
    english: list[QTranslator], store: Store, qtbot: QtBot
) -> None:
    """The live view showed "1. Sitzung der …", "TOP 3", "Wiedervorlage" and "3 erledigt"."""
    from sromod.ui.screens.live import open_live_view
    from tests.ui.live_helpers import activate, fake_clock, meeting_with_review

    setup = meeting_with_review(store)
    clock, _mono = fake_clock()
    view = open_live_view(AppContext(store), setup.meeting_id, clock=clock)
    assert view is not None
    qtbot.addWidget(view)
    activate(qtbot, view)
    view.go_to(next(i.id for i in view.items if i.kind.value == "wiedervorlage"))
    assert view.header.text().startswith("Meeting 2 of the ")
    assert view.top.number.text() == "Item 3"
    assert view.top.meta.text().startswith("Follow-up review · ")
    assert view.top.next_label.text().startswith("Next: Item 4")
    buttons = [b.text() for b in view.review.findChildren(QPushButton) if b.text()[:1].isdigit()]
    assert buttons == ["1 open", "2 in progress", "3 done", "4 deferred", "5 dropped"]
    rows = view.agenda_list.model()
    assert rows.index(0, 0).data().startswith("Item 1")
    view.toggle_projector()
    projector = view.projector
    assert isinstance(projector, ProjectorWindow)
    assert projector.header.text().startswith("Meeting 2 of the ")
    assert "TOP" not in projector.top_title.text()


def test_english_review_table_agenda_details_and_standing_agenda(
    english: list[QTranslator], store: Store, qtbot: QtBot
) -> None:
    """The review table, the TOP details and the standing agenda showed German kinds and states."""
    from sromod.services import agenda, tasks
    from sromod.ui.screens.agenda_details import AgendaDetails
    from sromod.ui.screens.body_parts import StandingAgendaTab
    from tests.ui.live_helpers import meeting_with_review, review_item

    setup = meeting_with_review(store)
    item = review_item(store, setup.meeting_id)
    [review] = tasks.list_reviews(store, item.id)
    context = AppContext(store)
    details = AgendaDetails(context)
    qtbot.addWidget(details)
    details.show_item(agenda.get_agenda_item(store, item.id))
    assert f"Item {item.number}: " in details.text.text()
    assert "(Follow-up review)" in details.text.text()

    from sromod.ui.itemmodels.reviews import ReviewModel

    model = ReviewModel()
    model.set_reviews([review])
    assert model.index(0, 4).data() == "open"
    standing = StandingAgendaTab(context)
    qtbot.addWidget(standing)
    standing.set_body(setup.body_id)
    standing.show()
    standing.reload()
    kinds = {standing.model.index(r, 2).data() for r in range(standing.model.rowCount())}
    assert "Follow-up review" in kinds and "Wiedervorlage" not in kinds


def test_english_task_register_history_and_follow_up_charts(
    store: Store, qtbot: QtBot, english: list[QTranslator]
) -> None:
    from sromod.services import directory, tasks
    from sromod.ui.itemmodels.tasks import COLUMN
    from sromod.ui.screens.office_view import OfficeViewScreen
    from sromod.ui.screens.region_view import RegionViewScreen
    from sromod.ui.screens.task_register import TaskRegisterScreen
    from tests.services.register_data import build_register

    reg = build_register(store)
    guest = directory.create_person(store, "Erika Muster")  # a person of no office
    tasks.add_task(store, "Ohne Amt", person_id=guest, region_id=reg.region_id)
    context = AppContext(store)
    register = TaskRegisterScreen(context)
    qtbot.addWidget(register)
    register.show_item(reg.task_ids[2])  # in progress, overdue, changed once
    row = register.model.row_of(reg.task_ids[2])
    assert row is not None
    assert register.model.index(row, COLUMN["overdue"]).data() == "overdue"
    history = register.detail.history
    texts = [item.text() for r in range(history.rowCount()) if (item := history.item(r, 1))]
    assert len(texts) == history.rowCount()
    assert texts[0].startswith("open → in progress – ") and texts[-1].startswith("created – ")
    assert not any(word in " ".join(texts) for word in ("offen", "angelegt", "Bearbeitung"))
    office = OfficeViewScreen(context)
    qtbot.addWidget(office)
    office.show_item(reg.offices["Jug"])
    assert "no region" in dict(office.by_region.entries())
    region = RegionViewScreen(context)
    qtbot.addWidget(region)
    region.show_item(reg.region_id)
    assert "no office" in dict(region.by_office.entries())


def test_english_search_groups(store: Store, qtbot: QtBot, english: list[QTranslator]) -> None:
    from sromod.services import search
    from sromod.ui.itemmodels.search import SearchResultsModel
    from tests.services.register_data import build_register

    build_register(store)
    model = SearchResultsModel()
    model.set_groups(search.search(store, "Aufgabe", per_kind=3))
    headers = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert "Tasks (8, the first 3)" in headers
    assert not any("Aufgaben" in h or "ersten" in h for h in headers)
