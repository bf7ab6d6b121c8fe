"""Issue 14.3: a light and a dark high-contrast scheme, chosen in Ansicht → Farben or following
the system (Windows' high-contrast setting), every colour meeting WCAG 2.1 AA in both."""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sromod.store import Store
from sromod.ui import theme
from sromod.ui.context import AppContext
from sromod.ui.main_window import MainWindow
from sromod.ui.settings import UiSettings
from sromod.ui.widgets import StatusBadge

SOURCES = Path(theme.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


@pytest.fixture
def schemes(qapp: QApplication) -> Iterator[None]:
    """Leave the application in the light scheme with the style's own palette, as tests expect."""
    yield
    theme.apply_scheme("light")
    qapp.setPalette(qapp.style().standardPalette())
    qapp.setStyleSheet("")


def test_ratio_is_computed_as_wcag_defines_it() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio("#308cc6", "#ffffff") < 4.5  # Fusion's selection, replaced


@pytest.mark.parametrize("scheme", list(theme.SCHEMES))
def test_every_colour_pair_meets_aa_in_both_schemes(scheme: str) -> None:
    colours = theme.SCHEMES[scheme]
    assert set(colours) == set(theme.LIGHT)  # every colour has its counterpart
    failing = [
        (fg, bg, round(theme.contrast_ratio(colours[fg], colours[bg]), 2))
        for fg, bg, needed in theme.PAIRS
        if theme.contrast_ratio(colours[fg], colours[bg]) < needed
    ]
    assert failing == []


@pytest.mark.parametrize("scheme", list(theme.SCHEMES))
def test_the_application_palette_meets_aa(scheme: str, schemes: None, qapp: QApplication) -> None:
    theme.apply_scheme(scheme)
    palette = qapp.palette()
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in (
            (roles.WindowText, roles.Window),
            (roles.Text, roles.Base),
            (roles.Text, roles.AlternateBase),
            (roles.ButtonText, roles.Button),
            (roles.HighlightedText, roles.Highlight),
            (roles.PlaceholderText, roles.Base),
            (roles.ToolTipText, roles.ToolTipBase),
            (roles.Link, roles.Base),
        ):
            ratio = theme.contrast_ratio(
                palette.color(group, fg).name(), palette.color(group, bg).name()
            )
            assert ratio >= 4.5, (scheme, group, fg, bg, ratio)


def test_no_colour_is_set_outside_the_theme() -> None:
    """A colour written into a screen would have no counterpart in the other scheme."""
    found = [
        f"{path.relative_to(SOURCES)}:{number}"
        for path in SOURCES.rglob("*.py")
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX.search(line)
    ]
    assert found == []


class FakeUser32:
    def __init__(self, flags: int) -> None:
        self.flags = flags
        self.asked: list[tuple[int, int]] = []

    def SystemParametersInfoW(self, action: int, size: int, pointer: Any, _winini: int) -> int:
        self.asked.append((action, size))
        pointer._obj.dwFlags = self.flags  # what Windows writes into the HIGHCONTRASTW
        return 1


@pytest.mark.parametrize(("flags", "expected"), [(0x1 | 0x2, "contrast"), (0x2, "light")])
def test_windows_high_contrast_setting_is_followed(
    flags: int, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user32 = FakeUser32(flags)
    monkeypatch.setattr(theme, "running_on_windows", lambda: True)
    monkeypatch.setattr(theme, "windows_user32", lambda: user32)
    assert theme.system_scheme() == expected
    assert theme.resolve("system") == expected
    assert theme.resolve("light") == "light"
    # HIGHCONTRASTW: cbSize, dwFlags, a pointer (16 bytes on 64-bit Windows)
    minimum = 8 + ctypes.sizeof(ctypes.c_void_p)
    assert [action for action, _ in user32.asked] == [theme.SPI_GETHIGHCONTRAST] * 2
    assert all(size >= minimum for _, size in user32.asked)


def test_a_failing_windows_call_means_light(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def SystemParametersInfoW(self, *_: Any) -> int:
            raise OSError("no user32")

    monkeypatch.setattr(theme, "running_on_windows", lambda: True)
    monkeypatch.setattr(theme, "windows_user32", Broken)
    assert theme.system_scheme() == "light"


def test_elsewhere_qt_dark_colour_scheme_is_followed(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    class Hints:
        def __init__(self, scheme: Qt.ColorScheme) -> None:
            self.scheme = scheme

        def colorScheme(self) -> Qt.ColorScheme:
            return self.scheme

    class Gui:
        hints = Hints(Qt.ColorScheme.Dark)

        @classmethod
        def styleHints(cls) -> Hints:
            return cls.hints

    monkeypatch.setattr(theme, "running_on_windows", lambda: False)
    monkeypatch.setattr(theme, "QGuiApplication", Gui)
    assert theme.system_scheme() == "contrast"
    Gui.hints = Hints(Qt.ColorScheme.Light)
    assert theme.system_scheme() == "light"


def test_high_contrast_from_the_menu_recolours_and_is_stored(
    store: Store, qtbot: QtBot, tmp_path: Path, schemes: None, qapp: QApplication
) -> None:
    settings = UiSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppContext(store), settings)
    qtbot.addWidget(window)
    window.show()
    badge = StatusBadge()
    qtbot.addWidget(badge)
    badge.set_status("überfällig", "bad")
    assert theme.LIGHT["badge_bad_bg"] in badge.styleSheet()
    menu = window.menu_actions.schemes
    assert menu.actions["system"].isChecked()  # the default follows the system

    menu.actions["contrast"].trigger()

    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert qapp.palette().color(QPalette.ColorRole.Text).name() == "#ffffff"
    assert theme.CONTRAST["badge_bad_bg"] in badge.styleSheet()  # re-rendered at once
    assert theme.CONTRAST["badge_bad_fg"] in badge.styleSheet()
    image = window.nav.item(0).icon().pixmap(20, 20).toImage()
    strokes = [
        image.pixelColor(x, y)
        for x in range(20)
        for y in range(20)
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert strokes and all(c.lightness() > 200 for c in strokes)  # icons drawn white on black
    assert settings.colour_scheme() == "contrast"
    again = MainWindow(AppContext(store), settings)
    qtbot.addWidget(again)
    assert again.menu_actions.schemes.actions["contrast"].isChecked()

    menu.actions["light"].trigger()
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT["window"]
    assert theme.LIGHT["badge_bad_bg"] in badge.styleSheet()
    assert settings.colour_scheme() == "light"


@pytest.mark.parametrize("scheme", list(theme.SCHEMES))
def test_a_field_frame_is_seen_against_the_window(
    scheme: str, schemes: None, qapp: QApplication, qtbot: QtBot
) -> None:
    """WCAG 1.4.11: a field's boundary 3:1 against the window; Fusion's frame vanished on black.
    Fields of every kind, the focused one among them, and check box and radio button boxes."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QPlainTextEdit,
        QRadioButton,
        QSpinBox,
        QVBoxLayout,
        QWidget,
    )

    theme.apply_scheme(scheme)
    holder = QWidget()
    qtbot.addWidget(holder)
    typing = QComboBox()
    typing.setEditable(True)
    checked, unchecked, chosen, other_choice = (
        QCheckBox("ja"),
        QCheckBox("nein"),
        QRadioButton("a"),
        QRadioButton("b"),
    )
    checked.setChecked(True)
    chosen.setChecked(True)
    focused = QLineEdit()
    fields = [focused, QPlainTextEdit(), QSpinBox(), QDateEdit(), typing]
    boxes = [checked, unchecked, chosen, other_choice]
    layout = QVBoxLayout(holder)
    for widget in (*fields, *boxes):
        layout.addWidget(widget)
    holder.show()
    focused.setFocus()
    qapp.processEvents()
    window = qapp.palette().color(QPalette.ColorRole.Window).name()
    for field in fields:
        image = field.grab().toImage()
        edge = [image.pixelColor(x, image.height() // 2).name() for x in range(3)]
        assert max(theme.contrast_ratio(colour, window) for colour in edge) >= 3.0, (field, edge)
    for box in boxes:
        image = box.grab().toImage()  # the indicator is at the left, before the text
        row = [image.pixelColor(x, image.height() // 2).name() for x in range(8)]
        assert max(theme.contrast_ratio(colour, window) for colour in row) >= 3.0, (box, row)
    assert checked.grab().toImage() != unchecked.grab().toImage()  # the check mark is still drawn
