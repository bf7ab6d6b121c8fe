"""Ending a meeting whose agenda was not finished: postpone the TOPs left, close them, or go back."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import AgendaItemState
from sromod.services import meetings, untreated
from sromod.services.untreated import UntreatedTop
from sromod.services.wording import top_numbers
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.labels import agenda_item_label, meeting_title

MAX_LISTED = 8  # more titles would push the buttons off a laptop screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("EndMeetingDialog", text)


def untreated_sentence(tops: list[UntreatedTop]) -> str:
    """ "TOP 6–8 wurden nicht behandelt." in the window's language."""
    numbers = top_numbers([t.number for t in tops], lambda s: QCoreApplication.translate("Enum", s))
    template = (
        _tr("%1 wurde nicht behandelt.") if len(tops) == 1 else _tr("%1 wurden nicht behandelt.")
    )
    return template.replace("%1", numbers)


class EndMeetingDialog(FittedDialog):
    """Names the TOPs not reached; Enter postpones them, Esc goes back to the meeting."""

    def __init__(self, parent: QWidget | None, question: str, tops: list[UntreatedTop]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sitzung beenden"))
        self.choice: AgendaItemState | None = None
        layout = QVBoxLayout(self)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.message = QLabel(untreated_sentence(tops))
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        lines = [f"{agenda_item_label(t.number)}  {t.title}" for t in tops[:MAX_LISTED]]
        if len(tops) > MAX_LISTED:
            lines.append(self.tr("… und %1 weitere").replace("%1", str(len(tops) - MAX_LISTED)))
        self.titles = QLabel("\n".join(lines))
        self.titles.setWordWrap(True)
        self.titles.setAccessibleName(self.tr("Nicht behandelte TOPs"))
        layout.addWidget(self.question)
        layout.addWidget(self.message)
        layout.addWidget(self.titles)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Was soll mit ihnen geschehen? (V: vertagen, N: nicht behandelt, Esc: zurück)"
                )
            )
        )
        self.buttons = QDialogButtonBox()
        self.postpone = self._button(
            self.tr("&Vertagen auf die nächste Sitzung"), AgendaItemState.POSTPONED
        )
        self.close_them = self._button(
            self.tr("Als &nicht behandelt schließen"), AgendaItemState.NOT_TREATED
        )
        self.back = QPushButton(self.tr("&Zurück zur Sitzung"))
        self.back.setAccessibleName(self.tr("Zurück zur Sitzung, nichts beenden"))
        self.buttons.addButton(self.back, QDialogButtonBox.ButtonRole.RejectRole)
        self.back.clicked.connect(self.reject)
        self.postpone.setDefault(True)
        layout.addWidget(self.buttons)
        self.postpone.setFocus()

    def _button(self, text: str, state: AgendaItemState) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(partial(self._choose, state))
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """V postpones, N closes as not treated (the dialog has no field to type into)."""
        keys = {Qt.Key.Key_V: AgendaItemState.POSTPONED, Qt.Key.Key_N: AgendaItemState.NOT_TREATED}
        if event.key() in keys and not event.modifiers() & ~Qt.KeyboardModifier.AltModifier:
            self._choose(keys[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def _choose(self, state: AgendaItemState) -> None:
        self.choice = state
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, question: str, tops: list[UntreatedTop]
    ) -> AgendaItemState | None:
        """vertagt, nicht behandelt, or None for "Zurück"."""
        dialog = cls(parent, question, tops)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.choice
        return None


def end_meeting_question(context: AppContext, meeting_id: str) -> str:
    info = meetings.get_meeting(context.store, meeting_id)
    return _tr("Die %1 jetzt beenden?").replace(
        "%1", meeting_title(info.number, info.body_short_name)
    )


def ask_untreated(
    parent: QWidget | None, context: AppContext, meeting_id: str, question: str
) -> tuple[bool, AgendaItemState | None]:
    """(go on, choice): asks only when TOPs were not reached; (False, None) means "Zurück"."""
    tops = context.query(untreated.untreated_tops, meeting_id)
    if not tops:
        return True, None
    choice = EndMeetingDialog.ask(parent, question, tops)
    return choice is not None, choice


def end_meeting(parent: QWidget | None, context: AppContext, meeting_id: str) -> None:
    """End the meeting from the menu or the overview (one undo step with the TOPs' new state)."""
    go_on, choice = ask_untreated(
        parent, context, meeting_id, end_meeting_question(context, meeting_id)
    )
    if go_on:
        context.run(_tr("Sitzung beenden"), meetings.end_meeting, meeting_id, None, choice)
