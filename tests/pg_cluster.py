"""A throwaway PostgreSQL cluster for the tests: the distribution's initdb/pg_ctl, a temporary
folder, a free loopback port, trust authentication for loopback only; stopped and deleted at the end.

PostgreSQL refuses to run as root: when the tests run as root, the server runs as the `postgres`
user (runuser), and its folder belongs to that user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Set by .ci/run: a machine without a PostgreSQL server fails the run instead of skipping.
REQUIRED_VARIABLE = "SROMOD_TEST_POSTGRES"
SUPERUSER = "sromod_test"


class NoPostgres(Exception):
    """No PostgreSQL server programs on this machine (or they would not start)."""


def server_bin() -> Path:
    """The folder holding initdb and pg_ctl: SROMOD_PG_BIN, the newest distribution server, PATH."""
    explicit = os.environ.get("SROMOD_PG_BIN")
    candidates = [explicit] if explicit else []
    patterns = [
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/opt/homebrew/opt/postgresql*/bin",
    ]
    if sys.platform == "win32":
        patterns = [os.path.expandvars(r"%ProgramFiles%\PostgreSQL\*\bin")]
    for pattern in patterns:
        candidates += sorted(glob.glob(pattern), key=_version_key, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        folder = Path(candidate)
        if (folder / _exe("initdb")).exists() and (folder / _exe("pg_ctl")).exists():
            return folder
    raise NoPostgres(
        "kein PostgreSQL-Server gefunden (initdb/pg_ctl; Debian/Ubuntu: "
        "apt-get install postgresql postgresql-contrib, oder SROMOD_PG_BIN setzen)"
    )


def _version_key(folder: str) -> tuple[int, ...]:
    digits = "".join(c if c.isdigit() else " " for c in folder).split()
    return tuple(int(d) for d in digits)


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """One running throwaway cluster; `url(database)` gives a SQLAlchemy URL into it."""

    def __init__(self, options: str = "", hba: Sequence[str] = ()) -> None:
        """options: more `-c name=value` for the server; hba: pg_hba.conf lines put first."""
        self.options = options
        self.hba = tuple(hba)
        self.bin = server_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="sromod-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._admin_connection: Any = None
        self._counter = 0
        self._owner_is_postgres = _as_root()
        if self._owner_is_postgres and sys.platform != "win32":  # root exists on POSIX only
            import pwd

            try:
                entry = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise NoPostgres(
                    "Tests laufen als root, aber es gibt keinen Nutzer postgres"
                ) from exc
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        os.chmod(self.folder, 0o700)

    def give_to_server(self, path: Path) -> None:
        """Make a file the server reads (a TLS key) its own: the server runs as postgres under root."""
        if self._owner_is_postgres and sys.platform != "win32":
            import pwd

            entry = pwd.getpwnam("postgres")
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _run(self, args: Sequence[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / _exe(args[0])), *args[1:]]
        if self._owner_is_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            command, capture_output=True, text=True, check=False, **kwargs
        )

    def start(self) -> None:
        done = self._run(
            [
                "initdb",
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        if done.returncode:
            raise NoPostgres(f"initdb scheiterte: {done.stderr.strip() or done.stdout.strip()}")
        if self.hba:
            hba = self.data / "pg_hba.conf"
            hba.write_text("\n".join(self.hba) + "\n" + hba.read_text(), encoding="utf-8")
        for _attempt in range(5):
            self.port = free_port()
            options = (
                f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
                # A throwaway cluster: durability buys nothing, speed does.
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                f"-c max_connections=200 {self.options}"
            )
            started = self._run(
                ["pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start"]
            )
            if started.returncode == 0:
                return
            time.sleep(0.2)  # the port was taken meanwhile: try another one
        raise NoPostgres(f"pg_ctl start scheiterte: {self.log_tail()}")

    def require_passwords(self, groups: Sequence[str]) -> None:
        """Members of these roles log in with their password (SCRAM), everyone else by trust."""
        hba = self.data / "pg_hba.conf"
        users = ",".join(f"+{group}" for group in groups)
        line = f"host all {users} 127.0.0.1/32 scram-sha-256\n"
        current = hba.read_text()
        if line not in current:
            hba.write_text(line + current)  # the first matching line decides
            self._admin().execute("SELECT pg_reload_conf()")

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> Any:
        if self._admin_connection is None:
            import psycopg

            self._admin_connection = psycopg.connect(
                self.url().replace("+psycopg", ""), autocommit=True
            )
        return self._admin_connection

    def fresh_name(self) -> str:
        self._counter += 1
        return f"sromod_test_{self._counter}"

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """Create a database (a copy of template, if given); return its URL."""
        copy = f" TEMPLATE {template}" if template else ""
        self._admin().execute(f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self._admin_connection is not None:
            self._admin_connection.close()
            self._admin_connection = None
        if self.port:
            self._run(["pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)


def db_argument(store: Any) -> str:
    """What --db takes for an open store: its file, or its server's URL (with any password)."""
    address = store.address
    return str(getattr(address, "url", address))


def required() -> bool:
    return os.environ.get(REQUIRED_VARIABLE, "").lower() in {"1", "required", "yes"}
