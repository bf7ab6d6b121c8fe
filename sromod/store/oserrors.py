"""German reasons for the operating system's errors, so no English system text reaches the user."""

from __future__ import annotations

import errno

# errno name -> the end of a sentence "… konnte nicht geschrieben werden: <reason>."
# By name: not every number exists on every system.
_BY_NAME = {
    "ENOSPC": "auf dem Datenträger ist kein Platz mehr",
    "EDQUOT": "Ihr Speicherplatz-Kontingent ist erschöpft",
    "EFBIG": "die Datei wäre zu groß für den Datenträger",
    "EACCES": "es fehlen die Schreibrechte",
    "EPERM": "es fehlen die Schreibrechte",
    "EROFS": "der Datenträger ist schreibgeschützt",
    "ENOENT": "der Ordner oder die Datei ist nicht mehr vorhanden",
    "ENOTDIR": "der Ordner ist nicht mehr vorhanden",
    "EISDIR": "an dieser Stelle liegt ein Ordner",
    "ENAMETOOLONG": "der Dateiname oder Pfad ist zu lang",
    "EBUSY": "die Datei ist in einem anderen Programm geöffnet",
    "ETXTBSY": "die Datei ist in einem anderen Programm geöffnet",
    "EIO": "der Datenträger meldet einen Ein-/Ausgabefehler",
    "EINVAL": "der Dateiname ist auf diesem Datenträger nicht erlaubt",
    "EMFILE": "es sind zu viele Dateien gleichzeitig geöffnet",
    "ENFILE": "es sind zu viele Dateien gleichzeitig geöffnet",
    "ESTALE": "das Netzlaufwerk ist nicht mehr erreichbar",
    "ENETDOWN": "das Netzlaufwerk ist nicht mehr erreichbar",
    "EHOSTDOWN": "das Netzlaufwerk ist nicht mehr erreichbar",
}
_REASONS = {getattr(errno, name): text for name, text in _BY_NAME.items() if hasattr(errno, name)}
# Windows reports some conditions only by its own error numbers (winerror).
_WINDOWS_REASONS = {
    32: "die Datei ist in einem anderen Programm geöffnet",  # ERROR_SHARING_VIOLATION
    33: "die Datei ist in einem anderen Programm geöffnet",  # ERROR_LOCK_VIOLATION
    39: "auf dem Datenträger ist kein Platz mehr",  # ERROR_HANDLE_DISK_FULL
    112: "auf dem Datenträger ist kein Platz mehr",  # ERROR_DISK_FULL
    5: "es fehlen die Schreibrechte",  # ERROR_ACCESS_DENIED
    19: "der Datenträger ist schreibgeschützt",  # ERROR_WRITE_PROTECT
    206: "der Dateiname oder Pfad ist zu lang",  # ERROR_FILENAME_EXCED_RANGE
    53: "das Netzlaufwerk ist nicht mehr erreichbar",  # ERROR_BAD_NETPATH
    64: "das Netzlaufwerk ist nicht mehr erreichbar",  # ERROR_NETNAME_DELETED
}
UNKNOWN_REASON = "das Betriebssystem hat den Zugriff abgelehnt"


def reason(exc: OSError) -> str:
    """Why an operation on a file failed, in German (never the system's English text)."""
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINDOWS_REASONS:
        return _WINDOWS_REASONS[winerror]
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"{UNKNOWN_REASON} (Fehler {exc.errno})" if exc.errno else UNKNOWN_REASON
