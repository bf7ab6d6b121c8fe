"""A small horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from sromod.ui import theme

ROW_HEIGHT = 20
MAX_ROWS = 12


class BarChart(QWidget):
    """Labels left, bars scaled to the largest value, the number at each bar's end.

    Each bar carries its number in text, so the chart reads without colour; more than MAX_ROWS
    entries are summed up as "übrige".
    """

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._labels: list[str] = []
        self._values: list[int] = []
        self._highlight: set[str] = set()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    def set_data(
        self, labels: list[str], values: list[int], *, highlight: set[str] | None = None
    ) -> None:
        if len(labels) > MAX_ROWS:
            rest = sum(values[MAX_ROWS - 1 :])
            labels = [*labels[: MAX_ROWS - 1], self.tr("übrige")]
            values = [*values[: MAX_ROWS - 1], rest]
        self._labels, self._values = list(labels), list(values)
        self._highlight = highlight or set()
        self.setAccessibleDescription(
            "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))
        )
        self.updateGeometry()
        self.update()

    def entries(self) -> list[tuple[str, int]]:
        return list(zip(self._labels, self._values, strict=True))

    def sizeHint(self) -> QSize:
        return QSize(max(360, self._title_width()), 28 + ROW_HEIGHT * max(1, len(self._labels)))

    def minimumSizeHint(self) -> QSize:
        # Never narrower than the title: in a 1280-pixel window the title was cut off
        # ("Unerledigte Aufgaben nach Bezirksreg").
        return QSize(self._title_width(), 80)

    def _title_width(self) -> int:
        font = self.font()
        font.setBold(True)
        return QFontMetrics(font).horizontalAdvance(self._title) + 4

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        palette_text = self.palette().windowText().color()
        painter.setPen(palette_text)
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(QRectF(0, 0, self.width(), 20), Qt.AlignmentFlag.AlignLeft, self._title)
        painter.setFont(self.font())
        if not self._values:
            painter.drawText(QRectF(0, 24, self.width(), 20), Qt.AlignmentFlag.AlignLeft,
                             self.tr("keine Aufgaben"))  # fmt: skip
            return
        label_width = min(max(metrics.horizontalAdvance(t) for t in self._labels) + 16,
                          self.width() // 2)  # fmt: skip
        number_width = metrics.horizontalAdvance(str(max(self._values))) + 8
        bar_space = max(10, self.width() - label_width - number_width)
        biggest = max(self._values) or 1
        for n, (label, value) in enumerate(zip(self._labels, self._values, strict=True)):
            top = 24 + n * ROW_HEIGHT
            painter.setPen(palette_text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(QRectF(0, top, label_width - 8, ROW_HEIGHT - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)  # fmt: skip
            width = bar_space * value / biggest
            colour = theme.qcolour("chart_highlight" if label in self._highlight else "chart_bar")
            painter.fillRect(QRectF(label_width, top + 2, width, ROW_HEIGHT - 6), colour)
            painter.drawText(QRectF(label_width + width + 4, top, number_width, ROW_HEIGHT - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value))  # fmt: skip
        painter.end()
