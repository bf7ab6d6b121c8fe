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
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

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
