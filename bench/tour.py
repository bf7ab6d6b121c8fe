"""A tour of the main window on a big store, run as a child process by the benchmark.

    python3 -m bench.tour STORE [MEETING_ID]

Builds the main window as ``sromod`` does, then shows every page of the navigation, opens the
meeting (if given) and runs one search, timing each first showing. Prints one JSON object on
stdout: {"window": ms, "pages": {key: ms, ...}, "meeting": ms, "search": ms}. The benchmark runs
it under its memory launcher, so the peak memory covers every screen, not only the first.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _timed(app: Any, action: Any) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()
    return round((time.perf_counter() - started) * 1000, 1)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sromod.services.reference import load_reference_data
    from sromod.store import open_store
    from sromod.ui.context import AppContext
    from sromod.ui.main_window import PAGE_KEYS, MainWindow
    from sromod.ui.settings import UiSettings

    app = QApplication(sys.argv[:1])
    store = open_store(Path(argv[0]), create=False, initialise=load_reference_data)
    result: dict[str, Any] = {"pages": {}}
    with tempfile.TemporaryDirectory() as folder:
        settings = UiSettings(QSettings(str(Path(folder) / "tour.ini"), QSettings.Format.IniFormat))
        holder: dict[str, Any] = {}

        def build() -> None:
            holder["window"] = MainWindow(AppContext(store), settings)
            holder["window"].show()

        result["window"] = _timed(app, build)
        window = holder["window"]
        for key in PAGE_KEYS:
            result["pages"][key] = _timed(app, lambda key=key: window.show_page(key))
        if len(argv) > 1:
            result["meeting"] = _timed(app, lambda: window.open_meeting(argv[1]))
        window.search_field.setText("Jugend")
        result["search"] = _timed(app, window.search)
        window.close()
    store.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
