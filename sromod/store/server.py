"""A shared register on PostgreSQL (psycopg 3): opening, schema upgrade, clear errors.

The SQLite-only parts of opening (file checks, the lock file, pragmas, file backups) have no
counterpart here: the server guards its files itself, and pg_dump is the district's backup.
Concurrent first openers are serialised by an advisory lock, so the schema is created once.
Passwords never reach a message or the log: every URL shown is masked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from sromod.store import migrate
from sromod.store.address import ServerAddress, masked
from sromod.store.errors import MigrationFailed, NewerDatabase, NotASromodDatabase, StoreError
from sromod.store.pgpass import password_file
from sromod.store.refusals import Refusal, RefusalKind, refusal_text, refused
from sromod.store.reservations_pg import refusal_of
from sromod.store.server_roles import (
    Access,
    NotPermitted,
    access_of,
    renew_after_upgrade,
    role_refusal,
)

if TYPE_CHECKING:
    from sromod.store.database import Store

log = logging.getLogger(__name__)

SERVER_BACKUP_SENTENCE = (
    "Ein Register auf einem PostgreSQL-Server sichert die IT des Bezirks mit pg_dump und stellt "
    "es mit pg_restore wieder her (siehe docs/server.md); sromod schreibt dafür keine "
    "Sicherungsdateien."
)

APPLICATION_LOCK = 0x53524F4D  # "SROM": serialises schema creation and upgrades
CONNECT_TIMEOUT_SECONDS = 10
INSUFFICIENT_PRIVILEGE = "42501"


def engine_url(location: str) -> URL:
    """The SQLAlchemy URL with the psycopg 3 driver, whatever scheme the user wrote."""
    try:
        url = make_url(location)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        # from None: SQLAlchemy's message quotes the whole URL, password included
        raise refused(StoreError, Refusal(RefusalKind.BAD_ADDRESS)) from None
    return url.set(drivername="postgresql+psycopg")


def make_server_engine(location: str) -> Engine:
    url = engine_url(location)
    connect_args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "application_name": "sromod",
    }
    passfile = password_file()
    if "passfile" not in url.query and passfile.exists():
        # The file "Passwort merken" wrote, named explicitly: libpq looks for ~/.pgpass in the
        # account's home, which need not be the HOME sromod (and its tests) run with.
        connect_args["passfile"] = str(passfile)
    return create_engine(
        url,
        pool_pre_ping=True,  # a server restarted under an open window: reconnect, don't fail
        connect_args=connect_args,
    )


def open_server(
    address: ServerAddress | str,
    *,
    create: bool = True,
    initialise: Callable[[Store], None] | None = None,
) -> Store:
    """Open the shared register at address; create its schema in an empty database.

    Raises a StoreError with one German sentence when the server is unreachable, refuses the
    login, or holds another program's tables or a newer sromod's schema. The schema and the
    first filling (`initialise`) happen under an advisory lock: a second program opening the
    register at the same moment waits, then finds it complete.
    """
    from sromod.store.database import Store

    if isinstance(address, str):
        address = ServerAddress(address)
    engine = make_server_engine(address.url)
    try:
        try:
            engine.connect().close()
        except DBAPIError as exc:
            log.warning("Server not reachable: %s", address)
            raise _connection_error(connection_refusal(address.url, exc)) from None
        store = Store(None, engine, None, server=address)
        with _advisory_lock(engine):
            fresh, notes = _upgrade(engine, address, create=create)
            if fresh and initialise is not None:
                initialise(store)
        with engine.connect() as conn:
            store.access = access_of(conn)
        _refusals_in_german(engine, store.access)
        store.warnings.extend(notes)
        log.info("Shared register opened: %s", address)
        return store
    except BaseException:
        engine.dispose()
        raise


def _refusals_in_german(engine: Engine, access: Access) -> None:
    """A change the login's role does not allow (insufficient_privilege, which row-level
    security raises too) becomes one sentence; the transaction is rolled back as for any error."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        error = context.original_exception
        reservation = refusal_of(error)  # a meeting taken along, a void replica
        if reservation is not None:
            log.warning("Change refused by the server: %s", type(reservation).__name__)
            raise reservation from error
        if getattr(error, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            log.warning("Change refused by the server for %s: %s", access.login, error)
            raise NotPermitted(role_refusal(access, str(error))) from error


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    """Hold sromod's advisory lock on the server (released when the session ends, at the latest)."""
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": APPLICATION_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": APPLICATION_LOCK})
            conn.commit()


def _upgrade(engine: Engine, address: ServerAddress, *, create: bool) -> tuple[bool, list[str]]:
    """Check the database and bring its schema to head; (was it empty, notes for the user)."""
    with engine.connect() as conn:
        revision = _revision_or_foreign(conn, address)
    if revision == migrate.head_revision():
        return False, []
    if revision is None and not create:
        raise StoreError(f"Im Register {address} gibt es noch keine sromod-Daten.")
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerDatabase(
            f"Das Register {address} wurde mit einer neueren sromod-Version eingerichtet. "
            "Bitte installieren Sie die aktuelle Version von sromod; das Register bleibt "
            "unverändert."
        )
    try:
        notes = migrate.upgrade(engine)
        if revision is not None:  # new tables and columns get the roles' grants
            renew_after_upgrade(engine)
    except StoreError:
        raise
    except Exception as exc:
        log.exception("Upgrade of the shared register failed")
        raise MigrationFailed(
            f"Das Register {address} konnte nicht aktualisiert werden; jeder nicht "
            "abgeschlossene Schritt wurde zurückgenommen."
        ) from exc
    return revision is None, notes


def _revision_or_foreign(conn: Connection, address: ServerAddress) -> str | None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise NotASromodDatabase(
                f"Die Datenbank {address} enthält Tabellen eines anderen Programms "
                "und ist kein sromod-Register."
            )
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


class LoginRefused(StoreError):
    """The server refused the login: a wrong password, or a login it no longer has."""


class PasswordNeeded(StoreError):
    """The server wants a password and none was given (none in the URL, the password file or
    PGPASSWORD): the window asks for it."""


def unreachable_message(location: str, error: DBAPIError) -> str:
    """One German sentence for a server that is down, unknown, refuses the login or the TLS check."""
    return refusal_text(connection_refusal(location, error))


def connection_refusal(location: str, error: DBAPIError) -> Refusal:
    """Why the server could not be reached or refused the connection, as data."""
    detail = str(getattr(error, "orig", error)).lower()
    where = masked(location)
    for clues, kind in _REFUSALS:
        if any(all(word in detail for word in clue) for clue in clues):
            return Refusal(kind, value=where)
    return Refusal(RefusalKind.UNREACHABLE, value=where)


def _connection_error(refusal: Refusal) -> StoreError:
    kinds: dict[RefusalKind, type[StoreError]] = {
        RefusalKind.LOGIN_REFUSED: LoginRefused,
        RefusalKind.PASSWORD_NEEDED: PasswordNeeded,
    }
    return refused(kinds.get(refusal.kind, StoreError), refusal)


# (libpq's words, any of which tells it; the refusal): the TLS checks before the login, since a
# refused certificate ends the attempt before any password is sent.
_REFUSALS: tuple[tuple[tuple[tuple[str, ...], ...], RefusalKind], ...] = (
    (
        (("certificate verify failed",), ("certificate", "not yet valid"), ("expired",)),
        RefusalKind.CERT_UNVERIFIED,
    ),
    ((("does not match host name",),), RefusalKind.CERT_OTHER_HOST),
    (
        (("root certificate file",), ("could not read root certificate",)),
        RefusalKind.CA_MISSING,
    ),
    ((("does not support ssl",),), RefusalKind.NO_TLS),
    ((("no password supplied",),), RefusalKind.PASSWORD_NEEDED),
    (
        (("password",), ("authentication",), ("passwort",), ("authentifizierung",), ("role",)),
        RefusalKind.LOGIN_REFUSED,
    ),
    (
        (("database", "does not exist"), ("datenbank", "existiert nicht")),
        RefusalKind.NO_DATABASE,
    ),
)
