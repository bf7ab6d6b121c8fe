"""Plan a new meeting of a body: date, start and place, the rest comes from the body."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from sromod.models import AgendaItemKind
from sromod.services import bodies, meetings, untreated
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.dialogs.form import FormDialog
from sromod.ui.labels import agenda_item_label
from sromod.ui.widgets import DateEdit, TimeEdit


class PlanMeetingDialog(FormDialog):
    def __init__(self, parent: QWidget | None, context: AppContext, body_id: str) -> None:
        super().__init__(self.tr("Neue Sitzung planen"), parent)
        body = bodies.get_body(context.store, body_id)
        held = meetings.list_meetings(context.store, body_id)
        number = max((m.number for m in held), default=0) + 1
        intro = QLabel(
            self._intro(context, body_id).replace("%1", str(number)).replace("%2", body.short_name)
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.day = DateEdit()
        self.day.set_value(_suggested_day(held[0].date if held else None))
        self.add_row(self.tr("&Datum:"), self.day)
        if held:
            last = QLabel(self.tr("letzte Sitzung: %1").replace("%1", german_date(held[0].date)))
            self.form.addRow("", last)
        self.start = TimeEdit()
        self.start.set_value(body.default_start or time(10, 0))
        self.add_row(self.tr("&Beginn:"), self.start)
        self.place = QLineEdit(body.default_place or "")
        self.place.setMaxLength(200)  # the store's limit; longer input would be refused later
        self.add_row(self.tr("&Ort:"), self.place)
        self.postponed = self._postponed_boxes(context, body_id)

    def _intro(self, context: AppContext, body_id: str) -> str:
        """What the new agenda will hold; open tasks are carried over only into a review TOP."""
        standing = bodies.list_standing_items(context.store, body_id)
        if not standing:
            return self.tr(
                "%1. Sitzung der %2. Die ständige Tagesordnung ist leer: "
                "die Sitzung beginnt ohne TOPs."
            )
        if not any(item.kind == AgendaItemKind.REVIEW for item in standing):
            return self.tr(
                "%1. Sitzung der %2. Die Tagesordnung wird aus der ständigen Tagesordnung "
                "übernommen. Sie hat keinen TOP „Wiedervorlage“: offene Aufgaben werden nicht "
                "übernommen."
            )
        return self.tr(
            "%1. Sitzung der %2. Die Tagesordnung wird aus der ständigen Tagesordnung "
            "übernommen, offene Aufgaben kommen in den TOP „Wiedervorlage“."
        )

    def _postponed_boxes(self, context: AppContext, body_id: str) -> list[tuple[str, QCheckBox]]:
        """One ticked box per TOP the last meeting postponed: carried over unless unticked."""
        found = untreated.postponed_tops(context.store, body_id)
        if not found:
            return []
        heading = QLabel(
            self.tr("Vertagt in der %1. Sitzung (%2) – auf die Tagesordnung übernehmen:")
            .replace("%1", str(found[0].meeting_number))
            .replace("%2", german_date(found[0].meeting_date))
        )
        heading.setWordWrap(True)
        self.form.addRow(heading)
        boxes = []
        for top in found:
            box = QCheckBox(
                self.tr("%1 %2 (%3 Min.)")
                .replace("%1", agenda_item_label(top.number))
                .replace("%2", top.title)
                .replace("%3", str(top.planned_minutes))
            )
            box.setChecked(True)
            box.setAccessibleName(box.text())
            self.form.addRow("", box)
            boxes.append((top.id, box))
        return boxes

    def values(self) -> dict[str, Any]:
        return {
            "day": self.day.value(),
            "planned_start": self.start.value(),
            "place": self.place.text().strip() or None,
            "carried_tops": [top_id for top_id, box in self.postponed if box.isChecked()],
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, body_id: str
    ) -> dict[str, Any] | None:
        return cls(parent, context, body_id).run()


def _suggested_day(last: date | None) -> date:
    """Four weeks after the last meeting, but not in the past; moved off the weekend."""
    day = max(date.today() + timedelta(days=7), (last or date.min) + timedelta(days=28))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
