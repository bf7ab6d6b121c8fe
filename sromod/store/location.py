"""Warnings for store locations where SQLite's locking is not safe (network shares, sync folders)."""

from __future__ import annotations

import os
from pathlib import Path

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
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if os.name == "nt":
        return _windows_drive_is_remote(text)
    return _posix_filesystem(path) in NETWORK_FILESYSTEMS


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


def _windows_drive_is_remote(text: str) -> bool:
    import ctypes

    drive = text[:3] if len(text) >= 3 and text[1] == ":" else ""
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)  # type: ignore[attr-defined]
