"""Where the store lives: the user's folders for it (and for the log beside it), and warnings
for store locations where SQLite's locking is not safe (network shares, sync folders)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import platformdirs

from sromod import APP_NAME

SYNC_FOLDER_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud",
    "nextcloud",
    "owncloud",
    "seafile",
    "boxsync",
    "box sync",
    "tresorit",
    "magentacloud",
)
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs"}
# Windows programs see at most 259 characters in a path unless long paths are switched on in the
# registry; SQLite then cannot open the store or its -journal. The longest name sromod derives
# from a store path is that of a backup's journal in the backups folder.
WINDOWS_MAX_PATH = 259
_LONGEST_DERIVED = ".backups\\-20261129-120000-vor-wiederherstellung.sqlite.partial-journal"


def running_on_windows() -> bool:
    return sys.platform == "win32"


def _user_dirs() -> platformdirs.PlatformDirsABC:
    """The user's folders; on Windows the local (not roaming) profile: %LOCALAPPDATA%\\sromod.

    Windows has no file modes to keep the store private: the profile folder does, as only its
    user (and administrators) may read it. A roaming profile would copy the store to a server.
    """
    if running_on_windows():
        from platformdirs.windows import Windows

        return Windows(APP_NAME, appauthor=False, roaming=False)
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_user_dirs().user_data_dir)


def log_dir() -> Path:
    """The log folder; here, not in app.py, so that the About dialog can name it too."""
    return Path(_user_dirs().user_log_dir)


def default_store_path() -> Path:
    return data_dir() / "sromod.db"


def location_warnings(path: Path) -> list[str]:
    """German warnings for a store on a network path or in a cloud-sync folder (may be empty)."""
    warnings: list[str] = []
    text = str(path)
    if is_network_path(path):
        warnings.append(
            "Die Datenbank liegt auf einem Netzlaufwerk. SQLite kann dort nicht sicher sperren; "
            "Eingaben können verloren gehen. Legen Sie die Datenbank auf die lokale Festplatte."
        )
    lowered = text.casefold()
    if any(marker in lowered for marker in SYNC_FOLDER_MARKERS):
        warnings.append(
            "Die Datenbank liegt in einem Cloud-Synchronisationsordner. Die Synchronisation kann "
            "die Datei beschädigen; legen Sie sie in einen nicht synchronisierten Ordner."
        )
    return warnings


def is_network_path(path: Path) -> bool:
    """A UNC path (\\\\server\\share), a mapped network drive, or a network file system."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if running_on_windows():
        return _windows_drive_is_remote(text)
    return _posix_filesystem(path) in NETWORK_FILESYSTEMS


def windows_path_too_long(path: Path) -> str | None:
    """A German sentence if Windows could not reach the store or the files beside it, else None."""
    if not running_on_windows():
        return None
    longest = len(str(path)) + len(path.stem) + len(_LONGEST_DERIVED)
    if longest <= WINDOWS_MAX_PATH or windows_long_paths_enabled():
        return None
    allowed = len(str(path)) - (longest - WINDOWS_MAX_PATH)
    return (
        f"Der Pfad der Datenbank ist für Windows zu lang ({len(str(path))} Zeichen; mit den "
        f"Sicherungen daneben passen höchstens {max(allowed, 0)}). Wählen Sie einen kürzeren "
        "Ordner oder Dateinamen, zum Beispiel direkt unter Dokumente."
    )


def _posix_filesystem(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, fstype = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype


def windows_long_paths_enabled() -> bool:
    """Whether Windows lets programs use paths beyond 259 characters (a registry switch)."""
    import winreg  # type: ignore[import-not-found,unused-ignore]  # a Windows-only module (found when mypy checks for win32)

    try:
        with winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]  # winreg's names exist on Windows only
            winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]  # as above
            r"SYSTEM\CurrentControlSet\Control\FileSystem",
        ) as key:
            return bool(winreg.QueryValueEx(key, "LongPathsEnabled")[0] == 1)  # type: ignore[attr-defined,unused-ignore]  # as above
    except OSError:
        return False


def windows_kernel32() -> Any:
    import ctypes

    return ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]  # Windows only


def _windows_drive_is_remote(text: str) -> bool:
    """A drive letter mapped to a network share ("Z:" for \\\\server\\share)."""
    drive = text[:2] + "\\" if len(text) >= 2 and text[1] == ":" else ""
    if not drive:
        return False
    drive_remote = 4
    return bool(windows_kernel32().GetDriveTypeW(drive) == drive_remote)
