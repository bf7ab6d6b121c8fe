"""One function resolves resource paths: source tree, installed package and frozen bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder that holds reference data, templates, translations and icons."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_base:
        candidates.append(Path(frozen_base) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "sromod" / "resources")
    for candidate in candidates:
        if (candidate / "reference").is_dir():
            return candidate
    raise FileNotFoundError("Die Ressourcen von sromod wurden nicht gefunden.")


def resource_path(*parts: str) -> Path:
    """Path of one resource file below the resources folder."""
    return resources_dir().joinpath(*parts)
