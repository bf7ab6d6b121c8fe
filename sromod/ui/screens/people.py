"""People and offices: lists with a filter and edit dialogs; the Bezirksregionen for reference."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sromod.services import directory, privacy
from sromod.services.concurrency import seen
from sromod.store import StoreError
from sromod.ui.context import AppContext
from sromod.ui.dialogs import erasure
from sromod.ui.dialogs.office_dialog import OfficeDialog
from sromod.ui.dialogs.person_dialog import PersonDialog
from sromod.ui.itemmodels.base import ID_ROLE, RowsModel
from sromod.ui.itemmodels.people import OfficesModel, PeopleModel
from sromod.ui.labels import enum_label
from sromod.ui.role_guard import editing_controls, edits_only
from sromod.ui.screens.body_parts import button
from sromod.ui.widgets import make_table

TAB_PEOPLE, TAB_OFFICES, TAB_REGIONS = range(3)

log = logging.getLogger(__name__)


class PeopleScreen(QWidget):
    """Personen & Ämter; show_item(id) selects a person or an office."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Personen, Ämter und Regionen"))
        self.tabs.addTab(self._build_people(), self.tr("&Personen"))
        self.tabs.addTab(self._build_offices(), self.tr("Ä&mter"))
        self.tabs.addTab(self._build_regions(), self.tr("Bezirks&regionen"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        context.changed.connect(self._on_changed)
        editing_controls(context, *self.person_buttons, self.anonymise_button, *self.office_buttons)
        self.reload()

    def _build_people(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Name, Amt oder Funktion filtern …"))
        self.filter.setAccessibleName(self.tr("Personen filtern"))
        self.filter.setClearButtonEnabled(True)
        row.addWidget(self.filter, 1)
        self.active_only = QCheckBox(self.tr("nur aktive"))
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(self.reload_people)
        row.addWidget(self.active_only)
        layout.addLayout(row)
        self.people_model = PeopleModel(self)
        self.people_proxy = QSortFilterProxyModel(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self.people_proxy.setFilterFixedString)
        self.people_view = make_table(
            self.people_proxy, self.tr("Personen"), 2, [190, 190, 170, 200, 130, 60]
        )
        self.people_view.doubleClicked.connect(self.edit_person)
        self.people_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people_view.customContextMenuRequested.connect(self._people_menu)
        layout.addWidget(self.people_view, 1)
        buttons = QHBoxLayout()
        self.person_buttons = [
            button(self.tr("Neue Person…"), self.tr("Neue Person anlegen"), self.new_person),
            button(self.tr("Bearbeiten…"), self.tr("Gewählte Person bearbeiten"), self.edit_person),
        ]
        for made in self.person_buttons:
            buttons.addWidget(made)
        buttons.addStretch(1)
        self.anonymise_button = button(
            self.tr("Person anonymisieren…"),
            self.tr("Name und Kontaktdaten der gewählten Person löschen"),
            self.anonymise_person,
        )
        buttons.addWidget(self.anonymise_button)
        layout.addLayout(buttons)
        return tab

    def _build_offices(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.offices_model = OfficesModel(self)
        self.offices_view = make_table(self.offices_model, self.tr("Ämter"), 1)
        self.offices_view.doubleClicked.connect(self.edit_office)
        layout.addWidget(self.offices_view, 1)
        buttons = QHBoxLayout()
        self.office_buttons = [
            button(
                self.tr("Neues Amt…"),
                self.tr("Neues Amt oder neue Stelle anlegen"),
                self.new_office,
            ),
            button(self.tr("Bearbeiten…"), self.tr("Gewähltes Amt bearbeiten"), self.edit_office),
        ]
        for made in self.office_buttons:
            buttons.addWidget(made)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _build_regions(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "Die Bezirksregionen und Planungsräume (LOR) des Bezirks. TOPs, Beschlüsse und "
                "Aufgaben lassen sich damit verschlagworten."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.regions_model = RowsModel(
            [self.tr("LOR"), self.tr("Name"), self.tr("Ebene"), self.tr("gehört zu")], self
        )
        self.regions_view = make_table(self.regions_model, self.tr("Regionen"), 1)
        layout.addWidget(self.regions_view, 1)
        return tab

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.reload_people()
        self.reload_offices()
        self.regions_model.set_rows(
            [
                (r.id, r.lor_id, r.name, enum_label(r.level), r.parent_name or "")
                for r in self.context.query(directory.list_regions)
            ]
        )

    def reload_people(self, *_: Any) -> None:
        self.people_model.set_people(
            self.context.query(directory.list_people, active_only=self.active_only.isChecked())
        )

    def reload_offices(self) -> None:
        self.offices_model.set_offices(self.context.query(directory.list_offices))

    def _on_changed(self, tables: set[str]) -> None:
        if tables & {"persons", "offices", "*"}:
            selected_person = self.selected_person_id()
            self.reload_people()
            self.reload_offices()
            if selected_person:
                self._select_person(selected_person)

    # -- selection ----------------------------------------------------------------------------

    def selected_person_id(self) -> str | None:
        index = self.people_view.currentIndex()
        return self.people_proxy.data(index, ID_ROLE) if index.isValid() else None

    def selected_office_id(self) -> str | None:
        return self.offices_model.row_id(self.offices_view.currentIndex().row())

    def _select_person(self, person_id: str) -> bool:
        row = self.people_model.row_of(person_id)
        if row is None:
            return False
        index = self.people_proxy.mapFromSource(self.people_model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.people_proxy.mapFromSource(self.people_model.index(row, 0))
        self.people_view.selectRow(index.row())
        self.people_view.scrollTo(index)
        return True

    def show_item(self, item_id: str) -> None:
        """Select a person or an office by id."""
        if self._select_person(item_id):
            self.tabs.setCurrentIndex(TAB_PEOPLE)
            return
        if self.active_only.isChecked():
            self.active_only.setChecked(False)
            if self._select_person(item_id):
                self.tabs.setCurrentIndex(TAB_PEOPLE)
                return
        row = self.offices_model.row_of(item_id)
        if row is not None:
            self.tabs.setCurrentIndex(TAB_OFFICES)
            self.offices_view.selectRow(row)

    # -- editing ------------------------------------------------------------------------------

    @edits_only
    def new_person(self) -> None:
        values = PersonDialog.ask(self, self.context, None)
        if values is None:
            return
        name = values.pop("name")
        person_id = self.context.run(
            self.tr("Person „%1“ anlegen").replace("%1", name),
            directory.create_person,
            name,
            **values,
        )
        if person_id:
            self._select_person(person_id)

    @edits_only
    def edit_person(self, *_: Any) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            return
        person = self.context.query(directory.get_person, person_id)
        values = PersonDialog.ask(self, self.context, person)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if getattr(person, k) != v}
        if changed:  # as the dialog showed it: a change by someone else meanwhile stays
            self.context.edit(
                self.tr("Person „%1“ ändern").replace("%1", person.name),
                seen("persons", person),
                directory.update_person,
                person_id,
                **changed,
            )

    @edits_only
    def _people_menu(self, position: QPoint) -> None:
        if self.selected_person_id() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Bearbeiten…"), self.edit_person)
        menu.addAction(self.tr("Person anonymisieren…"), self.anonymise_person)
        menu.popup(self.people_view.viewport().mapToGlobal(position))

    @edits_only
    def anonymise_person(self, *_: Any) -> None:
        """Erase the chosen person's name and contact data after asking; one undoable step."""
        person_id = self.selected_person_id()
        if person_id is None:
            return
        person = self.context.query(directory.get_person, person_id)
        if person.anonymised:
            self.context.message.emit(self.tr("Diese Person ist bereits anonymisiert."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Person anonymisieren"),
            self.tr(
                "„%1“ anonymisieren? Name und Kontaktdaten werden gelöscht; Anwesenheit, "
                "Beschlüsse und Aufgaben bleiben in alten Protokollen erhalten. Sie können den "
                "Schritt mit Strg+Z rückgängig machen, solange sromod geöffnet ist."
            ).replace("%1", person.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.run(self.tr("Person anonymisieren"), privacy.anonymise_person, person_id)
        if not self.context.query(directory.get_person, person_id).anonymised:
            return  # refused; the context has shown why
        # the anonymised person is inactive: show them even when the list holds active ones only
        self.show_item(person_id)
        self.context.message.emit(self.tr("Die Person wurde anonymisiert."))
        self._offer_to_replace_backups(person_id)

    def _offer_to_replace_backups(self, person_id: str) -> None:
        """The store no longer holds the old data; older backups do, until they are replaced."""
        stale = self.context.query(privacy.backups_with_old_data, person_id)
        if not stale:
            return
        if not erasure.ask_replace_backups(self, stale):
            self.context.message.emit(
                self.tr("Die Person wurde anonymisiert; ältere Sicherungen enthalten sie noch.")
            )
            return
        try:
            self.context.query(privacy.replace_backups, stale)
        except (OSError, StoreError) as exc:
            log.warning("Backups could not be replaced: %s", type(exc).__name__)
            self.context.error.emit(
                self.tr(
                    "Die neue Sicherung konnte nicht geschrieben werden; die älteren "
                    "Sicherungen bleiben erhalten. Prüfen Sie den Platz auf dem Laufwerk."
                )
            )
            return
        self.context.message.emit(
            self.tr("Die Person wurde anonymisiert und die älteren Sicherungen ersetzt.")
        )

    @edits_only
    def new_office(self) -> None:
        values = OfficeDialog.ask(self, None)
        if values is None:
            return
        office_id = self.context.run(
            self.tr("Amt „%1“ anlegen").replace("%1", values["code"]),
            directory.create_office,
            values["code"],
            values["name"],
            values["kind"],
        )
        if office_id and not values["active"]:
            self.context.run("", directory.update_office, office_id, active=False)

    @edits_only
    def edit_office(self, *_: Any) -> None:
        office_id = self.selected_office_id()
        office = next(
            (o for o in self.context.query(directory.list_offices) if o.id == office_id), None
        )
        if office is None:
            return
        values = OfficeDialog.ask(self, office)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if getattr(office, k) != v}
        if changed:  # as the dialog showed it: a change by someone else meanwhile stays
            self.context.edit(
                self.tr("Amt „%1“ ändern").replace("%1", office.code),
                seen("offices", office),
                directory.update_office,
                office.id,
                **changed,
            )
