"""Decision register: all decisions with number, date, body and votes."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sromod.ui.context import AppContext


class DecisionRegisterScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        QVBoxLayout(self)

    def show_item(self, id: str) -> None:
        """Select the decision with this id."""
