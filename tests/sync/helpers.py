"""Replicas of a test register, synced by the service the command line runs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sromod.services.replica import STATE_KEY, create_replica
from sromod.services.sync import sync_replica
from sromod.services.sync_pull import Outcome
from sromod.store import open_store


def make_replica(url: str, path: Path, *bodies: str) -> Path:
    with open_store(url, create=False) as server:
        create_replica(server, path, list(bodies))
    return path


def replica_id(path: Path) -> str:
    """The id the replica at path has on the register."""
    with sqlite3.connect(path) as raw:
        (value,) = raw.execute("SELECT value FROM settings WHERE key = ?", (STATE_KEY,)).fetchone()
    return str(json.loads(value)["replica_id"])


def sync(url: str, path: Path) -> Outcome:
    with open_store(url, create=False) as server, open_store(path, create=False) as replica:
        return sync_replica(server, replica)


# Steps at which a test makes a sync fail (sync_local.step names them).
STEPS = ("fetched", "pulling tasks", "pulled", "pushing decisions", "pushing tasks",
         "pushing task_events", "pushed", "settled")  # fmt: skip


class Killed(Exception):
    """A sync that died at a step."""


def fail_at(at: str | None) -> Callable[[str], None]:
    def hook(step: str) -> None:
        if step == at:
            raise Killed(step)

    return hook
