"""Translations: the UI's source language is German; English comes from resources/translations."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sromod.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and sromod's translations; return them (they must stay alive)."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(
        QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)
    )
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir) or qt_translator.load(
        f"qt_{language}", qt_dir
    ):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != "de":
        own = QTranslator(app)
        path = resource_path("translations", f"sromod_{language}.qm")
        if own.load(str(path)):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("Translation %s not found", path.name)
    return installed


def number(count: int) -> str:
    """A count as the window's language writes it: "1.234" in German, "1,234" in English."""
    return QLocale().toString(count)
