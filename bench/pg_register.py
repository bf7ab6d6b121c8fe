"""The shared register on PostgreSQL: twelve districts' decade, filtered and searched.

    python3 -m bench.pg_register                 a throwaway cluster, filled, measured, removed
    python3 -m bench.pg_register --db URL        an empty database of your own (filled once, kept;
                                                 give its server shared_buffers = 2GB, as here)
    python3 -m bench.pg_register --keep          the throwaway cluster stays running afterwards;
                                                 its URL is printed: later runs take it with --db
                                                 and only measure
    python3 -m bench.pg_register --districts 1   one district: the machinery in a minute

The register holds the district decade of ``sromod demo --scale 10`` (the SQLite benchmark's
store) twelve times over, as twelve districts with their own offices, regions, bodies and people
(about 600,000 tasks). It is filled with COPY, the search index built once at the end. Then the
figures (b) filter and (c) search of ``bench.run`` are measured on it, and on the SQLite store of
one district in the same run, and printed side by side. Not part of CI: filling takes minutes.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import figures
from bench.figures import Figure
from bench.prepare import CACHE_DIR, cached_store

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Table

    from sromod.store import Store

Retouch = Callable[[list[str], list[Any], int], None]
RESULTS_FILE = CACHE_DIR / "pg-results.md"
DISTRICTS = 12
SHARED_BUFFERS = "2GB"
SEQ_STRIDE = 100_000  # district k numbers its tasks of a year from k * stride on


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m bench.pg_register", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--db", help="an empty PostgreSQL database (default: throwaway cluster)")
    parser.add_argument("--districts", type=int, default=DISTRICTS, help="districts (default 12)")
    parser.add_argument("--scale", type=int, default=10, help="years per district (default 10)")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument(
        "--keep", action="store_true", help="leave the throwaway cluster running (reuse: --db)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    source = cached_store(args.scale)
    with _register(args.db, keep=args.keep) as url:
        seconds = fill(url, source, args.districts)
        text = measure(url, source, args.runs, args.districts, seconds)
    print(text)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(text + "\n", encoding="utf-8")
    return 0


@contextmanager
def _register(url: str | None, *, keep: bool = False) -> Iterator[str]:
    if url:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.pg_cluster import Cluster

    cluster = Cluster()
    cluster.start()
    made = ""
    try:
        made = cluster.create_database("sromod_bench")
        _tune(cluster, made)
        yield made
    finally:
        if keep and made:
            print(_kept(cluster, made), flush=True)
        else:
            cluster.stop()


def _kept(cluster: Any, url: str) -> str:
    stop = f"pg_ctl -D {cluster.data} -m fast stop"
    return f"Cluster läuft weiter: --db {url}\nBeenden: {stop}; dann {cluster.folder} löschen"


def _tune(cluster: Any, url: str) -> None:
    """A server's cache as a district's IT would size it: the register's tables and indexes fit.

    The throwaway cluster of the tests keeps PostgreSQL's default of 128 MB; twelve districts
    take about 3 GB, and with 128 MB each search reads its matches from the disk cache again.
    """
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f"ALTER SYSTEM SET shared_buffers = '{SHARED_BUFFERS}'")
    restart = ["pg_ctl", "-D", str(cluster.data), "-l", str(cluster.log), "-w", "restart"]
    done = cluster._run([*restart, "-m", "fast"])
    if done.returncode:
        raise RuntimeError(f"pg_ctl restart: {done.stderr or done.stdout}")


# --- filling -------------------------------------------------------------------------------------


def fill(url: str, source: Path, districts: int) -> float | None:
    """Twelve copies of the district store in the register; None when it was filled before."""
    from sqlalchemy import text

    from sromod.store import open_store

    with open_store(url) as store:  # the schema, by the same migrations as every register
        with store.engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM bodies")).scalar_one():
                print("Register schon gefüllt: es wird nur gemessen.", flush=True)
                return None
        started = time.perf_counter()
        raw = store.engine.raw_connection()
        try:
            pg = raw.driver_connection
            assert pg is not None
            _copy_districts(pg, source, districts)
        finally:
            raw.close()
        _finish(store)
    return time.perf_counter() - started


def _copy_districts(pg: psycopg.Connection[Any], source: Path, districts: int) -> None:
    from sromod.models import Base

    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with pg.cursor() as cur:
            # Triggers (search index, notifications) and foreign-key checks off while copying:
            # the copy comes from a consistent store; the index is built once at the end.
            cur.execute("SET session_replication_role = replica")
            for k in range(districts):
                started = time.perf_counter()
                for table in Base.metadata.sorted_tables:
                    if table.name == "settings" and k:
                        continue  # one register, one set of settings
                    _copy_table(cur, lite, table, k)
                pg.commit()
                print(
                    f"Bezirk {k + 1}/{districts}: {time.perf_counter() - started:.0f} s", flush=True
                )
            cur.execute("SET session_replication_role = origin")
    finally:
        lite.close()


def _copy_table(cur: psycopg.Cursor[Any], lite: sqlite3.Connection, table: Table, k: int) -> None:
    columns = [c.name for c in table.columns]
    keys = {"id"} | {fk.parent.name for fk in table.foreign_keys}
    ids = [n for n, c in enumerate(columns) if c in keys]
    retouch = _RETOUCH.get(table.name)
    rows = lite.execute(f"SELECT {', '.join(columns)} FROM {table.name}")
    with cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            values = list(row)
            for n in ids:
                if values[n] is not None:
                    values[n] = _district_id(values[n], k)
            if retouch is not None and k:
                retouch(columns, values, k)
            copy.write_row(values)


VERSION_DIGIT = 14  # "xxxxxxxx-xxxx-Vxxx-…": the UUID's version, 4 or 7 in every row
DISTRICT_DIGITS = "01235789abcdef".replace("7", "")  # never a version a row has


def _district_id(uuid: str, k: int) -> str:
    """District k's copy of a row: the UUID with its version digit standing for k (one-to-one)."""
    if not k:
        return uuid
    return f"{uuid[:VERSION_DIGIT]}{DISTRICT_DIGITS[k - 1]}{uuid[VERSION_DIGIT + 1 :]}"


def _suffix(column: str, text: str) -> Retouch:
    def retouch(columns: list[str], values: list[Any], k: int) -> None:
        n = columns.index(column)
        values[n] = text.format(value=values[n], k=k + 1)

    return retouch


def _renumbered(prefix: str, width: int) -> Retouch:
    def retouch(columns: list[str], values: list[Any], k: int) -> None:
        year, seq = values[columns.index("year")], values[columns.index("seq")]
        seq = int(seq) + k * SEQ_STRIDE
        values[columns.index("seq")] = seq
        values[columns.index("register_number")] = f"{prefix}-{year}/{seq:0{width}d}"

    return retouch


_RETOUCH: dict[str, Retouch] = {  # what must stay unique across the twelve districts
    "offices": _suffix("code", "{value}-{k:02d}"),
    "regions": _suffix("lor_id", "{value}-{k:02d}"),
    "bodies": _suffix("short_name", "{value} ({k:02d})"),
    "decisions": _renumbered("B", 3),
    "tasks": _renumbered("A", 4),
}


def _finish(store: Store) -> None:
    """The search index built once over everything, then the planner's statistics."""
    from sqlalchemy import text

    from sromod.store.fts import rebuild_search_index

    started = time.perf_counter()
    engine = store.engine
    with engine.begin() as conn:
        rebuild_search_index(conn)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    print(f"Suchindex und Statistik: {time.perf_counter() - started:.0f} s", flush=True)


# --- measuring -----------------------------------------------------------------------------------


def measure(url: str, source: Path, runs: int, districts: int, filled: float | None) -> str:
    from sromod.store import open_store
    from sromod.store.reading import open_for_reading

    with open_store(url) as register:
        counts = _counts(register)
        pg = [figures.filtering(register, runs), figures.searching(register, runs)]
    with open_store(source, create=False):  # upgraded, if the cached store is older
        pass
    lite_store = open_for_reading(source)
    assert lite_store is not None
    with lite_store:
        lite = [figures.filtering(lite_store, runs), figures.searching(lite_store, runs)]
    return report(pg, lite, counts, runs, districts, filled)


def _counts(store: Store) -> dict[str, int]:
    from bench.prepare import store_counts

    return store_counts(store)


def report(
    pg: list[Figure],
    lite: list[Figure],
    counts: dict[str, int],
    runs: int,
    districts: int,
    filled: float | None,
) -> str:
    held = ", ".join(f"{n:,} {what}".replace(",", ".") for what, n in counts.items())
    lines = [
        f"PostgreSQL-Register mit {districts} Bezirken: {held}",
        f"Füllen: {filled:.0f} s (COPY, Suchindex am Ende)" if filled else "Füllen: vorher",
        f"{runs} Läufe je Kennzahl (Median), Wert: langsamste Kombination bzw. langsamster Begriff",
        "",
        f"| | Kennzahl | Ziel | PostgreSQL, {districts} Bezirke | SQLite, 1 Bezirk | Ergebnis |",
        "|---|---|---|---|---|---|",
    ]
    for ours, theirs in zip(pg, lite, strict=True):
        lines.append(
            f"| {ours.key} | {ours.what} | {ours.target} | {ours.shown()} | {theirs.shown()} "
            f"| {ours.verdict} |"
        )
    lines.append("")
    for ours, theirs in zip(pg, lite, strict=True):
        lines += [f"- ({ours.key}) PostgreSQL: {d}" for d in ours.details]
        lines += [f"- ({theirs.key}) SQLite: {d}" for d in theirs.details]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
