"""Windows that stay usable at 150 % and 200 % scaling (QT_SCALE_FACTOR) on a laptop: content
that scrolls instead of being cut, dialogs kept on the screen, wrapped labels as tall as their text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sromod.ui.screen_fit import fit_on_screen


class ContentScrollArea(QScrollArea):
    """A frameless scroll area that asks for its content's whole size: it scrolls only where the
    screen is too small (150 % or 200 % scaling on a laptop), never at 100 %. Whatever takes the
    focus inside it is scrolled into sight, by Tab or by a key like Strg+E alike."""

    def __init__(self) -> None:
        super().__init__()
        _follow_focus_in(QApplication.instance())

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        # room for a vertical scroll bar: a dialog cut in height must not need a horizontal one
        bar = self.verticalScrollBar().sizeHint().width()
        return content.sizeHint() + QSize(bar, 0)


_FOLLOWING: set[int] = set()  # the applications whose focus changes are followed


def _follow_focus_in(app: QCoreApplication | None) -> None:
    """One connection per application to a plain function (none per scroll area: a deleted
    area's connection once reached another object in its place)."""
    if isinstance(app, QApplication) and id(app) not in _FOLLOWING:
        _FOLLOWING.add(id(app))
        app.focusChanged.connect(_scroll_to_focus)


def _scroll_to_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """Each ContentScrollArea around the new focus widget scrolls it into sight."""
    parent = new.parentWidget() if new is not None else None
    while new is not None and parent is not None:
        if isinstance(parent, ContentScrollArea):
            parent.ensureWidgetVisible(new, 8, 8)
        parent = parent.parentWidget()


def scrolled(widget: QWidget) -> QScrollArea:
    """widget in a ContentScrollArea: what does not fit is reached by scrolling, never cut off."""
    area = ContentScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # not a Tab stop of its own: Tab moves through the content, and the area scrolls to the focus
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def scroll_content(window: QWidget) -> QScrollArea:
    """Move window's layout into a scroll area; a button box at its end stays below, visible."""
    layout = window.layout()
    assert layout is not None
    last = layout.itemAt(layout.count() - 1) if layout.count() else None
    keep = last.widget() if last is not None else None
    if isinstance(keep, QDialogButtonBox):
        layout.removeWidget(keep)
    else:
        keep = None
    margins = layout.contentsMargins()  # a window's, wider than a child widget's would be
    content = QWidget()
    content.setLayout(layout)  # Qt moves a layout that belongs to another widget
    layout.setContentsMargins(margins)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    area = scrolled(content)
    outer.addWidget(area, 1)
    if keep is not None:
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        row = QHBoxLayout()
        row.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        row.addWidget(keep)
        outer.addLayout(row)
    return area


class FittedDialog(QDialog):
    """A dialog whose content scrolls and which stays on its screen, however large the scaling."""

    def event(self, event: QEvent) -> bool:
        # Polish comes before the first show sizes the dialog: its layout is complete by then
        if event.type() == QEvent.Type.Polish and self.property("contentScrolls") is None:
            self.setProperty("contentScrolls", True)
            if self.layout() is not None:
                scroll_content(self)
        return super().event(event)

    focus_first: QWidget | None = None  # where the cursor starts (else Qt's choice: a button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Qt sizes a new window to at most 2/3 of the screen: at 150 % that cut a form's fields
        self.resize(self.size().expandedTo(self.sizeHint()))
        fit_on_screen(self)
        # set here, not before: making the content scroll moved it, and the focus with it
        if self.focus_first is not None:
            self.focus_first.setFocus(Qt.FocusReason.OtherFocusReason)


class WrapLabel(QLabel):
    """A word-wrapped label that keeps the height its text needs at the width it is given.

    A layout inside a row does not ask a wrapped label for its height at its width; at 150 %
    scaling such labels were cut off (the agenda's time plan, the live view's TOP title).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._needed = 0

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    # a hint, not setMinimumHeight: that resized the label at once, before its layout moved it
    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._needed))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._needed))

    def _fit(self) -> None:
        # measured by the font, not heightForWidth: QLabel's answer is at its own widths
        margins = self.contentsMargins()
        inner = self.width() - margins.left() - margins.right() - 2 * self.margin()
        if inner <= 0:
            return
        needed = 0
        if self.text():
            flags = int(Qt.TextFlag.TextWordWrap.value) | int(self.alignment().value)
            box = self.fontMetrics().boundingRect(QRect(0, 0, inner, 1 << 20), flags, self.text())
            needed = box.height() + margins.top() + margins.bottom() + 2 * self.margin()
        if needed != self._needed:
            self._needed = needed
            self.updateGeometry()
