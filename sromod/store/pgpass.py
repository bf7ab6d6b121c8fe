"""PostgreSQL's password file: where sromod keeps a register's password when asked to remember it.

The file libpq itself reads (PGPASSFILE, else %APPDATA%\\postgresql\\pgpass.conf on Windows and
~/.pgpass elsewhere), so psql and pg_dump find the same password, and sromod's own settings never
hold one. On POSIX the file is the owner's only (0600; libpq ignores a file others can read);
on Windows the user's profile folder keeps others out. Each line is
host:port:database:user:password, with ':' and '\\' escaped by a backslash.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sromod.store.address import Connection

COMMENT = "#"


def password_file() -> Path:
    """The file libpq reads: PGPASSFILE, or the platform's default place."""
    explicit = os.environ.get("PGPASSFILE")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    """A line's fields, unescaped (a backslash takes the next character as it is)."""
    fields: list[str] = []
    current, escaped = "", False
    for char in line:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            fields.append(current)
            current = ""
        else:
            current += char
    return [*fields, current]


def _key(connection: Connection) -> list[str]:
    return [connection.host, str(connection.port), connection.database, connection.user]


def stored_password(connection: Connection, path: Path | None = None) -> str | None:
    """The password the file holds for exactly this server, database and user, if any."""
    for line in _lines(path or password_file()):
        fields = _fields(line)
        if len(fields) == 5 and fields[:4] == _key(connection):
            return fields[4]
    return None


def remember_password(connection: Connection, password: str, path: Path | None = None) -> Path:
    """Write (or replace) this connection's line; other lines stay as they were."""
    target = path or password_file()
    line = ":".join(_escape(f) for f in [*_key(connection), password])
    _write(target, [*_others(target, connection), line])
    return target


def forget_password(connection: Connection, path: Path | None = None) -> bool:
    """Remove this connection's line (True if there was one); other lines stay."""
    target = path or password_file()
    lines = _lines(target)
    others = _others(target, connection)
    if len(others) == len(lines):
        return False
    _write(target, others)
    return True


def _others(path: Path, connection: Connection) -> list[str]:
    return [line for line in _lines(path) if _fields(line)[:4] != _key(connection)]


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line.strip()]


def _write(path: Path, lines: list[str]) -> None:
    """Replace the file whole: written beside it as the owner's only, then moved in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".neu")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write("".join(line + "\n" for line in lines))
        if os.name == "posix":
            os.chmod(partial, 0o600)  # whatever the umask made of it
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
