"""Start-up and peak memory, measured on child processes exactly alike for sromod and the bare window.

For each run the parent notes the clock before it starts the child and again when each of the
child's lines arrives on its pipe: sromod prints the seconds to its first painted window, to the
filled window (the body list showing the store's bodies, read ahead from the file) and to the
open store (the first screen complete, every step runs at once); the bare window prints one
line, its first paint and its whole window at once. That is launch to each moment, interpreter
start and imports included. The child's own figures and the whole process's wall-clock
(shutdown included) are kept beside them.

Peak memory is the child's maximum resident set size from ``os.wait4`` (POSIX; Windows reports
none), taken in separate runs through a tiny launcher: Linux hands a child the high-water mark of
the process it was spawned from, so a child of the benchmark (itself large after the exports)
would report the benchmark's memory, not its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.prepare import bench_env

BARE_WINDOW = Path(__file__).resolve().parent / "baselines" / "bare_window.py"
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "sys.stderr.write(f'\\nMAXRSS {usage.ru_maxrss}\\n')\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


@dataclass(frozen=True)
class Probe:
    to_window: float  # launch to the last printed line (sromod: the store open), seconds
    reported: float  # what the child printed last: its own start to that moment
    total: float  # launch to exit
    peak_rss_mb: float | None
    to_paint: float = 0.0  # launch to the first printed line (the first painted window)
    reported_paint: float = 0.0  # what the child printed first
    to_filled: float = 0.0  # launch to the second line (sromod: the body list filled)
    reported_filled: float = 0.0  # what the child printed second


def sromod_command(store: Path, frozen_exe: Path | None = None) -> list[str]:
    head = [str(frozen_exe)] if frozen_exe else [sys.executable, "-m", "sromod"]
    return [*head, "--startup-probe", "--db", str(store)]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE_WINDOW)]


def run_probe(command: list[str], *, memory: bool = False, timeout: float = 120.0) -> Probe:
    """One launch; raises RuntimeError with the child's stderr if it does not report.

    With memory (POSIX only), the child runs under the launcher and peak_rss_mb is its own.
    """
    memory = memory and os.name != "nt"
    if memory:
        command = [sys.executable, "-I", "-S", "-c", _LAUNCHER, *command]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=bench_env(), text=True
        )
        assert child.stdout is not None
        lines: list[tuple[float, str]] = []  # (seconds since launch, the line) as each arrives
        for line in iter(child.stdout.readline, ""):  # the bare window prints one, sromod three
            lines.append((time.perf_counter() - started, line.strip()))
        child.communicate(timeout=timeout)
        total = time.perf_counter() - started
        errors.seek(0)
        problem = errors.read()
    peak = _launcher_peak(problem) if memory else None
    try:
        seconds = [(at, float(text)) for at, text in lines if text]
        (to_paint, reported_paint), (to_window, reported) = seconds[0], seconds[-1]
    except (ValueError, IndexError):
        raise RuntimeError(f"{' '.join(command)} gab keine Startzeit aus:\n{problem}") from None
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} endete mit {child.returncode}:\n{problem}")
    to_filled, reported_filled = seconds[1] if len(seconds) > 2 else seconds[-1]
    return Probe(
        to_window, reported, total, peak, to_paint, reported_paint, to_filled, reported_filled
    )


def run_tour(
    store: Path, meeting_id: str | None, *, timeout: float = 300.0
) -> tuple[dict[str, Any], float | None]:
    """bench.tour under the memory launcher: its timings and its peak memory in MB."""
    command = [
        sys.executable,
        "-m",
        "bench.tour",
        str(store),
        *([meeting_id] if meeting_id else []),
    ]
    if os.name != "nt":
        command = [sys.executable, "-I", "-S", "-c", _LAUNCHER, *command]
    done = subprocess.run(
        command, capture_output=True, text=True, env=bench_env(), timeout=timeout, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"bench.tour endete mit {done.returncode}:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1]), _launcher_peak(done.stderr)


def _launcher_peak(stderr: str) -> float | None:
    """The launcher's report of its child's peak resident memory, in MB."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("MAXRSS "):
            # ru_maxrss is kibibytes on Linux, bytes on macOS.
            scale = 1 if sys.platform == "darwin" else 1024
            return int(line.split()[1]) * scale / 1e6
    return None
