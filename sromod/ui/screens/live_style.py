"""Type sizes and colours of the live view and the projector: read from three metres, not by colour alone."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from sromod.ui.clock import TimeBox

# Colour pairs chosen for a contrast ratio of at least 7:1 (WCAG AAA) on a washed-out beamer.
TIME_STYLES = {
    "ok": "background:#e3f1e4; color:#0d4a12; border:2px solid #0d4a12;",
    "low": "background:#fff1c2; color:#4d3800; border:2px solid #4d3800;",
    "over": "background:#a3001b; color:#ffffff; border:2px solid #5c000f;",
}
RUNNING_MARK_STYLE = "background:#0b4f9c; color:#ffffff; border-radius:6px; padding:2px 10px;"
ERROR_STYLE = "color:#a3001b; font-weight:bold;"
HINT_STYLE = "color:#333333;"


def time_state(box: TimeBox) -> str:
    """ "ok", "low" (last fifth of the time box) or "over"."""
    if box.overrun:
        return "over"
    return "low" if box.fraction_left < 0.2 else "ok"


def sized_font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def apply_time_style(label: QWidget, box: TimeBox, points: float) -> None:
    """Colour the time box; the text already says "überzogen", the colour only repeats it."""
    state = time_state(box)
    if label.property("timeState") != state:
        label.setProperty("timeState", state)
        label.setStyleSheet(
            f"QLabel {{ {TIME_STYLES[state]} border-radius:8px; padding:6px 16px; "
            f"font-size:{points}pt; font-weight:bold; }}"
        )


def apply_idle_style(label: QWidget, points: float) -> None:
    """The plain look of the time box before a TOP runs."""
    if label.property("timeState") != "idle":
        label.setProperty("timeState", "idle")
        label.setStyleSheet(f"QLabel {{ font-size:{points}pt; color:#222222; padding:6px 16px; }}")


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes: the display timer fires four times a second."""
    if label.text() != text:
        label.setText(text)
