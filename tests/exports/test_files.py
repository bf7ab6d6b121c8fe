"""Atomic export writes: nothing half-written, clear German messages."""

from __future__ import annotations

import errno
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


def test_a_full_disk_gives_one_german_sentence_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "Protokoll.docx"

    def full(temp: Path) -> None:
        temp.write_bytes(b"PK halb")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as caught:
        atomic_write(target, full)
    assert str(caught.value) == (
        f"Die Datei „{target}“ konnte nicht geschrieben werden: "
        "auf dem Datenträger ist kein Platz mehr."
    )
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert not target.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.EACCES, "Permission denied"), "es fehlen die Schreibrechte"),
        (OSError(errno.EROFS, "Read-only file system"), "der Datenträger ist schreibgeschützt"),
        (OSError(errno.EIO, "Input/output error"), "Ein-/Ausgabefehler"),
        (OSError(errno.EBUSY, "Device or resource busy"), "in einem anderen Programm geöffnet"),
    ],
)
def test_system_errors_are_told_in_german(tmp_path: Path, error: OSError, reason: str) -> None:
    def failing(_temp: Path) -> None:
        raise error

    with pytest.raises(ExportError) as caught:
        atomic_write(tmp_path / "a.xlsx", failing)
    assert reason in str(caught.value)
    assert error.strerror is not None and error.strerror not in str(caught.value)


def test_windows_sharing_violation_is_told_in_german() -> None:
    from sromod.store.oserrors import reason

    error = OSError(errno.EACCES, "Der Prozess kann nicht auf die Datei zugreifen")
    # what Windows sets on a file in use (OSError has winerror only on Windows)
    error.winerror = 32  # type: ignore[attr-defined,unused-ignore]
    assert reason(error) == "die Datei ist in einem anderen Programm geöffnet"
    assert reason(OSError(12345, "Something odd")) == (
        "das Betriebssystem hat den Zugriff abgelehnt (Fehler 12345)"
    )
