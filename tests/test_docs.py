"""docs/architecture.md is found from the README and names only places that exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"
LAYERS = "ui|store|services|exports|models"


def _spans() -> list[str]:
    """The text between backticks outside code blocks (a span may wrap onto the next line)."""
    prose = re.sub(r"```.*?```", "", ARCHITECTURE.read_text(encoding="utf-8"), flags=re.S)
    return re.findall(r"`([^`]+)`", prose)


def test_the_readme_leads_to_the_architecture_not_to_notes_outside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`docs/architecture.md`" in readme
    assert "design notes" not in readme


def test_every_file_and_folder_it_names_exists() -> None:
    roots = r"(?:sromod|tests|tools|bench|docs|resources|\.ci|\.github)/"
    named = [s for s in _spans() if re.fullmatch(roots + r"[\w./<>-]*", s) and "<" not in s]
    short = [s.split(":")[0] for s in _spans() if re.match(rf"(?:{LAYERS})/[\w/]+\.py\b", s)]
    assert len(named) > 15 and len(short) > 15
    missing = [p for p in named if not (ROOT / p).exists()]
    missing += [p for p in short if not (ROOT / "sromod" / p).exists()]
    assert missing == [], missing


def test_every_function_and_class_it_names_in_a_module_exists() -> None:
    """References written as `services/register.py: task_page` resolve."""
    found = 0
    for span in _spans():
        match = re.fullmatch(rf"((?:{LAYERS})/[\w/]+)\.py:\s+(\w+)", span)
        if match:
            module = importlib.import_module("sromod." + match[1].replace("/", "."))
            assert hasattr(module, match[2]), span
            found += 1
    assert found >= 5
