"""Start-up and peak memory, measured on child processes exactly alike for sromod and the bare window.

For each run the parent notes the clock before it starts the child and again when the child's
one line ("seconds to the window") arrives on its pipe: that is launch to a usable window,
interpreter start and imports included. The child's own figure and the whole process's
wall-clock (shutdown included) are kept beside it. Peak memory is the child's maximum resident
set size, taken from ``os.wait4`` for that very child (POSIX; Windows reports none).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.prepare import bench_env

BARE_WINDOW = Path(__file__).resolve().parent / "baselines" / "bare_window.py"


@dataclass(frozen=True)
class Probe:
    to_window: float  # launch to the printed line, seconds
    reported: float  # what the child printed: its own start to the window
    total: float  # launch to exit
    peak_rss_mb: float | None


def sromod_command(store: Path, frozen_exe: Path | None = None) -> list[str]:
    head = [str(frozen_exe)] if frozen_exe else [sys.executable, "-m", "sromod"]
    return [*head, "--startup-probe", "--db", str(store)]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE_WINDOW)]


def run_probe(command: list[str], *, timeout: float = 120.0) -> Probe:
    """One launch; raises RuntimeError with the child's stderr if it does not report."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=bench_env(), text=True
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        to_window = time.perf_counter() - started
        peak = None
        if os.name == "nt":
            child.communicate(timeout=timeout)
        else:
            child.stdout.read()  # until the child closes it, i.e. exits
            peak = _wait_with_usage(child)
        total = time.perf_counter() - started
        errors.seek(0)
        problem = errors.read()
    try:
        reported = float(line.strip())
    except ValueError:
        raise RuntimeError(f"{' '.join(command)} gab keine Startzeit aus:\n{problem}") from None
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} endete mit {child.returncode}:\n{problem}")
    return Probe(to_window, reported, total, peak)


def _wait_with_usage(child: subprocess.Popen[str]) -> float:
    """Reap this one child and return its peak resident memory in MB."""
    _pid, status, usage = os.wait4(child.pid, 0)  # type: ignore[attr-defined]
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is kibibytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1e6
