"""Edit a TOP (of a meeting or of a body's standing agenda): title, kind, minutes, presenter, tags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sromod.models import AgendaItemKind
from sromod.ui.context import AppContext
from sromod.ui.dialogs.form import FormDialog, region_choices
from sromod.ui.labels import enum_choices
from sromod.ui.widgets import fill_combo


class AgendaItemDialog(FormDialog):
    """initial: the item's current values (title, kind, planned_minutes, …) or {} for a new one."""

    def __init__(
        self,
        parent: QWidget | None,
        context: AppContext,
        initial: dict[str, Any],
        *,
        template: bool = False,
    ) -> None:
        super().__init__("", parent)
        new = not initial.get("title")
        self.setWindowTitle(self.tr("Neuer TOP") if new else self.tr("TOP bearbeiten"))
        self.template = template
        self.title = QLineEdit(initial.get("title") or "")
        # the limits the store keeps: longer input would be refused after the dialog closed
        self.title.setMaxLength(300 if template else 500)
        self.add_row(self.tr("&Titel:"), self.title)
        self.kind = QComboBox()
        fill_combo(
            self.kind,
            enum_choices(AgendaItemKind),
            initial.get("kind", AgendaItemKind.DISCUSSION),
        )
        self.add_row(self.tr("&Art:"), self.kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 480)
        self.minutes.setSuffix(self.tr(" Minuten"))
        self.minutes.setValue(int(initial.get("planned_minutes", 10)))
        self.add_row(self.tr("&Geplante Dauer:"), self.minutes)
        self.presenter = QLineEdit(initial.get("presenter") or "")
        self.presenter.setMaxLength(200)
        self.regions = QListWidget()
        if not template:
            self.add_row(self.tr("&Vortragende:"), self.presenter)
            chosen = set(initial.get("region_ids", ()))
            for region_id, label in region_choices(context.store):
                entry = QListWidgetItem(label, self.regions)
                entry.setData(Qt.ItemDataRole.UserRole, region_id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(
                    Qt.CheckState.Checked if region_id in chosen else Qt.CheckState.Unchecked
                )
            self.regions.setMinimumHeight(140)
            self.add_row(self.tr("Bezirks&regionen:"), self.regions)
        self.description = QPlainTextEdit(initial.get("description") or "")
        self.description.setMaximumHeight(100)
        self.add_row(self.tr("&Beschreibung:"), self.description)

    def check(self) -> str | None:
        if not self.title.text().strip():
            return self.tr("Bitte geben Sie einen Titel ein.")
        return None

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "title": self.title.text().strip(),
            "kind": self.kind.currentData(),
            "planned_minutes": self.minutes.value(),
            "description": self.description.toPlainText().strip() or None,
        }
        if not self.template:
            values["presenter"] = self.presenter.text().strip() or None
            values["region_ids"] = [
                self.regions.item(n).data(Qt.ItemDataRole.UserRole)
                for n in range(self.regions.count())
                if self.regions.item(n).checkState() == Qt.CheckState.Checked
            ]
        return values

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context: AppContext,
        initial: dict[str, Any],
        *,
        template: bool = False,
    ) -> dict[str, Any] | None:
        return cls(parent, context, initial, template=template).run()
