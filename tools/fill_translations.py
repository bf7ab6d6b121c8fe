"""Fill the unfinished entries of the English .ts from tools/translations_en.json.

    python3 tools/fill_translations.py          # lupdate, fill, lrelease; list what the dictionary lacks
    python3 tools/fill_translations.py --all    # also overwrite finished entries from the dictionary

The dictionary maps German source text to British English; "contexts" holds the few sources
whose English depends on where they appear. A numerus entry takes a [singular, plural] list.
Further dictionaries of the same form in tools/translations_en.d/*.json are read after it (one per
topic, so that work on different screens does not edit the same file); a later entry wins.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.translations import TS_FILE, release, update

DICTIONARY = Path(__file__).resolve().parent / "translations_en.json"
MORE_DICTIONARIES = DICTIONARY.parent / "translations_en.d"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def load_dictionary(path: Path = DICTIONARY) -> tuple[dict, dict]:
    everywhere: dict = {}
    by_context: dict = {}
    for part in [path, *sorted(MORE_DICTIONARIES.glob("*.json"))]:
        data = json.loads(part.read_text(encoding="utf-8"))
        everywhere.update(data.get("all", {}))
        for context, entries in data.get("contexts", {}).items():
            by_context.setdefault(context, {}).update(entries)
    return everywhere, by_context


def english(context: str, source: str, everywhere: dict, by_context: dict) -> str | list | None:
    return by_context.get(context, {}).get(source, everywhere.get(source))


def _set(message: ET.Element, value: str | list) -> bool:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, list) else [value, value]
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        if isinstance(value, list):
            return False
        translation.text = value
    translation.attrib.pop("type", None)
    return True


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    forms = [form.text for form in translation.iter("numerusform")]
    return all(forms) if forms else bool(translation.text)


def fill(ts_file: Path = TS_FILE, overwrite: bool = False) -> list[tuple[str, str]]:
    """Set every unfinished translation the dictionary knows; return (context, source) it lacks."""
    everywhere, by_context = load_dictionary()
    tree = ET.parse(ts_file)
    lacking = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if _finished(message) and not overwrite:
                continue
            source = message.findtext("source") or ""
            value = english(name, source, everywhere, by_context)
            if value is None or not _set(message, value):
                lacking.append((name, source))
    ET.indent(tree)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(HEADER + body + "\n", encoding="utf-8")
    return lacking


def main(argv: list[str]) -> int:
    update()
    lacking = fill(overwrite="--all" in argv)
    update()  # lupdate writes the file back in its own layout, so diffs stay small
    release()
    for context, source in lacking:
        print(f"{context}\t{source!r}")
    return 1 if lacking else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
