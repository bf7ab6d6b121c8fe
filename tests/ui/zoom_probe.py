"""Run in a subprocess with QT_SCALE_FACTOR set: the window at the client area of a maximised
window on a 1366×768 screen, every screen and dialog walked, and what is clipped or out of
reach printed as JSON.

    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json \\
        python -m tests.ui.zoom_probe DEMO.db WORKDIR [--shots DIR] [--lang en]

(SCREEN.json: `screen_config(2)`; or DISPLAY=:7 with Xvfb at 1366x768 and QT_QPA_PLATFORM=xcb.)

With --shots, each step is also saved as a PNG (the window's own rendering, or the whole screen
through ImageMagick's `import -window root` when the window runs on an X server).
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QWidget,
)

# A 1366×768 laptop screen less the taskbar (40 pixels at 100 %, scaled like everything else),
# as the offscreen platform's screen; a maximised window loses its title bar too.
TASKBAR, TITLE_BAR = 40, 23


def screen_config(scale: float) -> dict[str, object]:
    """The offscreen platform's configuration: one screen, 1366×768 less the scaled taskbar."""
    height = round(768 - TASKBAR * scale)
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    return {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [screen],
    }


def client_area() -> QRect:
    """The geometry of a maximised main window: the available screen less its title bar."""
    return QApplication.primaryScreen().availableGeometry().adjusted(0, TITLE_BAR, 0, 0)


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _where_text(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    text = re.sub(r"<[^>]+>", "", text) if isinstance(text, str) else ""
    return f"{type(widget).__name__} {text[:40]!r}"


def _text_width(label: QLabel, width: int) -> int:
    """How wide the label's text is laid out at width: a word longer than the line stays whole."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and re.search(r"<[a-zA-Z!/][^>]*>", text)
    ):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as QLabel wraps: at words only
        document.setDefaultTextOption(option)
        document.setHtml(text)
        document.setTextWidth(width)
        return math.ceil(document.idealWidth())
    flags = int(Qt.TextFlag.TextWordWrap.value)
    return label.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), flags, text).width()


def clipped(widget: QWidget) -> bool:
    """The audit's third rule (issue 14): text wider than the label or button that shows it,
    or, wrapped, taller than it, or with a word longer than its line."""
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return False
        if widget.wordWrap():
            inner = widget.contentsRect().width() - 2 * widget.margin()
            return (
                widget.heightForWidth(widget.width()) > widget.height() + 1
                or _text_width(widget, inner) > inner + 1
            )
        return widget.minimumSizeHint().width() > widget.width() + 1
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.minimumSizeHint().width() > widget.width() + 1
    return False


def squeezed(area: QScrollArea) -> bool:
    """Content given less room than it needs: it is cut, where scrolling should reach it."""
    content = area.widget()
    if content is None or not area.widgetResizable():
        return False
    hint = content.minimumSizeHint()
    return content.width() < hint.width() - 1 or content.height() < hint.height() - 1


def out_of_reach(widget: QWidget, top: QWidget, area: QRect) -> bool:
    """A control outside the window (or the screen), not inside a scroll area that reaches it."""
    if _in_scroll_area(widget, top):
        return False
    origin = widget.mapTo(top, QPoint(0, 0))
    inside = QRect(origin, widget.size())
    bounds = QRect(QPoint(0, 0), top.size()).intersected(
        QRect(area.topLeft() - top.geometry().topLeft(), area.size())
    )
    return not bounds.adjusted(-1, -1, 1, 1).contains(inside)


def findings(top: QWidget, where: str, area: QRect) -> list[str]:
    found = []
    screen = QApplication.primaryScreen().availableGeometry()
    if top.isWindow() and not screen.contains(top.frameGeometry()):
        found.append(f"{where}: ragt über den Bildschirm ({top.frameGeometry().getRect()})")
    if top.isWindow():
        hint = top.minimumSizeHint()
        if hint.width() > area.width() or hint.height() > area.height():
            found.append(
                f"{where}: braucht mindestens {hint.width()}×{hint.height()}, "
                f"Platz ist {area.width()}×{area.height()}"
            )
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        if isinstance(widget, QScrollArea) and squeezed(widget):
            found.append(f"{where}: Inhalt von {widget.accessibleName()!r} zusammengedrückt")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            if isinstance(top, QDialog) and top.frameGeometry().width() < screen.width() - 40:
                found.append(f"{where}: scrollt quer, obwohl der Bildschirm Platz hat")
            elif type(top).__name__ == "LiveView":  # the projector's room is the beamer's screen
                found.append(f"{where}: scrollt quer (die Moderation sähe nicht alles)")
        if isinstance(widget, QLabel | QAbstractButton) and clipped(widget):
            found.append(
                f"{where}: {_where_text(widget)} abgeschnitten (Text breiter als sein Feld)"
            )
        elif isinstance(widget, QLabel | QAbstractButton) and out_of_reach(widget, top, area):
            found.append(f"{where}: {_where_text(widget)} außerhalb des Fensters")
    return found


class Probe:
    def __init__(self, area: QRect, shots: Path | None) -> None:
        self.area = area
        self.shots = shots
        self.found: list[str] = []
        self.steps: list[str] = []

    def visit(self, top: QWidget, where: str) -> None:
        if top.isWindow() and not isinstance(top, QMainWindow | QDialog):
            top.setGeometry(self.area)  # the live view and projector open maximised here
        QApplication.processEvents()
        self.steps.append(where)
        self.found += findings(top, where, self.area)
        if self.shots is not None:
            self._shoot(top, len(self.steps))

    def _shoot(self, top: QWidget, number: int) -> None:
        assert self.shots is not None
        path = self.shots / f"{number:02d}.png"
        QTest.qWait(300)  # lists lay their rows out again on a timer after a resize
        if os.environ.get("DISPLAY") and shutil.which("import"):
            QApplication.processEvents()
            subprocess.run(["import", "-window", "root", str(path)], check=False)
        else:
            top.grab().save(str(path))
        (self.shots / f"{number:02d}.txt").write_text(self.steps[-1], encoding="utf-8")


def main(argv: list[str]) -> int:
    from tests.ui.walk_helpers import walk_dialogs, walk_live, walk_screens

    demo, work = Path(argv[0]), Path(argv[1])
    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    app = QApplication(sys.argv[:1])
    if "--lang" in argv:  # the window in English (German without it), for the screenshots
        from sromod.ui.i18n import install_translations

        translators = install_translations(app, argv[argv.index("--lang") + 1])  # noqa: F841
    from sromod.store import open_store
    from sromod.ui import theme
    from sromod.ui.context import AppContext
    from sromod.ui.main_window import MainWindow
    from sromod.ui.settings import UiSettings

    theme.apply_scheme("light")
    area = client_area()
    store = open_store(demo)
    settings = UiSettings(QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppContext(store), settings)
    window.setGeometry(area)
    window.show()
    probe = Probe(area, shots)
    walk_screens(window, probe.visit)
    walk_live(window, probe.visit)
    walk_dialogs(window, probe.visit, work)
    print(json.dumps({"steps": probe.steps, "findings": probe.found}, ensure_ascii=False))
    window.close()
    store.close()
    del app
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["--config"]:
    print(json.dumps(screen_config(float(sys.argv[2]))))
elif __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
