"""Measure DESIGN.md's "Figures to reach" against their bare baselines, in one run.

    python3 -m bench.run            the district decade (sromod demo --scale 10), 7 runs each
    python3 -m bench.run --quick    scale 1 and 3 runs: under a minute, to check the machinery

Every figure prints its value, its target and PASS or FAIL; the exit status is 0 either way.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench import figures, store_figures
from bench.figures import Figure
from bench.prepare import CACHE_DIR, big_meeting, cached_store, store_counts

RESULTS_FILE = CACHE_DIR / "last-results.md"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m bench.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="scale 1, 3 runs (under a minute)")
    parser.add_argument("--store", type=Path, help="measure this store instead of the cached demo")
    parser.add_argument("--runs", type=int, help="runs per figure (default 7, quick 3)")
    parser.add_argument("--scale", type=int, help="demo scale of the cached store (default 10)")
    parser.add_argument("--fresh", action="store_true", help="create the cached demo store anew")
    parser.add_argument("--frozen", type=Path, help="start-up of this built sromod executable")
    parser.add_argument(
        "--only", default="abcdefgh", help="which figures, e.g. 'ade' (default: all of a–h)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    runs = args.runs or (3 if args.quick else 7)
    scale = args.scale or (1 if args.quick else 10)
    load = machine_load()  # figures from a busy machine are not worth much: say how busy
    started = time.perf_counter()
    path = args.store or cached_store(scale, fresh=args.fresh)
    print(f"Datenbank: {path} ({path.stat().st_size / 1e6:.0f} MB), {runs} Läufe je Kennzahl")
    results = measure(path, runs, set(args.only), args.frozen)
    text = report(results, path, runs, time.perf_counter() - started, load)
    print(text)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(text + "\n", encoding="utf-8")
    return 0


def measure(path: Path, runs: int, only: set[str], frozen: Path | None) -> list[Figure]:
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store

    results: list[Figure] = []
    store = open_store(path, create=False, initialise=load_reference_data)
    try:
        meeting_id = big_meeting(store)
        counts = store_counts(store)
        print(
            "Inhalt: " + ", ".join(f"{n:,} {what}".replace(",", ".") for what, n in counts.items())
        )
        if "b" in only:
            results.append(_announce(figures.filtering(store, runs)))
        if "c" in only:
            results.append(_announce(figures.searching(store, runs)))
        if "d" in only:
            results.append(_announce(figures.minutes(store, meeting_id, runs)))
        if "e" in only:
            results.append(_announce(figures.task_list(store, max(1, min(runs, 3)))))
    finally:
        store.close()  # the start-up probes open the store themselves: it must not be locked
    if only & {"a", "f"}:
        start_up = figures.startup_and_memory(path, runs, frozen, meeting_id)
        results += [_announce(f) for f in start_up if f.key[0] in only]
    store_runs = max(1, min(runs, 3))  # seconds each, on a file of 240 MB
    if "g" in only:
        results.append(_announce(store_figures.checking(path, store_runs)))
    if "h" in only:
        results.append(_announce(store_figures.restoring(path, store_runs)))
    return sorted(results, key=lambda f: f.key)


def _announce(figure: Figure) -> Figure:
    print(
        f"  gemessen: ({figure.key}) {figure.what}: {figure.shown()} {figure.verdict}", flush=True
    )
    return figure


def machine_load() -> float | None:
    """The one-minute load average (POSIX), None where there is none."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def report(
    results: list[Figure], path: Path, runs: int, seconds: float, load: float | None = None
) -> str:
    """The results as a Markdown table with details, and the summary line last."""
    now = machine_load()
    load_text = "" if load is None or now is None else f", Last vorher/nachher {load:.1f}/{now:.1f}"
    lines = [
        f"Gemessen am {time.strftime('%d.%m.%Y %H:%M')} auf {platform.platform()} "
        f"({os.cpu_count()} Kerne{load_text}), Python {platform.python_version()}, "
        f"{runs} Läufe (Median), Datenbank {path.name}",
        "",
        "| | Kennzahl | Ziel | gemessen | Ergebnis |",
        "|---|---|---|---|---|",
    ]
    for f in results:
        lines.append(f"| {f.key} | {f.what} | {f.target} | {f.shown()} | {f.verdict} |")
    lines.append("")
    for f in results:
        for detail in f.details or ([f.skipped] if f.skipped else []):
            lines.append(f"- ({f.key}) {detail}")
    verdicts = [f.verdict for f in results]
    lines += [
        "",
        f"Zusammenfassung: {verdicts.count(figures.PASS)} PASS, {verdicts.count(figures.FAIL)} FAIL, "
        f"{verdicts.count(figures.SKIPPED)} nicht gemessen, "
        f"{verdicts.count(figures.INFO)} zur Einordnung ({seconds:.0f} s)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
