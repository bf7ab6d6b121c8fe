"""Task register: all tasks of all bodies, filtered and sorted in SQL."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sromod.ui.context import AppContext


class TaskRegisterScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        QVBoxLayout(self)

    def show_item(self, id: str) -> None:
        """Select the task with this id."""
