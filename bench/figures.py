"""The figures of DESIGN.md, each measured beside its bare baseline in the same run."""

from __future__ import annotations

import functools
import gc
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.probes import Probe, bare_command, run_probe, run_tour, sromod_command

PASS, FAIL, SKIPPED, INFO = "PASS", "FAIL", "NICHT GEMESSEN", "ZUR EINORDNUNG"


@dataclass
class Figure:
    key: str
    what: str
    target: str
    limit: float
    unit: str  # "×", "ms", "s" or "MB"
    value: float | None = None
    details: list[str] = field(default_factory=list)
    skipped: str = ""  # why the figure could not be measured
    judged: bool = True  # False: shown beside the others to place them, without a target

    @property
    def verdict(self) -> str:
        if self.value is None:
            return SKIPPED
        if not self.judged:
            return INFO
        return PASS if self.value <= self.limit else FAIL

    def shown(self) -> str:
        if self.value is None:
            return "–"
        if self.unit == "×":
            return f"{self.value:.2f}×"
        if self.unit == "s":
            return f"{self.value:.1f} s"
        return f"{self.value:.0f} {self.unit}" if self.unit == "MB" else f"{self.value:.1f} ms"


def timings(action: Callable[[], Any], runs: int, *, warmup: int = 1) -> list[float]:
    """Seconds of each of `runs` calls, after `warmup` untimed ones (imports, caches)."""
    for _ in range(warmup):
        action()
    result = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        result.append(time.perf_counter() - started)
    return result


def paired(
    ours: Callable[[], Any], bare: Callable[[], Any], runs: int, *, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Timings of both, run in turns: a busy machine slows both alike instead of one of them."""
    for _ in range(warmup):
        ours()
        bare()
    ours_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(runs):
        ours_times += timings(ours, 1, warmup=0)
        bare_times += timings(bare, 1, warmup=0)
    return ours_times, bare_times


def med(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- (a) start-up and (f) peak memory ------------------------------------------------------------


def startup_and_memory(
    store: Path, runs: int, frozen_exe: Path | None = None, meeting_id: str | None = None
) -> tuple[Figure, Figure, Figure, Figure]:
    """(a) launch to the first paint, (a2) to the filled window, (a3) to the open store, (f) memory.

    The filled window is the one that counts as usable (docs/performance.md): it shows the
    store's bodies and takes every click and key; a step that needs the store waits for it.
    """
    paint = Figure("a", "Start bis erstes gemaltes Fenster", "≤ 3× bares PySide6-Fenster", 3.0, "×")
    start = Figure(
        "a2",
        "Start bis gefülltes Hauptfenster (Gremienliste mit Daten), große Datenbank",
        "≤ 3× bares PySide6-Fenster",
        3.0,
        "×",
    )
    ready = Figure(
        "a3",
        "Start bis Datenbank offen, erste Seite vollständig",
        "ohne Ziel (zur Einordnung)",
        3.0,
        "×",
        judged=False,
    )
    memory = Figure("f", "Spitzenspeicher mit großer Datenbank offen", "≤ 250 MB", 250.0, "MB")
    sromod_cmd, bare_cmd = sromod_command(store, frozen_exe), bare_command()
    # With a bundle, the source tree runs in the same turns, for the comparison beside it.
    commands = [sromod_cmd, bare_cmd] + ([sromod_command(store)] if frozen_exe else [])
    try:
        for command in commands:  # warm-up: file cache, and the day's automatic backup if due
            run_probe(command)
        probes: list[list[Probe]] = [[] for _ in commands]
        for _ in range(runs):  # in turns, so that drift in the machine hits all alike
            for command, into in zip(commands, probes, strict=True):
                into.append(run_probe(command))
    except RuntimeError as exc:
        why = str(exc).splitlines()[-1][:200]
        paint.skipped = start.skipped = ready.skipped = memory.skipped = why
        return paint, start, ready, memory
    ours, bare = probes[0], probes[1]
    bare_window = med([p.to_window for p in bare])
    paint.value = med([p.to_paint for p in ours]) / bare_window
    paint.details = [_paint_details(ours, bare)]
    start.value = med([p.to_filled for p in ours]) / bare_window
    start.details = _startup_details(ours, bare)
    ready.value = med([p.to_window for p in ours]) / bare_window
    ready.details = [
        f"sromod: Start bis Datenbank offen {ms(med([p.to_window for p in ours]))} (selbst "
        f"gemessen {ms(med([p.reported for p in ours]))}, ganzer Prozess "
        f"{ms(med([p.total for p in ours]))}); bis dahin wartet ein Schritt, der die Datenbank "
        "braucht, sichtbar auf sie"
    ]
    if frozen_exe:
        source = probes[2]
        start.details[0] = start.details[0].replace("sromod:", "sromod (Bündel):", 1)
        start.details.insert(
            1, _startup_details(source, bare)[0].replace("sromod:", "sromod (Quellbaum):", 1)
        )
    peaks, bare_peaks = _peaks(sromod_cmd, bare_cmd, max(3, runs // 2))
    if not peaks:
        memory.skipped = "auf diesem Betriebssystem nicht messbar (kein os.wait4)"
        return paint, start, ready, memory
    memory.value = max(peaks)
    memory.details = [
        f"sromod --startup-probe: höchster Wert {max(peaks):.0f} MB, Median {med(peaks):.0f} MB; "
        f"bares Fenster {med(bare_peaks):.0f} MB"
    ]
    _tour(store, meeting_id, memory)
    return paint, start, ready, memory


def _paint_details(ours: list[Probe], bare: list[Probe]) -> str:
    return (
        f"sromod: Start bis erstes gemaltes Fenster {ms(med([p.to_paint for p in ours]))} "
        f"(selbst gemessen {ms(med([p.reported_paint for p in ours]))}); bares Fenster "
        f"{ms(med([p.to_window for p in bare]))}; danach liest sromod die Gremien aus der "
        "Datei, malt sie und öffnet die Datenbank"
    )


def _tour(store: Path, meeting_id: str | None, memory: Figure) -> None:
    """Every screen shown once: the peak then counts too, and the first showings are reported."""
    try:
        timings, peak = run_tour(store, meeting_id)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        memory.details.append(f"Rundgang nicht möglich: {str(exc).splitlines()[0][:150]}")
        return
    if peak is not None:
        memory.value = max(memory.value or 0.0, peak)
        memory.details.append(f"Rundgang durch alle Seiten, Sitzung und Suche: {peak:.0f} MB")
    shown = ", ".join(f"{key} {ms_:.0f} ms" for key, ms_ in timings.get("pages", {}).items())
    extra = ", ".join(f"{k} {timings[k]:.0f} ms" for k in ("meeting", "search") if k in timings)
    memory.details.append(f"erste Anzeige: {shown}; {extra}")


def _startup_details(ours: list[Probe], bare: list[Probe]) -> list[str]:
    def line(who: str, probes: list[Probe]) -> str:
        return (
            f"{who}: Start bis gefülltes Fenster {ms(med([p.to_filled for p in probes]))} (selbst "
            f"gemessen {ms(med([p.reported_filled for p in probes]))}, ganzer Prozess "
            f"{ms(med([p.total for p in probes]))})"
        )

    own_ratio = med([p.reported_filled for p in ours]) / med([p.reported for p in bare])
    return [
        line("sromod", ours),
        line("bares Fenster", bare),
        f"Verhältnis der selbst gemessenen Zeiten: {own_ratio:.2f}×",
    ]


def _peaks(
    sromod_cmd: list[str], bare_cmd: list[str], runs: int
) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for command, into in ((sromod_cmd, ours), (bare_cmd, bare)):
            peak = run_probe(command, memory=True).peak_rss_mb
            if peak is not None:
                into.append(peak)
    return ours, bare


# --- (b) filtering and (c) search ----------------------------------------------------------------


def filtering(store: Any, runs: int) -> Figure:
    figure = Figure("b", "Aufgabenliste filtern (Amt + Status)", "≤ 30 ms", 30.0, "ms")
    try:
        from sromod.services.register import task_page, task_totals
        from sromod.services.task_query import TaskFilter
    except ImportError as exc:
        figure.skipped = f"sromod.services.register fehlt: {exc}"
        return figure
    from sromod.models import TaskStatus

    worst = 0.0
    for office_id, code in _busiest_offices(store, 3):
        for status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DONE):
            filters = TaskFilter(office_id=office_id, statuses=(status,))

            def apply(filters: Any = filters) -> None:
                task_page(store, filters)
                task_totals(store, filters)

            took = med(timings(apply, runs))
            worst = max(worst, took)
            figure.details.append(f"{code} + {status.label}: {ms(took)} (erste Seite und Summen)")
    figure.value = worst * 1000
    figure.details.insert(0, "Wert: langsamste Kombination (Median je Kombination)")
    return figure


def _busiest_offices(store: Any, n: int) -> list[tuple[str, str]]:
    from sqlalchemy import func, select

    from sromod.models import Office, Task

    with store.session() as session:
        rows = session.execute(
            select(Office.id, Office.code)
            .join(Task, Task.office_id == Office.id)
            .group_by(Office.id)
            .order_by(func.count(Task.id).desc())
            .limit(n)
        ).all()
    return [(row[0], row[1]) for row in rows]


SEARCH_TERMS = ("ubergabe", "Spielplatz", "Jugend", "kita platze", "Schulweg")


def searching(store: Any, runs: int) -> Figure:
    figure = Figure(
        "c",
        "Volltextsuche über TOPs, Beschlüsse, Aufgaben",
        "≤ 50 ms, Umlaute gefaltet",
        50.0,
        "ms",
    )
    try:
        from sromod.services.search import search, strip_marks
    except ImportError as exc:
        figure.skipped = f"sromod.services.search fehlt: {exc}"
        return figure
    worst = 0.0
    for term in SEARCH_TERMS:
        took = med(timings(functools.partial(search, store, term), runs))
        worst = max(worst, took)
        hits = sum(len(g.hits) for g in search(store, term))
        figure.details.append(f"„{term}“: {ms(took)}, {hits} Treffer angezeigt")
    folded = [
        h for g in search(store, "ubergabe") for h in g.hits
        if "Übergabe" in strip_marks(h.title + " " + h.snippet)
    ]  # fmt: skip
    if not folded:
        figure.details.append("Umlaute: „ubergabe“ fand kein „Übergabe“ – Ziel verfehlt")
        worst = max(worst, 1.0)  # a search that misses the word fails whatever its speed
    else:
        figure.details.append(f"Umlaute: „ubergabe“ findet „Übergabe“ ({len(folded)} Treffer)")
    figure.value = worst * 1000
    figure.details.insert(0, "Wert: langsamster Suchbegriff (Median je Begriff)")
    return figure


# --- (d) minutes and (e) task list ---------------------------------------------------------------


def minutes(store: Any, meeting_id: str, runs: int) -> Figure:
    figure = Figure(
        "d", "Protokoll einer Sitzung mit 30 TOPs", "≤ 1,5× bares python-docx", 1.5, "×"
    )
    try:
        from sromod.exports.minutes_docx import export_minutes
    except ImportError as exc:
        figure.skipped = f"sromod.exports.minutes_docx fehlt: {exc}"
        return figure
    from bench.baselines import bare_docx

    with tempfile.TemporaryDirectory(prefix="sromod-bench-") as folder:
        ours_path, bare_path = Path(folder) / "sromod.docx", Path(folder) / "bare.docx"
        export_minutes(store, meeting_id, ours_path)
        blocks = bare_docx.read_content(ours_path)
        ours, bare = paired(
            lambda: export_minutes(store, meeting_id, ours_path),
            lambda: bare_docx.write_bare(blocks, bare_path),
            runs,
        )
        same = bare_docx.count(bare_docx.read_content(bare_path)) == bare_docx.count(blocks)
    paragraphs, tables, rows = bare_docx.count(blocks)
    figure.value = med(ours) / med(bare)
    figure.details = [
        f"sromod {ms(med(ours))} (Daten lesen, Vorlage, schreiben) – bares python-docx {ms(med(bare))}",
        f"Inhalt: {paragraphs} Absätze, {tables} Tabellen, {rows} Tabellenzeilen"
        + ("" if same else " (Achtung: Zählung der Nachbildung weicht ab)"),
    ]
    return figure


def task_list(store: Any, runs: int) -> Figure:
    figure = Figure(
        "e",
        "Aufgabenliste aller Aufgaben als Excel",
        "≤ 1,3× bares openpyxl (write-only)",
        1.3,
        "×",
    )
    try:
        from sromod.exports.tasks_xlsx import export_tasks
    except ImportError as exc:
        figure.skipped = f"sromod.exports.tasks_xlsx fehlt: {exc}"
        return figure
    from bench.baselines import bare_xlsx

    with tempfile.TemporaryDirectory(prefix="sromod-bench-") as folder:
        ours_path, bare_path = Path(folder) / "sromod.xlsx", Path(folder) / "bare.xlsx"
        written = export_tasks(store, ours_path)
        rows = bare_xlsx.read_rows(ours_path)
        ours, bare = paired(
            lambda: export_tasks(store, ours_path),
            lambda: bare_xlsx.write_bare(rows, bare_path),
            runs,
            warmup=0,  # the export that produced the rows warmed up both
        )
    figure.value = med(ours) / med(bare)
    figure.details = [
        f"sromod {ms(med(ours))} (Abfrage, Formate, Filter, Übersicht) – bares openpyxl {ms(med(bare))}",
        # The widest of the first rows: the sheet opens with a one-cell note above the header.
        f"{written} Aufgaben, {len(rows)} Zeilen × {max(map(len, rows[:5]), default=0)} Spalten",
    ]
    return figure
