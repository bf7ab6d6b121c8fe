"""A frame of the scheme's field colour around check boxes and radio buttons (WCAG 1.4.11).

Fusion, Qt's style on Linux and the offscreen platform, draws their box in a shade of the window
colour: 1.6:1 on the light grey, on the high-contrast black not at all. A style sheet rule for the
indicator would lose the check mark, so a proxy style draws the frame over Fusion's own box.
Windows' native styles draw their indicators themselves and are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

_PE = QStyle.PrimitiveElement
_INDICATORS = (
    _PE.PE_IndicatorCheckBox,
    _PE.PE_IndicatorRadioButton,
    _PE.PE_IndicatorItemViewItemCheck,
)


class IndicatorFrameStyle(QProxyStyle):
    """Fusion with check box and radio button indicators framed in `colour`."""

    def __init__(self, colour: QColor) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.colour = colour

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS:
            return
        painter.save()
        painter.setPen(QPen(self.colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == _PE.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def frame_indicators(app: QApplication, colour: str) -> None:
    """Frame the indicators in colour where the application runs in Fusion."""
    style = app.style()
    if isinstance(style, IndicatorFrameStyle):
        style.colour = QColor(colour)
    elif style.name().lower() == "fusion":
        app.setStyle(IndicatorFrameStyle(QColor(colour)))
