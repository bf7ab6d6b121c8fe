"""Opening a database: engine, pragmas, migrations, backups, lock, integrity checks, clear errors."""

from sromod.store.database import APPLICATION_ID, Store, check_file, open_store
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
