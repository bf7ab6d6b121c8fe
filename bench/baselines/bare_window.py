"""Bare start-up baseline: a PySide6 main window shown, one turn of the event loop, then quit.

Prints the seconds from the script's first line to that moment, exactly as ``sromod
--startup-probe`` does, so that both can be compared line for line.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare"))
    window.resize(1200, 800)
    window.show()

    def report() -> None:
        print(f"{time.perf_counter() - _STARTED:.3f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
