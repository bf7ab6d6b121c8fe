"""The lock file (user, host, process) and the log are the owner's only (0600, folder 0700)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from pathlib import Path

import pytest

from sromod import app
from sromod.store import open_store
from sromod.store.lock import lock_path_for
from tests.store.files import store_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_lock_file_is_readable_by_its_owner_only(store_path: Path) -> None:
    with open_store(store_path) as opened:
        lock = lock_path_for(store_file(opened))
        assert "pid" in lock.read_text(encoding="utf-8")
        assert _mode(lock) == 0o600


def test_a_world_readable_lock_file_of_an_older_sromod_is_narrowed(store_path: Path) -> None:
    open_store(store_path).close()
    lock = lock_path_for(store_path)
    lock.chmod(0o644)
    with open_store(store_path):
        assert _mode(lock) == 0o600


def test_log_folder_and_every_log_file_are_the_owners_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "state" / "sromod" / "log"
    monkeypatch.setattr(app, "log_dir", lambda: folder)
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    old_umask = os.umask(0o022)  # the usual desktop umask: 0644 files, 0755 folders
    try:
        path = app.configure_logging()
    finally:
        os.umask(old_umask)
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    )
    try:
        logging.getLogger("sromod.test").info("Eintrag")
        assert (_mode(folder), _mode(path)) == (0o700, 0o600)
        handler.doRollover()  # the next file after a rollover too
        logging.getLogger("sromod.test").info("Eintrag")
        assert _mode(path) == 0o600 and _mode(path.with_name("sromod.log.1")) == 0o600
    finally:
        handler.close()


def test_the_log_speaks_again_after_a_library_disabled_the_loggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = logging.getLogger("sromod.test.silenced")
    monkeypatch.setattr(app, "log_dir", lambda: tmp_path / "protokoll")
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    # What dictConfig/fileConfig with disable_existing_loggers do to every earlier logger (a real
    # dictConfig here would also close pytest's own handlers).
    monkeypatch.setattr(log, "disabled", True)
    path = app.configure_logging()
    try:
        log.error("Nach dictConfig")
    finally:
        for handler in logging.getLogger().handlers:
            handler.close()
    assert "Nach dictConfig" in path.read_text(encoding="utf-8")
