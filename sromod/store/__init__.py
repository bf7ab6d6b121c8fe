"""Opening a database: engine, pragmas, migrations, backups, lock, integrity checks, clear errors."""

from sromod.store.database import Store
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
from sromod.store.filecheck import APPLICATION_ID, check_file
from sromod.store.opening import open_store

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
