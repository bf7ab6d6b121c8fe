"""What differs on Windows, tested here with the Windows branch forced: where the store lives
(the local profile keeps it private), network drives, long paths, the lock, odd file names."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path, PureWindowsPath
from types import ModuleType

import pytest

from sromod.cli import main
from sromod.store import StoreError, StoreLocked, location, open_store
from sromod.store.check import backup_store, check_store, restore_store
from sromod.store.readonly import file_uri

LOCAL = r"C:\Users\Jörg Müller\AppData\Local"
ROAMING = r"C:\Users\Jörg Müller\AppData\Roaming"


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location, "running_on_windows", lambda: True)


def test_store_and_log_live_in_the_local_profile_folder(
    windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the user (and administrators) may read the profile: that keeps the store private."""
    import platformdirs.windows as windows_dirs

    monkeypatch.setenv("LOCALAPPDATA", LOCAL)
    monkeypatch.setenv("APPDATA", ROAMING)
    # platformdirs asks Windows itself where the folders are; here it reads the variables.
    monkeypatch.setattr(
        windows_dirs,
        "_RESOLVE_WIN_FOLDER",
        windows_dirs.get_win_folder_from_env_vars,
        raising=False,
    )
    store = str(location.default_store_path()).replace("/", "\\")
    logs = str(location.log_dir()).replace("/", "\\")
    assert store == LOCAL + r"\sromod\sromod.db"  # local, not roaming (copied to a server)
    assert logs == LOCAL + r"\sromod\Logs"


class FakeKernel32:
    def __init__(self, remote: set[str]) -> None:
        self.remote = remote
        self.asked: list[str] = []

    def GetDriveTypeW(self, root: str) -> int:
        self.asked.append(root)
        return 4 if root in self.remote else 3  # DRIVE_REMOTE, DRIVE_FIXED


def test_a_mapped_network_drive_is_warned(windows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32({"Z:\\"})
    monkeypatch.setattr(location, "windows_kernel32", lambda: kernel32)
    assert location.is_network_path(Path(r"Z:\Sitzungen\sromod.db"))
    assert not location.is_network_path(Path(r"C:\Users\jm\sromod.db"))
    assert kernel32.asked == ["Z:\\", "C:\\"]
    assert location.location_warnings(Path(r"Z:\Sitzungen\sromod.db")) == [
        "Die Datenbank liegt auf einem Netzlaufwerk. SQLite kann dort nicht sicher sperren; "
        "Eingaben können verloren gehen. Legen Sie die Datenbank auf die lokale Festplatte."
    ]


def test_a_unc_path_is_warned_and_opens_read_only_by_uri(windows: None) -> None:
    share = PureWindowsPath(r"\\server\Freigabe Köpenick\sromod.db")
    assert location.is_network_path(Path(str(share)))
    assert file_uri(share) == "file:////server/Freigabe%20K%C3%B6penick/sromod.db"
    assert file_uri(PureWindowsPath(r"C:\Users\Jörg Müller\Sitzungen #1\sromod.db")) == (
        "file:///C:/Users/J%C3%B6rg%20M%C3%BCller/Sitzungen%20%231/sromod.db"
    )


def _deep(tmp_path: Path, length: int) -> Path:
    folder = tmp_path
    while len(str(folder)) < length:
        folder = folder / "Sitzungsunterlagen Köpenick"
    folder.mkdir(parents=True)
    return folder / "sromod.db"


def test_a_path_too_long_for_windows_is_refused_before_anything_is_written(
    windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "windows_long_paths_enabled", lambda: False)
    monkeypatch.setattr(location, "windows_kernel32", lambda: FakeKernel32(set()))
    path = _deep(tmp_path, 200)
    with pytest.raises(StoreError) as refused:
        open_store(path)
    assert refused.value.message.startswith(
        f"Der Pfad der Datenbank ist für Windows zu lang ({len(str(path))} Zeichen; mit den "
        "Sicherungen daneben passen höchstens "
    )
    assert list(path.parent.iterdir()) == []
    monkeypatch.setattr(location, "windows_long_paths_enabled", lambda: True)
    open_store(path).close()  # long paths switched on: fine


def test_long_paths_are_fine_elsewhere(tmp_path: Path) -> None:
    path = _deep(tmp_path, 300)
    open_store(path).close()
    assert check_store(path).ok


def _windows_lock_module(monkeypatch: pytest.MonkeyPatch, msvcrt: object) -> ModuleType:
    """sromod.store.lock as Windows loads it (a separate copy; the real module stays as it is)."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    from sromod.store import lock

    spec = importlib.util.spec_from_file_location("sromod_lock_on_windows", lock.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "platform", sys.platform)
    return module


class FakeMsvcrt:
    """msvcrt.locking: one byte at the file position, held per handle, refused to others."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.offsets: list[int] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        info = os.fstat(fd)
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.offsets.append(offset)
        key = (info.st_dev, info.st_ino, offset)
        if mode == self.LK_NBLCK:
            if self.held.get(key, fd) != fd:
                raise PermissionError(13, "Permission denied")
            self.held[key] = fd
        else:
            assert self.held.pop(key) == fd


def test_the_lock_on_windows_names_the_holder_and_is_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    msvcrt = FakeMsvcrt()
    lock = _windows_lock_module(monkeypatch, msvcrt)
    db = tmp_path / "Sitzungen Köpenick" / "sromod.db"
    db.parent.mkdir()
    first, second = lock.StoreLock(db), lock.StoreLock(db)
    first.acquire()
    # the locked byte lies far beyond the note, so the note stays readable for the second
    assert set(msvcrt.offsets) == {1 << 20}
    assert json.loads(lock.lock_path_for(db).read_text(encoding="utf-8"))["pid"] == str(os.getpid())
    with pytest.raises(StoreLocked) as refused:
        second.acquire()
    assert f"Prozess {os.getpid()}" in refused.value.message
    first.release()
    assert lock.lock_path_for(db).read_text(encoding="utf-8") == ""
    second.acquire()
    second.release()
    assert msvcrt.held == {}


def test_umlauts_spaces_and_odd_characters_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Sitzungen Köpenick – Übergabe #2 (Entwurf)"
    folder.mkdir()
    db = folder / "AG SRO Ärger & Öffnung.db"
    assert main(["demo", "--db", str(db)]) == 0
    saved = backup_store(db, folder / "Sicherung vom 25.11.2026 – Übergabe.sqlite")
    assert check_store(saved).ok
    out = folder / "Aufgaben für Ämter.xlsx"
    assert main(["export", "tasks", "--db", str(db), "--out", str(out)]) == 0
    assert main(["import", "tasks", "--db", str(db), str(out), "--dry-run"]) == 0
    assert restore_store(db, saved) is not None
    assert main(["check", "--db", str(db)]) == 0
    assert "in Ordnung" in capsys.readouterr().out
