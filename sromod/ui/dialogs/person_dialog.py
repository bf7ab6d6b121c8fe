"""Create or edit a person: office or organisation, function, contact data and consent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from sromod.services import directory
from sromod.services.directory import PersonInfo
from sromod.ui.context import AppContext
from sromod.ui.dialogs.form import FormDialog
from sromod.ui.widgets import fill_combo


class PersonDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, context: AppContext, person: PersonInfo | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Person bearbeiten") if person else self.tr("Neue Person"))
        self.name = QLineEdit(person.name if person else "")
        self.add_row(self.tr("&Name:"), self.name)
        self.office = QComboBox()
        offices = directory.list_offices(context.store)
        fill_combo(
            self.office,
            [(None, self.tr("— kein Amt (extern) —"))]
            + [
                (o.id, o.display)
                for o in offices
                if o.active or (person and o.id == person.office_id)
            ],
            person.office_id if person else None,
        )
        self.add_row(self.tr("&Amt:"), self.office)
        self.organisation = QLineEdit((person.organisation or "") if person else "")
        self.organisation.setPlaceholderText(self.tr("bei Externen: Träger, Initiative …"))
        self.add_row(self.tr("&Organisation:"), self.organisation)
        self.function = QLineEdit((person.function or "") if person else "")
        self.add_row(self.tr("&Funktion:"), self.function)
        self.email = QLineEdit((person.email or "") if person else "")
        self.add_row(self.tr("&E-Mail:"), self.email)
        self.phone = QLineEdit((person.phone or "") if person else "")
        self.add_row(self.tr("&Telefon:"), self.phone)
        self.external = QCheckBox(self.tr("externe Person (nicht aus der Verwaltung)"))
        self.external.setChecked(person.external if person else False)
        self.form.addRow("", self.external)
        self.consent = QCheckBox(self.tr("Einverständnis: Kontaktdaten dürfen im Protokoll stehen"))
        self.consent.setChecked(person.contact_consent if person else False)
        self.form.addRow("", self.consent)
        self.active = QCheckBox(self.tr("aktiv"))
        self.active.setChecked(person.active if person else True)
        self.form.addRow("", self.active)
        # the limits the store keeps: longer input would be refused after the dialog closed
        for field in (self.name, self.organisation, self.function, self.email):
            field.setMaxLength(200)
        self.phone.setMaxLength(100)

    def check(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Bitte geben Sie einen Namen ein.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "office_id": self.office.currentData(),
            "organisation": self.organisation.text().strip() or None,
            "function": self.function.text().strip() or None,
            "email": self.email.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "external": self.external.isChecked(),
            "contact_consent": self.consent.isChecked(),
            "active": self.active.isChecked(),
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, person: PersonInfo | None = None
    ) -> dict[str, Any] | None:
        return cls(parent, context, person).run()
