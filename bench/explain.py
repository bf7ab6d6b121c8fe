"""Where start-up time goes: the imports of one ``--startup-probe`` run, heaviest first.

    python3 -m bench.explain [--store FILE]

Runs the probe under ``python -X importtime`` and lists the modules whose import took longest,
counting each only once at the outermost level where a sromod module (or the probe itself)
pulled it in, so that the numbers add up instead of nesting.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.prepare import bench_env, cached_store

_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_times(stderr: str) -> list[tuple[int, str, int]]:
    """(cumulative µs, module, depth) for each line of ``-X importtime`` output."""
    found = []
    for line in stderr.splitlines():
        match = _LINE.match(line)
        if match:
            found.append((int(match.group(2)), match.group(4), len(match.group(3)) // 2))
    return found


def own_modules(stderr: str, top: int = 8) -> list[tuple[int, str]]:
    """sromod's modules by their own import time (class bodies, module-level work)."""
    found = []
    for line in stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(4).startswith("sromod"):
            found.append((int(match.group(1)), match.group(4)))
    return sorted(found, reverse=True)[:top]


def heaviest(times: list[tuple[int, str, int]], top: int = 15) -> list[tuple[int, str, str]]:
    """Modules outside sromod imported directly by sromod code (or at top level), and sromod's own.

    Returns (µs, module, importer) for the heaviest, each foreign module counted once.
    """
    # importtime prints children before their parent, so walk backwards to know the importer.
    stack: list[str] = []
    result: dict[str, tuple[int, str]] = {}
    for micros, module, depth in reversed(times):
        del stack[depth:]
        parent = stack[-1] if stack else "(start)"
        stack.append(module)
        ours = module.startswith("sromod")
        by_us = parent == "(start)" or parent.startswith("sromod")
        if not ours and by_us and module not in result:
            result[module] = (micros, parent)
    ranked = sorted(((us, m, p) for m, (us, p) in result.items()), reverse=True)
    return ranked[:top]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m bench.explain", description=__doc__)
    parser.add_argument("--store", type=Path, help="store to open (default: cached scale 10)")
    args = parser.parse_args(argv)
    store = args.store or cached_store(10)
    command = [sys.executable, "-X", "importtime", "-m", "sromod", "--startup-probe", "--db"]
    done = subprocess.run(
        [*command, str(store)], capture_output=True, text=True, env=bench_env(), check=False
    )
    print(f"Start bis Fenster (mit -X importtime): {done.stdout.strip()} s")
    print("Schwerste Importe (ms, Modul, importiert von):")
    for micros, module, parent in heaviest(import_times(done.stderr)):
        print(f"  {micros / 1000:7.0f}  {module:40s} {parent}")
    own = own_modules(done.stderr, top=1000)
    print(
        f"sromods eigene Module (ohne ihre Importe): {sum(us for us, _ in own) / 1000:.0f} ms, davon:"
    )
    for micros, module in own[:8]:
        print(f"  {micros / 1000:7.0f}  {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
