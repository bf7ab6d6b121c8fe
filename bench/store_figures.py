"""Figures (g) `check` and (h) restore of the big store: absolute seconds, with progress."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.figures import Figure, med


class _Phases:
    """Progress as the store reports it, with the time each percent was reached."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.heard: list[tuple[int, float]] = []

    def __call__(self, done: int, total: int) -> None:
        self.heard.append((done * 100 // max(total, 1), time.perf_counter() - self.started))

    def reached(self, percent: int) -> float:
        return next((t for p, t in self.heard if p >= percent), 0.0)


def checking(path: Path, runs: int) -> Figure:
    figure = Figure("g", "`check` der großen Datenbank", "≤ 10 s, mit Fortschritt", 10.0, "s")
    from sromod.store.check import check_store

    took, phases = [], _Phases()
    for _ in range(runs):
        phases = _Phases()
        report = check_store(path, phases)
        took.append(time.perf_counter() - phases.started)
        if not report.ok:
            figure.details.append("Achtung: die Prüfung meldet Fehler: " + report.findings[0])
    figure.value = med(took)
    pages, keys = phases.reached(65), phases.reached(75)
    figure.details.insert(
        0,
        f"Seiten {pages:.1f} s, Verweise {keys - pages:.1f} s, Schema und Suchindex "
        f"{phases.reached(100) - keys:.1f} s (letzter Lauf); {len(phases.heard)} Fortschrittsmeldungen",
    )
    return figure


def restoring(path: Path, runs: int) -> Figure:
    figure = Figure(
        "h", "Wiederherstellen der großen Datenbank", "≤ 15 s, mit Fortschritt", 15.0, "s"
    )
    from sromod.store.check import backup_store, restore_store

    took, phases = [], _Phases()
    with tempfile.TemporaryDirectory(prefix="sromod-bench-", dir=path.parent) as folder:
        saved = backup_store(path, Path(folder) / "sicherung.sqlite")  # not timed
        target = backup_store(path, Path(folder) / "sromod.db")
        for _ in range(runs):
            phases = _Phases()
            restore_store(target, saved, phases)
            took.append(time.perf_counter() - phases.started)
    figure.value = med(took)
    check, copy = phases.reached(40), phases.reached(70)
    figure.details.append(
        f"Sicherung prüfen {check:.1f} s, einspielen {copy - check:.1f} s, bisherigen Stand "
        f"aufbewahren {phases.reached(100) - copy:.1f} s (letzter Lauf); "
        f"{len(phases.heard)} Fortschrittsmeldungen"
    )
    return figure
