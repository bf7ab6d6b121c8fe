"""Security of replicas: TLS off loopback, void replicas, removed logins, owner-only files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import psycopg
import pytest

from sromod.cli import main
from sromod.services.replica_security import (
    is_loopback,
    list_replicas,
    tls_refusal,
)
from sromod.services.reservations import begin_push, check_replica, reservation_of
from sromod.store import open_store
from sromod.store.reservations_pg import ReplicaVoid
from tests.roles_helpers import (
    Register,
    add_user,
    login_url,
    role_logins,  # noqa: F401 (fixture)
    role_register,  # noqa: F401 (fixture)
    unique,
)
from tests.sync.test_reservations import _meeting, _state, _take, plain


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://anna@127.0.0.1:5432/sromod",
        "postgresql://anna@127.0.0.2/sromod",
        "postgresql://anna@localhost/sromod",
        "postgresql://anna@[::1]:5432/sromod",
        "postgresql://anna@/sromod",  # the local socket
        "postgresql://anna@/sromod?host=/var/run/postgresql",
        "postgresql://anna@db.bezirk.example/sromod?sslmode=verify-full&sslrootcert=ca.crt",
        "postgresql://anna@10.1.2.3/sromod?sslmode=verify-ca",
    ],
)
def test_a_sync_may_go_to_loopback_or_over_verified_tls(url: str) -> None:
    assert tls_refusal(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://anna@db.bezirk.example/sromod",  # libpq's default: prefer
        "postgresql://anna@db.bezirk.example/sromod?sslmode=disable",
        "postgresql://anna@10.1.2.3/sromod?sslmode=prefer",
        "postgresql://anna@10.1.2.3/sromod?sslmode=require",  # encrypted, but to anyone
        "postgresql://anna@[2001:db8::1]/sromod?sslmode=allow",
        "postgresql://anna@localhost.example.org/sromod",
    ],
)
def test_a_sync_elsewhere_without_a_verified_certificate_is_refused(url: str) -> None:
    refusal = tls_refusal(url)
    assert refusal is not None
    assert refusal.startswith("Abgleichen mit postgresql://anna@")
    assert "sslmode=verify-full" in refusal and "es wurde keine Verbindung aufgebaut" in refusal


def test_loopback_names() -> None:
    assert is_loopback("127.8.0.1") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("192.168.0.1") and not is_loopback("server")


def test_the_command_refuses_plain_text_before_connecting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replica = tmp_path / "replik.db"
    # A name that resolves nowhere: had sromod connected, it would say "nicht erreichbar".
    url = "postgresql://anna:geheim@sromod-test.invalid/sromod?sslmode=require"
    assert main(["sync", "--db", str(replica), "--server", url, "--body", "AG SRO"]) == 1
    err = capsys.readouterr().err
    assert "geht nur verschlüsselt mit geprüftem Zertifikat" in err
    assert "Verbinde mit" not in err and "geheim" not in err
    assert not replica.exists()


def test_a_sync_over_verified_tls_is_not_refused(
    tls_server: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pg_tls import DATABASE, LOGIN, TlsServer

    assert isinstance(tls_server, TlsServer)
    url = (
        f"postgresql://{LOGIN}@localhost:{tls_server.port}/{DATABASE}?sslmode=verify-full"
        f"&sslrootcert={tls_server.wrong_ca_file}"
    )
    replica = tmp_path / "replik.db"
    assert main(["sync", "--db", str(replica), "--server", url, "--body", "AG SRO"]) == 1
    # sromod connected (TLS checked by libpq): the wrong CA is the server's refusal, not sromod's
    assert "lässt sich mit der gewählten CA-Datei nicht bestätigen" in capsys.readouterr().err


def test_the_first_copy_registers_the_replica_for_its_login(
    reg: Register, logins: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _meeting(reg.url)
    replica = tmp_path / "amt.db"
    url = login_url(reg, logins["amt"], monkeypatch)
    umask = os.umask(0)  # a careless umask: the file is owner-only all the same
    try:
        assert main(["sync", "--db", str(replica), "--server", url, "--body", "StR Nord"]) == 0
    finally:
        os.umask(umask)
    replica_id = _state(replica)["replica_id"]
    with open_store(reg.url, create=False) as store:
        (entry,) = list_replicas(store)
    assert (entry.id, entry.login, entry.scope, entry.void_at) == (
        replica_id, logins["amt"], "StR Nord", None
    )  # fmt: skip
    if os.name == "posix":  # owner-only, whatever the umask
        assert stat.S_IMODE(replica.stat().st_mode) == 0o600


def test_a_void_replica_is_refused_and_its_meeting_released(
    reg: Register, logins: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    rows = _meeting(reg.url)
    replica = _take(tmp_path, reg, logins["koordination"], monkeypatch)
    replica_id = str(_state(replica)["replica_id"])
    amt = login_url(reg, logins["amt"], monkeypatch)
    assert main(["server", "void-replica", "--db", amt, replica_id]) == 1
    assert "Nur eine Anmeldung der Koordination darf" in capsys.readouterr().err
    assert main(["server", "void-replica", "--db", reg.url, "nicht-da"]) == 1
    assert "Eine Replik mit der ID „nicht-da“ kennt das Register nicht" in capsys.readouterr().err

    assert main(["server", "void-replica", "--db", reg.url, replica_id, "--grund",
                 "Laptop im Zug verloren"]) == 0  # fmt: skip
    assert f"Replik {replica_id}" in capsys.readouterr().out
    assert main(["server", "replicas", "--db", reg.url]) == 0
    assert "UNGÜLTIG seit" in capsys.readouterr().out

    holder = login_url(reg, logins["koordination"], monkeypatch)
    with open_store(holder, create=False) as store:
        assert reservation_of(store, rows["meeting"]) is None  # released with the replica
        with store.engine.connect() as conn, pytest.raises(ReplicaVoid) as caught:
            check_replica(conn, replica_id)
        assert "für ungültig erklärt" in str(caught.value)
        with store.engine.begin() as conn, pytest.raises(ReplicaVoid):  # the server refuses too
            begin_push(conn, replica_id)
    with psycopg.connect(plain(reg.url)) as admin:
        why = admin.execute(
            "SELECT p.void_reason, r.ended_how, r.reason FROM replicas p "
            "JOIN meeting_reservations r ON r.replica_id = p.id WHERE p.id = %s",
            (replica_id,),
        ).fetchone()
    assert why == ("Laptop im Zug verloren", "released", "Replik ungültig: Laptop im Zug verloren")


def test_a_removed_login_cannot_sync(
    reg: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _meeting(reg.url)
    login = unique("weg")
    assert add_user(monkeypatch, reg.url, login, "koordination") == 0
    with psycopg.connect(plain(reg.url), autocommit=True) as admin:
        admin.execute("DELETE FROM register_logins WHERE login = %s", (login,))
        admin.execute(f'DROP ROLE "{login}"')
    replica = tmp_path / "replik.db"
    url = login_url(reg, login, monkeypatch)
    capsys.readouterr()
    assert main(["sync", "--db", str(replica), "--server", url, "--body", "StR Nord"]) == 1
    err = capsys.readouterr().err
    assert f"Der Server hat die Anmeldung „{login}“ abgelehnt: es gibt sie dort nicht mehr" in err
    assert "Replik nicht abgleichen; sie bleibt unverändert" in err
    assert not replica.exists()
