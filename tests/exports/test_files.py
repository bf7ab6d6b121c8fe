"""Atomic export writes: nothing half-written, clear German messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sromod.exports.files import ExportError, atomic_write, owner_files


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".sromod-")]


def test_replaces_the_target_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "Protokoll.docx"
    target.write_text("alt")
    atomic_write(target, lambda temp: temp.write_text("neu"))
    assert target.read_text() == "neu"
    assert _leftovers(tmp_path) == []


def test_a_failing_writer_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "Protokoll.docx"
    target.write_text("alt")

    def broken(temp: Path) -> None:
        temp.write_text("halb")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="konnte nicht geschrieben werden"):
        atomic_write(target, broken)
    assert target.read_text() == "alt"
    assert _leftovers(tmp_path) == []


def test_target_locked_by_windows_gives_the_open_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Aufgaben.xlsx"

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="noch in Word, Excel oder LibreOffice geöffnet"):
        atomic_write(target, lambda temp: temp.write_text("x"))
    assert not target.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("owner", ["~$Aufgaben.xlsx", "~$fgaben.xlsx", ".~lock.Aufgaben.xlsx#"])
def test_owner_files_of_word_excel_and_libreoffice_are_seen(tmp_path: Path, owner: str) -> None:
    target = tmp_path / "Aufgaben.xlsx"
    assert tmp_path / owner in owner_files(target)
    (tmp_path / owner).write_text("x")
    with pytest.raises(ExportError, match="geöffnet"):
        atomic_write(target, lambda temp: temp.write_text("x"))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Ordner"):
        atomic_write(tmp_path / "fehlt" / "a.docx", lambda temp: None)
