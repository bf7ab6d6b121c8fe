"""Keep the English translation current: `update` runs lupdate over sromod/ui, `release` builds .qm.

python3 tools/translations.py update    # refresh resources/translations/sromod_en.ts
python3 tools/translations.py release   # build resources/translations/sromod_en.qm
python3 tools/translations.py missing   # list unfinished entries
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "sromod_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def ui_sources() -> list[Path]:
    return sorted((ROOT / "sromod" / "ui").rglob("*.py"))


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level `def _tr(text): return X.translate("Context", text)` helpers: name -> context."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.body) != 1:
            continue
        returned = node.body[0]
        call = returned.value if isinstance(returned, ast.Return) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and call.args
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
        ):
            helpers[node.name] = call.args[0].value
    return helpers


def helper_strings(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every literal passed to a module's own translate helper.

    lupdate only sees tr()/translate() calls; a helper like `_tr("…")` hides its literals, and a
    module-level `tr()` is filed under the wrong context, so we list them for lupdate ourselves.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _helper_contexts(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((helpers[node.func.id], node.args[0].value))
    return found


def _write_helper_strings(folder: Path) -> Path:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for source in ui_sources():
        for context, text in helper_strings(source):
            lines.append(f"QT_TRANSLATE_NOOP({context!r}, {text!r})")
    extra = folder / "helper_strings.py"
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return extra


def _tool(name: str) -> str:
    """PySide6's tool beside the running interpreter (a venv need not be activated), else on PATH."""
    found = tool_beside_interpreter(f"pyside6-{name}") or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} fehlt (kommt mit PySide6-Essentials).")
    return found


def tool_beside_interpreter(program: str, executable: str = sys.executable) -> str | None:
    """A console script installed with the running interpreter's packages, if there is one.

    pip puts them beside python (bin/ of a venv on Linux) or in Scripts\\ (Windows: beside
    python.exe in a venv, in Scripts\\ under a system-wide installation).
    """
    folder = Path(executable).parent
    for place in (folder, folder / "Scripts"):
        for name in (program, program + ".exe"):
            candidate = place / name
            if candidate.is_file():
                return str(candidate)
    return None


def update(ts_file: Path = TS_FILE) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        _run_lupdate(ts_file, [*ui_sources(), _write_helper_strings(Path(folder))])


def _run_lupdate(ts_file: Path, sources: list[Path]) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "de_DE",
            "-target-language",
            "en_GB",
            *map(str, sources),
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
    )


def release() -> None:
    subprocess.run(
        [_tool("lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True, capture_output=True
    )


def entries(ts_file: Path = TS_FILE) -> list[tuple[str, str, str | None, bool]]:
    """(context, source, translation, finished) for every message of the .ts file.

    A plural entry's translation is its forms joined by "|"; it is finished when every form is.
    """
    found: list[tuple[str, str, str | None, bool]] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                found.append((name, source, None, False))
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = "|".join(forms) if forms else translation.text
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            complete = all(forms) if forms else bool(text)
            found.append((name, source, text, finished and complete))
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "missing":
        for context, source, _text, finished in entries():
            if not finished:
                print(f"{context}\t{source}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
