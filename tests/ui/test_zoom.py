"""Issue 14.3: the window at 150 % and 200 % scaling (QT_SCALE_FACTOR) on a 1366×768 laptop:
every screen and dialog fits the screen or scrolls, no label or button text is cut off.

Each scale runs in its own process (the factor is read when Qt starts) on the offscreen
platform, configured as one 1366×768 screen less the taskbar; the probe lays the real widgets
out there and measures them (tests/ui/zoom_probe.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sromod.store import Store
from tests.ui.live_helpers import open_live
from tests.ui.review_helpers import meeting_with_long_review
from tests.ui.zoom_probe import clipped, screen_config

ROOT = Path(__file__).resolve().parents[2]


def probe(scale: float, demo_file: Path, tmp_path: Path) -> dict[str, list[str]]:
    config = tmp_path / "bildschirm.json"
    config.write_text(json.dumps(screen_config(scale)), encoding="utf-8")
    store = tmp_path / "Sitzungen Köpenick.db"
    shutil.copy(demo_file, store)
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale))
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.zoom_probe", str(store), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_every_screen_and_dialog_is_usable_when_zoomed(
    scale: float, demo_file: Path, tmp_path: Path
) -> None:
    result = probe(scale, demo_file, tmp_path)
    assert len(result["steps"]) >= 40  # every page, tab, the live view, projector, dialogs
    assert any(step.startswith("Dialog PersonDialog") for step in result["steps"])
    assert any(step.startswith("Dialog ShortcutHelpDialog") for step in result["steps"])
    assert result["findings"] == [], "\n".join(result["findings"])


def test_the_probe_finds_text_wider_than_its_label(qtbot: QtBot) -> None:
    """The check itself: a label or button narrower than its text, a wrapped label too short for
    its lines or narrower than its longest word; a label that fits is not reported."""
    word = "Bezirksverordnetenversammlung"
    page = QWidget()
    qtbot.addWidget(page)
    narrow, long_word, short, button = QLabel(word), QLabel(word), QLabel(), QPushButton(word)
    rich = QLabel(f"<b>{word}</b>")
    fits = QLabel("Sitzung des Ausschusses für Soziales am Mittwoch")
    for label in (long_word, short, rich, fits):
        label.setWordWrap(True)
    short.setText("Sitzung des Ausschusses für Soziales am Mittwoch " * 3)
    layout = QVBoxLayout(page)
    for widget in (narrow, long_word, short, button, rich, fits):
        layout.addWidget(widget)
    for widget in (narrow, long_word, button, rich):
        widget.setFixedSize(60, 80)
    short.setFixedSize(120, 20)
    fits.setFixedSize(200, 120)
    page.show()
    assert [clipped(w) for w in (narrow, long_word, short, button, rich, fits)] == [
        True, True, True, True, True, False,
    ]  # fmt: skip


def test_a_field_taking_the_focus_is_scrolled_into_sight(qtbot: QtBot) -> None:
    """At 200 % the live view's result field lies below the window's edge: Strg+E focuses it, and
    the window scrolls to it (not only Tab, which QScrollArea follows by itself)."""
    from sromod.ui.fitting import scroll_content

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    fields = [QLineEdit() for _ in range(40)]
    for number, field in enumerate(fields):
        field.setAccessibleName(f"Feld {number}")
        layout.addWidget(field)
    area = scroll_content(window)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    assert area.verticalScrollBar().value() == 0
    fields[-1].setFocus(Qt.FocusReason.ShortcutFocusReason)
    QApplication.processEvents()
    assert area.verticalScrollBar().value() > 0
    top_left = fields[-1].mapTo(area.viewport(), QPoint(0, 0))
    assert area.viewport().rect().contains(QRect(top_left, fields[-1].size()))


def test_the_live_view_wraps_into_a_narrow_window(store: Store, qtbot: QtBot) -> None:
    """1366 pixels at 200 % are 683: the buttons go in two rows, the decision form's button in a
    row of its own, the agenda's rows wrap at the list's width; nothing scrolls sideways. At full
    width the buttons stay in one row."""
    setup = meeting_with_long_review(store)
    view, _mono = open_live(qtbot, store, setup.meeting_id)
    view.resize(683, 344)
    qtbot.waitUntil(lambda: view.width() == 683)
    view.capture.open_decision()
    qtbot.wait(300)  # the list lays its rows out again on a timer
    rows = {view.buttons[key].y() for key in view.buttons}
    assert len(rows) == 2
    assert view.capture.decision_form.commit.y() > view.capture.decision_form.votes[0].y()
    area = view.findChild(QScrollArea)
    assert area is not None and not area.horizontalScrollBar().isVisible()
    listing = view.agenda_list
    for row in range(listing.model().rowCount()):
        rect = listing.visualRect(listing.model().index(row, 0))
        assert rect.right() <= listing.viewport().width(), row
        text = listing.model().index(row, 0).data()
        needed = listing.fontMetrics().boundingRect(
            QRect(0, 0, rect.width() - 8, 1 << 16), int(Qt.TextFlag.TextWordWrap.value), text
        )
        assert rect.height() >= needed.height(), (row, text)
    view.resize(1366, 697)
    qtbot.waitUntil(lambda: len({view.buttons[key].y() for key in view.buttons}) == 1)
