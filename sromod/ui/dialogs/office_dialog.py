"""Create or edit an office (Amt, Organisationseinheit, externe Stelle)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from sromod.models import OfficeKind
from sromod.services.directory import OfficeInfo
from sromod.ui.dialogs.form import FormDialog
from sromod.ui.labels import enum_choices
from sromod.ui.widgets import fill_combo


class OfficeDialog(FormDialog):
    def __init__(self, parent: QWidget | None, office: OfficeInfo | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Amt bearbeiten") if office else self.tr("Neues Amt"))
        self.code = QLineEdit(office.code if office else "")
        # the limits the store keeps: longer input would be refused after the dialog closed
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("z. B. Jug"))
        self.add_row(self.tr("&Kürzel:"), self.code)
        self.name = QLineEdit(office.name if office else "")
        self.name.setMaxLength(200)
        self.add_row(self.tr("&Name:"), self.name)
        self.kind = QComboBox()
        fill_combo(self.kind, enum_choices(OfficeKind), office.kind if office else None)
        self.add_row(self.tr("&Art:"), self.kind)
        self.active = QCheckBox(self.tr("aktiv"))
        self.active.setChecked(office.active if office else True)
        self.form.addRow("", self.active)

    def check(self) -> str | None:
        if not self.code.text().strip() or not self.name.text().strip():
            return self.tr("Bitte geben Sie Kürzel und Namen ein.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "active": self.active.isChecked(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, office: OfficeInfo | None = None) -> dict[str, Any] | None:
        return cls(parent, office).run()
