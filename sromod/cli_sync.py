"""The command line's `sync`: make a laptop's replica of the shared register, or sync it."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SYNC_DESCRIPTION = (
    "Legt auf dem Laptop eine Replik des Registers an: eine vollständige sromod-Datenbank mit den "
    "genannten Gremien (ihre Sitzungen, TOPs, Beschlüsse, Anwesenheiten und Personen), allen "
    "Aufgaben der Ämter, die in diesen Gremien Mitglied sind, und den Ämtern, Regionen und "
    "Einstellungen. Personen anderer Gremien bleiben auf dem Server. Ohne --body nimmt sie die "
    "Gremien, in denen das Amt der Anmeldung Mitglied ist. Die Datei entsteht erst, wenn alles "
    "geholt ist. Danach gleicht derselbe Befehl die Replik in beide Richtungen ab: erst die "
    "Änderungen des Registers holen und mit den eigenen zusammenführen, dann die eigenen ins "
    "Register schreiben; Konflikte bleiben in der Replik, bis Sie entscheiden."
)


def add_sync_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    store_location: Callable[[str], Any],
    epilog: str,
) -> None:
    """The `sync` command; store_location and epilog are the command line's (cli.py)."""
    sync = sub.add_parser(
        "sync",
        help="Replik des Registers auf dem Laptop anlegen oder abgleichen",
        description=SYNC_DESCRIPTION,
        epilog=epilog,
    )
    sync.add_argument("--db", required=True, dest="replica", metavar="DATEI",
                      help="die Datenbankdatei der Replik auf dem Laptop")  # fmt: skip
    sync.add_argument("--server", type=store_location, required=True, metavar="URL",
                      help="das Register (postgresql://NAME@SERVER/DATENBANK)")  # fmt: skip
    sync.add_argument("--body", action="append", metavar="KURZBEZEICHNUNG", dest="bodies",
                      help="ein Gremium der Replik (mehrfach möglich)")  # fmt: skip
    sync.add_argument("--take", action="append", metavar="SITZUNG", default=[],
                      help="eine Sitzung für die Sitzung mitnehmen: bis zum nächsten Abgleich "
                      "ändert sie im Register niemand sonst (ID oder KURZNAME/NUMMER; mehrfach "
                      "möglich)")  # fmt: skip


def run_sync_command(args: argparse.Namespace) -> int:
    """Make the replica args name; its exit status (0: done)."""
    from sromod.services.errors import ServiceError
    from sromod.services.replica import progress_lines, refuse_existing
    from sromod.services.replica_security import (
        first_copy,
        open_for_sync,
        refuse_plain_text,
        taken_lines,
    )
    from sromod.store.address import ServerAddress, is_server_url

    if is_server_url(args.replica):
        raise ServiceError(
            "--db nennt die Datei der Replik auf diesem Rechner, keine Serveradresse."
        )
    if not isinstance(args.server, ServerAddress):
        raise ServiceError(
            "--server muss ein Register auf einem PostgreSQL-Server sein (postgresql://…)."
        )
    replica = Path(args.replica).expanduser().absolute()
    refuse_existing(replica)  # before the server is asked anything
    refuse_plain_text(args.server.url)
    print(f"Verbinde mit {args.server} …", file=sys.stderr)
    with open_for_sync(args.server) as server:
        if replica.exists():
            return _sync_existing(server, replica, args.bodies, args.take)
        report = first_copy(server, replica, args.bodies, args.take, _progress)
    for line in progress_lines(report) + taken_lines(report.state):
        print(line)
    log.info("sync: replica %s of %s created", report.state["replica_id"], args.server)
    return 0


def _sync_existing(server: Any, replica: Path, bodies: list[str] | None, take: list[str]) -> int:
    from sromod.services.errors import ServiceError
    from sromod.services.replica_security import sync_with_register
    from sromod.services.sync import report_lines
    from sromod.store import open_store

    if bodies:
        raise ServiceError(
            "Die Gremien einer Replik stehen seit ihrer Anlage fest; --body gilt nur beim ersten "
            "Abgleich. Die Replik bleibt unverändert."
        )
    with open_store(replica, create=False) as store:
        result = sync_with_register(store, take, _progress, server=server)
    for line in report_lines(result.outcome) + result.lines():
        print(line)
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
