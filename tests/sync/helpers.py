"""Replicas of a test register, synced by the service the command line runs."""

from __future__ import annotations

from pathlib import Path

from sromod.services.replica import create_replica
from sromod.services.sync import sync_replica
from sromod.services.sync_pull import Outcome
from sromod.store import open_store


def make_replica(url: str, path: Path, *bodies: str) -> Path:
    with open_store(url, create=False) as server:
        create_replica(server, path, list(bodies))
    return path


def sync(url: str, path: Path) -> Outcome:
    with open_store(url, create=False) as server, open_store(path, create=False) as replica:
        return sync_replica(server, replica)
