"""The English translation is complete and current, ships as .qm, and the window speaks it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from sromod.models import enums
from sromod.models.enums import AttendanceStatus, DecisionKind, TaskStatus
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.i18n import install_translations
from sromod.ui.labels import ENUM_LABELS, agenda_item_label, enum_label, meeting_title
from sromod.ui.main_window import MainWindow
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
