"""Build the one-folder bundle: ``python3 installer/build.py`` → ``dist/sromod/``.

Runs PyInstaller on installer/sromod.spec with a clean work folder and prints the bundle's size.
On Windows, ``iscc installer/sromod.iss`` then wraps dist/sromod into an installer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "sromod.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def bundle_dir() -> Path:
    return DIST / "sromod"


def executable(console: bool = True) -> Path:
    """The built program; on Windows the console variant serves the command line."""
    if sys.platform == "win32":
        return bundle_dir() / ("sromod-cli.exe" if console else "sromod.exe")
    return bundle_dir() / "sromod"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(*, clean: bool = True) -> Path:
    """Run PyInstaller; returns the bundle folder."""
    if clean:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.rmtree(bundle_dir(), ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")  # reproducible bytecode archives
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return bundle_dir()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--keep", action="store_true", help="reuse PyInstaller's work folder")
    args = parser.parse_args()
    folder = build(clean=not args.keep)
    print(f"Gebaut: {folder} ({folder_size(folder) / 1e6:.0f} MB), Programm: {executable()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
