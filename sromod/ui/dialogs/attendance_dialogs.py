"""Small questions of the attendance list: a guest's name, who represents a member."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sromod.ui.dialogs.form import FormDialog


class GuestDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Gast hinzufügen"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)  # the store's limit; longer input would be refused later
        self.add_row(self.tr("&Name:"), self.name)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText(self.tr("z. B. Träger, Initiative, QM"))
        self.add_row(self.tr("&Organisation:"), self.organisation)

    def check(self) -> str | None:
        return None if self.name.text().strip() else self.tr("Bitte geben Sie einen Namen ein.")

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "organisation": self.organisation.text().strip() or None,
        }

    @classmethod
    def ask(cls, parent: QWidget | None) -> dict[str, Any] | None:
        return cls(parent).run()


class RepresentationDialog(FormDialog):
    def __init__(self, parent: QWidget | None, member_name: str, current: str | None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Vertretung"))
        self.form.addRow(QLabel(self.tr("Wer vertritt %1?").replace("%1", member_name)))
        self.name = QLineEdit(current or "")
        self.name.setMaxLength(200)  # the store's limit; longer input would be refused later
        self.add_row(self.tr("&Vertreten durch:"), self.name)

    def check(self) -> str | None:
        return None if self.name.text().strip() else self.tr("Bitte geben Sie an, wer vertritt.")

    def values(self) -> dict[str, Any]:
        return {"represented_by": self.name.text().strip()}

    @classmethod
    def ask(
        cls, parent: QWidget | None, member_name: str, current: str | None = None
    ) -> str | None:
        values = cls(parent, member_name, current).run()
        return values["represented_by"] if values else None
