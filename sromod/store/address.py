"""How a store is named when it is no file: a PostgreSQL server's URL, shown without its password.

Apart from server.py (which opens a register there), so that the Store in database.py can name
its server without importing the module that builds Stores. SQLAlchemy is imported only when a
URL is taken apart: the window's start names its store before it loads the database machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from sromod.store.redact import remember_secret

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
# libpq's TLS modes: "verify-full" checks the certificate against the CA file and the host name.
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")


@dataclass(frozen=True)
class ServerAddress:
    """A server's URL that shows itself without its password (str(), f-strings, repr, logs)."""

    url: str = field(repr=False)

    def __post_init__(self) -> None:
        # Whatever a library later puts into an exception, the log leaves this password out.
        try:
            password = urlsplit(self.url).password
        except ValueError:  # a port that is no number: the URL is refused on opening
            return
        if password:
            remember_secret(password)
            remember_secret(unquote(password))

    def __str__(self) -> str:
        return masked(self.url)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass(frozen=True)
class Connection:
    """What the connection dialog asks for and the settings keep: everything but the password."""

    host: str = "localhost"
    port: int = DEFAULT_PORT
    database: str = "sromod"
    user: str = ""
    sslmode: str = "prefer"
    sslrootcert: str = ""  # the CA certificate file that signed the server's certificate

    def address(self, password: str | None = None) -> ServerAddress:
        """The register's URL; without a password, libpq reads it from the password file."""
        from sqlalchemy.engine import URL

        query = {"sslmode": self.sslmode} if self.sslmode != "prefer" else {}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        url = URL.create(
            "postgresql",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database,
            query=query,
        )
        return ServerAddress(url.render_as_string(hide_password=False))


def connection_of(address: ServerAddress) -> Connection:
    """The parts of a register's URL (its password left out)."""
    from sqlalchemy.engine import make_url

    url = make_url(address.url)
    query = url.query
    return Connection(
        host=url.host or "localhost",
        port=url.port or DEFAULT_PORT,
        database=url.database or "",
        user=url.username or "",
        sslmode=str(query.get("sslmode", "prefer")),
        sslrootcert=str(query.get("sslrootcert", "")),
    )


def password_of(address: ServerAddress) -> str | None:
    """The password given in the URL, if any (for the password file, never for a message)."""
    from sqlalchemy.engine import make_url

    password = make_url(address.url).password
    return str(password) if password else None


def is_server_url(location: object) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a file."""
    if isinstance(location, ServerAddress):
        return True
    if not isinstance(location, str):
        return False
    scheme = location.split("://", 1)[0].split("+", 1)[0].lower()
    return "://" in location and scheme in SCHEMES


def masked(location: str | URL) -> str:
    """The URL without its password (and its TLS options: too long for a sentence), for messages."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(location) if isinstance(location, str) else location
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        return "(ungültige Serveradresse)"
    return url.set(drivername="postgresql", query={}).render_as_string(hide_password=True)


def server_display_name(address: ServerAddress) -> str:
    """ "sromod auf db.bezirk.example": the database and the host, no user, no password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(address.url)
    except (ArgumentError, ValueError):
        return str(address)
    return f"{url.database or ''} auf {url.host or 'localhost'}"
