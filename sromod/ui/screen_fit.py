"""Keeping windows and popups on the screen they are on (laptops: 1366×768, 1280×800).

All placement goes through `screen_areas()`, the available geometry of each screen with the
primary one first, so that tests can stand in any screen layout for the offscreen platform's one.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
# Below this available height a first start opens maximised: a normal window would lose its
# status bar or toolbar to the taskbar (1366×768 leaves about 728 pixels).
SMALL_SCREEN_HEIGHT = 900
# geometry() excludes the window frame; this much room is kept for the title bar above it.
TITLE_BAR = 32
FRAME = 8


def screen_areas() -> list[QRect]:
    """The available geometry (without taskbars) of every screen, the primary screen first."""
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = [primary, *(s for s in screens if s is not primary)] if primary else screens
    return [s.availableGeometry() for s in ordered if s is not None]


def primary_area() -> QRect:
    areas = screen_areas()
    return areas[0] if areas else QRect(QPoint(0, 0), DEFAULT_SIZE)


def area_at(point: QPoint) -> QRect:
    """The available geometry of the screen holding point, else of the primary screen."""
    return next((a for a in screen_areas() if a.contains(point)), primary_area())


def fit_into(rect: QRect, area: QRect) -> QRect:
    """rect made no larger than area and moved inside it (a window frame's room kept)."""
    inner = area.adjusted(FRAME, TITLE_BAR, -FRAME, -FRAME)
    width = min(rect.width(), inner.width())
    height = min(rect.height(), inner.height())
    x = min(max(rect.x(), inner.left()), inner.right() - width + 1)
    y = min(max(rect.y(), inner.top()), inner.bottom() - height + 1)
    return QRect(x, y, width, height)


def first_start(area: QRect) -> tuple[QRect, bool]:
    """Geometry of a first start on area, and whether to open maximised (small screens)."""
    size = QRect(QPoint(0, 0), DEFAULT_SIZE)
    fitted = fit_into(size, area)
    fitted.moveCenter(area.center())
    fitted = fit_into(fitted, area)
    return fitted, area.height() < SMALL_SCREEN_HEIGHT


def fit_on_screen(window: QWidget) -> None:
    """A shown dialog made no larger than the screen it is on and moved inside it: at 150 % or
    200 % scaling a dialog's wish can be taller than a laptop's screen (its content scrolls)."""
    geometry = window.geometry()
    window.setGeometry(fit_into(geometry, area_at(geometry.center())))


def place_popup(anchor: QRect, wanted: QSize) -> QRect:
    """A popup of about `wanted` size below (or above) the global rect anchor, on its screen."""
    area = area_at(anchor.center())
    width = min(wanted.width(), area.width())
    x = min(max(anchor.left(), area.left()), area.right() - width + 1)
    below = area.bottom() - anchor.bottom()
    above = anchor.top() - area.top()
    if below >= wanted.height() or below >= above:
        height = min(wanted.height(), below)
        return QRect(x, anchor.bottom() + 1, width, height)
    height = min(wanted.height(), above)
    return QRect(x, anchor.top() - height, width, height)
