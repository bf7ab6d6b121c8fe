"""More votes than voting members present: taken only with the moderator's reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from sromod.services.decisions import VoteCheck
from sromod.ui.dialogs.form import FormDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("VoteOverrideDialog", text)


def too_many_sentence(check: VoteCheck) -> str:
    """ "16 Stimmen abgegeben, aber nur 10 stimmberechtigte Mitglieder anwesend." """
    return (
        _tr("%1 Stimmen abgegeben, aber nur %2 stimmberechtigte Mitglieder anwesend.")
        .replace("%1", str(check.cast))
        .replace("%2", str(check.voters))
    )


def fewer_sentence(check: VoteCheck) -> str:
    """ "3 Stimmen abgegeben bei 4 anwesenden stimmberechtigten Mitgliedern." """
    return (
        _tr("%1 Stimmen abgegeben bei %2 anwesenden stimmberechtigten Mitgliedern.")
        .replace("%1", str(check.cast))
        .replace("%2", str(check.voters))
    )


class VoteOverrideDialog(FormDialog):
    """Names the mismatch; OK only with a reason, which is kept with the decision."""

    def __init__(self, parent: QWidget | None, check: VoteCheck) -> None:
        super().__init__(self.tr("Mehr Stimmen als Stimmberechtigte"), parent)
        message = QLabel(
            too_many_sentence(check)
            + " "
            + self.tr(
                "Bitte die Zahlen prüfen. Sind sie richtig (z. B. eine Vertretung mit zwei "
                "Stimmen), geben Sie den Grund an; er wird mit dem Beschluss festgehalten."
            )
        )
        message.setWordWrap(True)
        self.form.addRow(message)
        self.reason = QLineEdit()
        self.reason.setMaxLength(1000)
        self.add_row(self.tr("&Begründung:"), self.reason)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if isinstance(ok, QPushButton):
            ok.setText(self.tr("Mit Begründung übernehmen"))
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        if isinstance(cancel, QPushButton):
            cancel.setText(self.tr("Zahlen korrigieren"))
        self.reason.setFocus()

    def check(self) -> str | None:
        if not self.reason.text().strip():
            return self.tr(
                "Ohne Begründung werden nicht mehr Stimmen als Stimmberechtigte übernommen."
            )
        return None

    def values(self) -> dict[str, str]:
        return {"reason": self.reason.text().strip()}

    @classmethod
    def ask(cls, parent: QWidget | None, check: VoteCheck) -> str | None:
        """The reason, or None when the moderator goes back to correct the numbers."""
        found = cls(parent, check).run()
        return found["reason"] if found else None
