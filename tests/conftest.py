"""Shared fixtures: a fresh store with reference data for every test, Qt on the offscreen platform."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import platformdirs
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The environment as the test run found it: the user's real folders (a test checks they stay
# untouched).
ORIGINAL_ENVIRON = dict(os.environ)

# The folders platformdirs and Qt take the user's data, log, settings and documents from.
USER_FOLDER_VARIABLES = {
    "HOME": "home",
    "USERPROFILE": "home",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "LOCALAPPDATA": "localappdata",
    "APPDATA": "appdata",
}

from sromod.services.reference import load_reference_data  # noqa: E402
from sromod.store import Store, open_store  # noqa: E402
from tests.pg_cluster import REQUIRED_VARIABLE, Cluster, NoPostgres, required  # noqa: E402
from tests.pg_tls import TlsServer, start_tls_server  # noqa: E402

# The engines a store can run on. Tests marked `both_engines` (and every test under the
# folders below) that use the `store` fixture run once on each.
# SROMOD_TEST_ENGINES=sqlite narrows that to one engine (say, for a quick run while working).
ENGINES = tuple(
    engine
    for engine in ("sqlite", "postgresql")
    if engine in os.environ.get("SROMOD_TEST_ENGINES", "sqlite,postgresql").split(",")
)
BOTH_ENGINES_FOLDERS: tuple[str, ...] = ("tests/services", "tests/exports")
TEMPLATE_DATABASE = "sromod_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_engines: run the test's `store` on SQLite and on PostgreSQL"
    )
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test is about the SQLite file itself (its bytes, its backups)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store" not in metafunc.fixturenames or metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        return
    in_folder = any(
        Path(str(metafunc.definition.path)).as_posix().find(f"/{folder}/") >= 0
        for folder in BOTH_ENGINES_FOLDERS
    )
    if in_folder or metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("store_engine", ENGINES)


@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the whole test run, subprocesses included, out of the user's real folders.

    Without this, a command-line test logged into ~/.local/state/sromod/log/sromod.log.
    """
    root = tmp_path_factory.mktemp("benutzer")
    with pytest.MonkeyPatch.context() as patch:
        for variable, folder in USER_FOLDER_VARIABLES.items():
            (root / folder).mkdir(exist_ok=True)
            patch.setenv(variable, str(root / folder))
        # On Windows platformdirs asks the system, not the environment: pin it in this process.
        patch.setattr(platformdirs, "user_data_dir", partial(_folder, root / "data" / "sromod"))
        patch.setattr(
            platformdirs, "user_log_dir", partial(_folder, root / "state" / "sromod" / "log")
        )
        yield root


def _folder(path: Path, *_args: object, **_kwargs: object) -> str:
    return str(path)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "sromod.db"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for the whole run (skipped where none can be started).

    With SROMOD_TEST_POSTGRES=required (set by .ci/run) a missing server fails the run.
    """
    try:
        cluster = Cluster()
        cluster.start()
    except NoPostgres as exc:
        if required():
            pytest.fail(f"PostgreSQL wird gebraucht ({REQUIRED_VARIABLE}=required): {exc}")
        pytest.skip(f"PostgreSQL-Tests übersprungen: {exc}")
    try:
        with open_store(cluster.create_database(TEMPLATE_DATABASE), initialise=load_reference_data):
            pass  # migrated and filled once; every test's database is a copy of it
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a fresh register (migrated, with reference data) on the test cluster."""
    name = pg_cluster.fresh_name()
    url = pg_cluster.create_database(name, template=TEMPLATE_DATABASE)
    try:
        yield url
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture
def store_engine() -> str:
    """The engine of the `store` fixture: SQLite, unless the test is parametrised over both."""
    return "sqlite"


@pytest.fixture
def store(request: pytest.FixtureRequest, store_engine: str, store_path: Path) -> Iterator[Store]:
    if store_engine == "postgresql":
        opened = open_store(request.getfixturevalue("pg_url"))
    else:
        opened = open_store(store_path, initialise=load_reference_data)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    """A second throwaway cluster with TLS on and a password login (tests of connecting)."""
    try:
        server = start_tls_server(tmp_path_factory.mktemp("tls"))
    except NoPostgres as exc:
        if required():
            pytest.fail(f"PostgreSQL mit TLS wird gebraucht ({REQUIRED_VARIABLE}=required): {exc}")
        pytest.skip(f"TLS-Tests übersprungen: {exc}")
    try:
        yield server
    finally:
        server.cluster.stop()
