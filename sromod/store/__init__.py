"""Opening a database: engine, pragmas, migrations, backups, lock, integrity checks, clear errors.

The names below are loaded when first asked for: the window's start reads its settings and the
store's location (`sromod.store.location`, `.address`) and paints before SQLAlchemy is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sromod.store.errors import (
    DamagedDatabase,
    EmptyFile,
    MigrationFailed,
    NewerDatabase,
    NotASromodDatabase,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
    StoreWriteError,
    TargetNotAStore,
)

if TYPE_CHECKING:
    from sromod.store.database import Store
    from sromod.store.filecheck import APPLICATION_ID, check_file
    from sromod.store.opening import open_store

_LOADED_WHEN_ASKED = {
    "Store": "sromod.store.database",
    "APPLICATION_ID": "sromod.store.filecheck",
    "check_file": "sromod.store.filecheck",
    "open_store": "sromod.store.opening",
}

__all__ = [
    "APPLICATION_ID",
    "DamagedDatabase",
    "EmptyFile",
    "MigrationFailed",
    "NewerDatabase",
    "NotASromodDatabase",
    "ReadOnlyStore",
    "Store",
    "StoreError",
    "StoreLocked",
    "StoreWriteError",
    "TargetNotAStore",
    "check_file",
    "open_store",
]


def __getattr__(name: str) -> Any:
    home = _LOADED_WHEN_ASKED.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
