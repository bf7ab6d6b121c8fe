"""Create or edit a body (Gremium): names, kind, region, defaults for its meetings, quorum,
and who besides the members receives the minutes (Verteiler)."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sromod.models import BodyKind
from sromod.services.bodies import BodyInfo
from sromod.ui.context import AppContext
from sromod.ui.dialogs.form import FormDialog, person_choices, region_choices
from sromod.ui.labels import enum_choices
from sromod.ui.widgets import OptionalSpinBox, PersonCombo, TimeEdit, fill_combo


class BodyDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, context: AppContext, body: BodyInfo | None = None
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Gremium bearbeiten") if body else self.tr("Neues Gremium"))
        self.name = QLineEdit(body.name if body else "")
        # the limits the store keeps: longer input would be refused after the dialog closed
        self.name.setMaxLength(200)
        self.add_row(self.tr("&Name:"), self.name)
        self.short_name = QLineEdit(body.short_name if body else "")
        self.short_name.setMaxLength(60)
        self.short_name.setPlaceholderText(self.tr("z. B. AG SRO"))
        self.add_row(self.tr("&Kurzbezeichnung:"), self.short_name)
        self.kind = QComboBox()
        fill_combo(
            self.kind,
            enum_choices(BodyKind),
            body.kind if body else BodyKind.WORKING_GROUP,
        )
        self.add_row(self.tr("&Art:"), self.kind)
        self.region = QComboBox()
        fill_combo(
            self.region,
            [(None, self.tr("— ganzer Bezirk —")), *region_choices(context.store)],
            body.region_id if body else None,
        )
        self.add_row(self.tr("Bezirks&region:"), self.region)
        self.place = QLineEdit((body.default_place or "") if body else "")
        self.place.setMaxLength(200)
        self.add_row(self.tr("Üblicher &Ort:"), self.place)
        self.start = TimeEdit()
        self.start.set_value(body.default_start if body and body.default_start else time(10, 0))
        self.add_row(self.tr("Üblicher &Beginn:"), self.start)
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 600)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" Minuten"))
        self.minutes.setValue(body.default_minutes if body else 120)
        self.add_row(self.tr("Übliche &Dauer:"), self.minutes)
        keep = {body.moderator_id, body.minute_taker_id} if body else set()
        people = person_choices(context.store, include=keep)
        self.moderator = PersonCombo()
        self.moderator.set_choices(people, body.moderator_id if body else None)
        self.add_row(self.tr("&Moderation:"), self.moderator)
        self.minute_taker = PersonCombo()
        self.minute_taker.set_choices(people, body.minute_taker_id if body else None)
        self.add_row(self.tr("&Protokoll:"), self.minute_taker)
        self.quorum = OptionalSpinBox(self.tr("keine festgelegt"))
        self.quorum.setValue((body.quorum or 0) if body else 0)
        self.quorum.setToolTip(
            self.tr("Wie viele stimmberechtigte Mitglieder anwesend sein müssen (0: keine Regel)")
        )
        self.add_row(self.tr("Beschluss&fähig ab:"), self.quorum)
        self.distribution = QPlainTextEdit((body.distribution or "") if body else "")
        self.distribution.setTabChangesFocus(True)  # Tab leaves the field (no keyboard trap)
        self.distribution.setPlaceholderText(
            self.tr(
                "Weitere Empfänger des Protokolls, einer je Zeile (die Mitglieder stehen immer darauf)"
            )
        )
        self.distribution.setFixedHeight(self.distribution.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(self.tr("&Verteiler:"), self.distribution)
        self.attendance_list = QCheckBox(self.tr("Anwesenheitsliste erforderlich"))
        self.attendance_list.setChecked(body.needs_attendance_list if body else False)
        self.form.addRow("", self.attendance_list)
        self.active = QCheckBox(self.tr("aktiv (tagt weiterhin)"))
        self.active.setChecked(body.active if body else True)
        self.form.addRow("", self.active)

    def check(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Bitte geben Sie einen Namen ein.")
        if not self.short_name.text().strip():
            return self.tr("Bitte geben Sie eine Kurzbezeichnung ein.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "short_name": self.short_name.text().strip(),
            "kind": self.kind.currentData(),
            "region_id": self.region.currentData(),
            "default_place": self.place.text().strip() or None,
            "default_start": self.start.value(),
            "default_minutes": self.minutes.value(),
            "moderator_id": self.moderator.current_id(),
            "minute_taker_id": self.minute_taker.current_id(),
            "quorum": self.quorum.optional_value(),
            "needs_attendance_list": self.attendance_list.isChecked(),
            "distribution": self.distribution.toPlainText().strip() or None,
            "active": self.active.isChecked(),
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, body: BodyInfo | None = None
    ) -> dict[str, Any] | None:
        return cls(parent, context, body).run()
