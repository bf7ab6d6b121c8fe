"""How a store is named when it is no file: a PostgreSQL server's URL, shown without its password.

Apart from server.py (which opens a register there), so that the Store in database.py can name
its server without importing the module that builds Stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class ServerAddress:
    """A server's URL that shows itself without its password (str(), f-strings, repr, logs)."""

    url: str = field(repr=False)

    def __str__(self) -> str:
        return masked(self.url)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def is_server_url(location: object) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a file."""
    if isinstance(location, ServerAddress):
        return True
    if not isinstance(location, str):
        return False
    scheme = location.split("://", 1)[0].split("+", 1)[0].lower()
    return "://" in location and scheme in SCHEMES


def masked(location: str | URL) -> str:
    """The URL without its password, for messages and the log."""
    try:
        url = make_url(location) if isinstance(location, str) else location
    except ArgumentError:
        return "(ungültige Serveradresse)"
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def server_display_name(address: ServerAddress) -> str:
    """ "sromod auf db.bezirk.example": the database and the host, no user, no password."""
    try:
        url = make_url(address.url)
    except ArgumentError:
        return str(address)
    return f"{url.database or ''} auf {url.host or 'localhost'}"
