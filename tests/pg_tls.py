"""A throwaway PostgreSQL with TLS and a password login, for the tests of connecting.

The certificates are made here with the openssl program: a certificate authority of the test's
own, a server certificate it signed (for 127.0.0.1 and localhost), and a second authority that
signed nothing (the wrong CA a user might pick).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.pg_cluster import Cluster, NoPostgres

LOGIN = "anna"
# ':' and '\\' need escaping in a password file; an umlaut and a space are read back too.
PASSWORD = "Ge:heim\\Wört 42"
DATABASE = "register"


@dataclass
class TlsServer:
    cluster: Cluster
    ca_file: Path  # the authority that signed the server's certificate
    wrong_ca_file: Path  # another authority

    @property
    def port(self) -> int:
        return self.cluster.port


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise NoPostgres(f"openssl scheiterte: {done.stderr.strip()[-300:]}")


def make_authority(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate authority: (certificate, key)."""
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        f"/CN={name}", "-keyout", key.name, "-out", cert.name, cwd=folder,
    )  # fmt: skip
    return cert, key


def make_server_certificate(folder: Path, ca: tuple[Path, Path]) -> tuple[Path, Path]:
    """A server certificate for 127.0.0.1 and localhost, signed by ca."""
    cert, key, request = folder / "server.crt", folder / "server.key", folder / "server.csr"
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
        "-keyout", key.name, "-out", request.name, cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", request.name, "-CA", str(ca[0]), "-CAkey", str(ca[1]),
        "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", cert.name, cwd=folder,
    )  # fmt: skip
    return cert, key


def start_tls_server(folder: Path) -> TlsServer:
    """The cluster with TLS on, `anna` logging in by password; its register made at head."""
    if shutil.which("openssl") is None:
        raise NoPostgres("kein openssl-Programm, um die Testzertifikate zu erzeugen")
    ca = make_authority(folder, "test-ca")
    wrong_ca, _ = make_authority(folder, "fremde-ca")
    cluster = Cluster(hba=[f"host all {LOGIN} 127.0.0.1/32 scram-sha-256"])
    cert, key = make_server_certificate(folder, ca)
    for path in (cert, key):
        served = cluster.folder / path.name
        shutil.copyfile(path, served)
        served.chmod(0o600)
        cluster.give_to_server(served)
    cluster.options = (
        f"-c ssl=on -c ssl_cert_file={cluster.folder / cert.name} "
        f"-c ssl_key_file={cluster.folder / key.name}"
    )
    try:
        cluster.start()
        admin = cluster._admin()
        escaped = PASSWORD.replace("'", "''")
        admin.execute(f"CREATE ROLE {LOGIN} LOGIN SUPERUSER PASSWORD '{escaped}'")
        admin.execute(f"CREATE DATABASE {DATABASE} OWNER {LOGIN}")
    except BaseException:
        cluster.stop()
        raise
    return TlsServer(cluster, ca[0], wrong_ca)
