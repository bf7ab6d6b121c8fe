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


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = open_store(store_path, initialise=load_reference_data)
    try:
        yield opened
    finally:
        opened.close()
