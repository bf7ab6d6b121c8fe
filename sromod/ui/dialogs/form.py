"""The frame every edit dialog shares: a form, OK and Cancel, and ask() returning plain values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.ui.fitting import FittedDialog
from sromod.ui.theme import styled


class FormDialog(FittedDialog):
    """Subclasses add rows to self.form and implement values()."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        styled(self.problem, "color: $error_fg;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if isinstance(ok, QPushButton):
            ok.setText(self.tr("OK"))
        if isinstance(cancel, QPushButton):
            cancel.setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, field: QWidget) -> None:
        self.form.addRow(label, field)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the cursor in the first field: the buttons come first in the focus chain."""
        super().showEvent(event)  # on the screen, its content scrolling where it must
        focus = self.focusWidget()
        if focus is not None and not self.buttons.isAncestorOf(focus):
            return
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            wants_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            usable = widget.isVisibleTo(self) and widget.isEnabled()
            if wants_tab and usable and not self.buttons.isAncestorOf(widget):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def check(self) -> str | None:
        """A German sentence when the input cannot be taken as it is."""
        return None

    def try_accept(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def run(self) -> dict[str, Any] | None:
        if self.exec() == QDialog.DialogCode.Accepted:
            return self.values()
        return None


def person_choices(store: Any, *, include: set[str | None] | None = None) -> list[tuple[str, str]]:
    """(id, "Name (Amt)") of active people, plus inactive ones named in include."""
    from sromod.services import directory

    wanted = include or set()
    return [
        (p.id, f"{p.name} ({p.affiliation})" if p.affiliation else p.name)
        for p in directory.list_people(store)
        if p.active or p.id in wanted
    ]


def region_choices(store: Any) -> list[tuple[str, str]]:
    """(id, "LOR name") of the Bezirksregionen, the level SRO plans in."""
    from sromod.models import RegionLevel
    from sromod.services import directory

    return [(r.id, r.display) for r in directory.list_regions(store, RegionLevel.BEZIRKSREGION)]
