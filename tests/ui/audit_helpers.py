"""The checks of the accessibility audit (issue 14), each on one shown window.

Names are read as a screen reader gets them: from Qt's accessibility interface
(`QAccessible.queryAccessibleInterface(widget).text(Name)`), which takes an explicit accessible
name, a button's text or the text of the QLabel whose buddy the widget is, on every platform that
runs Qt's accessibility bridge (AT-SPI, UI Automation). A buddy therefore counts when Qt turns it
into a name, and only then.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from sromod.ui.theme import contrast_ratio
from sromod.ui.widgets import spoken_words

Roles = QPalette.ColorRole
SPAN_COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")
MAX_ROWS = 60  # rows of a long table checked for their colours


def shown_widgets(root: QWidget) -> list[QWidget]:
    return [root, *(w for w in root.findChildren(QWidget) if w.isVisible())]


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _inner_part(widget: QWidget) -> bool:
    """A part Qt builds inside another control (a spin box's editor, a view's scroll bar)."""
    if isinstance(widget, QScrollBar | QHeaderView | QTabBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        # a spin box's editor is not shown to assistive technology; an editable combo's is
        if isinstance(parent, QAbstractSpinBox) or (
            isinstance(parent, QComboBox) and (widget is not parent.lineEdit())
        ):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            return True
        parent = parent.parentWidget()
    if isinstance(widget.parentWidget(), QComboBox):
        return False  # an editable combo's editor: AT-SPI lists it as a text field of its own
    # a tab widget passes its focus to its tab bar, yet AT-SPI still lists it as focusable
    return widget.focusProxy() is not None and not isinstance(widget, QTabWidget)


def unnamed(root: QWidget, where: str) -> list[str]:
    """Focusable controls (by Tab or click, as AT-SPI counts them) read out without a name."""
    found = []
    for widget in shown_widgets(root):
        if widget is root or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if _inner_part(widget) or accessible_name(widget):
            continue
        detail = widget.objectName() or getattr(widget, "placeholderText", lambda: "")()
        found.append(f"{where}: {type(widget).__name__} {detail!r} ohne Namen")
    return found


def hidden_headers(root: QWidget, where: str) -> list[str]:
    """Table and tree columns whose header is not given to assistive technology."""
    found = []
    for view in shown_widgets(root):
        if not isinstance(view, QTableView | QTreeView) or view.model() is None:
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        model = view.model()
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            spoken = model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole
            )
            if not str(text or "").strip() and not str(spoken or "").strip():
                name = accessible_name(view) or type(view).__name__
                found.append(f"{where}: Tabelle {name!r}, Spalte {column + 1} ohne Überschrift")
    return found


def _needed(font: QFont) -> float:
    """3:1 for large text (18 pt, or 14 pt bold), else 4.5:1 (WCAG 2.1, 1.4.3)."""
    points = font.pointSizeF()
    large = points >= 18 or (points >= 14 and font.bold())
    return 3.0 if large else 4.5


def painted_background(widget: QWidget) -> QColor:
    """The colour behind widget: its own or the nearest ancestor's that paints one."""
    current: QWidget | None = widget
    while current is not None:
        styled = current.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        if styled or current.autoFillBackground() or current.isWindow():
            return current.palette().color(Roles.Window)
        current = current.parentWidget()
    return widget.palette().color(Roles.Window)


def _text_pair(widget: QWidget) -> tuple[QColor, QColor] | None:
    palette = widget.palette()
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return palette.color(Roles.Text), palette.color(Roles.Base)
    if isinstance(widget, QComboBox):
        return palette.color(Roles.ButtonText), palette.color(Roles.Button)
    if isinstance(widget, QAbstractButton) and widget.text():
        return palette.color(Roles.ButtonText), painted_background(widget)
    if isinstance(widget, QLabel) and widget.text():
        return palette.color(Roles.WindowText), painted_background(widget)
    return None


def low_contrast(root: QWidget, where: str) -> list[str]:
    """Text colour pairs of shown, enabled widgets and of the rows of their views."""
    found = []
    for widget in shown_widgets(root):
        if not widget.isEnabled():
            continue  # WCAG 1.4.3 exempts inactive controls
        pair = _text_pair(widget)
        if pair is not None:
            found += _check(pair[0], pair[1], _needed(widget.font()), where, widget)
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            background = painted_background(widget)
            for colour in SPAN_COLOUR.findall(widget.text()):
                found += _check(QColor(colour), background, 4.5, where, widget)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found += _rows(widget, where) if widget.model() is not None else []
    return found


def _check(fg: QColor, bg: QColor, needed: float, where: str, widget: QWidget) -> list[str]:
    ratio = contrast_ratio(fg.name(), bg.name())
    if ratio >= needed:
        return []
    text = getattr(widget, "text", lambda: "")()
    text = text if isinstance(text, str) else ""
    return [
        f"{where}: {type(widget).__name__} {text[:30]!r} {fg.name()} auf {bg.name()} "
        f"= {ratio:.2f}:1 < {needed}:1"
    ]


def _rows(view: QAbstractItemView, where: str) -> list[str]:
    model = view.model()
    palette = view.palette()
    found = _check(
        palette.color(Roles.HighlightedText), palette.color(Roles.Highlight), 4.5, where, view
    )
    alternate = view.alternatingRowColors()
    columns = 1 if isinstance(view, QListView) else model.columnCount()
    for row in range(min(model.rowCount(), MAX_ROWS)):
        base = palette.color(Roles.AlternateBase if alternate and row % 2 else Roles.Base)
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            if not model.data(index, Qt.ItemDataRole.DisplayRole):
                continue
            fg = _brush(model.data(index, Qt.ItemDataRole.ForegroundRole)) or palette.color(
                Roles.Text
            )
            bg = _brush(model.data(index, Qt.ItemDataRole.BackgroundRole)) or base
            font = model.data(index, Qt.ItemDataRole.FontRole)
            needed = _needed(font if isinstance(font, QFont) else view.font())
            found += _check(fg, bg, needed, f"{where} (Zeile {row + 1})", view)
    return sorted(set(found))


def _brush(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color()
    if isinstance(value, QColor):
        return value
    return None


def label_not_in_name(root: QWidget, where: str) -> list[str]:
    """Buttons whose spoken name does not contain their visible words (WCAG 2.5.3): who says
    what is written on a button must reach it by voice."""
    found = []
    for widget in shown_widgets(root):
        if not isinstance(widget, QAbstractButton) or _inner_part(widget):
            continue
        shown = spoken_words(widget.text())
        name = accessible_name(widget)
        if shown and shown not in spoken_words(name):
            found.append(f"{where}: {type(widget).__name__} {widget.text()!r} heißt {name!r}")
    return found


def audit(root: QWidget, where: str) -> list[str]:
    return (
        unnamed(root, where)
        + hidden_headers(root, where)
        + low_contrast(root, where)
        + label_not_in_name(root, where)
    )
