"""Aufbewahrung von Gästedaten: the retention period, a preview, and anonymising or deleting.

The preview follows the period shown in the spin box, saved or not, so the user sees what a
period would do before keeping it. Applying the rule and saving the period are separate,
undoable steps.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sromod.services import privacy
from sromod.services.privacy import ExpiryCandidate, ExpiryMode, ExpiryResult
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.widgets import make_table, with_shortcut

log = logging.getLogger(__name__)


class RetentionDialog(FittedDialog):
    """Set how long guest data is kept and apply the rule; `today` is for tests."""

    def __init__(
        self, parent: QWidget | None, context: AppContext, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.result_: ExpiryResult | None = None
        self.candidates: list[ExpiryCandidate] = []
        self.setWindowTitle(self.tr("Aufbewahrung von Gästedaten"))
        self.resize(720, 460)  # no minimum: on a small screen it scrolls
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Gäste und externe Personen ohne laufende Mitgliedschaft, die seit der "
                "eingestellten Frist an keiner Sitzung teilgenommen haben, werden anonymisiert "
                "oder gelöscht. Wer in Aufgaben, als Moderation oder Protokollführung genannt "
                "ist, wird nur anonymisiert, damit alte Protokolle vollständig bleiben."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._period_row())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel(
            [
                self.tr("Name"),
                self.tr("Art"),
                self.tr("Organisation"),
                self.tr("zuletzt anwesend"),
                self.tr("Anwesenheiten"),
            ],
            self,
        )
        self.table = make_table(
            self.model, self.tr("Vorschau: betroffene Gäste und externe Personen"), 0
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self._buttons())
        context.changed.connect(self._on_changed)
        self.refresh()

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Frist:"))
        self.months = QSpinBox()
        self.months.setRange(0, 1200)
        self.months.setSuffix(self.tr(" Monate"))
        # 0 means no period: nothing is ever due
        self.months.setSpecialValueText(self.tr("keine Frist"))
        self.months.setAccessibleName(self.tr("Aufbewahrungsfrist in Monaten"))
        self.months.setValue(self.saved_months())
        label.setBuddy(self.months)
        self.months.valueChanged.connect(self.refresh)
        self.save_button = QPushButton(self.tr("Frist &speichern"))
        with_shortcut(self.save_button, self.tr("Diese Frist als Voreinstellung speichern"))
        self.save_button.clicked.connect(self.save_period)
        row.addWidget(label)
        row.addWidget(self.months)
        row.addWidget(self.save_button)
        row.addStretch(1)
        return row

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.anonymise_button = QPushButton(self.tr("&Anonymisieren"))
        with_shortcut(self.anonymise_button, self.tr("Die aufgeführten Einträge anonymisieren"))
        self.anonymise_button.clicked.connect(self.anonymise)
        self.delete_button = QPushButton(self.tr("&Löschen…"))
        with_shortcut(self.delete_button, self.tr("Die aufgeführten Einträge löschen"))
        self.delete_button.clicked.connect(self.delete)
        box.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = box.addButton(self.tr("Schließen"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        box.rejected.connect(self.reject)
        return box

    # -- preview ------------------------------------------------------------------------------

    def saved_months(self) -> int:
        return self.context.query(privacy.retention_months) or 0

    def period(self) -> int | None:
        return self.months.value() or None

    def refresh(self, *_: Any) -> None:
        """Show what the period in the spin box would expire."""
        months = self.period()
        self.candidates = []
        if months is not None:
            self.candidates = self.context.query(privacy.guests_to_expire, months, today=self.today)
        self.model.set_rows([self._row(c) for c in self.candidates])
        self.summary.setText(self._summary(months))
        has = bool(self.candidates)
        self.anonymise_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.save_button.setEnabled(self.months.value() != self.saved_months())

    def _row(self, candidate: ExpiryCandidate) -> tuple[str, ...]:
        kind = self.tr("Gast") if candidate.kind == privacy.GUEST else self.tr("externe Person")
        return (
            candidate.ids[0],
            candidate.name,
            kind,
            candidate.organisation or "",
            german_date(candidate.last_seen) or self.tr("nie"),
            str(candidate.attendances),
        )

    def _summary(self, months: int | None) -> str:
        if months is None:
            return self.tr("Es ist keine Frist eingestellt; es werden keine Gästedaten entfernt.")
        cutoff = german_date(privacy.cutoff_date(months, self.today))
        if not self.candidates:
            return self.tr("Niemand war zuletzt vor dem %1 anwesend.").replace("%1", cutoff)
        return (
            self.tr("Zuletzt vor dem %1 anwesend (%2 Einträge):")
            .replace("%1", cutoff)
            .replace("%2", str(len(self.candidates)))
        )

    def _on_changed(self, tables: set[str]) -> None:
        if tables & {"persons", "attendances", "memberships", "settings", "*"}:
            self.refresh()

    # -- actions ------------------------------------------------------------------------------

    def save_period(self) -> None:
        self.context.run(
            self.tr("Aufbewahrungsfrist ändern"), privacy.set_retention_months, self.period()
        )
        self.refresh()

    def anonymise(self) -> None:
        self.apply("anonymise", self.tr("Gästedaten anonymisieren"))

    def delete(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Gästedaten löschen"),
            self.tr(
                "%1 Einträge löschen? Gäste verschwinden aus den Anwesenheitslisten alter "
                "Protokolle. Wer in Aufgaben, als Moderation oder Protokollführung genannt ist, "
                "wird stattdessen anonymisiert."
            ).replace("%1", str(len(self.candidates))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.apply("delete", self.tr("Gästedaten löschen"))

    def apply(self, mode: ExpiryMode, undo_text: str) -> None:
        months = self.period()
        if months is None:
            return
        result = self.context.run(undo_text, privacy.expire_guests, months, mode, today=self.today)
        if isinstance(result, ExpiryResult):
            self.result_ = result
            self.context.message.emit(
                self.tr("Gästedaten: %1 anonymisiert, %2 gelöscht.")
                .replace("%1", str(result.anonymised))
                .replace("%2", str(result.deleted))
            )
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext) -> ExpiryResult | None:
        """Open the dialog; the last rule applied, or None when none was."""
        dialog = cls(parent, context)
        dialog.exec()
        # the window owns the dialog; left alive it would keep redrawing on every change
        dialog.deleteLater()
        return dialog.result_
