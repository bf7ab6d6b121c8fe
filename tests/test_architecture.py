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


def _keeps_a_store(path: Path) -> list[str]:
    """Where a class of the window takes a store when built, or keeps one in an attribute."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.name == "__init__":
            for arg in node.args.args + node.args.kwonlyargs:
                if arg.annotation is not None and re.search(
                    r"\bStore\b", ast.unparse(arg.annotation)
                ):
                    found.append(f"{path.name}:{node.lineno} __init__({arg.arg}: Store)")
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = ast.unparse(node.value) if node.value is not None else ""
            for target in targets:
                kept = isinstance(target, ast.Attribute) and ast.unparse(target).startswith("self.")
                if kept and re.search(r"(^|\.)_?store$", value):
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(target)} = {value}")
    return found


def test_the_window_reads_the_open_store_from_the_context_only() -> None:
    """ "Datenbank öffnen…" replaces the store in the context; a copy kept elsewhere went stale
    (the task register showed the old file's tasks)."""
    owner = PACKAGE / "ui" / "context.py"
    assert "self._store = store" in owner.read_text(encoding="utf-8")
    offenders = [
        line
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if path != owner
        for line in _keeps_a_store(path)
    ]
    assert offenders == []


def test_every_import_arrow_points_down() -> None:
    """import-linter's contracts in pyproject.toml (layers, Qt only in the window, no cycles);
    .ci/run runs them as `lint-imports` too, this makes plain pytest see a broken one."""
    from importlinter.cli import lint_imports

    config = str(ROOT / "pyproject.toml")
    assert lint_imports(config_filenames=(config,), no_cache=True, no_logo=True) == 0
