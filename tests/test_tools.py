"""The translation tools find PySide6's programs beside the interpreter, with no venv activated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools import translations


def test_lupdate_is_found_without_the_venv_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    found = Path(translations._tool("lupdate"))
    assert found.parent == Path(sys.executable).parent
    assert found.name.startswith("pyside6-lupdate")


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_windows_venv_has_its_tools_beside_python_exe(tmp_path: Path) -> None:
    python = _touch(tmp_path / "venv" / "Scripts" / "python.exe")
    tool = _touch(tmp_path / "venv" / "Scripts" / "pyside6-lupdate.exe")
    assert translations.tool_beside_interpreter("pyside6-lupdate", str(python)) == str(tool)


def test_windows_system_python_has_its_tools_in_scripts(tmp_path: Path) -> None:
    python = _touch(tmp_path / "Python311" / "python.exe")
    tool = _touch(tmp_path / "Python311" / "Scripts" / "pyside6-lupdate.exe")
    assert translations.tool_beside_interpreter("pyside6-lupdate", str(python)) == str(tool)


def test_no_tool_beside_the_interpreter_falls_back_to_path(tmp_path: Path) -> None:
    python = _touch(tmp_path / "bin" / "python3")
    assert translations.tool_beside_interpreter("pyside6-lupdate", str(python)) is None
