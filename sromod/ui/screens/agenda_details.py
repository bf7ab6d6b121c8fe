"""Below the agenda tree: what the selected TOP holds, and for a Wiedervorlage its tasks."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sromod.models import AgendaItemKind
from sromod.services import meetings, tasks
from sromod.services.agenda import AgendaItemInfo
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.labels import agenda_item_label, enum_label
from sromod.ui.widgets import with_shortcut

SHOWN_REVIEWS = 12  # the rest is summed up; the live view steps through all of them


class AgendaDetails(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: AgendaItemInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Angaben zum gewählten TOP"))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.carry_button = QPushButton(self.tr("Offene Aufgaben nachtragen"))
        with_shortcut(
            self.carry_button,
            self.tr("Aufgaben, die seit der Planung offen sind, in die Wiedervorlage übernehmen"),
        )
        self.carry_button.clicked.connect(self.carry_over)
        row.addWidget(self.carry_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_item(None)

    read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """Nothing to carry over into released minutes or for a login that may not edit."""
        self.read_only = read_only
        self.show_item(self.item)

    def show_item(self, item: AgendaItemInfo | None) -> None:
        self.item = item
        is_review = item is not None and item.kind == AgendaItemKind.REVIEW
        self.carry_button.setVisible(is_review and not self.read_only)
        if item is None:
            self.text.setText(self.tr("Kein TOP gewählt."))
            return
        heading = f"{agenda_item_label(item.number)}: {item.title}"
        parts = [f"<b>{html.escape(heading)}</b> ({html.escape(enum_label(item.kind))})"]
        if item.description:
            parts.append(html.escape(item.description))
        if is_review:
            parts.append(self._reviews_text(item.id))
        self.text.setText("<br>".join(parts))

    def _reviews_text(self, item_id: str) -> str:
        reviews = self.context.query(tasks.list_reviews, item_id)
        if not reviews:
            return self.tr("Keine offenen Aufgaben zur Wiedervorlage.")
        lines = [
            self.tr("1 Aufgabe zur Wiedervorlage:")
            if len(reviews) == 1
            else self.tr("%1 Aufgaben zur Wiedervorlage:").replace("%1", str(len(reviews)))
        ]
        for review in reviews[:SHOWN_REVIEWS]:
            task = review.task
            due = (
                self.tr(", bis %1").replace("%1", german_date(task.due_date))
                if task.due_date
                else ""
            )
            overdue = self.tr(" – überfällig") if task.overdue else ""
            lines.append(
                f"• {task.register_number} {html.escape(task.title)} "
                f"({html.escape(task.who)}{due}){overdue}"
            )
        if len(reviews) > SHOWN_REVIEWS:
            lines.append(
                self.tr("… und %1 weitere").replace("%1", str(len(reviews) - SHOWN_REVIEWS))
            )
        return "<br>".join(lines)

    def carry_over(self) -> None:
        if self.item is None or self.read_only:
            return
        added = self.context.run(
            self.tr("Offene Aufgaben nachtragen"),
            meetings.carry_over_open_tasks,
            self.item.meeting_id,
        )
        if added is not None:
            self.context.message.emit(
                self.tr("1 Aufgabe in die Wiedervorlage übernommen.")
                if added == 1
                else self.tr("%1 Aufgaben in die Wiedervorlage übernommen.").replace(
                    "%1", str(added)
                )
            )
