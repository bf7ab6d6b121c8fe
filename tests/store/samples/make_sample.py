"""Write a sample store at the current schema revision: `python -m tests.store.samples.make_sample`.

Run it before adding a migration (with the code still at the old revision) and commit the file:
`test_samples.py` upgrades every stored sample to head and checks that nothing was lost.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sromod.services.reference import load_reference_data
from sromod.store import migrate, open_store
from sromod.store.check import backup_store
from tests.crash import writer

HERE = Path(__file__).resolve().parent


def make_sample(folder: Path = HERE) -> Path:
    target = folder / f"sromod-{migrate.head_revision()}.sqlite"
    if target.exists():
        raise SystemExit(f"{target} gibt es schon.")
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "sample.db"
        with open_store(db, initialise=load_reference_data) as store:
            writer.prepare(store)
        writer.run(db, seed=2026, emit=lambda _line: None, limit=80)
        backup_store(db, target)
    return target


if __name__ == "__main__":
    print(make_sample(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
