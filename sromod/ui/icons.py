"""One icon family (Tabler outline, MIT) for toolbar, navigation and menus.

The SVGs in resources/icons stroke with `currentColor`, which Qt's SVG renderer does not know;
each is painted here in the palette's text colour (or a given one), so icons follow the theme.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

from sromod.resources import resource_path

log = logging.getLogger(__name__)

# What each icon stands for in sromod, so that one name is used for one meaning everywhere.
ICONS = {
    "plan_meeting": "calendar-plus",
    "live": "player-play",
    "end_meeting": "player-stop",
    "undo": "arrow-back-up",
    "redo": "arrow-forward-up",
    "search": "search",
    "bodies": "users-group",
    "tasks": "checklist",
    "decisions": "gavel",
    "offices": "building",
    "regions": "map-2",
    "people": "address-book",
    "open_store": "database",
    "restore": "history",
    "quit": "logout",
    "retention": "shield-lock",
    "release": "lock-check",
    "export": "file-export",
    "minutes": "file-text",
    "excerpt": "file-description",
    "invitation": "mail",
    "attendance": "list-details",
    "ics": "calendar-event",
    "absage": "mail",  # the Absage is a letter, as the invitation is
    "about": "info-circle",
    "language": "language",
    "navigation": "layout-sidebar",
    "overdue": "alert-triangle",
}
SIZES = (16, 20, 24, 32, 48)


def icon(meaning: str, colour: str | None = None) -> QIcon:
    """The icon for one of ICONS' meanings; an empty icon (and a log line) if its file is gone."""
    if colour is None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return QIcon(_icon(meaning, colour))


@cache
def _icon(meaning: str, colour: str) -> QIcon:
    path = resource_path("icons", f"{ICONS[meaning]}.svg")
    try:
        svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    except OSError:
        log.warning("Icon %s missing: %s", meaning, path)
        return QIcon()
    return QIcon(_SvgIcon(QByteArray(svg.encode("utf-8"))))


class _SvgIcon(QIconEngine):
    """Draws the icon at the size asked for, the first time it is asked for.

    (Drawing every icon at all five SIZES up front took a fifth of the main window's build at
    start; most are shown at one size, many only when a menu opens.)
    """

    def __init__(self, svg: QByteArray) -> None:
        super().__init__()
        self._svg = svg
        self._drawn: dict[int, QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgIcon(self._svg)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in SIZES]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        drawn = self._drawn.get(side)
        if drawn is None:
            drawn = self._drawn[side] = _paint(QSvgRenderer(self._svg), side)
        pixmap = QPixmap(drawn)
        pixmap.setDevicePixelRatio(scale)
        if mode in (QIcon.Mode.Disabled, QIcon.Mode.Selected):  # greyed as Qt greys any icon
            return QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))


def _paint(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def overdue_icon() -> QIcon:
    from sromod.ui import theme

    return icon("overdue", theme.colour("overdue_fg"))
