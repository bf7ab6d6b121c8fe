"""A local change as the push sends it, and what the register did with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sromod.services.server_import_report import Renumbered
from sromod.services.sync_rows import Row

INSERT, UPDATE, DELETE = "insert", "update", "delete"
# Columns the register fills itself on insert: the history's author is the login that pushes
# (the replica's file knows only the computer's user), as for every change made on the server.
SERVER_FILLED = {"task_events": ("author",)}
APPLIED_NOW, ALREADY, STALE, REFUSED, DUPLICATE, HELD = (
    "applied", "already", "stale", "refused", "duplicate", "held",
)  # fmt: skip
WAITS = "waits"  # a held deletion whose owner's deletion met a change: the next sync decides


@dataclass
class LocalChange:
    change_id: str
    table: str
    row_id: str
    operation: str
    values: Row  # insert: the whole row; update: the changed fields; delete: its owners' ids
    base_version: int | None
    changed_at: str


@dataclass
class Result:
    status: str
    version: int | None = None  # the row's version in the register afterwards
    renumbered: Renumbered | None = None
    values: Row = field(default_factory=dict)  # fields the register gave other values
    server_row: Row | None = None  # refused: the register's row as it stands
    reason: str = ""
