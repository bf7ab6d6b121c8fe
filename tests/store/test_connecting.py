"""Connecting to a register: the password file, TLS with a CA file, one sentence per refusal."""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from sromod.services.reference import load_reference_data
from sromod.store import StoreError, open_store, pgpass
from sromod.store.address import Connection, ServerAddress, connection_of, password_of
from sromod.store.redact import ScrubbingFormatter, scrub
from tests.pg_cluster import free_port
from tests.pg_tls import DATABASE, LOGIN, PASSWORD, TlsServer


def _connection(server: TlsServer, ca: Path | None = None, **changes: object) -> Connection:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": server.port,
        "database": DATABASE,
        "user": LOGIN,
        "sslmode": "verify-full" if ca else "prefer",
        "sslrootcert": str(ca or ""),
    }
    values.update(changes)
    return Connection(**values)  # type: ignore[arg-type]


@pytest.fixture
def passfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "Zugänge mit Leerzeichen" / "pgpass.conf"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def test_a_remembered_password_is_one_escaped_line_for_the_owner_only(passfile: Path) -> None:
    connection = Connection("db.bezirk.example", 5433, "sromod", "anna")
    other = "anderer.server:5432:*:bert:geheim\n"
    passfile.parent.mkdir()
    passfile.write_text("# von der IT\n" + other)
    assert pgpass.remember_password(connection, PASSWORD) == passfile
    lines = passfile.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# von der IT", other.strip()]
    assert lines[2] == "db.bezirk.example:5433:sromod:anna:Ge\\:heim\\\\Wört 42"
    assert pgpass.stored_password(connection) == PASSWORD
    if sys.platform != "win32":
        assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    # Remembered again: replaced, not added.
    pgpass.remember_password(connection, "neu-789")
    assert pgpass.stored_password(connection) == "neu-789"
    assert len(passfile.read_text().splitlines()) == 3
    assert pgpass.forget_password(connection)
    assert pgpass.stored_password(connection) is None
    assert passfile.read_text().splitlines() == ["# von der IT", other.strip()]


def test_the_password_file_is_where_libpq_reads_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Jürgen Müller" / "AppData" / "Roaming"))
    expected = tmp_path / "Jürgen Müller" / "AppData" / "Roaming" / "postgresql" / "pgpass.conf"
    assert pgpass.password_file() == expected
    monkeypatch.setattr(sys, "platform", "linux")
    assert pgpass.password_file() == Path.home() / ".pgpass"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "eigene.conf"))
    assert pgpass.password_file() == tmp_path / "eigene.conf"


def test_a_connection_round_trips_through_its_url_with_a_ca_path_of_spaces_and_umlauts() -> None:
    ca = r"C:\Users\Jürgen Müller\CA des Bezirks.crt"
    connection = Connection("db.bezirk.example", 5433, "sromod", "anna", "verify-full", ca)
    address = connection.address("p@ss:wort/1")
    assert connection_of(address) == connection
    assert password_of(address) == "p@ss:wort/1"
    assert "p@ss" not in str(address) and "p@ss" not in repr(address)
    assert password_of(connection.address()) is None


def test_verify_full_with_the_right_ca_and_a_remembered_password_opens_the_register(
    tls_server: TlsServer, passfile: Path
) -> None:
    connection = _connection(tls_server, tls_server.ca_file)
    pgpass.remember_password(connection, PASSWORD)
    address = connection.address()  # no password: libpq reads the file
    with open_store(address, initialise=load_reference_data) as store, store.engine.connect() as c:
        in_use = c.execute(
            text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ).scalar_one()
    assert in_use is True


def test_the_wrong_ca_is_refused_with_a_german_sentence(tls_server: TlsServer) -> None:
    connection = _connection(tls_server, tls_server.wrong_ca_file)
    with pytest.raises(StoreError) as refused:
        open_store(connection.address(PASSWORD))
    message = str(refused.value)
    assert message.startswith("Das Zertifikat des Servers ")
    assert "lässt sich mit der gewählten CA-Datei nicht bestätigen" in message
    assert PASSWORD not in message


def test_a_missing_ca_file_is_named(tls_server: TlsServer, tmp_path: Path) -> None:
    connection = _connection(tls_server, tmp_path / "gibt es nicht.crt")
    with pytest.raises(StoreError, match=r"CA-Datei zur Prüfung des Servers .* fehlt"):
        open_store(connection.address(PASSWORD))


def test_a_wrong_password_and_a_closed_port_are_one_sentence_each(tls_server: TlsServer) -> None:
    with pytest.raises(StoreError) as refused:
        open_store(_connection(tls_server).address("falsch-falsch"))
    assert str(refused.value) == (
        f"Der Server postgresql://{LOGIN}:***@127.0.0.1:{tls_server.port}/{DATABASE} hat die "
        "Anmeldung abgelehnt (Name oder Passwort falsch)."
    )
    with pytest.raises(StoreError, match=r"ist nicht erreichbar\. Prüfen Sie"):
        open_store(_connection(tls_server, port=free_port()).address(PASSWORD))


def test_no_password_at_all_asks_for_one(tls_server: TlsServer, passfile: Path) -> None:
    with pytest.raises(StoreError, match="verlangt ein Passwort"):
        open_store(_connection(tls_server).address())


def test_scrub_hides_passwords_in_urls_key_values_and_every_one_seen() -> None:
    ServerAddress("postgresql://anna:Sehr-Geheim-1@db/sromod")
    line = (
        "Could not parse SQLAlchemy URL from string 'postgresql://anna:x9@db:abc/sromod' "
        "host=db password='a b' user=anna; later Sehr-Geheim-1 again"
    )
    assert scrub(line) == (
        "Could not parse SQLAlchemy URL from string 'postgresql://anna:***@db:abc/sromod' "
        "host=db password=*** user=anna; later *** again"
    )


def test_an_exception_quoting_the_url_is_logged_without_its_password(tmp_path: Path) -> None:
    address = ServerAddress("postgresql://anna:Nur-Im-Speicher@db/sromod")
    handler = logging.FileHandler(tmp_path / "sromod.log", encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter("%(message)s"))
    log = logging.getLogger("test.connecting")
    log.addHandler(handler)
    try:
        raise RuntimeError(f"connection failed for dsn {address.url!r}")  # as a library might
    except RuntimeError:
        log.exception("Verbindung gescheitert")
    finally:
        log.removeHandler(handler)
        handler.close()
    written = (tmp_path / "sromod.log").read_text(encoding="utf-8")
    assert "Verbindung gescheitert" in written and "RuntimeError" in written
    assert "Nur-Im-Speicher" not in written


def test_a_port_that_is_no_number_is_one_sentence_without_the_password() -> None:
    with pytest.raises(StoreError) as refused:
        open_store("postgresql://anna:Kein-Port-1@db:port/sromod")
    assert str(refused.value) == (
        "Die Serveradresse ist ungültig; sie hat die Form postgresql://NAME@SERVER:5432/DATENBANK."
    )
    assert refused.value.__suppress_context__


def test_the_command_line_takes_tls_settings_in_the_url(
    tls_server: TlsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from sromod import cli

    right = _connection(tls_server, tls_server.ca_file).address(PASSWORD).url
    assert "sslmode=verify-full" in right and "sslrootcert=" in right
    assert cli.main(["check", "--db", right]) == 0
    wrong = _connection(tls_server, tls_server.wrong_ca_file).address(PASSWORD).url
    assert cli.main(["check", "--db", wrong]) == 1
    err = capsys.readouterr().err
    assert "lässt sich mit der gewählten CA-Datei nicht bestätigen" in err
    assert PASSWORD not in err
