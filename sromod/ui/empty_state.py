"""Empty states that say what to do next, in place of a big empty grey pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A sentence, a hint and (optionally) the button that does the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.hide()
        self._slot: Callable[[], Any] | None = None
        self.button.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_text(
        self, title: str, hint: str = "", action: str = "", slot: Callable[[], Any] | None = None
    ) -> None:
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._slot = slot
        self.button.setText(action)
        self.button.setAccessibleName(action.replace("&", "").rstrip("…"))
        self.button.setVisible(bool(action) and slot is not None)

    def _clicked(self) -> None:
        if self._slot is not None:
            self._slot()


class WithEmptyState(QStackedWidget):
    """A view, or in its place an EmptyState while there is nothing to show."""

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty = EmptyState()
        self.addWidget(view)
        self.addWidget(self.empty)

    def show_empty(self, empty: bool) -> None:
        refocus = empty and self.view.hasFocus()
        self.setCurrentWidget(self.empty if empty else self.view)
        if refocus and self.empty.button.isVisible():
            self.empty.button.setFocus()

    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty
