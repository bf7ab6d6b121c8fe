"""One search field for the whole store: results grouped by kind, a click opens the place."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sromod.ui.context import AppContext


class SearchPopup(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        QVBoxLayout(self)

    def search(self, text: str) -> None:
        """Show the hits for `text`."""
