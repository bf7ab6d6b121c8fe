"""Keep the English translation current: `update` runs lupdate over sromod/ui, `release` builds .qm.

    python3 tools/translations.py update    # refresh resources/translations/sromod_en.ts
    python3 tools/translations.py release   # build resources/translations/sromod_en.qm
    python3 tools/translations.py missing   # list unfinished entries
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "sromod_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def ui_sources() -> list[Path]:
    return sorted((ROOT / "sromod" / "ui").rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} fehlt (kommt mit PySide6-Essentials).")
    return found


def update(ts_file: Path = TS_FILE) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
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
            *map(str, ui_sources()),
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
    """(context, source, translation, finished) for every message of the .ts file."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            finished = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            found.append((name, source, text, finished and bool(text)))
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
