"""Add a member to a body or edit a membership: role, voting right, from/to."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from sromod.models import MemberRole
from sromod.services.bodies import MemberInfo
from sromod.ui.context import AppContext
from sromod.ui.dialogs.form import FormDialog, person_choices
from sromod.ui.labels import enum_choices
from sromod.ui.widgets import DateEdit, PersonCombo, fill_combo


class MemberDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, context: AppContext, member: MemberInfo | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(
            self.tr("Mitgliedschaft bearbeiten") if member else self.tr("Mitglied hinzufügen")
        )
        self.person: PersonCombo | None = None
        if member is None:
            self.person = PersonCombo(none_text=self.tr("— Person wählen —"))
            self.person.set_choices(person_choices(context.store))
            self.add_row(self.tr("&Person:"), self.person)
        else:
            self.form.addRow(self.tr("Person:"), QLabel(member.name))
        self.role = QComboBox()
        # a new member is an ordinary member; the first role in the list is the chair
        fill_combo(
            self.role, enum_choices(MemberRole), member.role if member else MemberRole.MEMBER
        )
        self.add_row(self.tr("&Rolle:"), self.role)
        self.voting = QCheckBox(self.tr("stimmberechtigt"))
        self.voting.setChecked(member.voting if member else True)
        self.form.addRow("", self.voting)
        self.valid_from = DateEdit(optional=True)
        self.valid_from.set_value(member.valid_from if member else None)
        self.add_row(self.tr("Mitglied &seit:"), self.valid_from)
        self.valid_to = DateEdit(optional=True)
        self.valid_to.set_value(member.valid_to if member else None)
        self.add_row(self.tr("Mitglied &bis:"), self.valid_to)

    def check(self) -> str | None:
        if self.person is not None and self.person.current_id() is None:
            return self.tr("Bitte wählen Sie eine Person.")
        start, end = self.valid_from.value(), self.valid_to.value()
        if start and end and end < start:
            return self.tr("Das Ende der Mitgliedschaft liegt vor ihrem Beginn.")
        return None

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "role": self.role.currentData(),
            "voting": self.voting.isChecked(),
            "valid_from": self.valid_from.value(),
            "valid_to": self.valid_to.value(),
        }
        if self.person is not None:
            values["person_id"] = self.person.current_id()
        return values

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, member: MemberInfo | None = None
    ) -> dict[str, Any] | None:
        return cls(parent, context, member).run()
