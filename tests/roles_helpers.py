"""A shared register with the three roles and a login of each: for tests of what each may do."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from sromod.cli import main
from sromod.services import tasks
from sromod.store import open_store
from sromod.store.server_roles import GROUPS
from tests.pg_cluster import Cluster

PASSWORD = "Geheim äöü ß 1"


@dataclass(frozen=True)
class Register:
    url: str
    cluster: Cluster
    own_task: str  # a task of Jug
    other_task: str  # a task of SGA

    def connect(self, login: str, password: str = PASSWORD) -> Any:
        database = self.url.rsplit("/", 1)[1]
        return psycopg.connect(
            host="127.0.0.1", port=self.cluster.port, dbname=database, user=login,
            password=password, autocommit=True,
        )  # fmt: skip


def add_user(monkeypatch: pytest.MonkeyPatch, url: str, name: str, role: str, *office: str) -> int:
    """`sromod server add-user`, the password on standard input as a script gives it."""
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    extra = ["--office", office[0]] if office else []
    return main(["server", "add-user", "--db", url, name, "--role", role, *extra])


def unique(prefix: str) -> str:
    """Logins belong to the whole server, which all tests share: each test takes new names."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def make_register(pg_cluster: Cluster, pg_url: str) -> Register:
    """A register after `server init`, with a task of Jug and one of SGA."""
    with open_store(pg_url) as store:
        from tests.services.helpers import office_id

        own = tasks.add_task(store, "Kitaplätze zählen", office_id=office_id(store, "Jug"))
        other = tasks.add_task(store, "Spielplatz prüfen", office_id=office_id(store, "SGA"))
    assert main(["server", "init", "--db", pg_url]) == 0
    pg_cluster.require_passwords(list(GROUPS.values()))
    return Register(pg_url, pg_cluster, own.id, other.id)


def make_logins(reg: Register, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A login of each role (the office lead's of Jug), by `sromod server add-user`."""
    names = {role: unique(role) for role in ("koordination", "amt", "lesen")}
    assert add_user(monkeypatch, reg.url, names["koordination"], "koordination") == 0
    assert add_user(monkeypatch, reg.url, names["amt"], "amt", "Jug") == 0
    assert add_user(monkeypatch, reg.url, names["lesen"], "lesen") == 0
    return names


def login_url(reg: Register, login: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The register's URL for a login; its password comes from the environment, as from a file."""
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    database = reg.url.rsplit("/", 1)[1]
    return f"postgresql://{login}@127.0.0.1:{reg.cluster.port}/{database}"


# Fixtures for the test modules that import them (`from tests.roles_helpers import role_logins,
# role_register`): `reg` is a register after `server init`, `logins` a login of each role.
@pytest.fixture(name="reg")
def role_register(pg_cluster: Cluster, pg_url: str) -> Register:
    return make_register(pg_cluster, pg_url)


@pytest.fixture(name="logins")
def role_logins(reg: Register, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    return make_logins(reg, monkeypatch)
