"""Type sizes and colours of the live view and the projector: read from three metres, not by colour alone."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from sromod.ui.clock import TimeBox
from sromod.ui.theme import styled

# Colour pairs (sromod.ui.theme) chosen for a contrast ratio of at least 7:1 (WCAG AAA) on a
# washed-out beamer, in both schemes.
TIME_STYLES = {
    "ok": "background:$time_ok_bg; color:$time_ok_fg; border:2px solid $time_ok_fg;",
    "low": "background:$time_low_bg; color:$time_low_fg; border:2px solid $time_low_fg;",
    "over": "background:$time_over_bg; color:$time_over_fg; border:2px solid $time_over_border;",
}
RUNNING_MARK_STYLE = (
    "background:$running_bg; color:$running_fg; border-radius:6px; padding:2px 10px;"
)
ERROR_STYLE = "color:$error_fg; font-weight:bold;"
HINT_STYLE = "color:$hint_fg;"


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
        styled(
            label,
            f"QLabel {{ {TIME_STYLES[state]} border-radius:8px; padding:6px 16px; "
            f"font-size:{points}pt; font-weight:bold; }}",
        )


def apply_idle_style(label: QWidget, points: float) -> None:
    """The plain look of the time box before a TOP runs."""
    if label.property("timeState") != "idle":
        label.setProperty("timeState", "idle")
        styled(label, f"QLabel {{ font-size:{points}pt; color:$strong_fg; padding:6px 16px; }}")


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes: the display timer fires four times a second."""
    if label.text() != text:
        label.setText(text)
