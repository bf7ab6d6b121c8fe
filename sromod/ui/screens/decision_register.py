"""Decision register: all decisions with number, date, body, TOP, kind, text and votes."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import DecisionKind, RegionLevel
from sromod.services import bodies, directory
from sromod.services.register import DecisionFilter
from sromod.services.wording import german_date, votes_in_words
from sromod.ui.context import AppContext
from sromod.ui.i18n import number
from sromod.ui.itemmodels.decisions import DecisionTableModel
from sromod.ui.labels import enum_label, top_caption
from sromod.ui.screens.office_view import decision_table
from sromod.ui.widgets import DateEdit, fill_combo

log = logging.getLogger(__name__)

WATCHED = {"decisions", "decision_regions", "agenda_items", "meetings", "bodies", "tasks"}


class DecisionRegisterScreen(QWidget):
    """Filter by body, kind, office, region, date and words; open a decision in its meeting."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Beschlusstext durchsuchen …"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Suche im Beschlusstext"))
        self.body = QComboBox()
        self.kind = QComboBox()
        fill_combo(
            self.kind, [(None, self.tr("alle Arten")), *((k, enum_label(k)) for k in DecisionKind)]
        )
        self.office = QComboBox()
        self.office.setToolTip(self.tr("Beschlüsse mit Aufgaben für dieses Amt"))
        self.region = QComboBox()
        self.date_from = DateEdit(optional=True)
        self.date_to = DateEdit(optional=True)
        self.date_from.setAccessibleName(self.tr("Sitzungsdatum von"))
        self.date_to.setAccessibleName(self.tr("Sitzungsdatum bis"))
        for combo, name in ((self.body, "Gremium"), (self.kind, "Art"), (self.office, "Amt"),
                            (self.region, "Bezirksregion")):  # fmt: skip
            combo.setAccessibleName(self.tr(name))
            combo.setMaximumWidth(240)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        self.model = DecisionTableModel(context, self)
        widths = dict(enumerate((95, 85, 100, 240, 110, 300, 95)))
        self.table = decision_table(self.model, self.tr("Beschlüsse"), widths)
        self.table.doubleClicked.connect(self.open_meeting)
        self.full_text = QLabel()
        self.full_text.setWordWrap(True)
        self.full_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.full_text.setAccessibleName(self.tr("Beschlusstext"))
        self.open_button = QPushButton(self.tr("In der Sitzung öffnen"))
        self.open_button.clicked.connect(self.open_meeting)
        self._build()
        self.load_choices()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.body, self.kind, self.office, self.region):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        context.changed.connect(self._data_changed)
        self.apply_filters()

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.text, 2)
        for widget in (self.body, self.kind, self.office, self.region, QLabel(self.tr("von")),
                       self.date_from, QLabel(self.tr("bis")), self.date_to):  # fmt: skip
            filters.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.full_text, 1)
        bottom.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def load_choices(self) -> None:
        store = self.context.store
        combos = (self.body, self.office, self.region)
        current = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
        fill_combo(self.body, [(None, self.tr("alle Gremien")),
                               *((b.id, b.short_name) for b in bodies.list_bodies(store))],
                   current[0])  # fmt: skip
        fill_combo(self.office, [(None, self.tr("alle Ämter")),
                                 *((o.id, o.code) for o in directory.list_offices(store))],
                   current[1])  # fmt: skip
        regions = directory.list_regions(store, RegionLevel.BEZIRKSREGION)
        fill_combo(self.region, [(None, self.tr("alle Bezirksregionen")),
                                 *((r.id, r.name) for r in regions)], current[2])  # fmt: skip
        for combo in combos:
            combo.blockSignals(False)

    def filters(self) -> DecisionFilter:
        return DecisionFilter(
            body_id=self.body.currentData(),
            kind=self.kind.currentData(),
            office_id=self.office.currentData(),
            region_id=self.region.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            text=self.text.text(),
        )

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        total = self.model.total
        self.count.setText(
            self.tr("1 Beschluss")
            if total == 1
            else self.tr("%1 Beschlüsse").replace("%1", number(total))
        )
        self._show_current()

    def _show_current(self, *_args: object) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.full_text.setText("")
            return
        votes = (
            self.tr(" – Abstimmung %1").replace("%1", _vote_words(row.votes)) if row.votes else ""
        )
        self.full_text.setText(
            f"<b>{row.register_number}</b> ({enum_label(row.kind)}, {row.body_short_name}, "
            f"{german_date(row.meeting_date)}, {_html(top_caption(row.top_number, row.top_title))})"
            f"{votes}<br>{_html(row.text)}"
        )

    def open_meeting(self, *_args: object) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.context.navigate.emit("agenda_item", row.agenda_item_id)

    def chosen_id(self) -> str | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row is not None else None

    def show_search(self, text: str) -> None:
        """Every decision the words find (the search's "alle anzeigen")."""
        self._clear_filters(text)
        self.table.setFocus()

    def _clear_filters(self, text: str = "") -> None:
        self.text.blockSignals(True)
        self.text.setText(text)
        self.text.blockSignals(False)
        self._debounce.stop()
        for combo in (self.body, self.kind, self.office, self.region):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for field in (self.date_from, self.date_to):
            field.blockSignals(True)
            field.set_value(None)
            field.blockSignals(False)
        self.apply_filters()

    def show_item(self, id: str) -> None:
        """Select the decision; clear the filters first if they hide it."""
        found = self._find(id)
        if found is None:
            self._clear_filters()
            found = self._find(id)
        if found is None:
            return
        index = self.model.index(found, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _find(self, decision_id: str) -> int | None:
        row = self.model.row_of(decision_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(decision_id)
        return row

    def _data_changed(self, tables: set[str]) -> None:
        if tables & WATCHED:
            if "bodies" in tables:
                self.load_choices()
            self.model.refresh()
            self._show_current()


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def _vote_words(votes: str) -> str:
    """ "9 : 1 : 2" as "mit 9 Ja-Stimmen bei 1 Nein-Stimme und 2 Enthaltungen angenommen"."""
    counts = [int(part) for part in votes.split(":")]
    translate = partial(QCoreApplication.translate, "Wording")
    return votes_in_words(counts[0], counts[1], counts[2], translate)
