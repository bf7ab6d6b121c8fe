"""The two colour schemes: light, and a dark high-contrast one (chosen, or following the system).

Every colour the window sets itself is named here, once per scheme, so that each has its
counterpart in the other scheme and the contrast test reads them from one place. Stylesheets name
colours as `$key` (`styled(label, "color:$error_fg;")`): a change of scheme re-renders them.
"""

from __future__ import annotations

import logging
import sys
from string import Template
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from sromod.ui.frame_style import frame_indicators

log = logging.getLogger(__name__)

SCHEME_KEY = "ui/colorScheme"  # "system", "light" or "contrast"
CHOICES = ("system", "light", "contrast")
STYLE_PROPERTY = "themeStyle"

# Light: the style's own palette with a darker selection (Fusion's #308cc6 gave white text 3.6:1).
LIGHT = {
    "window": "#efefef",
    "window_fg": "#000000",
    "base": "#ffffff",
    "alternate_base": "#f5f5f5",
    "text": "#000000",
    "button": "#efefef",
    "button_fg": "#000000",
    "highlight": "#1f5f9f",
    "highlight_fg": "#ffffff",
    "placeholder": "#5c5c5c",
    "link": "#0645ad",
    "tooltip": "#ffffdc",
    "tooltip_fg": "#000000",
    "disabled_fg": "#8c8c8c",
    "field_border": "#767676",
    "error_fg": "#a3001b",
    "success_fg": "#0d4a12",
    "hint_fg": "#333333",
    "strong_fg": "#111111",
    "overdue_fg": "#9c0006",
    "overdue_bg": "#fde2e1",
    "closed_fg": "#616161",
    "done_fg": "#4a4a4a",
    "running_bg": "#0b4f9c",
    "running_fg": "#ffffff",
    "group_bg": "#dde3ea",
    "group_fg": "#111111",
    "frame": "#0b4f9c",
    "checked_bg": "#d6e4f5",
    "checked_border": "#2f5f9e",
    "warning_fg": "#7a1410",
    "warning_bg": "#fbeaea",
    "banner_bg": "#dbe8fb",
    "banner_fg": "#0b3a75",
    "time_ok_bg": "#e3f1e4",
    "time_ok_fg": "#0d4a12",
    "time_low_bg": "#fff1c2",
    "time_low_fg": "#4d3800",
    "time_over_bg": "#a3001b",
    "time_over_fg": "#ffffff",
    "time_over_border": "#5c000f",
    "projector_bg": "#ffffff",
    "projector_fg": "#111111",
    "chart_bar": "#2f6f9f",
    "chart_highlight": "#b3261e",
    "badge_neutral_bg": "#e8e8e8",
    "badge_neutral_fg": "#202020",
    "badge_info_bg": "#dbe8fb",
    "badge_info_fg": "#0b3a75",
    "badge_good_bg": "#d9f0dc",
    "badge_good_fg": "#114d1c",
    "badge_warn_bg": "#fdecc8",
    "badge_warn_fg": "#6b4300",
    "badge_bad_bg": "#f9d5d3",
    "badge_bad_fg": "#7a1410",
}

# Dark high contrast: white on black, a yellow selection, every tint dark with a light text.
CONTRAST = {
    "window": "#000000",
    "window_fg": "#ffffff",
    "base": "#000000",
    "alternate_base": "#1a1a1a",
    "text": "#ffffff",
    "button": "#1a1a1a",
    "button_fg": "#ffffff",
    "highlight": "#ffe14d",
    "highlight_fg": "#000000",
    "placeholder": "#c8c8c8",
    "link": "#8cc8ff",
    "tooltip": "#000000",
    "tooltip_fg": "#ffffff",
    "disabled_fg": "#9a9a9a",
    "field_border": "#c8c8c8",
    "error_fg": "#ff9e9e",
    "success_fg": "#9cf5a4",
    "hint_fg": "#e0e0e0",
    "strong_fg": "#ffffff",
    "overdue_fg": "#ffb3b3",
    "overdue_bg": "#3d0008",
    "closed_fg": "#c0c0c0",
    "done_fg": "#c8c8c8",
    "running_bg": "#ffe14d",
    "running_fg": "#000000",
    "group_bg": "#2a2f36",
    "group_fg": "#ffffff",
    "frame": "#ffe14d",
    "checked_bg": "#0b2a50",
    "checked_border": "#ffe14d",
    "warning_fg": "#ffc0bb",
    "warning_bg": "#4a0a0a",
    "banner_bg": "#0b2a50",
    "banner_fg": "#bcd8ff",
    "time_ok_bg": "#002b06",
    "time_ok_fg": "#9cf5a4",
    "time_low_bg": "#2e2200",
    "time_low_fg": "#ffd866",
    "time_over_bg": "#c4001f",
    "time_over_fg": "#ffffff",
    "time_over_border": "#ffffff",
    "projector_bg": "#000000",
    "projector_fg": "#ffffff",
    "chart_bar": "#6cb4ff",
    "chart_highlight": "#ff8a80",
    "badge_neutral_bg": "#2b2b2b",
    "badge_neutral_fg": "#ffffff",
    "badge_info_bg": "#0b2a50",
    "badge_info_fg": "#bcd8ff",
    "badge_good_bg": "#0a3312",
    "badge_good_fg": "#a8f0b1",
    "badge_warn_bg": "#3a2800",
    "badge_warn_fg": "#ffd98a",
    "badge_bad_bg": "#4a0a0a",
    "badge_bad_fg": "#ffc0bb",
}
SCHEMES = {"light": LIGHT, "contrast": CONTRAST}

TEXT, GRAPHIC = 4.5, 3.0  # WCAG 2.1 AA: text (1.4.3) and large text or graphics (1.4.11)
# Every foreground the window draws on a background it sets, and the ratio it needs.
PAIRS: tuple[tuple[str, str, float], ...] = (
    ("window_fg", "window", TEXT),
    ("text", "base", TEXT),
    ("text", "alternate_base", TEXT),
    ("button_fg", "button", TEXT),
    ("highlight_fg", "highlight", TEXT),
    ("placeholder", "base", TEXT),
    ("link", "base", TEXT),
    ("tooltip_fg", "tooltip", TEXT),
    ("field_border", "window", GRAPHIC),
    ("field_border", "base", GRAPHIC),
    ("highlight", "base", GRAPHIC),
    ("error_fg", "window", TEXT),
    ("error_fg", "base", TEXT),
    ("success_fg", "window", TEXT),
    ("hint_fg", "window", TEXT),
    ("strong_fg", "window", TEXT),
    ("strong_fg", "base", TEXT),
    ("overdue_fg", "base", TEXT),
    ("overdue_fg", "alternate_base", TEXT),
    ("overdue_fg", "overdue_bg", TEXT),
    ("overdue_fg", "window", TEXT),
    ("closed_fg", "base", TEXT),
    ("closed_fg", "alternate_base", TEXT),
    ("done_fg", "base", TEXT),
    ("done_fg", "alternate_base", TEXT),
    ("running_fg", "running_bg", TEXT),
    ("group_fg", "group_bg", TEXT),
    ("frame", "window", GRAPHIC),
    ("button_fg", "checked_bg", TEXT),
    ("checked_border", "window", GRAPHIC),
    ("warning_fg", "warning_bg", TEXT),
    ("banner_fg", "banner_bg", TEXT),
    ("time_ok_fg", "time_ok_bg", TEXT),
    ("time_low_fg", "time_low_bg", TEXT),
    ("time_over_fg", "time_over_bg", TEXT),
    ("projector_fg", "projector_bg", TEXT),
    ("chart_bar", "window", GRAPHIC),
    ("chart_highlight", "window", GRAPHIC),
    ("badge_neutral_fg", "badge_neutral_bg", TEXT),
    ("badge_info_fg", "badge_info_bg", TEXT),
    ("badge_good_fg", "badge_good_bg", TEXT),
    ("badge_warn_fg", "badge_warn_bg", TEXT),
    ("badge_bad_fg", "badge_bad_bg", TEXT),
)

# Fusion draws a field's frame a little darker than the window: 2.1:1 on its grey, on black not
# at all (WCAG 1.4.11 asks 3:1). Fields get a frame of their own, the focused one the selection's.
FIELD_FRAMES = (
    "QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox:editable"
    " { border: 1px solid $field_border; border-radius: 2px; padding: 1px; }"
    " QLineEdit:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus,"
    " QComboBox:editable:focus { border: 2px solid $highlight; padding: 0px; }"
)

_current = {"scheme": "light"}


def current() -> str:
    return _current["scheme"]


def colour(key: str) -> str:
    """The colour named key in the scheme in use, as #rrggbb."""
    return SCHEMES[current()][key]


def qcolour(key: str) -> QColor:
    return QColor(colour(key))


def css(template: str) -> str:
    """A stylesheet with its `$key` colours filled in for the scheme in use."""
    return Template(template).substitute(SCHEMES[current()])


def styled(widget: QWidget, template: str) -> None:
    """Give widget a stylesheet whose colours follow the scheme, now and after a change."""
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(css(template))


# -- contrast -------------------------------------------------------------------------------------


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour_text: str) -> float:
    """Relative luminance of a colour (WCAG 2.1)."""
    qc = QColor(colour_text)
    return 0.2126 * _linear(qc.red()) + 0.7152 * _linear(qc.green()) + 0.0722 * _linear(qc.blue())


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- palettes -------------------------------------------------------------------------------------

_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_fg",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_fg",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlight_fg",
    QPalette.ColorRole.PlaceholderText: "placeholder",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.ToolTipBase: "tooltip",
    QPalette.ColorRole.ToolTipText: "tooltip_fg",
    QPalette.ColorRole.BrightText: "window_fg",
}
_DISABLED = (
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
)


def palette(scheme: str, base: QPalette | None = None) -> QPalette:
    """The application palette of scheme: the style's palette with every text role set."""
    colours = SCHEMES[scheme]
    made = QPalette(base) if base is not None else QPalette()
    for role, key in _ROLES.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            made.setColor(group, role, QColor(colours[key]))
        if role not in _DISABLED:
            made.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours[key]))
    for role in _DISABLED:
        made.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["disabled_fg"]))
    if scheme == "contrast":  # the 3D shades the style draws frames and separators with
        for role, value in (
            (QPalette.ColorRole.Light, "#8a8a8a"),
            (QPalette.ColorRole.Midlight, "#6a6a6a"),
            (QPalette.ColorRole.Mid, "#8a8a8a"),
            (QPalette.ColorRole.Dark, "#b0b0b0"),
            (QPalette.ColorRole.Shadow, "#d0d0d0"),
        ):
            made.setColor(role, QColor(value))
    return made


# -- the system's setting -------------------------------------------------------------------------


def running_on_windows() -> bool:
    return sys.platform == "win32"


def windows_user32() -> Any:
    import ctypes

    return ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]  # windll exists on Windows only


SPI_GETHIGHCONTRAST = 0x0042
HCF_HIGHCONTRASTON = 0x00000001


def windows_high_contrast() -> bool:
    """Whether Windows' high-contrast setting is on (SystemParametersInfoW)."""
    import ctypes
    from ctypes import wintypes

    class HighContrast(ctypes.Structure):
        _fields_ = [
            ("cbSize", wintypes.UINT),
            ("dwFlags", wintypes.DWORD),
            ("lpszDefaultScheme", wintypes.LPWSTR),
        ]

    info = HighContrast()
    info.cbSize = ctypes.sizeof(HighContrast)
    try:
        ok = windows_user32().SystemParametersInfoW(
            SPI_GETHIGHCONTRAST, info.cbSize, ctypes.byref(info), 0
        )
    except (AttributeError, OSError):
        log.warning("Could not ask Windows for its high-contrast setting", exc_info=True)
        return False
    return bool(ok) and bool(info.dwFlags & HCF_HIGHCONTRASTON)


def system_scheme() -> str:
    """The scheme the system asks for: Windows' high contrast, else Qt's dark colour scheme."""
    if running_on_windows():
        return "contrast" if windows_high_contrast() else "light"
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)  # Qt 6.5 and later
    if scheme is not None and scheme() == Qt.ColorScheme.Dark:
        return "contrast"
    return "light"


def chosen(settings: QSettings | None = None) -> str:
    """The stored choice: "system" (the default), "light" or "contrast"."""
    value = str((settings or QSettings()).value(SCHEME_KEY, "system"))
    return value if value in CHOICES else "system"


def store_choice(choice: str, settings: QSettings | None = None) -> None:
    if choice not in CHOICES:
        raise ValueError(choice)
    (settings or QSettings()).setValue(SCHEME_KEY, choice)


def resolve(choice: str) -> str:
    return system_scheme() if choice == "system" else choice


def apply_scheme(scheme: str, *, field_frames: bool = True) -> None:
    """Set the application palette of scheme and re-render every themed stylesheet.

    field_frames False leaves the fields' frames (a style sheet on the whole application) to
    `apply_field_frames`: the start sets them once its window is built, since every widget
    added under an application style sheet is styled anew (a third of the window's build).
    """
    app = QApplication.instance()
    if scheme not in SCHEMES or not isinstance(app, QApplication):
        return
    _current["scheme"] = scheme
    app.setPalette(palette(scheme, app.style().standardPalette()))
    frame_indicators(app, SCHEMES[scheme]["field_border"])
    if field_frames:
        apply_field_frames()
    for widget in app.allWidgets():
        template = widget.property(STYLE_PROPERTY)
        if isinstance(template, str):
            widget.setStyleSheet(css(template))


def apply_field_frames() -> None:
    """The frames of text fields, lists and boxes in the scheme's field colour (WCAG 1.4.11)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet(css(FIELD_FRAMES))
