"""Search results as a two-level item model: one group per kind, the hits below it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from sromod.services.search import (
    MARK_END,
    MARK_START,
    HitPlace,
    SearchGroup,
    SearchHit,
    strip_marks,
)
from sromod.ui.i18n import number
from sromod.ui.labels import QT_TRANSLATE_NOOP, enum_label, meeting_place

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchHit of a row (None for a group row)
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the row as rich text, matched words in bold
ALL_ROLE = Qt.ItemDataRole.UserRole + 3  # on an "alle anzeigen" row: the kind to show in full
BACK_ROLE = Qt.ItemDataRole.UserRole + 4  # on the row that leads back to all groups

# "Alle 57 Aufgaben anzeigen": the plural of each kind, as the service's group labels name them.
SHOW_ALL = {
    "top": QT_TRANSLATE_NOOP("SearchResultsModel", "Alle %1 TOPs anzeigen …"),
    "decision": QT_TRANSLATE_NOOP(
        "SearchResultsModel", "Alle %1 Beschlüsse im Beschlussregister anzeigen …"
    ),
    "task": QT_TRANSLATE_NOOP(
        "SearchResultsModel", "Alle %1 Aufgaben im Aufgabenregister anzeigen …"
    ),
    "person": QT_TRANSLATE_NOOP("SearchResultsModel", "Alle %1 Personen anzeigen …"),
}
# The same when more matched than the search counts (services.search.MATCH_CAP).
SHOW_ALL_CAPPED = {
    "top": QT_TRANSLATE_NOOP("SearchResultsModel", "Alle TOPs anzeigen (mehr als %1) …"),
    "decision": QT_TRANSLATE_NOOP(
        "SearchResultsModel", "Alle Beschlüsse im Beschlussregister anzeigen (mehr als %1) …"
    ),
    "task": QT_TRANSLATE_NOOP(
        "SearchResultsModel", "Alle Aufgaben im Aufgabenregister anzeigen (mehr als %1) …"
    ),
    "person": QT_TRANSLATE_NOOP("SearchResultsModel", "Alle Personen anzeigen (mehr als %1) …"),
}


def count_text(total: int, capped: bool) -> str:
    """ "57", or "mehr als 1.000" where the search stopped counting."""
    if not capped:
        return number(total)
    text = QCoreApplication.translate("SearchResultsModel", "mehr als %1")
    return text.replace("%1", number(total))


class SearchResultsModel(QStandardItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hit_count = 0

    def set_groups(self, groups: list[SearchGroup], *, full: bool = False) -> None:
        """The groups' hits; `full`: one kind shown in full, with a way back to all groups."""
        self.clear()
        self.hit_count = 0
        if full:
            back = QStandardItem(QCoreApplication.translate("SearchResultsModel", "‹ Alle Gruppen"))
            back.setEditable(False)
            back.setData(True, BACK_ROLE)
            self.appendRow(back)
        bold = QFont()
        bold.setBold(True)
        for group in groups:
            # The service's German words, translated under the names listed in ui/labels.py.
            label = QCoreApplication.translate("SearchResultsModel", group.label)
            shown = ""
            if group.more:
                shown = QCoreApplication.translate("SearchResultsModel", ", die ersten %1")
                shown = shown.replace("%1", str(len(group.hits)))
            header = QStandardItem(f"{label} ({count_text(group.total, group.capped)}{shown})")
            header.setFont(bold)
            header.setEditable(False)
            header.setSelectable(False)
            header.setData(None, HIT_ROLE)
            for hit in group.hits:
                header.appendRow(_hit_item(hit))
                self.hit_count += 1
            if group.more:
                header.appendRow(_show_all_item(group))
            self.appendRow(header)

    def hit(self, index: Any) -> SearchHit | None:
        value = index.data(HIT_ROLE) if index.isValid() else None
        return value if isinstance(value, SearchHit) else None

    def show_all_kind(self, index: Any) -> str | None:
        """The kind an "alle anzeigen" row stands for, else None."""
        value = index.data(ALL_ROLE) if index.isValid() else None
        return str(value) if value else None

    def is_back(self, index: Any) -> bool:
        return bool(index.isValid() and index.data(BACK_ROLE))


def _show_all_item(group: SearchGroup) -> QStandardItem:
    wording = (SHOW_ALL_CAPPED if group.capped else SHOW_ALL)[group.kind]
    text = QCoreApplication.translate("SearchResultsModel", wording)
    item = QStandardItem(text.replace("%1", number(group.total)))
    item.setEditable(False)
    font = QFont()
    font.setItalic(True)
    item.setFont(font)
    item.setData(group.kind, ALL_ROLE)
    return item


def _hit_item(hit: SearchHit) -> QStandardItem:
    snippet = strip_marks(hit.snippet)
    lines = [hit.title]
    context = place_text(hit.place)
    if context:
        lines[0] += f"   ({context})"
    if snippet and snippet != hit.title:
        lines.append(snippet)
    item = QStandardItem("\n".join(lines))
    item.setData(_html(hit), HTML_ROLE)
    item.setEditable(False)
    item.setToolTip(snippet or hit.title)
    item.setData(hit, HIT_ROLE)
    return item


def place_text(place: HitPlace) -> str:
    """ "Jug · open · AG SRO, meeting 12, 25.11.2026" in the window's language."""
    meeting = meeting_place(place.meeting) if place.meeting else place.body_short_name
    status = enum_label(place.status) if place.status else None
    parts = (place.office_code, status, meeting, *place.details)
    return " · ".join(p for p in parts if p)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html(hit: SearchHit) -> str:
    title = f"<b>{_escape(hit.title)}</b>"
    context = place_text(hit.place)
    if context:
        # no colour of its own: grey failed the contrast on the selection and the dark scheme
        title += f" ({_escape(context)})"
    snippet = _escape(hit.snippet).replace(MARK_START, "<b>").replace(MARK_END, "</b>")
    return title + (f"<br>{snippet}" if snippet else "")
