"""One icon family (Tabler outline, MIT) for toolbar, navigation and menus.

The SVGs in resources/icons stroke with `currentColor`, which Qt's SVG renderer does not know;
each is painted here in the palette's text colour (or a given one), so icons follow the theme.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

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
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    made = QIcon()
    for size in SIZES:
        made.addPixmap(_paint(renderer, size))
    return made


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
