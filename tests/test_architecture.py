"""The domain does not know Qt: everything below ui/ imports without PySide6."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sromod"
# Qt may live here only. Two modules act when imported and are left out of the import test:
# the migrations' env.py runs Alembic, __main__ runs the program.
QT_ALLOWED = ("ui/", "app.py")
NOT_IMPORTABLE = ("store/migrations/", "__main__.py")

PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(qt))
"""


def _domain_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(QT_ALLOWED) or relative.startswith(NOT_IMPORTABLE):
            continue
        parts = ["sromod", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_domain_packages_import_without_pyside6() -> None:
    modules = _domain_modules()
    for expected in ("sromod.models", "sromod.store", "sromod.services.uow", "sromod.cli"):
        assert expected in modules
    assert any(m.startswith("sromod.exports.") for m in modules)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt geladen von der Domäne: {result.stdout}"


def test_no_qt_import_in_domain_sources() -> None:
    qt_import = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if not path.relative_to(PACKAGE).as_posix().startswith(QT_ALLOWED)
        and qt_import.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
